#include "rollout/rolloutsession.h"

#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/karmadapaths.h"
#include "net/transport.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

RolloutSession::RolloutSession()
    : m_transport(new Net::Transport(this))
    , m_credentials(new Kube::ExecCredentialProvider(this))
{}

RolloutSession::~RolloutSession()
{
    // Clients first: their replies belong to the transport.
    for (const Target &t : std::as_const(m_members)) {
        if (t.prefix.isEmpty())
            delete t.client.data();
    }
    delete m_controlPlane.client.data();
}

Result<std::unique_ptr<RolloutSession>> RolloutSession::open(const Kube::LoadOptions &load,
                                                             const QStringList &contexts,
                                                             Mode mode)
{
    Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
    if (!config)
        return config.error();
    std::unique_ptr<RolloutSession> session(new RolloutSession);
    session->m_mode = mode;
    if (mode == Mode::Karmada) {
        QString name = contexts.value(0);
        if (name.isEmpty())
            name = Kube::defaultKarmadaContext(*config);
        Result<Kube::ResolvedContext> resolved = config->resolve(name);
        if (!resolved)
            return resolved.error();
        session->m_controlPlane.cluster = name;
        session->m_controlPlane.client
                = new Kube::ApiClient(*resolved, session->m_transport, session->m_credentials);
        return session;
    }
    QStringList names = contexts.isEmpty() ? config->contextNames() : contexts;
    if (contexts.isEmpty())
        names.removeAll(u"karmada"_s); // a control plane is not a member
    if (names.isEmpty())
        return Error{u"NotFound"_s,
                     tr("the kubeconfig (%1) defines no contexts")
                             .arg(config->files.join(u", "_s))};
    for (const QString &name : std::as_const(names)) {
        Result<Kube::ResolvedContext> resolved = config->resolve(name);
        if (!resolved)
            return resolved.error();
        Target target;
        target.cluster = name;
        target.client
                = new Kube::ApiClient(*resolved, session->m_transport, session->m_credentials);
        session->m_members.append(target);
    }
    return session;
}

QStringList RolloutSession::clusterNames() const
{
    QStringList names;
    for (const Target &t : m_members)
        names.append(t.cluster);
    return names;
}

Result<QList<Target>> RolloutSession::members(const QStringList &only) const
{
    if (only.isEmpty())
        return m_members;
    QList<Target> targets;
    for (const QString &name : only) {
        const auto it = std::find_if(m_members.cbegin(), m_members.cend(), [&](const Target &t) {
            return t.cluster == name;
        });
        if (it == m_members.cend())
            return Error{u"NotFound"_s,
                         tr("no cluster named \"%1\" (the clusters are: %2)")
                                 .arg(name, clusterNames().join(u", "_s))};
        targets.append(*it);
    }
    return targets;
}

Target RolloutSession::controlPlane() const
{
    return m_controlPlane;
}

void RolloutSession::discoverMembers(std::function<void(const Status &)> done)
{
    if (m_mode != Mode::Karmada) {
        done(succeeded());
        return;
    }
    QPointer<RolloutSession> self(this);
    listObjects(m_controlPlane,
                u"/apis/cluster.karmada.io/v1alpha1/clusters"_s,
                [self, done](const Result<QList<QJsonObject>> &clusters) {
                    if (!self)
                        return;
                    if (!clusters) {
                        done(Error{clusters.error().code,
                                   tr("listing the Karmada clusters: %1")
                                           .arg(clusters.error().message)});
                        return;
                    }
                    self->m_members.clear();
                    for (const QJsonObject &c : *clusters) {
                        Target t;
                        t.cluster = c.value(u"metadata").toObject().value(u"name").toString();
                        t.client = self->m_controlPlane.client;
                        t.prefix = Target::karmadaProxyPrefix(t.cluster);
                        self->m_members.append(t);
                    }
                    done(succeeded());
                });
}

} // namespace Meridian::Rollout

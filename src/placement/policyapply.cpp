#include "placement/policyapply.h"

#include "kube/apiclient.h"
#include "placement/preferencesconversion.h"
#include "placement/preferencesdocument.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace Meridian::Placement {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Placement", text);
}

QString policiesPath(const QString &ns)
{
    return QStringLiteral("/apis/policy.karmada.io/v1alpha1/namespaces/%1/propagationpolicies")
            .arg(ns);
}

QString deploymentPath(const QString &ns, const QString &name)
{
    return QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, name);
}

// The policy whose resourceSelectors name this Deployment; one without a name (every
// Deployment of the namespace) only when none names it.
std::optional<QJsonObject> selectingPolicy(const QJsonArray &items, const QString &name)
{
    std::optional<QJsonObject> unnamed;
    for (const QJsonValue &item : items) {
        const QJsonArray selectors = item[u"spec"][u"resourceSelectors"].toArray();
        for (const QJsonValue &s : selectors) {
            if (s[u"kind"].toString() != u"Deployment")
                continue;
            const QString selected = s[u"name"].toString();
            if (selected == name)
                return item.toObject();
            if (selected.isEmpty() && !s.toObject().contains(u"labelSelector") && !unnamed)
                unnamed = item.toObject();
        }
    }
    return unnamed;
}

Error apiFailure(const QString &what, const Net::Response &response)
{
    return Error{QStringLiteral("ApiError"),
                 tr("%1 failed: %2").arg(what, Kube::apiErrorFrom(response).message)};
}

} // namespace

void readKarmadaPlacement(Kube::ApiClient *client,
                          const QString &ns,
                          const QString &name,
                          KarmadaPlacementCallback done)
{
    auto result = std::make_shared<KarmadaPlacement>();
    QPointer<Kube::ApiClient> guard(client);
    client->get(policiesPath(ns), [=](const Net::Response &policies) {
        if (!policies.isHttpSuccess()) {
            done(apiFailure(tr("Listing PropagationPolicies in %1").arg(ns), policies));
            return;
        }
        const auto policy
                = selectingPolicy(QJsonDocument::fromJson(policies.body)[u"items"].toArray(), name);
        if (!policy) {
            done(Error{QStringLiteral("NotFound"),
                       tr("No PropagationPolicy in %1 selects Deployment %2; create one first.")
                               .arg(ns, name)});
            return;
        }
        result->policy = *policy;
        result->policyName = (*policy)[u"metadata"][u"name"].toString();
        const auto doc = PreferencesDocument::parsePropagationPolicy(
                QJsonDocument(*policy).toJson(QJsonDocument::Compact));
        if (!doc) {
            done(Error{doc.error().code,
                       tr("PropagationPolicy %1/%2: %3")
                               .arg(ns, result->policyName, doc.error().message)});
            return;
        }
        result->preferences = doc->preferences();
        if (!guard)
            return;
        guard->get(deploymentPath(ns, name), [=](const Net::Response &deployment) {
            if (!deployment.isHttpSuccess()) {
                done(apiFailure(tr("Reading Deployment %1/%2 on the control plane").arg(ns, name),
                                deployment));
                return;
            }
            result->total
                    = QJsonDocument::fromJson(deployment.body)[u"spec"][u"replicas"].toInteger(1);
            if (!guard)
                return;
            guard->get(QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters"),
                       [=](const Net::Response &clusters) {
                           if (!clusters.isHttpSuccess()) {
                               done(apiFailure(tr("Listing Karmada clusters"), clusters));
                               return;
                           }
                           QStringList all;
                           for (const QJsonValue &c :
                                QJsonDocument::fromJson(clusters.body)[u"items"].toArray())
                               all.append(c[u"metadata"][u"name"].toString());
                           const QJsonArray affinity
                                   = result->policy[u"spec"][u"placement"][u"clusterAffinity"]
                                                   [u"clusterNames"]
                                                           .toArray();
                           for (const QString &c : std::as_const(all)) {
                               if (affinity.isEmpty() || affinity.contains(QJsonValue(c)))
                                   result->clusters.append(c);
                           }
                           if (!guard)
                               return;
                           guard->get(QStringLiteral("/apis/work.karmada.io/v1alpha2/namespaces/%1/"
                                                     "resourcebindings/%2-deployment")
                                              .arg(ns, name),
                                      [=](const Net::Response &binding) {
                                          // No binding yet: Karmada has not scheduled it, there is
                                          // no previous result.
                                          if (binding.isHttpSuccess()) {
                                              for (const QJsonValue &t :
                                                   QJsonDocument::fromJson(
                                                           binding.body)[u"spec"][u"clusters"]
                                                           .toArray())
                                                  result->previous
                                                          .insert(t[u"name"].toString(),
                                                                  t[u"replicas"].toInteger());
                                          }
                                          done(*result);
                                      });
                       });
        });
    });
}

PolicyApplyJob::PolicyApplyJob(Kube::ApiClient *client,
                               QString ns,
                               QString name,
                               ReplicaPreferences base,
                               ReplicaPreferences target,
                               std::optional<qint64> total,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_name(std::move(name))
    , m_base(std::move(base))
    , m_target(std::move(target))
    , m_total(total)
{}

PolicyApplyJob::~PolicyApplyJob() = default;

void PolicyApplyJob::start()
{
    writePolicy();
}

void PolicyApplyJob::finish(MemberApplyResult result)
{
    m_results.append(std::move(result));
    const bool policyOk = m_results.constFirst().isSuccess();
    if (m_results.size() == 1 && policyOk && m_total) {
        m_attempts = 0;
        writeReplicas();
        return;
    }
    emit finished(m_results);
    deleteLater();
}

void PolicyApplyJob::writePolicy()
{
    if (!m_client) {
        MemberApplyResult r;
        r.member = QStringLiteral("PropagationPolicy");
        r.state = MemberApplyResult::State::Failed;
        r.message = tr("The Karmada control plane is not connected.");
        finish(r);
        return;
    }
    readKarmadaPlacement(m_client, m_ns, m_name, [this](const Result<KarmadaPlacement> &read) {
        MemberApplyResult r;
        r.member = QStringLiteral("PropagationPolicy");
        r.attempts = m_attempts;
        if (!read) {
            r.state = MemberApplyResult::State::Failed;
            r.message = read.error().message;
            finish(r);
            return;
        }
        r.member = QStringLiteral("PropagationPolicy/") + read->policyName;
        const ReplicaPreferences wanted
                = convertPreferences(m_target, PreferencesFormat::PropagationPolicy).preferences;
        const auto same = [](ReplicaPreferences a, ReplicaPreferences b) {
            a.totalReplicas.reset();
            b.totalReplicas.reset();
            a.rebalance = b.rebalance = false;
            return a == b;
        };
        if (same(read->preferences, wanted)) {
            r.state = m_attempts == 0 ? MemberApplyResult::State::Unchanged
                                      : MemberApplyResult::State::Done;
            finish(r);
            return;
        }
        if (!same(read->preferences, m_base)) {
            r.state = MemberApplyResult::State::Conflict;
            r.httpStatus = 409;
            r.message = tr("PropagationPolicy %1 was changed by someone else since you started "
                           "editing. Reload and edit again.")
                                .arg(read->policyName);
            finish(r);
            return;
        }
        auto doc = PreferencesDocument::parsePropagationPolicy(
                QJsonDocument(read->policy).toJson(QJsonDocument::Compact));
        if (!doc) {
            r.state = MemberApplyResult::State::Failed;
            r.message = doc.error().message;
            finish(r);
            return;
        }
        (void)doc->setPreferences(wanted);
        QJsonObject policy = QJsonDocument::fromJson(doc->toText()).object();
        policy.remove(u"status");
        Net::Request request = m_client->requestFor(policiesPath(m_ns) + u'/' + read->policyName);
        request.method = "PUT";
        request.body = QJsonDocument(policy).toJson(QJsonDocument::Compact);
        request.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        ++m_attempts;
        m_client->send(request, [this, r](const Net::Response &response) mutable {
            r.attempts = m_attempts;
            r.httpStatus = response.httpStatus;
            if (response.isHttpSuccess()) {
                r.state = MemberApplyResult::State::Done;
                finish(r);
            } else if (response.httpStatus == 409 && m_attempts < PlacementApplyJob::maxAttempts) {
                writePolicy();
            } else {
                r.state = MemberApplyResult::State::Failed;
                r.message = tr("Writing %1 failed: %2")
                                    .arg(r.member, Kube::apiErrorFrom(response).message);
                finish(r);
            }
        });
    });
}

void PolicyApplyJob::writeReplicas()
{
    MemberApplyResult r;
    r.member = QStringLiteral("Deployment/") + m_name;
    if (!m_client) {
        r.state = MemberApplyResult::State::Failed;
        r.message = tr("The Karmada control plane is not connected.");
        finish(r);
        return;
    }
    const QString path = deploymentPath(m_ns, m_name);
    m_client->get(path, [this, r, path](const Net::Response &got) mutable {
        if (!got.isHttpSuccess()) {
            r.state = MemberApplyResult::State::Failed;
            r.message = apiFailure(tr("Reading %1").arg(r.member), got).message;
            finish(r);
            return;
        }
        QJsonObject deployment = QJsonDocument::fromJson(got.body).object();
        QJsonObject spec = deployment.value(u"spec").toObject();
        r.replicasBefore = spec.value(u"replicas").toInteger(1);
        if (r.replicasBefore == *m_total) {
            r.state = MemberApplyResult::State::Unchanged;
            finish(r);
            return;
        }
        spec.insert(u"replicas", *m_total);
        deployment.insert(u"spec", spec);
        deployment.remove(u"status");
        Net::Request request = m_client->requestFor(path);
        request.method = "PUT";
        request.body = QJsonDocument(deployment).toJson(QJsonDocument::Compact);
        request.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        ++m_attempts;
        m_client->send(request, [this, r](const Net::Response &response) mutable {
            r.attempts = m_attempts;
            r.httpStatus = response.httpStatus;
            if (response.isHttpSuccess()) {
                r.state = MemberApplyResult::State::Done;
                finish(r);
            } else if (response.httpStatus == 409 && m_attempts < PlacementApplyJob::maxAttempts) {
                writeReplicas(); // the controller moved on: set the total on the fresh object
            } else {
                r.state = MemberApplyResult::State::Failed;
                r.message = tr("Writing %1 failed: %2")
                                    .arg(r.member, Kube::apiErrorFrom(response).message);
                finish(r);
            }
        });
    });
}

} // namespace Meridian::Placement

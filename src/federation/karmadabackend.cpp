#include "karmadabackend.h"

#include "memberdetails.h"

#include "kube/apiclient.h"
#include "kube/informer.h"
#include "kube/karmadapaths.h"
#include "placement/preferencesdocument.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Meridian::Federation {

namespace {

const QString policyGroup = QStringLiteral("/apis/policy.karmada.io/v1alpha1");
const QString workGroup = QStringLiteral("/apis/work.karmada.io/v1alpha2");
const QString appsGroup = QStringLiteral("/apis/apps/v1");

QJsonObject objectAt(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toObject();
}

QString metadataString(const QJsonObject &object, QLatin1StringView key)
{
    return objectAt(object, QLatin1String("metadata")).value(key).toString();
}

QString namespaceOf(const QString &key)
{
    return key.section(u'/', 0, 0);
}

bool isFailure(ClusterState state)
{
    return state == ClusterState::Unreachable || state == ClusterState::Unauthorized
           || state == ClusterState::Forbidden;
}

bool sameForOperator(ClusterStatus a, ClusterStatus b)
{
    a.lastSuccess = {};
    b.lastSuccess = {};
    return a == b;
}

// The Deployment a binding binds, as "namespace/name"; empty for other kinds.
QString boundDeployment(const QJsonObject &binding)
{
    const QJsonObject resource
            = objectAt(objectAt(binding, QLatin1String("spec")), QLatin1String("resource"));
    if (resource.value(QLatin1String("kind")).toString() != QLatin1String("Deployment"))
        return {};
    QString ns = resource.value(QLatin1String("namespace")).toString();
    if (ns.isEmpty())
        ns = metadataString(binding, QLatin1String("namespace"));
    return ns + u'/' + resource.value(QLatin1String("name")).toString();
}

} // namespace

// The policy a binding names: newer Karmada puts the name in annotations (the labels carry a
// permanent id), older Karmada in labels; either is read, annotations first.
KarmadaBackend::PolicyRef KarmadaBackend::policyOf(const QJsonObject &binding)
{
    const QJsonObject metadata = objectAt(binding, QLatin1String("metadata"));
    const QJsonObject annotations = objectAt(metadata, QLatin1String("annotations"));
    const QJsonObject labels = objectAt(metadata, QLatin1String("labels"));
    const auto value = [&](QLatin1StringView key) {
        const QString annotated = annotations.value(key).toString();
        return annotated.isEmpty() ? labels.value(key).toString() : annotated;
    };
    PolicyRef ref;
    const QString pp = value(QLatin1String("propagationpolicy.karmada.io/name"));
    const QString cpp = value(QLatin1String("clusterpropagationpolicy.karmada.io/name"));
    if (!pp.isEmpty()) {
        ref.kind = QStringLiteral("PropagationPolicy");
        ref.name = pp;
        ref.ns = value(QLatin1String("propagationpolicy.karmada.io/namespace"));
        if (ref.ns.isEmpty())
            ref.ns = metadataString(binding, QLatin1String("namespace"));
    } else if (!cpp.isEmpty()) {
        ref.kind = QStringLiteral("ClusterPropagationPolicy");
        ref.name = cpp;
    }
    return ref;
}

struct KarmadaBackend::Member
{
    QString name;
    ClusterStatus status;
    bool seen = false;                   // its Cluster object exists
    QList<Kube::Informer *> deployments; // its own copies, through the cluster proxy
    MemberDetails details; // ReplicaSets, pods and events of the followed namespace, proxied
};

KarmadaBackend::KarmadaBackend(Kube::ApiClient *client, Options options, QObject *parent)
    : Backend(parent)
    , m_client(client)
    , m_options(std::move(options))
    , m_controlPlaneRetry(this)
{
    m_controlPlaneRetry.setSingleShot(true);
    m_controlPlaneRetry.setInterval(m_options.controlPlaneRetryMs);
    connect(&m_controlPlaneRetry, &QTimer::timeout, this, [this] {
        if (m_running && m_clusterInformer)
            m_clusterInformer->start(); // a fresh list answers for the control plane
    });
}

KarmadaBackend::~KarmadaBackend()
{
    stop();
}

Capabilities KarmadaBackend::karmadaCapabilities()
{
    // replicaScheduling (FACTS §3.2): Duplicated, or Divided by static weights, by available
    // replicas (dynamicWeight) or Aggregated. Static weights have no per-cluster min/max, and the
    // scheduler keeps what runs (no Federation-style rebalance).
    Capabilities c;
    c.perClusterMinMax = false;
    c.rebalance = false;
    c.weights = true;
    c.dynamicWeights = true;
    c.duplicated = true;
    c.aggregated = true;
    return c;
}

QString KarmadaBackend::proxyPath(const QString &cluster, const QString &memberPath)
{
    return Kube::karmadaProxyPath(cluster, memberPath);
}

QString KarmadaBackend::controlPlaneContext() const
{
    return m_client ? m_client->context().context.name : QString();
}

QStringList KarmadaBackend::scopes() const
{
    return m_options.namespaces.isEmpty() ? QStringList{QString()} : m_options.namespaces;
}

QString KarmadaBackend::collection(const QString &prefix,
                                   const QString &ns,
                                   const QString &resource) const
{
    return ns.isEmpty() ? prefix + u'/' + resource
                        : QStringLiteral("%1/namespaces/%2/%3").arg(prefix, ns, resource);
}

Kube::Informer *KarmadaBackend::makeInformer(const QString &path)
{
    auto *informer = new Kube::Informer(m_client, path, this);
    informer->setBackoff(m_options.backoffInitialMs, m_options.backoffMaxMs);
    return informer;
}

// A workload-level collection of the control plane: every event makes the keys it touches
// dirty; a relist makes every key it covered or covers dirty.
void KarmadaBackend::start()
{
    if (m_running || !m_client)
        return;
    m_running = true;

    m_clusterInformer = makeInformer(Kube::karmadaClustersPath());
    m_unsynced.insert(m_clusterInformer);
    connect(m_clusterInformer, &Kube::Informer::synced, this, &KarmadaBackend::onClustersSynced);
    connect(m_clusterInformer,
            &Kube::Informer::changed,
            this,
            [this](const QList<Kube::WatchEvent> &events) {
                for (const Kube::WatchEvent &event : events)
                    onClusterObject(event.object, event.type == Kube::WatchEvent::Type::Deleted);
            });
    connect(m_clusterInformer, &Kube::Informer::failed, this, &KarmadaBackend::onClustersFailed);

    // Templates: an event touches its own workload. Policies: any workload may use it.
    auto watchTemplates = [this](Kube::Informer *informer, bool templates) {
        m_unsynced.insert(informer);
        connect(informer,
                &Kube::Informer::synced,
                this,
                [this, informer](const QList<QJsonObject> &) {
                    // A relist: what it had, what it has now, and what we show may all differ.
                    markAllDirty();
                    markSynced(informer);
                });
        connect(informer,
                &Kube::Informer::changed,
                this,
                [this, templates](const QList<Kube::WatchEvent> &events) {
                    if (!templates) {
                        markAllDirty();
                        return;
                    }
                    for (const Kube::WatchEvent &event : events)
                        markDirty(Kube::Informer::keyOf(event.object));
                });
        connect(informer, &Kube::Informer::failed, this, [this, informer](const QString &, int) {
            markSynced(informer);
        });
    };

    for (const QString &ns : scopes()) {
        Kube::Informer *deployments
                = makeInformer(collection(appsGroup, ns, QStringLiteral("deployments")));
        m_deployments.append(deployments);
        watchTemplates(deployments, true);

        Kube::Informer *bindings
                = makeInformer(collection(workGroup, ns, QStringLiteral("resourcebindings")));
        m_bindings.append(bindings);
        m_unsynced.insert(bindings);
        connect(bindings,
                &Kube::Informer::synced,
                this,
                [this, bindings, ns](const QList<QJsonObject> &items) {
                    for (auto it = m_bindingOf.begin(); it != m_bindingOf.end();) {
                        if (ns.isEmpty() || namespaceOf(it.value()) == ns) {
                            markDirty(it.key());
                            it = m_bindingOf.erase(it);
                        } else {
                            ++it;
                        }
                    }
                    for (const QJsonObject &item : items)
                        indexBinding(Kube::Informer::keyOf(item), &item);
                    markSynced(bindings);
                });
        connect(bindings,
                &Kube::Informer::changed,
                this,
                [this](const QList<Kube::WatchEvent> &events) {
                    for (const Kube::WatchEvent &event : events) {
                        const QString key = Kube::Informer::keyOf(event.object);
                        indexBinding(key,
                                     event.type == Kube::WatchEvent::Type::Deleted ? nullptr
                                                                                   : &event.object);
                    }
                });
        connect(bindings, &Kube::Informer::failed, this, [this, bindings](const QString &, int) {
            markSynced(bindings);
        });

        Kube::Informer *policies
                = makeInformer(collection(policyGroup, ns, QStringLiteral("propagationpolicies")));
        m_policies.append(policies);
        watchTemplates(policies, false);
    }
    m_clusterPolicies = makeInformer(policyGroup + QStringLiteral("/clusterpropagationpolicies"));
    watchTemplates(m_clusterPolicies, false);

    m_clusterInformer->start();
    for (Kube::Informer *informer : m_deployments + m_bindings + m_policies)
        informer->start();
    m_clusterPolicies->start();
}

void KarmadaBackend::stop()
{
    m_running = false;
    m_controlPlaneRetry.stop();
    QList<Kube::Informer *> all = m_deployments + m_bindings + m_policies;
    all.append(m_clusterInformer);
    all.append(m_clusterPolicies);
    for (auto &[name, member] : m_members) {
        all += member->deployments + member->details.all();
        member->deployments.clear();
        member->details = {};
    }
    for (Kube::Informer *informer : std::as_const(all))
        delete informer; // stops and cancels its request
    m_deployments.clear();
    m_bindings.clear();
    m_policies.clear();
    m_clusterInformer = nullptr;
    m_clusterPolicies = nullptr;
    m_unsynced.clear();
}

void KarmadaBackend::refreshClusters()
{
    if (!m_running || !m_clusterInformer)
        return;
    m_controlPlaneRetry.stop();
    m_clusterInformer->stop();
    m_clusterInformer->start();
}

void KarmadaBackend::setProbedStatus(const ClusterStatus &status)
{
    Q_UNUSED(status) // the control plane is not a member; its Clusters say how members are
}

// ------------------------------------------------------------------------------- clusters

ClusterStatus KarmadaBackend::clusterStatusFromObject(const QJsonObject &cluster)
{
    const QJsonObject metadata = objectAt(cluster, QLatin1String("metadata"));
    const QJsonObject spec = objectAt(cluster, QLatin1String("spec"));
    const QJsonObject status = objectAt(cluster, QLatin1String("status"));
    ClusterStatus s;
    s.name = metadata.value(QLatin1String("name")).toString();
    s.context = s.name;
    s.server = spec.value(QLatin1String("apiEndpoint")).toString();
    s.version = status.value(QLatin1String("kubernetesVersion")).toString();
    s.region = spec.value(QLatin1String("region")).toString();
    const QJsonArray zones = spec.value(QLatin1String("zones")).toArray();
    s.zone = zones.isEmpty() ? spec.value(QLatin1String("zone")).toString()
                             : zones.first().toString();
    for (const QJsonValue &zone : zones)
        s.zones.append(zone.toString());
    if (s.zones.isEmpty() && !s.zone.isEmpty())
        s.zones.append(s.zone);
    s.provider = spec.value(QLatin1String("provider")).toString();
    s.location = objectAt(metadata, QLatin1String("labels"))
                         .value(QLatin1String("meridian.dev/location"))
                         .toString();
    s.insecureTls = spec.value(QLatin1String("insecureSkipTLSVerification")).toBool();
    const QJsonObject nodes = objectAt(status, QLatin1String("nodeSummary"));
    s.nodesTotal = nodes.value(QLatin1String("totalNum")).toInt();
    s.nodesReady = nodes.value(QLatin1String("readyNum")).toInt();
    const QJsonObject allocatable = objectAt(objectAt(status, QLatin1String("resourceSummary")),
                                             QLatin1String("allocatable"));
    s.allocatableCpu = allocatable.value(QLatin1String("cpu")).toString();
    s.allocatableMemory = allocatable.value(QLatin1String("memory")).toString();
    s.allocatablePods = allocatable.value(QLatin1String("pods")).toString();

    QJsonObject ready;
    for (const QJsonValue &value : status.value(QLatin1String("conditions")).toArray()) {
        if (value.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            ready = value.toObject();
    }
    const QString readyStatus = ready.value(QLatin1String("status")).toString();
    const QString message = ready.value(QLatin1String("message")).toString();
    const QString reason = ready.value(QLatin1String("reason")).toString();
    if (readyStatus == QLatin1String("True")) {
        if (s.nodesTotal == 0) {
            s.state = ClusterState::Degraded;
            s.reason = tr("The cluster has no nodes");
        } else if (s.nodesReady < s.nodesTotal) {
            s.state = ClusterState::Degraded;
            s.reason = tr("%1 of %2 nodes are not Ready")
                               .arg(s.nodesTotal - s.nodesReady)
                               .arg(s.nodesTotal);
        } else {
            s.state = ClusterState::Ready;
        }
        s.lastSuccess = QDateTime::currentDateTimeUtc();
    } else if (readyStatus == QLatin1String("False")) {
        // ClusterNotReachable: Karmada cannot talk to it; anything else: it answers, unwell.
        s.state = reason == QLatin1String("ClusterNotReachable") ? ClusterState::Unreachable
                                                                 : ClusterState::Degraded;
        s.reason = tr("Karmada reports the cluster not Ready (%1): %2")
                           .arg(reason.isEmpty() ? QStringLiteral("-") : reason,
                                message.isEmpty() ? tr("no message") : message);
    } else {
        s.state = ClusterState::Connecting;
        s.reason = tr("Karmada has not reported the cluster's health yet");
    }
    return s;
}

void KarmadaBackend::onClustersSynced(const QList<QJsonObject> &items)
{
    const bool wasFailing = !m_controlPlaneError.isEmpty();
    m_controlPlaneError.clear();
    QSet<QString> present;
    for (const QJsonObject &item : items) {
        present.insert(metadataString(item, QLatin1String("name")));
        onClusterObject(item, false);
    }
    QStringList gone;
    for (const auto &[name, member] : m_members) {
        if (!present.contains(name) && member->seen)
            gone.append(name);
    }
    for (const QString &name : std::as_const(gone)) {
        QJsonObject object{
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
        onClusterObject(object, true);
    }
    if (wasFailing)
        markAllDirty();
    m_clustersListedOnce = true;
    markSynced(m_clusterInformer);
    emit clustersListed({});
}

void KarmadaBackend::onClusterObject(const QJsonObject &object, bool deleted)
{
    const QString name = metadataString(object, QLatin1String("name"));
    if (name.isEmpty())
        return;
    m_controlPlaneError.clear();
    if (deleted) {
        auto it = m_members.find(name);
        if (it == m_members.end())
            return;
        removeMember(name);
        return;
    }
    m_removedClusters.removeAll(name); // deleted and created again before the worker drained
    addMember(name);
    Member &member = *m_members.at(name);
    member.seen = true;
    ClusterStatus status = clusterStatusFromObject(object);
    if (!status.lastSuccess.isValid())
        status.lastSuccess = member.status.lastSuccess;
    setClusterStatus(member, status);
}

void KarmadaBackend::onClustersFailed(const QString &reason, int httpStatus)
{
    if (httpStatus == 410)
        return; // the informer relists by itself
    m_controlPlaneError = reason.isEmpty() ? tr("no answer") : reason;
    // Every member is as unknown as the control plane that reports them.
    const QString why = tr("The Karmada control plane (context %1) cannot be read: %2")
                                .arg(controlPlaneContext(), m_controlPlaneError);
    for (auto &[name, member] : m_members) {
        ClusterStatus status = member->status;
        status.state = httpStatus == 401   ? ClusterState::Unauthorized
                       : httpStatus == 403 ? ClusterState::Forbidden
                                           : ClusterState::Unreachable;
        status.reason = why;
        setClusterStatus(*member, status);
    }
    markAllDirty();
    // Relist from scratch after a pause rather than resume a watch: a list is the proof that the
    // control plane is back, and it brings every member's state at once.
    // (Queued: the informer is still inside its own callback and would schedule its own retry.)
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_running || !m_clusterInformer)
                    return;
                m_clusterInformer->stop();
                m_controlPlaneRetry.start();
            },
            Qt::QueuedConnection);
    markSynced(m_clusterInformer);
    emit clustersListed(m_controlPlaneError);
}

void KarmadaBackend::addMember(const QString &name)
{
    auto found = m_members.find(name);
    if (found == m_members.end()) {
        auto member = std::make_unique<Member>();
        member->name = name;
        member->status.name = name;
        member->status.context = name;
        found = m_members.emplace(name, std::move(member)).first;
    }
    Member &m = *found->second;
    if (m.details.isEmpty())
        watchDetails(m);
    if (!m_options.memberDetails || !m.deployments.isEmpty())
        return;
    for (const QString &ns : scopes()) {
        Kube::Informer *informer
                = makeInformer(proxyPath(name,
                                         collection(QStringLiteral("/apis/apps/v1"),
                                                    ns,
                                                    QStringLiteral("deployments"))));
        // Only what Karmada put there: a same-named Deployment of someone else is not ours.
        informer->setLabelSelector(QStringLiteral("karmada.io/managed=true"));
        m.deployments.append(informer);
        if (!m_initialSyncDone)
            m_unsynced.insert(informer);
        connect(informer,
                &Kube::Informer::synced,
                this,
                [this, informer, ns](const QList<QJsonObject> &) {
                    // A relist: keys it had and keys it has now.
                    for (auto it = m_workloads.cbegin(); it != m_workloads.cend(); ++it) {
                        if (ns.isEmpty() || namespaceOf(it.key()) == ns)
                            markDirty(it.key());
                    }
                    for (auto it = informer->cache().cbegin(); it != informer->cache().cend(); ++it)
                        markDirty(it.key());
                    markSynced(informer);
                });
        connect(informer,
                &Kube::Informer::changed,
                this,
                [this](const QList<Kube::WatchEvent> &events) {
                    for (const Kube::WatchEvent &event : events)
                        markDirty(Kube::Informer::keyOf(event.object));
                });
        connect(informer, &Kube::Informer::failed, this, [this, informer](const QString &, int) {
            // An unreachable member (503 through the proxy) still answered for the first sync;
            // the binding's aggregatedStatus speaks for it meanwhile.
            markSynced(informer);
        });
        if (m_running)
            informer->start();
    }
}

void KarmadaBackend::setDetailNamespace(const QString &ns)
{
    if (ns == m_detailNamespace)
        return;
    m_detailNamespace = ns;
    for (auto &[name, member] : m_members) {
        qDeleteAll(member->details.all());
        member->details = {};
        watchDetails(*member);
    }
    emit detailsChanged();
}

void KarmadaBackend::watchDetails(Member &member)
{
    const QString ns = m_detailNamespace;
    const QStringList watched = scopes();
    if (!m_running || !m_options.memberDetails || ns.isEmpty()
        || !(watched.contains(QString()) || watched.contains(ns)))
        return;
    // Through the cluster proxy, for the namespace the operator looks at only: a member's pods
    // and events are read for one workload at a time.
    auto proxied = [&](const QString &prefix, const QString &resource) {
        Kube::Informer *informer
                = makeInformer(proxyPath(member.name, collection(prefix, ns, resource)));
        connect(informer, &Kube::Informer::synced, this, &Backend::detailsChanged);
        connect(informer, &Kube::Informer::changed, this, &Backend::detailsChanged);
        connect(informer, &Kube::Informer::failed, this, &Backend::detailsChanged);
        return informer;
    };
    Kube::Informer *replicaSets
            = proxied(QStringLiteral("/apis/apps/v1"), QStringLiteral("replicasets"));
    replicaSets->setProjection(replicaSetDetails(true));
    Kube::Informer *pods = proxied(QStringLiteral("/api/v1"), QStringLiteral("pods"));
    pods->setProjection(podDetails(true));
    pods->setCompactCache(true);
    Kube::Informer *events = proxied(QStringLiteral("/api/v1"), QStringLiteral("events"));
    events->setProjection(eventDetails(true));
    events->setCompactCache(true);
    member.details = {{replicaSets}, {pods}, {events}};
    for (Kube::Informer *informer : member.details.all())
        informer->start();
}

WorkloadInsight KarmadaBackend::workloadInsight(const QString &ns, const QString &name) const
{
    WorkloadInsight insight;
    insight.ns = ns;
    insight.name = name;
    const auto workload = m_workloads.constFind(ns + u'/' + name);
    if (workload == m_workloads.cend())
        return insight;
    for (auto it = workload->clusters.cbegin(); it != workload->clusters.cend(); ++it) {
        const auto found = m_members.find(it.key());
        if (found == m_members.end())
            continue;
        const Member &m = *found->second;
        if (m.details.isEmpty()) {
            insight.notes.insert(m.name,
                                 ns == m_detailNamespace
                                         ? tr("Pods are not watched in this cluster")
                                         : tr("Pods are read for the followed workload only"));
            continue;
        }
        if (!m.details.listed()) {
            insight.notes.insert(m.name,
                                 isFailure(m.status.state)
                                         ? tr("Not listed: %1").arg(m.status.reason)
                                         : tr("Still listing pods and events"));
        } else if (isFailure(m.status.state)) {
            insight.notes.insert(m.name, tr("As last seen: %1").arg(m.status.reason));
        }
        const MemberInsight member = m.details.read(m.name, ns, name);
        insight.pods += member.pods;
        insight.events += member.events;
    }
    finishInsight(insight);
    return insight;
}

void KarmadaBackend::removeMember(const QString &name)
{
    auto it = m_members.find(name);
    if (it == m_members.end())
        return;
    // Its proxied watches end with it (the aggregated apiserver no longer proxies to it).
    for (Kube::Informer *informer : std::as_const(it->second->deployments)) {
        m_unsynced.remove(informer);
        delete informer;
    }
    qDeleteAll(it->second->details.all());
    m_members.erase(it);
    m_dirtyClusters.remove(name);
    if (!m_removedClusters.contains(name))
        m_removedClusters.append(name);
    // Every workload loses its row for the member (and its share of the totals).
    markAllDirty();
    schedule();
    // The first sync may have waited only for the informers just deleted.
    finishInitialSyncIfDone();
}

void KarmadaBackend::setClusterStatus(Member &member, const ClusterStatus &status)
{
    const bool changed = !sameForOperator(member.status, status);
    const bool availabilityChanged = isFailure(member.status.state) != isFailure(status.state);
    member.status = status;
    if (availabilityChanged)
        markAllDirty();
    if (changed) {
        m_dirtyClusters.insert(member.name);
        schedule();
    }
}

// ------------------------------------------------------------------------------- workloads

void KarmadaBackend::indexBinding(const QString &key, const QJsonObject *binding)
{
    // Drop the old entry (the binding may have been deleted, or may bind something else now).
    for (auto it = m_bindingOf.begin(); it != m_bindingOf.end();) {
        if (it.value() == key) {
            markDirty(it.key());
            it = m_bindingOf.erase(it);
        } else {
            ++it;
        }
    }
    if (!binding)
        return;
    const QString workload = boundDeployment(*binding);
    if (workload.isEmpty())
        return;
    m_bindingOf.insert(workload, key);
    markDirty(workload);
}

void KarmadaBackend::markSynced(Kube::Informer *informer)
{
    if (m_unsynced.remove(informer))
        finishInitialSyncIfDone();
}

void KarmadaBackend::finishInitialSyncIfDone()
{
    if (m_initialSyncDone || !m_running || !m_unsynced.isEmpty())
        return;
    m_initialSyncDone = true;
    schedule();
    emit initialSyncDone();
    emit cachesSynced(); // the engine caches nothing beyond what the first sync waits for
}

void KarmadaBackend::markDirty(const QString &key)
{
    if (key.isEmpty() || key == QLatin1String("/"))
        return;
    m_dirtyWorkloads.insert(key);
    schedule();
}

void KarmadaBackend::markAllDirty()
{
    for (auto it = m_workloads.cbegin(); it != m_workloads.cend(); ++it)
        m_dirtyWorkloads.insert(it.key());
    for (const Kube::Informer *informer : std::as_const(m_deployments)) {
        for (auto it = informer->cache().cbegin(); it != informer->cache().cend(); ++it)
            m_dirtyWorkloads.insert(it.key());
    }
    if (!m_dirtyWorkloads.isEmpty())
        schedule();
}

void KarmadaBackend::schedule()
{
    if (!m_initialSyncDone || m_pendingSignalled)
        return;
    m_pendingSignalled = true;
    emit changesPending();
}

namespace {

const QJsonObject *findIn(const QList<Kube::Informer *> &informers, const QString &key)
{
    for (const Kube::Informer *informer : informers) {
        const auto it = informer->cache().constFind(key);
        if (it != informer->cache().cend())
            return &*it;
    }
    return nullptr;
}

} // namespace

std::optional<FederatedWorkload> KarmadaBackend::build(const QString &key) const
{
    const QJsonObject *deployment = findIn(m_deployments, key);
    if (!deployment)
        return std::nullopt;
    const qsizetype slash = key.indexOf(u'/');
    FederatedWorkload w;
    w.ns = key.left(slash);
    w.name = key.mid(slash + 1);
    // The resource template: what every member should run.
    const MemberStatus desiredTemplate = memberStatusFromDeployment(*deployment);

    const QJsonObject *binding = nullptr;
    if (const auto it = m_bindingOf.constFind(key); it != m_bindingOf.cend())
        binding = findIn(m_bindings, *it);

    // Placement: the policy the binding names, else the placement the binding copied.
    w.preferences = ReplicaPreferences::evenSpread();
    if (!binding) {
        w.notes.append(tr("No PropagationPolicy or ClusterPropagationPolicy selects this "
                          "Deployment: Karmada does not propagate it."));
        w.plannedTotal = desiredTemplate.desired;
        w.totals = {};
        return w;
    }
    const QJsonObject bindingSpec = objectAt(*binding, QLatin1String("spec"));
    const QJsonObject bindingStatus = objectAt(*binding, QLatin1String("status"));
    const PolicyRef ref = policyOf(*binding);
    QJsonObject policy;
    if (ref.kind == QLatin1String("PropagationPolicy")) {
        const QString ns = ref.ns.isEmpty() ? w.ns : ref.ns;
        if (const QJsonObject *found = findIn(m_policies, ns + u'/' + ref.name))
            policy = *found;
    } else if (ref.kind == QLatin1String("ClusterPropagationPolicy") && m_clusterPolicies) {
        policy = m_clusterPolicies->cache().value(u'/' + ref.name);
    }
    w.placementKind = ref.kind;
    w.placementName = ref.name;
    if (policy.isEmpty()) {
        // The scheduler's own copy of the placement.
        policy = QJsonObject{{QStringLiteral("apiVersion"),
                              QStringLiteral("policy.karmada.io/v1alpha1")},
                             {QStringLiteral("kind"),
                              ref.kind.isEmpty() ? QStringLiteral("PropagationPolicy") : ref.kind},
                             {QStringLiteral("metadata"),
                              QJsonObject{{QStringLiteral("name"), ref.name}}},
                             {QStringLiteral("spec"),
                              QJsonObject{{QStringLiteral("placement"),
                                           bindingSpec.value(QLatin1String("placement"))}}}};
    }
    const auto parsed = Placement::PreferencesDocument::parsePropagationPolicy(
            QJsonDocument(policy).toJson(QJsonDocument::Compact));
    if (parsed) {
        w.preferences = parsed->preferences();
        w.notes.append(parsed->notes());
    } else {
        w.notes.append(tr("The placement of %1 %2 cannot be read (%3).")
                               .arg(policy.value(QLatin1String("kind")).toString(),
                                    metadataString(policy, QLatin1String("name")),
                                    parsed.error().message));
    }

    // A member whose Cluster object is gone has no row (Karmada reschedules away from it; until
    // then its binding entries are history).
    const auto known = [this](const QString &name) {
        return !m_clustersListedOnce || m_members.find(name) != m_members.end();
    };
    // The plan: the scheduler's assignment.
    for (const QJsonValue &value : bindingSpec.value(QLatin1String("clusters")).toArray()) {
        const QJsonObject target = value.toObject();
        const QString name = target.value(QLatin1String("name")).toString();
        if (known(name))
            w.plan.insert(name, target.value(QLatin1String("replicas")).toInteger());
    }
    w.plannedTotal = bindingSpec.contains(QLatin1String("replicas"))
                             ? bindingSpec.value(QLatin1String("replicas")).toInteger()
                             : desiredTemplate.desired;
    QHash<QString, QJsonObject> aggregated;
    for (const QJsonValue &value :
         bindingStatus.value(QLatin1String("aggregatedStatus")).toArray()) {
        const QJsonObject item = value.toObject();
        const QString name = item.value(QLatin1String("clusterName")).toString();
        if (known(name))
            aggregated.insert(name, item);
    }
    for (const QJsonValue &value : bindingStatus.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject c = value.toObject();
        if (c.value(QLatin1String("status")).toString() == QLatin1String("True"))
            continue;
        w.notes.append(tr("Karmada: %1 is %2 (%3): %4")
                               .arg(c.value(QLatin1String("type")).toString(),
                                    c.value(QLatin1String("status")).toString(),
                                    c.value(QLatin1String("reason")).toString(),
                                    c.value(QLatin1String("message")).toString()));
    }

    // Members: those the plan names, those that report status, those holding a copy.
    QSet<QString> names(w.plan.keyBegin(), w.plan.keyEnd());
    for (auto it = aggregated.cbegin(); it != aggregated.cend(); ++it)
        names.insert(it.key());
    for (const auto &[name, member] : m_members) {
        if (findIn(member->deployments, key))
            names.insert(name);
    }
    for (const QString &name : std::as_const(names)) {
        MemberStatus m;
        const auto memberIt = m_members.find(name);
        const QJsonObject *copy = memberIt == m_members.end()
                                          ? nullptr
                                          : findIn(memberIt->second->deployments, key);
        const QJsonObject item = aggregated.value(name);
        if (copy) {
            m = memberStatusFromDeployment(*copy);
        } else {
            // Through Karmada only: the counts it aggregated and the template it propagates.
            const QJsonObject status = objectAt(item, QLatin1String("status"));
            m.desired = w.plan.value(name, status.value(QLatin1String("replicas")).toInteger());
            m.updated = status.value(QLatin1String("updatedReplicas")).toInteger();
            m.ready = status.value(QLatin1String("readyReplicas")).toInteger();
            m.available = status.value(QLatin1String("availableReplicas")).toInteger();
            m.unavailable = status.value(QLatin1String("unavailableReplicas")).toInteger();
            m.observedGeneration = status.value(QLatin1String("observedGeneration")).toInteger();
            m.images = desiredTemplate.images;
            m.templateHash = desiredTemplate.templateHash;
        }
        m.preferences.clear();
        if (!item.isEmpty() && !item.value(QLatin1String("applied")).toBool(true)) {
            m.conditions.append({QStringLiteral("Applied"),
                                 QStringLiteral("False"),
                                 QStringLiteral("KarmadaApplyFailed"),
                                 item.value(QLatin1String("appliedMessage")).toString()});
        }
        // Drift against the resource template, Karmada's source of truth.
        m.templateDrift = m.templateHash != desiredTemplate.templateHash;
        m.imageDrift = m.imagesText() != desiredTemplate.imagesText();
        if (w.plan.contains(name))
            m.planned = w.plan.value(name);
        else
            m.planned = 0; // a copy no binding targets any more
        m.replicaDrift = *m.planned != m.desired;
        w.totals.desired += m.desired;
        w.totals.updated += m.updated;
        w.totals.ready += m.ready;
        w.totals.available += m.available;
        w.totals.unavailable += m.unavailable;
        w.templateDrift = w.templateDrift || m.templateDrift;
        w.imageDrift = w.imageDrift || m.imageDrift;
        w.replicaDrift = w.replicaDrift || m.replicaDrift;
        w.clusters.insert(name, m);
    }
    return w;
}

Backend::Changes KarmadaBackend::takeChanges()
{
    m_pendingSignalled = false;
    Changes changes;
    for (const QString &name : std::as_const(m_dirtyClusters)) {
        const auto it = m_members.find(name);
        if (it != m_members.end())
            changes.clusters.append(it->second->status);
    }
    m_dirtyClusters.clear();
    changes.removedClusters = std::exchange(m_removedClusters, {});
    QStringList keys(m_dirtyWorkloads.cbegin(), m_dirtyWorkloads.cend());
    m_dirtyWorkloads.clear();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        std::optional<FederatedWorkload> w = build(key);
        if (!w) {
            if (m_workloads.remove(key))
                changes.removedWorkloads.append(key);
            continue;
        }
        const auto it = m_workloads.constFind(key);
        if (it != m_workloads.cend() && *it == *w)
            continue;
        m_workloads.insert(key, *w);
        changes.workloads.append(std::move(*w));
    }
    return changes;
}

int KarmadaBackend::listCount(const QString &memberName) const
{
    QList<Kube::Informer *> all;
    if (memberName.isEmpty()) {
        all = m_deployments + m_bindings + m_policies;
        all.append(m_clusterInformer);
        all.append(m_clusterPolicies);
    }
    for (const auto &[name, member] : m_members) {
        if (memberName.isEmpty() || name == memberName)
            all += member->deployments;
    }
    int count = 0;
    for (const Kube::Informer *informer : std::as_const(all)) {
        if (informer)
            count += informer->listCount();
    }
    return count;
}

ClusterStatusList KarmadaBackend::clusters() const
{
    ClusterStatusList result;
    for (const auto &[name, member] : m_members)
        result.append(member->status);
    return result;
}

FederatedWorkloadList KarmadaBackend::workloads() const
{
    FederatedWorkloadList result;
    QStringList keys = m_workloads.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys))
        result.append(m_workloads.value(key));
    return result;
}

} // namespace Meridian::Federation

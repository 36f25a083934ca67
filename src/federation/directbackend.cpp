#include "directbackend.h"

#include "kube/apiclient.h"
#include "kube/clusterprobe.h"
#include "kube/informer.h"
#include "kube/objecttrim.h"
#include "memberdetails.h"
#include "placement/preferencesdocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace Meridian::Federation {

namespace {

bool isFailure(ClusterState state)
{
    return state == ClusterState::Unreachable || state == ClusterState::Unauthorized
           || state == ClusterState::Forbidden;
}

// Whether an operator would see a difference; lastSuccess moves on every success.
bool sameForOperator(ClusterStatus a, ClusterStatus b)
{
    a.lastSuccess = {};
    b.lastSuccess = {};
    return a == b;
}

QString namespaceOf(const QString &key)
{
    return key.section(u'/', 0, 0);
}

} // namespace

struct DirectBackend::MemberState
{
    QString context;
    QPointer<Kube::ApiClient> client;
    ClusterStatus status;
    bool probed = false;      // the worker's probe has seeded the status
    bool probing = false;     // our own probe is in flight
    bool nodesSynced = false; // the node informer has listed at least once
    QList<Kube::Informer *> deploymentInformers;
    QSet<Kube::Informer *> unsyncedDeploymentInformers;
    Kube::Informer *nodes = nullptr;
    QList<Kube::Informer *> replicaSets; // one per namespace scope
    QList<Kube::Informer *> pods;
    // Events of the namespace whose details are followed (setDetailNamespace) only: they churn,
    // and are read for one workload at a time.
    QList<Kube::Informer *> events;
    QHash<QString, MemberStatus> deployments; // by namespace/name

    // ReplicaSets, pods and events: the details, started after the workload view.
    MemberDetails details() const { return {replicaSets, pods, events}; }
    QList<Kube::Informer *> detailInformers() const { return details().all(); }
    QTimer *recovery = nullptr;
};

DirectBackend::DirectBackend(const QList<Member> &members, Options options, QObject *parent)
    : Backend(parent)
    , m_options(std::move(options))
{
    for (const Member &m : members) {
        auto state = std::make_unique<MemberState>();
        state->context = m.status.context;
        state->client = m.client;
        state->status = m.status;
        m_members.push_back(std::move(state));
    }
}

DirectBackend::~DirectBackend()
{
    stop();
}

Capabilities DirectBackend::capabilities() const
{
    // The Federation v1 planner: weights, min/max per cluster, rebalance; an explicit weight of
    // 1 everywhere duplicates nothing, so Duplicated is "every cluster gets the total" written
    // by Meridian itself. No estimator, so no dynamic weights.
    Capabilities c;
    c.perClusterMinMax = true;
    c.rebalance = true;
    c.weights = true;
    c.dynamicWeights = false;
    c.duplicated = true;
    c.aggregated = true;
    return c;
}

void DirectBackend::start()
{
    if (m_running)
        return;
    m_running = true;
    for (auto &member : m_members)
        watchMember(*member);
    watchEvents();
    if (m_members.empty()) {
        m_initialSyncDone = true;
        emit initialSyncDone();
    }
    if (m_unsyncedCaches.isEmpty() && !m_cachesSynced) {
        m_cachesSynced = true;
        emit cachesSynced();
    }
}

void DirectBackend::markCacheSynced(Kube::Informer *informer)
{
    if (!m_unsyncedCaches.remove(informer) || m_cachesSynced || !m_unsyncedCaches.isEmpty())
        return;
    m_cachesSynced = true;
    // Queued: after the informer's other handlers (the workloads' first sync) have run.
    QMetaObject::invokeMethod(this, &Backend::cachesSynced, Qt::QueuedConnection);
}

void DirectBackend::stop()
{
    m_running = false;
    for (auto &member : m_members) {
        const QList<Kube::Informer *> all = member->deploymentInformers + member->detailInformers()
                                            + QList<Kube::Informer *>{member->nodes};
        for (Kube::Informer *informer : all)
            delete informer; // stops and cancels its request
        member->deploymentInformers.clear();
        member->unsyncedDeploymentInformers.clear();
        member->replicaSets.clear();
        member->pods.clear();
        member->events.clear();
        member->nodes = nullptr;
        m_unsyncedCaches.clear();
        delete member->recovery;
        member->recovery = nullptr;
    }
}

Kube::Informer *DirectBackend::makeInformer(MemberState &member, const QString &path)
{
    auto *informer = new Kube::Informer(member.client, path, this);
    informer->setBackoff(m_options.backoffInitialMs, m_options.backoffMaxMs);
    m_unsyncedCaches.insert(informer);
    connect(informer, &Kube::Informer::synced, this, [this, informer] {
        markCacheSynced(informer);
    });
    connect(informer, &Kube::Informer::failed, this, [this, informer] {
        markCacheSynced(informer);
    });
    connect(informer,
            &Kube::Informer::failed,
            this,
            [this, &member](const QString &reason, int httpStatus) {
                onInformerFailed(member, reason, httpStatus);
            });
    connect(informer, &Kube::Informer::synced, this, [this, &member] {
        onInformerSucceeded(member);
    });
    connect(informer, &Kube::Informer::changed, this, [this, &member] {
        onInformerSucceeded(member);
    });
    return informer;
}

void DirectBackend::setDetailNamespace(const QString &ns)
{
    if (ns == m_detailNamespace)
        return;
    m_detailNamespace = ns;
    watchEvents();
    emit detailsChanged();
}

void DirectBackend::watchEvents()
{
    const QString ns = m_detailNamespace;
    const bool watched = m_options.namespaces.isEmpty() || m_options.namespaces.contains(ns);
    for (auto &member : m_members) {
        qDeleteAll(std::exchange(member->events, {}));
        if (!m_running || !m_options.watchEvents || ns.isEmpty() || !watched || !member->client)
            continue;
        auto *informer = new Kube::Informer(member->client,
                                            QStringLiteral("/api/v1/namespaces/%1/events").arg(ns),
                                            this);
        informer->setBackoff(m_options.backoffInitialMs, m_options.backoffMaxMs);
        informer->setProjection(eventDetails(m_options.trimObjects));
        informer->setCompactCache(m_options.trimObjects);
        connect(informer,
                &Kube::Informer::failed,
                this,
                [this, &member = *member](const QString &reason, int httpStatus) {
                    onInformerFailed(member, reason, httpStatus);
                });
        watchDetails(informer);
        member->events.append(informer);
        informer->start();
    }
}

void DirectBackend::watchDetails(Kube::Informer *informer)
{
    connect(informer, &Kube::Informer::synced, this, &Backend::detailsChanged);
    connect(informer, &Kube::Informer::changed, this, &Backend::detailsChanged);
}

WorkloadInsight DirectBackend::workloadInsight(const QString &ns, const QString &name) const
{
    WorkloadInsight insight;
    insight.ns = ns;
    insight.name = name;
    const QString key = ns + u'/' + name;
    for (const auto &m : m_members) {
        if (!m->deployments.contains(key))
            continue; // not a member of this workload
        if (!m->client || (m->replicaSets.isEmpty() && m->pods.isEmpty())) {
            insight.notes.insert(m->context, tr("Pods are not watched in this cluster"));
            continue;
        }
        if (!m->details().listed()) {
            insight.notes.insert(m->context,
                                 isFailure(m->status.state)
                                         ? tr("Not listed: %1").arg(m->status.reason)
                                         : tr("Still listing pods and events"));
        } else if (isFailure(m->status.state)) {
            insight.notes.insert(m->context, tr("As last seen: %1").arg(m->status.reason));
        }
        const MemberInsight member = m->details().read(m->context, ns, name);
        insight.pods += member.pods;
        insight.events += member.events;
    }
    finishInsight(insight);
    return insight;
}

void DirectBackend::watchMember(MemberState &member)
{
    if (!member.client)
        return;
    const QStringList scopes
            = m_options.namespaces.isEmpty() ? QStringList{QString()} : m_options.namespaces;
    auto collection = [](const QString &prefix, const QString &ns, const QString &resource) {
        return ns.isEmpty() ? prefix + u'/' + resource
                            : QStringLiteral("%1/namespaces/%2/%3").arg(prefix, ns, resource);
    };
    const QString apps = QStringLiteral("/apis/apps/v1");
    const QString core = QStringLiteral("/api/v1");

    for (const QString &ns : scopes) {
        Kube::Informer *informer
                = makeInformer(member, collection(apps, ns, QStringLiteral("deployments")));
        member.deploymentInformers.append(informer);
        member.unsyncedDeploymentInformers.insert(informer);
        connect(informer,
                &Kube::Informer::synced,
                this,
                [this, &member, ns, informer](const QList<QJsonObject> &items) {
                    onDeploymentsSynced(member, ns, items);
                    markDeploymentSynced(member, informer);
                });
        connect(informer,
                &Kube::Informer::changed,
                this,
                [this, &member](const QList<Kube::WatchEvent> &events) {
                    for (const Kube::WatchEvent &event : events) {
                        const QString key = Kube::Informer::keyOf(event.object);
                        if (event.type == Kube::WatchEvent::Type::Deleted)
                            member.deployments.remove(key);
                        else
                            member.deployments.insert(key,
                                                      memberStatusFromDeployment(event.object));
                        markDirty(key);
                    }
                });
        connect(informer,
                &Kube::Informer::failed,
                this,
                [this, &member, informer](const QString &, int) {
                    // A member that cannot be read still counts as answered for the first sync.
                    markDeploymentSynced(member, informer);
                });
        // Details are indexed by owner (ReplicaSets by Deployment, pods by ReplicaSet) and
        // events by the object they are about, so one workload's are found without a scan.
        if (m_options.watchReplicaSets) {
            Kube::Informer *informer
                    = makeInformer(member, collection(apps, ns, QStringLiteral("replicasets")));
            informer->setProjection(replicaSetDetails(m_options.trimObjects));
            watchDetails(informer);
            member.replicaSets.append(informer);
        }
        if (m_options.watchPods) {
            Kube::Informer *informer
                    = makeInformer(member, collection(core, ns, QStringLiteral("pods")));
            informer->setProjection(podDetails(m_options.trimObjects));
            informer->setCompactCache(m_options.trimObjects);
            watchDetails(informer);
            member.pods.append(informer);
        }
    }

    member.nodes = makeInformer(member, QStringLiteral("/api/v1/nodes"));
    connect(member.nodes, &Kube::Informer::synced, this, [this, &member] {
        member.nodesSynced = true;
        updateNodes(member);
    });
    connect(member.nodes, &Kube::Informer::changed, this, [this, &member] { updateNodes(member); });

    member.recovery = new QTimer(this);
    member.recovery->setInterval(2000);
    connect(member.recovery, &QTimer::timeout, this, [this, &member] {
        onInformerSucceeded(member); // re-probes while the member is failing
    });

    for (Kube::Informer *informer : std::as_const(member.deploymentInformers))
        informer->start();
    member.nodes->start();
    // ReplicaSets and pods (the bulk of the bytes) once every member's Deployments are in: the
    // workload view comes first instead of queueing behind thousands of pods.
    if (m_initialSyncDone) {
        for (Kube::Informer *informer : member.detailInformers())
            informer->start();
    }
}

void DirectBackend::startDetailInformers()
{
    for (auto &member : m_members) {
        for (Kube::Informer *informer : member->detailInformers())
            informer->start(); // no-op for one already running
    }
}

void DirectBackend::onDeploymentsSynced(MemberState &member,
                                        const QString &ns,
                                        const QList<QJsonObject> &items)
{
    // A relist replaces everything this informer covers: what is gone was deleted meanwhile.
    for (auto it = member.deployments.begin(); it != member.deployments.end();) {
        if (ns.isEmpty() || namespaceOf(it.key()) == ns) {
            markDirty(it.key());
            it = member.deployments.erase(it);
        } else {
            ++it;
        }
    }
    for (const QJsonObject &item : items) {
        const QString key = Kube::Informer::keyOf(item);
        member.deployments.insert(key, memberStatusFromDeployment(item));
        markDirty(key);
    }
}

void DirectBackend::markDeploymentSynced(MemberState &member, Kube::Informer *informer)
{
    if (!member.unsyncedDeploymentInformers.remove(informer) || m_initialSyncDone)
        return;
    for (const auto &m : m_members) {
        if (!m->unsyncedDeploymentInformers.isEmpty())
            return;
    }
    m_initialSyncDone = true;
    schedule();
    emit initialSyncDone();
    startDetailInformers();
}

void DirectBackend::onInformerFailed(MemberState &member, const QString &reason, int httpStatus)
{
    Q_UNUSED(reason)
    // 410 is the normal end of a watch history, not a sign of trouble.
    // Until the worker's first probe answered, that probe speaks for the member.
    if (httpStatus == 410 || member.probing || !member.client || !member.probed)
        return;
    // The probe words the failure exactly as the first refresh did (describeFailure), and a
    // successful one tells a broken watch from a broken cluster.
    member.probing = true;
    // The probe may answer after this backend is gone (a new generation deletes it first).
    Kube::probeCluster(member.client,
                       [self = QPointer(this), &member](const ClusterStatus &probed) {
                           if (!self)
                               return;
                           member.probing = false;
                           if (!self->m_running)
                               return;
                           ClusterStatus status = probed;
                           status.context = member.status.context;
                           self->setStatus(member, status);
                       });
}

void DirectBackend::onInformerSucceeded(MemberState &member)
{
    if (isFailure(member.status.state) || member.status.state == ClusterState::Connecting) {
        // Data flows again: confirm with a probe rather than guessing the node state.
        onInformerFailed(member, {}, 0);
        return;
    }
    member.status.lastSuccess = QDateTime::currentDateTimeUtc();
}

void DirectBackend::updateNodes(MemberState &member)
{
    if (!member.nodes || isFailure(member.status.state)
        || member.status.state == ClusterState::Connecting) {
        onInformerSucceeded(member);
        return;
    }
    QJsonArray items;
    for (const QJsonObject &node : member.nodes->cache())
        items.append(node);
    // The probe's own summary, so live counts and the first refresh always agree.
    const Kube::NodeSummary summary = Kube::summarizeNodeList(
            QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("NodeList")},
                                      {QStringLiteral("items"), items}})
                    .toJson(QJsonDocument::Compact));
    if (!summary.valid)
        return;
    ClusterStatus s = member.status;
    s.nodesTotal = summary.total;
    s.nodesReady = summary.ready;
    s.region = summary.region;
    s.zone = summary.zone;
    s.lastSuccess = QDateTime::currentDateTimeUtc();
    if (s.nodesTotal > 0 && s.nodesReady < s.nodesTotal) {
        s.state = ClusterState::Degraded;
        s.reason = tr("%1 of %2 nodes are not Ready")
                           .arg(s.nodesTotal - s.nodesReady)
                           .arg(s.nodesTotal);
    } else if (s.nodesTotal == 0) {
        s.state = ClusterState::Degraded;
        s.reason = tr("The cluster has no nodes");
    } else {
        s.state = ClusterState::Ready;
        s.reason.clear();
    }
    setStatus(member, s);
}

void DirectBackend::setProbedStatus(const ClusterStatus &status)
{
    MemberState *member = find(status.context);
    if (!member)
        return;
    member->probed = true;
    const bool wasAvailable = !isFailure(member->status.state);
    member->status = status;
    if (member->recovery) {
        if (isFailure(status.state))
            member->recovery->start();
        else
            member->recovery->stop();
    }
    if (wasAvailable == isFailure(status.state))
        markAllDirty(); // the plan's available clusters changed
    if (!wasAvailable && !isFailure(status.state))
        retryInformersNow(*member);
}

void DirectBackend::retryInformersNow(MemberState &member)
{
    for (Kube::Informer *informer : member.deploymentInformers + member.detailInformers())
        informer->retryNow();
    if (member.nodes)
        member.nodes->retryNow();
}

void DirectBackend::setStatus(MemberState &member, const ClusterStatus &status)
{
    const bool changed = !sameForOperator(member.status, status);
    const bool availabilityChanged = isFailure(member.status.state) != isFailure(status.state);
    member.status = status;
    if (member.recovery) {
        if (isFailure(status.state))
            member.recovery->start();
        else
            member.recovery->stop();
    }
    if (availabilityChanged)
        markAllDirty();
    if (availabilityChanged && !isFailure(status.state))
        retryInformersNow(member);
    // Before the worker's first probe answered, that probe reports the state itself.
    if (changed && member.probed) {
        m_dirtyClusters.insert(member.context);
        schedule();
    }
}

void DirectBackend::markDirty(const QString &key)
{
    m_dirtyWorkloads.insert(key);
    schedule();
}

void DirectBackend::markAllDirty()
{
    for (auto it = m_workloads.cbegin(); it != m_workloads.cend(); ++it)
        m_dirtyWorkloads.insert(it.key());
    if (!m_workloads.isEmpty())
        schedule();
}

void DirectBackend::schedule()
{
    // Until the first complete sync the worker waits, so the first batch holds everything.
    if (!m_initialSyncDone || m_pendingSignalled)
        return;
    m_pendingSignalled = true;
    emit changesPending();
}

QStringList DirectBackend::availableClusters() const
{
    QStringList result;
    for (const auto &m : m_members) {
        if (!isFailure(m->status.state))
            result.append(m->context);
    }
    return result;
}

FederatedWorkload DirectBackend::build(const QString &key) const
{
    QMap<QString, MemberStatus> members;
    QString annotation;
    for (const auto &m : m_members) {
        const auto it = m->deployments.constFind(key);
        if (it == m->deployments.cend())
            continue;
        members.insert(m->context, *it);
        if (annotation.isEmpty())
            annotation = it->preferences;
    }
    ReplicaPreferences prefs = ReplicaPreferences::evenSpread();
    QStringList notes;
    if (annotation.isEmpty()) {
        notes.append(tr("No federation.kubernetes.io/deployment-preferences annotation: replicas "
                        "are spread evenly, as Federation does."));
    } else {
        const auto parsed = Placement::PreferencesDocument::parseAnnotation(annotation.toUtf8());
        if (parsed) {
            prefs = parsed->preferences();
            notes.append(parsed->notes());
        } else {
            notes.append(tr("The preferences annotation cannot be read (%1): replicas are spread "
                            "evenly, as Federation does.")
                                 .arg(parsed.error().message));
        }
    }
    const qsizetype slash = key.indexOf(u'/');
    return aggregateWorkload(key.left(slash),
                             key.mid(slash + 1),
                             members,
                             prefs,
                             availableClusters(),
                             notes);
}

Backend::Changes DirectBackend::takeChanges()
{
    m_pendingSignalled = false;
    Changes changes;
    for (const QString &context : std::as_const(m_dirtyClusters)) {
        if (const MemberState *m = find(context))
            changes.clusters.append(m->status);
    }
    m_dirtyClusters.clear();
    QStringList keys(m_dirtyWorkloads.cbegin(), m_dirtyWorkloads.cend());
    m_dirtyWorkloads.clear();
    keys.sort(); // batches in a stable order: tests and the model insert predictably
    for (const QString &key : std::as_const(keys)) {
        FederatedWorkload w = build(key);
        if (w.clusters.isEmpty()) {
            if (m_workloads.remove(key))
                changes.removedWorkloads.append(key);
            continue;
        }
        const auto it = m_workloads.constFind(key);
        if (it != m_workloads.cend() && *it == w)
            continue;
        m_workloads.insert(key, w);
        changes.workloads.append(std::move(w));
    }
    return changes;
}

ClusterStatusList DirectBackend::clusters() const
{
    ClusterStatusList result;
    for (const auto &m : m_members)
        result.append(m->status);
    return result;
}

FederatedWorkloadList DirectBackend::workloads() const
{
    FederatedWorkloadList result;
    QStringList keys = m_workloads.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys))
        result.append(m_workloads.value(key));
    return result;
}

DirectBackend::MemberState *DirectBackend::find(const QString &context) const
{
    for (const auto &m : m_members) {
        if (m->context == context)
            return m.get();
    }
    return nullptr;
}

} // namespace Meridian::Federation

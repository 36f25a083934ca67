#pragma once

#include "backend.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

namespace Meridian::Kube {
class ApiClient;
class Informer;
} // namespace Meridian::Kube

namespace Meridian::Federation {

// The Direct engine: every enabled kubeconfig context is a member cluster and Meridian itself is
// the federation. Per member it keeps informers on Deployments (all namespaces, or the ones the
// operator views), ReplicaSets, Pods and Events (the workloads' details) and Nodes (to keep
// the cluster's state live after the first probe). Informer failures and successes drive each
// member's connection state; a workload is the Deployments sharing one namespace/name.
class DirectBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectBackend)

public:
    struct Member
    {
        Kube::ApiClient *client = nullptr; // not owned; must outlive the backend or be deleted
        ClusterStatus status;              // context, name, server from the kubeconfig
    };
    struct Options
    {
        QStringList namespaces; // empty: all namespaces
        bool watchReplicaSets = true;
        bool watchPods = true;
        bool watchEvents = true; // of the namespace setDetailNamespace() names
        int backoffInitialMs = 250;
        int backoffMaxMs = 5000; // short: a member coming back should show soon
        // Cache ReplicaSets, Pods and Events trimmed to what Meridian reads (objecttrim.h),
        // pods and events as compact JSON: about 1 KB a pod instead of 15 KB.
        bool trimObjects = true;
    };

    DirectBackend(const QList<Member> &members, Options options, QObject *parent = nullptr);
    ~DirectBackend() override;

    Engine engine() const override { return Engine::Direct; }
    Capabilities capabilities() const override;
    void start() override;
    void stop() override;
    void setProbedStatus(const ClusterStatus &status) override;
    ClusterStatusList clusters() const override;
    FederatedWorkloadList workloads() const override;
    bool isInitialSyncDone() const override { return m_initialSyncDone; }
    Changes takeChanges() override;
    WorkloadInsight workloadInsight(const QString &ns, const QString &name) const override;
    void setDetailNamespace(const QString &ns) override;

private:
    struct MemberState;
    void watchMember(MemberState &member);
    Kube::Informer *makeInformer(MemberState &member, const QString &path);
    void watchDetails(Kube::Informer *informer);
    void watchEvents(); // of m_detailNamespace, replacing those of another
    void onDeploymentsSynced(MemberState &member,
                             const QString &ns,
                             const QList<QJsonObject> &items);
    void onInformerFailed(MemberState &member, const QString &reason, int httpStatus);
    void onInformerSucceeded(MemberState &member);
    void updateNodes(MemberState &member);
    void setStatus(MemberState &member, const ClusterStatus &status);
    // The member answers again: its backing-off informers retry now, not after their backoff.
    void retryInformersNow(MemberState &member);
    void markDeploymentSynced(MemberState &member, Kube::Informer *informer);
    void markCacheSynced(Kube::Informer *informer);
    void startDetailInformers();
    void markDirty(const QString &key);
    void markAllDirty();
    void schedule();
    FederatedWorkload build(const QString &key) const;
    QStringList availableClusters() const;
    MemberState *find(const QString &context) const;

    std::vector<std::unique_ptr<MemberState>> m_members;
    Options m_options;
    QHash<QString, FederatedWorkload> m_workloads;
    QSet<QString> m_dirtyWorkloads;
    QSet<QString> m_dirtyClusters;
    QStringList m_lastAvailable;
    QSet<Kube::Informer *> m_unsyncedCaches; // every informer until its first list or failure
    bool m_cachesSynced = false;
    bool m_running = false;
    bool m_initialSyncDone = false;
    bool m_pendingSignalled = false;
    QString m_detailNamespace;
};

} // namespace Meridian::Federation

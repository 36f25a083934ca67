#pragma once

#include "backend.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <map>
#include <memory>

namespace Meridian::Kube {
class ApiClient;
class Informer;
} // namespace Meridian::Kube

namespace Meridian::Federation {

// The Karmada engine: one kubeconfig context points at a Karmada control plane (FACTS §3).
// - Members are the cluster.karmada.io/v1alpha1 Clusters: state from the Ready condition and
//   nodeSummary, version, region, zones, provider, and the meridian.dev/location label.
// - Workloads are the control plane's apps/v1 Deployments (the resource templates).
// - Placement comes from the PropagationPolicy (or ClusterPropagationPolicy) the binding names;
//   the plan is the ResourceBinding's spec.clusters, per-member status its aggregatedStatus.
// - Each member's own copy of the Deployment is watched through the cluster proxy
//   (/apis/cluster.karmada.io/v1alpha1/clusters/NAME/proxy/...), for images, revision and
//   conditions exactly as the member serves them; while a member cannot be reached through the
//   proxy, the binding's aggregatedStatus speaks for it.
// - The followed workload's pods, ReplicaSets and events (setDetailNamespace) are read from each
//   member through the cluster proxy too, for that namespace only.
// Everything is kept live with Kube::Informer (list + watch, resume, 410 relist).
class KarmadaBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KarmadaBackend)

public:
    struct Options
    {
        QStringList namespaces;    // empty: all namespaces
        bool memberDetails = true; // watch members' Deployments through the cluster proxy
        int backoffInitialMs = 250;
        int backoffMaxMs = 5000;
        int controlPlaneRetryMs = 2000; // relist of Clusters while the control plane fails
    };

    // `client` talks to the control plane (not owned; must outlive the backend).
    KarmadaBackend(Kube::ApiClient *client, Options options, QObject *parent = nullptr);
    ~KarmadaBackend() override;

    static Capabilities karmadaCapabilities();

    Engine engine() const override { return Engine::Karmada; }
    Capabilities capabilities() const override { return karmadaCapabilities(); }
    void start() override;
    void stop() override;
    // Karmada reports its members itself; the probe of the control plane is not a member.
    void setProbedStatus(const ClusterStatus &status) override;
    ClusterStatusList clusters() const override;
    FederatedWorkloadList workloads() const override;
    bool isInitialSyncDone() const override { return m_initialSyncDone; }
    Changes takeChanges() override;
    WorkloadInsight workloadInsight(const QString &ns, const QString &name) const override;
    void setDetailNamespace(const QString &ns) override;

    // Lists the Clusters again (an operator's refresh); `clustersListed` answers.
    void refreshClusters();
    // Whether the last list or watch of the Clusters succeeded.
    bool isControlPlaneReachable() const { return m_controlPlaneError.isEmpty(); }
    QString controlPlaneError() const { return m_controlPlaneError; }
    QString controlPlaneContext() const;

    // How many complete lists the informers have done so far (the first ones and relists):
    // all of them, or those of one member's proxied watches.
    int listCount(const QString &member = {}) const;

    // The path of a member's API through the control plane's cluster proxy
    // (Kube::karmadaProxyPath, which the pod-log source uses too), e.g.
    // proxyPath("member1", "/api/v1/namespaces/web/pods") =
    // "/apis/cluster.karmada.io/v1alpha1/clusters/member1/proxy/api/v1/namespaces/web/pods".
    static QString proxyPath(const QString &cluster, const QString &memberPath);

    // Pure conversions (tested without a server).
    static ClusterStatus clusterStatusFromObject(const QJsonObject &cluster);
    // The policy a ResourceBinding names (its propagationpolicy.karmada.io/{name,namespace} or
    // clusterpropagationpolicy.karmada.io/name annotations, else labels); empty kind: none.
    struct PolicyRef
    {
        QString kind; // "PropagationPolicy" or "ClusterPropagationPolicy"
        QString ns;   // PropagationPolicy only
        QString name;
    };
    static PolicyRef policyOf(const QJsonObject &binding);

signals:
    // A list of the Clusters finished: `error` is empty on success.
    void clustersListed(const QString &error);

private:
    struct Member;
    Kube::Informer *makeInformer(const QString &path);
    void onClustersSynced(const QList<QJsonObject> &items);
    void onClusterObject(const QJsonObject &object, bool deleted);
    void onClustersFailed(const QString &reason, int httpStatus);
    void addMember(const QString &name);
    void removeMember(const QString &name);
    void watchDetails(Member &member); // of m_detailNamespace, through the cluster proxy
    void setClusterStatus(Member &member, const ClusterStatus &status);
    void indexBinding(const QString &key, const QJsonObject *binding);
    void markSynced(Kube::Informer *informer);
    void finishInitialSyncIfDone();
    void markDirty(const QString &key);
    void markAllDirty();
    void schedule();
    std::optional<FederatedWorkload> build(const QString &key) const;
    QString collection(const QString &prefix, const QString &ns, const QString &resource) const;
    QStringList scopes() const;

    QPointer<Kube::ApiClient> m_client;
    Options m_options;
    Kube::Informer *m_clusterInformer = nullptr;
    QList<Kube::Informer *> m_deployments;
    QList<Kube::Informer *> m_bindings;
    QList<Kube::Informer *> m_policies;
    Kube::Informer *m_clusterPolicies = nullptr;
    std::map<QString, std::unique_ptr<Member>> m_members; // by Cluster name, sorted
    QSet<Kube::Informer *> m_unsynced;
    QHash<QString, QString> m_bindingOf; // template key -> binding key
    QHash<QString, FederatedWorkload> m_workloads;
    QSet<QString> m_dirtyWorkloads;
    QSet<QString> m_dirtyClusters;
    QStringList m_removedClusters;
    QString m_controlPlaneError;
    QTimer m_controlPlaneRetry;
    bool m_clustersListedOnce = false;
    bool m_running = false;
    bool m_initialSyncDone = false;
    bool m_pendingSignalled = false;
    QString m_detailNamespace;
};

} // namespace Meridian::Federation

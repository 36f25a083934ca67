#pragma once

#include "core/placement/planner.h"
#include "core/result.h"
#include "placement/placementapply.h"

#include <QJsonObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Meridian::Kube {
class ApiClient;
}

namespace Meridian::Placement {

// A workload's placement as a Karmada control plane holds it: the policy that places the
// Deployment (the one its ResourceBinding names; without a binding, the one Karmada would pick:
// a PropagationPolicy of the namespace before a ClusterPropagationPolicy, then the higher
// spec.priority, then the more specific selector), the Deployment's replicas (N), the
// ResourceBinding's result and the clusters.
struct KarmadaPlacement
{
    QString policyKind; // "PropagationPolicy" or "ClusterPropagationPolicy"
    QString policyName;
    QJsonObject policy;
    ReplicaPreferences preferences;
    qint64 total = 0;
    QStringList clusters;           // candidates: the affinity's names, else every Cluster
    QMap<QString, qint64> previous; // ResourceBinding spec.clusters

    // Why writing this placement for Deployment ns/name would change other workloads too: a
    // ClusterPropagationPolicy whose selectors reach beyond exactly that Deployment (with its
    // namespace). Empty when it can be written.
    std::optional<QString> sharedWith(const QString &ns, const QString &name) const;
};

// The REST path of a Karmada policy: a namespaced PropagationPolicy in `ns`, or a cluster-scoped
// ClusterPropagationPolicy.
QString karmadaPolicyPath(const QString &kind, const QString &ns, const QString &name);

using KarmadaPlacementCallback = std::function<void(const Result<KarmadaPlacement> &)>;

// Reads a KarmadaPlacement through the control plane's API (asynchronously, on the client's
// thread). Fails with a clear message when no policy selects the Deployment.
void readKarmadaPlacement(Kube::ApiClient *client,
                          const QString &ns,
                          const QString &name,
                          KarmadaPlacementCallback done);

// Writes new preferences into the policy that places the workload, PropagationPolicy or
// ClusterPropagationPolicy (keeping every other field; a ClusterPropagationPolicy only when it
// selects nothing but this Deployment, else Failed with KarmadaPlacement::sharedWith's reason) and,
// when `total` is set, the Deployment's spec.replicas on the control plane; Karmada divides. On 409
// it re-reads and re-applies; if the policy's preferences no longer mean `base` (someone else
// changed them) it reports a conflict instead of writing. Deletes itself after `finished`.
class PolicyApplyJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyApplyJob)

public:
    PolicyApplyJob(Kube::ApiClient *client,
                   QString ns,
                   QString name,
                   ReplicaPreferences base,
                   ReplicaPreferences target,
                   std::optional<qint64> total,
                   QObject *parent = nullptr);
    ~PolicyApplyJob() override;

    void start();

signals:
    // One result for the policy ("PropagationPolicy/NAME" or "ClusterPropagationPolicy/NAME")
    // and one for the Deployment.
    void finished(const Meridian::Placement::MemberApplyResults &results);

private:
    void writePolicy();
    void writeReplicas();
    void finish(MemberApplyResult result);

    QPointer<Kube::ApiClient> m_client;
    QString m_ns;
    QString m_name;
    ReplicaPreferences m_base;
    ReplicaPreferences m_target;
    std::optional<qint64> m_total;
    MemberApplyResults m_results;
    int m_attempts = 0;
};

} // namespace Meridian::Placement

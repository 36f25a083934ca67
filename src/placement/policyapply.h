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

// A workload's placement as a Karmada control plane holds it: the PropagationPolicy that selects
// the Deployment, the Deployment's replicas (N), the ResourceBinding's result and the clusters.
struct KarmadaPlacement
{
    QString policyName;
    QJsonObject policy;
    ReplicaPreferences preferences;
    qint64 total = 0;
    QStringList clusters;           // candidates: the affinity's names, else every Cluster
    QMap<QString, qint64> previous; // ResourceBinding spec.clusters
};

using KarmadaPlacementCallback = std::function<void(const Result<KarmadaPlacement> &)>;

// Reads a KarmadaPlacement through the control plane's API (asynchronously, on the client's
// thread). Fails with a clear message when no PropagationPolicy selects the Deployment.
void readKarmadaPlacement(Kube::ApiClient *client,
                          const QString &ns,
                          const QString &name,
                          KarmadaPlacementCallback done);

// Writes new preferences into the PropagationPolicy (keeping every other field) and, when
// `total` is set, the Deployment's spec.replicas on the control plane; Karmada divides. On 409
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
    // One result for the policy ("PropagationPolicy/NAME") and one for the Deployment.
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

#pragma once

#include "core/placement/planner.h"
#include "core/result.h"

namespace Meridian {

// One candidate of a static-weight division (Karmada's ClusterWeightInfo).
struct WeightedCluster
{
    QString name;
    qint64 weight = 0;
    qint64 lastReplicas = 0;
};

// Karmada's Dispenser.TakeByWeight: floor shares, then the remainder one by one in the order
// weight desc, lastReplicas desc, name asc. Karmada flips a coin where Meridian compares names,
// so Meridian's preview is deterministic where Karmada's is not (docs/PLACEMENT.md).
QMap<QString, qint64> divideByWeight(qint64 replicas, QList<WeightedCluster> clusters);

// Karmada's replica assignment for one binding (FACTS.md §3.4): Duplicated, Divided by static
// weight (clusters map: explicit names and "*"), Divided by available replicas, and Aggregated.
// `previous` is the last scheduling result (spec.clusters of the ResourceBinding); `available`
// the estimated available replicas per cluster, needed for dynamic weights and Aggregated.
// Fails with code "Unschedulable" where Karmada's scheduler fails.
Result<PlanResult> planKarmada(const ReplicaPreferences &prefs,
                               qint64 totalReplicas,
                               const QStringList &clusters,
                               const QMap<QString, qint64> &previous,
                               const QMap<QString, qint64> &available);

} // namespace Meridian

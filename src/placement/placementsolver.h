#pragma once

#include "core/placement/planner.h"
#include "core/result.h"
#include "placement/preferencesformat.h"

#include <QMap>
#include <QStringList>

namespace Meridian::Placement {

// Everything a planner needs besides the preferences: the same inputs the engine uses, so the
// preview is the engine's answer.
struct PlanInput
{
    Engine engine = Engine::Federation;
    qint64 total = 0;               // N, the federation-wide total
    QStringList clusters;           // the available members
    QMap<QString, qint64> current;  // running replicas (Federation), previous result (Karmada)
    QMap<QString, qint64> capacity; // estimated capacity / available replicas, where known
    QString key;                    // "namespace/name": the Federation tie-break key
};

// Runs the engine's exact planner: planFederation or planKarmada.
Result<PlanResult> runPlanner(const ReplicaPreferences &prefs, const PlanInput &input);

// The inverse of the planner: preferences derived from `base` for which the planner gives
// exactly `targets` (every cluster of input.clusters; a missing one means 0). Federation:
// each cluster keeps its min/max where they allow its target and weighs (target − min); a
// cluster the planner still misses (preallocation without rebalance, ties) is pinned with
// min = max = target, and the planner is re-run until every cluster matches, which happens at
// the latest when all are pinned. Karmada: explicit weights proportional to the targets, no "*".
// Every answer is checked by running the planner on it; fails when no preferences can give the
// targets (a target above a cluster's capacity, more than N in all, or what Karmada's static
// weights cannot express).
Result<ReplicaPreferences> solveForDistribution(const ReplicaPreferences &base,
                                                const QMap<QString, qint64> &targets,
                                                const PlanInput &input);

} // namespace Meridian::Placement

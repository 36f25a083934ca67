#pragma once

#include "core/result.h"
#include "rollout/manifest.h"

#include <QMap>
#include <QStringList>

namespace Meridian::Rollout {

// What a Direct-mode apply writes to each member.
struct MemberPlan
{
    QMap<QString, QList<ManifestObject>> objects; // by cluster, each with its replicas
    // "default/web": cluster → replicas, for the Deployments.
    QMap<QString, QMap<QString, qint64>> replicas;
    QStringList notes; // where defaults were applied
};

// Direct mode: Meridian is the federation. Every object goes to every member except Karmada
// policies (refused: they are for the Karmada engine). A Deployment's spec.replicas is the
// federation total, divided with the Federation v1 planner by the preferences in its
// federation.kubernetes.io/deployment-preferences annotation (or the older
// replica-set-preferences), or, without one, spread evenly (weight 1 each), exactly as the
// Direct engine plans when it reads the members back, so a fresh deploy shows no drift.
// `current` holds live replicas per "namespace/name" and cluster (the planner keeps them when
// rebalance is off).
Result<MemberPlan> planMembers(const QList<ManifestObject> &objects,
                               const QStringList &clusters,
                               const QMap<QString, QMap<QString, qint64>> &current = {});

} // namespace Meridian::Rollout

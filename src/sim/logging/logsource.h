#pragma once

#include "sim/logging/loggenerator.h"
#include "sim/scenario.h"

#include <QList>

#include <functional>

namespace Meridian::Sim {

// Which containers exist right now, asked on every entries:list request so pods that come and
// go (rollouts, scaling) show up in Cloud Logging as they do in the cluster. Called on the
// simulator's thread; must be cheap.
using LogSource = std::function<QList<PodIdentity>()>;

// Until the clusters run real Deployments: per cluster, Deployments web (2 replicas), api (2)
// and worker (1) in namespace "default", pods named like a ReplicaSet's
// (web-<10 chars>-<5 chars>), spread over the cluster's nodes, started startedMs.
QList<PodIdentity> scenarioPods(const QList<ClusterSpec> &clusters, quint64 seed, qint64 startedMs);

} // namespace Meridian::Sim

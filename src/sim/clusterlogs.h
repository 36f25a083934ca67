#pragma once

#include "sim/logging/loggenerator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Meridian::Sim {

class ClusterState;

// What a pod's containers log is named by the same PodIdentity on both log paths: the pod /log
// endpoint and Cloud Logging. Both build it here, from the pod as the cluster stores it.
namespace ClusterLogs {

// The container's log, or nullopt when it has never started. A container that is waiting to
// restart (CrashLoopBackOff) is named by its last run: kubelet serves that run's log.
std::optional<PodIdentity> containerIdentity(const ClusterState &state,
                                             const QJsonObject &pod,
                                             const QString &container);
// When the container's current (or last) run ended, in Unix milliseconds; 0 while it runs.
qint64 containerFinishedMs(const QJsonObject &pod, const QString &container);
// Every started container of every Running pod in the cluster, for Cloud Logging's LogSource.
QList<PodIdentity> runningContainers(const ClusterState &state);

} // namespace ClusterLogs

} // namespace Meridian::Sim

#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Meridian::Sim::Controllers {

class ControllerManager;

struct DemoWorkloadOptions
{
    int replicas = 3;                // for every workload not named below
    QHash<QString, int> perWorkload; // "namespace/name" -> replicas, e.g. "default/web"
};

// Seeds default/web, default/api, default/worker and shop/cart with a few revisions each (image
// bumps carrying kubernetes.io/change-cause), running the controllers through every rollout in
// simulated time from `start`, so `kubectl rollout history` has rows and ages look lived-in.
// Returns the simulated instant the last rollout finished.
QDateTime seedDemoWorkloads(ControllerManager &manager,
                            const QDateTime &start,
                            const DemoWorkloadOptions &options = {});

} // namespace Meridian::Sim::Controllers

#pragma once

#include "sim/controllers/controlleroptions.h"
#include "sim/controllers/objectstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Meridian::Sim::Controllers {

class EventRecorder;

// pkg/controller/deployment: owns ReplicaSets, revisions, rolling/recreate rollouts, status and
// conditions. One reconcile() syncs every Deployment once, as one pass of the upstream workqueue.
class DeploymentController final
{
public:
    DeploymentController(EventRecorder *events, const ControllerOptions &options);

    void reconcile(ObjectStore &store, const QDateTime &now);

    // controller.ComputeHash, over canonical JSON instead of Go's spew dump; see
    // docs/SIM-CONTROLLERS.md.
    static QString computeHash(const QJsonObject &podTemplate, std::optional<int> collisionCount);
    // k8s.io/apimachinery/pkg/util/rand.SafeEncodeString.
    static QString safeEncodeString(const QByteArray &text);

private:
    EventRecorder *m_events;
    ControllerOptions m_options;
};

} // namespace Meridian::Sim::Controllers

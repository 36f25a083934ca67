#pragma once

#include "sim/controllers/controlleroptions.h"
#include "sim/controllers/objectstore.h"
#include "sim/deterministic.h"

#include <QDateTime>
#include <QJsonObject>

namespace Meridian::Sim::Controllers {

class EventRecorder;

// pkg/controller/replicaset: keeps the number of pods of each ReplicaSet at spec.replicas and
// reports how many are ready and available.
class ReplicaSetController final
{
public:
    ReplicaSetController(EventRecorder *events, const ControllerOptions &options);

    void reconcile(ObjectStore &store, const QDateTime &now);

private:
    void syncReplicaSet(ObjectStore &store, const QDateTime &now, QJsonObject rs);
    QJsonObject newPod(const QJsonObject &rs);

    EventRecorder *m_events;
    ControllerOptions m_options;
    Prng m_names; // pod name suffixes: one stream per cluster keeps names reproducible
};

} // namespace Meridian::Sim::Controllers

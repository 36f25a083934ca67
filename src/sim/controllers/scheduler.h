#pragma once

#include "sim/controllers/controlleroptions.h"
#include "sim/controllers/objectstore.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Meridian::Sim::Controllers {

class EventRecorder;

// kube-scheduler, reduced to what a console shows: fit on pod count, cpu and memory requests
// and nodeSelector, spread over zones and nodes, FailedScheduling when nothing fits.
class Scheduler final
{
public:
    Scheduler(EventRecorder *events, const ControllerOptions &options);

    void reconcile(ObjectStore &store, const QDateTime &now);

private:
    struct Attempt
    {
        QString message;
        QDateTime at;
    };

    EventRecorder *m_events;
    ControllerOptions m_options;
    QHash<QString, Attempt> m_failed; // pod uid -> last FailedScheduling
};

} // namespace Meridian::Sim::Controllers

#pragma once

#include "sim/controllers/controlleroptions.h"
#include "sim/controllers/objectstore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Meridian::Sim::Controllers {

class EventRecorder;

// The kubelets of a cluster: takes bound pods through image pull, container start and readiness
// over simulated time, and through the two failures a console must show well:
//   - an image whose tag is "broken": ErrImagePull / ImagePullBackOff, forever;
//   - a container whose image tag is "crashloop", or a pod annotated
//     sim.meridian.dev/crash: "true": exits with code 1 a few seconds after each start,
//     CrashLoopBackOff with a doubling back-off.
class PodLifecycle final
{
public:
    PodLifecycle(EventRecorder *events, const ControllerOptions &options);

    void reconcile(ObjectStore &store, const QDateTime &now);

private:
    enum class Stage { Pulling, ErrImagePull, ImagePullBackOff, Running, CrashLoopBackOff };
    struct Container
    {
        QString name;
        QString image;
        bool broken = false;
        bool crashes = false;
        Stage stage = Stage::Pulling;
        QDateTime stageSince;
        QDateTime next; // when the stage ends; invalid for "never"
        int restarts = 0;
        int backOffSteps = 0;
        QString containerId;
        QDateTime startedAt;
        QDateTime readyAt;
        QJsonObject lastTerminated;
    };
    struct Pod
    {
        QDateTime scheduledAt;
        QString podIp;
        QString hostIp;
        QList<Container> containers;
    };

    Pod startPod(ObjectStore &store, const QJsonObject &pod, const QDateTime &now);
    void advance(ObjectStore &store, const QJsonObject &pod, Container &c, const QDateTime &now);
    void enter(ObjectStore &store,
               const QJsonObject &pod,
               Container &c,
               Stage stage,
               const QDateTime &at);
    QJsonObject podStatus(const QJsonObject &pod, const Pod &state, const QDateTime &now) const;
    void event(ObjectStore &store,
               const QJsonObject &pod,
               const Container &c,
               const QDateTime &at,
               const QString &type,
               const QString &reason,
               const QString &message);
    double backOffSeconds(int step) const;

    EventRecorder *m_events;
    ControllerOptions m_options;
    QHash<QString, Pod> m_pods; // by pod uid
};

} // namespace Meridian::Sim::Controllers

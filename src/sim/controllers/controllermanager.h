#pragma once

#include "sim/controllers/controlleroptions.h"
#include "sim/controllers/deploymentcontroller.h"
#include "sim/controllers/eventrecorder.h"
#include "sim/controllers/objectstore.h"
#include "sim/controllers/podlifecycle.h"
#include "sim/controllers/replicasetcontroller.h"
#include "sim/controllers/scheduler.h"

#include <QDateTime>

namespace Meridian::Sim::Controllers {

// The control plane and kubelets of one simulated cluster, run in a fixed order so a run is a
// pure function of (seed, store contents, the instants reconcile() is called at).
class ControllerManager final
{
public:
    ControllerManager(ObjectStore *store, const ControllerOptions &options);

    // One tick: deployments, replica sets, scheduler, kubelets, replica sets and deployments
    // again (so status follows in the same tick), garbage collection; repeated while a pass
    // still wrote something, at most a few times.
    void reconcile(const QDateTime &now);

    // Steps simulated time forward from `from` in `stepMs` increments, reconciling at each step;
    // returns the last instant. For tests and for seeding history before the servers start.
    QDateTime advance(const QDateTime &from, qint64 durationMs, qint64 stepMs = 250);

    ObjectStore *store() const;

private:
    class CountingStore final : public ObjectStore
    {
    public:
        explicit CountingStore(ObjectStore *inner);
        QList<QJsonObject> list(const QString &resource, const QString &ns) const override;
        std::optional<QJsonObject> get(const QString &resource,
                                       const QString &ns,
                                       const QString &name) const override;
        QJsonObject create(const QString &resource, QJsonObject object) override;
        QJsonObject update(const QString &resource, QJsonObject object) override;
        QJsonObject updateStatus(const QString &resource, QJsonObject object) override;
        void remove(const QString &resource, const QString &ns, const QString &name) override;

        ObjectStore *inner;
        quint64 writes = 0; // events excluded: they never make another controller act
    };

    void collectGarbage();

    CountingStore m_store;
    EventRecorder m_events;
    DeploymentController m_deployments;
    ReplicaSetController m_replicaSets;
    Scheduler m_scheduler;
    PodLifecycle m_kubelet;
};

} // namespace Meridian::Sim::Controllers

#pragma once

#include "fakeobjectstore.h"

#include "sim/controllers/controllermanager.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace Meridian::Sim::Controllers::Testing {

// A small cluster on a FakeObjectStore: nodes in zones -a, -b, -c, a ControllerManager and a
// manual clock. Tests move time only through step(), which keeps store and controllers in sync.
class TestCluster final
{
public:
    explicit TestCluster(int nodes = 3,
                         quint64 seed = 1,
                         const QString &nodeCpu = QStringLiteral("3920m"));

    FakeObjectStore store;
    ControllerOptions options;
    std::unique_ptr<ControllerManager> manager;
    QDateTime now;

    // Advances simulated time in 250 ms steps; calls check (if any) after every step.
    void step(double seconds, const std::function<void()> &check = {});
    // Steps until predicate holds or the time runs out; returns whether it held.
    bool stepUntil(const std::function<bool()> &predicate, double maxSeconds = 300);

    static QJsonObject deployment(const QString &name, int replicas, const QString &image);
    QJsonObject create(const QJsonObject &deployment);
    QJsonObject get(const QString &name) const; // deployments.apps in default
    QJsonObject update(const QJsonObject &deployment);
    void setImage(const QString &deployment, const QString &image, const QString &changeCause = {});

    QList<QJsonObject> replicaSets(const QString &deployment) const; // sorted by revision
    QList<QJsonObject> pods(const QString &prefix = {}) const;
    QList<QJsonObject> events(const QString &reason = {}) const;
    QStringList eventMessages(const QString &reason) const;
    std::optional<QJsonObject> condition(const QString &deployment, const QString &type) const;
    bool rolledOut(const QString &deployment) const;
};

} // namespace Meridian::Sim::Controllers::Testing

#include "testcluster.h"

#include "sim/controllers/controllerdriver.h"
#include "sim/controllers/demoworkloads.h"
#include "sim/controllers/kubeobject.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim::Controllers;
using Meridian::Sim::Controllers::Testing::TestCluster;

namespace {

QJsonObject firstContainerStatus(const QJsonObject &pod)
{
    return Kube::value(pod, u"status.containerStatuses").toArray().at(0).toObject();
}

QStringList podNames(const TestCluster &c)
{
    QStringList names;
    for (const QJsonObject &pod : c.pods())
        names.append(Kube::name(pod));
    return names;
}

} // namespace

// Scheduler, the simulated kubelet, the manager's determinism and the demo workloads.
class tst_PodLifecycle final : public QObject
{
    Q_OBJECT

private slots:
    void podGoesPendingRunningReady();
    void podsSpreadOverZones();
    void unschedulableWhenCapacityIsExhausted();
    void brokenImageBacksOff();
    void crashLoopCountsRestarts();
    void crashAnnotationAlsoCrashLoops();
    void sameSeedSameWorld();
    void replicaSetDeletesUnreadyAndYoungestFirst();
    void deletingTheDeploymentCollectsItsObjects();
    void demoWorkloadsHaveHistory();
    void driverTicksOnTheClock();
};

void tst_PodLifecycle::podGoesPendingRunningReady()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 1, u"nginx:1.25"_s));
    c.step(0.25);
    QJsonObject pod = c.pods().first();
    QCOMPARE(Kube::value(pod, u"status.phase").toString(), u"Pending"_s);
    QVERIFY(!Kube::value(pod, u"spec.nodeName").toString().isEmpty());
    QCOMPARE(Kube::value(firstContainerStatus(pod), u"state.waiting.reason").toString(),
             u"ContainerCreating"_s);
    QCOMPARE(Kube::value(pod, u"status.qosClass").toString(), u"Burstable"_s);
    QVERIFY(Kube::conditionTrue(pod.value(u"status").toObject(), u"PodScheduled"_s));

    c.step(2);
    pod = c.pods().first();
    QCOMPARE(Kube::value(pod, u"status.phase").toString(), u"Running"_s);
    const QJsonObject cs = firstContainerStatus(pod);
    QVERIFY(cs.value(u"started").toBool());
    QCOMPARE(cs.value(u"image").toString(), u"docker.io/library/nginx:1.25"_s);
    QVERIFY(cs.value(u"imageID").toString().startsWith(u"docker.io/library/nginx@sha256:"_s));
    QVERIFY(cs.value(u"containerID").toString().startsWith(u"containerd://"_s));
    QCOMPARE(cs.value(u"containerID").toString().size(), 13 + 64);
    QVERIFY(Kube::value(pod, u"status.podIP").toString().startsWith(u"10.4."_s));
    QVERIFY(Kube::value(pod, u"status.hostIP").toString().startsWith(u"10.128.0."_s));

    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 10));
    pod = c.pods().first();
    const QJsonObject status = pod.value(u"status").toObject();
    for (const QString &type :
         {u"Initialized"_s, u"Ready"_s, u"ContainersReady"_s, u"PodScheduled"_s})
        QVERIFY2(Kube::conditionTrue(status, type), qPrintable(type));
    QVERIFY(firstContainerStatus(pod).value(u"ready").toBool());
    QCOMPARE(firstContainerStatus(pod).value(u"restartCount").toInt(), 0);

    const QStringList reasons{u"Scheduled"_s,
                              u"Pulling"_s,
                              u"Pulled"_s,
                              u"Created"_s,
                              u"Started"_s};
    for (const QString &reason : reasons)
        QVERIFY2(!c.events(reason).isEmpty(), qPrintable(reason));
    const QString name = Kube::name(pod);
    QCOMPARE(c.eventMessages(u"Scheduled"_s).first(),
             u"Successfully assigned default/%1 to %2"_s
                     .arg(name, Kube::value(pod, u"spec.nodeName").toString()));
    QCOMPARE(c.eventMessages(u"Pulling"_s).first(), u"Pulling image \"nginx:1.25\""_s);
    QVERIFY(c.eventMessages(u"Pulled"_s)
                    .first()
                    .startsWith(u"Successfully pulled image \"nginx:1.25\" in "_s));
    QCOMPARE(c.eventMessages(u"Created"_s).first(), u"Created container web"_s);
    QCOMPARE(c.eventMessages(u"Started"_s).first(), u"Started container web"_s);
    const QJsonObject started = c.events(u"Started"_s).first();
    QCOMPARE(Kube::value(started, u"source.component").toString(), u"kubelet"_s);
    QCOMPARE(Kube::value(started, u"involvedObject.fieldPath").toString(),
             u"spec.containers{web}"_s);
}

void tst_PodLifecycle::podsSpreadOverZones()
{
    TestCluster c(3);
    c.create(TestCluster::deployment(u"web"_s, 6, u"nginx:1.25"_s));
    c.step(0.25);
    QHash<QString, int> perNode;
    QSet<QString> ips;
    for (const QJsonObject &pod : c.pods()) {
        perNode[Kube::value(pod, u"spec.nodeName").toString()] += 1;
        ips.insert(Kube::value(pod, u"status.podIP").toString());
    }
    QCOMPARE(perNode.size(), 3);
    for (const int n : std::as_const(perNode))
        QCOMPARE(n, 2);
    QCOMPARE(ips.size(), 6);
}

void tst_PodLifecycle::unschedulableWhenCapacityIsExhausted()
{
    // Two nodes with 250m each; pods request 100m: two fit per node, the fifth does not.
    TestCluster c(2, 1, u"250m"_s);
    c.create(TestCluster::deployment(u"web"_s, 5, u"nginx:1.25"_s));
    c.step(1);
    QList<QJsonObject> pending;
    for (const QJsonObject &pod : c.pods()) {
        if (Kube::value(pod, u"spec.nodeName").toString().isEmpty())
            pending.append(pod);
    }
    QCOMPARE(pending.size(), 1);
    const auto scheduled
            = Kube::condition(pending.first().value(u"status").toObject(), u"PodScheduled"_s);
    QVERIFY(scheduled);
    QCOMPARE(scheduled->value(u"status").toString(), u"False"_s);
    QCOMPARE(scheduled->value(u"reason").toString(), u"Unschedulable"_s);
    QCOMPARE(scheduled->value(u"message").toString(),
             u"0/2 nodes are available: 2 Insufficient cpu."_s);
    const QList<QJsonObject> failed = c.events(u"FailedScheduling"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().value(u"type").toString(), u"Warning"_s);
    QCOMPARE(Kube::value(failed.first(), u"source.component").toString(), u"default-scheduler"_s);
    QCOMPARE(failed.first().value(u"message").toString(),
             u"0/2 nodes are available: 2 Insufficient cpu."_s);
    // Retried once a minute; the repeat folds into the same Event with count 2.
    c.step(61);
    QCOMPARE(c.events(u"FailedScheduling"_s).size(), 1);
    QCOMPARE(c.events(u"FailedScheduling"_s).first().value(u"count").toInt(), 2);
    QCOMPARE(c.get(u"web"_s).value(u"status").toObject().value(u"availableReplicas").toInt(), 4);
}

void tst_PodLifecycle::brokenImageBacksOff()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 1, u"nginx:broken"_s));
    c.step(2);
    QJsonObject cs = firstContainerStatus(c.pods().first());
    QCOMPARE(Kube::value(cs, u"state.waiting.reason").toString(), u"ErrImagePull"_s);
    QVERIFY(Kube::value(cs, u"state.waiting.message").toString().contains(u"not found"_s));
    c.step(2);
    cs = firstContainerStatus(c.pods().first());
    QCOMPARE(Kube::value(cs, u"state.waiting.reason").toString(), u"ImagePullBackOff"_s);
    QCOMPARE(Kube::value(cs, u"state.waiting.message").toString(),
             u"Back-off pulling image \"nginx:broken\""_s);
    QVERIFY(c.eventMessages(u"Failed"_s)
                    .first()
                    .startsWith(u"Failed to pull image \"nginx:broken\": "_s));
    QCOMPARE(c.events(u"Failed"_s).first().value(u"type").toString(), u"Warning"_s);
    c.step(120);
    QCOMPARE(Kube::value(c.pods().first(), u"status.phase").toString(), u"Pending"_s);
    QVERIFY(c.events(u"Pulling"_s).first().value(u"count").toInt() > 2); // it keeps retrying
    QVERIFY(c.condition(u"web"_s, u"Available"_s)->value(u"status").toString() == u"False"_s);
}

void tst_PodLifecycle::crashLoopCountsRestarts()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 1, u"example.com/web:crashloop"_s));
    c.step(6);
    QJsonObject cs = firstContainerStatus(c.pods().first());
    QCOMPARE(cs.value(u"restartCount").toInt(), 1);
    QCOMPARE(Kube::value(cs, u"state.waiting.reason").toString(), u"CrashLoopBackOff"_s);
    QVERIFY(Kube::value(cs, u"state.waiting.message")
                    .toString()
                    .startsWith(u"back-off 10s restarting failed container=web pod="_s));
    QCOMPARE(Kube::value(cs, u"lastState.terminated.exitCode").toInt(), 1);
    QCOMPARE(Kube::value(cs, u"lastState.terminated.reason").toString(), u"Error"_s);
    QCOMPARE(Kube::value(c.pods().first(), u"status.phase").toString(), u"Running"_s);
    c.step(120);
    cs = firstContainerStatus(c.pods().first());
    // 10s, 20s, 40s back-offs plus ~3s runs fit four crashes in two minutes.
    QVERIFY2(cs.value(u"restartCount").toInt() >= 3,
             qPrintable(QString::number(cs.value(u"restartCount").toInt())));
    int previous = 0;
    for (int i = 0; i < 4; ++i) {
        c.step(60);
        const int now = firstContainerStatus(c.pods().first()).value(u"restartCount").toInt();
        QVERIFY(now >= previous);
        previous = now;
    }
    const QStringList backOff = c.eventMessages(u"BackOff"_s);
    QVERIFY(backOff.first().startsWith(u"Back-off restarting failed container web in pod "_s));
    QVERIFY(c.eventMessages(u"Pulled"_s)
                    .contains(
                            u"Container image \"example.com/web:crashloop\" already present on machine"_s));
}

void tst_PodLifecycle::crashAnnotationAlsoCrashLoops()
{
    TestCluster c;
    QJsonObject d = TestCluster::deployment(u"web"_s, 1, u"nginx:1.25"_s);
    Kube::setValue(d,
                   u"spec.template.metadata.annotations",
                   QJsonObject{{u"sim.meridian.dev/crash"_s, u"true"_s}});
    c.create(d);
    c.step(20);
    QVERIFY(firstContainerStatus(c.pods().first()).value(u"restartCount").toInt() >= 1);
}

void tst_PodLifecycle::sameSeedSameWorld()
{
    const auto run = [](quint64 seed) {
        TestCluster c(3, seed);
        c.create(TestCluster::deployment(u"web"_s, 4, u"nginx:1.25"_s));
        c.step(10);
        c.setImage(u"web"_s, u"nginx:1.26"_s);
        c.step(30);
        QStringList world = podNames(c);
        for (const QJsonObject &pod : c.pods())
            world.append(Kube::value(pod, u"status.podIP").toString()
                         + Kube::value(pod, u"spec.nodeName").toString()
                         + firstContainerStatus(pod).value(u"containerID").toString());
        return world;
    };
    const QStringList a = run(7);
    QCOMPARE(run(7), a);
    QVERIFY(run(8) != a);
    for (const QString &name : a.mid(0, 4)) {
        QVERIFY(name.startsWith(u"web-"_s));
        for (const QChar ch : name.section(u'-', -1))
            QVERIFY(u"bcdfghjklmnpqrstvwxz2456789"_s.contains(ch));
    }
}

void tst_PodLifecycle::replicaSetDeletesUnreadyAndYoungestFirst()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 30));
    const QStringList ready = podNames(c);
    QJsonObject d = c.get(u"web"_s);
    Kube::setValue(d, u"spec.replicas", 4);
    c.update(d);
    c.step(0.25); // two more pods, not ready yet
    QCOMPARE(c.pods().size(), 4);
    d = c.get(u"web"_s);
    Kube::setValue(d, u"spec.replicas", 2);
    c.update(d);
    c.step(0.25);
    QCOMPARE(podNames(c), ready);
    QVERIFY(c.eventMessages(u"SuccessfulDelete"_s).first().startsWith(u"Deleted pod: web-"_s));
}

void tst_PodLifecycle::deletingTheDeploymentCollectsItsObjects()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 30));
    c.store.remove(u"deployments.apps"_s, u"default"_s, u"web"_s);
    c.step(0.25);
    QVERIFY(c.replicaSets(u"web"_s).isEmpty());
    QVERIFY(c.pods().isEmpty());
}

void tst_PodLifecycle::demoWorkloadsHaveHistory()
{
    TestCluster c;
    DemoWorkloadOptions options;
    options.replicas = 2;
    options.perWorkload.insert(u"default/web"_s, 3);
    const QDateTime end = seedDemoWorkloads(*c.manager, c.now, options);
    QVERIFY(end > c.now.addDays(1));
    c.now = end;
    QVERIFY(c.rolledOut(u"web"_s));
    QVERIFY(c.rolledOut(u"api"_s));
    QVERIFY(c.rolledOut(u"worker"_s));
    QCOMPARE(Kube::intValue(c.get(u"web"_s), u"spec.replicas"), 3);
    const QList<QJsonObject> web = c.replicaSets(u"web"_s);
    QCOMPARE(web.size(), 3);
    QCOMPARE(Kube::annotation(web.last(), u"deployment.kubernetes.io/revision"_s), u"3"_s);
    QCOMPARE(Kube::annotation(web.last(), u"kubernetes.io/change-cause"_s),
             u"kubectl set image deployment/web web=example.com/web:1.5.0"_s);
    QCOMPARE(Kube::annotation(web.first(), u"kubernetes.io/change-cause"_s), u"initial release"_s);
    QCOMPARE(c.replicaSets(u"api"_s).size(), 2);
    const auto cart = c.store.get(u"deployments.apps"_s, u"shop"_s, u"cart"_s);
    QVERIFY(cart);
    QCOMPARE(Kube::annotation(*cart, u"deployment.kubernetes.io/revision"_s), u"2"_s);
    QVERIFY(c.store.get(u"namespaces"_s, {}, u"shop"_s));
    QCOMPARE(c.pods(u"web-"_s).size(), 3);
    // Creation times span the history: the first ReplicaSet is a couple of days older.
    QVERIFY(Kube::creationTimestamp(web.first()).daysTo(Kube::creationTimestamp(web.last())) >= 2);
}

void tst_PodLifecycle::driverTicksOnTheClock()
{
    TestCluster c;
    // Every tick sees one simulated second pass, whatever the real interval.
    ControllerDriver driver(c.manager.get(), [&c] {
        c.now = c.now.addSecs(1);
        c.store.setNow(c.now);
        return c.now;
    });
    driver.start(5);
    c.create(TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s));
    driver.kick();
    QTRY_VERIFY_WITH_TIMEOUT(c.rolledOut(u"web"_s), 5000);
    driver.stop();
}

QTEST_GUILESS_MAIN(tst_PodLifecycle)
#include "tst_podlifecycle.moc"

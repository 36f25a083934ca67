// The details pane's pods and events: kubectl's STATUS column, which pods and events belong
// to a workload (by owner and involved object), revisions, ordering and the event cap.
#include "core/workloadinsight.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error{};
    const QJsonObject object = QJsonDocument::fromJson(text, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return object;
}

QJsonObject replicaSet(const QString &name, const QString &deployment, const QString &revision)
{
    return QJsonObject{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("namespace"), QStringLiteral("default")},
                         {QStringLiteral("annotations"),
                          QJsonObject{
                                  {QStringLiteral("deployment.kubernetes.io/revision"), revision}}},
                         {QStringLiteral("ownerReferences"),
                          QJsonArray{QJsonObject{{QStringLiteral("kind"),
                                                  QStringLiteral("Deployment")},
                                                 {QStringLiteral("name"), deployment}}}}}}};
}

QJsonObject pod(const QString &name, const QString &owner, bool ready, const QString &waiting = {})
{
    QJsonObject state = waiting.isEmpty()
                                ? QJsonObject{{QStringLiteral("running"), QJsonObject{}}}
                                : QJsonObject{{QStringLiteral("waiting"),
                                               QJsonObject{{QStringLiteral("reason"), waiting}}}};
    return QJsonObject{{QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("namespace"), QStringLiteral("default")},
                                    {QStringLiteral("creationTimestamp"),
                                     QStringLiteral("2026-11-27T10:00:00Z")},
                                    {QStringLiteral("ownerReferences"),
                                     QJsonArray{QJsonObject{{QStringLiteral("kind"),
                                                             QStringLiteral("ReplicaSet")},
                                                            {QStringLiteral("name"), owner}}}}}},
                       {QStringLiteral("spec"),
                        QJsonObject{{QStringLiteral("nodeName"), QStringLiteral("node-1")},
                                    {QStringLiteral("containers"),
                                     QJsonArray{QJsonObject{}, QJsonObject{}}}}},
                       {QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                                    {QStringLiteral("conditions"),
                                     QJsonArray{QJsonObject{{QStringLiteral("type"),
                                                             QStringLiteral("Ready")},
                                                            {QStringLiteral("status"),
                                                             ready ? QStringLiteral("True")
                                                                   : QStringLiteral("False")}}}},
                                    {QStringLiteral("containerStatuses"),
                                     QJsonArray{QJsonObject{{QStringLiteral("ready"), ready},
                                                            {QStringLiteral("restartCount"), 2},
                                                            {QStringLiteral("state"), state}},
                                                QJsonObject{{QStringLiteral("ready"), true},
                                                            {QStringLiteral("restartCount"), 1},
                                                            {QStringLiteral("state"),
                                                             QJsonObject{{QStringLiteral("running"),
                                                                          QJsonObject{}}}}}}}}}};
}

QJsonObject makeEvent(const QString &kind,
                      const QString &name,
                      const QString &type,
                      const QString &reason,
                      const QString &last)
{
    return QJsonObject{{QStringLiteral("involvedObject"),
                        QJsonObject{{QStringLiteral("kind"), kind},
                                    {QStringLiteral("name"), name}}},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("message"), QString(reason + QStringLiteral(" happened"))},
                       {QStringLiteral("lastTimestamp"), last},
                       {QStringLiteral("count"), 3},
                       {QStringLiteral("source"),
                        QJsonObject{{QStringLiteral("component"), QStringLiteral("kubelet")}}}};
}

} // namespace

class TestWorkloadInsight final : public QObject
{
    Q_OBJECT

private slots:
    void statusIsKubectls_data()
    {
        QTest::addColumn<QByteArray>("pod");
        QTest::addColumn<QString>("status");
        QTest::newRow("running") << QByteArray(R"({"status":{"phase":"Running"}})")
                                 << QStringLiteral("Running");
        QTest::newRow("waiting wins")
                << QByteArray(R"({"status":{"phase":"Pending","containerStatuses":[
                      {"state":{"running":{}}},{"state":{"waiting":{"reason":"ImagePullBackOff"}}}]}})")
                << QStringLiteral("ImagePullBackOff");
        QTest::newRow("terminated")
                << QByteArray(R"({"status":{"phase":"Running","containerStatuses":[
                      {"state":{"terminated":{"reason":"OOMKilled"}}}]}})")
                << QStringLiteral("OOMKilled");
        QTest::newRow("terminated without reason")
                << QByteArray(R"({"status":{"containerStatuses":[{"state":{"terminated":{}}}]}})")
                << QStringLiteral("Terminated");
        QTest::newRow("unschedulable") << QByteArray(R"({"status":{"phase":"Pending","conditions":[
                      {"type":"PodScheduled","status":"False","reason":"Unschedulable"}]}})")
                                       << QStringLiteral("Unschedulable");
        QTest::newRow("evicted") << QByteArray(
                R"({"status":{"phase":"Failed","reason":"Evicted"}})")
                                 << QStringLiteral("Evicted");
        QTest::newRow("deleting") << QByteArray(
                R"({"metadata":{"deletionTimestamp":"2026-11-27T10:00:00Z"},
                      "status":{"phase":"Running"}})")
                                  << QStringLiteral("Terminating");
        QTest::newRow("succeeded")
                << QByteArray(R"({"status":{"phase":"Succeeded"}})") << QStringLiteral("Completed");
        QTest::newRow("nothing yet") << QByteArray("{}") << QStringLiteral("Pending");
    }

    void statusIsKubectls()
    {
        QFETCH(QByteArray, pod);
        QFETCH(QString, status);
        QCOMPARE(podStatusText(json(pod.constData())), status);
    }

    void onlyTheWorkloadsPodsAndEvents()
    {
        // Given: web's two ReplicaSets (revisions 1 and 2), another Deployment's, their pods,
        // and events about all of them
        const QList<QJsonObject> replicaSets{replicaSet(QStringLiteral("web-a"),
                                                        QStringLiteral("web"),
                                                        QStringLiteral("1")),
                                             replicaSet(QStringLiteral("web-b"),
                                                        QStringLiteral("web"),
                                                        QStringLiteral("2")),
                                             replicaSet(QStringLiteral("webby-c"),
                                                        QStringLiteral("webby"),
                                                        QStringLiteral("1"))};
        const QList<QJsonObject> pods{pod(QStringLiteral("web-a-1"), QStringLiteral("web-a"), true),
                                      pod(QStringLiteral("web-b-1"),
                                          QStringLiteral("web-b"),
                                          false,
                                          QStringLiteral("CrashLoopBackOff")),
                                      pod(QStringLiteral("webby-c-1"),
                                          QStringLiteral("webby-c"),
                                          true)};
        const QList<QJsonObject> events{
                makeEvent(QStringLiteral("Pod"),
                          QStringLiteral("web-b-1"),
                          QStringLiteral("Warning"),
                          QStringLiteral("BackOff"),
                          QStringLiteral("2026-11-27T10:05:00Z")),
                makeEvent(QStringLiteral("Deployment"),
                          QStringLiteral("web"),
                          QStringLiteral("Normal"),
                          QStringLiteral("ScalingReplicaSet"),
                          QStringLiteral("2026-11-27T10:01:00Z")),
                makeEvent(QStringLiteral("ReplicaSet"),
                          QStringLiteral("web-b"),
                          QStringLiteral("Normal"),
                          QStringLiteral("SuccessfulCreate"),
                          QStringLiteral("2026-11-27T10:02:00Z")),
                makeEvent(QStringLiteral("Pod"),
                          QStringLiteral("webby-c-1"),
                          QStringLiteral("Warning"),
                          QStringLiteral("BackOff"),
                          QStringLiteral("2026-11-27T10:06:00Z")),
                makeEvent(QStringLiteral("ReplicaSet"),
                          QStringLiteral("web-b-1"),
                          QStringLiteral("Normal"),
                          QStringLiteral("Wrong"),
                          QStringLiteral("2026-11-27T10:07:00Z")),
        };

        // When
        const MemberInsight member = memberInsight(QStringLiteral("tokyo"),
                                                   QStringLiteral("web"),
                                                   replicaSets,
                                                   pods,
                                                   events);

        // Then: web's two pods with their revisions, counts and status
        QCOMPARE(member.pods.size(), 2);
        const PodInsight &running = member.pods[0];
        QCOMPARE(running.name, QStringLiteral("web-a-1"));
        QCOMPARE(running.cluster, QStringLiteral("tokyo"));
        QCOMPARE(running.revision, QStringLiteral("1"));
        QCOMPARE(running.status, QStringLiteral("Running"));
        QVERIFY(running.ready);
        QVERIFY(!running.needsAttention());
        QCOMPARE(running.readyContainers, 2);
        QCOMPARE(running.containers, 2);
        QCOMPARE(running.restarts, 3);
        QCOMPARE(running.node, QStringLiteral("node-1"));
        QCOMPARE(running.created, QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
        const PodInsight &crashing = member.pods[1];
        QCOMPARE(crashing.revision, QStringLiteral("2"));
        QCOMPARE(crashing.status, QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(crashing.readyContainers, 1);
        QVERIFY(crashing.needsAttention());
        // And: the events about web, its ReplicaSets and pods (kind and name must both match)
        QStringList reasons;
        for (const EventInsight &e : member.events)
            reasons.append(e.reason);
        QCOMPARE(reasons,
                 (QStringList{QStringLiteral("BackOff"),
                              QStringLiteral("ScalingReplicaSet"),
                              QStringLiteral("SuccessfulCreate")}));
        QVERIFY(member.events[0].isWarning());
        QCOMPARE(member.events[0].count, 3);
        QCOMPARE(member.events[0].source, QStringLiteral("kubelet"));
        QCOMPARE(member.events[0].objectKind, QStringLiteral("Pod"));

        // When: two members' parts are put together
        WorkloadInsight insight;
        insight.pods = member.pods;
        insight.events = member.events;
        MemberInsight other = member;
        for (PodInsight &p : other.pods)
            p.cluster = QStringLiteral("iowa");
        insight.pods = other.pods + insight.pods;
        finishInsight(insight);
        // Then: pods by cluster then name, events newest first
        QCOMPARE(insight.pods.first().cluster, QStringLiteral("iowa"));
        QCOMPARE(insight.pods.last().cluster, QStringLiteral("tokyo"));
        QCOMPARE(insight.events.first().reason, QStringLiteral("BackOff"));
        QCOMPARE(insight.events.last().reason, QStringLiteral("ScalingReplicaSet"));
    }

    void eventsAreCapped()
    {
        WorkloadInsight insight;
        for (int i = 0; i < WorkloadInsight::kMaxEvents + 25; ++i) {
            EventInsight e;
            e.reason = QString::number(i);
            e.lastSeen = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i);
            insight.events.append(e);
        }
        finishInsight(insight);
        QCOMPARE(insight.events.size(), WorkloadInsight::kMaxEvents);
        QCOMPARE(insight.droppedEvents, 25);
        QCOMPARE(insight.events.first().reason,
                 QString::number(WorkloadInsight::kMaxEvents + 24)); // the newest
    }
};

QTEST_GUILESS_MAIN(TestWorkloadInsight)
#include "tst_workloadinsight.moc"

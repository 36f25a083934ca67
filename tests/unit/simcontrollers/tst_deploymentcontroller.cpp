#include "testcluster.h"

#include "sim/controllers/deploymentcontroller.h"
#include "sim/controllers/kubeobject.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim::Controllers;
using Meridian::Sim::Controllers::Testing::TestCluster;

namespace {

const QString kRevision = u"deployment.kubernetes.io/revision"_s;
const QString kHistory = u"deployment.kubernetes.io/revision-history"_s;

int replicasOf(const QJsonObject &rs)
{
    return static_cast<int>(Kube::intValue(rs, u"spec.replicas", 1));
}

int availablePods(const TestCluster &c, const QString &prefix)
{
    int n = 0;
    for (const QJsonObject &pod : c.pods(prefix))
        n += Kube::podAvailable(pod, 0, c.now) ? 1 : 0;
    return n;
}

QJsonObject withStrategy(QJsonObject d, const QJsonValue &surge, const QJsonValue &unavailable)
{
    Kube::setValue(d,
                   u"spec.strategy",
                   QJsonObject{{u"type"_s, u"RollingUpdate"_s},
                               {u"rollingUpdate"_s,
                                QJsonObject{{u"maxSurge"_s, surge},
                                            {u"maxUnavailable"_s, unavailable}}}});
    return d;
}

} // namespace

class tst_DeploymentController final : public QObject
{
    Q_OBJECT

private slots:
    void hashIsStableAndUsesTheSafeAlphabet();
    void newReplicaSetCarriesHashOwnerAndAnnotations();
    void newTemplateTakesMaxPlusOneRevision();
    void rollbackReusesReplicaSetAndRecordsHistory();
    void changeCauseIsCopiedToTheNewReplicaSet();
    void rollingUpdateRespectsSurgeAndAvailability();
    void percentFencepostsRoundAsUpstream();
    void bothFencepostsZeroMeansOneUnavailable();
    void recreateStopsOldPodsFirst();
    void pausedStopsProgressAndResumeContinues();
    void progressDeadlineExceeded();
    void brokenImageStallsRolloutKeepingOldPods();
    void revisionHistoryLimitCleansOldReplicaSets();
    void scalingMidRolloutIsProportional();
    void completedRolloutConditionsAndEvents();
};

void tst_DeploymentController::hashIsStableAndUsesTheSafeAlphabet()
{
    const QJsonObject tpl
            = Kube::value(TestCluster::deployment(u"web"_s, 1, u"nginx:1.25"_s), u"spec.template")
                      .toObject();
    const QString hash = DeploymentController::computeHash(tpl, std::nullopt);
    QCOMPARE(hash, DeploymentController::computeHash(tpl, std::nullopt));
    QVERIFY(!hash.isEmpty() && hash.size() <= 10);
    for (const QChar ch : hash)
        QVERIFY(u"bcdfghjklmnpqrstvwxz2456789"_s.contains(ch));
    QVERIFY(DeploymentController::computeHash(tpl, 1) != hash);
    // The pod-template-hash label never feeds its own hash.
    QJsonObject labelled = tpl;
    Kube::setValue(labelled, u"metadata.labels.pod-template-hash", hash);
    QCOMPARE(DeploymentController::computeHash(labelled, std::nullopt), hash);
    // SafeEncodeString maps each byte modulo the alphabet size: '0' (48) -> index 21 -> '4'.
    QCOMPARE(DeploymentController::safeEncodeString("0"), u"4"_s);
}

void tst_DeploymentController::newReplicaSetCarriesHashOwnerAndAnnotations()
{
    TestCluster c;
    const QJsonObject d = c.create(TestCluster::deployment(u"web"_s, 3, u"nginx:1.25"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    const QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    QCOMPARE(sets.size(), 1);
    const QJsonObject rs = sets.first();
    const QString hash = Kube::labels(rs).value(u"pod-template-hash").toString();
    QCOMPARE(Kube::name(rs), u"web-"_s + hash);
    QCOMPARE(hash,
             DeploymentController::computeHash(Kube::value(d, u"spec.template").toObject(),
                                               std::nullopt));
    QCOMPARE(Kube::value(rs, u"spec.selector.matchLabels.pod-template-hash").toString(), hash);
    QCOMPARE(Kube::value(rs, u"spec.template.metadata.labels.pod-template-hash").toString(), hash);
    const QJsonObject owner
            = Kube::value(rs, u"metadata.ownerReferences").toArray().at(0).toObject();
    QCOMPARE(owner.value(u"kind").toString(), u"Deployment"_s);
    QCOMPARE(owner.value(u"uid").toString(), Kube::uid(d));
    QVERIFY(owner.value(u"controller").toBool());
    QVERIFY(owner.value(u"blockOwnerDeletion").toBool());
    QCOMPARE(Kube::annotation(rs, kRevision), u"1"_s);
    QCOMPARE(Kube::annotation(rs, u"deployment.kubernetes.io/desired-replicas"_s), u"3"_s);
    QCOMPARE(Kube::annotation(rs, u"deployment.kubernetes.io/max-replicas"_s), u"4"_s); // 3 + 25%↑
    QCOMPARE(Kube::annotation(c.get(u"web"_s), kRevision), u"1"_s);
    for (const QJsonObject &pod : c.pods(u"web-"_s)) {
        QVERIFY(Kube::name(pod).startsWith(Kube::name(rs) + u'-'));
        QCOMPARE(Kube::name(pod).size(), Kube::name(rs).size() + 6);
        QVERIFY(Kube::isControlledBy(pod, rs));
    }
    const QJsonObject status = c.get(u"web"_s).value(u"status").toObject();
    QCOMPARE(status.value(u"observedGeneration").toInt(), 1);
    QCOMPARE(status.value(u"readyReplicas").toInt(), 3);
    QVERIFY(!status.contains(u"unavailableReplicas"));
}

void tst_DeploymentController::newTemplateTakesMaxPlusOneRevision()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    for (const QString &tag : {u"1.26"_s, u"1.27"_s}) {
        c.setImage(u"web"_s, u"nginx:"_s + tag);
        QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
    }
    const QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    QCOMPARE(sets.size(), 3);
    QStringList revisions;
    for (const QJsonObject &rs : sets)
        revisions.append(Kube::annotation(rs, kRevision));
    QCOMPARE(revisions, (QStringList{u"1"_s, u"2"_s, u"3"_s}));
    QCOMPARE(Kube::value(sets.last(), u"spec.template.spec.containers")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"image")
                     .toString(),
             u"nginx:1.27"_s);
    QCOMPARE(replicasOf(sets.at(0)), 0);
    QCOMPARE(replicasOf(sets.at(2)), 2);
    QCOMPARE(Kube::annotation(c.get(u"web"_s), kRevision), u"3"_s);
}

void tst_DeploymentController::rollbackReusesReplicaSetAndRecordsHistory()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    const QString firstName = Kube::name(c.replicaSets(u"web"_s).first());
    c.setImage(u"web"_s, u"nginx:1.26"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
    c.setImage(u"web"_s, u"nginx:1.27"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));

    // What `kubectl rollout undo --to-revision=1` writes: the old template, hash label removed.
    c.setImage(u"web"_s, u"nginx:1.25"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
    const QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    QCOMPARE(sets.size(), 3); // reused, not created
    const QJsonObject reused = sets.last();
    QCOMPARE(Kube::name(reused), firstName);
    QCOMPARE(Kube::annotation(reused, kRevision), u"4"_s);
    QCOMPARE(Kube::annotation(reused, kHistory), u"1"_s);
    QCOMPARE(replicasOf(reused), 2);
    QCOMPARE(Kube::annotation(c.get(u"web"_s), kRevision), u"4"_s);

    // Rolling back again to the 1.26 template moves revision 2 to 5, and then to 1.25 again
    // appends to the history list.
    c.setImage(u"web"_s, u"nginx:1.26"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
    c.setImage(u"web"_s, u"nginx:1.25"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
    const QJsonObject again = c.replicaSets(u"web"_s).last();
    QCOMPARE(Kube::name(again), firstName);
    QCOMPARE(Kube::annotation(again, kRevision), u"6"_s);
    QCOMPARE(Kube::annotation(again, kHistory), u"1,4"_s);
}

void tst_DeploymentController::changeCauseIsCopiedToTheNewReplicaSet()
{
    TestCluster c;
    QJsonObject d = TestCluster::deployment(u"web"_s, 1, u"nginx:1.25"_s);
    Kube::setAnnotation(d, u"kubernetes.io/change-cause"_s, u"first"_s);
    c.create(d);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    c.setImage(u"web"_s, u"nginx:1.26"_s, u"kubectl set image deployment/web web=nginx:1.26"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
    const QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    QCOMPARE(Kube::annotation(sets.at(0), u"kubernetes.io/change-cause"_s), u"first"_s);
    QCOMPARE(Kube::annotation(sets.at(1), u"kubernetes.io/change-cause"_s),
             u"kubectl set image deployment/web web=nginx:1.26"_s);
    // Skipped keys never travel from the Deployment to a ReplicaSet.
    QVERIFY(!Kube::annotations(sets.at(1))
                     .contains(u"kubectl.kubernetes.io/last-applied-configuration"));
}

void tst_DeploymentController::rollingUpdateRespectsSurgeAndAvailability()
{
    TestCluster c;
    c.create(withStrategy(TestCluster::deployment(u"web"_s, 4, u"nginx:1.25"_s), 1, 0));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    c.setImage(u"web"_s, u"nginx:1.26"_s);
    int maxPods = 0;
    int minAvailable = 4;
    const auto check = [&] {
        maxPods = std::max(maxPods, int(c.pods(u"web-"_s).size()));
        minAvailable = std::min(minAvailable, availablePods(c, u"web-"_s));
        int replicaSum = 0;
        for (const QJsonObject &rs : c.replicaSets(u"web"_s))
            replicaSum += replicasOf(rs);
        QVERIFY(replicaSum <= 5);
    };
    for (int i = 0; i < 240 && !c.rolledOut(u"web"_s); ++i)
        c.step(0.25, check);
    QVERIFY(c.rolledOut(u"web"_s));
    QCOMPARE(maxPods, 5);
    QCOMPARE(minAvailable, 4);
    const QStringList scaling = c.eventMessages(u"ScalingReplicaSet"_s);
    const QString newRs = Kube::name(c.replicaSets(u"web"_s).last());
    const QString oldRs = Kube::name(c.replicaSets(u"web"_s).first());
    QVERIFY2(scaling.contains(u"Scaled up replica set %1 to 1"_s.arg(newRs)),
             qPrintable(scaling.join(u'\n')));
    QVERIFY2(scaling.contains(u"Scaled down replica set %1 to 3 from 4"_s.arg(oldRs)),
             qPrintable(scaling.join(u'\n')));
    QVERIFY(scaling.contains(u"Scaled up replica set %1 to 2 from 1"_s.arg(newRs)));
    QVERIFY(scaling.contains(u"Scaled down replica set %1 to 0 from 1"_s.arg(oldRs)));
}

void tst_DeploymentController::percentFencepostsRoundAsUpstream()
{
    // 10 replicas at 25%/25%: surge ceil(2.5) = 3, unavailable floor(2.5) = 2.
    TestCluster c(3);
    c.create(withStrategy(TestCluster::deployment(u"web"_s, 10, u"nginx:1.25"_s),
                          u"25%"_s,
                          u"25%"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    c.setImage(u"web"_s, u"nginx:1.26"_s);
    c.step(0.25);
    const QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    // Within one instant: new 0 -> 3 (10 + 3 - 10), old 10 -> 8 (10 available - (10 - 2)),
    // then new 3 -> 5 to fill the surge again. Nothing else moves until new pods are ready.
    QCOMPARE(replicasOf(sets.first()), 8);
    QCOMPARE(replicasOf(sets.last()), 5);
    QCOMPARE(Kube::annotation(sets.last(), u"deployment.kubernetes.io/max-replicas"_s), u"13"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
}

void tst_DeploymentController::bothFencepostsZeroMeansOneUnavailable()
{
    TestCluster c;
    c.create(withStrategy(TestCluster::deployment(u"web"_s, 3, u"nginx:1.25"_s), 0, u"10%"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    c.setImage(u"web"_s, u"nginx:1.26"_s);
    int minAvailable = 3;
    int maxPods = 0;
    const auto check = [&] {
        minAvailable = std::min(minAvailable, availablePods(c, u"web-"_s));
        maxPods = std::max(maxPods, int(c.pods(u"web-"_s).size()));
    };
    for (int i = 0; i < 480 && !c.rolledOut(u"web"_s); ++i)
        c.step(0.25, check);
    QVERIFY(c.rolledOut(u"web"_s));
    QCOMPARE(minAvailable, 2); // maxUnavailable forced to 1
    QCOMPARE(maxPods, 3);      // no surge
}

void tst_DeploymentController::recreateStopsOldPodsFirst()
{
    TestCluster c;
    QJsonObject d = TestCluster::deployment(u"web"_s, 3, u"nginx:1.25"_s);
    Kube::setValue(d, u"spec.strategy", QJsonObject{{u"type"_s, u"Recreate"_s}});
    c.create(d);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    const QString oldRs = Kube::name(c.replicaSets(u"web"_s).first());
    c.setImage(u"web"_s, u"nginx:1.26"_s);
    bool mixed = false;
    const auto check = [&] {
        int oldPods = 0;
        int newPods = 0;
        for (const QJsonObject &pod : c.pods(u"web-"_s))
            (Kube::name(pod).startsWith(oldRs) ? oldPods : newPods) += 1;
        mixed = mixed || (oldPods > 0 && newPods > 0);
    };
    for (int i = 0; i < 240 && !c.rolledOut(u"web"_s); ++i)
        c.step(0.25, check);
    QVERIFY(c.rolledOut(u"web"_s));
    QVERIFY(!mixed);
    const QStringList scaling = c.eventMessages(u"ScalingReplicaSet"_s);
    const QString newRs = Kube::name(c.replicaSets(u"web"_s).last());
    const qsizetype down = scaling.indexOf(u"Scaled down replica set %1 to 0 from 3"_s.arg(oldRs));
    QVERIFY(down >= 0);
    QVERIFY(down < scaling.indexOf(u"Scaled up replica set %1 to 3"_s.arg(newRs)));
    QCOMPARE(Kube::annotation(c.replicaSets(u"web"_s).last(),
                              u"deployment.kubernetes.io/max-replicas"_s),
             u"3"_s); // no surge with Recreate
}

void tst_DeploymentController::pausedStopsProgressAndResumeContinues()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    QJsonObject d = c.get(u"web"_s);
    Kube::setValue(d, u"spec.paused", true);
    c.update(d);
    c.step(1);
    auto progressing = c.condition(u"web"_s, u"Progressing"_s);
    QVERIFY(progressing);
    QCOMPARE(progressing->value(u"reason").toString(), u"DeploymentPaused"_s);
    QCOMPARE(progressing->value(u"status").toString(), u"Unknown"_s);
    QCOMPARE(progressing->value(u"message").toString(), u"Deployment is paused"_s);

    c.setImage(u"web"_s, u"nginx:1.26"_s);
    c.step(20);
    QCOMPARE(c.replicaSets(u"web"_s).size(), 1);
    QCOMPARE(c.get(u"web"_s).value(u"status").toObject().value(u"observedGeneration").toInt(),
             Kube::generation(c.get(u"web"_s)));

    // Scaling still works while paused.
    d = c.get(u"web"_s);
    Kube::setValue(d, u"spec.replicas", 3);
    c.update(d);
    c.step(10);
    QCOMPARE(replicasOf(c.replicaSets(u"web"_s).first()), 3);
    QCOMPARE(c.replicaSets(u"web"_s).size(), 1);

    d = c.get(u"web"_s);
    Kube::setValue(d, u"spec.paused", false);
    c.update(d);
    c.step(0.25);
    progressing = c.condition(u"web"_s, u"Progressing"_s);
    QVERIFY(progressing);
    QVERIFY(progressing->value(u"reason").toString() == u"DeploymentResumed"
            || progressing->value(u"reason").toString() == u"ReplicaSetUpdated");
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
    QCOMPARE(c.replicaSets(u"web"_s).size(), 2);
    QCOMPARE(c.condition(u"web"_s, u"Progressing"_s)->value(u"reason").toString(),
             u"NewReplicaSetAvailable"_s);
}

void tst_DeploymentController::progressDeadlineExceeded()
{
    TestCluster c;
    QJsonObject d = TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s);
    Kube::setValue(d, u"spec.progressDeadlineSeconds", 30);
    c.create(d);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    c.setImage(u"web"_s, u"nginx:broken"_s);
    QVERIFY(c.stepUntil(
            [&] {
                const auto p = c.condition(u"web"_s, u"Progressing"_s);
                return p && p->value(u"reason").toString() == u"ProgressDeadlineExceeded";
            },
            120));
    const auto p = c.condition(u"web"_s, u"Progressing"_s);
    const QString newRs = Kube::name(c.replicaSets(u"web"_s).last());
    QCOMPARE(p->value(u"status").toString(), u"False"_s);
    QCOMPARE(p->value(u"message").toString(),
             u"ReplicaSet \"%1\" has timed out progressing."_s.arg(newRs));
    // Timed out is sticky while nothing progresses.
    c.step(30);
    QCOMPARE(c.condition(u"web"_s, u"Progressing"_s)->value(u"reason").toString(),
             u"ProgressDeadlineExceeded"_s);
}

void tst_DeploymentController::brokenImageStallsRolloutKeepingOldPods()
{
    TestCluster c;
    c.create(withStrategy(TestCluster::deployment(u"web"_s, 3, u"nginx:1.25"_s), 1, 0));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    const QString oldRs = Kube::name(c.replicaSets(u"web"_s).first());
    c.setImage(u"web"_s, u"nginx:broken"_s);
    c.step(60);
    const QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    QCOMPARE(replicasOf(sets.first()), 3);
    QCOMPARE(replicasOf(sets.last()), 1);
    QCOMPARE(availablePods(c, oldRs), 3);
    const QJsonObject broken = c.pods(Kube::name(sets.last())).first();
    const QJsonObject waiting = Kube::value(broken, u"status.containerStatuses")
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(u"state")
                                        .toObject()
                                        .value(u"waiting")
                                        .toObject();
    QVERIFY(waiting.value(u"reason").toString() == u"ImagePullBackOff"
            || waiting.value(u"reason").toString() == u"ErrImagePull");
    QCOMPARE(Kube::value(broken, u"status.phase").toString(), u"Pending"_s);
    QVERIFY(c.eventMessages(u"BackOff"_s).contains(u"Back-off pulling image \"nginx:broken\""_s));
    QVERIFY(c.eventMessages(u"Failed"_s).contains(u"Error: ImagePullBackOff"_s));
    QVERIFY(c.eventMessages(u"Failed"_s).contains(u"Error: ErrImagePull"_s));
    const QJsonObject status = c.get(u"web"_s).value(u"status").toObject();
    QCOMPARE(status.value(u"updatedReplicas").toInt(), 1);
    QCOMPARE(status.value(u"unavailableReplicas").toInt(), 1);
    QCOMPARE(c.condition(u"web"_s, u"Available"_s)->value(u"status").toString(), u"True"_s);
}

void tst_DeploymentController::revisionHistoryLimitCleansOldReplicaSets()
{
    TestCluster c;
    QJsonObject d = TestCluster::deployment(u"web"_s, 1, u"nginx:1.0"_s);
    Kube::setValue(d, u"spec.revisionHistoryLimit", 2);
    c.create(d);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    for (int i = 1; i <= 5; ++i) {
        c.setImage(u"web"_s, u"nginx:1.%1"_s.arg(i));
        QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 120));
        c.step(1);
    }
    const QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    QCOMPARE(sets.size(), 3); // the current one plus two old ones
    QStringList revisions;
    for (const QJsonObject &rs : sets)
        revisions.append(Kube::annotation(rs, kRevision));
    QCOMPARE(revisions, (QStringList{u"4"_s, u"5"_s, u"6"_s}));
}

void tst_DeploymentController::scalingMidRolloutIsProportional()
{
    TestCluster c;
    c.create(withStrategy(TestCluster::deployment(u"web"_s, 10, u"nginx:1.25"_s), 3, 2));
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    c.setImage(u"web"_s, u"nginx:1.26"_s);
    c.step(0.25);
    QList<QJsonObject> sets = c.replicaSets(u"web"_s);
    QCOMPARE(replicasOf(sets.first()), 8);
    QCOMPARE(replicasOf(sets.last()), 5);

    QJsonObject d = c.get(u"web"_s);
    Kube::setValue(d, u"spec.replicas", 20);
    c.update(d);
    c.step(0.25);
    sets = c.replicaSets(u"web"_s);
    // allowed 20 + 3 = 23, 13 present: old 8 * 23/13 ≈ 14, new 5 * 23/13 ≈ 9 (max-replicas
    // was 13). Old grows too: that is what proportional scaling means.
    QCOMPARE(replicasOf(sets.first()) + replicasOf(sets.last()), 23);
    QCOMPARE(replicasOf(sets.first()), 14);
    QCOMPARE(replicasOf(sets.last()), 9);
    QCOMPARE(Kube::annotation(sets.last(), u"deployment.kubernetes.io/desired-replicas"_s),
             u"20"_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 300));
    QCOMPARE(replicasOf(c.replicaSets(u"web"_s).last()), 20);
    QCOMPARE(c.pods(u"web-"_s).size(), 20);
}

void tst_DeploymentController::completedRolloutConditionsAndEvents()
{
    TestCluster c;
    c.create(TestCluster::deployment(u"web"_s, 2, u"nginx:1.25"_s));
    c.step(0.25);
    const QString rs = Kube::name(c.replicaSets(u"web"_s).first());
    // NewReplicaSetCreated lasts only until the pods exist, within the same instant.
    auto progressing = c.condition(u"web"_s, u"Progressing"_s);
    QVERIFY(progressing);
    QCOMPARE(progressing->value(u"reason").toString(), u"ReplicaSetUpdated"_s);
    QCOMPARE(progressing->value(u"message").toString(),
             u"ReplicaSet \"%1\" is progressing."_s.arg(rs));
    QCOMPARE(c.condition(u"web"_s, u"Available"_s)->value(u"reason").toString(),
             u"MinimumReplicasUnavailable"_s);
    QCOMPARE(c.condition(u"web"_s, u"Available"_s)->value(u"message").toString(),
             u"Deployment does not have minimum availability."_s);
    QVERIFY(c.stepUntil([&] { return c.rolledOut(u"web"_s); }, 60));
    c.step(0.5);
    progressing = c.condition(u"web"_s, u"Progressing"_s);
    QCOMPARE(progressing->value(u"status").toString(), u"True"_s);
    QCOMPARE(progressing->value(u"reason").toString(), u"NewReplicaSetAvailable"_s);
    QCOMPARE(progressing->value(u"message").toString(),
             u"ReplicaSet \"%1\" has successfully progressed."_s.arg(rs));
    const auto available = c.condition(u"web"_s, u"Available"_s);
    QCOMPARE(available->value(u"reason").toString(), u"MinimumReplicasAvailable"_s);
    QCOMPARE(available->value(u"message").toString(), u"Deployment has minimum availability."_s);
    QVERIFY(available->contains(u"lastUpdateTime"));
    QVERIFY(available->contains(u"lastTransitionTime"));

    const QList<QJsonObject> scaling = c.events(u"ScalingReplicaSet"_s);
    QCOMPARE(scaling.size(), 1);
    const QJsonObject e = scaling.first();
    QCOMPARE(e.value(u"message").toString(), u"Scaled up replica set %1 to 2"_s.arg(rs));
    QCOMPARE(e.value(u"type").toString(), u"Normal"_s);
    QCOMPARE(Kube::value(e, u"source.component").toString(), u"deployment-controller"_s);
    QCOMPARE(e.value(u"reportingComponent").toString(), u"deployment-controller"_s);
    QCOMPARE(Kube::value(e, u"involvedObject.kind").toString(), u"Deployment"_s);
    QCOMPARE(Kube::value(e, u"involvedObject.name").toString(), u"web"_s);
    QCOMPARE(e.value(u"count").toInt(), 1);
    QVERIFY(!e.value(u"firstTimestamp").toString().isEmpty());
    QCOMPARE(c.events(u"SuccessfulCreate"_s).size(), 2);

    // A settled cluster writes nothing, so watches see no spurious MODIFIED events.
    int before = 0;
    for (const QString &r : {u"deployments.apps"_s, u"replicasets.apps"_s, u"pods"_s, u"events"_s})
        before += c.store.writes(r);
    c.step(30);
    int after = 0;
    for (const QString &r : {u"deployments.apps"_s, u"replicasets.apps"_s, u"pods"_s, u"events"_s})
        after += c.store.writes(r);
    QCOMPARE(after, before);
    QVERIFY(c.eventMessages(u"SuccessfulCreate"_s)
                    .first()
                    .startsWith(u"Created pod: "_s + rs + u'-'));
}

QTEST_GUILESS_MAIN(tst_DeploymentController)
#include "tst_deploymentcontroller.moc"

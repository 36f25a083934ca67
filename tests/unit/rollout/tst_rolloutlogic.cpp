// kubectl's rollout semantics on plain objects: history, undo, status, pause/resume/restart,
// set image; history alignment across clusters; waves; Direct-mode replica plans; diffs.
#include "rollout/history.h"
#include "rollout/manifest.h"
#include "rollout/memberplan.h"
#include "rollout/objectdiff.h"
#include "rollout/rolloutclient.h"
#include "rollout/rolloutpatches.h"
#include "rollout/rolloutstatus.h"
#include "rollout/undo.h"
#include "rollout/waves.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Meridian;
using namespace Meridian::Rollout;
using namespace Qt::StringLiterals;

namespace {

QJsonObject podTemplate(const QString &image, const QString &hash = {})
{
    QJsonObject labels{{u"app"_s, u"web"_s}};
    if (!hash.isEmpty())
        labels.insert(u"pod-template-hash"_s, hash);
    return QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                       {u"spec"_s,
                        QJsonObject{{u"containers"_s,
                                     QJsonArray{QJsonObject{{u"name"_s, u"web"_s},
                                                            {u"image"_s, image}}}}}}};
}

QJsonObject deployment(const QString &image, bool paused = false, const QString &uid = u"d-uid"_s)
{
    QJsonObject spec{{u"replicas"_s, 3},
                     {u"selector"_s,
                      QJsonObject{{u"matchLabels"_s, QJsonObject{{u"app"_s, u"web"_s}}}}},
                     {u"template"_s, podTemplate(image)}};
    if (paused)
        spec.insert(u"paused"_s, true);
    return QJsonObject{
            {u"metadata"_s,
             QJsonObject{{u"name"_s, u"web"_s},
                         {u"namespace"_s, u"default"_s},
                         {u"uid"_s, uid},
                         {u"generation"_s, 4},
                         {u"annotations"_s,
                          QJsonObject{{u"deployment.kubernetes.io/revision"_s, u"3"_s},
                                      {u"kubectl.kubernetes.io/last-applied-configuration"_s,
                                       u"{}"_s},
                                      {u"team"_s, u"blue"_s}}}}},
            {u"spec"_s, spec}};
}

QJsonObject replicaSet(const QString &name,
                       qint64 revision,
                       const QString &image,
                       const QString &owner = u"d-uid"_s,
                       const QString &cause = {},
                       const QString &created = u"2026-01-01T00:00:00Z"_s)
{
    QJsonObject annotations{{u"deployment.kubernetes.io/revision"_s, QString::number(revision)},
                            {u"deployment.kubernetes.io/desired-replicas"_s, u"3"_s}};
    if (!cause.isEmpty())
        annotations.insert(u"kubernetes.io/change-cause"_s, cause);
    return QJsonObject{{u"metadata"_s,
                        QJsonObject{{u"name"_s, name},
                                    {u"uid"_s, QString(name + u"-uid"_s)},
                                    {u"creationTimestamp"_s, created},
                                    {u"annotations"_s, annotations},
                                    {u"ownerReferences"_s,
                                     QJsonArray{QJsonObject{{u"uid"_s, owner},
                                                            {u"controller"_s, true}}}}}},
                       {u"spec"_s, QJsonObject{{u"template"_s, podTemplate(image, name.mid(4))}}}};
}

QList<QJsonObject> threeRevisions()
{
    return {replicaSet(u"web-aaa"_s, 1, u"nginx:1.25"_s, u"d-uid"_s, u"first"_s),
            replicaSet(u"web-bbb"_s, 2, u"nginx:1.26"_s),
            replicaSet(u"web-ccc"_s, 3, u"nginx:1.27"_s),
            replicaSet(u"web-zzz"_s, 9, u"nginx:9"_s, u"someone-else"_s), // not controlled
            [] {
                QJsonObject rs = replicaSet(u"web-bad"_s, 0, u"x"_s);
                QJsonObject meta = rs.value(u"metadata"_s).toObject();
                meta.insert(u"annotations"_s,
                            QJsonObject{{u"deployment.kubernetes.io/revision"_s, u"x"_s}});
                rs.insert(u"metadata"_s, meta);
                return rs;
            }()};
}

QJsonObject withStatus(QJsonObject d, const QJsonObject &status, qint64 generation = 4)
{
    QJsonObject meta = d.value(u"metadata"_s).toObject();
    meta.insert(u"generation"_s, generation);
    d.insert(u"metadata"_s, meta);
    d.insert(u"status"_s, status);
    return d;
}

} // namespace

class TestRolloutLogic final : public QObject
{
    Q_OBJECT

private slots:
    void historyKeepsControlledRevisions()
    {
        const QList<Revision> revisions
                = revisionsOf(deployment(u"nginx:1.27"_s), threeRevisions());
        QCOMPARE(revisions.size(), 3);
        QCOMPARE(revisions.at(0).number, 1);
        QCOMPARE(revisions.at(0).changeCause, u"first"_s);
        QCOMPARE(revisions.at(2).images.first().image, u"nginx:1.27"_s);
        QCOMPARE(
                formatHistory(u"web"_s, revisions),
                u"deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n3         <none>\n\n"_s);
        QCOMPARE(formatHistory(u"web"_s, {}),
                 u"deployment.apps/web \nNo rollout history found.\n"_s);
    }

    void templateKeyIgnoresHash()
    {
        QCOMPARE(templateKey(podTemplate(u"a"_s, u"h1"_s)), templateKey(podTemplate(u"a"_s)));
        QVERIFY(templateKey(podTemplate(u"a"_s)) != templateKey(podTemplate(u"b"_s)));
    }

    void undoToPrevious()
    {
        // Given revisions 1..3 with 3 current, when undoing to 0 (previous)
        const Result<UndoPlan> plan = planUndo(deployment(u"nginx:1.27"_s), threeRevisions(), 0);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        // Then revision 2's template, without the hash, replaces /spec/template, and the
        // annotations are the Deployment's skip-listed ones plus the ReplicaSet's others.
        QCOMPARE(plan->targetRevision, 2);
        QCOMPARE(plan->message, u"rolled back"_s);
        const QJsonArray patch = QJsonDocument::fromJson(plan->patch).array();
        QCOMPARE(patch.size(), 2);
        QCOMPARE(patch.at(0).toObject().value(u"op"_s).toString(), u"replace"_s);
        QCOMPARE(patch.at(0).toObject().value(u"path"_s).toString(), u"/spec/template"_s);
        QCOMPARE(patch.at(0).toObject().value(u"value"_s).toObject(), podTemplate(u"nginx:1.26"_s));
        QCOMPARE(patch.at(1).toObject().value(u"path"_s).toString(), u"/metadata/annotations"_s);
        const QJsonObject annotations{
                {u"deployment.kubernetes.io/revision"_s, u"3"_s},
                {u"kubectl.kubernetes.io/last-applied-configuration"_s, u"{}"_s},
                {u"deployment.kubernetes.io/desired-replicas"_s, QJsonValue::Undefined},
        };
        QJsonObject expected;
        expected.insert(u"deployment.kubernetes.io/revision"_s, u"3"_s);
        expected.insert(u"kubectl.kubernetes.io/last-applied-configuration"_s, u"{}"_s);
        QCOMPARE(patch.at(1).toObject().value(u"value"_s).toObject(), expected);
        Q_UNUSED(annotations)
    }

    void undoToRevisionCopiesChangeCause()
    {
        const Result<UndoPlan> plan = planUndo(deployment(u"nginx:1.27"_s), threeRevisions(), 1);
        QVERIFY(plan.ok());
        const QJsonObject annotations = QJsonDocument::fromJson(plan->patch)
                                                .array()
                                                .at(1)
                                                .toObject()
                                                .value(u"value"_s)
                                                .toObject();
        QCOMPARE(annotations.value(u"kubernetes.io/change-cause"_s).toString(), u"first"_s);
        QVERIFY(!annotations.contains(u"team"_s)); // the Deployment's own others are replaced
    }

    void undoErrors_data()
    {
        QTest::addColumn<QJsonObject>("deployment");
        QTest::addColumn<QList<QJsonObject>>("replicaSets");
        QTest::addColumn<qint64>("revision");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative") << deployment(u"nginx:1.27"_s) << threeRevisions() << qint64(-1)
                                  << u"NotFound"_s
                                  << u"unable to find specified revision -1 in history"_s;
        QTest::newRow("unknown") << deployment(u"nginx:1.27"_s) << threeRevisions() << qint64(7)
                                 << u"NotFound"_s
                                 << u"unable to find specified revision 7 in history"_s;
        QTest::newRow("no previous")
                << deployment(u"nginx:1.25"_s)
                << QList<QJsonObject>{replicaSet(u"web-aaa"_s, 1, u"nginx:1.25"_s)} << qint64(0)
                << u"NotFound"_s << u"no rollout history found for deployment \"web\""_s;
        QTest::newRow("paused")
                << deployment(u"nginx:1.27"_s, true) << threeRevisions() << qint64(0) << u"Paused"_s
                << u"you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again"_s;
    }
    void undoErrors()
    {
        QFETCH(QJsonObject, deployment);
        QFETCH(QList<QJsonObject>, replicaSets);
        QFETCH(qint64, revision);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const Result<UndoPlan> plan = planUndo(deployment, replicaSets, revision);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, code);
        QCOMPARE(plan.error().message, message);
    }

    void undoSkipsMatchingTemplate()
    {
        const Result<UndoPlan> plan = planUndo(deployment(u"nginx:1.27"_s), threeRevisions(), 3);
        QVERIFY(plan.ok());
        QVERIFY(plan->skipped);
        QVERIFY(plan->patch.isEmpty());
        QCOMPARE(plan->message,
                 u"skipped rollback (current template already matches revision 3)"_s);
    }

    void revisionForTemplatePicksByTemplate()
    {
        const QString key = templateKey(podTemplate(u"nginx:1.26"_s));
        QCOMPARE(revisionForTemplate(deployment(u"nginx:1.27"_s), threeRevisions(), key), 2);
        QCOMPARE(revisionForTemplate(deployment(u"nginx:1.27"_s),
                                     threeRevisions(),
                                     templateKey(podTemplate(u"nope"_s))),
                 0);
    }

    void status_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<int>("phase");
        QTest::addColumn<QString>("message");
        const QJsonObject d = deployment(u"nginx:1.27"_s);
        QTest::newRow("not observed") << withStatus(d, {{u"observedGeneration"_s, 3}})
                                      << int(RolloutState::Phase::Waiting)
                                      << u"Waiting for deployment spec update to be observed..."_s;
        QTest::newRow("updating")
                << withStatus(d,
                              {{u"observedGeneration"_s, 4},
                               {u"updatedReplicas"_s, 1},
                               {u"replicas"_s, 4}})
                << int(RolloutState::Phase::Waiting)
                << u"Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated..."_s;
        QTest::newRow("old pending")
                << withStatus(d,
                              {{u"observedGeneration"_s, 4},
                               {u"updatedReplicas"_s, 3},
                               {u"replicas"_s, 4}})
                << int(RolloutState::Phase::Waiting)
                << u"Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination..."_s;
        QTest::newRow("availability")
                << withStatus(d,
                              {{u"observedGeneration"_s, 4},
                               {u"updatedReplicas"_s, 3},
                               {u"replicas"_s, 3},
                               {u"availableReplicas"_s, 2}})
                << int(RolloutState::Phase::Waiting)
                << u"Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available..."_s;
        QTest::newRow("done") << withStatus(d,
                                            {{u"observedGeneration"_s, 4},
                                             {u"updatedReplicas"_s, 3},
                                             {u"replicas"_s, 3},
                                             {u"availableReplicas"_s, 3}})
                              << int(RolloutState::Phase::Done)
                              << u"deployment \"web\" successfully rolled out"_s;
        QTest::newRow("deadline")
                << withStatus(d,
                              {{u"observedGeneration"_s, 4},
                               {u"conditions"_s,
                                QJsonArray{QJsonObject{{u"type"_s, u"Progressing"_s},
                                                       {u"status"_s, u"False"_s},
                                                       {u"reason"_s,
                                                        u"ProgressDeadlineExceeded"_s}}}}})
                << int(RolloutState::Phase::Failed)
                << u"deployment \"web\" exceeded its progress deadline"_s;
        QTest::newRow("paused")
                << withStatus(deployment(u"nginx:1.27"_s, true),
                              {{u"observedGeneration"_s, 4}, {u"updatedReplicas"_s, 1}})
                << int(RolloutState::Phase::Paused)
                << u"Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated..."_s;
    }
    void status()
    {
        QFETCH(QJsonObject, object);
        QFETCH(int, phase);
        QFETCH(QString, message);
        const RolloutState state = rolloutStatus(object);
        QCOMPARE(int(state.phase), phase);
        QCOMPARE(state.message, message);
    }

    void statusRevisionMismatch()
    {
        const RolloutState state = rolloutStatus(deployment(u"x"_s), 2);
        QCOMPARE(state.phase, RolloutState::Phase::Failed);
        QCOMPARE(state.message,
                 u"desired revision (2) is different from the running revision (3)"_s);
    }

    void podProblemsOfNewReplicaSet()
    {
        const QJsonObject d = deployment(u"nginx:broken"_s);
        const QList<QJsonObject> sets{replicaSet(u"web-old"_s, 1, u"nginx:1.27"_s),
                                      replicaSet(u"web-new"_s, 2, u"nginx:broken"_s)};
        auto pod = [](const QString &name, const QString &owner, const QJsonObject &status) {
            return QJsonObject{{u"metadata"_s,
                                QJsonObject{{u"name"_s, name},
                                            {u"ownerReferences"_s,
                                             QJsonArray{QJsonObject{{u"uid"_s, owner},
                                                                    {u"controller"_s, true}}}}}},
                               {u"status"_s, status}};
        };
        const QJsonObject waiting{
                {u"containerStatuses"_s,
                 QJsonArray{QJsonObject{
                         {u"state"_s,
                          QJsonObject{
                                  {u"waiting"_s,
                                   QJsonObject{
                                           {u"reason"_s, u"ImagePullBackOff"_s},
                                           {u"message"_s,
                                            u"Back-off pulling image \"nginx:broken\""_s}}}}}}}}};
        const QJsonObject unschedulable{
                {u"conditions"_s,
                 QJsonArray{QJsonObject{{u"type"_s, u"PodScheduled"_s},
                                        {u"status"_s, u"False"_s},
                                        {u"reason"_s, u"Unschedulable"_s},
                                        {u"message"_s,
                                         u"0/2 nodes are available: 2 Insufficient cpu."_s}}}}};
        const QList<QJsonObject> pods{pod(u"web-new-1"_s, u"web-new-uid"_s, waiting),
                                      pod(u"web-new-2"_s, u"web-new-uid"_s, waiting),
                                      pod(u"web-new-3"_s, u"web-new-uid"_s, unschedulable),
                                      pod(u"web-old-1"_s, u"web-old-uid"_s, waiting)};
        RolloutState state;
        state.problems = podProblems(d, sets, pods);
        QCOMPARE(state.problems.size(), 3);
        QCOMPARE(state.problems.at(2).reason, u"Unschedulable"_s);
        QCOMPARE(state.problemSummary(),
                 u"ImagePullBackOff (2 pods): Back-off pulling image \"nginx:broken\""_s);
    }

    void pauseResumeRestartSetImage()
    {
        const QJsonObject running = deployment(u"nginx:1.27"_s);
        const QJsonObject paused = deployment(u"nginx:1.27"_s, true);
        QCOMPARE(pausePatch(running)->patch, QByteArray(R"({"spec":{"paused":true}})"));
        QCOMPARE(pausePatch(paused).error().message,
                 u"deployments.apps \"web\" is already paused"_s);
        QCOMPARE(resumePatch(paused)->patch, QByteArray(R"({"spec":{"paused":null}})"));
        QCOMPARE(resumePatch(running).error().message, u"deployments.apps \"web\" is not paused"_s);
        const QDateTime now(QDate(2026, 11, 27), QTime(12, 0, 0), Qt::UTC);
        QCOMPARE(
                restartPatch(running, now)->patch,
                QByteArray(
                        R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-27T12:00:00Z"}}}}})"));
        QVERIFY(!restartPatch(paused, now).ok());
        QCOMPARE(
                setImagePatch(running, u"web"_s, u"nginx:1.28"_s)->patch,
                QByteArray(
                        R"({"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.28","name":"web"}]}}}})"));
        QVERIFY(setImagePatch(running, u"web"_s, u"nginx:1.27"_s)->patch.isEmpty());
        QCOMPARE(setImagePatch(running, u"side"_s, u"x"_s).error().message,
                 u"unable to find container named \"side\""_s);
    }

    void alignmentByTemplate()
    {
        // Given cluster a with 1.25 → 1.26 → 1.27 and cluster b that went 1.25 → 1.27 and then
        // rolled back to 1.26 (so its numbers differ), when aligning
        const QJsonObject da = deployment(u"nginx:1.27"_s, false, u"a"_s);
        const QJsonObject db = deployment(u"nginx:1.26"_s, false, u"b"_s);
        const QList<Revision> a
                = revisionsOf(da,
                              {replicaSet(u"web-a1"_s, 1, u"nginx:1.25"_s, u"a"_s),
                               replicaSet(u"web-a2"_s, 2, u"nginx:1.26"_s, u"a"_s),
                               replicaSet(u"web-a3"_s, 3, u"nginx:1.27"_s, u"a"_s)});
        const QList<Revision> b
                = revisionsOf(db,
                              {replicaSet(u"web-b1"_s, 1, u"nginx:1.25"_s, u"b"_s),
                               replicaSet(u"web-b2"_s, 2, u"nginx:1.27"_s, u"b"_s),
                               replicaSet(u"web-b3"_s, 3, u"nginx:1.26"_s, u"b"_s)});
        const QList<AlignedRevision> rows
                = alignHistory({{u"a"_s, a}, {u"b"_s, b}},
                               {{u"a"_s,
                                 da.value(u"spec"_s).toObject().value(u"template"_s).toObject()},
                                {u"b"_s,
                                 db.value(u"spec"_s).toObject().value(u"template"_s).toObject()}});
        // Then one row per template, with each cluster's own number
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).imagesText(), u"web=nginx:1.25"_s);
        QCOMPARE(rows.at(0).revisionIn(u"a"_s), 1);
        QCOMPARE(rows.at(0).revisionIn(u"b"_s), 1);
        QStringList images;
        for (const AlignedRevision &r : rows)
            images.append(r.imagesText());
        QVERIFY(images.contains(u"web=nginx:1.26"_s));
        const auto row126 = std::find_if(rows.cbegin(), rows.cend(), [](const AlignedRevision &r) {
            return r.imagesText() == u"web=nginx:1.26"_s;
        });
        QCOMPARE(row126->revisionIn(u"a"_s), 2);
        QCOMPARE(row126->revisionIn(u"b"_s), 3);
        QCOMPARE(row126->currentIn, QStringList{u"b"_s});
        QCOMPARE(rows.last().currentIn.size() + row126->currentIn.size(), 2);
    }

    void waves()
    {
        const QStringList clusters{u"a"_s, u"b"_s, u"c"_s};
        QCOMPARE(planWaves(clusters, {u"b"_s}).value(),
                 (QList<QStringList>{{u"b"_s}, {u"a"_s, u"c"_s}}));
        QCOMPARE(planWaves(clusters, {}).value(), (QList<QStringList>{clusters}));
        QCOMPARE(planWaves(clusters, {u"x"_s}).error().message,
                 u"--waves names \"x\", which is not one of the clusters (a, b, c)"_s);

        WaveSequencer run({{u"b"_s}, {u"a"_s, u"c"_s}});
        QCOMPARE(run.start(), QStringList{u"b"_s});
        QCOMPARE(run.report(u"b"_s, WaveSequencer::Outcome::Available),
                 (QStringList{u"a"_s, u"c"_s}));
        QVERIFY(run.report(u"a"_s, WaveSequencer::Outcome::Available).isEmpty());
        QCOMPARE(run.phase(), WaveSequencer::Phase::Running);
        run.report(u"c"_s, WaveSequencer::Outcome::Available);
        QCOMPARE(run.phase(), WaveSequencer::Phase::Succeeded);

        WaveSequencer failing({{u"b"_s}, {u"a"_s, u"c"_s}});
        failing.start();
        QVERIFY(failing.report(u"b"_s, WaveSequencer::Outcome::Failed, u"ImagePullBackOff"_s)
                        .isEmpty());
        QCOMPARE(failing.phase(), WaveSequencer::Phase::Failed);
        QCOMPARE(failing.failure(), u"b: ImagePullBackOff"_s);
        QCOMPARE(failing.notStarted(), (QStringList{u"a"_s, u"c"_s}));

        WaveSequencer pausing({{u"a"_s}, {u"b"_s}}, true);
        pausing.start();
        QVERIFY(pausing.report(u"a"_s, WaveSequencer::Outcome::Available).isEmpty());
        QCOMPARE(pausing.phase(), WaveSequencer::Phase::WaitingToContinue);
        QCOMPARE(pausing.proceed(), QStringList{u"b"_s});
        pausing.abort();
        QCOMPARE(pausing.phase(), WaveSequencer::Phase::Aborted);
    }

    void memberPlan()
    {
        const QByteArray yaml
                = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                  "  annotations:\n    federation.kubernetes.io/deployment-preferences: "
                  "'{\"clusters\":{\"a\":{\"weight\":2},\"b\":{\"weight\":1}}}'\n"
                  "spec:\n  replicas: 6\n  selector:\n    matchLabels: {app: web}\n"
                  "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n"
                  "      containers:\n      - name: web\n        image: nginx\n";
        const auto objects = loadManifest(yaml, u"m.yaml"_s);
        QVERIFY2(objects.ok(), objects.ok() ? "" : qPrintable(objects.error().message));
        const auto plan = planMembers(*objects, {u"a"_s, u"b"_s, u"c"_s});
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QCOMPARE(plan->replicas.value(u"default/web"_s).value(u"a"_s), 4);
        QCOMPARE(plan->replicas.value(u"default/web"_s).value(u"b"_s), 2);
        QCOMPARE(plan->replicas.value(u"default/web"_s).value(u"c"_s), 0);
        QCOMPARE(plan->objects.value(u"a"_s)
                         .first()
                         .object.value(u"spec"_s)
                         .toObject()
                         .value(u"replicas"_s)
                         .toInt(),
                 4);

        QByteArray even = yaml;
        even.replace("  annotations:\n    federation.kubernetes.io/deployment-preferences: "
                     "'{\"clusters\":{\"a\":{\"weight\":2},\"b\":{\"weight\":1}}}'\n",
                     "");
        const auto evenPlan
                = planMembers(*loadManifest(even, u"m.yaml"_s), {u"a"_s, u"b"_s, u"c"_s});
        QVERIFY(evenPlan.ok());
        QCOMPARE(evenPlan->replicas.value(u"default/web"_s),
                 (QMap<QString, qint64>{{u"a"_s, 2}, {u"b"_s, 2}, {u"c"_s, 2}}));
        QCOMPARE(evenPlan->notes.size(), 1);
    }

    void applyConflictsWithOurselves()
    {
        const QLatin1StringView me("meridian");
        QVERIFY(conflictsOnlyWith(
                u"Apply failed with 1 conflict: conflict with \"meridian\" using apps/v1: .spec.replicas"_s,
                me));
        QVERIFY(!conflictsOnlyWith(
                u"Apply failed with 2 conflicts: conflict with \"meridian\" using apps/v1: .a\nconflict with \"kubectl-edit\" using apps/v1: .b"_s,
                me));
        QVERIFY(!conflictsOnlyWith(u"the object has been modified"_s, me));
        QCOMPARE(labelSelectorQuery(QJsonObject{
                         {u"matchLabels"_s, QJsonObject{{u"app"_s, u"web"_s}}},
                         {u"matchExpressions"_s,
                          QJsonArray{QJsonObject{{u"key"_s, u"tier"_s},
                                                 {u"operator"_s, u"In"_s},
                                                 {u"values"_s, QJsonArray{u"a"_s, u"b"_s}}},
                                     QJsonObject{{u"key"_s, u"canary"_s},
                                                 {u"operator"_s, u"DoesNotExist"_s}}}}}),
                 u"app=web,tier in (a,b),!canary"_s);
    }

    void portProtocolsDefaultForOldServers()
    {
        // Kubernetes < 1.21 cannot server-side apply a port without its protocol key.
        const QJsonObject service = QJsonDocument::fromJson(R"({"kind":"Service","spec":{
            "ports":[{"port":80},{"port":53,"protocol":"UDP"}]}})")
                                            .object();
        const QJsonObject deployment = QJsonDocument::fromJson(R"({"spec":{"template":{"spec":{
            "containers":[{"name":"web","ports":[{"containerPort":8080,"name":"http"}]}],
            "initContainers":[{"name":"init"}]}}}})")
                                               .object();
        QCOMPARE(withDefaultPortProtocols(service).toObject(),
                 QJsonDocument::fromJson(R"({"kind":"Service","spec":{
            "ports":[{"port":80,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}})")
                         .object());
        QCOMPARE(withDefaultPortProtocols(deployment).toObject(),
                 QJsonDocument::fromJson(R"({"spec":{"template":{"spec":{
            "containers":[{"name":"web","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"}]}],
            "initContainers":[{"name":"init"}]}}}})")
                         .object());
    }

    void diff()
    {
        QJsonObject live = deployment(u"nginx:1.27"_s);
        QJsonObject proposed = deployment(u"nginx:1.28"_s);
        QCOMPARE(unifiedDiff(live, live, u"a"_s, u"b"_s), QString());
        const QString text = unifiedDiff(live, proposed, u"live"_s, u"dry run"_s);
        QVERIFY(text.startsWith(u"--- live\n+++ dry run\n@@\n"_s));
        const QStringList lines = text.split(u'\n');
        const auto removed = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
            return l.startsWith(u'-') && l.contains(u"\"image\": \"nginx:1.27\""_s);
        });
        const auto added = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
            return l.startsWith(u'+') && l.contains(u"\"image\": \"nginx:1.28\""_s);
        });
        QVERIFY2(removed != lines.cend(), qPrintable(text));
        QVERIFY2(added != lines.cend(), qPrintable(text));
        QCOMPARE(std::count_if(lines.cbegin(),
                               lines.cend(),
                               [](const QString &l) {
                                   return l.startsWith(u'+') || l.startsWith(u'-');
                               }),
                 4); // the two labels plus the one changed line each way
        QCOMPARE(diffLines({u"a"_s, u"b"_s, u"c"_s}, {u"a"_s, u"c"_s, u"d"_s}),
                 (QStringList{u" a"_s, u"-b"_s, u" c"_s, u"+d"_s}));
    }
};

QTEST_GUILESS_MAIN(TestRolloutLogic)
#include "tst_rolloutlogic.moc"

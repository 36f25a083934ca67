// The placement editor without widgets: edits as undo steps, drags merging into one step, the
// live preview with its warnings, validation and import/export.
#include "../placement/testhelpers.h"
#include "placement/draftstore.h"
#include "placement/placementeditormodel.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Placement;
using namespace Qt::StringLiterals;
using Meridian::Test::counts;
using Meridian::Test::countsText;

namespace {

PlacementContext directContext()
{
    PlacementContext c;
    c.key = u"default/web"_s;
    c.engine = Engine::Federation;
    c.capabilities.perClusterMinMax = true;
    c.capabilities.rebalance = true;
    c.capabilities.weights = true;
    c.clusters = QStringList{u"A"_s, u"B"_s, u"C"_s};
    c.current = counts(u"A=3,B=3,C=3"_s);
    c.plannerBase = c.current;
    return c;
}

PlacementState evenState(qint64 total)
{
    PlacementState s;
    s.preferences = ReplicaPreferences::evenSpread();
    s.preferences.rebalance = true;
    s.total = total;
    return s;
}

QString planText(const PlacementEditorModel &model)
{
    return model.plan().ok() ? countsText(model.plan()->plan) : model.plan().error().message;
}

} // namespace

class TestPlacementEditorModel final : public QObject
{
    Q_OBJECT

private slots:
    void loadShowsThePlan()
    {
        PlacementEditorModel model;
        model.load(directContext(), evenState(9));
        QCOMPARE(planText(model), u"A=3,B=3,C=3"_s);
        QVERIFY(!model.isModified());
        QCOMPARE(model.undoStack()->count(), 0);
        QVERIFY(model.warnings().isEmpty());
    }

    void everyEditIsOneUndoStep()
    {
        PlacementEditorModel model;
        model.load(directContext(), evenState(9));
        QSignalSpy changed(&model, &PlacementEditorModel::changed);

        // When the operator gives A a weight of 2 and raises the total
        model.setClusterPreference(u"A"_s, ClusterPreference{0, std::nullopt, 2});
        model.setTotal(12);

        // Then both are steps, the plan follows, and undo/redo walk back and forth
        QCOMPARE(model.undoStack()->count(), 2);
        QCOMPARE(changed.count(), 2);
        const QString after = planText(model);
        model.undoStack()->undo();
        QCOMPARE(model.state().total, 9);
        model.undoStack()->undo();
        QCOMPARE(model.state(), model.base());
        QCOMPARE(planText(model), u"A=3,B=3,C=3"_s);
        model.undoStack()->redo();
        model.undoStack()->redo();
        QCOMPARE(planText(model), after);

        // An edit that changes nothing is no step
        model.setTotal(12);
        QCOMPARE(model.undoStack()->count(), 2);
    }

    void dragIsOneStepAndExact()
    {
        PlacementEditorModel model;
        model.load(directContext(), evenState(9));
        const int drag = model.beginDrag();
        QVERIFY(model.dragTo(drag, counts(u"A=2,B=4,C=3"_s)).ok());
        QVERIFY(model.dragTo(drag, counts(u"A=1,B=5,C=3"_s)).ok());
        QVERIFY(model.dragTo(drag, counts(u"A=0,B=6,C=3"_s)).ok());
        model.endDrag(drag);

        QCOMPARE(model.undoStack()->count(), 1);
        QCOMPARE(planText(model), u"A=0,B=6,C=3"_s);
        // Emptying A is a warning
        const auto warnings = model.warnings();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().kind, PlacementWarning::Kind::Emptied);
        QCOMPARE(warnings.first().cluster, u"A"_s);

        model.undoStack()->undo();
        QCOMPARE(model.state(), model.base());
        model.undoStack()->redo();
        QCOMPARE(planText(model), u"A=0,B=6,C=3"_s);
    }

    void dragBackLeavesNoStep()
    {
        PlacementEditorModel model;
        model.load(directContext(), evenState(9));
        model.setRebalance(false);
        QCOMPARE(model.undoStack()->count(), 1);
        const PlacementState before = model.state();
        const int drag = model.beginDrag();
        QVERIFY(model.dragTo(drag, counts(u"A=1,B=5,C=3"_s)).ok());
        QVERIFY(model.dragTo(drag, counts(u"A=3,B=3,C=3"_s)).ok());
        model.endDrag(drag);
        QCOMPARE(model.undoStack()->count(), 1);
        QCOMPARE(model.state(), before);
    }

    void impossibleDragChangesNothing()
    {
        PlacementContext context = directContext();
        context.capacity.insert(u"B"_s, 4);
        PlacementEditorModel model;
        model.load(context, evenState(9));
        const int drag = model.beginDrag();
        const Status status = model.dragTo(drag, counts(u"A=0,B=6,C=3"_s));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"OverCapacity"_s);
        QCOMPARE(model.undoStack()->count(), 0);
    }

    void warnings()
    {
        PlacementContext context = directContext();
        context.capacity.insert(u"C"_s, 2);
        PlacementEditorModel model;
        PlacementState state;
        state.preferences.rebalance = true;
        state.preferences.clusters.insert(u"A"_s, ClusterPreference{0, 1, 1});
        state.preferences.clusters.insert(u"C"_s, ClusterPreference{0, std::nullopt, 5});
        state.total = 9;
        model.load(context, state);
        // A is capped at 1, B has no entry, C holds 2 and overflows
        QCOMPARE(planText(model), u"A=1,B=0,C=2"_s);
        QSet<PlacementWarning::Kind> kinds;
        for (const PlacementWarning &w : model.warnings())
            kinds.insert(w.kind);
        QVERIFY(kinds.contains(PlacementWarning::Kind::Emptied));    // B: 3 → 0
        QVERIFY(kinds.contains(PlacementWarning::Kind::Overflow));   // C
        QVERIFY(kinds.contains(PlacementWarning::Kind::BelowTotal)); // 3 of 9
        QVERIFY(kinds.contains(PlacementWarning::Kind::LargeMove));  // 6 of 9 leave

        model.setClusterPreference(u"A"_s, ClusterPreference{0, std::nullopt, 0});
        model.setClusterPreference(u"B"_s, ClusterPreference{0, std::nullopt, 1});
        model.removeCluster(u"C"_s);
        QCOMPARE(planText(model), u"A=0,B=9,C=0"_s);
        kinds.clear();
        for (const PlacementWarning &w : model.warnings())
            kinds.insert(w.kind);
        QVERIFY(kinds.contains(PlacementWarning::Kind::LargeMove)); // 6 of 9 leave
    }

    void errorsNameTheField()
    {
        PlacementEditorModel model;
        model.load(directContext(), evenState(9));
        model.setClusterPreference(u"A"_s, ClusterPreference{5, 2, 1});
        const QList<FieldError> errors = model.errors();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().cluster, u"A"_s);
        QCOMPARE(errors.first().field, u"minReplicas"_s);
        QVERIFY(errors.first().message.contains(u"greater than maxReplicas"_s));
        QVERIFY(!model.isValid());
        model.undoStack()->undo();
        QVERIFY(model.isValid());
        model.removeCluster(u"*"_s);
        QCOMPARE(model.errors().size(), 1);
        QCOMPARE(model.errors().first().cluster, QString());
    }

    void capabilities()
    {
        PlacementContext context = directContext();
        context.engine = Engine::Karmada;
        context.capabilities = Federation::Capabilities{};
        context.capabilities.weights = true;
        PlacementEditorModel model;
        model.load(context, evenState(9));
        QVERIFY(model.canEditWeights());
        QVERIFY(!model.canEditMinMax());
        QVERIFY(!model.canEditRebalance());
        const int drag = model.beginDrag();
        QVERIFY(model.dragTo(drag, counts(u"A=1,B=2,C=6"_s)).ok());
        QCOMPARE(planText(model), u"A=1,B=2,C=6"_s);
        for (const ClusterPreference &p : model.state().preferences.clusters) {
            QCOMPARE(p.minReplicas, 0);
            QVERIFY(!p.maxReplicas);
        }
    }

    void importAndExport_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("annotation") << int(PreferencesFormat::FederationAnnotation);
        QTest::newRow("rsp") << int(PreferencesFormat::ReplicaSchedulingPreference);
        QTest::newRow("karmada") << int(PreferencesFormat::PropagationPolicy);
    }

    void importAndExport()
    {
        QFETCH(int, format);
        PlacementEditorModel source;
        source.load(directContext(), evenState(9));
        source.setClusterPreference(u"B"_s, ClusterPreference{0, std::nullopt, 3});
        QStringList lost;
        const QByteArray text = source.exportText(PreferencesFormat(format), &lost);
        QVERIFY(!text.isEmpty());
        // Karmada has no rebalance switch: exporting says so instead of dropping it silently.
        QCOMPARE(lost.isEmpty(), PreferencesFormat(format) != PreferencesFormat::PropagationPolicy);

        PlacementEditorModel target;
        target.load(directContext(), evenState(9));
        const Result<QStringList> notes = target.importText(text);
        QVERIFY(notes.ok());
        QCOMPARE(target.undoStack()->count(), 1);
        QCOMPARE(target.state().preferences.clusters.value(u"B"_s).weight, 3);
        if (lost.isEmpty())
            QCOMPARE(planText(target), planText(source));

        const Result<QStringList> bad
                = target.importText("{\"clusters\": {\"A\": {\"weight\": -1}}}");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(u"weight"_s));
        QCOMPARE(target.undoStack()->count(), 1);
    }

    void typingInOneCellIsOneStep()
    {
        PlacementEditorModel model;
        model.load(directContext(), evenState(9));
        const int session = model.beginEditSession();
        model.setClusterPreference(u"A"_s, ClusterPreference{0, std::nullopt, 1}, session);
        model.setClusterPreference(u"A"_s, ClusterPreference{0, std::nullopt, 12}, session);
        QCOMPARE(model.undoStack()->count(), 1);
        model.setClusterPreference(u"B"_s,
                                   ClusterPreference{0, std::nullopt, 2},
                                   model.beginEditSession());
        QCOMPARE(model.undoStack()->count(), 2);
        model.undoStack()->undo();
        model.undoStack()->undo();
        QCOMPARE(model.state(), model.base());
    }

    void draftsRoundTrip()
    {
        QTemporaryDir dir;
        const DraftStore store(dir.path());
        PlacementDraft draft;
        draft.key = u"shop/cart"_s;
        draft.base = evenState(9);
        draft.state = evenState(12);
        // Invalid while typing is kept as it is: nothing the operator wrote is refused
        draft.state.preferences.clusters.insert(u"eu/west"_s, ClusterPreference{5, 2, 3});
        draft.state.preferences.schedulingType = ReplicaSchedulingType::Duplicated;
        draft.savedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store.save(draft).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        const auto loaded = store.load(u"shop/cart"_s);
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->state, draft.state);
        QCOMPARE(loaded->base, draft.base);
        QVERIFY(!store.load(u"shop/other"_s));
        store.remove(u"shop/cart"_s);
        QVERIFY(!store.load(u"shop/cart"_s));
    }

    void movesPairLosersWithGainers()
    {
        const QList<ReplicaMove> moves
                = replicaMoves(counts(u"A=5,B=1,C=0"_s), counts(u"A=1,B=2,C=3"_s));
        QCOMPARE(moves.size(), 2);
        QCOMPARE(moves.at(0), (ReplicaMove{u"A"_s, u"C"_s, 3}));
        QCOMPARE(moves.at(1), (ReplicaMove{u"A"_s, u"B"_s, 1}));
    }
};

QTEST_GUILESS_MAIN(TestPlacementEditorModel)
#include "tst_placementeditormodel.moc"

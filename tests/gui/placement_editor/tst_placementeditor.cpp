// The placement editor, offscreen: dragging a boundary of the distribution bar and dragging
// from one map marker onto another (with the wheel changing the count) give exactly the dragged
// plan, each as one undo step; dragging back leaves none; typing is validated as it happens;
// the draft survives a new editor.
#include "models/clustermodel.h"
#include "placement/placementsolver.h"
#include "ui/map/worldmapview.h"
#include "ui/placement/distributionbar.h"
#include "ui/placement/placementeditor.h"

#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Placement;
using namespace Qt::StringLiterals;

namespace {

FederatedWorkload workload()
{
    QMap<QString, MemberStatus> members;
    for (const QString &c : {u"tokyo"_s, u"london"_s, u"iowa"_s}) {
        MemberStatus m;
        m.desired = 4;
        m.ready = 4;
        m.preferences = uR"({"rebalance":true,"clusters":{"*":{"weight":1}}})"_s;
        members.insert(c, m);
    }
    ReplicaPreferences prefs = ReplicaPreferences::evenSpread();
    prefs.rebalance = true;
    return aggregateWorkload(u"default"_s,
                             u"web"_s,
                             members,
                             prefs,
                             {u"iowa"_s, u"london"_s, u"tokyo"_s});
}

Federation::Capabilities direct()
{
    Federation::Capabilities c;
    c.perClusterMinMax = true;
    c.rebalance = true;
    c.weights = true;
    return c;
}

ClusterStatus cluster(const QString &context, const QString &region)
{
    ClusterStatus c;
    c.name = context;
    c.context = context;
    c.server = u"https://127.0.0.1:6443"_s;
    c.region = region;
    c.nodesReady = 3;
    c.nodesTotal = 3;
    c.state = ClusterState::Ready;
    c.lastSuccess = QDateTime::currentDateTimeUtc();
    return c;
}

QString planText(PlacementEditorModel *model)
{
    QStringList parts;
    if (!model->plan())
        return model->plan().error().message;
    for (auto it = model->plan()->plan.cbegin(); it != model->plan()->plan.cend(); ++it)
        parts.append(it.key() + u'=' + QString::number(it.value()));
    return parts.join(u',');
}

// The planner, run independently on what the editor holds, gives `expected`.
bool plannerGives(PlacementEditorModel *model, const QString &expected)
{
    const PlanInput input = model->planInput(model->state().total);
    const PlanResult plan = planFederation(model->state().preferences,
                                           input.total,
                                           input.clusters,
                                           input.current,
                                           input.capacity,
                                           input.key);
    QStringList parts;
    for (auto it = plan.plan.cbegin(); it != plan.plan.cend(); ++it)
        parts.append(it.key() + u'=' + QString::number(it.value()));
    return parts.join(u',') == expected;
}

} // namespace

class TestPlacementEditor final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_editor = std::make_unique<PlacementEditor>();
        m_editor->setDraftStore(DraftStore(m_dir->path()));
        m_editor->resize(700, 600);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        m_editor->editWorkload(workload(), Federation::Engine::Direct, direct());
    }

    void cleanup()
    {
        m_editor.reset();
        m_map.reset();
        m_clusters.reset();
    }

    void barDragIsOneExactStep()
    {
        PlacementEditorModel *model = m_editor->model();
        DistributionBar *bar = m_editor->distributionBar();
        QCOMPARE(bar->clusters(), (QStringList{u"iowa"_s, u"london"_s, u"tokyo"_s}));
        QCOMPARE(planText(model), u"iowa=4,london=4,tokyo=4"_s);

        // When dragging the iowa|london boundary two replicas to the left, in small steps
        const double perReplica = (bar->boundaryX(1) - bar->boundaryX(0)) / 4.0;
        const QPoint start(bar->boundaryX(0), bar->height() / 3);
        QTest::mousePress(bar, Qt::LeftButton, {}, start);
        for (int step = 1; step <= 4; ++step)
            QTest::mouseMove(bar, start - QPoint(int(perReplica * step / 2), 0));
        QTest::mouseRelease(bar, Qt::LeftButton, {}, start - QPoint(int(perReplica * 2), 0));

        // Then the plan is exactly the dragged one, the planner agrees, and it is one step
        QCOMPARE(planText(model), u"iowa=2,london=6,tokyo=4"_s);
        QVERIFY(plannerGives(model, u"iowa=2,london=6,tokyo=4"_s));
        QCOMPARE(model->undoStack()->count(), 1);
        const ReplicaPreferences &prefs = model->state().preferences;
        QCOMPARE(prefs.clusters.value(u"iowa"_s).weight, 1);
        QCOMPARE(prefs.clusters.value(u"london"_s).weight, 3);
        QCOMPARE(prefs.clusters.value(u"tokyo"_s).weight, 2);
        // The table shows the new weight
        QTableWidget *table = m_editor->table();
        QCOMPARE(table->item(m_editor->rowOf(u"london"_s), PlacementEditor::WeightColumn)->text(),
                 u"3"_s);

        // And undo returns to the start
        model->undoStack()->undo();
        QCOMPARE(planText(model), u"iowa=4,london=4,tokyo=4"_s);
        QVERIFY(!model->isModified());
    }

    void barDragBackLeavesNoStep()
    {
        PlacementEditorModel *model = m_editor->model();
        DistributionBar *bar = m_editor->distributionBar();
        const double perReplica = (bar->boundaryX(1) - bar->boundaryX(0)) / 4.0;
        const QPoint start(bar->boundaryX(1), bar->height() / 3);
        QTest::mousePress(bar, Qt::LeftButton, {}, start);
        QTest::mouseMove(bar, start + QPoint(int(perReplica * 3), 0));
        QCOMPARE(planText(model), u"iowa=4,london=7,tokyo=1"_s);
        QTest::mouseMove(bar, start);
        QTest::mouseRelease(bar, Qt::LeftButton, {}, start);
        QCOMPARE(model->undoStack()->count(), 0);
        QVERIFY(!model->isModified());
    }

    void mapDragWithWheel()
    {
        // Given the map next to the editor
        m_clusters = std::make_unique<ClusterModel>();
        m_map = std::make_unique<WorldMapView>();
        m_map->resize(1000, 600);
        m_map->setModel(m_clusters.get());
        m_clusters->setClusters({cluster(u"tokyo"_s, u"asia-northeast1"_s),
                                 cluster(u"london"_s, u"europe-west2"_s),
                                 cluster(u"iowa"_s, u"us-central1"_s)});
        m_map->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_map.get()));
        m_editor->setMapView(m_map.get());
        const auto tokyo = m_map->markerCenter(u"tokyo"_s);
        const auto london = m_map->markerCenter(u"london"_s);
        QVERIFY(tokyo && london);

        // When dragging from tokyo onto london and turning the wheel up twice
        PlacementEditorModel *model = m_editor->model();
        QTest::mousePress(m_map.get(), Qt::LeftButton, {}, tokyo->toPoint());
        QTest::mouseMove(m_map.get(), ((*tokyo + *london) / 2).toPoint());
        QTest::mouseMove(m_map.get(), london->toPoint());
        QCOMPARE(planText(model), u"iowa=4,london=5,tokyo=3"_s);
        for (int i = 0; i < 2; ++i) {
            QWheelEvent wheel(*london,
                              m_map->mapToGlobal(*london),
                              QPoint(),
                              QPoint(0, 120),
                              Qt::LeftButton,
                              Qt::NoModifier,
                              Qt::NoScrollPhase,
                              false);
            QApplication::sendEvent(m_map.get(), &wheel);
        }
        QCOMPARE(m_map->replicaDragCount(), 3);
        QTest::mouseRelease(m_map.get(), Qt::LeftButton, {}, london->toPoint());

        // Then three replicas moved, exactly, in one undo step
        QCOMPARE(planText(model), u"iowa=4,london=7,tokyo=1"_s);
        QVERIFY(plannerGives(model, u"iowa=4,london=7,tokyo=1"_s));
        QCOMPARE(model->undoStack()->count(), 1);

        // A drag dropped on empty map moves nothing and leaves no step
        QTest::mousePress(m_map.get(), Qt::LeftButton, {}, london->toPoint());
        QTest::mouseMove(m_map.get(), tokyo->toPoint());
        QTest::mouseMove(m_map.get(), QPoint(5, 5));
        QTest::mouseRelease(m_map.get(), Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(model->undoStack()->count(), 1);
        QCOMPARE(planText(model), u"iowa=4,london=7,tokyo=1"_s);
    }

    void typingIsValidatedAsItHappens()
    {
        PlacementEditorModel *model = m_editor->model();
        QTableWidget *table = m_editor->table();
        const int row = m_editor->rowOf(u"tokyo"_s);
        QTableWidgetItem *weight = table->item(row, PlacementEditor::WeightColumn);
        table->setCurrentItem(weight);
        table->editItem(weight);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();

        // Typing a letter is refused but kept, with the error shown
        QTest::keyClicks(editor, u"x"_s);
        QCOMPARE(weight->text(), u"x"_s);
        QCOMPARE(model->undoStack()->count(), 0);

        // Typing a number plans while typing, as one step for the cell
        editor->selectAll();
        QTest::keyClicks(editor, u"1"_s);
        QTest::keyClicks(editor, u"0"_s);
        QCOMPARE(model->state().preferences.clusters.value(u"tokyo"_s).weight, 10);
        QCOMPARE(planText(model), u"iowa=1,london=1,tokyo=10"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(model->undoStack()->count(), 1);

        // min > max is the planner's error, inline
        model->setClusterPreference(u"iowa"_s, ClusterPreference{5, 2, 1});
        QVERIFY(!model->isValid());
        const QTableWidgetItem *min
                = table->item(m_editor->rowOf(u"iowa"_s), PlacementEditor::MinColumn);
        QVERIFY(min->toolTip().contains(u"greater than maxReplicas"_s));
    }

    void draftSurvivesANewEditor()
    {
        PlacementEditorModel *model = m_editor->model();
        model->setTotal(20);
        model->setClusterPreference(u"iowa"_s, ClusterPreference{0, std::nullopt, 3});
        const PlacementState draft = model->state();
        // Saved shortly after the edits (coalesced)
        QTRY_VERIFY(DraftStore(m_dir->path()).load(u"default/web"_s).has_value());

        // A new editor (the app restarted) on the same workload
        PlacementEditor second;
        second.setDraftStore(DraftStore(m_dir->path()));
        second.editWorkload(workload(), Federation::Engine::Direct, direct());
        QCOMPARE(second.model()->state(), draft);
        QVERIFY(second.model()->isModified());
        // Restoring is one step: undo discards the draft
        second.model()->undoStack()->undo();
        QVERIFY(!second.model()->isModified());
        QTRY_VERIFY(!DraftStore(m_dir->path()).load(u"default/web"_s).has_value());
    }

    void karmadaEditsWeightsOnly()
    {
        Federation::Capabilities karmada;
        karmada.weights = true;
        m_editor->editWorkload(workload(), Federation::Engine::Karmada, karmada);
        QTableWidget *table = m_editor->table();
        const int row = m_editor->rowOf(u"tokyo"_s);
        QVERIFY(!(table->item(row, PlacementEditor::MinColumn)->flags() & Qt::ItemIsEditable));
        QVERIFY(!(table->item(row, PlacementEditor::MaxColumn)->flags() & Qt::ItemIsEditable));
        QVERIFY(table->item(row, PlacementEditor::WeightColumn)->flags() & Qt::ItemIsEditable);
    }

    void diffShowsWhatIsWritten()
    {
        PlacementEditorModel *model = m_editor->model();
        const int drag = model->beginDrag();
        QVERIFY(model->dragTo(drag, {{u"iowa"_s, 0}, {u"london"_s, 8}, {u"tokyo"_s, 4}}).ok());
        model->endDrag(drag);
        const QString diff = m_editor->applyDiffText();
        QVERIFY2(diff.contains(u"iowa: 4 → 0"_s), qPrintable(diff));
        QVERIFY(diff.contains(u"london: 4 → 8"_s));
        QVERIFY(diff.contains(u"+ "_s + annotationFor(model->state().preferences)));
        const ApplyRequest request = m_editor->applyRequest();
        QCOMPARE(request.replicas.value(u"london"_s), 8);
        QCOMPARE(request.members.size(), 3);
        // Emptying iowa is warned about
        bool emptied = false;
        for (const PlacementWarning &w : model->warnings())
            emptied = emptied
                      || (w.kind == PlacementWarning::Kind::Emptied && w.cluster == u"iowa"_s);
        QVERIFY(emptied);
    }

    void outsideChangeWithoutDraftIsFollowed()
    {
        FederatedWorkload changed = workload();
        for (MemberStatus &m : changed.clusters)
            m.preferences = uR"({"clusters":{"tokyo":{"weight":1}}})"_s;
        ReplicaPreferences prefs;
        prefs.clusters.insert(u"tokyo"_s, ClusterPreference{0, std::nullopt, 1});
        changed = aggregateWorkload(u"default"_s,
                                    u"web"_s,
                                    changed.clusters,
                                    prefs,
                                    {u"iowa"_s, u"london"_s, u"tokyo"_s});
        m_editor->updateWorkload(changed);
        QCOMPARE(m_editor->model()->state().preferences, prefs);
        QCOMPARE(m_editor->applyRequest().baseAnnotations.value(u"iowa"_s),
                 uR"({"clusters":{"tokyo":{"weight":1}}})"_s);
    }

    void outsideChangeWithDraftKeepsTheBase()
    {
        // Given a draft
        m_editor->model()->setTotal(15);
        const QString original = workload().clusters.value(u"iowa"_s).preferences;
        // When someone else changes the preferences on the clusters
        FederatedWorkload changed = workload();
        for (MemberStatus &m : changed.clusters)
            m.preferences = uR"({"clusters":{"tokyo":{"weight":1}}})"_s;
        m_editor->updateWorkload(changed);
        // Then the draft stays, and applying is measured against where the operator started
        QCOMPARE(m_editor->model()->state().total, 15);
        QCOMPARE(m_editor->applyRequest().baseAnnotations.value(u"iowa"_s), original);
    }

    void screenshot()
    {
        // Set MERIDIAN_PLACEMENT_SCREENSHOT_DIR to look at the editor and the map (docs, reviews).
        const QString dir = qEnvironmentVariable("MERIDIAN_PLACEMENT_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("MERIDIAN_PLACEMENT_SCREENSHOT_DIR is not set");
        m_clusters = std::make_unique<ClusterModel>();
        m_map = std::make_unique<WorldMapView>();
        m_map->resize(1000, 560);
        m_map->setModel(m_clusters.get());
        m_clusters->setClusters({cluster(u"tokyo"_s, u"asia-northeast1"_s),
                                 cluster(u"london"_s, u"europe-west2"_s),
                                 cluster(u"iowa"_s, u"us-central1"_s)});
        m_map->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_map.get()));
        m_editor->setMapView(m_map.get());
        PlacementEditorModel *model = m_editor->model();
        const int drag = model->beginDrag();
        QVERIFY(model->dragTo(drag, {{u"iowa"_s, 0}, {u"london"_s, 5}, {u"tokyo"_s, 7}}).ok());
        model->endDrag(drag);
        QVERIFY(m_editor->grab().save(dir + u"/placement-editor.png"_s));
        model->setClusterPreference(u"london"_s, ClusterPreference{6, 2, 1});
        QVERIFY(m_editor->grab().save(dir + u"/placement-editor-error.png"_s));
        model->undoStack()->undo();
        model->undoStack()->undo();
        QVERIFY(m_map->grab().save(dir + u"/placement-map.png"_s));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PlacementEditor> m_editor;
    std::unique_ptr<ClusterModel> m_clusters;
    std::unique_ptr<WorldMapView> m_map;
};

QTEST_MAIN(TestPlacementEditor)
#include "tst_placementeditor.moc"

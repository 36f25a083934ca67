#include "core/geo/equalearth.h"
#include "models/clustermodel.h"
#include "ui/map/worldmapview.h"

#include <QDir>
#include <QImage>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Meridian;

namespace {

ClusterStatus cluster(const QString &context,
                      const QString &region,
                      ClusterState state,
                      const QString &reason = {})
{
    ClusterStatus c;
    c.name = context;
    c.context = context;
    c.server = QStringLiteral("https://127.0.0.1:6443");
    c.version = QStringLiteral("v1.29.6");
    c.region = region;
    c.nodesReady = 3;
    c.nodesTotal = 3;
    c.state = state;
    c.reason = reason;
    c.lastSuccess = QDateTime::currentDateTimeUtc();
    return c;
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

class tst_WorldMapView final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void markersLandOnTheirRegions();
    void clickSelects();
    void outsideSelectionHighlights();
    void unknownClusterGoesToTheTray();
    void coLocatedClustersFanOut();
    void zoomAndPanMoveMarkers();
    void themesRender();
    void screenshot();

private:
    ClusterModel *m_model = nullptr;
    QItemSelectionModel *m_selection = nullptr;
    WorldMapView *m_view = nullptr;
};

void tst_WorldMapView::init()
{
    m_model = new ClusterModel;
    m_selection = new QItemSelectionModel(m_model);
    m_view = new WorldMapView;
    m_view->resize(1200, 700);
    m_view->setModel(m_model);
    m_view->setSelectionModel(m_selection);
    m_model->setClusters({cluster(QStringLiteral("tokyo"),
                                  QStringLiteral("asia-northeast1"),
                                  ClusterState::Ready),
                          cluster(QStringLiteral("london"),
                                  QStringLiteral("europe-west2"),
                                  ClusterState::Degraded,
                                  QStringLiteral("1 of 3 nodes NotReady")),
                          cluster(QStringLiteral("iowa"),
                                  QStringLiteral("us-central1"),
                                  ClusterState::Unreachable,
                                  QStringLiteral("Connection refused"))});
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_WorldMapView::cleanup()
{
    delete m_view;
    delete m_selection;
    delete m_model;
}

void tst_WorldMapView::markersLandOnTheirRegions()
{
    const struct
    {
        const char *context;
        Geo::GeoPoint where;
    } expected[]
            = {{"tokyo", {139.69, 35.68}}, {"london", {-0.13, 51.51}}, {"iowa", {-95.86, 41.26}}};
    for (const auto &e : expected) {
        const auto centre = m_view->markerCenter(QString::fromLatin1(e.context));
        QVERIFY2(centre.has_value(), e.context);
        const QPointF projected = m_view->mapToView(e.where);
        QVERIFY2(distance(*centre, projected) < 2.0, e.context);
        QVERIFY2(m_view->rect().contains(centre->toPoint()),
                 qPrintable(QStringLiteral("%1,%2 zoom %3")
                                    .arg(centre->x())
                                    .arg(centre->y())
                                    .arg(m_view->zoomFactor())));
    }
    // The fit on first data keeps the three far apart: Tokyo east of London east of Iowa.
    QVERIFY(m_view->markerCenter(QStringLiteral("tokyo"))->x()
            > m_view->markerCenter(QStringLiteral("london"))->x());
    QVERIFY(m_view->markerCenter(QStringLiteral("london"))->x()
            > m_view->markerCenter(QStringLiteral("iowa"))->x());
    QVERIFY(m_view->unplacedContexts().isEmpty());
}

void tst_WorldMapView::clickSelects()
{
    // When the operator clicks the London marker
    const QPoint london = m_view->markerCenter(QStringLiteral("london"))->toPoint();
    QTest::mouseClick(m_view, Qt::LeftButton, {}, london);
    // Then the shared selection holds London's row
    QCOMPARE(m_selection->selectedRows().size(), 1);
    QCOMPARE(m_selection->selectedRows().first().row(),
             m_model->rowOfContext(QStringLiteral("london")));
    QCOMPARE(m_view->contextAt(london), QStringLiteral("london"));
    // And clicking empty ocean clears it
    QTest::mouseClick(m_view, Qt::LeftButton, {}, QPoint(5, m_view->height() - 5));
    QVERIFY(m_selection->selectedRows().isEmpty());
}

void tst_WorldMapView::outsideSelectionHighlights()
{
    const QPointF tokyo = *m_view->markerCenter(QStringLiteral("tokyo"));
    QImage before(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    m_view->render(&before);
    // When the cluster list selects Tokyo
    m_selection->select(m_model->index(m_model->rowOfContext(QStringLiteral("tokyo")), 0),
                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QImage after(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    m_view->render(&after);
    // Then the map draws a selection ring around the marker (9 px out: outside the marker)
    const QPoint ring = (tokyo + QPointF(9, 0)).toPoint();
    QVERIFY(before.pixel(ring) != after.pixel(ring));
    // And the marker has not moved
    QCOMPARE(*m_view->markerCenter(QStringLiteral("tokyo")), tokyo);
}

void tst_WorldMapView::unknownClusterGoesToTheTray()
{
    // Given a cluster whose location nothing names
    m_model->applyBatch({cluster(QStringLiteral("on-prem"), QString(), ClusterState::Ready)});
    // Then it is in the tray, never on the map
    QCOMPARE(m_view->unplacedContexts(), QStringList{QStringLiteral("on-prem")});
    QVERIFY(!m_view->markerCenter(QStringLiteral("on-prem")).has_value());
    auto *tray = m_view->findChild<QListWidget *>();
    QVERIFY(tray);
    QTRY_VERIFY(tray->isVisible());
    QCOMPARE(tray->count(), 1);
    QCOMPARE(tray->item(0)->text(), QStringLiteral("on-prem"));
    // Clicking it in the tray selects it; selecting it outside marks it current in the tray
    QTest::mouseClick(tray->viewport(),
                      Qt::LeftButton,
                      {},
                      tray->visualItemRect(tray->item(0)).center());
    QCOMPARE(m_selection->selectedRows().first().row(),
             m_model->rowOfContext(QStringLiteral("on-prem")));
    m_selection->clearSelection();
    QCOMPARE(tray->currentRow(), -1);
    // A location hint places it
    Geo::LocationInput hint;
    hint.overrideLocation = QStringLiteral("48.14,11.58");
    m_view->setLocationHints({{QStringLiteral("on-prem"), hint}});
    QVERIFY(m_view->unplacedContexts().isEmpty());
    QVERIFY(m_view->markerCenter(QStringLiteral("on-prem")).has_value());
}

void tst_WorldMapView::coLocatedClustersFanOut()
{
    m_model->applyBatch({cluster(QStringLiteral("tokyo-2"),
                                 QStringLiteral("asia-northeast1-b"),
                                 ClusterState::Ready),
                         cluster(QStringLiteral("tokyo-3"),
                                 QStringLiteral("asia-northeast1"),
                                 ClusterState::Ready)});
    const QPointF a = *m_view->markerCenter(QStringLiteral("tokyo"));
    const QPointF b = *m_view->markerCenter(QStringLiteral("tokyo-2"));
    const QPointF c = *m_view->markerCenter(QStringLiteral("tokyo-3"));
    QVERIFY(distance(a, b) >= 12.0 && distance(b, c) >= 12.0 && distance(a, c) >= 12.0);
    const QPointF region = m_view->mapToView({139.69, 35.68});
    QVERIFY(distance((a + b + c) / 3, region) < 1.0);
}

void tst_WorldMapView::zoomAndPanMoveMarkers()
{
    const QPointF before = *m_view->markerCenter(QStringLiteral("london"));
    const double zoom = m_view->zoomFactor();
    QTest::keyClick(m_view, Qt::Key_Left);
    QVERIFY(m_view->markerCenter(QStringLiteral("london"))->x() > before.x());
    QTest::keyClick(m_view, Qt::Key_Plus);
    QTRY_VERIFY(m_view->zoomFactor() > zoom * 1.4);
    QTest::keyClick(m_view, Qt::Key_Home);
    QVERIFY(distance(*m_view->markerCenter(QStringLiteral("london")), before) < 1.0);
}

void tst_WorldMapView::themesRender()
{
    QImage light(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    m_view->render(&light);
    m_view->setTheme(WorldMapView::Theme::Dark);
    QImage dark(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    m_view->render(&dark);
    // The corner is background: light is light, dark is dark.
    QVERIFY(qGray(light.pixel(2, 2)) > 200);
    QVERIFY(qGray(dark.pixel(2, 2)) < 60);
}

void tst_WorldMapView::screenshot()
{
    // Set MERIDIAN_MAP_SCREENSHOT_DIR to look at the map (docs, reviews).
    const QString dir = qEnvironmentVariable("MERIDIAN_MAP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("MERIDIAN_MAP_SCREENSHOT_DIR is not set");
    const char *regions[] = {"asia-northeast1",
                             "asia-northeast1",
                             "asia-northeast2",
                             "asia-southeast1",
                             "australia-southeast1",
                             "europe-west1",
                             "europe-west2",
                             "europe-west3",
                             "europe-west4",
                             "europe-north1",
                             "us-central1",
                             "us-central1",
                             "us-east1",
                             "us-east4",
                             "us-west1",
                             "us-west2",
                             "southamerica-east1",
                             "asia-south1",
                             "me-west1",
                             "northamerica-northeast1",
                             "eu-west-1",
                             "ap-southeast-2",
                             "eastus",
                             "westeurope",
                             "japaneast"};
    ClusterStatusList clusters;
    QHash<QString, int> replicas;
    QHash<QString, WorldMapView::RolloutRing> rings;
    int i = 0;
    for (const char *region : regions) {
        const QString r = QString::fromLatin1(region);
        const ClusterState state = i % 9 == 4    ? ClusterState::Degraded
                                   : i % 11 == 7 ? ClusterState::Unreachable
                                                 : ClusterState::Ready;
        const QString name = QStringLiteral("prod-%1-%2").arg(r).arg(i % 3 + 1);
        clusters.append(cluster(name,
                                r,
                                state,
                                state == ClusterState::Ready
                                        ? QString()
                                        : QStringLiteral("node pool-2 NotReady")));
        replicas.insert(name, (i * 7) % 13);
        if (i % 4 == 0)
            rings.insert(name, {3 + i % 5, 2, i % 3});
        ++i;
    }
    clusters.append(cluster(QStringLiteral("lab-onprem"), QString(), ClusterState::Forbidden));
    m_model->setClusters(clusters);
    m_view->resize(1600, 900);
    m_view->setReplicaCounts(replicas);
    m_view->setRolloutRings(rings);
    m_selection->select(m_model->index(6, 0),
                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->showWholeWorld();
    // Let the tray lay out its items (item views lay out on a timer) before rendering.
    QCOMPARE(m_view->unplacedContexts().size(), 1);
    QTest::qWait(50);
    for (auto theme : {WorldMapView::Theme::Light, WorldMapView::Theme::Dark}) {
        m_view->setTheme(theme);
        QImage image(m_view->size(), QImage::Format_ARGB32_Premultiplied);
        m_view->render(&image);
        const QString file = QDir(dir).filePath(theme == WorldMapView::Theme::Dark
                                                        ? QStringLiteral("worldmap-dark.png")
                                                        : QStringLiteral("worldmap-light.png"));
        QVERIFY(image.save(file));
    }
    m_view->fitToClusters();
    QImage image(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    m_view->render(&image);
    QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("worldmap-fit.png"))));
}

QTEST_MAIN(tst_WorldMapView)
#include "tst_worldmapview.moc"

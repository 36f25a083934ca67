// The world map with 500 clusters: map data load, and one frame at 1600×1000 rendered into a
// QImage — cold (base map and layout), after a pan (base map again), and warm (markers only).
// Usage: bench_worldmap [--iterations N] [--png file]
#include "core/geo/geopoint.h"
#include "models/clustermodel.h"
#include "ui/map/mapassets.h"
#include "ui/map/worldmapview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QItemSelectionModel>
#include <QKeyEvent>

#include <algorithm>
#include <cstdio>

using namespace Meridian;

namespace {

double medianMs(QList<qint64> nanoseconds)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return nanoseconds.isEmpty() ? 0.0 : nanoseconds.at(nanoseconds.size() / 2) / 1e6;
}

ClusterStatusList demoClusters(int count, const Geo::RegionTable &regions)
{
    ClusterStatusList clusters;
    const QList<Geo::RegionInfo> &all = regions.regions();
    for (int i = 0; i < count; ++i) {
        ClusterStatus c;
        c.context = QStringLiteral("cluster-%1").arg(i, 3, 10, QLatin1Char('0'));
        c.name = c.context;
        c.region = all.at((i * 37) % all.size()).region;
        c.version = QStringLiteral("v1.29.6");
        c.nodesReady = 3;
        c.nodesTotal = 3;
        c.state = i % 17 == 3   ? ClusterState::Degraded
                  : i % 23 == 5 ? ClusterState::Unreachable
                                : ClusterState::Ready;
        clusters.append(c);
    }
    return clusters;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int iterations = 30;
    QString png;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--iterations"))
            iterations = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--png"))
            png = args.at(i + 1);
    }

    QList<qint64> load;
    for (int i = 0; i < std::min(iterations, 10); ++i) {
        QElapsedTimer timer;
        timer.start();
        const MapAssets assets = MapAssets::load();
        load.append(timer.nsecsElapsed());
        if (!assets.error.isEmpty())
            return 1;
    }

    ClusterModel model;
    QItemSelectionModel selection(&model);
    WorldMapView view;
    view.resize(1600, 1000);
    view.setModel(&model);
    view.setSelectionModel(&selection);
    model.setClusters(demoClusters(500, MapAssets::instance().regions));
    QHash<QString, int> replicas;
    QHash<QString, WorldMapView::RolloutRing> rings;
    for (int i = 0; i < 500; ++i) {
        const QString context = QStringLiteral("cluster-%1").arg(i, 3, 10, QLatin1Char('0'));
        replicas.insert(context, i % 9);
        if (i % 5 == 0)
            rings.insert(context, {i % 4, 2, i % 2});
    }
    view.setReplicaCounts(replicas);
    view.setRolloutRings(rings);
    view.showWholeWorld();
    (void)view.markerCenter(QStringLiteral("cluster-000")); // the model's first layout

    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    QList<qint64> cold, pan, warm;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        // Let the view settle after the last pan, as it does 120 ms after the operator stops.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 150)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        // Cold: a new theme invalidates the base map and the layout.
        view.setTheme(i % 2 ? WorldMapView::Theme::Dark : WorldMapView::Theme::Light);
        timer.start();
        view.render(&image);
        cold.append(timer.nsecsElapsed());
        // A pan step, as during a drag: the last base map moved, and the layout again.
        QKeyEvent key(QEvent::KeyPress, i % 2 ? Qt::Key_Left : Qt::Key_Right, Qt::NoModifier);
        QApplication::sendEvent(&view, &key);
        timer.restart();
        view.render(&image);
        pan.append(timer.nsecsElapsed());
        // Warm: only the markers (a model update that moves nothing, a hover).
        view.update();
        timer.restart();
        view.render(&image);
        warm.append(timer.nsecsElapsed());
    }
    if (!png.isEmpty())
        image.save(png);
    std::printf("map data load (110m + 50m + regions): median %.2f ms over %lld runs\n",
                medianMs(load),
                static_cast<long long>(load.size()));
    std::printf(
            "500 clusters, 1600x1000, cold frame (base map + layout + markers): median %.2f ms\n",
            medianMs(cold));
    std::printf(
            "500 clusters, 1600x1000, pan frame (moved base + layout + markers): median %.2f ms\n",
            medianMs(pan));
    std::printf("500 clusters, 1600x1000, warm frame (cached base + markers): median %.2f ms\n",
                medianMs(warm));
    std::printf("iterations: %d\n", iterations);
    return 0;
}

// The world map with 500 clusters: map data load, and one frame at 1600×1000 rendered into a
// QImage — cold (base map and layout), after a pan (base map again), and warm (markers only).
// References in the same run, so a figure reads as a ratio on whatever machine: filling a blank
// QImage of the same size, and filling the 1:110m land as one antialiased QPainterPath.
// Usage: bench_worldmap [--iterations N] [--clusters N] [--png file]
#include "core/geo/geopoint.h"
#include "models/clustermodel.h"
#include "ui/map/mapassets.h"
#include "ui/map/worldmapview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QPainter>

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
    int clusterCount = 500;
    QString png;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--iterations"))
            iterations = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--clusters"))
            clusterCount = std::max(1, args.at(i + 1).toInt());
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
    model.setClusters(demoClusters(clusterCount, MapAssets::instance().regions));
    QHash<QString, int> replicas;
    QHash<QString, WorldMapView::RolloutRing> rings;
    for (int i = 0; i < clusterCount; ++i) {
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
    // The land fitted into the image as the view fits the world (Equal Earth, y north).
    const QPainterPath &land = MapAssets::instance().landCoarse;
    const QRectF world = MapAssets::instance().sphere.boundingRect();
    const double fit = std::min(image.width() / world.width(), image.height() / world.height());
    QTransform toImage;
    toImage.translate(image.width() / 2.0, image.height() / 2.0);
    toImage.scale(fit, -fit);
    toImage.translate(-world.center().x(), -world.center().y());
    QList<qint64> blank, landFill, cold, pan, warm;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        // Let the view settle after the last pan, as it does 120 ms after the operator stops.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 150)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        // References: a blank fill, and the land as one path.
        timer.start();
        image.fill(Qt::white);
        blank.append(timer.nsecsElapsed());
        timer.restart();
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setTransform(toImage);
            painter.fillPath(land, QColor(0xFB, 0xFA, 0xF6));
        }
        landFill.append(timer.nsecsElapsed());
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
    const double loadMs = medianMs(load);
    const double blankMs = medianMs(blank);
    const double landMs = medianMs(landFill);
    const double coldMs = medianMs(cold);
    const double panMs = medianMs(pan);
    const double warmMs = medianMs(warm);
    const auto verdict
            = [](double value, double target) { return value <= target ? "ok" : "OVER"; };
    std::printf("%d clusters, 1600x1000, QT_QPA_PLATFORM=%s, medians\n",
                clusterCount,
                qPrintable(QGuiApplication::platformName()));
    std::printf("%-58s %9s %9s %9s  %s\n", "measure", "ms", "/ blank", "/ land", "target");
    const auto row = [&](const char *what, double ms, const char *target) {
        std::printf("%-58s %9.2f %8.1fx %8.1fx  %s\n",
                    what,
                    ms,
                    blankMs > 0 ? ms / blankMs : 0.0,
                    landMs > 0 ? ms / landMs : 0.0,
                    target);
    };
    row("reference: blank QImage fill", blankMs, "");
    row("reference: 1:110m land as one antialiased path fill", landMs, "");
    std::printf("%-58s %9.2f %29s  <= 50 ms %s (over %lld runs)\n",
                "map data load (110m + 50m + regions)",
                loadMs,
                "",
                verdict(loadMs, 50),
                static_cast<long long>(load.size()));
    const QByteArray warmTarget = QByteArrayLiteral("<= 8 ms ") + verdict(warmMs, 8);
    const QByteArray panTarget = QByteArrayLiteral("<= 8 ms ") + verdict(panMs, 8);
    row("warm frame (cached base + markers)", warmMs, warmTarget.constData());
    row("pan frame (moved base + layout + markers)", panMs, panTarget.constData());
    row("cold frame (base map + layout + markers)", coldMs, "(once per view change)");
    std::printf("iterations: %d\n", iterations);
    return 0;
}

#include "mapassets.h"

#include "core/geo/equalearth.h"
#include "core/geo/graticule.h"

#include <QCoreApplication>
#include <QFile>

namespace Meridian {

namespace {

void addLine(QPainterPath &path, const Geo::GeoLine &line, bool closed)
{
    if (line.isEmpty())
        return;
    path.moveTo(Geo::EqualEarth::project(line.first()));
    for (qsizetype i = 1; i < line.size(); ++i)
        path.lineTo(Geo::EqualEarth::project(line.at(i)));
    if (closed)
        path.closeSubpath();
}

QPainterPath pathOf(const QList<Geo::GeoLine> &lines, bool closed)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill); // lakes are holes
    for (const Geo::GeoLine &line : lines)
        addLine(path, line, closed);
    return path;
}

QByteArray readResource(const QString &name, QString &error)
{
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QCoreApplication::translate("Meridian::MapAssets", "Cannot read %1: %2")
                        .arg(name, file.errorString());
        return {};
    }
    return file.readAll();
}

void loadWorld(const QString &name, QPainterPath &land, QPainterPath &borders, QString &error)
{
    const QByteArray bytes = readResource(name, error);
    if (bytes.isEmpty())
        return;
    const Result<Geo::WorldMapData> data = Geo::WorldMapData::parse(bytes);
    if (!data) {
        error = data.error().message;
        return;
    }
    land = pathOf(data->land, true);
    borders = pathOf(data->borders, false);
}

} // namespace

MapAssets MapAssets::load()
{
    MapAssets assets;
    QPainterPath sphere;
    addLine(sphere, Geo::sphereOutline(), true);
    assets.sphere = sphere;
    assets.graticule = pathOf(Geo::graticule(), false);
    loadWorld(QStringLiteral(":/map/world-110m.bin"),
              assets.landCoarse,
              assets.bordersCoarse,
              assets.error);
    loadWorld(QStringLiteral(":/map/world-50m.bin"),
              assets.landFine,
              assets.bordersFine,
              assets.error);
    const QByteArray regions = readResource(QStringLiteral(":/map/regions.tsv"), assets.error);
    assets.regions = Geo::RegionTable::fromTsv(QString::fromUtf8(regions));
    if (!assets.error.isEmpty())
        qWarning("Map data: %s", qUtf8Printable(assets.error));
    return assets;
}

const MapAssets &MapAssets::instance()
{
    static const MapAssets assets = load();
    return assets;
}

} // namespace Meridian

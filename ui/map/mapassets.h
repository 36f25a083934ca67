#pragma once

#include "core/geo/locationresolver.h"
#include "core/geo/worldmapdata.h"

#include <QPainterPath>

namespace Meridian {

// The map data every WorldMapView shares: decoded once from the resources, as painter paths in
// Equal Earth coordinates (y north) so a view only supplies a QTransform.
struct MapAssets
{
    QPainterPath sphere;     // the outline of the globe: ocean
    QPainterPath graticule;  // every 30°
    QPainterPath landCoarse; // Natural Earth 1:110m, for the whole-world view
    QPainterPath bordersCoarse;
    QPainterPath landFine; // 1:50m, once zoomed in
    QPainterPath bordersFine;
    Geo::RegionTable regions;
    QString error; // why the map data could not be read; the view still places clusters

    // Decodes the resources on first use (a few milliseconds); later calls return the same.
    static const MapAssets &instance();
    // Decodes again, for the benchmark.
    static MapAssets load();
};

} // namespace Meridian

#pragma once

#include "core/geo/geopoint.h"

#include <QPointF>

#include <optional>

namespace Meridian::Geo {

// The Equal Earth projection (Šavrič, Patterson, Jenny 2018): equal-area, so no continent looks
// bigger than it is, and pleasant to look at for a whole-world overview. Projected coordinates
// are on the unit sphere with y pointing north; x spans about ±2.7064, y about ±1.3173.
namespace EqualEarth {

QPointF project(GeoPoint point);
QPointF project(double lon, double lat);

// Newton iteration on the latitude polynomial; empty outside the projected outline.
std::optional<GeoPoint> inverse(QPointF projected);

double maxX(); // x of (180°, 0°)
double maxY(); // y of (0°, 90°)

} // namespace EqualEarth

} // namespace Meridian::Geo

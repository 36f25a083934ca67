#pragma once

#include "core/geo/geopoint.h"

#include <QList>

namespace Meridian::Geo {

using GeoLine = QList<GeoPoint>;

// Meridians and parallels every stepDegrees, densified every sampleDegrees so they stay curved
// once projected. Meridians stop short of the poles (like d3's graticule) to avoid a hedgehog.
QList<GeoLine> graticule(double stepDegrees = 30.0, double sampleDegrees = 2.5);

// The outline of the whole globe (the ±180° meridians joined through the poles), for the ocean.
GeoLine sphereOutline(double sampleDegrees = 1.0);

} // namespace Meridian::Geo

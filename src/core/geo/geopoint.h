#pragma once

#include <QMetaType>

namespace Meridian::Geo {

// A place on the globe in degrees (WGS 84 as the providers publish it; the map needs no better).
struct GeoPoint
{
    double lon = 0.0;
    double lat = 0.0;

    friend bool operator==(const GeoPoint &, const GeoPoint &) = default;
};

} // namespace Meridian::Geo

Q_DECLARE_METATYPE(Meridian::Geo::GeoPoint)

#include "graticule.h"

#include <cmath>

namespace Meridian::Geo {

namespace {

constexpr double kMeridianLimit = 80.0;

} // namespace

QList<GeoLine> graticule(double stepDegrees, double sampleDegrees)
{
    QList<GeoLine> lines;
    if (stepDegrees <= 0.0 || sampleDegrees <= 0.0)
        return lines;
    const int meridians = static_cast<int>(std::floor(360.0 / stepDegrees));
    for (int i = 0; i <= meridians; ++i) {
        const double lon = -180.0 + i * stepDegrees;
        if (lon > 180.0)
            break;
        GeoLine line;
        for (double lat = -kMeridianLimit; lat < kMeridianLimit; lat += sampleDegrees)
            line.append({lon, lat});
        line.append({lon, kMeridianLimit});
        lines.append(line);
    }
    const int parallels = static_cast<int>(std::floor(180.0 / stepDegrees));
    for (int i = 1; i < parallels; ++i) {
        const double lat = -90.0 + i * stepDegrees;
        GeoLine line;
        for (double lon = -180.0; lon < 180.0; lon += sampleDegrees)
            line.append({lon, lat});
        line.append({180.0, lat});
        lines.append(line);
    }
    return lines;
}

GeoLine sphereOutline(double sampleDegrees)
{
    GeoLine outline;
    if (sampleDegrees <= 0.0)
        return outline;
    for (double lat = -90.0; lat < 90.0; lat += sampleDegrees)
        outline.append({180.0, lat});
    for (double lat = 90.0; lat > -90.0; lat -= sampleDegrees)
        outline.append({-180.0, lat});
    return outline;
}

} // namespace Meridian::Geo

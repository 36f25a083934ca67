#include "equalearth.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Meridian::Geo::EqualEarth {

namespace {

constexpr double A1 = 1.340264;
constexpr double A2 = -0.081106;
constexpr double A3 = 0.000893;
constexpr double A4 = 0.003796;
constexpr double kM = 0.8660254037844386; // sqrt(3) / 2
constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kEpsilon = 1e-12;
constexpr int kIterations = 20;

} // namespace

QPointF project(double lon, double lat)
{
    const double lambda = lon * kDegree;
    const double theta = std::asin(kM * std::sin(lat * kDegree));
    const double t2 = theta * theta;
    const double t6 = t2 * t2 * t2;
    const double x
            = lambda * std::cos(theta) / (kM * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return {x, y};
}

QPointF project(GeoPoint point)
{
    return project(point.lon, point.lat);
}

std::optional<GeoPoint> inverse(QPointF projected)
{
    const double y = projected.y();
    if (std::abs(y) > maxY() + 1e-9)
        return std::nullopt;
    double theta = y; // a good start: the polynomial is close to the identity near the equator
    double t2 = theta * theta;
    double t6 = t2 * t2 * t2;
    for (int i = 0; i < kIterations; ++i) {
        const double fy = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        const double fpy = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
        const double delta = fy / fpy;
        theta -= delta;
        t2 = theta * theta;
        t6 = t2 * t2 * t2;
        if (std::abs(delta) < kEpsilon)
            break;
    }
    const double denominator = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
    const double lambda = kM * projected.x() * denominator / std::cos(theta);
    if (std::abs(lambda) > std::numbers::pi + 1e-9)
        return std::nullopt;
    const double sinPhi = std::clamp(std::sin(theta) / kM, -1.0, 1.0);
    return GeoPoint{lambda / kDegree, std::asin(sinPhi) / kDegree};
}

double maxX()
{
    static const double value = project(180.0, 0.0).x();
    return value;
}

double maxY()
{
    static const double value = project(0.0, 90.0).y();
    return value;
}

} // namespace Meridian::Geo::EqualEarth

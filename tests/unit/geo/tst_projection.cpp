#include "core/geo/equalearth.h"
#include "core/geo/graticule.h"

#include <QTest>

#include <cmath>

using namespace Meridian::Geo;

class tst_Projection final : public QObject
{
    Q_OBJECT

private slots:
    void knownPoints_data();
    void knownPoints();
    void roundTripOverGrid();
    void inverseOutsideIsEmpty();
    void graticuleCoversTheGlobe();
};

void tst_Projection::knownPoints_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    // x(180°, 0°) = pi / (M * A1); y(0°, 90°) = theta * P(theta) with theta = asin(M) = pi / 3.
    QTest::newRow("origin") << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("antimeridian on the equator") << 180.0 << 0.0 << 2.706629 << 0.0;
    QTest::newRow("west antimeridian") << -180.0 << 0.0 << -2.706629 << 0.0;
    QTest::newRow("north pole") << 0.0 << 90.0 << 0.0 << 1.317362;
    QTest::newRow("south pole") << 0.0 << -90.0 << 0.0 << -1.317362;
}

void tst_Projection::knownPoints()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(double, x);
    QFETCH(double, y);
    const QPointF p = EqualEarth::project(lon, lat);
    QVERIFY2(std::abs(p.x() - x) < 1e-5, qPrintable(QString::number(p.x(), 'f', 8)));
    QVERIFY2(std::abs(p.y() - y) < 1e-5, qPrintable(QString::number(p.y(), 'f', 8)));
}

void tst_Projection::roundTripOverGrid()
{
    // Given every point of a 2.5° grid (poles excluded: longitude is undefined there)
    for (double lat = -87.5; lat <= 87.5; lat += 2.5) {
        for (double lon = -180.0; lon <= 180.0; lon += 2.5) {
            // When it is projected and projected back
            const auto back = EqualEarth::inverse(EqualEarth::project(lon, lat));
            // Then it comes back within 1e-6°
            QVERIFY(back.has_value());
            QVERIFY2(std::abs(back->lon - lon) < 1e-6 && std::abs(back->lat - lat) < 1e-6,
                     qPrintable(QStringLiteral("%1,%2 -> %3,%4")
                                        .arg(lon)
                                        .arg(lat)
                                        .arg(back->lon, 0, 'f', 9)
                                        .arg(back->lat, 0, 'f', 9)));
        }
    }
    // The poles come back as poles.
    QVERIFY(std::abs(EqualEarth::inverse(EqualEarth::project(0, 90))->lat - 90) < 1e-6);
}

void tst_Projection::inverseOutsideIsEmpty()
{
    QVERIFY(!EqualEarth::inverse({0.0, 1.4}).has_value());
    QVERIFY(!EqualEarth::inverse({2.8, 0.0}).has_value());
    QVERIFY(EqualEarth::inverse({2.7, 0.0}).has_value());
}

void tst_Projection::graticuleCoversTheGlobe()
{
    const QList<GeoLine> lines = graticule(30.0, 5.0);
    // 13 meridians (-180..180) and 5 parallels (-60..60).
    QCOMPARE(lines.size(), 18);
    for (const GeoLine &line : lines)
        QVERIFY(line.size() >= 2);
    const GeoLine outline = sphereOutline(1.0);
    QCOMPARE(outline.size(), 360);
}

QTEST_GUILESS_MAIN(tst_Projection)
#include "tst_projection.moc"

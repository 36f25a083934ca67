#include "core/geo/worldmapdata.h"

#include <QFile>
#include <QTest>

using namespace Meridian::Geo;

class tst_WorldMapData final : public QObject
{
    Q_OBJECT

private slots:
    void shippedFilesParse_data();
    void shippedFilesParse();
    void damagedDataIsAnError();
};

void tst_WorldMapData::shippedFilesParse_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minLandRings");
    QTest::newRow("110m") << "world-110m.bin" << 100;
    QTest::newRow("50m") << "world-50m.bin" << 1000;
}

void tst_WorldMapData::shippedFilesParse()
{
    QFETCH(QString, file);
    QFETCH(int, minLandRings);
    QFile in(QStringLiteral(MERIDIAN_MAP_DIR "/") + file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const auto data = WorldMapData::parse(in.readAll());
    QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
    QVERIFY(data->land.size() >= minLandRings);
    QVERIFY(data->borders.size() > 100);
    for (const GeoLine &ring : data->land) {
        for (const GeoPoint &p : ring) {
            QVERIFY(p.lon >= -180.0 && p.lon <= 180.0);
            QVERIFY(p.lat >= -90.0 && p.lat <= 90.0);
        }
    }
}

void tst_WorldMapData::damagedDataIsAnError()
{
    QVERIFY(!WorldMapData::parse(QByteArrayLiteral("PNG....")).ok());
    QByteArray truncated("MRDNMAP1\x01\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00", 20);
    const auto data = WorldMapData::parse(truncated);
    QVERIFY(!data.ok());
    QCOMPARE(data.error().code, QStringLiteral("ParseError"));
}

QTEST_GUILESS_MAIN(tst_WorldMapData)
#include "tst_worldmapdata.moc"

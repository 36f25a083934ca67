#include "core/geo/locationresolver.h"

#include <QFile>
#include <QTest>

using namespace Meridian::Geo;

Q_DECLARE_METATYPE(Meridian::Geo::LocationInput)
Q_DECLARE_METATYPE(Meridian::Geo::LocationSource)

namespace {

RegionTable loadTable()
{
    QFile file(QStringLiteral(MERIDIAN_REGIONS_TSV));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return RegionTable::fromTsv(QString::fromUtf8(file.readAll()));
}

} // namespace

class tst_Location final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void regionTable_data();
    void regionTable();
    void regionOfZone_data();
    void regionOfZone();
    void badLinesAreSkipped();
    void resolutionOrder_data();
    void resolutionOrder();
    void parseLatLon_data();
    void parseLatLon();
    void nodeLabelsPreferGa();

private:
    RegionTable m_table;
};

void tst_Location::initTestCase()
{
    m_table = loadTable();
    QVERIFY(m_table.size() > 100);
    QCOMPARE(m_table.skippedLines(), 0);
}

void tst_Location::regionTable_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("region"); // empty: not found
    QTest::addColumn<QString>("city");
    QTest::newRow("gcp region") << "asia-northeast1"
                                << "asia-northeast1"
                                << "Tokyo";
    QTest::newRow("gcp zone") << "asia-northeast1-a"
                              << "asia-northeast1"
                              << "Tokyo";
    QTest::newRow("gcp zone f") << "us-central1-f"
                                << "us-central1"
                                << "Council Bluffs";
    QTest::newRow("aws region") << "us-east-1"
                                << "us-east-1"
                                << "Northern Virginia";
    QTest::newRow("aws zone") << "us-east-1a"
                              << "us-east-1"
                              << "Northern Virginia";
    QTest::newRow("azure region") << "japaneast"
                                  << "japaneast"
                                  << "Tokyo";
    QTest::newRow("aks zone") << "eastus-1"
                              << "eastus"
                              << "Virginia";
    QTest::newRow("case-insensitive") << "EUROPE-WEST2"
                                      << "europe-west2"
                                      << "London";
    QTest::newRow("unknown") << "mars-north1"
                             << ""
                             << "";
    QTest::newRow("unknown zone") << "mars-north1-a"
                                  << ""
                                  << "";
    QTest::newRow("empty") << ""
                           << ""
                           << "";
}

void tst_Location::regionTable()
{
    QFETCH(QString, id);
    QFETCH(QString, region);
    QFETCH(QString, city);
    const auto info = m_table.regionOrZone(id);
    QCOMPARE(info.has_value(), !region.isEmpty());
    if (info) {
        QCOMPARE(info->region, region);
        QVERIFY2(info->city.startsWith(city), qPrintable(info->city));
    }
}

void tst_Location::regionOfZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("region");
    QTest::newRow("gcp") << "europe-west2-b"
                         << "europe-west2";
    QTest::newRow("aws") << "ap-northeast-1c"
                         << "ap-northeast-1";
    QTest::newRow("aks") << "westeurope-3"
                         << "westeurope";
    QTest::newRow("already a region") << "us-central1"
                                      << "us-central1";
    QTest::newRow("aws region") << "eu-west-1"
                                << "eu-west";
}

void tst_Location::regionOfZone()
{
    QFETCH(QString, zone);
    QFETCH(QString, region);
    // "eu-west-1" looks like an AKS zone; regionOrZone() tries the exact id first for this.
    QCOMPARE(RegionTable::regionOfZone(zone), region);
}

void tst_Location::badLinesAreSkipped()
{
    const RegionTable table = RegionTable::fromTsv(u"provider\tregion\tcity\tcountry\tlat\tlon\n"
                                                   u"gcp\tgood-1\tA\tB\t10\t20\n"
                                                   u"gcp\tbad-lat\tA\tB\tx\t20\n"
                                                   u"gcp\tout-of-range\tA\tB\t95\t20\n"
                                                   u"too\tfew\n");
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.skippedLines(), 3);
    QCOMPARE(table.region(u"good-1")->location, (GeoPoint{20, 10}));
}

void tst_Location::resolutionOrder_data()
{
    QTest::addColumn<LocationInput>("input");
    QTest::addColumn<LocationSource>("source");
    QTest::addColumn<QString>("region");
    QTest::addColumn<double>("lat");

    LocationInput all;
    all.overrideLocation = QStringLiteral("10.5, 20.25");
    all.labels.insert(QStringLiteral("meridian.dev/location"), QStringLiteral("-33.9,18.4"));
    all.karmadaRegion = QStringLiteral("europe-west2");
    all.karmadaZones = {QStringLiteral("asia-northeast1-a")};
    all.nodeRegion = QStringLiteral("us-central1");
    all.nodeZone = QStringLiteral("us-central1-a");
    all.contextName = QStringLiteral("gke_proj_asia-south1_prod");
    all.serverUrl = QStringLiteral("https://ABC.gr7.eu-west-1.eks.amazonaws.com");

    QTest::newRow("override wins") << all << LocationSource::Override << "" << 10.5;
    LocationInput next = all;
    next.overrideLocation = QStringLiteral("not a place");
    QTest::newRow("label next (bad override ignored)")
            << next << LocationSource::Label << "" << -33.9;
    next.labels.clear();
    QTest::newRow("karmada region") << next << LocationSource::Karmada << "europe-west2" << 51.51;
    next.karmadaRegion.clear();
    QTest::newRow("karmada zones") << next << LocationSource::Karmada << "asia-northeast1" << 35.68;
    next.karmadaZones.clear();
    QTest::newRow("node region") << next << LocationSource::NodeLabels << "us-central1" << 41.26;
    next.nodeRegion = QStringLiteral("somewhere-unknown");
    QTest::newRow("unknown node region falls to zone")
            << next << LocationSource::NodeLabels << "us-central1" << 41.26;
    next.nodeRegion.clear();
    next.nodeZone.clear();
    QTest::newRow("gke context") << next << LocationSource::ContextName << "asia-south1" << 19.08;
    LocationInput zonal = next;
    zonal.contextName = QStringLiteral("gke_my-proj_europe-west2-b_edge");
    QTest::newRow("gke zonal context")
            << zonal << LocationSource::ContextName << "europe-west2" << 51.51;
    LocationInput eks = next;
    eks.contextName = QStringLiteral("prod");
    eks.clusterName = QStringLiteral("arn:aws:eks:ap-northeast-1:123456789012:cluster/prod");
    QTest::newRow("eks arn") << eks << LocationSource::ContextName << "ap-northeast-1" << 35.7;
    LocationInput eksctl = next;
    eksctl.contextName = QStringLiteral("admin@prod.eu-central-1.eksctl.io");
    QTest::newRow("eksctl") << eksctl << LocationSource::ContextName << "eu-central-1" << 50.1;
    next.contextName = QStringLiteral("prod");
    QTest::newRow("eks server") << next << LocationSource::ServerUrl << "eu-west-1" << 53.3;
    LocationInput aks = next;
    aks.serverUrl = QStringLiteral("https://prod-dns-1a2b.hcp.westeurope.azmk8s.io:443");
    QTest::newRow("aks server") << aks << LocationSource::ServerUrl << "westeurope" << 52.37;
    next.serverUrl = QStringLiteral("https://127.0.0.1:6443");
    QTest::newRow("nothing known") << next << LocationSource::None << "" << 0.0;
    QTest::newRow("empty") << LocationInput{} << LocationSource::None << "" << 0.0;
}

void tst_Location::resolutionOrder()
{
    QFETCH(LocationInput, input);
    QFETCH(LocationSource, source);
    QFETCH(QString, region);
    QFETCH(double, lat);
    const LocationResolver resolver(m_table);
    const ResolvedLocation where = resolver.resolve(input);
    QCOMPARE(where.source, source);
    QCOMPARE(where.region, region);
    QCOMPARE(where.isValid(), source != LocationSource::None);
    if (where.isValid())
        QVERIFY2(std::abs(where.location.lat - lat) < 1.0,
                 qPrintable(QString::number(where.location.lat)));
}

void tst_Location::parseLatLon_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "35.68,139.69" << true;
    QTest::newRow("spaces") << " 35.68 , 139.69 " << true;
    QTest::newRow("negative") << "-33.87,-70.6" << true;
    QTest::newRow("lat out of range") << "91,0" << false;
    QTest::newRow("lon out of range") << "0,181" << false;
    QTest::newRow("one number") << "35.68" << false;
    QTest::newRow("words") << "Tokyo" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_Location::parseLatLon()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(LocationResolver::parseLatLon(text).has_value(), valid);
}

void tst_Location::nodeLabelsPreferGa()
{
    QHash<QString, QString> labels;
    labels.insert(QStringLiteral("failure-domain.beta.kubernetes.io/region"),
                  QStringLiteral("old"));
    labels.insert(QStringLiteral("failure-domain.beta.kubernetes.io/zone"),
                  QStringLiteral("old-a"));
    labels.insert(QStringLiteral("topology.kubernetes.io/region"), QStringLiteral("us-east1"));
    LocationInput input;
    LocationResolver::fillFromNodeLabels(labels, input);
    QCOMPARE(input.nodeRegion, QStringLiteral("us-east1"));
    QCOMPARE(input.nodeZone, QStringLiteral("old-a")); // only the deprecated zone label exists
}

QTEST_GUILESS_MAIN(tst_Location)
#include "tst_location.moc"

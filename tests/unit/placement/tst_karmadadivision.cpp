#include "core/placement/karmadadivision.h"
#include "testhelpers.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Meridian;
using Meridian::Test::clusterPrefs;
using Meridian::Test::counts;
using Meridian::Test::countsText;

Q_DECLARE_METATYPE(Meridian::ReplicaSchedulingType)
Q_DECLARE_METATYPE(Meridian::ReplicaDivision)
Q_DECLARE_METATYPE(Meridian::WeightSource)

class tst_KarmadaDivision final : public QObject
{
    Q_OBJECT

private slots:
    void division_data();
    void division();
    void properties();
};

void tst_KarmadaDivision::division_data()
{
    QTest::addColumn<ReplicaSchedulingType>("type");
    QTest::addColumn<ReplicaDivision>("division");
    QTest::addColumn<WeightSource>("source");
    QTest::addColumn<QByteArray>("weights");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("clusters");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("available");
    QTest::addColumn<QString>("plan");  // empty when the division fails
    QTest::addColumn<QString>("error"); // the error code

    const auto D = ReplicaSchedulingType::Divided;
    const auto W = ReplicaDivision::Weighted;
    const auto S = WeightSource::Static;
    const auto A = WeightSource::AvailableReplicas;

    // FACTS.md §3.4.
    QTest::newRow("static 1:2 of 9")
            << D << W << S << QByteArray(R"({"A":{"weight":1},"B":{"weight":2}})") << qint64(9)
            << "A,B"
            << ""
            << ""
            << "A=3,B=6"
            << "";
    QTest::newRow("static 1:1:1 of 10, fresh tie by name")
            << D << W << S << QByteArray(R"({"*":{"weight":1}})") << qint64(10) << "C,B,A"
            << ""
            << ""
            << "A=4,B=3,C=3"
            << "";
    QTest::newRow("static 1:1:1 of 10, previous holder keeps the extra")
            << D << W << S << QByteArray(R"({"*":{"weight":1}})") << qint64(10) << "A,B,C"
            << "C=5"
            << ""
            << "A=3,B=3,C=4"
            << "";
    QTest::newRow("static remainder follows weight")
            << D << W << S << QByteArray(R"({"*":{"weight":1},"B":{"weight":3}})") << qint64(8)
            << "A,B,C"
            << ""
            << ""
            << "A=2,B=5,C=1"
            << "";
    QTest::newRow("static largest matching rule wins")
            << D << W << S << QByteArray(R"({"*":{"weight":2},"A":{"weight":1}})") << qint64(6)
            << "A,B,C"
            << ""
            << ""
            << "A=2,B=2,C=2"
            << "";
    QTest::newRow("static unweighted cluster dropped")
            << D << W << S << QByteArray(R"({"A":{"weight":1},"B":{"weight":1}})") << qint64(5)
            << "A,B,C"
            << ""
            << ""
            << "A=3,B=2,C=0"
            << "";
    QTest::newRow("static no weights: all 1")
            << D << W << S << QByteArray("{}") << qint64(5) << "A,B"
            << ""
            << ""
            << "A=3,B=2"
            << "";
    QTest::newRow("static zero replicas")
            << D << W << S << QByteArray(R"({"*":{"weight":1}})") << qint64(0) << "A,B"
            << ""
            << ""
            << "A=0,B=0"
            << "";
    QTest::newRow("dynamic 6/12/18 of 12")
            << D << W << A << QByteArray("{}") << qint64(12) << "A,B,C"
            << ""
            << "A=6,B=12,C=18"
            << "A=2,B=4,C=6"
            << "";
    QTest::newRow("dynamic not enough") << D << W << A << QByteArray("{}") << qint64(40) << "A,B,C"
                                        << ""
                                        << "A=6,B=12,C=18"
                                        << ""
                                        << "Unschedulable";
    QTest::newRow("dynamic needs every cluster's availability")
            << D << W << A << QByteArray("{}") << qint64(4) << "A,B"
            << ""
            << "A=6"
            << ""
            << "MissingCapacity";
    QTest::newRow("dynamic scale up spreads the difference")
            << D << W << A << QByteArray("{}") << qint64(18) << "A,B,C"
            << "A=2,B=4,C=6"
            << "A=6,B=6,C=6"
            << "A=4,B=6,C=8"
            << "";
    QTest::newRow("dynamic scale down in proportion")
            << D << W << A << QByteArray("{}") << qint64(6) << "A,B,C"
            << "A=2,B=4,C=6"
            << "A=6,B=6,C=6"
            << "A=1,B=2,C=3"
            << "";
    QTest::newRow("aggregated fewest clusters")
            << D << ReplicaDivision::Aggregated << S << QByteArray("{}") << qint64(12) << "A,B,C"
            << ""
            << "A=5,B=10,C=3"
            << "A=4,B=8,C=0"
            << "";
    QTest::newRow("aggregated one cluster is enough")
            << D << ReplicaDivision::Aggregated << S << QByteArray("{}") << qint64(7) << "A,B,C"
            << ""
            << "A=5,B=10,C=3"
            << "A=0,B=7,C=0"
            << "";
    QTest::newRow("aggregated prefers the current holder")
            << D << ReplicaDivision::Aggregated << S << QByteArray("{}") << qint64(5) << "A,B,C"
            << "C=3"
            << "A=10,B=10,C=3"
            << "A=0,B=0,C=5"
            << "";
    QTest::newRow("duplicated") << ReplicaSchedulingType::Duplicated << W << S << QByteArray("{}")
                                << qint64(7) << "A,B"
                                << ""
                                << ""
                                << "A=7,B=7"
                                << "";
}

void tst_KarmadaDivision::division()
{
    QFETCH(ReplicaSchedulingType, type);
    QFETCH(ReplicaDivision, division);
    QFETCH(WeightSource, source);
    QFETCH(QByteArray, weights);
    QFETCH(qint64, total);
    QFETCH(QString, clusters);
    QFETCH(QString, previous);
    QFETCH(QString, available);
    QFETCH(QString, plan);
    QFETCH(QString, error);

    ReplicaPreferences prefs;
    prefs.schedulingType = type;
    prefs.division = division;
    prefs.weightSource = source;
    prefs.clusters = clusterPrefs(weights);
    const auto result
            = planKarmada(prefs, total, clusters.split(u','), counts(previous), counts(available));
    if (!error.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, error);
        QVERIFY(!result.error().message.isEmpty());
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(countsText(result->plan), plan);
    QVERIFY(result->overflow.isEmpty());
}

void tst_KarmadaDivision::properties()
{
    for (quint32 seed = 1; seed <= 3000; ++seed) {
        QRandomGenerator rng(seed);
        QStringList clusters;
        const int n = rng.bounded(1, 10);
        for (int i = 0; i < n; ++i)
            clusters.append(QStringLiteral("member%1").arg(i));
        ReplicaPreferences prefs;
        QMap<QString, qint64> previous;
        QMap<QString, qint64> available;
        qint64 availableSum = 0;
        for (const QString &c : std::as_const(clusters)) {
            if (rng.bounded(2))
                prefs.clusters.insert(c, ClusterPreference{0, std::nullopt, rng.bounded(1, 10)});
            if (rng.bounded(3) == 0)
                previous.insert(c, rng.bounded(0, 20));
            available.insert(c, rng.bounded(0, 50));
            availableSum += available.value(c);
        }
        const int mode = rng.bounded(3);
        prefs.weightSource = mode == 1 ? WeightSource::AvailableReplicas : WeightSource::Static;
        prefs.division = mode == 2 ? ReplicaDivision::Aggregated : ReplicaDivision::Weighted;
        const qint64 total = rng.bounded(0, 200);
        const QByteArray where = "seed " + QByteArray::number(seed);

        const auto result = planKarmada(prefs, total, clusters, previous, available);
        if (!result.ok()) {
            QVERIFY2(mode != 0 && result.error().code == u"Unschedulable", where.constData());
            continue;
        }
        qint64 sum = 0;
        for (const QString &c : std::as_const(clusters)) {
            QVERIFY2(result->plan.value(c, -1) >= 0, where.constData());
            sum += result->plan.value(c);
        }
        QVERIFY2(sum == total, where.constData()); // Karmada always places every replica
        QStringList shuffled = clusters;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const auto again = planKarmada(prefs, total, shuffled, previous, available);
        QVERIFY2(again.ok() && *again == *result, where.constData());
        Q_UNUSED(availableSum);
    }
}

QTEST_GUILESS_MAIN(tst_KarmadaDivision)
#include "tst_karmadadivision.moc"

#include "core/placement/planner.h"
#include "testhelpers.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Meridian;
using Meridian::Test::clusterPrefs;
using Meridian::Test::counts;
using Meridian::Test::countsText;

class tst_Planner final : public QObject
{
    Q_OBJECT

private slots:
    void fnv1();
    void upstreamVectors_data();
    void upstreamVectors();
    void keySeedsTheTieBreak();
    void duplicateClustersCountOnce();
    void properties_data();
    void properties();
    void hugeWeightsDoNotOverflow();
};

void tst_Planner::fnv1()
{
    // Go's hash/fnv.New32() (FNV-1), not FNV-1a; FACTS.md §1.5.
    QCOMPARE(fnv1_32(QByteArray()), 0x811c9dc5u);
    QCOMPARE(fnv1_32(QByteArrayLiteral("A")), 0x050c5d5eu);
    QCOMPARE(fnv1_32(QByteArrayLiteral("B")), 0x050c5d5du);
    QCOMPARE(fnv1_32(QByteArrayLiteral("a")), 0x050c5d7eu);
    QVERIFY(fnv1_32(QByteArrayLiteral("C")) < fnv1_32(QByteArrayLiteral("B")));
    QVERIFY(fnv1_32(QByteArrayLiteral("E")) < fnv1_32(QByteArrayLiteral("D")));
    // Seeding with the hash of a prefix continues the hash, as Go's Write does.
    const QByteArray ab = QByteArrayLiteral("ns/name");
    QCOMPARE(fnv1_32(ab.constData() + 2, 5, fnv1_32(ab.constData(), 2)), fnv1_32(ab));
}

void tst_Planner::upstreamVectors_data()
{
    QTest::addColumn<QByteArray>("prefs");
    QTest::addColumn<bool>("rebalance");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("clusters");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("capacity");
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QString>("overflow");

    const QByteArray p11
            = R"({"A":{"weight":10000,"maxReplicas":10},"B":{"weight":1},)"
              R"("C":{"weight":1,"maxReplicas":21},"D":{"weight":1,"maxReplicas":10}})";
    QByteArray p12 = p11;
    p12.chop(1);
    p12 += R"(,"E":{"weight":1}})";

    // FACTS.md §1.6, numbered as there; key "" everywhere.
    QTest::newRow("01 even spread")
            << QByteArray(R"({"*":{"weight":1}})") << false << qint64(50) << "A,B,C"
            << ""
            << ""
            << "A=16,B=17,C=17"
            << "";
    QTest::newRow("02 one replica, hash order")
            << QByteArray(R"({"*":{"weight":1}})") << false << qint64(1) << "A,B,C,D"
            << ""
            << ""
            << "A=0,B=0,C=0,D=1"
            << "";
    QTest::newRow("03 preallocation keeps C")
            << QByteArray(R"({"*":{"weight":1}})") << false << qint64(50) << "A,B,C"
            << "C=30"
            << ""
            << "A=10,B=10,C=30"
            << "";
    QTest::newRow("04 preallocation, small total")
            << QByteArray(R"({"*":{"weight":1}})") << false << qint64(15) << "A,B"
            << "A=4,B=8"
            << ""
            << "A=7,B=8"
            << "";
    QTest::newRow("05 known quirk #31816")
            << QByteArray(R"({"*":{"weight":1}})") << false << qint64(50) << "A,B"
            << "A=10,B=70"
            << ""
            << "A=0,B=50"
            << "";
    QTest::newRow("06 minimums run out") << QByteArray(R"({"*":{"minReplicas":20,"weight":0}})")
                                         << false << qint64(50) << "A,B,C"
                                         << ""
                                         << ""
                                         << "A=10,B=20,C=20"
                                         << "";
    QTest::newRow("07 big minimum wins by weight") << QByteArray(
            R"({"*":{"minReplicas":20,"weight":0},"A":{"minReplicas":100,"weight":1}})")
                                                   << false << qint64(50) << "A,B,C"
                                                   << ""
                                                   << ""
                                                   << "A=50,B=0,C=0"
                                                   << "";
    QTest::newRow("08 max caps, sum below total")
            << QByteArray(R"({"*":{"minReplicas":10,"weight":1,"maxReplicas":12}})") << false
            << qint64(50) << "A,B,C"
            << ""
            << ""
            << "A=12,B=12,C=12"
            << "";
    QTest::newRow("09 weight 0 and max")
            << QByteArray(R"({"*":{"weight":0,"maxReplicas":2}})") << false << qint64(50) << "A,B,C"
            << ""
            << ""
            << "A=0,B=0,C=0"
            << "";
    QTest::newRow("10 no entry, no wildcard")
            << QByteArray(R"({"A":{"weight":1},"B":{"weight":2}})") << false << qint64(60)
            << "A,B,C"
            << ""
            << ""
            << "A=20,B=40,C=0"
            << "";
    QTest::newRow("11 maxima spill over") << p11 << false << qint64(71) << "A,B,C,D"
                                          << ""
                                          << ""
                                          << "A=10,B=30,C=21,D=10"
                                          << "";
    QTest::newRow("12 maxima spill over, five") << p12 << false << qint64(91) << "A,B,C,D,E"
                                                << ""
                                                << ""
                                                << "A=10,B=25,C=21,D=10,E=25"
                                                << "";
    QTest::newRow("13 capacity, rebalance")
            << QByteArray(R"({"*":{"weight":1}})") << true << qint64(50) << "A,B,C"
            << ""
            << "C=10"
            << "A=20,B=20,C=10"
            << "C=7";
    QTest::newRow("14 capacity on the heavy cluster")
            << QByteArray(R"({"A":{"weight":1},"B":{"weight":2}})") << true << qint64(60) << "A,B,C"
            << ""
            << "B=10"
            << "A=50,B=10,C=0"
            << "B=30";
    QTest::newRow("15 capacity and maxima") << p11 << true << qint64(71) << "A,B,C,D"
                                            << ""
                                            << "C=10"
                                            << "A=10,B=41,C=10,D=10"
                                            << "C=11";
    QTest::newRow("16 everything full, overflow kept")
            << QByteArray(R"({"A":{"weight":1},"B":{"weight":1}})") << false << qint64(60)
            << "A,B,C"
            << ""
            << "A=10,B=10"
            << "A=10,B=10,C=0"
            << "A=20,B=20";
    QTest::newRow("17 overflow trimmed to nothing")
            << QByteArray(R"({"A":{"weight":1},"B":{"weight":5}})") << false << qint64(60)
            << "A,B,C"
            << ""
            << "B=10"
            << "A=50,B=10,C=0"
            << "";
    QTest::newRow("18 minimums and capacity, rebalance")
            << QByteArray(R"({"*":{"minReplicas":20,"weight":1}})") << true << qint64(60) << "A,B"
            << ""
            << "B=10"
            << "A=50,B=10"
            << "B=15";
    QTest::newRow("19 kubefed userguide min/max")
            << QByteArray(R"({"A":{"minReplicas":4,"maxReplicas":6,"weight":1},)"
                          R"("B":{"minReplicas":4,"maxReplicas":8,"weight":2}})")
            << false << qint64(9) << "A,B,C"
            << ""
            << ""
            << "A=4,B=5,C=0"
            << "";
}

void tst_Planner::upstreamVectors()
{
    QFETCH(QByteArray, prefs);
    QFETCH(bool, rebalance);
    QFETCH(qint64, total);
    QFETCH(QString, clusters);
    QFETCH(QString, current);
    QFETCH(QString, capacity);
    QFETCH(QString, plan);
    QFETCH(QString, overflow);

    ReplicaPreferences p;
    p.rebalance = rebalance;
    p.clusters = clusterPrefs(prefs);
    const PlanResult result = planFederation(p,
                                             total,
                                             clusters.split(u','),
                                             counts(current),
                                             counts(capacity),
                                             QString());
    QCOMPARE(countsText(result.plan), plan);
    QCOMPARE(countsText(result.overflow), overflow);
}

void tst_Planner::keySeedsTheTieBreak()
{
    // Vector 1 with a key: the cluster whose hash of name+key is largest sorts last and gets
    // the rounded-down share.
    const QString key = QStringLiteral("ns/name");
    const QStringList clusters = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
    QString last;
    quint32 largest = 0;
    for (const QString &c : clusters) {
        const quint32 h = fnv1_32((c + key).toUtf8());
        if (h >= largest) {
            largest = h;
            last = c;
        }
    }
    const PlanResult result
            = planFederation(ReplicaPreferences::evenSpread(), 50, clusters, {}, {}, key);
    for (const QString &c : clusters)
        QCOMPARE(result.plan.value(c), c == last ? 16 : 17);
    QVERIFY2(last != u"A", "with this key the tie lands differently from vector 1");
}

void tst_Planner::duplicateClustersCountOnce()
{
    const PlanResult result = planFederation(ReplicaPreferences::evenSpread(),
                                             50,
                                             {QStringLiteral("A"),
                                              QStringLiteral("B"),
                                              QStringLiteral("A"),
                                              QStringLiteral("C")},
                                             {},
                                             {},
                                             QString());
    QCOMPARE(countsText(result.plan), QStringLiteral("A=16,B=17,C=17"));
}

namespace {

struct RandomCase
{
    ReplicaPreferences prefs;
    qint64 total = 0;
    QStringList clusters;
    QMap<QString, qint64> current;
    QMap<QString, qint64> capacity;
    QString key;
};

RandomCase randomCase(quint32 seed, bool unbounded)
{
    QRandomGenerator rng(seed);
    RandomCase rc;
    const int n = rng.bounded(1, 9);
    QStringList pool;
    for (int i = 0; i < 12; ++i)
        pool.append(QStringLiteral("cluster-%1").arg(i));
    std::shuffle(pool.begin(), pool.end(), rng);
    rc.clusters = pool.mid(0, n);
    rc.prefs.rebalance = rng.bounded(2) == 1;
    rc.total = rng.bounded(0, 120);
    rc.key = rng.bounded(2) ? QStringLiteral("ns/app-%1").arg(rng.bounded(5)) : QString();
    auto randomPref = [&] {
        ClusterPreference p;
        p.weight = unbounded ? rng.bounded(1, 6) : rng.bounded(0, 6);
        p.minReplicas = rng.bounded(4) == 0 ? rng.bounded(0, 15) : 0;
        if (!unbounded && rng.bounded(3) == 0)
            p.maxReplicas = p.minReplicas + rng.bounded(0, 20);
        return p;
    };
    if (unbounded || rng.bounded(2))
        rc.prefs.clusters.insert(QStringLiteral("*"), randomPref());
    for (const QString &c : std::as_const(rc.clusters)) {
        if (rng.bounded(2))
            rc.prefs.clusters.insert(c, randomPref());
        if (rng.bounded(3) == 0)
            rc.current.insert(c, rng.bounded(0, 40));
        if (!unbounded && rng.bounded(4) == 0)
            rc.capacity.insert(c, rng.bounded(0, 30));
    }
    return rc;
}

ClusterPreference effective(const ReplicaPreferences &prefs, const QString &cluster, bool *has)
{
    auto it = prefs.clusters.constFind(cluster);
    if (it == prefs.clusters.constEnd())
        it = prefs.clusters.constFind(QStringLiteral("*"));
    *has = it != prefs.clusters.constEnd();
    return *has ? *it : ClusterPreference{};
}

} // namespace

void tst_Planner::properties_data()
{
    QTest::addColumn<bool>("unbounded");
    QTest::newRow("any preferences") << false;
    QTest::newRow("positive weights, no max, no capacity") << true;
}

void tst_Planner::properties()
{
    QFETCH(bool, unbounded);
    for (quint32 seed = 1; seed <= 3000; ++seed) {
        const RandomCase rc = randomCase(seed, unbounded);
        const PlanResult result
                = planFederation(rc.prefs, rc.total, rc.clusters, rc.current, rc.capacity, rc.key);
        const QByteArray where = "seed " + QByteArray::number(seed);

        qint64 sum = 0;
        qint64 minimumsWanted = 0;
        QCOMPARE(result.plan.size(), rc.clusters.size());
        for (const QString &c : rc.clusters) {
            const qint64 n = result.plan.value(c, -1);
            QVERIFY2(n >= 0, where.constData());
            sum += n;
            bool has = false;
            const ClusterPreference pref = effective(rc.prefs, c, &has);
            if (!has)
                QVERIFY2(n == 0, where.constData());
            if (pref.maxReplicas)
                QVERIFY2(n <= *pref.maxReplicas, where.constData());
            if (rc.capacity.contains(c))
                QVERIFY2(n <= rc.capacity.value(c), where.constData());
            minimumsWanted += std::min(pref.minReplicas, rc.capacity.value(c, pref.minReplicas));
        }
        QVERIFY2(sum <= rc.total, where.constData());
        // Every minimum is met when the total allows all of them.
        if (minimumsWanted <= rc.total) {
            for (const QString &c : rc.clusters) {
                bool has = false;
                const ClusterPreference pref = effective(rc.prefs, c, &has);
                QVERIFY2(result.plan.value(c) >= std::min(pref.minReplicas,
                                                          rc.capacity.value(c, pref.minReplicas)),
                         where.constData());
            }
        }
        for (auto it = result.overflow.cbegin(); it != result.overflow.cend(); ++it)
            QVERIFY2(it.value() > 0 && rc.capacity.contains(it.key()), where.constData());

        if (unbounded) {
            QVERIFY2(sum == rc.total, where.constData());
            QVERIFY2(result.overflow.isEmpty(), where.constData());
        }

        // Deterministic, and independent of the order the clusters are listed in.
        QStringList shuffled = rc.clusters;
        QRandomGenerator rng(seed ^ 0x9e3779b9u);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        QVERIFY2(planFederation(rc.prefs, rc.total, shuffled, rc.current, rc.capacity, rc.key)
                         == result,
                 where.constData());
    }
}

void tst_Planner::hugeWeightsDoNotOverflow()
{
    ReplicaPreferences prefs;
    const qint64 big = std::numeric_limits<qint64>::max() / 2;
    prefs.clusters.insert(QStringLiteral("A"), ClusterPreference{0, std::nullopt, big});
    prefs.clusters.insert(QStringLiteral("B"), ClusterPreference{0, std::nullopt, big});
    const PlanResult result = planFederation(prefs,
                                             big,
                                             {QStringLiteral("A"), QStringLiteral("B")},
                                             {},
                                             {},
                                             QString());
    QCOMPARE(result.plan.value(QStringLiteral("A")) + result.plan.value(QStringLiteral("B")), big);
}

QTEST_GUILESS_MAIN(tst_Planner)
#include "tst_planner.moc"

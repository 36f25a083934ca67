// The inverse of the planners: whatever distribution is asked for, the solved preferences make
// the exact planner produce it, or the solver says why no preferences can.
#include "../placement/testhelpers.h"
#include "core/placement/karmadadivision.h"
#include "placement/placementsolver.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Placement;
using namespace Qt::StringLiterals;
using Meridian::Test::clusterPrefs;
using Meridian::Test::counts;
using Meridian::Test::countsText;

namespace {

PlanInput federationInput(qint64 total, const QString &clusters, const QString &current = {})
{
    PlanInput input;
    input.total = total;
    input.clusters = clusters.split(u',');
    input.current = counts(current);
    input.key = QStringLiteral("default/web");
    return input;
}

} // namespace

class TestPlacementSolver final : public QObject
{
    Q_OBJECT

private slots:
    void federation_data()
    {
        QTest::addColumn<QByteArray>("prefs");
        QTest::addColumn<bool>("rebalance");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QString>("clusters");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("targets");
        QTest::addColumn<bool>("pinnedSomewhere");

        QTest::newRow("wildcard, move 2 from A to B")
                << QByteArray(R"({"*":{"weight":1}})") << true << 9ll << "A,B,C"
                << ""
                << "A=1,B=5,C=3" << false;
        QTest::newRow("empty one cluster")
                << QByteArray(R"({"*":{"weight":1}})") << true << 6ll << "A,B,C"
                << ""
                << "A=0,B=3,C=3" << false;
        QTest::newRow("min kept where it allows the target")
                << QByteArray(R"({"A":{"minReplicas":2,"weight":1},"B":{"weight":1}})") << true
                << 10ll << "A,B"
                << ""
                << "A=3,B=7" << false;
        QTest::newRow("max raised to the target")
                << QByteArray(R"({"A":{"maxReplicas":2,"weight":1},"B":{"weight":1}})") << true
                << 10ll << "A,B"
                << ""
                << "A=6,B=4" << false;
        QTest::newRow("without rebalance running replicas stay: pinned")
                << QByteArray(R"({"*":{"weight":1}})") << false << 10ll << "A,B"
                << "A=8,B=2"
                << "A=2,B=8" << true;
        QTest::newRow("below N because of max limits") << QByteArray(
                R"({"A":{"maxReplicas":3,"weight":1},"B":{"maxReplicas":3,"weight":1}})")
                                                       << true << 10ll << "A,B"
                                                       << ""
                                                       << "A=1,B=5" << true;
        QTest::newRow("everything on one cluster")
                << QByteArray(R"({"*":{"weight":1}})") << true << 7ll << "A,B,C"
                << ""
                << "A=0,B=0,C=7" << false;
    }

    void federation()
    {
        QFETCH(QByteArray, prefs);
        QFETCH(bool, rebalance);
        QFETCH(qint64, total);
        QFETCH(QString, clusters);
        QFETCH(QString, current);
        QFETCH(QString, targets);
        QFETCH(bool, pinnedSomewhere);

        // Given preferences and a distribution the operator dragged to
        ReplicaPreferences base;
        base.rebalance = rebalance;
        base.clusters = clusterPrefs(prefs);
        const PlanInput input = federationInput(total, clusters, current);

        // When solving
        const Result<ReplicaPreferences> solved
                = solveForDistribution(base, counts(targets), input);

        // Then the planner gives exactly the targets
        QVERIFY2(solved.ok(), qPrintable(solved.ok() ? QString() : solved.error().message));
        const PlanResult plan = planFederation(*solved,
                                               input.total,
                                               input.clusters,
                                               input.current,
                                               input.capacity,
                                               input.key);
        QCOMPARE(countsText(plan.plan), targets);
        QVERIFY(plan.overflow.isEmpty());
        QCOMPARE(solved->rebalance, rebalance);
        bool pinned = false;
        for (auto it = solved->clusters.cbegin(); it != solved->clusters.cend(); ++it) {
            if (it.key() != u"*" && it->maxReplicas && it->minReplicas == *it->maxReplicas)
                pinned = true;
        }
        QCOMPARE(pinned, pinnedSomewhere);
    }

    void weightsAreReduced()
    {
        ReplicaPreferences base = ReplicaPreferences::evenSpread();
        base.rebalance = true;
        const Result<ReplicaPreferences> solved
                = solveForDistribution(base, counts(u"A=4,B=8"_s), federationInput(12, u"A,B"_s));
        QVERIFY(solved.ok());
        QCOMPARE(solved->clusters.value(u"A"_s).weight, 1);
        QCOMPARE(solved->clusters.value(u"B"_s).weight, 2);
        QVERIFY(solved->clusters.contains(u"*"_s)); // unavailable clusters still use it
    }

    void impossibleTargets_data()
    {
        QTest::addColumn<QString>("targets");
        QTest::addColumn<QString>("code");
        QTest::newRow("more than N") << "A=5,B=8"
                                     << "InvalidTarget";
        QTest::newRow("negative") << "A=-1,B=11"
                                  << "InvalidTarget";
        QTest::newRow("over capacity") << "A=9,B=1"
                                       << "OverCapacity";
        QTest::newRow("unknown cluster") << "A=5,Z=5"
                                         << "InvalidTarget";
    }

    void impossibleTargets()
    {
        QFETCH(QString, targets);
        QFETCH(QString, code);
        PlanInput input = federationInput(10, u"A,B"_s);
        input.capacity.insert(u"A"_s, 6);
        const auto solved
                = solveForDistribution(ReplicaPreferences::evenSpread(), counts(targets), input);
        QVERIFY(!solved.ok());
        QCOMPARE(solved.error().code, code);
    }

    // Property: for random preferences, running replicas and targets, the solution is exact.
    void federationRandom()
    {
        QRandomGenerator rng(20261127);
        for (int round = 0; round < 2000; ++round) {
            const int n = 1 + int(rng.bounded(6));
            PlanInput input;
            input.key = QStringLiteral("ns/w%1").arg(round);
            ReplicaPreferences base;
            base.rebalance = rng.bounded(2) == 1;
            QMap<QString, qint64> targets;
            qint64 sum = 0;
            for (int i = 0; i < n; ++i) {
                const QString c = QStringLiteral("c%1").arg(i);
                input.clusters.append(c);
                input.current.insert(c, rng.bounded(8));
                if (rng.bounded(3) == 0)
                    input.capacity.insert(c, 3 + rng.bounded(10));
                if (rng.bounded(4) > 0) {
                    ClusterPreference p;
                    p.minReplicas = rng.bounded(3);
                    if (rng.bounded(2) == 1)
                        p.maxReplicas = p.minReplicas + rng.bounded(6);
                    p.weight = rng.bounded(5);
                    base.clusters.insert(c, p);
                }
                const qint64 t = rng.bounded(int(input.capacity.value(c, 12)) + 1);
                targets.insert(c, t);
                sum += t;
            }
            if (rng.bounded(2) == 1)
                base.clusters.insert(u"*"_s, ClusterPreference{0, std::nullopt, 1});
            input.total = sum + (rng.bounded(4) == 0 ? rng.bounded(5) : 0);
            const auto solved = solveForDistribution(base, targets, input);
            QVERIFY2(solved.ok(), qPrintable(QStringLiteral("round %1").arg(round)));
            const PlanResult plan = planFederation(*solved,
                                                   input.total,
                                                   input.clusters,
                                                   input.current,
                                                   input.capacity,
                                                   input.key);
            QCOMPARE(countsText(plan.plan), countsText(targets));
        }
    }

    void karmada()
    {
        ReplicaPreferences base;
        base.clusters.insert(u"*"_s, ClusterPreference{0, std::nullopt, 1});
        PlanInput input;
        input.engine = Engine::Karmada;
        input.total = 10;
        input.clusters = QStringList{u"A"_s, u"B"_s, u"C"_s};
        const auto solved = solveForDistribution(base, counts(u"A=2,B=0,C=8"_s), input);
        QVERIFY(solved.ok());
        QVERIFY(!solved->clusters.contains(u"*"_s));
        QCOMPARE(solved->clusters.value(u"A"_s).weight, 1);
        QCOMPARE(solved->clusters.value(u"C"_s).weight, 4);
        const auto plan = planKarmada(*solved, 10, input.clusters, {}, {});
        QVERIFY(plan.ok());
        QCOMPARE(countsText(plan->plan), u"A=2,B=0,C=8"_s);

        // Karmada places every replica: fewer than N is not expressible.
        const auto fewer = solveForDistribution(base, counts(u"A=2,B=0,C=7"_s), input);
        QVERIFY(!fewer.ok());
        QCOMPARE(fewer.error().code, u"Unreachable"_s);
    }

    void karmadaRandom()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 1000; ++round) {
            PlanInput input;
            input.engine = Engine::Karmada;
            QMap<QString, qint64> targets;
            const int n = 1 + int(rng.bounded(6));
            for (int i = 0; i < n; ++i) {
                const QString c = QStringLiteral("m%1").arg(i);
                input.clusters.append(c);
                input.current.insert(c, rng.bounded(6));
                targets.insert(c, rng.bounded(9));
                input.total += targets.value(c);
            }
            if (input.total == 0)
                continue;
            const auto solved
                    = solveForDistribution(ReplicaPreferences::evenSpread(), targets, input);
            QVERIFY(solved.ok());
            const auto plan = runPlanner(*solved, input);
            QVERIFY(plan.ok());
            QCOMPARE(countsText(plan->plan), countsText(targets));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlacementSolver)
#include "tst_placementsolver.moc"

// Placement planners over 1,000 clusters and 1,000,000 replicas. Prints the median wall time of
// each scenario; figures live in docs/PERFORMANCE.md. Never asserts anything about time.

#include "core/placement/karmadadivision.h"
#include "core/placement/planner.h"

#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

using namespace Meridian;

namespace {

constexpr int clusterCount = 1000;
constexpr qint64 replicas = 1'000'000;

struct Inputs
{
    QStringList clusters;
    ReplicaPreferences prefs;
    QMap<QString, qint64> current;
    QMap<QString, qint64> capacity;
};

Inputs makeInputs()
{
    QRandomGenerator rng(20261127);
    Inputs in;
    for (int i = 0; i < clusterCount; ++i) {
        const QString name = QStringLiteral("cluster-%1").arg(i, 4, 10, QLatin1Char('0'));
        in.clusters.append(name);
        ClusterPreference pref;
        pref.weight = rng.bounded(1, 101);
        pref.minReplicas = rng.bounded(4) == 0 ? rng.bounded(0, 200) : 0;
        if (rng.bounded(5) == 0)
            pref.maxReplicas = pref.minReplicas + rng.bounded(0, 2000);
        in.prefs.clusters.insert(name, pref);
        if (rng.bounded(3) == 0)
            in.current.insert(name, rng.bounded(0, 2000));
        in.capacity.insert(name, rng.bounded(0, 3000));
    }
    return in;
}

double medianMs(int iterations, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const auto end = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    int iterations = 21;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--iterations") == 0)
            iterations = std::max(1, std::atoi(argv[i + 1]));
    }
    const Inputs in = makeInputs();
    const QMap<QString, qint64> none;
    qint64 sink = 0;

    std::printf("placement planner: %d clusters, %lld replicas, median of %d\n",
                clusterCount,
                static_cast<long long>(replicas),
                iterations);
    const auto report = [&](const char *name, const std::function<qint64()> &plan) {
        const double ms = medianMs(iterations, [&] { sink += plan(); });
        std::printf("  %-52s %9.3f ms\n", name, ms);
    };
    const auto sum = [](const PlanResult &r) {
        qint64 s = 0;
        for (qint64 n : r.plan)
            s += n;
        return s;
    };

    ReplicaPreferences weightsOnly;
    for (auto it = in.prefs.clusters.cbegin(); it != in.prefs.clusters.cend(); ++it)
        weightsOnly.clusters.insert(it.key(), ClusterPreference{0, std::nullopt, it->weight});
    report("federation: weights only", [&] {
        return sum(planFederation(weightsOnly, replicas, in.clusters, none, none, QString()));
    });
    report("federation: min/max, current, capacity, key", [&] {
        return sum(planFederation(in.prefs,
                                  replicas,
                                  in.clusters,
                                  in.current,
                                  in.capacity,
                                  QStringLiteral("default/web")));
    });
    ReplicaPreferences rebalance = in.prefs;
    rebalance.rebalance = true;
    report("federation: rebalance, min/max, capacity", [&] {
        return sum(planFederation(rebalance,
                                  replicas,
                                  in.clusters,
                                  none,
                                  in.capacity,
                                  QStringLiteral("default/web")));
    });
    report("federation: wildcard only", [&] {
        return sum(planFederation(ReplicaPreferences::evenSpread(),
                                  replicas,
                                  in.clusters,
                                  none,
                                  none,
                                  QString()));
    });
    report("karmada: static weights",
           [&] { return sum(*planKarmada(weightsOnly, replicas, in.clusters, in.current, none)); });
    ReplicaPreferences dynamic;
    dynamic.weightSource = WeightSource::AvailableReplicas;
    QMap<QString, qint64> plenty;
    for (const QString &c : in.clusters)
        plenty.insert(c, in.capacity.value(c) + 1000);
    report("karmada: dynamic weight (available replicas)",
           [&] { return sum(*planKarmada(dynamic, replicas, in.clusters, none, plenty)); });
    ReplicaPreferences aggregated;
    aggregated.division = ReplicaDivision::Aggregated;
    report("karmada: aggregated",
           [&] { return sum(*planKarmada(aggregated, replicas, in.clusters, none, plenty)); });
    std::printf("(checksum %lld)\n", static_cast<long long>(sink));
    return 0;
}

// The inverse solver behind drag-to-rebalance: one drag step (replicas moved between two
// clusters) over 1,000 clusters by default. Prints the median wall time per scenario and how
// many clusters ended up pinned; figures live in docs/PERFORMANCE.md. Exits 1 if a solution is
// not exact; never asserts anything about time.

#include "placement/placementsolver.h"

#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

using namespace Meridian;
using namespace Meridian::Placement;

namespace {

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
    int clusterCount = 1000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--iterations") == 0)
            iterations = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--clusters") == 0)
            clusterCount = std::max(2, std::atoi(argv[i + 1]));
    }
    QRandomGenerator rng(20261127);
    PlanInput input;
    input.key = QStringLiteral("default/web");
    ReplicaPreferences prefs;
    for (int i = 0; i < clusterCount; ++i) {
        const QString name = QStringLiteral("cluster-%1").arg(i, 4, 10, QLatin1Char('0'));
        input.clusters.append(name);
        ClusterPreference p;
        p.weight = rng.bounded(1, 101);
        p.minReplicas = rng.bounded(4) == 0 ? rng.bounded(0, 20) : 0;
        if (rng.bounded(5) == 0)
            p.maxReplicas = p.minReplicas + rng.bounded(0, 200);
        prefs.clusters.insert(name, p);
        input.current.insert(name, rng.bounded(0, 100));
    }
    input.total = 50 * clusterCount;
    int failures = 0;
    std::printf("placement solver: %d clusters, %lld replicas, median of %d\n",
                clusterCount,
                static_cast<long long>(input.total),
                iterations);

    const auto scenario = [&](const char *name, ReplicaPreferences base, PlanInput in) {
        const Result<PlanResult> start = runPlanner(base, in);
        QMap<QString, qint64> targets = start->plan;
        // One drag step: move replicas from the busiest cluster to its neighbour.
        QString from = in.clusters.first();
        for (const QString &c : in.clusters) {
            if (targets.value(c) > targets.value(from))
                from = c;
        }
        const QString to = in.clusters.at((in.clusters.indexOf(from) + 1) % in.clusters.size());
        const qint64 moved = std::max<qint64>(1, targets.value(from) / 2);
        targets[from] -= moved;
        targets[to] += moved;
        Result<ReplicaPreferences> solved{Error{}};
        const double ms
                = medianMs(iterations, [&] { solved = solveForDistribution(base, targets, in); });
        int pinned = 0;
        bool exact = false;
        if (solved) {
            for (auto it = solved->clusters.cbegin(); it != solved->clusters.cend(); ++it)
                pinned += it->maxReplicas && it->minReplicas == *it->maxReplicas ? 1 : 0;
            const Result<PlanResult> plan = runPlanner(*solved, in);
            exact = plan && plan->plan == targets;
        }
        if (!exact)
            ++failures;
        std::printf("  %-48s %9.3f ms  pinned %4d  %s\n",
                    name,
                    ms,
                    pinned,
                    exact ? "exact" : "NOT EXACT");
    };

    ReplicaPreferences rebalance = prefs;
    rebalance.rebalance = true;
    scenario("federation: rebalance, min/max", rebalance, input);
    scenario("federation: keep running replicas, min/max", prefs, input);
    PlanInput withCapacity = input;
    for (const QString &c : input.clusters)
        withCapacity.capacity.insert(c, 100 + rng.bounded(0, 200));
    scenario("federation: rebalance, min/max, capacity", rebalance, withCapacity);
    PlanInput karmada = input;
    karmada.engine = Engine::Karmada;
    ReplicaPreferences weights;
    for (auto it = prefs.clusters.cbegin(); it != prefs.clusters.cend(); ++it)
        weights.clusters.insert(it.key(), ClusterPreference{0, std::nullopt, it->weight});
    scenario("karmada: static weights", weights, karmada);
    return failures == 0 ? 0 : 1;
}

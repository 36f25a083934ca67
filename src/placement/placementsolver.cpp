#include "placement/placementsolver.h"

#include "core/placement/karmadadivision.h"

#include <QCoreApplication>

#include <numeric>

namespace Meridian::Placement {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Placement", text);
}

QMap<QString, qint64> completeTargets(const QMap<QString, qint64> &targets,
                                      const QStringList &clusters)
{
    QMap<QString, qint64> all;
    for (const QString &c : clusters)
        all.insert(c, targets.value(c, 0));
    return all;
}

bool matches(const PlanResult &plan, const QMap<QString, qint64> &targets)
{
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        if (plan.plan.value(it.key(), 0) != it.value())
            return false;
    }
    return plan.overflow.isEmpty();
}

qint64 gcdOf(const QList<qint64> &values)
{
    qint64 g = 0;
    for (qint64 v : values)
        g = std::gcd(g, v);
    return g == 0 ? 1 : g;
}

Result<ReplicaPreferences> solveFederation(const ReplicaPreferences &base,
                                           const QMap<QString, qint64> &targets,
                                           const PlanInput &input)
{
    const auto wildcard = base.clusters.constFind(QString(wildcardCluster));
    ReplicaPreferences prefs = base;
    QList<qint64> weights;
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        ClusterPreference p;
        if (const auto own = base.clusters.constFind(it.key()); own != base.clusters.cend())
            p = *own;
        else if (wildcard != base.clusters.cend())
            p = *wildcard;
        const qint64 target = it.value();
        p.minReplicas = std::min(p.minReplicas, target);
        if (p.maxReplicas && *p.maxReplicas < target)
            p.maxReplicas = target;
        // With Σ weight = the replicas left after the minimums, each ceil share is exact.
        p.weight = target - p.minReplicas;
        weights.append(p.weight);
        prefs.clusters.insert(it.key(), p);
    }
    const qint64 g = gcdOf(weights);
    for (auto it = targets.cbegin(); it != targets.cend(); ++it)
        prefs.clusters[it.key()].weight /= g;

    // Pin what the planner still misses; every round pins at least one more cluster, and a
    // pinned cluster always gets exactly its target (Σ min ≤ N, max = min), so this ends.
    for (qsizetype round = 0; round <= targets.size(); ++round) {
        const PlanResult plan = planFederation(prefs,
                                               input.total,
                                               input.clusters,
                                               input.current,
                                               input.capacity,
                                               input.key);
        if (matches(plan, targets))
            return prefs;
        bool pinned = false;
        for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
            if (plan.plan.value(it.key(), 0) == it.value() && !plan.overflow.contains(it.key()))
                continue;
            ClusterPreference &p = prefs.clusters[it.key()];
            if (p.minReplicas == it.value() && p.maxReplicas == it.value())
                continue;
            p.minReplicas = it.value();
            p.maxReplicas = it.value();
            pinned = true;
        }
        if (!pinned)
            break;
    }
    return Result<ReplicaPreferences>::failure(
            QStringLiteral("Unreachable"),
            tr("The Federation planner cannot place exactly this distribution."));
}

Result<ReplicaPreferences> solveKarmada(const ReplicaPreferences &base,
                                        const QMap<QString, qint64> &targets,
                                        const PlanInput &input)
{
    if (base.schedulingType != ReplicaSchedulingType::Divided
        || base.division != ReplicaDivision::Weighted
        || base.weightSource != WeightSource::Static) {
        return Result<ReplicaPreferences>::failure(
                QStringLiteral("Unsupported"),
                tr("Only a Divided placement with static weights can be rebalanced by dragging; "
                   "this policy is Duplicated, Aggregated or uses dynamic weights."));
    }
    ReplicaPreferences prefs = base;
    // "*" would raise every weight to its own (Karmada takes the largest matching rule).
    prefs.clusters.remove(QString(wildcardCluster));
    QList<qint64> weights;
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        prefs.clusters.remove(it.key());
        if (it.value() > 0)
            weights.append(it.value());
    }
    if (weights.isEmpty()) {
        return Result<ReplicaPreferences>::failure(
                QStringLiteral("Unreachable"),
                tr("Karmada's static weights cannot place zero replicas on every cluster."));
    }
    const qint64 g = gcdOf(weights);
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        if (it.value() > 0)
            prefs.clusters.insert(it.key(), ClusterPreference{0, std::nullopt, it.value() / g});
    }
    const Result<PlanResult> plan = runPlanner(prefs, input);
    if (!plan)
        return plan.error();
    if (!matches(*plan, targets)) {
        return Result<ReplicaPreferences>::failure(
                QStringLiteral("Unreachable"),
                tr("Karmada's static weights cannot place exactly this distribution."));
    }
    return prefs;
}

} // namespace

Result<PlanResult> runPlanner(const ReplicaPreferences &prefs, const PlanInput &input)
{
    if (input.engine == Engine::Karmada)
        return planKarmada(prefs, input.total, input.clusters, input.current, input.capacity);
    return planFederation(prefs,
                          input.total,
                          input.clusters,
                          input.current,
                          input.capacity,
                          input.key);
}

Result<ReplicaPreferences> solveForDistribution(const ReplicaPreferences &base,
                                                const QMap<QString, qint64> &targets,
                                                const PlanInput &input)
{
    const QMap<QString, qint64> all = completeTargets(targets, input.clusters);
    qint64 sum = 0;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.value() < 0) {
            return Result<ReplicaPreferences>::failure(QStringLiteral("InvalidTarget"),
                                                       tr("%1: a cluster cannot run %2 replicas.")
                                                               .arg(it.key())
                                                               .arg(it.value()));
        }
        const auto cap = input.capacity.constFind(it.key());
        if (cap != input.capacity.cend() && it.value() > *cap) {
            return Result<ReplicaPreferences>::failure(
                    QStringLiteral("OverCapacity"),
                    tr("%1: %2 replicas do not fit its capacity of %3.")
                            .arg(it.key())
                            .arg(it.value())
                            .arg(*cap));
        }
        sum += it.value();
    }
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        if (!all.contains(it.key()) && it.value() != 0) {
            return Result<ReplicaPreferences>::failure(QStringLiteral("InvalidTarget"),
                                                       tr("%1 is not an available cluster.")
                                                               .arg(it.key()));
        }
    }
    if (sum > input.total) {
        return Result<ReplicaPreferences>::failure(
                QStringLiteral("InvalidTarget"),
                tr("The distribution places %1 replicas, more than the total of %2.")
                        .arg(sum)
                        .arg(input.total));
    }
    if (input.engine == Engine::Karmada) {
        if (sum != input.total) {
            return Result<ReplicaPreferences>::failure(
                    QStringLiteral("Unreachable"),
                    tr("Karmada always places all %1 replicas; the distribution places %2.")
                            .arg(input.total)
                            .arg(sum));
        }
        return solveKarmada(base, all, input);
    }
    return solveFederation(base, all, input);
}

} // namespace Meridian::Placement

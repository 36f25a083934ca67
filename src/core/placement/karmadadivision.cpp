#include "core/placement/karmadadivision.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace Meridian {

namespace {

__extension__ using Wide = __int128;

// Karmada's ClusterWeightInfoList.Less, with the name where Karmada flips a coin.
bool sortsBefore(const WeightedCluster &a, const WeightedCluster &b)
{
    if (a.weight != b.weight)
        return a.weight > b.weight;
    if (a.lastReplicas != b.lastReplicas)
        return a.lastReplicas > b.lastReplicas;
    return a.name < b.name;
}

QStringList uniqueClusters(const QStringList &clusters)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &name : clusters) {
        if (!seen.contains(name)) {
            seen.insert(name);
            out.append(name);
        }
    }
    return out;
}

PlanResult zeroPlan(const QStringList &clusters)
{
    PlanResult result;
    for (const QString &name : clusters)
        result.plan.insert(name, 0);
    return result;
}

qint64 staticWeight(const ReplicaPreferences &prefs, const QString &name)
{
    // Karmada takes the largest weight of every rule that matches; "*" stands for a rule whose
    // targetCluster selects every cluster.
    qint64 weight = 0;
    if (const auto it = prefs.clusters.constFind(name); it != prefs.clusters.constEnd())
        weight = it->weight;
    if (const auto it = prefs.clusters.constFind(QString(wildcardCluster));
        it != prefs.clusters.constEnd())
        weight = std::max(weight, it->weight);
    return weight;
}

Result<QMap<QString, qint64>> availableFor(const QStringList &clusters,
                                           const QMap<QString, qint64> &available)
{
    QMap<QString, qint64> out;
    QStringList missing;
    for (const QString &name : clusters) {
        const auto it = available.constFind(name);
        if (it == available.constEnd())
            missing.append(name);
        else
            out.insert(name, std::max<qint64>(*it, 0));
    }
    if (!missing.isEmpty()) {
        return Error{QStringLiteral("MissingCapacity"),
                     QCoreApplication::translate(
                             "Meridian::Placement",
                             "dividing by available replicas needs the available replicas of every "
                             "cluster; missing for %1")
                             .arg(missing.join(QLatin1String(", ")))};
    }
    return out;
}

// Dynamic weight: the available replicas are the weights (divideReplicasByAvailableReplica).
Result<QMap<QString, qint64>> divideByAvailable(qint64 replicas,
                                                const QStringList &clusters,
                                                const QMap<QString, qint64> &available,
                                                const QMap<QString, qint64> &previous)
{
    qint64 sum = 0;
    QList<WeightedCluster> weighted;
    for (const QString &name : clusters) {
        sum += available.value(name);
        weighted.append({name, available.value(name), previous.value(name)});
    }
    if (sum < replicas) {
        return Error{QStringLiteral("Unschedulable"),
                     QCoreApplication::translate(
                             "Meridian::Placement",
                             "clusters have %1 available replicas, not enough to schedule %2")
                             .arg(sum)
                             .arg(replicas)};
    }
    return divideByWeight(replicas, weighted);
}

// Aggregated: as few clusters as possible, those already holding replicas first, then the
// most available; ties by name (Karmada's sort is unstable there).
Result<QMap<QString, qint64>> divideAggregated(qint64 replicas,
                                               const QStringList &clusters,
                                               const QMap<QString, qint64> &available,
                                               const QMap<QString, qint64> &previous)
{
    QStringList order = clusters;
    std::sort(order.begin(), order.end(), [&](const QString &a, const QString &b) {
        const bool heldA = previous.value(a) > 0;
        const bool heldB = previous.value(b) > 0;
        if (heldA != heldB)
            return heldA;
        if (available.value(a) != available.value(b))
            return available.value(a) > available.value(b);
        return a < b;
    });
    QStringList chosen;
    qint64 sum = 0;
    for (const QString &name : order) {
        if (sum >= replicas)
            break;
        if (available.value(name) <= 0)
            continue;
        chosen.append(name);
        sum += available.value(name);
    }
    return divideByAvailable(replicas, chosen, available, previous);
}

} // namespace

QMap<QString, qint64> divideByWeight(qint64 replicas, QList<WeightedCluster> clusters)
{
    QMap<QString, qint64> result;
    Wide sum = 0;
    for (const WeightedCluster &c : clusters) {
        result.insert(c.name, 0);
        sum += std::max<qint64>(c.weight, 0);
    }
    if (sum == 0 || replicas <= 0)
        return result;
    std::sort(clusters.begin(), clusters.end(), sortsBefore);
    qint64 given = 0;
    for (const WeightedCluster &c : clusters) {
        const qint64 share
                = static_cast<qint64>(Wide(std::max<qint64>(c.weight, 0)) * replicas / sum);
        result[c.name] = share;
        given += share;
    }
    // The remainder is smaller than the number of clusters with a weight.
    qint64 remainder = replicas - given;
    for (const WeightedCluster &c : clusters) {
        if (remainder <= 0)
            break;
        if (c.weight <= 0)
            continue;
        ++result[c.name];
        --remainder;
    }
    return result;
}

Result<PlanResult> planKarmada(const ReplicaPreferences &prefs,
                               qint64 totalReplicas,
                               const QStringList &listed,
                               const QMap<QString, qint64> &previous,
                               const QMap<QString, qint64> &available)
{
    const QStringList clusters = uniqueClusters(listed);
    PlanResult result = zeroPlan(clusters);
    const qint64 total = std::max<qint64>(totalReplicas, 0);

    if (prefs.schedulingType == ReplicaSchedulingType::Duplicated) {
        for (const QString &name : clusters)
            result.plan[name] = total;
        return result;
    }

    if (prefs.division == ReplicaDivision::Weighted && prefs.weightSource == WeightSource::Static) {
        QList<WeightedCluster> weighted;
        for (const QString &name : clusters) {
            const qint64 weight = staticWeight(prefs, name);
            if (weight > 0)
                weighted.append({name, weight, previous.value(name)});
        }
        // No rule gives any candidate a weight: Karmada weighs them all 1.
        if (weighted.isEmpty()) {
            for (const QString &name : clusters)
                weighted.append({name, 1, previous.value(name)});
        }
        const auto shares = divideByWeight(total, weighted);
        for (auto it = shares.cbegin(); it != shares.cend(); ++it)
            result.plan[it.key()] = it.value();
        return result;
    }

    const auto avail = availableFor(clusters, available);
    if (!avail)
        return avail.error();

    // Dynamic weights and Aggregated scale relative to the last result: down in proportion to it,
    // up by placing only the difference (FACTS.md §3.4).
    QMap<QString, qint64> last;
    qint64 assigned = 0;
    for (const QString &name : clusters) {
        const qint64 n = std::max<qint64>(previous.value(name), 0);
        if (n > 0) {
            last.insert(name, n);
            assigned += n;
        }
    }
    if (assigned == total && assigned > 0) {
        for (auto it = last.cbegin(); it != last.cend(); ++it)
            result.plan[it.key()] = it.value();
        return result;
    }
    if (assigned > total) {
        QList<WeightedCluster> weighted;
        for (auto it = last.cbegin(); it != last.cend(); ++it)
            weighted.append({it.key(), it.value(), it.value()});
        const auto shares = divideByWeight(total, weighted);
        for (auto it = shares.cbegin(); it != shares.cend(); ++it)
            result.plan[it.key()] = it.value();
        return result;
    }
    const qint64 delta = total - assigned;
    const auto shares = prefs.division == ReplicaDivision::Aggregated
                                ? divideAggregated(delta, clusters, *avail, last)
                                : divideByAvailable(delta, clusters, *avail, last);
    if (!shares)
        return shares.error();
    for (const QString &name : clusters)
        result.plan[name] = last.value(name) + shares->value(name);
    return result;
}

} // namespace Meridian

#include "core/placement/planner.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace Meridian {

namespace {

// Weight × replicas can exceed int64 for absurd but valid inputs; Go would wrap, we do not.
__extension__ using Wide = __int128;

struct Candidate
{
    QString name;
    ClusterPreference pref;
    quint32 hash = 0;
    std::optional<qint64> capacity;
    qint64 current = 0;
};

} // namespace

ReplicaPreferences ReplicaPreferences::evenSpread()
{
    ReplicaPreferences prefs;
    prefs.clusters.insert(QString(wildcardCluster), ClusterPreference{0, std::nullopt, 1});
    return prefs;
}

quint32 fnv1_32(const char *data, qsizetype size, quint32 seed)
{
    quint32 h = seed;
    for (qsizetype i = 0; i < size; ++i) {
        h *= 16777619u;
        h ^= static_cast<unsigned char>(data[i]);
    }
    return h;
}

quint32 fnv1_32(const QByteArray &bytes)
{
    return fnv1_32(bytes.constData(), bytes.size());
}

PlanResult planFederation(const ReplicaPreferences &prefs,
                          qint64 totalReplicas,
                          const QStringList &clusters,
                          const QMap<QString, qint64> &current,
                          const QMap<QString, qint64> &capacity,
                          const QString &key)
{
    PlanResult result;
    const auto wildcard = prefs.clusters.constFind(QString(wildcardCluster));
    const QByteArray keyBytes = key.toUtf8();

    // 1. The preference list, in input order.
    std::vector<Candidate> list;
    list.reserve(static_cast<size_t>(clusters.size()));
    QSet<QString> seen;
    for (const QString &name : clusters) {
        if (seen.contains(name))
            continue;
        seen.insert(name);
        auto it = prefs.clusters.constFind(name);
        if (it == prefs.clusters.constEnd())
            it = wildcard;
        if (it == prefs.clusters.constEnd()) {
            result.plan.insert(name, 0);
            continue;
        }
        Candidate c;
        c.name = name;
        c.pref = *it;
        const QByteArray nameBytes = name.toUtf8();
        c.hash = fnv1_32(keyBytes.constData(),
                         keyBytes.size(),
                         fnv1_32(nameBytes.constData(), nameBytes.size()));
        if (const auto cap = capacity.constFind(name); cap != capacity.constEnd())
            c.capacity = *cap;
        c.current = current.value(name, 0);
        list.push_back(std::move(c));
    }

    // 2. Weight desc, hash asc. Upstream stops there (an unstable sort); the name as a last key
    // makes the order total, so the plan never depends on the order clusters were listed in.
    std::sort(list.begin(), list.end(), [](const Candidate &a, const Candidate &b) {
        if (a.pref.weight != b.pref.weight)
            return a.pref.weight > b.pref.weight;
        if (a.hash != b.hash)
            return a.hash < b.hash;
        return a.name < b.name;
    });

    const size_t n = list.size();
    std::vector<qint64> plan(n, 0);
    std::vector<qint64> preallocated(n, 0);
    std::vector<std::optional<qint64>> overflow(n);
    qint64 remaining = std::max<qint64>(totalReplicas, 0);

    // 4. Minimums; earlier clusters win when they cannot all be met.
    for (size_t i = 0; i < n; ++i) {
        qint64 m = std::min(list[i].pref.minReplicas, remaining);
        if (list[i].capacity)
            m = std::min(m, *list[i].capacity);
        m = std::max<qint64>(m, 0);
        plan[i] = m;
        remaining -= m;
    }

    // 5. Replicas that already run stay where they are, up to max and capacity.
    if (!prefs.rebalance) {
        for (size_t i = 0; i < n; ++i) {
            if (list[i].current <= plan[i])
                continue;
            qint64 target = list[i].current;
            if (list[i].pref.maxReplicas)
                target = std::min(target, *list[i].pref.maxReplicas);
            if (list[i].capacity)
                target = std::min(target, *list[i].capacity);
            const qint64 extra = std::max<qint64>(0, std::min(target - plan[i], remaining));
            remaining -= extra;
            preallocated[i] = extra;
            plan[i] += extra;
        }
    }

    // 6. Weighted passes, rounding up, until nothing moves.
    std::vector<size_t> active(n);
    for (size_t i = 0; i < n; ++i)
        active[i] = i;
    std::vector<size_t> next;
    bool modified = true;
    while (modified && remaining > 0) {
        modified = false;
        Wide weightSum = 0;
        for (size_t i : active)
            weightSum += list[i].pref.weight;
        const qint64 distribute = remaining;
        next.clear();
        for (size_t i : active) {
            if (weightSum <= 0)
                break;
            const qint64 start = plan[i];
            const Wide share = (Wide(distribute) * list[i].pref.weight + weightSum - 1) / weightSum;
            qint64 extra = static_cast<qint64>(std::min<Wide>(share, remaining));
            const qint64 used = std::min(extra, preallocated[i]);
            preallocated[i] -= used;
            extra -= used;
            if (used > 0)
                modified = true;
            qint64 total = start + extra;
            bool full = false;
            if (list[i].pref.maxReplicas && total > *list[i].pref.maxReplicas) {
                total = *list[i].pref.maxReplicas;
                full = true;
            }
            if (list[i].capacity && total > *list[i].capacity) {
                overflow[i] = total - *list[i].capacity;
                total = *list[i].capacity;
                full = true;
            }
            if (!full)
                next.push_back(i);
            remaining -= total - start;
            plan[i] = total;
            if (total > start)
                modified = true;
        }
        active.swap(next);
    }

    // 7. Without rebalance, overflow only asks for what is still unplaced.
    for (size_t i = 0; i < n; ++i) {
        result.plan.insert(list[i].name, plan[i]);
        if (!overflow[i])
            continue;
        const qint64 value = prefs.rebalance ? *overflow[i] : std::min(*overflow[i], remaining);
        if (value > 0)
            result.overflow.insert(list[i].name, value);
    }
    return result;
}

} // namespace Meridian

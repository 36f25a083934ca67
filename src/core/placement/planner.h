#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Meridian {

// One cluster's entry in the Federation v1 / KubeFed preferences (FACTS.md §1.3).
struct ClusterPreference
{
    qint64 minReplicas = 0;
    std::optional<qint64> maxReplicas; // absent: unbounded
    qint64 weight = 0;

    friend bool operator==(const ClusterPreference &, const ClusterPreference &) = default;
};

// Karmada's replicaScheduling choices (FACTS.md §3.2); the Federation formats are always
// Divided + Weighted + Static.
enum class ReplicaSchedulingType { Divided, Duplicated };
enum class ReplicaDivision { Weighted, Aggregated };
enum class WeightSource { Static, AvailableReplicas };

// The one value every preference format is parsed into (src/placement does the parsing).
struct ReplicaPreferences
{
    bool rebalance = false;
    QMap<QString, ClusterPreference> clusters; // "*" is the wildcard
    std::optional<qint64> totalReplicas;       // only a ReplicaSchedulingPreference carries it
    ReplicaSchedulingType schedulingType = ReplicaSchedulingType::Divided;
    ReplicaDivision division = ReplicaDivision::Weighted;
    WeightSource weightSource = WeightSource::Static;

    // What the engines use when there are no preferences: {"clusters":{"*":{"weight":1}}}.
    static ReplicaPreferences evenSpread();

    friend bool operator==(const ReplicaPreferences &, const ReplicaPreferences &) = default;
};

struct PlanResult
{
    QMap<QString, qint64> plan;     // every available cluster, zero included
    QMap<QString, qint64> overflow; // non-zero entries only

    friend bool operator==(const PlanResult &, const PlanResult &) = default;
};

inline constexpr QLatin1StringView wildcardCluster{"*"};

// Go's hash/fnv.New32(): FNV-1 (multiply, then xor), not FNV-1a.
quint32 fnv1_32(const char *data, qsizetype size, quint32 seed = 2166136261u);
quint32 fnv1_32(const QByteArray &bytes);

// The Federation v1 / KubeFed planner, step for step as FACTS.md §1.5 describes it.
// `clusters` are the available clusters; a cluster listed twice counts once. `capacity` holds
// the estimated capacity of clusters that have one; `key` is "namespace/name".
PlanResult planFederation(const ReplicaPreferences &prefs,
                          qint64 totalReplicas,
                          const QStringList &clusters,
                          const QMap<QString, qint64> &current,
                          const QMap<QString, qint64> &capacity,
                          const QString &key);

} // namespace Meridian

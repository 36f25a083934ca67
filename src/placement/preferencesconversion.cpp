#include "placement/preferencesconversion.h"

#include <QCoreApplication>

namespace Meridian::Placement {

namespace {

QString clusterPath(const QString &name, const char *field)
{
    return QStringLiteral("clusters.") + name + u'.' + QLatin1String(field);
}

} // namespace

QString formatName(PreferencesFormat format)
{
    switch (format) {
    case PreferencesFormat::FederationAnnotation:
        return QCoreApplication::translate("Meridian::Placement",
                                           "Federation preferences annotation");
    case PreferencesFormat::ReplicaSchedulingPreference:
        return QCoreApplication::translate("Meridian::Placement",
                                           "KubeFed ReplicaSchedulingPreference");
    case PreferencesFormat::PropagationPolicy:
        return QCoreApplication::translate("Meridian::Placement", "Karmada PropagationPolicy");
    }
    return QString();
}

Engine engineFor(PreferencesFormat format)
{
    return format == PreferencesFormat::PropagationPolicy ? Engine::Karmada : Engine::Federation;
}

Conversion convertPreferences(const ReplicaPreferences &prefs, PreferencesFormat to)
{
    Conversion out;
    out.preferences = prefs;
    ReplicaPreferences &p = out.preferences;
    QStringList &lost = out.notCarried;

    if (to == PreferencesFormat::PropagationPolicy) {
        if (p.rebalance) {
            lost.append(QCoreApplication::translate(
                    "Meridian::Placement",
                    "rebalance: Karmada has no switch to keep replicas where they run"));
            p.rebalance = false;
        }
        if (p.totalReplicas) {
            lost.append(QCoreApplication::translate(
                                "Meridian::Placement",
                                "totalReplicas (%1): a PropagationPolicy takes the total from the "
                                "workload's spec.replicas")
                                .arg(*p.totalReplicas));
            p.totalReplicas.reset();
        }
        const qint64 wildcardWeight = p.clusters.value(QString(wildcardCluster)).weight;
        const bool hasWildcard = p.clusters.contains(QString(wildcardCluster));
        for (auto it = p.clusters.begin(); it != p.clusters.end();) {
            if (it->minReplicas != 0) {
                lost.append(QCoreApplication::translate(
                                    "Meridian::Placement",
                                    "%1 (%2): Karmada static weights have no per-cluster minimum")
                                    .arg(clusterPath(it.key(), "minReplicas"))
                                    .arg(it->minReplicas));
                it->minReplicas = 0;
            }
            if (it->maxReplicas) {
                lost.append(QCoreApplication::translate(
                                    "Meridian::Placement",
                                    "%1 (%2): Karmada static weights have no per-cluster maximum")
                                    .arg(clusterPath(it.key(), "maxReplicas"))
                                    .arg(*it->maxReplicas));
                it->maxReplicas.reset();
            }
            if (it->weight == 0) {
                lost.append(
                        QCoreApplication::translate(
                                "Meridian::Placement",
                                "%1: weight 0 has no Karmada form (weights are at least 1); the "
                                "cluster is left out")
                                .arg(clusterPath(it.key(), "weight")));
                it = p.clusters.erase(it);
                continue;
            }
            if (hasWildcard && it.key() != wildcardCluster && it->weight < wildcardWeight) {
                lost.append(QCoreApplication::translate(
                                    "Meridian::Placement",
                                    "%1 (%2): Karmada takes the largest matching weight, so the "
                                    "\"*\" rule's %3 applies instead")
                                    .arg(clusterPath(it.key(), "weight"))
                                    .arg(it->weight)
                                    .arg(wildcardWeight));
            }
            ++it;
        }
        return out;
    }

    // Both Federation formats divide by static weights only.
    if (p.schedulingType == ReplicaSchedulingType::Duplicated) {
        lost.append(QCoreApplication::translate(
                "Meridian::Placement",
                "replicaSchedulingType Duplicated: the Federation planner always divides "
                "the replicas"));
        p.schedulingType = ReplicaSchedulingType::Divided;
    }
    if (p.division == ReplicaDivision::Aggregated) {
        lost.append(QCoreApplication::translate(
                "Meridian::Placement",
                "replicaDivisionPreference Aggregated: the Federation planner has no "
                "fewest-clusters mode"));
        p.division = ReplicaDivision::Weighted;
    }
    if (p.weightSource == WeightSource::AvailableReplicas) {
        lost.append(QCoreApplication::translate(
                "Meridian::Placement",
                "weightPreference.dynamicWeight AvailableReplicas: the Federation planner "
                "uses static weights only"));
        p.weightSource = WeightSource::Static;
    }
    if (to == PreferencesFormat::FederationAnnotation && p.totalReplicas) {
        lost.append(QCoreApplication::translate(
                            "Meridian::Placement",
                            "totalReplicas (%1): the annotation takes the total from the object's "
                            "spec.replicas")
                            .arg(*p.totalReplicas));
        p.totalReplicas.reset();
    }
    if (p.clusters.isEmpty()) {
        // Karmada weighs every cluster 1 when no rule applies; that is the Federation wildcard.
        p.clusters = ReplicaPreferences::evenSpread().clusters;
    }
    return out;
}

} // namespace Meridian::Placement

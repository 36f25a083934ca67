#pragma once
// Objects the Karmada tests write to meridian-sim's control plane: a Deployment template and the
// PropagationPolicies that place it. Header-only; include it by relative path.

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace Meridian::TestSupport {

// apps/v1 Deployment NAME (labels app=NAME) with one container "app" running `image`.
inline QJsonObject deploymentJson(const QString &name,
                                  int replicas,
                                  const QString &image = QStringLiteral("nginx:1.27"))
{
    const QJsonObject labels{{QStringLiteral("app"), name}};
    const QJsonObject container{{QStringLiteral("name"), QStringLiteral("app")},
                                {QStringLiteral("image"), image}};
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Deployment")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                       {QStringLiteral("spec"),
                        QJsonObject{{QStringLiteral("replicas"), replicas},
                                    {QStringLiteral("selector"),
                                     QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                    {QStringLiteral("template"),
                                     QJsonObject{{QStringLiteral("metadata"),
                                                  QJsonObject{{QStringLiteral("labels"), labels}}},
                                                 {QStringLiteral("spec"),
                                                  QJsonObject{{QStringLiteral("containers"),
                                                               QJsonArray{container}}}}}}}}};
}

// A PropagationPolicy NAME for Deployment NAME with the given placement.
inline QJsonObject propagationPolicyJson(const QString &name, const QJsonObject &placement)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("policy.karmada.io/v1alpha1")},
                       {QStringLiteral("kind"), QStringLiteral("PropagationPolicy")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                       {QStringLiteral("spec"),
                        QJsonObject{{QStringLiteral("resourceSelectors"),
                                     QJsonArray{QJsonObject{{QStringLiteral("apiVersion"),
                                                             QStringLiteral("apps/v1")},
                                                            {QStringLiteral("kind"),
                                                             QStringLiteral("Deployment")},
                                                            {QStringLiteral("name"), name}}}},
                                    {QStringLiteral("placement"), placement}}}};
}

// Divided by static weights over exactly the weighted clusters.
inline QJsonObject weightedPolicyJson(const QString &name, const QMap<QString, int> &weights)
{
    QJsonArray rules;
    QJsonArray names;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        names.append(it.key());
        rules.append(
                QJsonObject{{QStringLiteral("targetCluster"),
                             QJsonObject{{QStringLiteral("clusterNames"), QJsonArray{it.key()}}}},
                            {QStringLiteral("weight"), it.value()}});
    }
    return propagationPolicyJson(
            name,
            QJsonObject{{QStringLiteral("clusterAffinity"),
                         QJsonObject{{QStringLiteral("clusterNames"), names}}},
                        {QStringLiteral("replicaScheduling"),
                         QJsonObject{{QStringLiteral("replicaSchedulingType"),
                                      QStringLiteral("Divided")},
                                     {QStringLiteral("replicaDivisionPreference"),
                                      QStringLiteral("Weighted")},
                                     {QStringLiteral("weightPreference"),
                                      QJsonObject{{QStringLiteral("staticWeightList"), rules}}}}}});
}

// Weight 1 on each of `clusters`.
inline QJsonObject evenPolicyJson(const QString &name, const QStringList &clusters)
{
    QMap<QString, int> weights;
    for (const QString &cluster : clusters)
        weights.insert(cluster, 1);
    return weightedPolicyJson(name, weights);
}

// Every one of `clusters` runs the full count.
inline QJsonObject duplicatedPolicyJson(const QString &name, const QStringList &clusters)
{
    return propagationPolicyJson(name,
                                 QJsonObject{{QStringLiteral("clusterAffinity"),
                                              QJsonObject{{QStringLiteral("clusterNames"),
                                                           QJsonArray::fromStringList(clusters)}}},
                                             {QStringLiteral("replicaScheduling"),
                                              QJsonObject{{QStringLiteral("replicaSchedulingType"),
                                                           QStringLiteral("Duplicated")}}}});
}

} // namespace Meridian::TestSupport

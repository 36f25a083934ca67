#pragma once

#include "core/result.h"
#include "core/workload.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Meridian::Rollout {

inline constexpr QLatin1StringView revisionAnnotation{"deployment.kubernetes.io/revision"};
inline constexpr QLatin1StringView changeCauseAnnotation{"kubernetes.io/change-cause"};
inline constexpr QLatin1StringView podTemplateHashLabel{"pod-template-hash"};
inline constexpr QLatin1StringView restartedAtAnnotation{"kubectl.kubernetes.io/restartedAt"};

// One revision of one cluster's Deployment: a ReplicaSet it controls (FACTS.md §4.2).
struct Revision
{
    qint64 number = 0;
    QString changeCause;
    QJsonObject podTemplate; // rs.spec.template as stored (pod-template-hash label included)
    QJsonObject annotations; // the ReplicaSet's
    QString replicaSet;
    QDateTime created;
    QList<ContainerImage> images;
    QString templateKey; // identifies the template across clusters
    qint64 replicas = 0; // rs.status.replicas

    friend bool operator==(const Revision &, const Revision &) = default;
};

// The pod template with the pod-template-hash label removed (and labels dropped when that leaves
// none), as kubectl compares templates.
QJsonObject withoutTemplateHash(QJsonObject podTemplate);
// A stable key for a template: compact JSON with sorted keys, hash label removed.
QString templateKey(const QJsonObject &podTemplate);
QList<ContainerImage> imagesOf(const QJsonObject &podTemplate);

// kubectl's history: the ReplicaSets `deployment` controls (ownerReference uid + controller),
// those with a readable revision annotation, ascending by revision. `replicaSets` are those the
// Deployment's selector matched.
QList<Revision> revisionsOf(const QJsonObject &deployment, const QList<QJsonObject> &replicaSets);

// `kubectl rollout history deployment/NAME` exactly:
// "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n".
QString formatHistory(const QString &deploymentName, const QList<Revision> &revisions);

// One row of the history aligned across clusters: one pod template, and its revision in each
// cluster that has it (numbers may differ between clusters).
struct AlignedRevision
{
    QString templateKey;
    QList<ContainerImage> images;
    QString changeCause;              // the first cluster's (clusters sorted by name)
    QMap<QString, Revision> clusters; // by cluster
    QStringList currentIn;            // clusters whose Deployment runs this template now

    qint64 revisionIn(const QString &cluster) const; // 0 when absent
    QString imagesText() const;
    friend bool operator==(const AlignedRevision &, const AlignedRevision &) = default;
};

// Rows oldest first, like kubectl's history: a row's age is its distance from each cluster's
// newest revision (the smallest distance over clusters decides, ties by the oldest ReplicaSet).
// `current` is each cluster's Deployment spec.template, to mark the rows that run now.
QList<AlignedRevision> alignHistory(const QMap<QString, QList<Revision>> &byCluster,
                                    const QMap<QString, QJsonObject> &currentTemplates = {});

} // namespace Meridian::Rollout

Q_DECLARE_METATYPE(Meridian::Rollout::AlignedRevision)

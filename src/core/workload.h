#pragma once

#include "core/placement/planner.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Meridian {

struct ContainerImage
{
    QString container;
    QString image;

    friend bool operator==(const ContainerImage &, const ContainerImage &) = default;
};

struct WorkloadCondition
{
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;

    friend bool operator==(const WorkloadCondition &, const WorkloadCondition &) = default;
};

// One member cluster's Deployment of a federated workload, as its status says.
struct MemberStatus
{
    qint64 desired = 0; // spec.replicas
    qint64 updated = 0;
    qint64 ready = 0;
    qint64 available = 0;
    qint64 unavailable = 0;
    QList<ContainerImage> images; // spec.template containers, in order
    QString revision;             // deployment.kubernetes.io/revision
    qint64 observedGeneration = 0;
    qint64 generation = 0;
    QList<WorkloadCondition> conditions;
    bool paused = false;
    QString templateHash; // of spec.template, to tell clusters running different pod templates
    QString preferences;  // the raw preferences annotation, empty when absent

    // Filled in by aggregateWorkload():
    std::optional<qint64> planned; // what the plan gives this cluster
    bool templateDrift = false;    // the pod template differs from the majority's
    bool imageDrift = false;       // the images differ from the majority's
    bool replicaDrift = false;     // desired differs from the plan

    bool hasDrift() const { return templateDrift || imageDrift || replicaDrift; }
    QString imagesText() const; // "app=nginx:1.27, sidecar=envoy:1.30"

    friend bool operator==(const MemberStatus &, const MemberStatus &) = default;
};

struct WorkloadTotals
{
    qint64 desired = 0;
    qint64 updated = 0;
    qint64 ready = 0;
    qint64 available = 0;
    qint64 unavailable = 0;

    friend bool operator==(const WorkloadTotals &, const WorkloadTotals &) = default;
};

// The Deployments that share one namespace/name across the member clusters.
struct FederatedWorkload
{
    QString ns;
    QString name;
    QMap<QString, MemberStatus> clusters; // by member (kubeconfig context)
    WorkloadTotals totals;
    ReplicaPreferences preferences;
    QStringList notes;       // where defaults were applied (no or unreadable annotation, ...)
    qint64 plannedTotal = 0; // the total the plan divides
    QMap<QString, qint64> plan;
    QMap<QString, qint64> overflow;
    // The object the placement was read from, when an engine reads it from one (Karmada:
    // "PropagationPolicy" or "ClusterPropagationPolicy", and its name); empty otherwise.
    QString placementKind;
    QString placementName;
    bool templateDrift = false;
    bool imageDrift = false;
    bool replicaDrift = false;

    QString key() const { return ns + u'/' + name; }
    bool hasDrift() const { return templateDrift || imageDrift || replicaDrift; }
    QStringList driftedClusters() const;

    friend bool operator==(const FederatedWorkload &, const FederatedWorkload &) = default;
};

using FederatedWorkloadList = QList<FederatedWorkload>;

// Reads one apps/v1 Deployment object. Pure; decoding happens on the API worker thread.
MemberStatus memberStatusFromDeployment(const QJsonObject &deployment);

// Totals, drift and the Federation v1 plan for one workload. `prefs` are the parsed preferences
// (the engine parses the annotation); `availableClusters` are the members the plan may use;
// `explicitTotal` overrides the sum of desired replicas (a ReplicaSchedulingPreference total).
FederatedWorkload aggregateWorkload(const QString &ns,
                                    const QString &name,
                                    const QMap<QString, MemberStatus> &members,
                                    const ReplicaPreferences &prefs,
                                    const QStringList &availableClusters,
                                    const QStringList &notes = {});

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::FederatedWorkload)
Q_DECLARE_METATYPE(Meridian::FederatedWorkloadList)

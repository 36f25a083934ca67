#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace Meridian {

// One pod of a federated workload, as the details pane lists it (kubectl get pods' columns).
struct PodInsight
{
    QString cluster;
    QString name;
    QString status;     // kubectl's STATUS: Running, Pending, ContainerCreating, ImagePullBackOff,
                        // CrashLoopBackOff, Unschedulable, Terminating, Completed, Error, ...
    bool ready = false; // the Ready condition is True
    int readyContainers = 0;
    int containers = 0;
    int restarts = 0;
    QString node;
    QString revision; // the owning ReplicaSet's deployment.kubernetes.io/revision
    QDateTime created;

    // Not running as it should: not ready, or in a waiting/failed state.
    bool needsAttention() const;
    friend bool operator==(const PodInsight &, const PodInsight &) = default;
};

// One Event about the workload's Deployment, its ReplicaSets or its pods.
struct EventInsight
{
    QString cluster;
    QDateTime lastSeen;
    QString type; // Normal, Warning
    QString reason;
    QString objectKind;
    QString objectName;
    QString message;
    int count = 1;
    QString source; // reportingComponent or source.component

    bool isWarning() const { return type == QLatin1String("Warning"); }
    friend bool operator==(const EventInsight &, const EventInsight &) = default;
};

// What the member clusters' caches say about one federated workload beyond the Deployments:
// its pods and recent events, from every member. Built on the API worker thread.
struct WorkloadInsight
{
    QString ns;
    QString name;
    QList<PodInsight> pods;       // by cluster, then name
    QList<EventInsight> events;   // newest first, at most kMaxEvents
    qsizetype droppedEvents = 0;  // older events beyond kMaxEvents
    QMap<QString, QString> notes; // per cluster: why its pods or events are missing

    static constexpr qsizetype kMaxEvents = 200;
    QString key() const { return ns + u'/' + name; }
    friend bool operator==(const WorkloadInsight &, const WorkloadInsight &) = default;
};

// kubectl's STATUS column for one pod (a deleting pod is Terminating, else the first
// container's waiting or terminated reason, else Unschedulable, else the status reason or
// phase).
QString podStatusText(const QJsonObject &pod);

// One member's part: the pods the Deployment's ReplicaSets own and the events about any of
// them. `replicaSets` and `pods` may hold others (they are filtered by owner); `events` may too.
struct MemberInsight
{
    QList<PodInsight> pods;
    QList<EventInsight> events;
};
MemberInsight memberInsight(const QString &cluster,
                            const QString &deploymentName,
                            const QList<QJsonObject> &replicaSets,
                            const QList<QJsonObject> &pods,
                            const QList<QJsonObject> &events);

// Sorts and trims a whole insight: pods by cluster and name, events newest first and capped.
void finishInsight(WorkloadInsight &insight);

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::WorkloadInsight)

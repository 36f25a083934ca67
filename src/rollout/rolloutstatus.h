#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Meridian::Rollout {

// A pod of the rollout that cannot make progress, and why.
struct PodProblem
{
    QString pod;
    QString reason; // ImagePullBackOff, ErrImagePull, CrashLoopBackOff, CreateContainerConfigError,
                    // CreateContainerError, Unschedulable
    QString message; // the container's waiting message or the scheduler's

    friend bool operator==(const PodProblem &, const PodProblem &) = default;
};

// One cluster's rollout as `kubectl rollout status` sees it (FACTS.md §4.5), plus counts.
struct RolloutState
{
    enum class Phase {
        Missing, // no such Deployment
        Waiting, // still rolling out (or the spec update not yet observed)
        Paused,  // spec.paused (whatever kubectl's message says): nothing moves until resumed
        Done,    // successfully rolled out
        Failed,  // exceeded its progress deadline, or the requested revision differs
    };
    Phase phase = Phase::Missing;
    QString message; // kubectl's line, without the trailing newline
    qint64 desired = 0;
    qint64 updated = 0;
    qint64 ready = 0;
    qint64 available = 0;
    qint64 total = 0;                // status.replicas, old pods included
    bool availableCondition = false; // the Available condition is True
    QString revision;
    qint64 progressDeadlineSeconds = 600;
    QList<PodProblem> problems;

    bool isFinal() const { return phase == Phase::Done || phase == Phase::Failed; }
    // "ImagePullBackOff (2 pods): Back-off pulling image "nginx:broken"", empty if none.
    QString problemSummary() const;
    friend bool operator==(const RolloutState &, const RolloutState &) = default;
};

QString phaseName(RolloutState::Phase phase); // translated, for tables and the GUI

// kubectl's DeploymentStatusViewer, word for word (messages untranslated like kubectl's).
// `revision` > 0 requires that revision (an error otherwise, as kubectl's --revision).
RolloutState rolloutStatus(const QJsonObject &deployment, qint64 revision = 0);

// The pods of the Deployment's newest ReplicaSet (or, without one, every pod its ReplicaSets
// own) that are stuck: a container waiting with ImagePullBackOff, ErrImagePull,
// CrashLoopBackOff, CreateContainerConfigError or CreateContainerError, or PodScheduled False
// with reason Unschedulable.
QList<PodProblem> podProblems(const QJsonObject &deployment,
                              const QList<QJsonObject> &replicaSets,
                              const QList<QJsonObject> &pods);

} // namespace Meridian::Rollout

Q_DECLARE_METATYPE(Meridian::Rollout::RolloutState)

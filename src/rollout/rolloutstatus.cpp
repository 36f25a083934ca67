#include "rollout/rolloutstatus.h"

#include "rollout/history.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Meridian::Rollout", text, disambiguation, n);
}

QJsonObject condition(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == type)
            return c.toObject();
    }
    return {};
}

} // namespace

QString RolloutState::problemSummary() const
{
    if (problems.isEmpty())
        return {};
    QMap<QString, int> counts;
    for (const PodProblem &p : problems)
        counts[p.reason] += 1;
    // The most common reason first, with the first pod's message for it.
    QString top;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (top.isEmpty() || it.value() > counts.value(top))
            top = it.key();
    }
    QString message;
    for (const PodProblem &p : problems) {
        if (p.reason == top) {
            message = p.message;
            break;
        }
    }
    const int n = counts.value(top);
    QString text = n == 1 ? QCoreApplication::translate("Meridian::Rollout", "%1 (1 pod)").arg(top)
                          : QCoreApplication::translate("Meridian::Rollout", "%1 (%2 pods)")
                                    .arg(top)
                                    .arg(n);
    if (!message.isEmpty())
        text += u": "_s + message;
    return text;
}

QString phaseName(RolloutState::Phase phase)
{
    switch (phase) {
    case RolloutState::Phase::Missing: return tr("Missing", "rollout state");
    case RolloutState::Phase::Waiting: return tr("Progressing", "rollout state");
    case RolloutState::Phase::Paused: return tr("Paused", "rollout state");
    case RolloutState::Phase::Done: return tr("Rolled out", "rollout state");
    case RolloutState::Phase::Failed: return tr("Failed", "rollout state");
    }
    return {};
}

RolloutState rolloutStatus(const QJsonObject &deployment, qint64 revision)
{
    RolloutState state;
    if (deployment.isEmpty())
        return state;
    const QJsonObject metadata = deployment.value(u"metadata").toObject();
    const QJsonObject spec = deployment.value(u"spec").toObject();
    const QJsonObject status = deployment.value(u"status").toObject();
    const QString name = metadata.value(u"name").toString();
    state.desired = spec.value(u"replicas").toInteger(1);
    state.updated = status.value(u"updatedReplicas").toInteger();
    state.ready = status.value(u"readyReplicas").toInteger();
    state.available = status.value(u"availableReplicas").toInteger();
    state.total = status.value(u"replicas").toInteger();
    state.revision = metadata.value(u"annotations").toObject().value(revisionAnnotation).toString();
    state.progressDeadlineSeconds = spec.value(u"progressDeadlineSeconds").toInteger(600);
    state.availableCondition
            = condition(status, u"Available"_s).value(u"status").toString() == u"True";

    if (revision > 0) {
        const qint64 running = state.revision.toLongLong();
        if (revision != running) {
            state.phase = RolloutState::Phase::Failed;
            state.message = u"desired revision (%1) is different from the running revision (%2)"_s
                                    .arg(revision)
                                    .arg(running);
            return state;
        }
    }
    const qint64 generation = metadata.value(u"generation").toInteger();
    const qint64 observed = status.value(u"observedGeneration").toInteger();
    if (generation <= observed) {
        const QJsonObject progressing = condition(status, u"Progressing"_s);
        if (progressing.value(u"reason").toString() == u"ProgressDeadlineExceeded") {
            state.phase = RolloutState::Phase::Failed;
            state.message = u"deployment \"%1\" exceeded its progress deadline"_s.arg(name);
            return state;
        }
        state.phase = spec.value(u"paused").toBool() ? RolloutState::Phase::Paused
                                                     : RolloutState::Phase::Waiting;
        if (spec.contains(u"replicas") && state.updated < state.desired) {
            state.message = u"Waiting for deployment \"%1\" rollout to finish: %2 out of %3 new "
                            "replicas have been updated..."_s.arg(name)
                                    .arg(state.updated)
                                    .arg(state.desired);
        } else if (state.total > state.updated) {
            state.message = u"Waiting for deployment \"%1\" rollout to finish: %2 old replicas "
                            "are pending termination..."_s.arg(name)
                                    .arg(state.total - state.updated);
        } else if (state.available < state.updated) {
            state.message = u"Waiting for deployment \"%1\" rollout to finish: %2 of %3 updated "
                            "replicas are available..."_s.arg(name)
                                    .arg(state.available)
                                    .arg(state.updated);
        } else {
            state.phase = spec.value(u"paused").toBool() ? RolloutState::Phase::Paused
                                                         : RolloutState::Phase::Done;
            state.message = u"deployment \"%1\" successfully rolled out"_s.arg(name);
        }
        return state;
    }
    state.phase = spec.value(u"paused").toBool() ? RolloutState::Phase::Paused
                                                 : RolloutState::Phase::Waiting;
    state.message = u"Waiting for deployment spec update to be observed..."_s;
    return state;
}

QList<PodProblem> podProblems(const QJsonObject &deployment,
                              const QList<QJsonObject> &replicaSets,
                              const QList<QJsonObject> &pods)
{
    static const QStringList waitingReasons = {u"ImagePullBackOff"_s,
                                               u"ErrImagePull"_s,
                                               u"CrashLoopBackOff"_s,
                                               u"CreateContainerConfigError"_s,
                                               u"CreateContainerError"_s};
    const QString uid = deployment.value(u"metadata").toObject().value(u"uid").toString();
    const QString currentKey
            = templateKey(deployment.value(u"spec").toObject().value(u"template").toObject());
    QStringList owned; // uids of the Deployment's ReplicaSets
    QString newest;    // uid of the one with the current template
    for (const QJsonObject &rs : replicaSets) {
        const QJsonObject meta = rs.value(u"metadata").toObject();
        bool controlled = false;
        for (const QJsonValue &ref : meta.value(u"ownerReferences").toArray()) {
            controlled = controlled
                         || (ref.toObject().value(u"controller").toBool()
                             && ref.toObject().value(u"uid").toString() == uid);
        }
        if (!controlled)
            continue;
        owned.append(meta.value(u"uid").toString());
        if (templateKey(rs.value(u"spec").toObject().value(u"template").toObject()) == currentKey)
            newest = meta.value(u"uid").toString();
    }
    QList<PodProblem> problems;
    for (const QJsonObject &pod : pods) {
        const QJsonObject meta = pod.value(u"metadata").toObject();
        bool ours = false;
        for (const QJsonValue &ref : meta.value(u"ownerReferences").toArray()) {
            const QString owner = ref.toObject().value(u"uid").toString();
            ours = ours || (newest.isEmpty() ? owned.contains(owner) : owner == newest);
        }
        if (!ours || meta.contains(u"deletionTimestamp"))
            continue;
        const QJsonObject status = pod.value(u"status").toObject();
        const QString name = meta.value(u"name").toString();
        const QJsonObject scheduled = condition(status, u"PodScheduled"_s);
        if (scheduled.value(u"status").toString() == u"False"
            && scheduled.value(u"reason").toString() == u"Unschedulable") {
            problems.append({name, u"Unschedulable"_s, scheduled.value(u"message").toString()});
            continue;
        }
        for (const QString &list : {u"initContainerStatuses"_s, u"containerStatuses"_s}) {
            bool found = false;
            for (const QJsonValue &c : status.value(list).toArray()) {
                const QJsonObject waiting
                        = c.toObject().value(u"state").toObject().value(u"waiting").toObject();
                const QString reason = waiting.value(u"reason").toString();
                if (waitingReasons.contains(reason)) {
                    problems.append({name, reason, waiting.value(u"message").toString()});
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
    }
    return problems;
}

} // namespace Meridian::Rollout

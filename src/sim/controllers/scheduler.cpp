#include "sim/controllers/scheduler.h"

#include "sim/controllers/eventrecorder.h"
#include "sim/controllers/kubeobject.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers {

namespace {

struct NodeUsage
{
    QJsonObject node;
    QString zone;
    qint64 pods = 0;
    qint64 cpuMilli = 0;
    qint64 memoryMilli = 0;
    QHash<QString, int> byOwner; // controller uid -> pods on this node
};

QString ownerKey(const QJsonObject &pod)
{
    const QString owner = Kube::controllerUid(pod);
    return owner.isEmpty() ? Kube::uid(pod) : owner;
}

} // namespace

Scheduler::Scheduler(EventRecorder *events, const ControllerOptions &options)
    : m_events(events)
    , m_options(options)
{}

void Scheduler::reconcile(ObjectStore &store, const QDateTime &now)
{
    const QList<QJsonObject> pods = store.list(u"pods"_s, {});
    QList<QJsonObject> pending;
    QMap<QString, NodeUsage> nodes;
    for (const QJsonObject &node : store.list(u"nodes"_s, {})) {
        NodeUsage usage;
        usage.node = node;
        usage.zone = Kube::labels(node).value(u"topology.kubernetes.io/zone").toString();
        nodes.insert(Kube::name(node), usage);
    }
    QHash<QString, int> podsInZone; // zone + owner -> count
    QSet<QString> liveUids;
    for (const QJsonObject &pod : pods) {
        liveUids.insert(Kube::uid(pod));
        if (!Kube::podActive(pod))
            continue;
        const QString nodeName = Kube::value(pod, u"spec.nodeName").toString();
        const QString scheduler = Kube::value(pod, u"spec.schedulerName").toString();
        if (nodeName.isEmpty()) {
            if (scheduler.isEmpty() || scheduler == u"default-scheduler")
                pending.append(pod);
            continue;
        }
        auto it = nodes.find(nodeName);
        if (it == nodes.end())
            continue;
        const QJsonObject spec = pod.value(u"spec").toObject();
        it->pods += 1;
        it->cpuMilli += Kube::podRequestMilli(spec, u"cpu"_s);
        it->memoryMilli += Kube::podRequestMilli(spec, u"memory"_s);
        it->byOwner[ownerKey(pod)] += 1;
        podsInZone[it->zone + u'/' + ownerKey(pod)] += 1;
    }
    for (auto it = m_failed.begin(); it != m_failed.end();) {
        if (liveUids.contains(it.key()))
            ++it;
        else
            it = m_failed.erase(it);
    }
    // The scheduling queue is FIFO by creation time.
    std::stable_sort(pending.begin(),
                     pending.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         return Kube::creationTimestamp(a) < Kube::creationTimestamp(b);
                     });

    const EventRecorder::Source source{u"default-scheduler"_s, {}};
    for (QJsonObject pod : pending) {
        const QJsonObject spec = pod.value(u"spec").toObject();
        const qint64 cpu = Kube::podRequestMilli(spec, u"cpu"_s);
        const qint64 memory = Kube::podRequestMilli(spec, u"memory"_s);
        const QJsonObject nodeSelector = spec.value(u"nodeSelector").toObject();
        const QString owner = ownerKey(pod);
        QMap<QString, int> reasons;
        NodeUsage *best = nullptr;
        std::tuple<int, int, qint64, QString> bestScore;
        for (NodeUsage &n : nodes) {
            const QJsonObject allocatable = Kube::value(n.node, u"status.allocatable").toObject();
            QStringList failures;
            if (!Kube::conditionTrue(n.node.value(u"status").toObject(), u"Ready"_s))
                failures.append(
                        u"node(s) had untolerated taint {node.kubernetes.io/not-ready: }"_s);
            if (Kube::value(n.node, u"spec.unschedulable").toBool())
                failures.append(u"node(s) were unschedulable"_s);
            bool selected = true;
            const QJsonObject labels = Kube::labels(n.node);
            for (auto s = nodeSelector.begin(); s != nodeSelector.end(); ++s)
                selected = selected && labels.value(s.key()) == *s;
            if (!selected)
                failures.append(u"node(s) didn't match Pod's node affinity/selector"_s);
            if (n.pods + 1 > allocatable.value(u"pods").toString().toLongLong())
                failures.append(u"Too many pods"_s);
            const qint64 cpuAllocatable = Kube::parseQuantityMilli(allocatable.value(u"cpu"));
            if (cpu > 0 && n.cpuMilli + cpu > cpuAllocatable)
                failures.append(u"Insufficient cpu"_s);
            if (memory > 0
                && n.memoryMilli + memory > Kube::parseQuantityMilli(allocatable.value(u"memory")))
                failures.append(u"Insufficient memory"_s);
            if (!failures.isEmpty()) {
                for (const QString &f : std::as_const(failures))
                    reasons[f] += 1;
                continue;
            }
            // PodTopologySpread-like: fewest siblings in the zone, then on the node, then the
            // least requested cpu; the name breaks ties so placement is reproducible.
            const qint64 cpuPermille
                    = cpuAllocatable > 0 ? (n.cpuMilli + cpu) * 1000 / cpuAllocatable : 0;
            const auto score = std::make_tuple(podsInZone.value(n.zone + u'/' + owner),
                                               n.byOwner.value(owner),
                                               cpuPermille,
                                               Kube::name(n.node));
            if (!best || score < bestScore) {
                best = &n;
                bestScore = score;
            }
        }

        if (!best) {
            QStringList parts;
            for (auto r = reasons.begin(); r != reasons.end(); ++r)
                parts.append(QString::number(r.value()) + u' ' + r.key());
            std::sort(parts.begin(), parts.end());
            const QString message = u"%1/%2 nodes are available: %3."_s.arg(0)
                                            .arg(nodes.size())
                                            .arg(parts.join(u", "_s));
            Attempt &last = m_failed[Kube::uid(pod)];
            const bool changed = last.message != message;
            if (changed || !last.at.isValid()
                || last.at.secsTo(now) >= m_options.failedSchedulingRepeatSeconds) {
                m_events->record(store,
                                 now,
                                 source,
                                 pod,
                                 u"Warning"_s,
                                 u"FailedScheduling"_s,
                                 message);
                last = {message, now};
            }
            QJsonObject status = pod.value(u"status").toObject();
            const auto current = Kube::condition(status, u"PodScheduled"_s);
            if (!current || current->value(u"message").toString() != message) {
                QJsonArray conditions;
                for (const QJsonValue &c : status.value(u"conditions").toArray()) {
                    if (c.toObject().value(u"type").toString() != u"PodScheduled")
                        conditions.append(c);
                }
                conditions.append(QJsonObject{{u"type"_s, u"PodScheduled"_s},
                                              {u"status"_s, u"False"_s},
                                              {u"lastProbeTime"_s, QJsonValue::Null},
                                              {u"lastTransitionTime"_s,
                                               current ? current->value(u"lastTransitionTime")
                                                       : QJsonValue(Kube::formatTime(now))},
                                              {u"reason"_s, u"Unschedulable"_s},
                                              {u"message"_s, message}});
                status.insert(u"conditions", conditions);
                pod.insert(u"status", status);
                store.updateStatus(u"pods"_s, pod);
            }
            continue;
        }

        const QString nodeName = Kube::name(best->node);
        Kube::setValue(pod, u"spec.nodeName", nodeName);
        pod = store.update(u"pods"_s, pod);
        QJsonObject status = pod.value(u"status").toObject();
        QJsonArray conditions;
        for (const QJsonValue &c : status.value(u"conditions").toArray()) {
            if (c.toObject().value(u"type").toString() != u"PodScheduled")
                conditions.append(c);
        }
        conditions.append(QJsonObject{{u"type"_s, u"PodScheduled"_s},
                                      {u"status"_s, u"True"_s},
                                      {u"lastProbeTime"_s, QJsonValue::Null},
                                      {u"lastTransitionTime"_s, Kube::formatTime(now)}});
        status.insert(u"conditions", conditions);
        pod.insert(u"status", status);
        pod = store.updateStatus(u"pods"_s, pod);
        m_failed.remove(Kube::uid(pod));
        m_events->record(store,
                         now,
                         source,
                         pod,
                         u"Normal"_s,
                         u"Scheduled"_s,
                         u"Successfully assigned %1/%2 to %3"_s.arg(Kube::ns(pod),
                                                                    Kube::name(pod),
                                                                    nodeName));
        best->pods += 1;
        best->cpuMilli += cpu;
        best->memoryMilli += memory;
        best->byOwner[owner] += 1;
        podsInZone[best->zone + u'/' + owner] += 1;
    }
}

} // namespace Meridian::Sim::Controllers

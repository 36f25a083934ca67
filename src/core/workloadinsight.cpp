#include "workloadinsight.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Meridian {

namespace {

QJsonObject objectAt(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toObject();
}

QString stringAt(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QDateTime timeOf(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

// Whether `object` is owned by a `kind` named `name`.
bool ownedBy(const QJsonObject &object, QLatin1StringView kind, const QString &name)
{
    for (const QJsonValue &ref : objectAt(object, QLatin1StringView("metadata"))
                                         .value(QLatin1StringView("ownerReferences"))
                                         .toArray()) {
        const QJsonObject r = ref.toObject();
        if (stringAt(r, QLatin1StringView("kind")) == kind
            && stringAt(r, QLatin1StringView("name")) == name)
            return true;
    }
    return false;
}

} // namespace

bool PodInsight::needsAttention() const
{
    return !ready || (status != QLatin1String("Running") && status != QLatin1String("Completed"));
}

QString podStatusText(const QJsonObject &pod)
{
    const QJsonObject metadata = objectAt(pod, QLatin1StringView("metadata"));
    if (metadata.contains(QLatin1StringView("deletionTimestamp")))
        return QStringLiteral("Terminating");
    const QJsonObject status = objectAt(pod, QLatin1StringView("status"));
    QString terminated;
    for (const QJsonValue &value : status.value(QLatin1StringView("containerStatuses")).toArray()) {
        const QJsonObject state = value.toObject().value(QLatin1StringView("state")).toObject();
        const QString waiting = state.value(QLatin1StringView("waiting"))
                                        .toObject()
                                        .value(QLatin1StringView("reason"))
                                        .toString();
        if (!waiting.isEmpty())
            return waiting;
        if (terminated.isEmpty() && state.contains(QLatin1StringView("terminated"))) {
            terminated = state.value(QLatin1StringView("terminated"))
                                 .toObject()
                                 .value(QLatin1StringView("reason"))
                                 .toString(QStringLiteral("Terminated"));
        }
    }
    if (!terminated.isEmpty())
        return terminated;
    for (const QJsonValue &value : status.value(QLatin1StringView("conditions")).toArray()) {
        const QJsonObject c = value.toObject();
        if (stringAt(c, QLatin1StringView("type")) == QLatin1String("PodScheduled")
            && stringAt(c, QLatin1StringView("status")) == QLatin1String("False"))
            return stringAt(c, QLatin1StringView("reason")).isEmpty()
                           ? QStringLiteral("Pending")
                           : stringAt(c, QLatin1StringView("reason"));
    }
    const QString reason = stringAt(status, QLatin1StringView("reason"));
    if (!reason.isEmpty())
        return reason;
    const QString phase = stringAt(status, QLatin1StringView("phase"));
    if (phase == QLatin1String("Succeeded"))
        return QStringLiteral("Completed");
    return phase.isEmpty() ? QStringLiteral("Pending") : phase;
}

MemberInsight memberInsight(const QString &cluster,
                            const QString &deploymentName,
                            const QList<QJsonObject> &replicaSets,
                            const QList<QJsonObject> &pods,
                            const QList<QJsonObject> &events)
{
    MemberInsight out;
    QHash<QString, QString> revisionOf; // ReplicaSet name -> revision
    for (const QJsonObject &rs : replicaSets) {
        if (!ownedBy(rs, QLatin1StringView("Deployment"), deploymentName))
            continue;
        const QJsonObject metadata = objectAt(rs, QLatin1StringView("metadata"));
        revisionOf.insert(stringAt(metadata, QLatin1StringView("name")),
                          objectAt(metadata, QLatin1StringView("annotations"))
                                  .value(QLatin1StringView("deployment.kubernetes.io/revision"))
                                  .toString());
    }
    QSet<QString> objects{QStringLiteral("Deployment/") + deploymentName};
    for (auto it = revisionOf.cbegin(); it != revisionOf.cend(); ++it)
        objects.insert(QStringLiteral("ReplicaSet/") + it.key());

    for (const QJsonObject &pod : pods) {
        const QJsonObject metadata = objectAt(pod, QLatin1StringView("metadata"));
        QString owner;
        for (const QJsonValue &ref :
             metadata.value(QLatin1StringView("ownerReferences")).toArray()) {
            const QJsonObject r = ref.toObject();
            if (stringAt(r, QLatin1StringView("kind")) == QLatin1String("ReplicaSet")
                && revisionOf.contains(stringAt(r, QLatin1StringView("name"))))
                owner = stringAt(r, QLatin1StringView("name"));
        }
        if (owner.isEmpty())
            continue;
        PodInsight p;
        p.cluster = cluster;
        p.name = stringAt(metadata, QLatin1StringView("name"));
        p.status = podStatusText(pod);
        p.created = timeOf(stringAt(metadata, QLatin1StringView("creationTimestamp")));
        p.revision = revisionOf.value(owner);
        p.node = objectAt(pod, QLatin1StringView("spec"))
                         .value(QLatin1StringView("nodeName"))
                         .toString();
        const QJsonObject status = objectAt(pod, QLatin1StringView("status"));
        for (const QJsonValue &value : status.value(QLatin1StringView("conditions")).toArray()) {
            const QJsonObject c = value.toObject();
            if (stringAt(c, QLatin1StringView("type")) == QLatin1String("Ready"))
                p.ready = stringAt(c, QLatin1StringView("status")) == QLatin1String("True");
        }
        const QJsonArray containers
                = status.value(QLatin1StringView("containerStatuses")).toArray();
        p.containers = int(std::max(containers.size(),
                                    objectAt(pod, QLatin1StringView("spec"))
                                            .value(QLatin1StringView("containers"))
                                            .toArray()
                                            .size()));
        for (const QJsonValue &value : containers) {
            const QJsonObject c = value.toObject();
            p.restarts += c.value(QLatin1StringView("restartCount")).toInt();
            if (c.value(QLatin1StringView("ready")).toBool())
                ++p.readyContainers;
        }
        objects.insert(QStringLiteral("Pod/") + p.name);
        out.pods.append(p);
    }

    for (const QJsonObject &event : events) {
        const QJsonObject involved = objectAt(event, QLatin1StringView("involvedObject"));
        const QString kind = stringAt(involved, QLatin1StringView("kind"));
        const QString name = stringAt(involved, QLatin1StringView("name"));
        if (!objects.contains(kind + u'/' + name))
            continue;
        EventInsight e;
        e.cluster = cluster;
        e.type = stringAt(event, QLatin1StringView("type"));
        e.reason = stringAt(event, QLatin1StringView("reason"));
        e.objectKind = kind;
        e.objectName = name;
        e.message = stringAt(event, QLatin1StringView("message"));
        const QJsonObject series = objectAt(event, QLatin1StringView("series"));
        for (const QString &time : {stringAt(event, QLatin1StringView("lastTimestamp")),
                                    stringAt(series, QLatin1StringView("lastObservedTime")),
                                    stringAt(event, QLatin1StringView("eventTime")),
                                    stringAt(event, QLatin1StringView("firstTimestamp")),
                                    stringAt(objectAt(event, QLatin1StringView("metadata")),
                                             QLatin1StringView("creationTimestamp"))}) {
            e.lastSeen = timeOf(time);
            if (e.lastSeen.isValid())
                break;
        }
        e.count = std::max({1,
                            event.value(QLatin1StringView("count")).toInt(),
                            series.value(QLatin1StringView("count")).toInt()});
        e.source = stringAt(event, QLatin1StringView("reportingComponent"));
        if (e.source.isEmpty())
            e.source = stringAt(objectAt(event, QLatin1StringView("source")),
                                QLatin1StringView("component"));
        out.events.append(e);
    }
    return out;
}

void finishInsight(WorkloadInsight &insight)
{
    std::sort(insight.pods.begin(),
              insight.pods.end(),
              [](const PodInsight &a, const PodInsight &b) {
                  return std::tie(a.cluster, a.name) < std::tie(b.cluster, b.name);
              });
    std::stable_sort(insight.events.begin(),
                     insight.events.end(),
                     [](const EventInsight &a, const EventInsight &b) {
                         return a.lastSeen > b.lastSeen;
                     });
    if (insight.events.size() > WorkloadInsight::kMaxEvents) {
        insight.droppedEvents += insight.events.size() - WorkloadInsight::kMaxEvents;
        insight.events.resize(WorkloadInsight::kMaxEvents);
    }
}

} // namespace Meridian

#include "sim/clusterlogs.h"

#include "sim/clusterstate.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::ClusterLogs {

namespace {

QJsonObject containerStatus(const QJsonObject &pod, const QString &container)
{
    const QJsonArray statuses = pod.value(u"status")[u"containerStatuses"].toArray();
    for (const QJsonValue &status : statuses) {
        if (status[u"name"].toString() == container)
            return status.toObject();
    }
    return {};
}

qint64 parseMs(const QJsonValue &time)
{
    const QDateTime parsed = QDateTime::fromString(time.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toMSecsSinceEpoch() : 0;
}

} // namespace

std::optional<PodIdentity> containerIdentity(const ClusterState &state,
                                             const QJsonObject &pod,
                                             const QString &container)
{
    const QJsonObject status = containerStatus(pod, container);
    qint64 started = parseMs(status.value(u"state")[u"running"][u"startedAt"]);
    if (started == 0)
        started = parseMs(status.value(u"lastState")[u"terminated"][u"startedAt"]);
    if (started == 0)
        return std::nullopt;
    const QJsonObject metadata = pod.value(u"metadata").toObject();
    PodIdentity identity;
    identity.cluster = state.spec().name;
    identity.location = state.spec().region;
    identity.namespaceName = metadata.value(u"namespace").toString();
    identity.pod = metadata.value(u"name").toString();
    identity.container = container;
    identity.node = pod.value(u"spec")[u"nodeName"].toString();
    const QJsonObject labels = metadata.value(u"labels").toObject();
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        identity.labels.insert(it.key(), it.value().toString());
    identity.startedMs = started;
    return identity;
}

qint64 containerFinishedMs(const QJsonObject &pod, const QString &container)
{
    const QJsonObject status = containerStatus(pod, container);
    if (status.value(u"state")[u"running"].isObject())
        return 0;
    return parseMs(status.value(u"lastState")[u"terminated"][u"finishedAt"]);
}

QList<PodIdentity> runningContainers(const ClusterState &state)
{
    QList<PodIdentity> identities;
    for (const QJsonObject &pod : state.list(u"pods"_s)) {
        if (pod.value(u"status")[u"phase"].toString() != u"Running")
            continue;
        for (const QJsonValue &container : pod.value(u"spec")[u"containers"].toArray()) {
            if (auto identity = containerIdentity(state, pod, container[u"name"].toString()))
                identities.append(std::move(*identity));
        }
    }
    return identities;
}

} // namespace Meridian::Sim::ClusterLogs

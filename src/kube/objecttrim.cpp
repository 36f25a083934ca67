#include "objecttrim.h"

#include <QJsonArray>

namespace Meridian::Kube {

namespace {

QJsonObject pick(const QJsonObject &from, std::initializer_list<QLatin1StringView> keys)
{
    QJsonObject out;
    for (QLatin1StringView key : keys) {
        const auto it = from.constFind(key);
        if (it != from.constEnd() && !it->isNull() && !it->isUndefined())
            out.insert(key, *it);
    }
    return out;
}

QJsonArray pickEach(const QJsonArray &from, std::initializer_list<QLatin1StringView> keys)
{
    QJsonArray out;
    for (const QJsonValue &value : from)
        out.append(pick(value.toObject(), keys));
    return out;
}

QJsonObject trimMetadata(const QJsonObject &metadata, bool annotations)
{
    QJsonObject out = pick(metadata,
                           {QLatin1StringView("name"),
                            QLatin1StringView("namespace"),
                            QLatin1StringView("uid"),
                            QLatin1StringView("resourceVersion"),
                            QLatin1StringView("generation"),
                            QLatin1StringView("creationTimestamp"),
                            QLatin1StringView("deletionTimestamp"),
                            QLatin1StringView("labels")});
    const QJsonArray owners = metadata.value(QLatin1StringView("ownerReferences")).toArray();
    if (!owners.isEmpty()) {
        out.insert(QLatin1StringView("ownerReferences"),
                   pickEach(owners,
                            {QLatin1StringView("kind"),
                             QLatin1StringView("name"),
                             QLatin1StringView("uid"),
                             QLatin1StringView("controller")}));
    }
    if (annotations) {
        const QJsonObject all = metadata.value(QLatin1StringView("annotations")).toObject();
        const QJsonObject kept = pick(all,
                                      {QLatin1StringView("deployment.kubernetes.io/revision"),
                                       QLatin1StringView("kubernetes.io/change-cause")});
        if (!kept.isEmpty())
            out.insert(QLatin1StringView("annotations"), kept);
    }
    return out;
}

QJsonArray trimContainers(const QJsonArray &containers)
{
    return pickEach(containers, {QLatin1StringView("name"), QLatin1StringView("image")});
}

} // namespace

QJsonObject trimPod(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(QLatin1StringView("spec")).toObject();
    const QJsonObject status = pod.value(QLatin1StringView("status")).toObject();
    QJsonObject outSpec = pick(spec, {QLatin1StringView("nodeName")});
    outSpec.insert(QLatin1StringView("containers"),
                   trimContainers(spec.value(QLatin1StringView("containers")).toArray()));
    QJsonObject outStatus = pick(status,
                                 {QLatin1StringView("phase"),
                                  QLatin1StringView("reason"),
                                  QLatin1StringView("podIP"),
                                  QLatin1StringView("hostIP"),
                                  QLatin1StringView("startTime")});
    const QJsonArray conditions = status.value(QLatin1StringView("conditions")).toArray();
    if (!conditions.isEmpty()) {
        outStatus.insert(QLatin1StringView("conditions"),
                         pickEach(conditions,
                                  {QLatin1StringView("type"),
                                   QLatin1StringView("status"),
                                   QLatin1StringView("reason")}));
    }
    QJsonArray containerStatuses;
    for (const QJsonValue &value : status.value(QLatin1StringView("containerStatuses")).toArray()) {
        const QJsonObject c = value.toObject();
        QJsonObject out = pick(c,
                               {QLatin1StringView("name"),
                                QLatin1StringView("image"),
                                QLatin1StringView("ready"),
                                QLatin1StringView("started"),
                                QLatin1StringView("restartCount")});
        // The current state's name (running, waiting, terminated) and its reason, if any.
        const QJsonObject state = c.value(QLatin1StringView("state")).toObject();
        if (!state.isEmpty()) {
            const QString key = state.keys().constFirst();
            out.insert(QLatin1StringView("state"),
                       QJsonObject{
                               {key,
                                pick(state.value(key).toObject(), {QLatin1StringView("reason")})}});
        }
        containerStatuses.append(out);
    }
    if (!containerStatuses.isEmpty())
        outStatus.insert(QLatin1StringView("containerStatuses"), containerStatuses);
    return QJsonObject{{QLatin1StringView("metadata"),
                        trimMetadata(pod.value(QLatin1StringView("metadata")).toObject(), false)},
                       {QLatin1StringView("spec"), outSpec},
                       {QLatin1StringView("status"), outStatus}};
}

QJsonObject trimReplicaSet(const QJsonObject &replicaSet)
{
    const QJsonObject spec = replicaSet.value(QLatin1StringView("spec")).toObject();
    const QJsonObject podTemplate = spec.value(QLatin1StringView("template")).toObject();
    const QJsonObject templateSpec = podTemplate.value(QLatin1StringView("spec")).toObject();
    QJsonObject outSpec = pick(spec, {QLatin1StringView("replicas")});
    outSpec.insert(QLatin1StringView("template"),
                   QJsonObject{{QLatin1StringView("metadata"),
                                pick(podTemplate.value(QLatin1StringView("metadata")).toObject(),
                                     {QLatin1StringView("labels")})},
                               {QLatin1StringView("spec"),
                                QJsonObject{
                                        {QLatin1StringView("containers"),
                                         trimContainers(
                                                 templateSpec.value(QLatin1StringView("containers"))
                                                         .toArray())}}}});
    return QJsonObject{{QLatin1StringView("metadata"),
                        trimMetadata(replicaSet.value(QLatin1StringView("metadata")).toObject(),
                                     true)},
                       {QLatin1StringView("spec"), outSpec},
                       {QLatin1StringView("status"),
                        replicaSet.value(QLatin1StringView("status"))}};
}

} // namespace Meridian::Kube

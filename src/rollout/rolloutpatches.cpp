#include "rollout/rolloutpatches.h"

#include "rollout/history.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

namespace {

QString nameOf(const QJsonObject &deployment)
{
    return deployment.value(u"metadata").toObject().value(u"name").toString();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Result<DeploymentPatch> pausePatch(const QJsonObject &deployment)
{
    if (deployment.value(u"spec").toObject().value(u"paused").toBool())
        return Error{u"Invalid"_s,
                     u"deployments.apps \"%1\" is already paused"_s.arg(nameOf(deployment))};
    return DeploymentPatch{compact({{u"spec"_s, QJsonObject{{u"paused"_s, true}}}}), u"paused"_s};
}

Result<DeploymentPatch> resumePatch(const QJsonObject &deployment)
{
    if (!deployment.value(u"spec").toObject().value(u"paused").toBool())
        return Error{u"Invalid"_s,
                     u"deployments.apps \"%1\" is not paused"_s.arg(nameOf(deployment))};
    return DeploymentPatch{compact({{u"spec"_s, QJsonObject{{u"paused"_s, QJsonValue::Null}}}}),
                           u"resumed"_s};
}

QString rfc3339(const QDateTime &time)
{
    const QDateTime local = time.toOffsetFromUtc(time.offsetFromUtc());
    if (local.offsetFromUtc() == 0)
        return local.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'Z';
    return local.toString(Qt::ISODate);
}

Result<DeploymentPatch> restartPatch(const QJsonObject &deployment, const QDateTime &now)
{
    if (deployment.value(u"spec").toObject().value(u"paused").toBool())
        return Error{u"Invalid"_s,
                     u"deployments.apps \"%1\" can't restart paused deployment (run rollout "
                     "resume first)"_s.arg(nameOf(deployment))};
    const QJsonObject patch{
            {u"spec"_s,
             QJsonObject{{u"template"_s,
                          QJsonObject{{u"metadata"_s,
                                       QJsonObject{{u"annotations"_s,
                                                    QJsonObject{{restartedAtAnnotation,
                                                                 rfc3339(now)}}}}}}}}}};
    return DeploymentPatch{compact(patch), u"restarted"_s};
}

Result<DeploymentPatch> setImagePatch(const QJsonObject &deployment,
                                      const QString &container,
                                      const QString &image)
{
    return setImagePatch(deployment, QList<ContainerImage>{{container, image}});
}

Result<DeploymentPatch> setImagePatch(const QJsonObject &deployment,
                                      const QList<ContainerImage> &images)
{
    const QJsonObject podSpec = deployment.value(u"spec")
                                        .toObject()
                                        .value(u"template")
                                        .toObject()
                                        .value(u"spec")
                                        .toObject();
    QJsonObject changes; // list name -> [{name, image}]
    for (const ContainerImage &wanted : images) {
        bool found = false;
        for (const QString &list : {u"containers"_s, u"initContainers"_s}) {
            for (const QJsonValue &c : podSpec.value(list).toArray()) {
                if (c.toObject().value(u"name").toString() != wanted.container)
                    continue;
                found = true;
                if (c.toObject().value(u"image").toString() == wanted.image)
                    continue;
                QJsonArray entries = changes.value(list).toArray();
                entries.append(
                        QJsonObject{{u"name"_s, wanted.container}, {u"image"_s, wanted.image}});
                changes.insert(list, entries);
            }
        }
        if (!found)
            return Error{u"NotFound"_s,
                         u"unable to find container named \"%1\""_s.arg(wanted.container)};
    }
    if (changes.isEmpty())
        return DeploymentPatch{{}, u"image updated"_s};
    const QJsonObject patch{
            {u"spec"_s, QJsonObject{{u"template"_s, QJsonObject{{u"spec"_s, changes}}}}}};
    return DeploymentPatch{compact(patch), u"image updated"_s};
}

Result<DeploymentPatch> changePatch(const QJsonObject &deployment,
                                    const QList<ContainerImage> &images,
                                    const QList<EnvChange> &env,
                                    std::optional<qint64> replicas)
{
    const QJsonObject spec = deployment.value(u"spec").toObject();
    const QJsonArray containers = spec.value(u"template")
                                          .toObject()
                                          .value(u"spec")
                                          .toObject()
                                          .value(u"containers")
                                          .toArray();
    auto find = [&](const QString &name) -> std::optional<QJsonObject> {
        for (const QJsonValue &c : containers) {
            if (c.toObject().value(u"name").toString() == name)
                return c.toObject();
        }
        return std::nullopt;
    };
    QMap<QString, QJsonObject> changed; // container name -> patch entry
    for (const ContainerImage &i : images) {
        const std::optional<QJsonObject> c = find(i.container);
        if (!c)
            return Error{u"NotFound"_s,
                         u"unable to find container named \"%1\""_s.arg(i.container)};
        if (c->value(u"image").toString() == i.image)
            continue;
        QJsonObject entry = changed.value(i.container, QJsonObject{{u"name"_s, i.container}});
        entry.insert(u"image"_s, i.image);
        changed.insert(i.container, entry);
    }
    for (const EnvChange &e : env) {
        const std::optional<QJsonObject> c = find(e.container);
        if (!c)
            return Error{u"NotFound"_s,
                         u"unable to find container named \"%1\""_s.arg(e.container)};
        bool same = false;
        for (const QJsonValue &v : c->value(u"env").toArray()) {
            const QJsonObject var = v.toObject();
            same = same
                   || (var.value(u"name").toString() == e.name
                       && var.value(u"value").toString() == e.value && !var.contains(u"valueFrom"));
        }
        if (same)
            continue;
        QJsonObject entry = changed.value(e.container, QJsonObject{{u"name"_s, e.container}});
        QJsonArray vars = entry.value(u"env").toArray();
        vars.append(QJsonObject{{u"name"_s, e.name}, {u"value"_s, e.value}});
        entry.insert(u"env"_s, vars);
        changed.insert(e.container, entry);
    }
    QJsonObject patchSpec;
    if (!changed.isEmpty()) {
        QJsonArray list;
        for (const QJsonObject &entry : std::as_const(changed))
            list.append(entry);
        patchSpec.insert(u"template"_s,
                         QJsonObject{{u"spec"_s, QJsonObject{{u"containers"_s, list}}}});
    }
    if (replicas && spec.value(u"replicas").toInteger(1) != *replicas)
        patchSpec.insert(u"replicas"_s, *replicas);
    if (patchSpec.isEmpty())
        return DeploymentPatch{{}, u"unchanged"_s};
    return DeploymentPatch{compact({{u"spec"_s, patchSpec}}), u"changed"_s};
}

} // namespace Meridian::Rollout

#include "workload.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Meridian {

namespace {

qint64 intOf(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toInteger();
}

// The value most members share; ties go to the smallest value, so the answer is stable.
template<typename T>
std::optional<T> majority(const QList<T> &values)
{
    QMap<T, int> counts;
    for (const T &value : values)
        ++counts[value];
    std::optional<T> best;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

} // namespace

QString MemberStatus::imagesText() const
{
    QStringList parts;
    for (const ContainerImage &image : images)
        parts.append(image.container + u'=' + image.image);
    return parts.join(QLatin1String(", "));
}

QStringList FederatedWorkload::driftedClusters() const
{
    QStringList result;
    for (auto it = clusters.cbegin(); it != clusters.cend(); ++it) {
        if (it->hasDrift())
            result.append(it.key());
    }
    return result;
}

MemberStatus memberStatusFromDeployment(const QJsonObject &deployment)
{
    MemberStatus m;
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();

    // apps/v1 defaults spec.replicas to 1 when it is absent.
    m.desired
            = spec.contains(QLatin1String("replicas")) ? intOf(spec, QLatin1String("replicas")) : 1;
    m.updated = intOf(status, QLatin1String("updatedReplicas"));
    m.ready = intOf(status, QLatin1String("readyReplicas"));
    m.available = intOf(status, QLatin1String("availableReplicas"));
    m.unavailable = intOf(status, QLatin1String("unavailableReplicas"));
    m.observedGeneration = intOf(status, QLatin1String("observedGeneration"));
    m.generation = intOf(metadata, QLatin1String("generation"));
    m.paused = spec.value(QLatin1String("paused")).toBool();
    m.revision = annotations.value(QLatin1String("deployment.kubernetes.io/revision")).toString();
    m.preferences
            = annotations.value(QLatin1String("federation.kubernetes.io/deployment-preferences"))
                      .toString();
    if (m.preferences.isEmpty()) {
        // Older decks put the preferences under the ReplicaSet key.
        m.preferences
                = annotations
                          .value(QLatin1String("federation.kubernetes.io/replica-set-preferences"))
                          .toString();
    }

    const QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    const QJsonArray containers = podTemplate.value(QLatin1String("spec"))
                                          .toObject()
                                          .value(QLatin1String("containers"))
                                          .toArray();
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        m.images.append({container.value(QLatin1String("name")).toString(),
                         container.value(QLatin1String("image")).toString()});
    }
    // QJsonObject keeps keys sorted, so the compact form is canonical for equal templates.
    m.templateHash = QString::fromLatin1(
            QCryptographicHash::hash(QJsonDocument(podTemplate).toJson(QJsonDocument::Compact),
                                     QCryptographicHash::Sha1)
                    .toHex()
                    .left(16));

    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &value : conditions) {
        const QJsonObject c = value.toObject();
        m.conditions.append({c.value(QLatin1String("type")).toString(),
                             c.value(QLatin1String("status")).toString(),
                             c.value(QLatin1String("reason")).toString(),
                             c.value(QLatin1String("message")).toString()});
    }
    return m;
}

FederatedWorkload aggregateWorkload(const QString &ns,
                                    const QString &name,
                                    const QMap<QString, MemberStatus> &members,
                                    const ReplicaPreferences &prefs,
                                    const QStringList &availableClusters,
                                    const QStringList &notes)
{
    FederatedWorkload w;
    w.ns = ns;
    w.name = name;
    w.clusters = members;
    w.preferences = prefs;
    w.notes = notes;

    QList<QString> hashes;
    QList<QString> images;
    QMap<QString, qint64> current;
    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        w.totals.desired += it->desired;
        w.totals.updated += it->updated;
        w.totals.ready += it->ready;
        w.totals.available += it->available;
        w.totals.unavailable += it->unavailable;
        hashes.append(it->templateHash);
        images.append(it->imagesText());
        // FACTS §1.4: the planner keeps what is running; ready replicas are our measure of it.
        current.insert(it.key(), it->ready);
    }

    const std::optional<QString> commonTemplate = majority(hashes);
    const std::optional<QString> commonImages = majority(images);

    w.plannedTotal = prefs.totalReplicas.value_or(w.totals.desired);
    const PlanResult plan
            = planFederation(prefs, w.plannedTotal, availableClusters, current, {}, w.key());
    w.plan = plan.plan;
    w.overflow = plan.overflow;

    for (auto it = w.clusters.begin(); it != w.clusters.end(); ++it) {
        // With one member there is no majority to differ from.
        it->templateDrift = members.size() > 1 && it->templateHash != commonTemplate;
        it->imageDrift = members.size() > 1 && it->imagesText() != commonImages;
        if (plan.plan.contains(it.key())) {
            it->planned = plan.plan.value(it.key());
        } else {
            it->planned.reset(); // not available to the plan (unreachable): no verdict
        }
        it->replicaDrift = it->planned && *it->planned != it->desired;
        w.templateDrift = w.templateDrift || it->templateDrift;
        w.imageDrift = w.imageDrift || it->imageDrift;
        w.replicaDrift = w.replicaDrift || it->replicaDrift;
    }
    // An available member without the Deployment but with planned replicas is drift too.
    for (auto it = plan.plan.cbegin(); it != plan.plan.cend(); ++it) {
        if (!members.contains(it.key()) && it.value() > 0)
            w.replicaDrift = true;
    }
    return w;
}

} // namespace Meridian

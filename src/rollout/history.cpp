#include "rollout/history.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

namespace {

// Sorted keys at every level, so equal templates give equal keys whatever their key order.
QJsonValue canonical(const QJsonValue &value)
{
    if (value.isObject()) {
        // QJsonObject already iterates in key order; recurse for nested values.
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), canonical(it.value()));
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &element : value.toArray())
            out.append(canonical(element));
        return out;
    }
    return value;
}

bool controlledBy(const QJsonObject &object, const QString &uid)
{
    const QJsonArray refs
            = object.value(u"metadata").toObject().value(u"ownerReferences").toArray();
    for (const QJsonValue &ref : refs) {
        const QJsonObject r = ref.toObject();
        if (r.value(u"controller").toBool() && r.value(u"uid").toString() == uid)
            return true;
    }
    return false;
}

} // namespace

QJsonObject withoutTemplateHash(QJsonObject podTemplate)
{
    QJsonObject metadata = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = metadata.value(u"labels").toObject();
    if (!labels.contains(podTemplateHashLabel))
        return podTemplate;
    labels.remove(podTemplateHashLabel);
    if (labels.isEmpty())
        metadata.remove(u"labels"_s);
    else
        metadata.insert(u"labels"_s, labels);
    podTemplate.insert(u"metadata"_s, metadata);
    return podTemplate;
}

QString templateKey(const QJsonObject &podTemplate)
{
    return QString::fromUtf8(QJsonDocument(canonical(withoutTemplateHash(podTemplate)).toObject())
                                     .toJson(QJsonDocument::Compact));
}

QList<ContainerImage> imagesOf(const QJsonObject &podTemplate)
{
    QList<ContainerImage> images;
    const QJsonArray containers
            = podTemplate.value(u"spec").toObject().value(u"containers").toArray();
    for (const QJsonValue &c : containers) {
        const QJsonObject container = c.toObject();
        images.append({container.value(u"name").toString(), container.value(u"image").toString()});
    }
    return images;
}

QList<Revision> revisionsOf(const QJsonObject &deployment, const QList<QJsonObject> &replicaSets)
{
    const QString uid = deployment.value(u"metadata").toObject().value(u"uid").toString();
    QList<Revision> revisions;
    for (const QJsonObject &rs : replicaSets) {
        if (!controlledBy(rs, uid))
            continue;
        const QJsonObject metadata = rs.value(u"metadata").toObject();
        const QJsonObject annotations = metadata.value(u"annotations").toObject();
        bool ok = false;
        const qint64 number = annotations.value(revisionAnnotation).toString().toLongLong(&ok);
        if (!ok)
            continue;
        Revision r;
        r.number = number;
        r.changeCause = annotations.value(changeCauseAnnotation).toString();
        r.podTemplate = rs.value(u"spec").toObject().value(u"template").toObject();
        r.annotations = annotations;
        r.replicaSet = metadata.value(u"name").toString();
        r.created = QDateTime::fromString(metadata.value(u"creationTimestamp").toString(),
                                          Qt::ISODate);
        r.images = imagesOf(r.podTemplate);
        r.templateKey = templateKey(r.podTemplate);
        r.replicas = rs.value(u"status").toObject().value(u"replicas").toInteger();
        revisions.append(r);
    }
    std::sort(revisions.begin(), revisions.end(), [](const Revision &a, const Revision &b) {
        return a.number < b.number;
    });
    return revisions;
}

QString formatHistory(const QString &deploymentName, const QList<Revision> &revisions)
{
    // kubectl: the name printer ("deployment.apps/NAME" + " " + operation), and the operation is
    // "\n" + a tabwriter table (min width 0, padding 2).
    QString out = u"deployment.apps/"_s + deploymentName + u' ';
    if (revisions.isEmpty())
        return out + u"\nNo rollout history found.\n"_s;
    out += u'\n';
    const QString header = u"REVISION"_s;
    qsizetype width = header.size();
    for (const Revision &r : revisions)
        width = std::max(width, QString::number(r.number).size());
    out += header.leftJustified(width + 2) + u"CHANGE-CAUSE\n"_s;
    for (const Revision &r : revisions) {
        out += QString::number(r.number).leftJustified(width + 2)
               + (r.changeCause.isEmpty() ? u"<none>"_s : r.changeCause) + u'\n';
    }
    return out + u'\n';
}

qint64 AlignedRevision::revisionIn(const QString &cluster) const
{
    const auto it = clusters.constFind(cluster);
    return it == clusters.cend() ? 0 : it->number;
}

QString AlignedRevision::imagesText() const
{
    QStringList parts;
    for (const ContainerImage &image : images)
        parts.append(image.container + u'=' + image.image);
    return parts.join(u", "_s);
}

QList<AlignedRevision> alignHistory(const QMap<QString, QList<Revision>> &byCluster,
                                    const QMap<QString, QJsonObject> &currentTemplates)
{
    QMap<QString, AlignedRevision> rows; // by template key
    QHash<QString, qsizetype> distance;  // smallest distance from a cluster's newest revision
    QHash<QString, QDateTime> oldest;
    for (auto it = byCluster.cbegin(); it != byCluster.cend(); ++it) {
        const QList<Revision> &revisions = it.value();
        for (qsizetype i = 0; i < revisions.size(); ++i) {
            const Revision &r = revisions.at(i);
            AlignedRevision &row = rows[r.templateKey];
            if (row.clusters.isEmpty()) {
                row.templateKey = r.templateKey;
                row.images = r.images;
                row.changeCause = r.changeCause;
            }
            // Two ReplicaSets with one template in one cluster: keep the newer revision.
            if (!row.clusters.contains(it.key()) || row.clusters.value(it.key()).number < r.number)
                row.clusters.insert(it.key(), r);
            const qsizetype d = revisions.size() - 1 - i;
            distance[r.templateKey] = distance.contains(r.templateKey)
                                              ? std::min(distance.value(r.templateKey), d)
                                              : d;
            if (!oldest.contains(r.templateKey) || r.created < oldest.value(r.templateKey))
                oldest.insert(r.templateKey, r.created);
        }
    }
    for (auto it = currentTemplates.cbegin(); it != currentTemplates.cend(); ++it) {
        const QString key = templateKey(it.value());
        if (rows.contains(key))
            rows[key].currentIn.append(it.key());
    }
    QList<AlignedRevision> list = rows.values();
    std::sort(list.begin(), list.end(), [&](const AlignedRevision &a, const AlignedRevision &b) {
        const qsizetype da = distance.value(a.templateKey);
        const qsizetype db = distance.value(b.templateKey);
        if (da != db)
            return da > db;
        const QDateTime ca = oldest.value(a.templateKey);
        const QDateTime cb = oldest.value(b.templateKey);
        if (ca != cb)
            return ca < cb;
        return a.templateKey < b.templateKey;
    });
    return list;
}

} // namespace Meridian::Rollout

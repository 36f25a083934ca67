#include "placement/draftstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Meridian::Placement {

namespace {

// The draft as the operator left it, even where it is not valid yet (min > max while typing):
// written and read without the strict parser, so nothing is refused on the way back.
QJsonObject stateJson(const PlacementState &state)
{
    const ReplicaPreferences &p = state.preferences;
    QJsonObject clusters;
    for (auto it = p.clusters.cbegin(); it != p.clusters.cend(); ++it) {
        QJsonObject c{{QStringLiteral("minReplicas"), it->minReplicas},
                      {QStringLiteral("weight"), it->weight}};
        if (it->maxReplicas)
            c.insert(QStringLiteral("maxReplicas"), *it->maxReplicas);
        clusters.insert(it.key(), c);
    }
    return QJsonObject{{QStringLiteral("total"), state.total},
                       {QStringLiteral("rebalance"), p.rebalance},
                       {QStringLiteral("clusters"), clusters},
                       {QStringLiteral("duplicated"),
                        p.schedulingType == ReplicaSchedulingType::Duplicated},
                       {QStringLiteral("aggregated"), p.division == ReplicaDivision::Aggregated},
                       {QStringLiteral("dynamicWeight"),
                        p.weightSource == WeightSource::AvailableReplicas}};
}

std::optional<PlacementState> stateFrom(const QJsonObject &object)
{
    if (!object.value(u"total").isDouble() || !object.value(u"clusters").isObject())
        return std::nullopt;
    PlacementState state;
    state.total = object.value(u"total").toInteger();
    ReplicaPreferences &p = state.preferences;
    p.rebalance = object.value(u"rebalance").toBool();
    const QJsonObject clusters = object.value(u"clusters").toObject();
    for (auto it = clusters.begin(); it != clusters.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        ClusterPreference pref;
        pref.minReplicas = c.value(u"minReplicas").toInteger();
        if (c.contains(u"maxReplicas"))
            pref.maxReplicas = c.value(u"maxReplicas").toInteger();
        pref.weight = c.value(u"weight").toInteger();
        p.clusters.insert(it.key(), pref);
    }
    if (object.value(u"duplicated").toBool())
        p.schedulingType = ReplicaSchedulingType::Duplicated;
    if (object.value(u"aggregated").toBool())
        p.division = ReplicaDivision::Aggregated;
    if (object.value(u"dynamicWeight").toBool())
        p.weightSource = WeightSource::AvailableReplicas;
    return state;
}

} // namespace

DraftStore::DraftStore(QString directory)
    : m_directory(std::move(directory))
{
    if (m_directory.isEmpty()) {
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                      + QStringLiteral("/placement-drafts");
    }
}

QString DraftStore::fileFor(const QString &key) const
{
    // Namespaces and names are DNS labels, but a key never becomes a path component unescaped.
    return m_directory + u'/' + QString::fromLatin1(key.toUtf8().toPercentEncoding()) + u".json";
}

Status DraftStore::save(const PlacementDraft &draft) const
{
    if (!QDir().mkpath(m_directory)) {
        return Status::failure(QStringLiteral("IoError"),
                               QCoreApplication::translate("Meridian::Placement",
                                                           "Cannot create %1 for the draft.")
                                       .arg(m_directory));
    }
    const QJsonObject object{{QStringLiteral("key"), draft.key},
                             {QStringLiteral("savedAt"),
                              draft.savedAt.toUTC().toString(Qt::ISODate)},
                             {QStringLiteral("draft"), stateJson(draft.state)},
                             {QStringLiteral("base"), stateJson(draft.base)}};
    QSaveFile file(fileFor(draft.key));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(object).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        return Status::failure(QStringLiteral("IoError"),
                               QCoreApplication::translate("Meridian::Placement",
                                                           "Cannot save the draft to %1: %2")
                                       .arg(file.fileName(), file.errorString()));
    }
    return succeeded();
}

std::optional<PlacementDraft> DraftStore::load(const QString &key) const
{
    QFile file(fileFor(key));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.read(1 << 20)).object();
    if (object.value(u"key").toString() != key)
        return std::nullopt;
    const auto state = stateFrom(object.value(u"draft").toObject());
    const auto base = stateFrom(object.value(u"base").toObject());
    if (!state || !base)
        return std::nullopt;
    PlacementDraft draft;
    draft.key = key;
    draft.state = *state;
    draft.base = *base;
    draft.savedAt = QDateTime::fromString(object.value(u"savedAt").toString(), Qt::ISODate);
    return draft;
}

void DraftStore::remove(const QString &key) const
{
    QFile::remove(fileFor(key));
}

} // namespace Meridian::Placement

#pragma once

// Compact spellings for planner inputs in data tables: "A=4,B=8" and a preferences JSON value.

#include "core/placement/planner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Meridian::Test {

inline QMap<QString, qint64> counts(const QString &text)
{
    QMap<QString, qint64> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const auto kv = part.split(u'=');
        out.insert(kv.at(0), kv.at(1).toLongLong());
    }
    return out;
}

inline QString countsText(const QMap<QString, qint64> &map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts.append(it.key() + u'=' + QString::number(it.value()));
    return parts.join(u',');
}

// {"A":{"minReplicas":1,"maxReplicas":2,"weight":3},"*":{...}}; trusted test input.
inline QMap<QString, ClusterPreference> clusterPrefs(const QByteArray &json)
{
    QMap<QString, ClusterPreference> out;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        ClusterPreference pref;
        pref.minReplicas = c.value(QLatin1String("minReplicas")).toInteger();
        if (c.contains(QLatin1String("maxReplicas")))
            pref.maxReplicas = c.value(QLatin1String("maxReplicas")).toInteger();
        pref.weight = c.value(QLatin1String("weight")).toInteger();
        out.insert(it.key(), pref);
    }
    return out;
}

} // namespace Meridian::Test

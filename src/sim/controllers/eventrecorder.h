#pragma once

#include "sim/controllers/objectstore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Meridian::Sim::Controllers {

// Writes core/v1 Events the way client-go's recorder and EventCorrelator do: a repeat of the same
// (source, object, type, reason, message) within ten minutes bumps count and lastTimestamp on the
// existing Event instead of creating another one.
class EventRecorder final
{
public:
    struct Source
    {
        QString component; // "deployment-controller", "kubelet", "default-scheduler" ...
        QString host;      // kubelet only: the node name
    };

    void record(ObjectStore &store,
                const QDateTime &now,
                const Source &source,
                const QJsonObject &involved,
                const QString &type,
                const QString &reason,
                const QString &message,
                const QString &fieldPath = {});

    // Events live an hour in a real apiserver (--event-ttl); drop older ones so a long demo run
    // does not grow without bound.
    static void pruneExpired(ObjectStore &store, const QDateTime &now, qint64 ttlSeconds = 3600);

private:
    QHash<QString, QString> m_byKey; // correlation key -> event name
};

} // namespace Meridian::Sim::Controllers

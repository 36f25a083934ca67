#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Meridian::Sim {

// The compact JSON of one resource's stored objects as the API serves them, so a list or a
// watch event costs a copy of bytes instead of a QJsonDocument round per object. An entry is
// valid for one resourceVersion: a stored object never changes without taking a new one, and a
// list served from history (an older version) simply serialises again. The bytes are exactly
// QJsonDocument::toJson(Compact)'s (sorted keys), so clients see no difference.
//
// Not for objects the API alters as it serves them (nodes get a fresh heartbeat).
class ServedJsonCache final
{
public:
    enum class Form {
        Item,   // without kind and apiVersion: an item of a typed list
        Object, // the whole object: a watch event's object
    };

    // The bytes of `object`, stored under `key` ("namespace/name"), in that form.
    QByteArray bytes(const QString &key, const QJsonObject &object, Form form);
    // Once there are more than twice as many entries as live objects (plus some slack), drops
    // those of objects that are gone. Cheap to call before every list.
    void prune(const QMap<QString, QJsonObject> &live);
    qsizetype size() const;

    static QByteArray serialize(const QJsonObject &object, Form form);

private:
    struct Entry
    {
        QString resourceVersion;
        QByteArray item;
        QByteArray object;
    };

    QHash<QString, Entry> m_entries;
};

} // namespace Meridian::Sim

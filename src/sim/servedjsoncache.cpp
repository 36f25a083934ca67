#include "sim/servedjsoncache.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

QByteArray ServedJsonCache::serialize(const QJsonObject &object, Form form)
{
    if (form == Form::Object)
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    // A typed list's items carry no kind or apiVersion of their own.
    QJsonObject item = object;
    item.remove(u"kind");
    item.remove(u"apiVersion");
    return QJsonDocument(item).toJson(QJsonDocument::Compact);
}

QByteArray ServedJsonCache::bytes(const QString &key, const QJsonObject &object, Form form)
{
    const QString resourceVersion
            = object.value(u"metadata").toObject().value(u"resourceVersion").toString();
    if (resourceVersion.isEmpty()) // not a stored object: nothing to key it by
        return serialize(object, form);
    Entry &entry = m_entries[key];
    if (entry.resourceVersion != resourceVersion)
        entry = Entry{resourceVersion, {}, {}};
    QByteArray &bytes = form == Form::Item ? entry.item : entry.object;
    if (bytes.isEmpty())
        bytes = serialize(object, form);
    return bytes;
}

void ServedJsonCache::prune(const QMap<QString, QJsonObject> &live)
{
    if (m_entries.size() <= 2 * live.size() + 64)
        return;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (live.contains(it.key()))
            ++it;
        else
            it = m_entries.erase(it);
    }
}

qsizetype ServedJsonCache::size() const
{
    return m_entries.size();
}

} // namespace Meridian::Sim

#include "sim/controllers/eventrecorder.h"

#include "sim/controllers/kubeobject.h"

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers {

void EventRecorder::record(ObjectStore &store,
                           const QDateTime &now,
                           const Source &source,
                           const QJsonObject &involved,
                           const QString &type,
                           const QString &reason,
                           const QString &message,
                           const QString &fieldPath)
{
    const QString eventNs = Kube::ns(involved).isEmpty() ? u"default"_s : Kube::ns(involved);
    const QString key = source.component + u'\x1f' + source.host + u'\x1f' + Kube::uid(involved)
                        + u'\x1f' + fieldPath + u'\x1f' + type + u'\x1f' + reason + u'\x1f'
                        + message;
    const QString stamp = Kube::formatTime(now);
    if (const auto known = m_byKey.constFind(key); known != m_byKey.cend()) {
        if (auto existing = store.get(u"events"_s, eventNs, *known)) {
            const QDateTime last = Kube::parseTime(existing->value(u"lastTimestamp"));
            if (last.isValid() && last.secsTo(now) <= 600) {
                existing->insert(u"count", existing->value(u"count").toInt() + 1);
                existing->insert(u"lastTimestamp", stamp);
                store.update(u"events"_s, *existing);
                return;
            }
        }
    }

    // Upstream names events "<object>.<unix nanos in hex>"; simulated time keeps it reproducible.
    qint64 nanos = now.toMSecsSinceEpoch() * 1000000;
    QString eventName;
    do {
        eventName = Kube::name(involved) + u'.' + QString::number(nanos++, 16);
    } while (store.get(u"events"_s, eventNs, eventName));

    QJsonObject involvedObject{{u"kind"_s, involved.value(u"kind")},
                               {u"namespace"_s, Kube::ns(involved)},
                               {u"name"_s, Kube::name(involved)},
                               {u"uid"_s, Kube::uid(involved)},
                               {u"apiVersion"_s, involved.value(u"apiVersion")},
                               {u"resourceVersion"_s,
                                Kube::value(involved, u"metadata.resourceVersion")}};
    if (!fieldPath.isEmpty())
        involvedObject.insert(u"fieldPath", fieldPath);
    QJsonObject sourceObject{{u"component"_s, source.component}};
    if (!source.host.isEmpty())
        sourceObject.insert(u"host", source.host);
    const QJsonObject event{
            {u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Event"_s},
            {u"metadata"_s,
             QJsonObject{{u"name"_s, eventName},
                         {u"namespace"_s, eventNs},
                         {u"creationTimestamp"_s, stamp}}},
            {u"involvedObject"_s, involvedObject},
            {u"reason"_s, reason},
            {u"message"_s, message},
            {u"source"_s, sourceObject},
            {u"firstTimestamp"_s, stamp},
            {u"lastTimestamp"_s, stamp},
            {u"count"_s, 1},
            {u"type"_s, type},
            {u"eventTime"_s, QJsonValue::Null},
            {u"reportingComponent"_s, source.component},
            {u"reportingInstance"_s, source.host},
    };
    store.create(u"events"_s, event);
    m_byKey.insert(key, eventName);
}

void EventRecorder::pruneExpired(ObjectStore &store, const QDateTime &now, qint64 ttlSeconds)
{
    for (const QJsonObject &event : store.list(u"events"_s, {})) {
        const QDateTime last = Kube::parseTime(event.value(u"lastTimestamp"));
        if (last.isValid() && last.secsTo(now) > ttlSeconds)
            store.remove(u"events"_s, Kube::ns(event), Kube::name(event));
    }
}

} // namespace Meridian::Sim::Controllers

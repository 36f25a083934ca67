#include "fakeobjectstore.h"

#include "sim/controllers/kubeobject.h"

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers::Testing {

static bool hasStatusSubresource(const QString &resource)
{
    return resource == u"deployments.apps" || resource == u"replicasets.apps" || resource == u"pods"
           || resource == u"nodes" || resource == u"namespaces";
}

QString FakeObjectStore::key(const QJsonObject &object)
{
    return Kube::ns(object) + u'/' + Kube::name(object);
}

QJsonObject FakeObjectStore::stamp(QJsonObject object)
{
    Kube::setMetadataField(object, u"resourceVersion"_s, QString::number(++m_resourceVersion));
    return object;
}

QList<QJsonObject> FakeObjectStore::list(const QString &resource, const QString &ns) const
{
    QList<QJsonObject> out;
    const QMap<QString, QJsonObject> objects = m_objects.value(resource);
    for (auto it = objects.begin(); it != objects.end(); ++it) {
        if (ns.isEmpty() || Kube::ns(*it) == ns)
            out.append(*it);
    }
    return out;
}

std::optional<QJsonObject> FakeObjectStore::get(const QString &resource,
                                                const QString &ns,
                                                const QString &name) const
{
    const auto objects = m_objects.constFind(resource);
    if (objects == m_objects.cend())
        return std::nullopt;
    const auto it = objects->constFind(ns + u'/' + name);
    if (it == objects->cend())
        return std::nullopt;
    return *it;
}

QJsonObject FakeObjectStore::create(const QString &resource, QJsonObject object)
{
    Q_ASSERT(!m_objects[resource].contains(key(object)));
    ++m_writes[resource];
    Kube::setMetadataField(object,
                           u"uid"_s,
                           u"00000000-0000-4000-8000-%1"_s.arg(++m_uids, 12, 10, QLatin1Char('0')));
    if (Kube::value(object, u"metadata.creationTimestamp").isUndefined())
        Kube::setMetadataField(object, u"creationTimestamp"_s, Kube::formatTime(m_now));
    Kube::setMetadataField(object, u"generation"_s, 1);
    object = stamp(object);
    m_objects[resource].insert(key(object), object);
    return object;
}

QJsonObject FakeObjectStore::update(const QString &resource, QJsonObject object)
{
    auto it = m_objects[resource].find(key(object));
    Q_ASSERT(it != m_objects[resource].end());
    ++m_writes[resource];
    qint64 generation = Kube::generation(*it);
    if (object.value(u"spec") != it->value(u"spec"))
        ++generation;
    Kube::setMetadataField(object, u"generation"_s, generation);
    Kube::setMetadataField(object, u"uid"_s, Kube::uid(*it));
    Kube::setMetadataField(object,
                           u"creationTimestamp"_s,
                           it->value(u"metadata").toObject().value(u"creationTimestamp"));
    if (hasStatusSubresource(resource)) {
        if (it->contains(u"status"))
            object.insert(u"status", it->value(u"status"));
        else
            object.remove(u"status");
    }
    *it = stamp(object);
    return *it;
}

QJsonObject FakeObjectStore::updateStatus(const QString &resource, QJsonObject object)
{
    auto it = m_objects[resource].find(key(object));
    Q_ASSERT(it != m_objects[resource].end());
    ++m_writes[resource];
    QJsonObject stored = *it;
    stored.insert(u"status", object.value(u"status"));
    *it = stamp(stored);
    return *it;
}

void FakeObjectStore::remove(const QString &resource, const QString &ns, const QString &name)
{
    ++m_writes[resource];
    m_objects[resource].remove(ns + u'/' + name);
}

void FakeObjectStore::setNow(const QDateTime &now)
{
    m_now = now;
}

int FakeObjectStore::writes(const QString &resource) const
{
    return m_writes.value(resource);
}

} // namespace Meridian::Sim::Controllers::Testing

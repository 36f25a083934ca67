#include "sim/clusterobjectstore.h"

#include "sim/clusterstate.h"
#include "sim/objectrules.h"

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

// Kinds served with a status subresource: a full update never changes their .status.
bool hasStatusSubresource(const QString &resource)
{
    return resource == u"deployments.apps" || resource == u"replicasets.apps" || resource == u"pods"
           || resource == u"nodes" || resource == u"namespaces";
}

QString metadataField(const QJsonObject &object, QStringView field)
{
    return object.value(u"metadata").toObject().value(field).toString();
}

} // namespace

ClusterObjectStore::ClusterObjectStore(ClusterState *state)
    : m_state(state)
{}

QList<QJsonObject> ClusterObjectStore::list(const QString &resource, const QString &ns) const
{
    return m_state->list(resource, ns);
}

std::optional<QJsonObject> ClusterObjectStore::get(const QString &resource,
                                                   const QString &ns,
                                                   const QString &name) const
{
    return m_state->get(resource, ns, name);
}

QJsonObject ClusterObjectStore::defaulted(const QString &resource, QJsonObject object) const
{
    // Only what the controllers write without having read it from the API first; pods and
    // ReplicaSets come out of the controllers already defaulted, and re-defaulting a pod would
    // touch fields (like the cluster-assigned ones) the kubelet owns.
    if (resource != u"deployments.apps" && resource != u"namespaces")
        return object;
    return ObjectRules::applyDefaults(resource, std::move(object), m_state->spec().seed);
}

QJsonObject ClusterObjectStore::create(const QString &resource, QJsonObject object)
{
    return m_state->create(resource, defaulted(resource, std::move(object)));
}

QJsonObject ClusterObjectStore::update(const QString &resource, QJsonObject object)
{
    const QString ns = metadataField(object, u"namespace");
    const QString name = metadataField(object, u"name");
    const std::optional<QJsonObject> stored = m_state->get(resource, ns, name);
    if (!stored) // deleted by an API client since the controller read it: nothing to update
        return object;
    if (hasStatusSubresource(resource)) {
        if (stored->contains(u"status"))
            object.insert(u"status", stored->value(u"status"));
        else
            object.remove(u"status");
    }
    object = defaulted(resource, std::move(object));
    // A write that changes nothing is not stored, as the API does not store it: no new
    // resourceVersion and no MODIFIED event for watchers.
    QJsonObject same = object;
    QJsonObject metadata = same.value(u"metadata").toObject();
    metadata.insert(u"resourceVersion", stored->value(u"metadata")[u"resourceVersion"]);
    same.insert(u"metadata", metadata);
    if (m_state->prepareUpdate(resource, same) == m_state->prepareUpdate(resource, *stored))
        return *stored;
    return m_state->update(resource, std::move(object));
}

QJsonObject ClusterObjectStore::updateStatus(const QString &resource, QJsonObject object)
{
    const QString ns = metadataField(object, u"namespace");
    const QString name = metadataField(object, u"name");
    const std::optional<QJsonObject> stored = m_state->get(resource, ns, name);
    if (!stored)
        return object;
    const QJsonObject status = object.value(u"status").toObject();
    if (stored->value(u"status").toObject() == status)
        return *stored;
    return m_state->updateStatus(resource, ns, name, status).value_or(object);
}

void ClusterObjectStore::remove(const QString &resource, const QString &ns, const QString &name)
{
    m_state->remove(resource, ns, name);
}

} // namespace Meridian::Sim

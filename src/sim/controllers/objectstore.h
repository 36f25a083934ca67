#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Meridian::Sim::Controllers {

// What a controller needs from one cluster's object store. ClusterState implements it through an
// adapter; tests use an in-memory fake. Resources are plural names qualified by group for
// non-core groups: "deployments.apps", "replicasets.apps", "pods", "nodes", "events",
// "namespaces". Lists come back ordered by namespace/name, as etcd returns them.
class ObjectStore
{
public:
    virtual ~ObjectStore() = default;

    virtual QList<QJsonObject> list(const QString &resource, const QString &ns) const = 0;
    virtual std::optional<QJsonObject> get(const QString &resource,
                                           const QString &ns,
                                           const QString &name) const = 0;
    // Assigns uid, resourceVersion and generation 1, and creationTimestamp unless the object
    // already has one: controllers stamp their own objects with simulated time, which is not the
    // store's clock while history is being seeded. Returns the stored object.
    virtual QJsonObject create(const QString &resource, QJsonObject object) = 0;
    // Full object write; bumps metadata.generation when spec changed. Returns the stored object.
    virtual QJsonObject update(const QString &resource, QJsonObject object) = 0;
    // Writes only .status; metadata.generation stays as it is.
    virtual QJsonObject updateStatus(const QString &resource, QJsonObject object) = 0;
    virtual void remove(const QString &resource, const QString &ns, const QString &name) = 0;
};

} // namespace Meridian::Sim::Controllers

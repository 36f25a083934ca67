#pragma once

#include "sim/scenario.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Meridian::Sim {

// The objects one simulated cluster stores, keyed like etcd (resource, then namespace/name) so
// lists come back in the same order a real apiserver returns them. Every write takes the next
// resourceVersion; watches and controllers will hang off put() later.
class ClusterState final
{
public:
    explicit ClusterState(ClusterSpec spec);

    const ClusterSpec &spec() const;

    // resource: plural name, qualified by group for non-core groups ("deployments.apps").
    void put(const QString &resource, QJsonObject object);
    QList<QJsonObject> list(const QString &resource, const QString &ns = {}) const;
    std::optional<QJsonObject> get(const QString &resource,
                                   const QString &ns,
                                   const QString &name) const;
    QString resourceVersion() const;

private:
    void seedObjects();
    QJsonObject nodeObject(const NodeSpec &node) const;
    QJsonObject namespaceObject(const QString &name, const QDateTime &created) const;

    ClusterSpec m_spec;
    QHash<QString, QMap<QString, QJsonObject>> m_objects;
    quint64 m_resourceVersion;
};

} // namespace Meridian::Sim

#pragma once

#include "sim/controllers/objectstore.h"

namespace Meridian::Sim {

class ClusterState;

// The controllers' view of one cluster: every write goes through ClusterState, so watches and
// observers see the controllers' work exactly as they see an API client's. Objects the demo
// seeding writes directly (Deployments, namespaces) get kube-apiserver's defaults here, as they
// would have through the API, so their pod-template-hash matches what a client's Deployment
// with the same template gets.
class ClusterObjectStore final : public Controllers::ObjectStore
{
public:
    explicit ClusterObjectStore(ClusterState *state);

    QList<QJsonObject> list(const QString &resource, const QString &ns) const override;
    std::optional<QJsonObject> get(const QString &resource,
                                   const QString &ns,
                                   const QString &name) const override;
    QJsonObject create(const QString &resource, QJsonObject object) override;
    QJsonObject update(const QString &resource, QJsonObject object) override;
    QJsonObject updateStatus(const QString &resource, QJsonObject object) override;
    void remove(const QString &resource, const QString &ns, const QString &name) override;

private:
    QJsonObject defaulted(const QString &resource, QJsonObject object) const;

    ClusterState *m_state;
};

} // namespace Meridian::Sim

#include "cluster.h"

namespace Meridian {

QString clusterStateName(ClusterState state)
{
    switch (state) {
    case ClusterState::Connecting: return QStringLiteral("Connecting");
    case ClusterState::Ready: return QStringLiteral("Ready");
    case ClusterState::Degraded: return QStringLiteral("Degraded");
    case ClusterState::Unreachable: return QStringLiteral("Unreachable");
    case ClusterState::Unauthorized: return QStringLiteral("Unauthorized");
    case ClusterState::Forbidden: return QStringLiteral("Forbidden");
    }
    return QStringLiteral("Unreachable");
}

} // namespace Meridian

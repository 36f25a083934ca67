#pragma once

#include "apiclient.h"

#include "core/cluster.h"

#include <QByteArray>

#include <functional>

namespace Meridian::Kube {

// Facts read from a NodeList page; pure, so it is unit-tested without a server.
struct NodeSummary
{
    int total = 0;
    int ready = 0;
    QString region; // the most common topology.kubernetes.io/region (or the deprecated label)
    QString zone;
    QString continueToken;
    bool valid = false;
    QString error;
};
NodeSummary summarizeNodeList(const QByteArray &json);
void mergeNodeSummary(NodeSummary &into, const NodeSummary &page);

// One refresh of a member cluster: /version and every page of /api/v1/nodes, in parallel.
// Calls back once, on the client's thread, with the cluster's state and the reason for it.
void probeCluster(ApiClient *client, std::function<void(const ClusterStatus &)> done);

// The state and reason for a failed request, in the operator's words.
void describeFailure(const Net::Response &response, ClusterStatus &status);

} // namespace Meridian::Kube

#pragma once

#include <QString>

namespace Meridian::Sim {

class ClusterState;

// Puts `count` Running, Ready pods of one Deployment ("bulk", namespace `ns`) into a cluster's
// store, shaped as the kubelet reports them (about 2.5 KB of JSON each), without the Deployment
// and ReplicaSet themselves. For benchmarks of clients' list + watch at scale: with the
// controllers off these pods never change, so the simulator thread only serves them.
void seedStaticPods(ClusterState &state, int count, const QString &ns = QStringLiteral("default"));

} // namespace Meridian::Sim

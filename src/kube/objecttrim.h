#pragma once

#include "projection.h"

namespace Meridian::Kube {

// What an informer keeps of an object it caches, like client-go's SetTransform: the fields
// Meridian reads, nothing else, so tens of thousands of cached pods stay small. Pure. The
// informers apply them while parsing (Informer::setProjection); Projection::apply does the same
// to a decoded object.

// Pod: metadata (name, namespace, uid, resourceVersion, creationTimestamp, deletionTimestamp,
// labels, ownerReferences' kind/name/uid/controller), spec (nodeName, containers' name and
// image), status (phase, reason, podIP, hostIP, startTime, conditions' type/status/reason,
// containerStatuses' name/image/ready/started/restartCount and the current state's key/reason).
// (The state's key is kept with its reason only: running, waiting or terminated.)
const Projection &podProjection();

// ReplicaSet: metadata as for pods plus annotations that rollouts read
// (deployment.kubernetes.io/revision, kubernetes.io/change-cause), spec (replicas, the
// template's containers' name and image, the pod-template-hash label), and status.
const Projection &replicaSetProjection();

// Event (core/v1): metadata (name, namespace, uid, resourceVersion, creationTimestamp), the
// involved object's kind/name/namespace/uid, reason, message, type, count, first/last
// timestamps, eventTime, series' count and last observation, the reporting component.
const Projection &eventProjection();

} // namespace Meridian::Kube

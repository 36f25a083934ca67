#pragma once

#include <QString>

namespace Meridian::Kube {

struct Kubeconfig;

// Where a Karmada control plane serves what Meridian reads (FACTS §3.1). Pure functions, shared
// by the Karmada engine (src/federation, src/worker) and the pod-log source (src/logs).

// The Clusters: "/apis/cluster.karmada.io/v1alpha1/clusters".
QString karmadaClustersPath();

// The path of a member's API through the control plane's cluster proxy, e.g.
// karmadaProxyPath("member1", "/api/v1/namespaces/web/pods") =
// "/apis/cluster.karmada.io/v1alpha1/clusters/member1/proxy/api/v1/namespaces/web/pods".
// The cluster name is percent-encoded; a member path without its leading '/' gets one.
QString karmadaProxyPath(const QString &cluster, const QString &memberPath);

// The context of the control plane when the operator names none: the context called "karmada",
// else the current context, else the kubeconfig's first context; empty when it has none.
QString defaultKarmadaContext(const Kubeconfig &config);

} // namespace Meridian::Kube

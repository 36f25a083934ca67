#include "staticpods.h"

#include "clusterstate.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

void seedStaticPods(ClusterState &state, int count, const QString &ns)
{
    const ClusterSpec &spec = state.spec();
    const QString hash = u"5d8f7c9b6d"_s;
    const QString replicaSet = u"bulk-"_s + hash;
    const QString created = spec.created.addDays(1).toUTC().toString(Qt::ISODate);
    const QJsonObject selector{{u"app"_s, u"bulk"_s}};
    const QJsonObject podTemplate{
            {u"metadata"_s, QJsonObject{{u"labels"_s, selector}}},
            {u"spec"_s,
             QJsonObject{{u"containers"_s,
                          QJsonArray{QJsonObject{{u"name"_s, u"bulk"_s},
                                                 {u"image"_s,
                                                  u"registry.example.com/team/bulk:1.4.2"_s}}}}}}};
    const QJsonObject counts{{u"replicas"_s, count},
                             {u"readyReplicas"_s, count},
                             {u"availableReplicas"_s, count},
                             {u"observedGeneration"_s, 1}};
    QJsonObject deploymentStatus = counts;
    deploymentStatus.insert(u"updatedReplicas"_s, count);
    state.create(u"deployments.apps"_s,
                 QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                             {u"kind"_s, u"Deployment"_s},
                             {u"metadata"_s,
                              QJsonObject{{u"name"_s, u"bulk"_s},
                                          {u"namespace"_s, ns},
                                          {u"annotations"_s,
                                           QJsonObject{{u"deployment.kubernetes.io/revision"_s,
                                                        u"1"_s}}}}},
                             {u"spec"_s,
                              QJsonObject{{u"replicas"_s, count},
                                          {u"selector"_s,
                                           QJsonObject{{u"matchLabels"_s, selector}}},
                                          {u"template"_s, podTemplate}}},
                             {u"status"_s, deploymentStatus}});
    QJsonObject rsTemplate = podTemplate;
    QJsonObject rsLabels = selector;
    rsLabels.insert(u"pod-template-hash"_s, hash);
    rsTemplate.insert(u"metadata"_s, QJsonObject{{u"labels"_s, rsLabels}});
    state.create(u"replicasets.apps"_s,
                 QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                             {u"kind"_s, u"ReplicaSet"_s},
                             {u"metadata"_s,
                              QJsonObject{{u"name"_s, replicaSet},
                                          {u"namespace"_s, ns},
                                          {u"labels"_s, rsLabels},
                                          {u"annotations"_s,
                                           QJsonObject{{u"deployment.kubernetes.io/revision"_s,
                                                        u"1"_s}}}}},
                             {u"spec"_s,
                              QJsonObject{{u"replicas"_s, count},
                                          {u"selector"_s,
                                           QJsonObject{{u"matchLabels"_s, rsLabels}}},
                                          {u"template"_s, rsTemplate}}},
                             {u"status"_s, counts}});
    for (int i = 0; i < count; ++i) {
        const NodeSpec node
                = spec.nodes.isEmpty() ? NodeSpec{} : spec.nodes.at(i % spec.nodes.size());
        const QString name = replicaSet + u'-' + QStringLiteral("%1").arg(i, 5, 36, QChar(u'0'));
        const QString ip = QStringLiteral("10.%1.%2.%3")
                                   .arg(64 + i / 65536)
                                   .arg((i / 256) % 256)
                                   .arg(i % 256);
        const QJsonObject labels{{u"app"_s, u"bulk"_s}, {u"pod-template-hash"_s, hash}};
        const QJsonObject container{
                {u"name"_s, u"bulk"_s},
                {u"image"_s, u"registry.example.com/team/bulk:1.4.2"_s},
                {u"imagePullPolicy"_s, u"IfNotPresent"_s},
                {u"ports"_s,
                 QJsonArray{QJsonObject{{u"containerPort"_s, 8080}, {u"protocol"_s, u"TCP"_s}}}},
                {u"resources"_s,
                 QJsonObject{{u"requests"_s,
                              QJsonObject{{u"cpu"_s, u"10m"_s}, {u"memory"_s, u"16Mi"_s}}},
                             {u"limits"_s, QJsonObject{{u"memory"_s, u"16Mi"_s}}}}},
                {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
                {u"terminationMessagePolicy"_s, u"File"_s},
                {u"volumeMounts"_s,
                 QJsonArray{QJsonObject{{u"mountPath"_s,
                                         u"/var/run/secrets/kubernetes.io/serviceaccount"_s},
                                        {u"name"_s, u"kube-api-access-x7k2p"_s},
                                        {u"readOnly"_s, true}}}}};
        auto condition = [&](const QString &type) {
            return QJsonObject{{u"type"_s, type},
                               {u"status"_s, u"True"_s},
                               {u"lastProbeTime"_s, QJsonValue()},
                               {u"lastTransitionTime"_s, created}};
        };
        QJsonObject pod{
                {u"apiVersion"_s, u"v1"_s},
                {u"kind"_s, u"Pod"_s},
                {u"metadata"_s,
                 QJsonObject{{u"name"_s, name},
                             {u"namespace"_s, ns},
                             {u"generateName"_s, QString(replicaSet + u'-')},
                             {u"labels"_s, labels},
                             {u"ownerReferences"_s,
                              QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                     {u"kind"_s, u"ReplicaSet"_s},
                                                     {u"name"_s, replicaSet},
                                                     {u"uid"_s,
                                                      u"6c0b5a4e-2f1d-4e8a-9b3c-7d6e5f4a3b2c"_s},
                                                     {u"controller"_s, true},
                                                     {u"blockOwnerDeletion"_s, true}}}}}},
                {u"spec"_s,
                 QJsonObject{{u"containers"_s, QJsonArray{container}},
                             {u"dnsPolicy"_s, u"ClusterFirst"_s},
                             {u"enableServiceLinks"_s, true},
                             {u"nodeName"_s, node.name},
                             {u"preemptionPolicy"_s, u"PreemptLowerPriority"_s},
                             {u"priority"_s, 0},
                             {u"restartPolicy"_s, u"Always"_s},
                             {u"schedulerName"_s, u"default-scheduler"_s},
                             {u"securityContext"_s, QJsonObject{}},
                             {u"serviceAccount"_s, u"default"_s},
                             {u"serviceAccountName"_s, u"default"_s},
                             {u"terminationGracePeriodSeconds"_s, 30},
                             {u"tolerations"_s,
                              QJsonArray{QJsonObject{{u"effect"_s, u"NoExecute"_s},
                                                     {u"key"_s, u"node.kubernetes.io/not-ready"_s},
                                                     {u"operator"_s, u"Exists"_s},
                                                     {u"tolerationSeconds"_s, 300}},
                                         QJsonObject{{u"effect"_s, u"NoExecute"_s},
                                                     {u"key"_s,
                                                      u"node.kubernetes.io/unreachable"_s},
                                                     {u"operator"_s, u"Exists"_s},
                                                     {u"tolerationSeconds"_s, 300}}}}}},
                {u"status"_s,
                 QJsonObject{
                         {u"phase"_s, u"Running"_s},
                         {u"conditions"_s,
                          QJsonArray{condition(u"Initialized"_s),
                                     condition(u"Ready"_s),
                                     condition(u"ContainersReady"_s),
                                     condition(u"PodScheduled"_s)}},
                         {u"hostIP"_s, node.internalIp},
                         {u"podIP"_s, ip},
                         {u"podIPs"_s, QJsonArray{QJsonObject{{u"ip"_s, ip}}}},
                         {u"qosClass"_s, u"Burstable"_s},
                         {u"startTime"_s, created},
                         {u"containerStatuses"_s,
                          QJsonArray{QJsonObject{
                                  {u"name"_s, u"bulk"_s},
                                  {u"image"_s, u"registry.example.com/team/bulk:1.4.2"_s},
                                  {u"imageID"_s,
                                   u"registry.example.com/team/bulk@sha256:3f1c0e5a7b9d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e"_s},
                                  {u"containerID"_s,
                                   QString(u"containerd://"
                                           + QStringLiteral("%1").arg(i, 64, 16, QChar(u'0')))},
                                  {u"ready"_s, true},
                                  {u"started"_s, true},
                                  {u"restartCount"_s, 0},
                                  {u"state"_s,
                                   QJsonObject{
                                           {u"running"_s, QJsonObject{{u"startedAt"_s, created}}}}},
                                  {u"lastState"_s, QJsonObject{}}}}}}}};
        state.create(u"pods"_s, std::move(pod));
    }
}

} // namespace Meridian::Sim

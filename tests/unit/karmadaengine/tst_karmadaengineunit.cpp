// Pure parts of the Karmada engine and of the informers' object trimming, without a server.
#include "federation/karmadabackend.h"
#include "kube/objecttrim.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian;

namespace {

QJsonObject cluster(const QString &readyStatus, const QString &reason, int ready, int total)
{
    QJsonArray conditions;
    if (!readyStatus.isEmpty()) {
        conditions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                      {QStringLiteral("status"), readyStatus},
                                      {QStringLiteral("reason"), reason},
                                      {QStringLiteral("message"), QStringLiteral("msg")}});
    }
    return QJsonObject{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("member1")},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("meridian.dev/location"),
                                       QStringLiteral("asia-northeast1")}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("apiEndpoint"), QStringLiteral("https://10.0.0.1")},
                         {QStringLiteral("provider"), QStringLiteral("gcp")},
                         {QStringLiteral("region"), QStringLiteral("asia-northeast1")},
                         {QStringLiteral("zones"),
                          QJsonArray{QStringLiteral("asia-northeast1-a"),
                                     QStringLiteral("asia-northeast1-b")}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("kubernetesVersion"), QStringLiteral("v1.29.6")},
                         {QStringLiteral("conditions"), conditions},
                         {QStringLiteral("nodeSummary"),
                          QJsonObject{{QStringLiteral("totalNum"), total},
                                      {QStringLiteral("readyNum"), ready}}},
                         {QStringLiteral("resourceSummary"),
                          QJsonObject{{QStringLiteral("allocatable"),
                                       QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")},
                                                   {QStringLiteral("pods"),
                                                    QStringLiteral("220")}}}}}}}};
}

} // namespace

class TestKarmadaEngineUnit final : public QObject
{
    Q_OBJECT

private slots:
    void clusterFields()
    {
        const ClusterStatus s = Federation::KarmadaBackend::clusterStatusFromObject(
                cluster(QStringLiteral("True"), QStringLiteral("ClusterReady"), 3, 3));
        QCOMPARE(s.name, QStringLiteral("member1"));
        QCOMPARE(s.context, QStringLiteral("member1"));
        QCOMPARE(s.server, QStringLiteral("https://10.0.0.1"));
        QCOMPARE(s.version, QStringLiteral("v1.29.6"));
        QCOMPARE(s.region, QStringLiteral("asia-northeast1"));
        QCOMPARE(s.zone, QStringLiteral("asia-northeast1-a"));
        QCOMPARE(s.zones.size(), 2);
        QCOMPARE(s.provider, QStringLiteral("gcp"));
        QCOMPARE(s.location, QStringLiteral("asia-northeast1"));
        QCOMPARE(s.allocatableCpu, QStringLiteral("8"));
        QCOMPARE(s.allocatablePods, QStringLiteral("220"));
        QCOMPARE(s.nodesReady, 3);
        QCOMPARE(s.state, ClusterState::Ready);
        QVERIFY(s.reason.isEmpty());
        QVERIFY(s.lastSuccess.isValid());
    }

    void clusterStates()
    {
        using KB = Federation::KarmadaBackend;
        QCOMPARE(KB::clusterStatusFromObject(
                         cluster(QStringLiteral("True"), QStringLiteral("ClusterReady"), 2, 3))
                         .state,
                 ClusterState::Degraded);
        const ClusterStatus unreachable = KB::clusterStatusFromObject(
                cluster(QStringLiteral("False"), QStringLiteral("ClusterNotReachable"), 3, 3));
        QCOMPARE(unreachable.state, ClusterState::Unreachable);
        QVERIFY(unreachable.reason.contains(QStringLiteral("ClusterNotReachable")));
        QVERIFY(!unreachable.lastSuccess.isValid());
        QCOMPARE(KB::clusterStatusFromObject(
                         cluster(QStringLiteral("False"), QStringLiteral("ClusterNotReady"), 3, 3))
                         .state,
                 ClusterState::Degraded);
        QCOMPARE(KB::clusterStatusFromObject(cluster({}, {}, 3, 3)).state,
                 ClusterState::Connecting);
    }

    void capabilities()
    {
        const Federation::Capabilities c = Federation::KarmadaBackend::karmadaCapabilities();
        QVERIFY(!c.perClusterMinMax);
        QVERIFY(!c.rebalance);
        QVERIFY(c.weights && c.dynamicWeights && c.duplicated && c.aggregated);
    }

    void proxyPath()
    {
        QCOMPARE(Federation::KarmadaBackend::proxyPath(QStringLiteral("member 1"),
                                                       QStringLiteral("api/v1/pods")),
                 QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters/member%201/proxy/"
                                "api/v1/pods"));
    }

    void policyOfBinding()
    {
        using Ref = Federation::KarmadaBackend::PolicyRef;
        auto binding = [](const QJsonObject &labels, const QJsonObject &annotations) {
            return QJsonObject{
                    {QStringLiteral("metadata"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("web-deployment")},
                                 {QStringLiteral("namespace"), QStringLiteral("shop")},
                                 {QStringLiteral("labels"), labels},
                                 {QStringLiteral("annotations"), annotations}}}};
        };
        const QString ppName = QStringLiteral("propagationpolicy.karmada.io/name");
        const QString ppNs = QStringLiteral("propagationpolicy.karmada.io/namespace");
        const QString cppName = QStringLiteral("clusterpropagationpolicy.karmada.io/name");

        // Karmada >= 1.7: the names in annotations, a permanent id in the labels
        Ref ref = Federation::KarmadaBackend::policyOf(
                binding({{QStringLiteral("clusterpropagationpolicy.karmada.io/permanent-id"),
                          QStringLiteral("f2507cgb")}},
                        {{cppName, QStringLiteral("web-cpp")}}));
        QCOMPARE(ref.kind, QStringLiteral("ClusterPropagationPolicy"));
        QCOMPARE(ref.name, QStringLiteral("web-cpp"));
        QVERIFY(ref.ns.isEmpty());

        // Older Karmada: labels only; a missing namespace is the binding's
        ref = Federation::KarmadaBackend::policyOf(
                binding({{ppName, QStringLiteral("web-pp")}}, {}));
        QCOMPARE(ref.kind, QStringLiteral("PropagationPolicy"));
        QCOMPARE(ref.name, QStringLiteral("web-pp"));
        QCOMPARE(ref.ns, QStringLiteral("shop"));

        // Annotations win over stale labels
        ref = Federation::KarmadaBackend::policyOf(
                binding({{ppName, QStringLiteral("old")}, {ppNs, QStringLiteral("x")}},
                        {{ppName, QStringLiteral("new")}, {ppNs, QStringLiteral("shop")}}));
        QCOMPARE(ref.name, QStringLiteral("new"));
        QCOMPARE(ref.ns, QStringLiteral("shop"));

        // Nothing named: no policy
        QVERIFY(Federation::KarmadaBackend::policyOf(binding({}, {})).kind.isEmpty());
        QVERIFY(Federation::KarmadaBackend::policyOf(QJsonObject()).kind.isEmpty());
    }

    void trimPodKeepsWhatIsRead()
    {
        const QJsonObject pod = QJsonDocument::fromJson(R"({
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {"name": "web-1", "namespace": "default", "uid": "u1",
                       "resourceVersion": "42", "labels": {"app": "web"},
                       "annotations": {"big": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
                       "managedFields": [{"manager": "kubelet"}],
                       "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet",
                                            "name": "web-abc", "uid": "r1", "controller": true}]},
          "spec": {"nodeName": "node-a", "tolerations": [{"key": "k"}],
                   "containers": [{"name": "app", "image": "nginx:1.27", "env": [{"name": "A"}]}]},
          "status": {"phase": "Running", "podIP": "10.0.0.5",
                     "conditions": [{"type": "Ready", "status": "True",
                                     "lastTransitionTime": "2026-01-01T00:00:00Z"}],
                     "containerStatuses": [{"name": "app", "ready": true, "restartCount": 2,
                                            "imageID": "sha", "state": {"running": {"startedAt": "x"}}}]}
        })")
                                        .object();
        const QJsonObject t = Kube::podProjection().apply(pod);
        const QJsonObject metadata = t.value(u"metadata").toObject();
        QCOMPARE(metadata.value(u"name").toString(), QStringLiteral("web-1"));
        QCOMPARE(metadata.value(u"resourceVersion").toString(), QStringLiteral("42"));
        QCOMPARE(metadata.value(u"labels").toObject().value(u"app").toString(),
                 QStringLiteral("web"));
        QVERIFY(!metadata.contains(u"managedFields"));
        QVERIFY(!metadata.contains(u"annotations"));
        QCOMPARE(metadata.value(u"ownerReferences").toArray().first().toObject().value(u"name"),
                 QJsonValue(QStringLiteral("web-abc")));
        const QJsonObject spec = t.value(u"spec").toObject();
        QCOMPARE(spec.value(u"nodeName").toString(), QStringLiteral("node-a"));
        QVERIFY(!spec.contains(u"tolerations"));
        QCOMPARE(spec.value(u"containers").toArray().first().toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                              {QStringLiteral("image"), QStringLiteral("nginx:1.27")}}));
        const QJsonObject status = t.value(u"status").toObject();
        QCOMPARE(status.value(u"phase").toString(), QStringLiteral("Running"));
        const QJsonObject c = status.value(u"containerStatuses").toArray().first().toObject();
        QCOMPARE(c.value(u"restartCount").toInt(), 2);
        QVERIFY(!c.contains(u"imageID"));
        QVERIFY(c.value(u"state").toObject().contains(u"running"));
        QCOMPARE(status.value(u"conditions").toArray().first().toObject().value(u"status"),
                 QJsonValue(QStringLiteral("True")));
    }

    void trimReplicaSetKeepsRevision()
    {
        const QJsonObject rs = QJsonDocument::fromJson(R"({
          "metadata": {"name": "web-abc", "namespace": "default", "resourceVersion": "7",
                       "annotations": {"deployment.kubernetes.io/revision": "3",
                                       "kubectl.kubernetes.io/last-applied-configuration": "{}"}},
          "spec": {"replicas": 2, "template": {"metadata": {"labels": {"app": "web"}},
                   "spec": {"containers": [{"name": "app", "image": "nginx:1.28", "args": ["-x"]}]}}},
          "status": {"replicas": 2, "readyReplicas": 1}
        })")
                                       .object();
        const QJsonObject t = Kube::replicaSetProjection().apply(rs);
        QCOMPARE(t[u"metadata"][u"annotations"].toObject().size(), 1);
        QCOMPARE(t[u"metadata"][u"annotations"][u"deployment.kubernetes.io/revision"].toString(),
                 QStringLiteral("3"));
        QCOMPARE(t[u"spec"][u"replicas"].toInt(), 2);
        QCOMPARE(t[u"spec"][u"template"][u"spec"][u"containers"][0][u"image"].toString(),
                 QStringLiteral("nginx:1.28"));
        QCOMPARE(t[u"status"][u"readyReplicas"].toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKarmadaEngineUnit)
#include "tst_karmadaengineunit.moc"

#include "core/placement/karmadadivision.h"
#include "sim/certificateauthority.h"
#include "sim/clusterstate.h"
#include "sim/karmada/karmadacontrolplane.h"
#include "sim/scenario.h"
#include "sim/simclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Meridian;
using namespace Meridian::Sim;
using namespace Qt::StringLiterals;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject json;
};

} // namespace

class TestKarmada final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void discovery();
    void clustersHaveSummaries();
    void staticWeightsPropagate();
    void changedWeightsRescale();
    void removedClusterLosesItsCopy();
    void proxyServesMemberApi();
    void kubectl();

private:
    Reply call(const QByteArray &method,
               const QString &path,
               const QJsonObject &body = {},
               const QByteArray &contentType = "application/json");
    QMap<QString, qint64> bindingClusters();
    QMap<QString, qint64> memberReplicas();
    void patchWeights(const QJsonArray &names, const QJsonArray &weights);

    std::unique_ptr<SimClock> m_clock;
    std::optional<CertificateAuthority> m_ca;
    QList<std::shared_ptr<ClusterState>> m_members;
    std::unique_ptr<KarmadaControlPlane> m_karmada;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
};

void TestKarmada::initTestCase()
{
    Options options;
    options.scenario = u"test"_s;
    options.clusters = 3;
    const auto specs = buildScenario(options);
    QVERIFY(specs.ok());
    m_clock = std::make_unique<SimClock>();
    auto ca = CertificateAuthority::create(u"karmada test CA"_s);
    QVERIFY(ca.ok());
    m_ca.emplace(std::move(ca).value());
    QList<KarmadaControlPlane::Member> members;
    for (const ClusterSpec &spec : *specs) {
        auto state = std::make_shared<ClusterState>(spec);
        state->setClock(m_clock.get());
        m_members.append(state);
        KarmadaControlPlane::Member member;
        member.name = spec.name;
        member.state = state.get();
        member.region = spec.region;
        member.zones = {spec.region + u"-a", spec.region + u"-b"};
        member.kubernetesVersion = spec.gitVersion;
        member.apiUrl = QUrl(u"https://127.0.0.1:1"_s);
        members.append(member);
    }
    KarmadaControlPlane::Options karmadaOptions;
    karmadaOptions.clock = m_clock.get();
    karmadaOptions.statusIntervalMs = 200;
    m_karmada = std::make_unique<KarmadaControlPlane>(*m_ca, members, karmadaOptions, nullptr);
    const Status started = m_karmada->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));

    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setCaCertificates({QSslCertificate(m_ca->certificatePem(), QSsl::Pem)});
}

void TestKarmada::cleanupTestCase()
{
    m_karmada.reset();
    m_members.clear();
}

Reply TestKarmada::call(const QByteArray &method,
                        const QString &path,
                        const QJsonObject &body,
                        const QByteArray &contentType)
{
    QNetworkRequest request(m_karmada->url().resolved(QUrl(path)));
    request.setSslConfiguration(m_tls);
    request.setRawHeader("Authorization", "Bearer " + m_karmada->token().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    const QByteArray payload
            = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, payload);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return out;
}

QMap<QString, qint64> TestKarmada::bindingClusters()
{
    const Reply rb = call(
            "GET",
            u"/apis/work.karmada.io/v1alpha2/namespaces/default/resourcebindings/web-deployment"_s);
    QMap<QString, qint64> out;
    for (const QJsonValue &target : rb.json[u"spec"][u"clusters"].toArray())
        out.insert(target[u"name"].toString(), target[u"replicas"].toInteger());
    return out;
}

QMap<QString, qint64> TestKarmada::memberReplicas()
{
    QMap<QString, qint64> out;
    for (const auto &member : std::as_const(m_members)) {
        const auto copy = member->get(u"deployments.apps"_s, u"default"_s, u"web"_s);
        if (copy)
            out.insert(member->spec().name, (*copy)[u"spec"][u"replicas"].toInteger());
    }
    return out;
}

void TestKarmada::discovery()
{
    const Reply groups = call("GET", u"/apis"_s);
    QCOMPARE(groups.status, 200);
    QStringList names;
    for (const QJsonValue &group : groups.json[u"groups"].toArray())
        names.append(group[u"name"].toString());
    for (const QString &want :
         {u"apps"_s, u"cluster.karmada.io"_s, u"policy.karmada.io"_s, u"work.karmada.io"_s})
        QVERIFY2(names.contains(want), qPrintable(names.join(u',')));

    const Reply policy = call("GET", u"/apis/policy.karmada.io/v1alpha1"_s);
    QCOMPARE(policy.status, 200);
    bool sawPp = false;
    for (const QJsonValue &resource : policy.json[u"resources"].toArray()) {
        if (resource[u"name"].toString() == u"propagationpolicies") {
            QCOMPARE(resource[u"shortNames"].toArray(), QJsonArray{u"pp"_s});
            QCOMPARE(resource[u"namespaced"].toBool(), true);
            sawPp = true;
        }
    }
    QVERIFY(sawPp);
    const Reply work = call("GET", u"/apis/work.karmada.io/v1alpha2"_s);
    QCOMPARE(work.status, 200);
    QVERIFY(QJsonDocument(work.json).toJson().contains("\"rb\""));
    const Reply unauthorized = [&] {
        QNetworkRequest request(m_karmada->url().resolved(QUrl(u"/apis"_s)));
        request.setSslConfiguration(m_tls);
        QNetworkReply *reply = m_network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), {}};
        reply->deleteLater();
        return out;
    }();
    QCOMPARE(unauthorized.status, 401);
}

void TestKarmada::clustersHaveSummaries()
{
    const Reply clusters = call("GET", u"/apis/cluster.karmada.io/v1alpha1/clusters"_s);
    QCOMPARE(clusters.status, 200);
    QCOMPARE(clusters.json[u"kind"].toString(), u"ClusterList"_s);
    const QJsonArray items = clusters.json[u"items"].toArray();
    QCOMPARE(items.size(), 3);
    const QJsonObject first = items.first().toObject();
    QCOMPARE(first[u"metadata"][u"name"].toString(), u"cluster-01"_s);
    QCOMPARE(first[u"spec"][u"syncMode"].toString(), u"Push"_s);
    QCOMPARE(first[u"spec"][u"provider"].toString(), u"gcp"_s);
    QCOMPARE(first[u"spec"][u"region"].toString(), m_members[0]->spec().region);
    QCOMPARE(first[u"status"][u"kubernetesVersion"].toString(), m_members[0]->spec().gitVersion);
    const QJsonObject ready = first[u"status"][u"conditions"].toArray().first().toObject();
    QCOMPARE(ready[u"type"].toString(), u"Ready"_s);
    QCOMPARE(ready[u"status"].toString(), u"True"_s);
    QCOMPARE(ready[u"reason"].toString(), u"ClusterReady"_s);
    QCOMPARE(ready[u"message"].toString(), u"cluster is healthy and ready to accept workloads"_s);
    QCOMPARE(first[u"status"][u"nodeSummary"][u"totalNum"].toInteger(), 2);
    QCOMPARE(first[u"status"][u"nodeSummary"][u"readyNum"].toInteger(), 2);
    const QJsonObject summary = first[u"status"][u"resourceSummary"].toObject();
    QVERIFY(!summary[u"allocatable"][u"cpu"].toString().isEmpty());
    QVERIFY(summary[u"allocatable"][u"pods"].toString().toInt() > 0);
    QCOMPARE(summary[u"allocated"][u"pods"].toString(), u"0"_s);
}

void TestKarmada::staticWeightsPropagate()
{
    const QJsonObject container{{u"name"_s, u"web"_s}, {u"image"_s, u"nginx:1.27"_s}};
    const QJsonObject labels{{u"app"_s, u"web"_s}};
    const Reply deployment = call(
            "POST",
            u"/apis/apps/v1/namespaces/default/deployments"_s,
            QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                        {u"kind"_s, u"Deployment"_s},
                        {u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}}},
                        {u"spec"_s,
                         QJsonObject{{u"replicas"_s, 10},
                                     {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                                     {u"template"_s,
                                      QJsonObject{{u"metadata"_s,
                                                   QJsonObject{{u"labels"_s, labels}}},
                                                  {u"spec"_s,
                                                   QJsonObject{{u"containers"_s,
                                                                QJsonArray{container}}}}}}}}});
    QCOMPARE(deployment.status, 201);
    const auto rule = [](const QString &cluster, int weight) {
        return QJsonObject{{u"targetCluster"_s,
                            QJsonObject{{u"clusterNames"_s, QJsonArray{cluster}}}},
                           {u"weight"_s, weight}};
    };
    const Reply policy = call(
            "POST",
            u"/apis/policy.karmada.io/v1alpha1/namespaces/default/propagationpolicies"_s,
            QJsonObject{
                    {u"apiVersion"_s, u"policy.karmada.io/v1alpha1"_s},
                    {u"kind"_s, u"PropagationPolicy"_s},
                    {u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}}},
                    {u"spec"_s,
                     QJsonObject{
                             {u"resourceSelectors"_s,
                              QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                     {u"kind"_s, u"Deployment"_s},
                                                     {u"name"_s, u"web"_s}}}},
                             {u"placement"_s,
                              QJsonObject{
                                      {u"clusterAffinity"_s,
                                       QJsonObject{{u"clusterNames"_s,
                                                    QJsonArray{u"cluster-01"_s,
                                                               u"cluster-02"_s,
                                                               u"cluster-03"_s}}}},
                                      {u"replicaScheduling"_s,
                                       QJsonObject{{u"replicaSchedulingType"_s, u"Divided"_s},
                                                   {u"replicaDivisionPreference"_s, u"Weighted"_s},
                                                   {u"weightPreference"_s,
                                                    QJsonObject{
                                                            {u"staticWeightList"_s,
                                                             QJsonArray{rule(u"cluster-01"_s, 2),
                                                                        rule(u"cluster-02"_s, 1),
                                                                        rule(u"cluster-03"_s,
                                                                             1)}}}}}}}}}}});
    QCOMPARE(policy.status, 201);
    QCOMPARE(policy.json[u"spec"][u"conflictResolution"].toString(), u"Abort"_s);

    ReplicaPreferences prefs;
    prefs.clusters[u"cluster-01"_s].weight = 2;
    prefs.clusters[u"cluster-02"_s].weight = 1;
    prefs.clusters[u"cluster-03"_s].weight = 1;
    const auto plan
            = planKarmada(prefs, 10, {u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s}, {}, {});
    QVERIFY(plan.ok());
    // floor(2*10/4)=5, floor(10/4)=2, 2; the remainder replica goes to the heaviest cluster.
    const QMap<QString, qint64> expected{{u"cluster-01"_s, 6},
                                         {u"cluster-02"_s, 2},
                                         {u"cluster-03"_s, 2}};
    QCOMPARE(plan->plan, expected);
    QTRY_COMPARE_WITH_TIMEOUT(bindingClusters(), expected, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(memberReplicas(), expected, 5000);

    const Reply rb = call(
            "GET",
            u"/apis/work.karmada.io/v1alpha2/namespaces/default/resourcebindings/web-deployment"_s);
    QCOMPARE(rb.json[u"spec"][u"resource"][u"kind"].toString(), u"Deployment"_s);
    QCOMPARE(rb.json[u"spec"][u"resource"][u"uid"].toString(),
             deployment.json[u"metadata"][u"uid"].toString());
    QCOMPARE(rb.json[u"spec"][u"replicas"].toInteger(), 10);
    const QJsonArray conditions = rb.json[u"status"][u"conditions"].toArray();
    QCOMPARE(conditions.size(), 2);
    QCOMPARE(conditions[0][u"type"].toString(), u"Scheduled"_s);
    QCOMPARE(conditions[0][u"status"].toString(), u"True"_s);
    QCOMPARE(conditions[1][u"type"].toString(), u"FullyApplied"_s);
    QCOMPARE(conditions[1][u"status"].toString(), u"True"_s);
    QCOMPARE(rb.json[u"status"][u"aggregatedStatus"].toArray().size(), 3);
    QCOMPARE(rb.json[u"status"][u"aggregatedStatus"][0][u"applied"].toBool(), true);

    const auto copy = m_members[0]->get(u"deployments.apps"_s, u"default"_s, u"web"_s);
    QVERIFY(copy);
    QCOMPARE((*copy)[u"metadata"][u"labels"][u"karmada.io/managed"].toString(), u"true"_s);
    QCOMPARE((*copy)[u"metadata"][u"annotations"][u"resourcebinding.karmada.io/name"].toString(),
             u"web-deployment"_s);
}

void TestKarmada::patchWeights(const QJsonArray &names, const QJsonArray &weights)
{
    QJsonArray rules;
    for (qsizetype i = 0; i < names.size(); ++i) {
        rules.append(QJsonObject{{u"targetCluster"_s,
                                  QJsonObject{{u"clusterNames"_s, QJsonArray{names[i]}}}},
                                 {u"weight"_s, weights[i]}});
    }
    const QJsonObject patch{
            {u"spec"_s,
             QJsonObject{
                     {u"placement"_s,
                      QJsonObject{{u"clusterAffinity"_s, QJsonObject{{u"clusterNames"_s, names}}},
                                  {u"replicaScheduling"_s,
                                   QJsonObject{{u"weightPreference"_s,
                                                QJsonObject{{u"staticWeightList"_s, rules}}}}}}}}}};
    const Reply patched
            = call("PATCH",
                   u"/apis/policy.karmada.io/v1alpha1/namespaces/default/propagationpolicies/web"_s,
                   patch,
                   "application/merge-patch+json");
    QCOMPARE(patched.status, 200);
}

void TestKarmada::changedWeightsRescale()
{
    patchWeights(QJsonArray{u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s},
                 QJsonArray{1, 1, 3});
    ReplicaPreferences prefs;
    prefs.clusters[u"cluster-01"_s].weight = 1;
    prefs.clusters[u"cluster-02"_s].weight = 1;
    prefs.clusters[u"cluster-03"_s].weight = 3;
    const QMap<QString, qint64> previous{{u"cluster-01"_s, 6},
                                         {u"cluster-02"_s, 2},
                                         {u"cluster-03"_s, 2}};
    const auto plan = planKarmada(prefs,
                                  10,
                                  {u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s},
                                  previous,
                                  {});
    QVERIFY(plan.ok());
    const QMap<QString, qint64> expected{{u"cluster-01"_s, 2},
                                         {u"cluster-02"_s, 2},
                                         {u"cluster-03"_s, 6}};
    QCOMPARE(plan->plan, expected);
    QTRY_COMPARE_WITH_TIMEOUT(bindingClusters(), expected, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(memberReplicas(), expected, 5000);
}

void TestKarmada::removedClusterLosesItsCopy()
{
    patchWeights(QJsonArray{u"cluster-01"_s, u"cluster-02"_s}, QJsonArray{1, 1});
    const QMap<QString, qint64> expected{{u"cluster-01"_s, 5}, {u"cluster-02"_s, 5}};
    QTRY_COMPARE_WITH_TIMEOUT(bindingClusters(), expected, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(memberReplicas(), expected, 5000);
    QVERIFY(!m_members[2]->get(u"deployments.apps"_s, u"default"_s, u"web"_s));
}

void TestKarmada::proxyServesMemberApi()
{
    const Reply pods = call(
            "GET",
            u"/apis/cluster.karmada.io/v1alpha1/clusters/cluster-01/proxy/api/v1/namespaces/default/pods"_s);
    QCOMPARE(pods.status, 200);
    QCOMPARE(pods.json[u"kind"].toString(), u"PodList"_s);
    const Reply nodes
            = call("GET",
                   u"/apis/cluster.karmada.io/v1alpha1/clusters/cluster-02/proxy/api/v1/nodes"_s);
    QCOMPARE(nodes.status, 200);
    QCOMPARE(nodes.json[u"items"].toArray().size(), 2);
    const Reply deployment = call(
            "GET",
            u"/apis/cluster.karmada.io/v1alpha1/clusters/cluster-02/proxy/apis/apps/v1/namespaces/default/deployments/web"_s);
    QCOMPARE(deployment.status, 200);
    QCOMPARE(deployment.json[u"spec"][u"replicas"].toInteger(), 5);
    const Reply missing
            = call("GET",
                   u"/apis/cluster.karmada.io/v1alpha1/clusters/nowhere/proxy/api/v1/nodes"_s);
    QCOMPARE(missing.status, 404);
}

void TestKarmada::kubectl()
{
    const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (kubectl.isEmpty())
        QSKIP("kubectl is not on PATH");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString kubeconfig = home.filePath(u"config"_s);
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("apiVersion: v1\nkind: Config\nclusters:\n- name: karmada\n  cluster:\n"
               "    server: "
               + m_karmada->url().toString().toUtf8()
               + "\n    certificate-authority-data: " + m_ca->certificatePem().toBase64()
               + "\nusers:\n- name: karmada\n  user:\n    token: " + m_karmada->token().toUtf8()
               + "\ncontexts:\n- name: karmada\n  context:\n    cluster: karmada\n"
                 "    user: karmada\n    namespace: default\ncurrent-context: karmada\n");
    file.close();
    QFile manifest(home.filePath(u"policy.yaml"_s));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("apiVersion: policy.karmada.io/v1alpha1\nkind: PropagationPolicy\n"
                   "metadata:\n  name: applied\n  namespace: default\nspec:\n"
                   "  resourceSelectors:\n  - apiVersion: apps/v1\n    kind: Deployment\n"
                   "    name: nothing\n  placement:\n    clusterAffinity:\n"
                   "      clusterNames: [cluster-01]\n");
    manifest.close();

    const auto run = [&](const QStringList &args) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.insert(u"KUBECACHEDIR"_s, home.filePath(u"cache"_s));
        env.insert(u"KUBECONFIG"_s, kubeconfig);
        process.setProcessEnvironment(env);
        // The control plane lives on this thread: wait with the event loop running.
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(kubectl, args);
        if (!finished.wait(30000))
            return qMakePair(-1, QString());
        return qMakePair(process.exitCode(),
                         QString::fromUtf8(process.readAllStandardOutput()
                                           + process.readAllStandardError()));
    };
    const auto clusters = run({u"get"_s, u"clusters"_s});
    QVERIFY2(clusters.first == 0, qPrintable(clusters.second));
    QVERIFY2(clusters.second.contains(u"VERSION"_s) && clusters.second.contains(u"cluster-03"_s),
             qPrintable(clusters.second));
    qInfo().noquote() << "kubectl get clusters:\n" << clusters.second;
    const auto applied = run({u"apply"_s, u"-f"_s, home.filePath(u"policy.yaml"_s)});
    QVERIFY2(applied.first == 0, qPrintable(applied.second));
    QVERIFY2(applied.second.contains(u"created"_s), qPrintable(applied.second));
    const auto reapplied = run({u"apply"_s, u"-f"_s, home.filePath(u"policy.yaml"_s)});
    QVERIFY2(reapplied.first == 0, qPrintable(reapplied.second));
    const auto pp = run({u"get"_s, u"pp"_s});
    QVERIFY2(pp.first == 0 && pp.second.contains(u"applied"_s), qPrintable(pp.second));
    qInfo().noquote() << "kubectl get pp:\n" << pp.second;
    const auto rb = run({u"get"_s, u"rb"_s});
    QVERIFY2(rb.first == 0 && rb.second.contains(u"web-deployment"_s), qPrintable(rb.second));
    qInfo().noquote() << "kubectl get rb:\n" << rb.second;
    const auto deploy = run({u"get"_s, u"deploy"_s});
    QVERIFY2(deploy.first == 0 && deploy.second.contains(u"web"_s), qPrintable(deploy.second));
    qInfo().noquote() << "kubectl get deploy:\n" << deploy.second;
}

QTEST_GUILESS_MAIN(TestKarmada)
#include "tst_karmada.moc"

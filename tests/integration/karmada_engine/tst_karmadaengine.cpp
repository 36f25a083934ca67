// The Karmada engine against meridian-sim's Karmada control plane over real HTTPS: a resource
// template and a PropagationPolicy written to the control plane, the engine's view (through the
// API worker into ClusterModel and WorkloadModel, as in the app) compared with what the control
// plane and each member serve when read directly.
#include "../../support/karmadaobjects.h"
#include "cli/cli.h"
#include "core/workload.h"
#include "federation/karmadabackend.h"
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "net/transport.h"
#include "placement/policyapply.h"
#include "sim/federation.h"
#include "worker/apiworker.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Meridian;
using TestSupport::deploymentJson;

namespace {

const QString karmadaContext = QStringLiteral("karmada");
const QString deploymentsPath = QStringLiteral("/apis/apps/v1/namespaces/default/deployments");
const QString policiesPath
        = QStringLiteral("/apis/policy.karmada.io/v1alpha1/namespaces/default/propagationpolicies");

// A policy with static weights over `weights`' clusters: kind PropagationPolicy or
// ClusterPropagationPolicy, one resourceSelector, a spec.priority.
QJsonObject weightedPolicy(const QString &kind,
                           const QString &name,
                           const QJsonObject &selector,
                           const QMap<QString, int> &weights,
                           int priority = 0)
{
    QJsonObject policy = TestSupport::weightedPolicyJson(name, weights);
    policy.insert(QStringLiteral("kind"), kind);
    QJsonObject spec = policy.value(u"spec").toObject();
    spec.insert(QStringLiteral("resourceSelectors"), QJsonArray{selector});
    spec.insert(QStringLiteral("priority"), priority);
    policy.insert(QStringLiteral("spec"), spec);
    return policy;
}

QJsonObject deploymentSelector(const QString &ns, const QString &name)
{
    QJsonObject s{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                  {QStringLiteral("kind"), QStringLiteral("Deployment")}};
    if (!ns.isEmpty())
        s.insert(QStringLiteral("namespace"), ns);
    if (!name.isEmpty())
        s.insert(QStringLiteral("name"), name);
    return s;
}

// Reads and writes the control plane and every member directly, on the test's thread.
class Direct final
{
public:
    explicit Direct(const QByteArray &kubeconfig)
    {
        Kube::LoadOptions load;
        load.inlineContent = kubeconfig;
        load.inlineName = QStringLiteral("test kubeconfig");
        Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
        if (!config)
            qFatal("kubeconfig: %s", qPrintable(config.error().message));
        for (const QString &name : config->contextNames()) {
            if (name != karmadaContext)
                members.append(name);
            m_clients.insert(name,
                             new Kube::ApiClient(*config->resolve(name),
                                                 &m_transport,
                                                 &m_credentials));
        }
    }
    ~Direct() { qDeleteAll(m_clients); }

    Kube::ApiClient *client(const QString &context) const { return m_clients.value(context); }

    Net::Response call(const QString &context,
                       const QByteArray &method,
                       const QString &path,
                       const QJsonObject &body = {},
                       const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        Kube::ApiClient *client = m_clients.value(context);
        Net::Request request = client->requestFor(path);
        request.method = method;
        if (!body.isEmpty()) {
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
        }
        Net::Response result;
        QEventLoop loop;
        client->send(request, [&](const Net::Response &response) {
            result = response;
            loop.quit();
        });
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        return result;
    }

    QJsonObject getJson(const QString &context, const QString &path)
    {
        return QJsonDocument::fromJson(call(context, "GET", path).body).object();
    }

    // A Deployment template on the control plane and the PropagationPolicy that places it.
    bool place(const QString &name,
               int replicas,
               const QString &image,
               const QMap<QString, int> &weights)
    {
        const int deployment = call(karmadaContext,
                                    "POST",
                                    deploymentsPath,
                                    deploymentJson(name, replicas, image))
                                       .httpStatus;
        const int policy = call(karmadaContext,
                                "POST",
                                policiesPath,
                                TestSupport::weightedPolicyJson(name, weights))
                                   .httpStatus;
        if (deployment != 201 || policy != 201)
            qWarning("creating %s: Deployment %d, PropagationPolicy %d",
                     qPrintable(name),
                     deployment,
                     policy);
        return deployment == 201 && policy == 201;
    }

    int mergePatch(const QString &context, const QString &path, const QJsonObject &patch)
    {
        return call(context,
                    "PATCH",
                    path,
                    patch,
                    QByteArrayLiteral("application/merge-patch+json"))
                .httpStatus;
    }

    // What every member serves of the default namespace's managed Deployments.
    QString memberState()
    {
        QStringList lines;
        for (const QString &context : std::as_const(members)) {
            const Net::Response response
                    = call(context,
                           "GET",
                           QStringLiteral("/apis/apps/v1/namespaces/default/deployments"
                                          "?labelSelector=karmada.io%2Fmanaged%3Dtrue"));
            if (!response.isHttpSuccess())
                return QStringLiteral("<%1 answered %2>").arg(context).arg(response.httpStatus);
            const QJsonArray items
                    = QJsonDocument::fromJson(response.body).object().value(u"items").toArray();
            for (const QJsonValue &item : items) {
                const QJsonObject object = item.toObject();
                const QString key
                        = QStringLiteral("default/")
                          + object.value(u"metadata").toObject().value(u"name").toString();
                lines.append(line(key, context, memberStatusFromDeployment(object)));
            }
        }
        lines.sort();
        return lines.join(u'\n');
    }

    // The binding's assignment, as the control plane serves it.
    QMap<QString, qint64> bindingPlan(const QString &name)
    {
        const QJsonObject rb
                = getJson(karmadaContext,
                          QStringLiteral("/apis/work.karmada.io/v1alpha2/namespaces/default/"
                                         "resourcebindings/%1-deployment")
                                  .arg(name));
        QMap<QString, qint64> plan;
        for (const QJsonValue &target : rb.value(u"spec").toObject().value(u"clusters").toArray())
            plan.insert(target[u"name"].toString(), target[u"replicas"].toInteger());
        return plan;
    }

    static QString line(const QString &key, const QString &context, const MemberStatus &m)
    {
        return QStringLiteral("%1 %2 desired=%3 ready=%4 updated=%5 available=%6 gen=%7 rev=%8 %9")
                .arg(key, context)
                .arg(m.desired)
                .arg(m.ready)
                .arg(m.updated)
                .arg(m.available)
                .arg(m.generation)
                .arg(m.revision, m.imagesText());
    }

    QStringList members;

private:
    Net::Transport m_transport;
    Kube::ExecCredentialProvider m_credentials;
    QHash<QString, Kube::ApiClient *> m_clients;
};

QString modelState(const WorkloadModel &model)
{
    QStringList lines;
    for (const FederatedWorkload &w : model.workloads()) {
        for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it)
            lines.append(Direct::line(w.key(), it.key(), it.value()));
    }
    lines.sort();
    return lines.join(u'\n');
}

// Waits until the model shows what the members serve, both read at the same moment (a
// QTRY_COMPARE would read them again after the loop, possibly mid-rollout); on a timeout `why`
// holds both sides.
bool converges(const WorkloadModel &model, Direct &direct, int timeoutMs, QString *why)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const QString served = direct.memberState();
        const QString shown = modelState(model);
        if (served == shown)
            return true;
        if (clock.elapsed() > timeoutMs) {
            *why = QStringLiteral("model:\n%1\nmembers:\n%2").arg(shown, served);
            return false;
        }
        QTest::qWait(50);
    }
}

// The worker's batches applied to models living on this (the "GUI") thread, as in the app.
class View final : public QObject
{
public:
    explicit View(ApiThread *api)
        : clusterTester(&clusters, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , workloadTester(&workloads, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        ApiWorker *worker = api->worker();
        connect(worker,
                &ApiWorker::federationLoaded,
                this,
                [this](quint64, const ClusterStatusList &l) { clusters.setClusters(l); });
        connect(worker,
                &ApiWorker::clusterStatusBatch,
                this,
                [this](quint64, const ClusterStatusList &batch) { clusters.applyBatch(batch); });
        connect(worker,
                &ApiWorker::clustersRemoved,
                this,
                [this](quint64, const QStringList &contexts) {
                    clusters.removeClusters(contexts);
                    ++removals;
                });
        connect(worker, &ApiWorker::refreshFinished, this, [this](quint64) { ++refreshes; });
        connect(worker,
                &ApiWorker::workloadBatch,
                this,
                [this](quint64, const FederatedWorkloadList &changed, const QStringList &removed) {
                    workloads.applyBatch(changed, removed);
                });
        connect(worker, &ApiWorker::workloadsSynced, this, [this](quint64) { synced = true; });
        connect(worker, &ApiWorker::federationFailed, this, [this](quint64, const QString &m) {
            failure = m;
        });
        connect(worker,
                &ApiWorker::engineReady,
                this,
                [this](quint64, Federation::Engine e, const Federation::Capabilities &c) {
                    engine = e;
                    capabilities = c;
                });
    }

    ClusterStatus cluster(const QString &name) const
    {
        const int row = clusters.rowOfContext(name);
        return row < 0 ? ClusterStatus{} : clusters.clusters().at(row);
    }
    bool isUp(const QString &name) const
    {
        const int row = clusters.rowOfContext(name);
        if (row < 0)
            return false;
        const ClusterState s = clusters.clusters().at(row).state;
        return s == ClusterState::Ready || s == ClusterState::Degraded;
    }
    const FederatedWorkload *workload(const QString &key) const
    {
        const int row = workloads.rowOfKey(key);
        return row < 0 ? nullptr : &workloads.workloads().at(row);
    }

    ClusterModel clusters;
    WorkloadModel workloads;
    QAbstractItemModelTester clusterTester;
    QAbstractItemModelTester workloadTester;
    Federation::Engine engine = Federation::Engine::Direct;
    Federation::Capabilities capabilities;
    QString failure;
    bool synced = false;
    int refreshes = 0;
    int removals = 0;
};

Sim::Options simOptions(int watchHistory = 1000)
{
    Sim::Options options;
    options.scenario = QStringLiteral("test");
    options.clusters = 3;
    options.karmada = true;
    options.watchHistory = watchHistory;
    return options;
}

FederationRequest karmadaRequest(const QByteArray &kubeconfig)
{
    FederationRequest r;
    r.load.inlineContent = kubeconfig;
    r.load.inlineName = QStringLiteral("test kubeconfig");
    r.engine = Federation::Engine::Karmada;
    r.namespaces = {QStringLiteral("default")};
    return r; // no context: the engine picks "karmada"
}

const QString clusterPoliciesPath
        = QStringLiteral("/apis/policy.karmada.io/v1alpha1/clusterpropagationpolicies");

} // namespace

class TestKarmadaEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Net::Transport::globalInit(); }

    void viewMatchesControlPlaneAndMembers()
    {
        QString why;
        // Given: a 10-replica template with weights 2:1:1 on the control plane
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        QCOMPARE(direct.members.size(), 3);
        const QString a = direct.members[0], b = direct.members[1], c = direct.members[2];
        QVERIFY(direct.place(QStringLiteral("web"),
                             10,
                             QStringLiteral("nginx:1.27"),
                             {{a, 2}, {b, 1}, {c, 1}}));

        // When: the worker opens the federation with the Karmada engine
        ApiThread api;
        View view(&api);
        api.connectFederation(karmadaRequest(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);
        QVERIFY2(view.failure.isEmpty(), qPrintable(view.failure));
        QTRY_VERIFY_WITH_TIMEOUT(view.refreshes > 0, 20000);

        // Then: it says what Karmada can express
        QCOMPARE(view.engine, Federation::Engine::Karmada);
        QVERIFY(!view.capabilities.perClusterMinMax);
        QVERIFY(view.capabilities.weights);
        QVERIFY(view.capabilities.dynamicWeights);
        QVERIFY(view.capabilities.duplicated);

        // Then: the members are Karmada's Clusters, as the control plane and the members say
        QCOMPARE(view.clusters.rowCount(), 3);
        const QJsonArray clusterObjects
                = direct.getJson(karmadaContext,
                                 QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters"))
                          .value(u"items")
                          .toArray();
        QCOMPARE(clusterObjects.size(), 3);
        for (const QJsonValue &value : clusterObjects) {
            const QJsonObject object = value.toObject();
            const QString name = object[u"metadata"][u"name"].toString();
            const ClusterStatus shown = view.cluster(name);
            QCOMPARE(shown.context, name);
            QCOMPARE(shown.version, object[u"status"][u"kubernetesVersion"].toString());
            QCOMPARE(shown.region, object[u"spec"][u"region"].toString());
            QCOMPARE(shown.provider, object[u"spec"][u"provider"].toString());
            QCOMPARE(shown.nodesTotal, object[u"status"][u"nodeSummary"][u"totalNum"].toInt());
            QVERIFY(!shown.zones.isEmpty());
            // The member's own answers agree with Karmada's summary.
            QCOMPARE(shown.version,
                     direct.getJson(name, QStringLiteral("/version"))[u"gitVersion"].toString());
            QCOMPARE(shown.nodesTotal,
                     direct.getJson(name, QStringLiteral("/api/v1/nodes"))[u"items"]
                             .toArray()
                             .size());
            QVERIFY(view.isUp(name));
        }

        // Then: the workload's plan is the binding's, its members as each member serves them
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));
        const FederatedWorkload *web = view.workload(QStringLiteral("default/web"));
        QVERIFY(web);
        QCOMPARE(web->plan, direct.bindingPlan(QStringLiteral("web")));
        QCOMPARE(web->plan.value(a), 6); // planKarmada: 10 by 2:1:1
        QCOMPARE(web->plannedTotal, 10);
        QCOMPARE(web->preferences.clusters.value(a).weight, 2);
        QVERIFY(!web->imageDrift);
        QTRY_VERIFY_WITH_TIMEOUT(!view.workload(QStringLiteral("default/web"))->replicaDrift,
                                 20000);

        // When: the template's image changes and a Cluster gets a location label
        QCOMPARE(direct.mergePatch(karmadaContext,
                                   deploymentsPath + QStringLiteral("/web"),
                                   QJsonObject{{QStringLiteral("spec"),
                                                QJsonObject{{QStringLiteral("replicas"), 8},
                                                            {QStringLiteral("template"),
                                                             deploymentJson(QStringLiteral("web"),
                                                                            8,
                                                                            QStringLiteral(
                                                                                    "nginx:1.28"))
                                                                     [u"spec"][u"template"]
                                                                             .toObject()}}}}),
                 200);
        QCOMPARE(direct.mergePatch(
                         karmadaContext,
                         QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters/") + b,
                         QJsonObject{
                                 {QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("labels"),
                                               QJsonObject{{QStringLiteral("meridian.dev/location"),
                                                            QStringLiteral("35.68,139.69")}}}}}}),
                 200);

        // Then: the view follows without a restart
        QTRY_COMPARE_WITH_TIMEOUT(view.cluster(b).location, QStringLiteral("35.68,139.69"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(view.workload(QStringLiteral("default/web"))->plannedTotal == 8,
                                 20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));
        QTRY_COMPARE_WITH_TIMEOUT(view.workload(QStringLiteral("default/web"))->plan,
                                  direct.bindingPlan(QStringLiteral("web")),
                                  20000);
        for (const MemberStatus &m : view.workload(QStringLiteral("default/web"))->clusters)
            QCOMPARE(m.imagesText(), QStringLiteral("app=nginx:1.28"));

        // When: the policy goes, Karmada withdraws the copies
        QCOMPARE(direct.call(karmadaContext, "DELETE", policiesPath + QStringLiteral("/web"))
                         .httpStatus,
                 200);
        // Then: the template stays a workload, with no members and a note saying why
        QTRY_VERIFY_WITH_TIMEOUT(view.workload(QStringLiteral("default/web"))
                                         && view.workload(QStringLiteral("default/web"))
                                                    ->clusters.isEmpty(),
                                 20000);
        QVERIFY(!view.workload(QStringLiteral("default/web"))->notes.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(direct.memberState(), QString(), 20000);
    }

    void insightReadsMembersPodsThroughTheProxy()
    {
        // Given: web with 4 replicas spread 1:1 over the first two members
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        const QString a = direct.members[0], b = direct.members[1];
        QVERIFY(direct.place(QStringLiteral("web"),
                             4,
                             QStringLiteral("nginx:1.27"),
                             {{a, 1}, {b, 1}}));

        // When: the worker follows web's pods and events with the Karmada engine
        ApiThread api;
        View view(&api);
        WorkloadInsight insight;
        connect(api.worker(),
                &ApiWorker::workloadInsight,
                &view,
                [&insight](quint64, const WorkloadInsight &i) { insight = i; });
        api.followInsight(QStringLiteral("default/web"));
        api.connectFederation(karmadaRequest(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);

        // Then: the pods are the members' own, read through the cluster proxy, all ready
        auto served = [&] {
            QStringList names;
            for (const QString &member : {a, b}) {
                const QJsonArray items
                        = direct.getJson(member,
                                         QStringLiteral("/api/v1/namespaces/default/pods"
                                                        "?labelSelector=app%3Dweb"))
                                  .value(u"items")
                                  .toArray();
                for (const QJsonValue &item : items)
                    names.append(member + u' ' + item[u"metadata"][u"name"].toString());
            }
            names.sort();
            return names;
        };
        auto shown = [&] {
            QStringList names;
            for (const PodInsight &p : std::as_const(insight.pods))
                names.append(p.cluster + u' ' + p.name);
            return names;
        };
        QTRY_VERIFY_WITH_TIMEOUT(insight.pods.size() == 4
                                         && std::all_of(insight.pods.cbegin(),
                                                        insight.pods.cend(),
                                                        [](const PodInsight &p) {
                                                            return p.ready;
                                                        }),
                                 30000);
        QCOMPARE(shown(), served());
        QVERIFY(insight.notes.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!insight.events.isEmpty(), 20000);
        for (const EventInsight &e : std::as_const(insight.events))
            QVERIFY2(e.cluster == a || e.cluster == b, qPrintable(e.cluster));
    }

    void demoWorkloadsArePlacedByKarmada()
    {
        // Given: the demo federation behind its Karmada control plane
        Sim::Options options;
        options.scenario = QStringLiteral("demo");
        options.karmada = true;
        Sim::Federation sim(options);
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());

        // Then: every demo workload is a template with a PropagationPolicy that took over the
        // members' Deployments without a rollout (revisions as seeded: web is at 3)
        const QJsonArray templates
                = direct.getJson(karmadaContext, QStringLiteral("/apis/apps/v1/deployments"))
                          .value(u"items")
                          .toArray();
        QStringList keys;
        for (const QJsonValue &t : templates)
            keys.append(t[u"metadata"][u"namespace"].toString() + u'/'
                        + t[u"metadata"][u"name"].toString());
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("default/api"),
                              QStringLiteral("default/web"),
                              QStringLiteral("default/worker"),
                              QStringLiteral("shop/cart")}));
        const QJsonObject policy
                = direct.getJson(karmadaContext, policiesPath + QStringLiteral("/web"));
        QCOMPARE(policy[u"spec"][u"conflictResolution"].toString(), QStringLiteral("Overwrite"));
        const QJsonObject tokyoWeb
                = direct.getJson(QStringLiteral("tokyo"), deploymentsPath + QStringLiteral("/web"));
        QCOMPARE(tokyoWeb[u"metadata"][u"labels"][u"karmada.io/managed"].toString(),
                 QStringLiteral("true"));
        QCOMPARE(tokyoWeb[u"metadata"][u"annotations"][u"deployment.kubernetes.io/revision"]
                         .toString(),
                 QStringLiteral("3"));

        // And: the engine shows them, each planned as the members run it
        ApiThread api;
        View view(&api);
        FederationRequest request = karmadaRequest(sim.kubeconfig());
        request.namespaces.clear(); // every namespace
        api.connectFederation(request);
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(view.workloads.rowCount(), 4, 20000);
        for (const FederatedWorkload &w : view.workloads.workloads()) {
            QCOMPARE(w.placementKind, QStringLiteral("PropagationPolicy"));
            QVERIFY2(!w.hasDrift(), qPrintable(w.key()));
            for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it)
                QCOMPARE(w.plan.value(it.key()), it->desired);
        }
    }

    void conflictResolutionOverwriteTakesOverAMembersDeployment()
    {
        // Given: a Deployment "solo" the member made itself, then a template and a policy for it
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        const QString a = direct.members[0];
        QCOMPARE(direct.call(a,
                             "POST",
                             deploymentsPath,
                             deploymentJson(QStringLiteral("solo"), 1, QStringLiteral("x:1")))
                         .httpStatus,
                 201);
        QVERIFY(direct.place(QStringLiteral("solo"), 2, QStringLiteral("x:1"), {{a, 1}}));
        // Then: with the default (Abort) Karmada leaves it alone and says why
        const QString bindingPath = QStringLiteral(
                "/apis/work.karmada.io/v1alpha2/namespaces/default/resourcebindings/"
                "solo-deployment");
        QTRY_VERIFY_WITH_TIMEOUT(direct
                                         .getJson(karmadaContext,
                                                  bindingPath)[u"status"][u"aggregatedStatus"][0]
                                                              [u"appliedMessage"]
                                         .toString()
                                         .contains(QLatin1String("not managed by Karmada")),
                                 10000);
        QCOMPARE(direct.getJson(a, deploymentsPath + QStringLiteral("/solo"))[u"spec"][u"replicas"]
                         .toInt(),
                 1);
        // When: the policy says Overwrite
        QCOMPARE(direct.mergePatch(karmadaContext,
                                   policiesPath + QStringLiteral("/solo"),
                                   QJsonObject{{QStringLiteral("spec"),
                                                QJsonObject{{QStringLiteral("conflictResolution"),
                                                             QStringLiteral("Overwrite")}}}}),
                 200);
        // Then: Karmada takes the member's Deployment over
        QTRY_COMPARE_WITH_TIMEOUT(direct.getJson(a,
                                                 deploymentsPath
                                                         + QStringLiteral(
                                                                 "/solo"))[u"spec"][u"replicas"]
                                          .toInt(),
                                  2,
                                  10000);
        QCOMPARE(direct.getJson(a,
                                deploymentsPath + QStringLiteral("/solo"))[u"metadata"][u"labels"]
                                                                          [u"karmada.io/managed"]
                                                                                  .toString(),
                 QStringLiteral("true"));
    }

    void memberGoingDownAndComingBack()
    {
        QString why;
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        const QString down = direct.members[1];
        QMap<QString, int> weights;
        for (const QString &m : std::as_const(direct.members))
            weights.insert(m, 1);
        QVERIFY(direct.place(QStringLiteral("api"), 6, QStringLiteral("api:1"), weights));

        ApiThread api;
        View view(&api);
        api.connectFederation(karmadaRequest(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(view.isUp(down), 20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));

        // When: the member goes down
        sim.setFault(down, Sim::Fault{Sim::Fault::Kind::Down});
        // Then: Karmada marks it not Ready, and the view shows it with Karmada's reason
        QTRY_COMPARE_WITH_TIMEOUT(view.cluster(down).state, ClusterState::Unreachable, 15000);
        QVERIFY(view.cluster(down).reason.contains(QStringLiteral("ClusterNotReachable")));
        QVERIFY(view.isUp(direct.members[0]));
        // The workload keeps the member (Karmada's aggregated status speaks for it)
        QVERIFY(view.workload(QStringLiteral("default/api"))->clusters.contains(down));

        // When: it comes back and the template scales
        sim.setFault(down, std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(view.isUp(down), 15000);
        QCOMPARE(direct.mergePatch(karmadaContext,
                                   deploymentsPath + QStringLiteral("/api"),
                                   QJsonObject{{QStringLiteral("spec"),
                                                QJsonObject{{QStringLiteral("replicas"), 9}}}}),
                 200);
        // Then: the member's copy and the view follow without a restart
        QTRY_COMPARE_WITH_TIMEOUT(view.workload(QStringLiteral("default/api"))->plan.value(down),
                                  3,
                                  20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));
    }

    void expiredWatchRelists()
    {
        QString why;
        // Given: a federation whose servers remember only 3 changes for watch resumption, and
        // the engine on this thread so its informers can be counted
        Sim::Federation sim(simOptions(3));
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        const QString member = direct.members[0];
        QMap<QString, int> weights;
        for (const QString &m : std::as_const(direct.members))
            weights.insert(m, 1);
        QVERIFY(direct.place(QStringLiteral("db"), 3, QStringLiteral("pg:16"), weights));
        Federation::KarmadaBackend::Options options;
        options.namespaces = {QStringLiteral("default")};
        options.backoffInitialMs = 500;
        options.backoffMaxMs = 2000;
        Federation::KarmadaBackend backend(direct.client(karmadaContext), options);
        WorkloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto drain = [&] {
            const Federation::Backend::Changes changes = backend.takeChanges();
            model.applyBatch(changes.workloads, changes.removedWorkloads);
        };
        // Queued, as the worker drains: never from inside the backend's own handlers.
        // (The model as context: calls still queued when it goes are dropped with it.)
        connect(&backend,
                &Federation::Backend::changesPending,
                &model,
                drain,
                Qt::QueuedConnection);
        connect(&backend,
                &Federation::Backend::initialSyncDone,
                &model,
                drain,
                Qt::QueuedConnection);
        backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(backend.isInitialSyncDone(), 20000);
        QVERIFY2(converges(model, direct, 20000, &why), qPrintable(why));
        const int listsBefore = backend.listCount();

        // When: the member drops while the template changes, so its copy changes many times
        // right as it comes back, before the engine's watch through the proxy resumes
        sim.setFault(member, Sim::Fault{Sim::Fault::Kind::Down});
        auto memberState = [&] {
            for (const ClusterStatus &s : backend.clusters()) {
                if (s.context == member)
                    return s.state;
            }
            return ClusterState::Connecting;
        };
        QTRY_COMPARE_WITH_TIMEOUT(memberState(), ClusterState::Unreachable, 20000);
        const int memberListsBefore = backend.listCount(member);
        QCOMPARE(direct.mergePatch(karmadaContext,
                                   deploymentsPath + QStringLiteral("/db"),
                                   QJsonObject{{QStringLiteral("spec"),
                                                QJsonObject{{QStringLiteral("replicas"), 6}}}}),
                 200);
        QTest::qWait(1500);
        sim.setFault(member, std::nullopt);
        // More changes than the member remembers (3) land before the informer's next retry,
        // which the backoff (1 to 2 s by now) puts well after these few writes.
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(direct.mergePatch(member,
                                       deploymentsPath + QStringLiteral("/db"),
                                       QJsonObject{
                                               {QStringLiteral("metadata"),
                                                QJsonObject{{QStringLiteral("labels"),
                                                             QJsonObject{{QStringLiteral("step"),
                                                                          QString::number(i)}}}}}}),
                     200);
        }

        // Then: a resume from a forgotten resourceVersion gets 410, the informer relists, and
        // the view converges on what the members serve (once Karmada updated the copy)
        QTRY_COMPARE_WITH_TIMEOUT(direct.getJson(member, deploymentsPath + QStringLiteral("/db"))
                                          .value(u"spec")
                                          .toObject()
                                          .value(u"replicas")
                                          .toInt(),
                                  2,
                                  20000);
        QVERIFY2(converges(model, direct, 30000, &why), qPrintable(why));
        QTRY_VERIFY_WITH_TIMEOUT(backend.listCount(member) > memberListsBefore, 20000);
        QVERIFY(backend.listCount() > listsBefore);
        QCOMPARE(model.workloads().constFirst().clusters.value(member).desired, 2);
    }

    void deletedClusterLeavesTheViewAndComesBack()
    {
        QString why;
        // Given: 9 replicas over three members by 1:1:1, shown through the worker
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        const QString a = direct.members[0], b = direct.members[1], c = direct.members[2];
        QVERIFY(direct.place(QStringLiteral("web"),
                             9,
                             QStringLiteral("nginx:1.27"),
                             {{a, 1}, {b, 1}, {c, 1}}));
        ApiThread api;
        View view(&api);
        api.connectFederation(karmadaRequest(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(view.clusters.rowCount(), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(view.workload(QStringLiteral("default/web"))->plan.value(c),
                                  3,
                                  20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));

        // When: Karmada's Cluster object for c is deleted
        const QString clusterPath = QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters/");
        QJsonObject object = direct.getJson(karmadaContext, clusterPath + c);
        QCOMPARE(object[u"metadata"][u"name"].toString(), c);
        QCOMPARE(direct.call(karmadaContext, "DELETE", clusterPath + c).httpStatus, 200);

        // Then: its row goes (the model tester watches the removal), the others stay
        QTRY_COMPARE_WITH_TIMEOUT(view.clusters.rowOfContext(c), -1, 15000);
        QCOMPARE(view.clusters.rowCount(), 2);
        QVERIFY(view.removals > 0);
        QVERIFY(view.isUp(a));
        QVERIFY(view.isUp(b));
        // The aggregated apiserver no longer proxies to it
        QCOMPARE(direct.call(karmadaContext,
                             "GET",
                             Federation::KarmadaBackend::proxyPath(c,
                                                                   QStringLiteral("/api/v1/nodes")))
                         .httpStatus,
                 404);
        // And: the workload loses c's row; Karmada reschedules the 9 onto a and b; the totals
        // are those of the members left, as they serve them
        QTRY_VERIFY_WITH_TIMEOUT(!view.workload(QStringLiteral("default/web"))
                                          ->clusters.contains(c),
                                 15000);
        QTRY_COMPARE_WITH_TIMEOUT(view.workload(QStringLiteral("default/web"))->plan,
                                  direct.bindingPlan(QStringLiteral("web")),
                                  20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));
        {
            const FederatedWorkload *web = view.workload(QStringLiteral("default/web"));
            QVERIFY(!web->plan.contains(c));
            QCOMPARE(web->plan.value(a) + web->plan.value(b), 9);
            qint64 desired = 0;
            for (const MemberStatus &m : web->clusters)
                desired += m.desired;
            QCOMPARE(web->totals.desired, desired);
            QCOMPARE(web->totals.desired, 9);
            const QModelIndex row = view.workloads.index(view.workloads.rowOfKey(web->key()), 0);
            QCOMPARE(view.workloads.rowCount(row), 2);
        }

        // When: the Cluster is registered again
        QJsonObject metadata = object.value(u"metadata").toObject();
        for (const char *key : {"resourceVersion", "uid", "creationTimestamp", "generation"})
            metadata.remove(QLatin1String(key));
        object.insert(QStringLiteral("metadata"), metadata);
        QCOMPARE(direct.call(karmadaContext,
                             "POST",
                             QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters"),
                             object)
                         .httpStatus,
                 201);

        // Then: it is a row again, Ready, and gets its share back
        QTRY_VERIFY_WITH_TIMEOUT(view.isUp(c), 15000);
        QCOMPARE(view.clusters.rowCount(), 3);
        QCOMPARE(view.clusters.rowOfContext(c), 2);
        QTRY_COMPARE_WITH_TIMEOUT(view.workload(QStringLiteral("default/web"))->plan.value(c),
                                  3,
                                  20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));
        QVERIFY(view.workload(QStringLiteral("default/web"))->clusters.contains(c));
    }

    void clusterPropagationPolicyPlacesAndIsWritten()
    {
        QString why;
        // Given: policies first (Karmada keeps a claim once made), then three Deployments:
        // - web: one ClusterPropagationPolicy naming exactly default/web, weights a:1 b:2
        // - api (tier=backend): "api-exact" names it (priority 0), "backend-wide" selects every
        //   tier=backend Deployment of default (priority 10): the higher priority wins
        // - db: a PropagationPolicy (priority 0) and a ClusterPropagationPolicy (priority 100):
        //   the namespaced policy wins
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        const QString a = direct.members[0], b = direct.members[1], c = direct.members[2];
        const QString ns = QStringLiteral("default");
        auto create = [&](const QString &path, const QJsonObject &object) {
            return direct.call(karmadaContext, "POST", path, object).httpStatus;
        };
        QCOMPARE(create(clusterPoliciesPath,
                        weightedPolicy(QStringLiteral("ClusterPropagationPolicy"),
                                       QStringLiteral("web-cpp"),
                                       deploymentSelector(ns, QStringLiteral("web")),
                                       {{a, 1}, {b, 2}})),
                 201);
        QJsonObject backend = deploymentSelector(ns, {});
        backend.insert(QStringLiteral("labelSelector"),
                       QJsonObject{
                               {QStringLiteral("matchLabels"),
                                QJsonObject{{QStringLiteral("tier"), QStringLiteral("backend")}}}});
        QCOMPARE(create(clusterPoliciesPath,
                        weightedPolicy(QStringLiteral("ClusterPropagationPolicy"),
                                       QStringLiteral("backend-wide"),
                                       backend,
                                       {{c, 1}},
                                       10)),
                 201);
        QCOMPARE(create(clusterPoliciesPath,
                        weightedPolicy(QStringLiteral("ClusterPropagationPolicy"),
                                       QStringLiteral("api-exact"),
                                       deploymentSelector(ns, QStringLiteral("api")),
                                       {{a, 1}})),
                 201);
        QCOMPARE(create(clusterPoliciesPath,
                        weightedPolicy(QStringLiteral("ClusterPropagationPolicy"),
                                       QStringLiteral("db-cpp"),
                                       deploymentSelector(ns, QStringLiteral("db")),
                                       {{b, 1}},
                                       100)),
                 201);
        QCOMPARE(create(policiesPath,
                        weightedPolicy(QStringLiteral("PropagationPolicy"),
                                       QStringLiteral("db-pp"),
                                       deploymentSelector({}, QStringLiteral("db")),
                                       {{a, 1}})),
                 201);
        QCOMPARE(create(deploymentsPath,
                        deploymentJson(QStringLiteral("web"), 6, QStringLiteral("nginx:1.27"))),
                 201);
        QJsonObject api = deploymentJson(QStringLiteral("api"), 4, QStringLiteral("api:1"));
        QJsonObject apiMetadata = api.value(u"metadata").toObject();
        apiMetadata.insert(QStringLiteral("labels"),
                           QJsonObject{{QStringLiteral("tier"), QStringLiteral("backend")}});
        api.insert(QStringLiteral("metadata"), apiMetadata);
        QCOMPARE(create(deploymentsPath, api), 201);
        QCOMPARE(create(deploymentsPath,
                        deploymentJson(QStringLiteral("db"), 2, QStringLiteral("pg:16"))),
                 201);

        // When: the worker opens the federation
        ApiThread api2;
        View view(&api2);
        api2.connectFederation(karmadaRequest(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(view.workload(QStringLiteral("default/web"))
                                         && view.workload(QStringLiteral("default/web"))
                                                            ->plan.value(b)
                                                    == 4,
                                 20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));

        // Then: web's binding names the ClusterPropagationPolicy (annotation, Karmada >= 1.7,
        // and label), and the view reads the placement from it and says so
        const QJsonObject rb
                = direct.getJson(karmadaContext,
                                 QStringLiteral("/apis/work.karmada.io/v1alpha2/namespaces/default/"
                                                "resourcebindings/web-deployment"));
        QCOMPARE(rb[u"metadata"][u"annotations"][u"clusterpropagationpolicy.karmada.io/name"]
                         .toString(),
                 QStringLiteral("web-cpp"));
        QVERIFY(!rb[u"metadata"][u"labels"].toObject().contains(
                u"propagationpolicy.karmada.io/name"));
        const FederatedWorkload *web = view.workload(QStringLiteral("default/web"));
        QCOMPARE(web->placementKind, QStringLiteral("ClusterPropagationPolicy"));
        QCOMPARE(web->placementName, QStringLiteral("web-cpp"));
        QCOMPARE(web->preferences.clusters.value(a).weight, 1);
        QCOMPARE(web->preferences.clusters.value(b).weight, 2);
        QCOMPARE(web->preferences.schedulingType, ReplicaSchedulingType::Divided);
        QCOMPARE(web->plan, direct.bindingPlan(QStringLiteral("web")));
        QCOMPARE(web->plan.value(a), 2);
        QVERIFY(!web->clusters.contains(c)); // the affinity names a and b only

        // Then: the higher priority wins among ClusterPropagationPolicies, and a
        // PropagationPolicy wins over any ClusterPropagationPolicy
        QTRY_COMPARE_WITH_TIMEOUT(view.workload(QStringLiteral("default/api"))->placementName,
                                  QStringLiteral("backend-wide"),
                                  20000);
        QCOMPARE(view.workload(QStringLiteral("default/api"))->plan,
                 (QMap<QString, qint64>{{c, 4}}));
        QTRY_COMPARE_WITH_TIMEOUT(view.workload(QStringLiteral("default/db"))->placementKind,
                                  QStringLiteral("PropagationPolicy"),
                                  20000);
        QCOMPARE(view.workload(QStringLiteral("default/db"))->placementName,
                 QStringLiteral("db-pp"));
        QCOMPARE(view.workload(QStringLiteral("default/db"))->plan,
                 (QMap<QString, qint64>{{a, 2}}));

        // Then: meridianctl placement get names the policy and its kind
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString kubeconfig = dir.filePath(QStringLiteral("sim.kubeconfig"));
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(sim.kubeconfig());
        file.close();
        auto placementGet = [&](const QString &workload) {
            QString out, err;
            QTextStream o(&out), e(&err);
            const int code = Cli::run({QStringLiteral("placement"),
                                       QStringLiteral("get"),
                                       workload,
                                       QStringLiteral("--engine"),
                                       QStringLiteral("karmada"),
                                       QStringLiteral("--context"),
                                       karmadaContext,
                                       QStringLiteral("--kubeconfig"),
                                       kubeconfig,
                                       QStringLiteral("-o"),
                                       QStringLiteral("json")},
                                      o,
                                      e);
            o.flush();
            e.flush();
            return qMakePair(code, code == 0 ? out : err);
        };
        const auto webGet = placementGet(QStringLiteral("default/web"));
        QVERIFY2(webGet.first == 0, qPrintable(webGet.second));
        const QJsonObject webJson = QJsonDocument::fromJson(webGet.second.toUtf8()).object();
        QCOMPARE(webJson[u"policyKind"].toString(), QStringLiteral("ClusterPropagationPolicy"));
        QCOMPARE(webJson[u"policy"].toString(), QStringLiteral("web-cpp"));
        QCOMPARE(webJson[u"current"][b].toInteger(), 4);
        QCOMPARE(webJson[u"preferences"][u"clusters"][b][u"weight"].toInteger(), 2);
        const auto dbGet = placementGet(QStringLiteral("default/db"));
        QVERIFY2(dbGet.first == 0, qPrintable(dbGet.second));
        QCOMPARE(QJsonDocument::fromJson(dbGet.second.toUtf8())[u"policyKind"].toString(),
                 QStringLiteral("PropagationPolicy"));
        // A Deployment nothing selects: said so
        QCOMPARE(create(deploymentsPath,
                        deploymentJson(QStringLiteral("lonely"), 1, QStringLiteral("x:1"))),
                 201);
        const auto lonely = placementGet(QStringLiteral("default/lonely"));
        QCOMPARE(lonely.first, int(Cli::ExitFailure));
        QVERIFY2(lonely.second.contains(QStringLiteral("No PropagationPolicy")),
                 qPrintable(lonely.second));
        QVERIFY2(lonely.second.contains(QStringLiteral("ClusterPropagationPolicy")),
                 qPrintable(lonely.second));

        // When: the placement editor's apply (the Karmada job) writes web's new weights 1:1
        auto apply = [&](const QString &name,
                         const ReplicaPreferences &base,
                         const ReplicaPreferences &target) {
            Placement::MemberApplyResults results;
            QEventLoop loop;
            auto *job = new Placement::PolicyApplyJob(direct.client(karmadaContext),
                                                      ns,
                                                      name,
                                                      base,
                                                      target,
                                                      std::nullopt);
            connect(job,
                    &Placement::PolicyApplyJob::finished,
                    &loop,
                    [&](const Placement::MemberApplyResults &r) {
                        results = r;
                        loop.quit();
                    });
            job->start();
            QTimer::singleShot(20000, &loop, &QEventLoop::quit);
            loop.exec();
            return results;
        };
        const ReplicaPreferences webBase = web->preferences;
        ReplicaPreferences even = webBase;
        even.clusters[b].weight = 1;
        const Placement::MemberApplyResults written = apply(QStringLiteral("web"), webBase, even);

        // Then: the ClusterPropagationPolicy is rewritten (other fields kept), Karmada divides
        // 3/3 and the view follows
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().member, QStringLiteral("ClusterPropagationPolicy/web-cpp"));
        QVERIFY2(written.first().state == Placement::MemberApplyResult::State::Done,
                 qPrintable(written.first().message));
        const QJsonObject cpp
                = direct.getJson(karmadaContext, clusterPoliciesPath + QStringLiteral("/web-cpp"));
        QCOMPARE(cpp[u"kind"].toString(), QStringLiteral("ClusterPropagationPolicy"));
        QCOMPARE(cpp[u"spec"][u"resourceSelectors"][0][u"namespace"].toString(), ns);
        QCOMPARE(cpp[u"spec"][u"placement"][u"clusterAffinity"][u"clusterNames"].toArray().size(),
                 2);
        QTRY_COMPARE_WITH_TIMEOUT(direct.bindingPlan(QStringLiteral("web")),
                                  (QMap<QString, qint64>{{a, 3}, {b, 3}}),
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(
                view.workload(QStringLiteral("default/web"))->preferences.clusters.value(b).weight,
                1,
                20000);
        QVERIFY2(converges(view.workloads, direct, 20000, &why), qPrintable(why));
        QCOMPARE(view.workload(QStringLiteral("default/web"))->placementName,
                 QStringLiteral("web-cpp"));

        // When: api's placement is applied: its ClusterPropagationPolicy selects every backend
        // Deployment, so writing it would move others too
        const QJsonObject wideBefore
                = direct.getJson(karmadaContext,
                                 clusterPoliciesPath + QStringLiteral("/backend-wide"));
        const ReplicaPreferences apiBase
                = view.workload(QStringLiteral("default/api"))->preferences;
        ReplicaPreferences moved = apiBase;
        moved.clusters[c].weight = 5;
        const Placement::MemberApplyResults refused = apply(QStringLiteral("api"), apiBase, moved);

        // Then: refused with the reason; the policy is untouched
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().member, QStringLiteral("ClusterPropagationPolicy/backend-wide"));
        QCOMPARE(refused.first().state, Placement::MemberApplyResult::State::Failed);
        QVERIFY2(refused.first().message.contains(QStringLiteral("also selects")),
                 qPrintable(refused.first().message));
        QVERIFY2(refused.first().message.contains(QStringLiteral("tier")) == false
                         && refused.first().message.contains(QStringLiteral("labels")),
                 qPrintable(refused.first().message));
        QCOMPARE(direct.getJson(karmadaContext,
                                clusterPoliciesPath
                                        + QStringLiteral(
                                                "/backend-wide"))[u"metadata"][u"resourceVersion"]
                         .toString(),
                 wideBefore[u"metadata"][u"resourceVersion"].toString());
    }

    void proxyPathReachesMembers()
    {
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        const QString member = direct.members[2];
        const QString path
                = Federation::KarmadaBackend::proxyPath(member, QStringLiteral("/api/v1/nodes"));
        QCOMPARE(path,
                 QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters/%1/proxy/api/v1/nodes")
                         .arg(member));
        // Through the control plane's ApiClient, the member's own node list.
        const QJsonObject proxied = direct.getJson(karmadaContext, path);
        const QJsonObject own = direct.getJson(member, QStringLiteral("/api/v1/nodes"));
        QCOMPARE(proxied.value(u"kind").toString(), QStringLiteral("NodeList"));
        QCOMPARE(proxied.value(u"items").toArray().size(), own.value(u"items").toArray().size());
    }

    void meridianctlGetWithKarmada()
    {
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        Direct direct(sim.kubeconfig());
        QMap<QString, int> weights;
        for (const QString &m : std::as_const(direct.members))
            weights.insert(m, 1);
        weights[direct.members[0]] = 2;
        QVERIFY(direct.place(QStringLiteral("web"), 4, QStringLiteral("nginx:1.27"), weights));
        QTRY_VERIFY_WITH_TIMEOUT(!direct.bindingPlan(QStringLiteral("web")).isEmpty(), 10000);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString kubeconfig = dir.filePath(QStringLiteral("sim.kubeconfig"));
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(sim.kubeconfig());
        file.close();
        auto run = [&](const QStringList &args, QString *out, QString *err) {
            QTextStream o(out);
            QTextStream e(err);
            const int code = Cli::run(args, o, e);
            o.flush();
            e.flush();
            return code;
        };

        // get clusters: Karmada's members, with what the Cluster objects add
        QString out, err;
        QCOMPARE(run({QStringLiteral("get"),
                      QStringLiteral("clusters"),
                      QStringLiteral("--engine"),
                      QStringLiteral("karmada"),
                      QStringLiteral("--kubeconfig"),
                      kubeconfig,
                      QStringLiteral("-o"),
                      QStringLiteral("json")},
                     &out,
                     &err),
                 0);
        const QJsonArray clusters = QJsonDocument::fromJson(out.toUtf8()).array();
        QCOMPARE(clusters.size(), 3);
        QCOMPARE(clusters.first()[u"name"].toString(), direct.members[0]);
        QCOMPARE(clusters.first()[u"provider"].toString(), QStringLiteral("gcp"));
        QVERIFY(!clusters.first()[u"zones"].toArray().isEmpty());

        // get workloads -o json: the shape, numbers as the members serve them
        out.clear();
        err.clear();
        QCOMPARE(run({QStringLiteral("get"),
                      QStringLiteral("workloads"),
                      QStringLiteral("--engine"),
                      QStringLiteral("karmada"),
                      QStringLiteral("--context"),
                      karmadaContext,
                      QStringLiteral("--kubeconfig"),
                      kubeconfig,
                      QStringLiteral("-o"),
                      QStringLiteral("json")},
                     &out,
                     &err),
                 0);
        const QJsonArray workloads = QJsonDocument::fromJson(out.toUtf8()).array();
        QCOMPARE(workloads.size(), 1);
        const QJsonObject web = workloads.first().toObject();
        QCOMPARE(web[u"namespace"].toString(), QStringLiteral("default"));
        QCOMPARE(web[u"name"].toString(), QStringLiteral("web"));
        QCOMPARE(web[u"total"].toInt(), 4);
        const QJsonObject members = web[u"clusters"].toObject();
        const QMap<QString, qint64> plan = direct.bindingPlan(QStringLiteral("web"));
        QCOMPARE(QStringList(members.keys()), QStringList(plan.keys()));
        for (auto it = plan.cbegin(); it != plan.cend(); ++it) {
            const QJsonObject m = members.value(it.key()).toObject();
            QCOMPARE(m[u"desired"].toInteger(), it.value());
            QCOMPARE(m[u"images"][u"app"].toString(), QStringLiteral("nginx:1.27"));
            for (const char *key : {"updated", "ready", "available", "revision"})
                QVERIFY2(m.contains(QLatin1String(key)), key);
        }

        // Two contexts for one control plane is an operator error, said so
        err.clear();
        QCOMPARE(run({QStringLiteral("get"),
                      QStringLiteral("workloads"),
                      QStringLiteral("--engine"),
                      QStringLiteral("karmada"),
                      QStringLiteral("--context"),
                      karmadaContext,
                      QStringLiteral("--context"),
                      direct.members[0],
                      QStringLiteral("--kubeconfig"),
                      kubeconfig},
                     &out,
                     &err),
                 int(Cli::ExitFailure));
        QVERIFY2(err.contains(QStringLiteral("one control plane")), qPrintable(err));
    }

    void unreachableControlPlaneFails()
    {
        // A kubeconfig whose karmada context points at a closed port: a clear failure.
        Sim::Federation sim(simOptions());
        QVERIFY(sim.start().ok());
        QByteArray kubeconfig = sim.kubeconfig();
        const QString url = sim.endpoints().value(u"karmada").toString();
        QVERIFY(!url.isEmpty());
        kubeconfig.replace(url.toUtf8(), "https://127.0.0.1:1");
        ApiThread api;
        View view(&api);
        api.connectFederation(karmadaRequest(kubeconfig));
        QTRY_VERIFY_WITH_TIMEOUT(!view.failure.isEmpty(), 20000);
        QVERIFY2(view.failure.contains(QStringLiteral("karmada")), qPrintable(view.failure));
    }
};

QTEST_GUILESS_MAIN(TestKarmadaEngine)
#include "tst_karmadaengine.moc"

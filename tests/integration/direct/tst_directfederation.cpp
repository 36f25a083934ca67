// The Direct engine against meridian-sim over real HTTPS: Deployments written to the members
// with Meridian's own ApiClient, read back through the API worker's workload batches into a
// WorkloadModel, and compared with what each member serves.
#include "core/workload.h"
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "models/workloadmodel.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "worker/apiworker.h"

#include <QAbstractItemModelTester>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

using namespace Meridian;

namespace {

// Writes and reads members directly, on the test's thread, as a second client would.
class Members final
{
public:
    explicit Members(const QByteArray &kubeconfig)
    {
        Kube::LoadOptions load;
        load.inlineContent = kubeconfig;
        load.inlineName = QStringLiteral("test kubeconfig");
        Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
        if (!config)
            qFatal("kubeconfig: %s", qPrintable(config.error().message));
        for (const QString &name : config->contextNames()) {
            contexts.append(name);
            m_clients.insert(name,
                             new Kube::ApiClient(*config->resolve(name),
                                                 &m_transport,
                                                 &m_credentials));
        }
    }
    ~Members() { qDeleteAll(m_clients); }

    Net::Response call(const QString &context,
                       const QByteArray &method,
                       const QString &path,
                       const QByteArray &body = {},
                       const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        Kube::ApiClient *client = m_clients.value(context);
        Net::Request request = client->requestFor(path);
        request.method = method;
        request.body = body;
        if (!body.isEmpty())
            request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
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

    int create(const QString &context, const QString &name, int replicas, const QString &image)
    {
        const QJsonObject labels{{QStringLiteral("app"), name}};
        const QJsonObject body{
                {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                {QStringLiteral("kind"), QStringLiteral("Deployment")},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                {QStringLiteral("spec"),
                 QJsonObject{{QStringLiteral("replicas"), replicas},
                             {QStringLiteral("selector"),
                              QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                             {QStringLiteral("template"),
                              QJsonObject{{QStringLiteral("metadata"),
                                           QJsonObject{{QStringLiteral("labels"), labels}}},
                                          {QStringLiteral("spec"),
                                           QJsonObject{
                                                   {QStringLiteral("containers"),
                                                    QJsonArray{QJsonObject{{QStringLiteral("name"),
                                                                            QStringLiteral("app")},
                                                                           {QStringLiteral("image"),
                                                                            image}}}}}}}}}}};
        return call(context,
                    "POST",
                    QStringLiteral("/apis/apps/v1/namespaces/default/deployments"),
                    QJsonDocument(body).toJson(QJsonDocument::Compact))
                .httpStatus;
    }

    int patch(const QString &context, const QString &name, const QJsonObject &mergePatch)
    {
        return call(context,
                    "PATCH",
                    QStringLiteral("/apis/apps/v1/namespaces/default/deployments/") + name,
                    QJsonDocument(mergePatch).toJson(QJsonDocument::Compact),
                    QByteArrayLiteral("application/merge-patch+json"))
                .httpStatus;
    }

    int remove(const QString &context, const QString &name)
    {
        return call(context,
                    "DELETE",
                    QStringLiteral("/apis/apps/v1/namespaces/default/deployments/") + name)
                .httpStatus;
    }

    // What every member serves, in the shape summarize() gives the model's workloads.
    QString serverState()
    {
        QStringList lines;
        for (const QString &context : std::as_const(contexts)) {
            const Net::Response response
                    = call(context,
                           "GET",
                           QStringLiteral("/apis/apps/v1/namespaces/default/deployments"));
            if (!response.isHttpSuccess())
                return QStringLiteral("<%1 answered %2>").arg(context).arg(response.httpStatus);
            const QJsonArray items = QJsonDocument::fromJson(response.body)
                                             .object()
                                             .value(QStringLiteral("items"))
                                             .toArray();
            for (const QJsonValue &item : items) {
                const QJsonObject object = item.toObject();
                const QString key = QStringLiteral("default/")
                                    + object.value(QStringLiteral("metadata"))
                                              .toObject()
                                              .value(QStringLiteral("name"))
                                              .toString();
                lines.append(line(key, context, memberStatusFromDeployment(object)));
            }
        }
        lines.sort();
        return lines.join(u'\n');
    }

    static QString line(const QString &key, const QString &context, const MemberStatus &m)
    {
        return QStringLiteral("%1 %2 desired=%3 ready=%4 updated=%5 gen=%6 rev=%7 %8")
                .arg(key, context)
                .arg(m.desired)
                .arg(m.ready)
                .arg(m.updated)
                .arg(m.generation)
                .arg(m.revision, m.imagesText());
    }

    QStringList contexts;

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
            lines.append(Members::line(w.key(), it.key(), it.value()));
    }
    lines.sort();
    return lines.join(u'\n');
}

// One worker generation, its batches applied to a WorkloadModel and a cluster map.
class View final : public QObject
{
public:
    explicit View(ApiThread *api)
        : tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        connect(api->worker(),
                &ApiWorker::workloadBatch,
                this,
                [this](quint64, const FederatedWorkloadList &changed, const QStringList &removed) {
                    ++batches;
                    model.applyBatch(changed, removed);
                });
        connect(api->worker(), &ApiWorker::workloadsSynced, this, [this](quint64) {
            synced = true;
        });
        connect(api->worker(),
                &ApiWorker::clusterStatusBatch,
                this,
                [this](quint64, const ClusterStatusList &batch) {
                    for (const ClusterStatus &s : batch)
                        clusters.insert(s.context, s);
                });
        connect(api->worker(),
                &ApiWorker::engineReady,
                this,
                [this](quint64, Federation::Engine, const Federation::Capabilities &c) {
                    capabilities = c;
                });
    }

    ClusterState state(const QString &context) const { return clusters.value(context).state; }
    // Answering, whatever its nodes say (the test scenario has nodes that are not Ready).
    bool isUp(const QString &context) const
    {
        const ClusterState s = state(context);
        return s == ClusterState::Ready || s == ClusterState::Degraded;
    }

    WorkloadModel model;
    QAbstractItemModelTester tester;
    QHash<QString, ClusterStatus> clusters;
    Federation::Capabilities capabilities;
    bool synced = false;
    int batches = 0;
};

Sim::Options testOptions(int watchHistory = 1000)
{
    Sim::Options options;
    options.scenario = QStringLiteral("test");
    options.clusters = 3;
    options.watchHistory = watchHistory;
    return options;
}

FederationRequest request(const QByteArray &kubeconfig)
{
    FederationRequest r;
    r.load.inlineContent = kubeconfig;
    r.load.inlineName = QStringLiteral("test kubeconfig");
    r.namespaces = {QStringLiteral("default")};
    return r;
}

} // namespace

class TestDirectFederation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Net::Transport::globalInit(); }

    void workloadsMatchWhatMembersServe()
    {
        // Given: "web" in two members (the same template), "api" in the third
        Sim::Federation sim(testOptions());
        QVERIFY(sim.start().ok());
        Members members(sim.kubeconfig());
        QCOMPARE(members.contexts.size(), 3);
        const QString a = members.contexts[0], b = members.contexts[1], c = members.contexts[2];
        const int status
                = members.create(a, QStringLiteral("web"), 2, QStringLiteral("nginx:1.27"));
        if (status == 404 || status == 405)
            QSKIP("meridian-sim does not create Deployments yet (POST answered 404/405)");
        QCOMPARE(status, 201);
        QCOMPARE(members.create(b, QStringLiteral("web"), 2, QStringLiteral("nginx:1.27")), 201);
        QCOMPARE(members.create(c, QStringLiteral("api"), 3, QStringLiteral("api:7")), 201);

        // When: the worker connects with the Direct engine
        ApiThread api;
        View view(&api);
        api.connectFederation(request(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);

        // Then: two workloads, their members and numbers as the members serve them
        QCOMPARE(view.model.rowCount(), 2);
        QVERIFY(view.capabilities.perClusterMinMax);
        QVERIFY(!view.capabilities.dynamicWeights);
        const int web = view.model.rowOfKey(QStringLiteral("default/web"));
        QVERIFY(web >= 0);
        const FederatedWorkload &w = view.model.workloads().at(web);
        QCOMPARE(w.clusters.keys(), (QStringList{a, b}));
        QCOMPARE(w.totals.desired, 4);
        QVERIFY(!w.imageDrift);
        QVERIFY(!w.notes.isEmpty()); // no preferences annotation: even spread, said so
        QTRY_COMPARE_WITH_TIMEOUT(modelState(view.model), members.serverState(), 20000);

        // When: web changes image in one member, api is deleted, db is created
        QCOMPARE(members.patch(
                         b,
                         QStringLiteral("web"),
                         QJsonObject{
                                 {QStringLiteral("spec"),
                                  QJsonObject{
                                          {QStringLiteral("template"),
                                           QJsonObject{
                                                   {QStringLiteral("spec"),
                                                    QJsonObject{{QStringLiteral("containers"),
                                                                 QJsonArray{QJsonObject{
                                                                         {QStringLiteral("name"),
                                                                          QStringLiteral("app")},
                                                                         {QStringLiteral("image"),
                                                                          QStringLiteral(
                                                                                  "nginx:1."
                                                                                  "28")}}}}}}}}}}}),
                 200);
        QCOMPARE(members.remove(c, QStringLiteral("api")), 200);
        QCOMPARE(members.create(a, QStringLiteral("db"), 1, QStringLiteral("postgres:16")), 201);

        // Then: the model follows; web now drifts (no majority of two: the smaller hash wins)
        QTRY_COMPARE_WITH_TIMEOUT(modelState(view.model), members.serverState(), 20000);
        QCOMPARE(view.model.rowOfKey(QStringLiteral("default/api")), -1);
        const FederatedWorkload &after
                = view.model.workloads().at(view.model.rowOfKey(QStringLiteral("default/web")));
        QVERIFY(after.imageDrift);
    }

    void insightShowsPodsAndEventsAsMembersServeThem()
    {
        // Given: "web" in two members, its pods running
        Sim::Federation sim(testOptions());
        QVERIFY(sim.start().ok());
        Members members(sim.kubeconfig());
        const QString a = members.contexts[0], b = members.contexts[1];
        QCOMPARE(members.create(a, QStringLiteral("web"), 2, QStringLiteral("nginx:1.27")), 201);
        QCOMPARE(members.create(b, QStringLiteral("web"), 1, QStringLiteral("nginx:1.27")), 201);
        QCOMPARE(members.create(a, QStringLiteral("other"), 1, QStringLiteral("x:1")), 201);

        // When: the worker follows the workload's insight
        ApiThread api;
        View view(&api);
        WorkloadInsight insight;
        int insights = 0;
        connect(api.worker(),
                &ApiWorker::workloadInsight,
                &view,
                [&](quint64, const WorkloadInsight &i) {
                    insight = i;
                    ++insights;
                });
        api.connectFederation(request(sim.kubeconfig()));
        api.followInsight(QStringLiteral("default/web"));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);

        // Then: its pods, and only its, as each member serves them, all ready at revision 1
        auto servedPods = [&](const QString &context) {
            QStringList names;
            const Net::Response response
                    = members.call(context,
                                   "GET",
                                   QStringLiteral("/api/v1/namespaces/default/pods"
                                                  "?labelSelector=app%3Dweb"));
            for (const QJsonValue &item :
                 QJsonDocument::fromJson(response.body).object().value(u"items").toArray())
                names.append(context + u' ' + item[u"metadata"][u"name"].toString());
            return names;
        };
        auto insightPods = [&] {
            QStringList names;
            for (const PodInsight &p : std::as_const(insight.pods))
                names.append(p.cluster + u' ' + p.name);
            return names;
        };
        auto allReady = [&] {
            return insight.pods.size() == 3
                   && std::all_of(insight.pods.cbegin(),
                                  insight.pods.cend(),
                                  [](const PodInsight &p) {
                                      return p.ready && p.status == QLatin1String("Running")
                                             && !p.needsAttention();
                                  });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allReady(), 20000);
        QStringList served = servedPods(a) + servedPods(b);
        served.sort();
        QCOMPARE(insightPods(), served);
        QCOMPARE(insight.key(), QStringLiteral("default/web"));
        QCOMPARE(insight.pods.first().revision, QStringLiteral("1"));
        QVERIFY(!insight.pods.first().node.isEmpty());
        QVERIFY(insight.notes.isEmpty());
        // The scheduler's and the controllers' events about the Deployment and its pods
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(insight.events.cbegin(),
                                             insight.events.cend(),
                                             [](const EventInsight &e) {
                                                 return e.reason == QLatin1String("Scheduled")
                                                        && e.objectKind == QLatin1String("Pod");
                                             }),
                                 20000);
        for (const EventInsight &e : std::as_const(insight.events))
            QVERIFY2(!e.objectName.startsWith(QLatin1String("other")), qPrintable(e.objectName));

        // When: b's template takes an image that cannot be pulled
        QCOMPARE(members.patch(b,
                               QStringLiteral("web"),
                               QJsonDocument::fromJson(R"({"spec":{"template":{"spec":{"containers":
                             [{"name":"app","image":"nginx:broken"}]}}}})")
                                       .object()),
                 200);

        // Then: the new pod shows why it is stuck, at revision 2, with a warning event
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(insight.pods.cbegin(),
                                             insight.pods.cend(),
                                             [&](const PodInsight &p) {
                                                 return p.cluster == b && p.revision == u"2"
                                                        && (p.status == u"ImagePullBackOff"
                                                            || p.status == u"ErrImagePull")
                                                        && p.needsAttention();
                                             }),
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(insight.events.cbegin(),
                                             insight.events.cend(),
                                             [&](const EventInsight &e) {
                                                 return e.cluster == b && e.isWarning()
                                                        && e.objectKind == u"Pod";
                                             }),
                                 30000);

        // When: nothing is followed any more, no insight is sent
        api.followInsight(QString());
        QTest::qWait(100);
        const int before = insights;
        QCOMPARE(members.patch(b,
                               QStringLiteral("web"),
                               QJsonObject{{QStringLiteral("spec"),
                                            QJsonObject{{QStringLiteral("replicas"), 2}}}}),
                 200);
        QTest::qWait(1500);
        QCOMPARE(insights, before);
    }

    void clusterGoingDownAndComingBack()
    {
        Sim::Federation sim(testOptions());
        QVERIFY(sim.start().ok());
        Members members(sim.kubeconfig());
        const QString down = members.contexts[1];
        const QString simName = sim.clusterNames().at(1);

        ApiThread api;
        View view(&api);
        api.connectFederation(request(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(view.isUp(down), 20000);

        // When: the member goes down
        sim.setFault(simName, Sim::Fault{Sim::Fault::Kind::Down});
        // Then: it is shown as unreachable, with a reason
        QTRY_COMPARE_WITH_TIMEOUT(view.state(down), ClusterState::Unreachable, 15000);
        QVERIFY(!view.clusters.value(down).reason.isEmpty());
        QVERIFY(view.isUp(members.contexts[0]));

        // When: it comes back, then gets a Deployment
        sim.setFault(simName, std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(view.isUp(down), 15000);
        QVERIFY(view.clusters.value(down).lastSuccess.isValid());
        const int status = members.create(down, QStringLiteral("late"), 1, QStringLiteral("x:1"));
        if (status == 404 || status == 405)
            QSKIP("meridian-sim does not create Deployments yet (POST answered 404/405)");
        // Then: the workload shows without a restart
        QTRY_COMPARE_WITH_TIMEOUT(modelState(view.model), members.serverState(), 20000);
        QVERIFY(view.model.rowOfKey(QStringLiteral("default/late")) >= 0);
    }

    void expiredWatchRelistsAndConverges()
    {
        // Given: members that remember only 3 changes for watch resumption
        Sim::Federation sim(testOptions(3));
        QVERIFY(sim.start().ok());
        Members members(sim.kubeconfig());
        const QString member = members.contexts[0];
        const QString simName = sim.clusterNames().at(0);
        ApiThread api;
        View view(&api);
        api.connectFederation(request(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(view.isUp(member), 20000);

        // When: the watch drops, and many writes land before the informer comes back
        sim.setFault(simName, Sim::Fault{Sim::Fault::Kind::Down});
        QTRY_COMPARE_WITH_TIMEOUT(view.state(member), ClusterState::Unreachable, 15000);
        sim.setFault(simName, std::nullopt);
        for (int i = 0; i < 8; ++i) {
            const int status = members.create(member,
                                              QStringLiteral("burst-%1").arg(i),
                                              1,
                                              QStringLiteral("x:1"));
            if (status == 404 || status == 405)
                QSKIP("meridian-sim does not create Deployments yet (POST answered 404/405)");
            QCOMPARE(status, 201);
        }

        // Then: the resume from a forgotten resourceVersion gets 410, relists, and converges
        QTRY_COMPARE_WITH_TIMEOUT(modelState(view.model), members.serverState(), 30000);
        QCOMPARE(view.model.rowCount(), 8);
    }

    void randomChangesWithDisconnectsConverge()
    {
        Sim::Federation sim(testOptions(50));
        QVERIFY(sim.start().ok());
        Members members(sim.kubeconfig());
        ApiThread api;
        View view(&api);
        api.connectFederation(request(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(view.synced, 20000);

        // MERIDIAN_RANDOM_CHANGES overrides the number of changes (default 1,000).
        const int changes = qEnvironmentVariableIsSet("MERIDIAN_RANDOM_CHANGES")
                                    ? qEnvironmentVariableIntValue("MERIDIAN_RANDOM_CHANGES")
                                    : 1000;
        QRandomGenerator random(42);
        QString downContext;
        const QStringList simNames = sim.clusterNames();
        int applied = 0;
        for (int step = 0; step < changes; ++step) {
            if (step % 40 == 20) {
                // A random member drops for a while; writes skip it meanwhile.
                const int i = int(random.bounded(3));
                downContext = members.contexts[i];
                sim.setFault(simNames[i], Sim::Fault{Sim::Fault::Kind::Down});
            } else if (step % 40 == 35 && !downContext.isEmpty()) {
                sim.setFault(simNames[members.contexts.indexOf(downContext)], std::nullopt);
                downContext.clear();
            }
            QString context;
            do {
                context = members.contexts[int(random.bounded(3))];
            } while (context == downContext);
            const QString name = QStringLiteral("w%1").arg(random.bounded(8));
            int status = 0;
            switch (random.bounded(4)) {
            case 0:
                status = members.create(context,
                                        name,
                                        int(random.bounded(5)),
                                        QStringLiteral("img:%1").arg(random.bounded(3)));
                break;
            case 1:
                status = members.patch(context,
                                       name,
                                       QJsonObject{{QStringLiteral("spec"),
                                                    QJsonObject{{QStringLiteral("replicas"),
                                                                 int(random.bounded(6))}}}});
                break;
            case 2: status = members.remove(context, name); break;
            default:
                status = members.patch(context,
                                       name,
                                       QJsonObject{
                                               {QStringLiteral("metadata"),
                                                QJsonObject{
                                                        {QStringLiteral("labels"),
                                                         QJsonObject{{QStringLiteral("step"),
                                                                      QString::number(step)}}}}}});
                break;
            }
            if (step == 0 && (status == 405))
                QSKIP("meridian-sim does not write Deployments yet (405)");
            if (status >= 200 && status < 300)
                ++applied;
            if (step % 10 == 0)
                QTest::qWait(20); // let watch events interleave with writes
        }
        if (!downContext.isEmpty())
            sim.setFault(simNames[members.contexts.indexOf(downContext)], std::nullopt);
        QVERIFY2(applied > changes / 4, "too few writes succeeded to mean anything");

        QTRY_COMPARE_WITH_TIMEOUT(modelState(view.model), members.serverState(), 40000);
        for (const QString &context : std::as_const(members.contexts))
            QTRY_VERIFY_WITH_TIMEOUT(view.isUp(context), 15000);
    }
};

QTEST_GUILESS_MAIN(TestDirectFederation)
#include "tst_directfederation.moc"

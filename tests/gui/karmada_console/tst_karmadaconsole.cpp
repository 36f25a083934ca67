// The main window and the placement editor offscreen on meridian-sim's Karmada control plane
// (over HTTPS, through the real worker thread): a member whose Cluster object is deleted leaves
// the cluster list, the map and the selection (the details stop showing it), and created again it
// is a row again; a workload placed by a ClusterPropagationPolicy says so, and the editor's apply
// writes that policy.
#include "../../support/karmadaobjects.h"
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "net/transport.h"
#include "placement/placementeditormodel.h"
#include "sim/federation.h"
#include "ui/details/consoleselection.h"
#include "ui/details/detailspane.h"
#include "ui/mainwindow.h"
#include "ui/map/worldmapview.h"
#include "ui/placement/placementeditor.h"
#include "worker/apiworker.h"

#include <QAbstractItemModelTester>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Meridian;

namespace {

const QString clustersPath = QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters");

// One HTTPS call to the control plane, as kubectl would make it, on the test's thread.
Net::Response call(const QByteArray &kubeconfig,
                   const QByteArray &method,
                   const QString &path,
                   const QJsonObject &body = {})
{
    Kube::LoadOptions load;
    load.inlineContent = kubeconfig;
    load.inlineName = QStringLiteral("test kubeconfig");
    const Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
    if (!config)
        return {};
    Net::Transport transport;
    Kube::ExecCredentialProvider credentials;
    Kube::ApiClient client(*config->resolve(QStringLiteral("karmada")), &transport, &credentials);
    Net::Request request = client.requestFor(path);
    request.method = method;
    if (!body.isEmpty()) {
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers.append({QByteArrayLiteral("Content-Type"), "application/json"});
    }
    Net::Response result;
    QEventLoop loop;
    client.send(request, [&](const Net::Response &response) {
        result = response;
        loop.quit();
    });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

// A ClusterPropagationPolicy naming exactly default/NAME, weight 1 on every cluster.
QJsonObject clusterPolicy(const QString &name, const QStringList &clusters)
{
    QJsonArray rules;
    for (const QString &c : clusters) {
        rules.append(QJsonObject{{QStringLiteral("targetCluster"),
                                  QJsonObject{{QStringLiteral("clusterNames"), QJsonArray{c}}}},
                                 {QStringLiteral("weight"), 1}});
    }
    return QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("policy.karmada.io/v1alpha1")},
            {QStringLiteral("kind"), QStringLiteral("ClusterPropagationPolicy")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QString(name + QStringLiteral("-cpp"))}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("resourceSelectors"),
                          QJsonArray{QJsonObject{
                                  {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Deployment")},
                                  {QStringLiteral("namespace"), QStringLiteral("default")},
                                  {QStringLiteral("name"), name}}}},
                         {QStringLiteral("placement"),
                          QJsonObject{{QStringLiteral("replicaScheduling"),
                                       QJsonObject{{QStringLiteral("replicaSchedulingType"),
                                                    QStringLiteral("Divided")},
                                                   {QStringLiteral("replicaDivisionPreference"),
                                                    QStringLiteral("Weighted")},
                                                   {QStringLiteral("weightPreference"),
                                                    QJsonObject{{QStringLiteral("staticWeightList"),
                                                                 rules}}}}}}}}}};
}

const QString deploymentsPath = QStringLiteral("/apis/apps/v1/namespaces/default/deployments");
const QString clusterPoliciesPath
        = QStringLiteral("/apis/policy.karmada.io/v1alpha1/clusterpropagationpolicies");

Sim::Options karmadaOptions()
{
    Sim::Options options;
    options.scenario = QStringLiteral("test");
    options.clusters = 3;
    options.karmada = true;
    return options;
}

FederationRequest karmadaRequest(const QByteArray &kubeconfig)
{
    FederationRequest request;
    request.load.inlineContent = kubeconfig;
    request.load.inlineName = QStringLiteral("karmada test");
    request.engine = Federation::Engine::Karmada;
    request.namespaces = {QStringLiteral("default")};
    return request;
}

} // namespace

class TestKarmadaConsole final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Net::Transport::globalInit(); }

    void aDeletedClusterLeavesListMapAndSelection()
    {
        // Given: a window on a Karmada federation of three members with a workload placed by a
        // ClusterPropagationPolicy; the workload, then one member selected
        Sim::Federation sim(karmadaOptions());
        QVERIFY(sim.start().ok());
        QCOMPARE(call(sim.kubeconfig(),
                      "POST",
                      clusterPoliciesPath,
                      clusterPolicy(QStringLiteral("web"), sim.clusterNames()))
                         .httpStatus,
                 201);
        QCOMPARE(call(sim.kubeconfig(),
                      "POST",
                      deploymentsPath,
                      TestSupport::deploymentJson(QStringLiteral("web"), 6))
                         .httpStatus,
                 201);
        ApiThread api;
        MainWindow window(&api);
        QAbstractItemModelTester tester(window.clusterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        window.show();
        window.openFederation(karmadaRequest(sim.kubeconfig()), QStringLiteral("Karmada"));
        QVERIFY(refreshed.wait(30000));
        ClusterModel *model = window.clusterModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 20000);
        const QString gone = model->clusters().at(1).context;
        const QString stays = model->clusters().at(0).context;
        QTRY_VERIFY_WITH_TIMEOUT(window.mapView()->markerCenter(gone).has_value(), 10000);
        const QString web = QStringLiteral("default/web");
        QTRY_VERIFY_WITH_TIMEOUT(window.selectWorkload(web), 20000);
        // The details say which policy placed it
        auto *summary
                = window.detailsPane()->findChild<QLabel *>(QStringLiteral("workloadSummary"));
        QVERIFY(summary);
        QTRY_VERIFY2(summary->text().contains(
                             QStringLiteral("placed by ClusterPropagationPolicy web-cpp")),
                     qPrintable(summary->text()));
        QTRY_COMPARE_WITH_TIMEOUT(window.workloadModel()->rowCount(
                                          window.workloadModel()->index(0, 0)),
                                  3,
                                  20000);
        QVERIFY(window.selectCluster(gone));
        ConsoleSelection *selection = window.selection();
        QCOMPARE(selection->clusters(), QStringList{gone});
        QTRY_COMPARE(window.detailsPane()->shownCluster(), gone);
        const QJsonObject object
                = QJsonDocument::fromJson(
                          call(sim.kubeconfig(), "GET", clustersPath + u'/' + gone).body)
                          .object();
        QCOMPARE(object[u"metadata"][u"name"].toString(), gone);

        // When: Karmada's Cluster object for it is deleted
        QCOMPARE(call(sim.kubeconfig(), "DELETE", clustersPath + u'/' + gone).httpStatus, 200);

        // Then: its row, its marker and the selection go; the details turn to the workload,
        // which lost that member
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOfContext(gone), -1, 15000);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(window.clusterView()->model()->rowCount(), 2);
        QVERIFY(selection->clusters().isEmpty());
        QVERIFY(selection->currentCluster().isEmpty());
        QCOMPARE(selection->focus(), ConsoleSelection::Focus::Workload);
        QTRY_VERIFY(window.detailsPane()->shownCluster().isEmpty());
        QTRY_COMPARE(window.detailsPane()->shownWorkload(), web);
        QTRY_COMPARE_WITH_TIMEOUT(window.workloadModel()->rowCount(
                                          window.workloadModel()->index(0, 0)),
                                  2,
                                  20000);
        QVERIFY(window.clusterView()->selectionModel()->selectedRows().isEmpty());
        QTRY_VERIFY(!window.mapView()->markerCenter(gone).has_value());
        QVERIFY(window.mapView()->markerCenter(stays).has_value());
        QVERIFY(!window.selectCluster(gone));

        // When: the other member is selected and the deleted one registered again
        QVERIFY(window.selectCluster(stays));
        QJsonObject again = object;
        QJsonObject metadata = again.value(u"metadata").toObject();
        for (const char *key : {"resourceVersion", "uid", "creationTimestamp", "generation"})
            metadata.remove(QLatin1String(key));
        again.insert(QStringLiteral("metadata"), metadata);
        QCOMPARE(call(sim.kubeconfig(), "POST", clustersPath, again).httpStatus, 201);

        // Then: it is a row and a marker again; the selection stays where the operator put it
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfContext(gone) >= 0, 15000);
        QCOMPARE(model->rowCount(), 3);
        QTRY_VERIFY(window.mapView()->markerCenter(gone).has_value());
        QCOMPARE(selection->clusters(), QStringList{stays});
        QVERIFY(window.selectCluster(gone));
    }

    void placementEditorWritesTheClusterPropagationPolicy()
    {
        // Given: web placed 2/2/2 by a ClusterPropagationPolicy, as the engine reports it
        Sim::Federation sim(karmadaOptions());
        QVERIFY(sim.start().ok());
        const QStringList clusters = sim.clusterNames();
        QCOMPARE(call(sim.kubeconfig(),
                      "POST",
                      clusterPoliciesPath,
                      clusterPolicy(QStringLiteral("web"), clusters))
                         .httpStatus,
                 201);
        QCOMPARE(call(sim.kubeconfig(),
                      "POST",
                      deploymentsPath,
                      TestSupport::deploymentJson(QStringLiteral("web"), 6))
                         .httpStatus,
                 201);
        ApiThread api;
        FederatedWorkload web;
        Federation::Capabilities capabilities;
        QObject receiver;
        connect(api.worker(),
                &ApiWorker::engineReady,
                &receiver,
                [&](quint64, Federation::Engine, const Federation::Capabilities &c) {
                    capabilities = c;
                });
        connect(api.worker(),
                &ApiWorker::workloadBatch,
                &receiver,
                [&](quint64, const FederatedWorkloadList &changed, const QStringList &) {
                    for (const FederatedWorkload &w : changed) {
                        if (w.key() == QStringLiteral("default/web"))
                            web = w;
                    }
                });
        api.connectFederation(karmadaRequest(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(web.plan.size() == 3 && web.totals.ready == 6, 30000);
        QCOMPARE(web.placementKind, QStringLiteral("ClusterPropagationPolicy"));

        // When: the editor opens it and the operator drags to 1 / 1 / 4
        QTemporaryDir dir;
        PlacementEditor editor;
        editor.setApiThread(&api);
        editor.setDraftStore(Placement::DraftStore(dir.filePath(QStringLiteral("drafts"))));
        editor.setKarmadaContext(QStringLiteral("karmada"));
        editor.editWorkload(web, Federation::Engine::Karmada, capabilities);
        bool titled = false;
        for (const QLabel *label : editor.findChildren<QLabel *>()) {
            titled = titled
                     || label->text().contains(
                             QStringLiteral("placed by ClusterPropagationPolicy web-cpp"));
        }
        QVERIFY(titled);
        Placement::PlacementEditorModel *model = editor.model();
        const int drag = model->beginDrag();
        QVERIFY(model->dragTo(drag, {{clusters[0], 1}, {clusters[1], 1}, {clusters[2], 4}}).ok());
        model->endDrag(drag);
        QVERIFY2(editor.applyDiffText().contains(QStringLiteral(
                         "ClusterPropagationPolicy web-cpp, which places default/web")),
                 qPrintable(editor.applyDiffText()));
        QSignalSpy finished(&editor, &PlacementEditor::applyFinished);
        editor.applyNow();
        QVERIFY(finished.wait(30000));

        // Then: the ClusterPropagationPolicy was written, and Karmada places exactly that
        const Placement::MemberApplyResults results = editor.lastApplyResults();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().member, QStringLiteral("ClusterPropagationPolicy/web-cpp"));
        QVERIFY2(results.first().isSuccess(), qPrintable(results.first().message));
        const QJsonObject cpp
                = QJsonDocument::fromJson(call(sim.kubeconfig(),
                                               "GET",
                                               clusterPoliciesPath + QStringLiteral("/web-cpp"))
                                                  .body)
                          .object();
        QCOMPARE(cpp[u"spec"][u"resourceSelectors"][0][u"name"].toString(), QStringLiteral("web"));
        const auto bindingPlan = [&] {
            QMap<QString, qint64> plan;
            const QJsonObject rb = QJsonDocument::fromJson(
                                           call(sim.kubeconfig(),
                                                "GET",
                                                QStringLiteral("/apis/work.karmada.io/v1alpha2/"
                                                               "namespaces/default/"
                                                               "resourcebindings/web-deployment"))
                                                   .body)
                                           .object();
            for (const QJsonValue &t : rb[u"spec"][u"clusters"].toArray())
                plan.insert(t[u"name"].toString(), t[u"replicas"].toInteger());
            return plan;
        };
        QTRY_COMPARE_WITH_TIMEOUT(bindingPlan(),
                                  (QMap<QString, qint64>{{clusters[0], 1},
                                                         {clusters[1], 1},
                                                         {clusters[2], 4}}),
                                  20000);
    }

    void removingOneOfSeveralSelectedKeepsTheRest()
    {
        ConsoleSelection selection;
        QSignalSpy changed(&selection, &ConsoleSelection::clustersChanged);
        selection.setWorkload(QStringLiteral("default/web"));
        selection.setClusters({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                              QStringLiteral("b"));
        QCOMPARE(selection.focus(), ConsoleSelection::Focus::Cluster);
        changed.clear();

        // When: an unselected cluster goes: nothing changes
        selection.removeClusters({QStringLiteral("x")});
        QCOMPARE(changed.size(), 0);

        // When: the current one goes: the last one left is current
        selection.removeClusters({QStringLiteral("b")});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(selection.clusters(), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(selection.currentCluster(), QStringLiteral("c"));
        QCOMPARE(selection.focus(), ConsoleSelection::Focus::Cluster);

        // When: the rest go: the details turn to the selected workload
        selection.removeClusters({QStringLiteral("a"), QStringLiteral("c")});
        QVERIFY(selection.clusters().isEmpty());
        QVERIFY(selection.currentCluster().isEmpty());
        QCOMPARE(selection.focus(), ConsoleSelection::Focus::Workload);
        QCOMPARE(selection.workload(), QStringLiteral("default/web"));
    }
};

QTEST_MAIN(TestKarmadaConsole)
#include "tst_karmadaconsole.moc"

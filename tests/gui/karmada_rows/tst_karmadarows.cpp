// The main window offscreen on meridian-sim's Karmada control plane (over HTTPS, through the real
// worker thread): a member whose Cluster object is deleted leaves the cluster list, the map and
// the selection (the details stop showing it); created again, it is a row again.
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "models/clustermodel.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "ui/details/consoleselection.h"
#include "ui/details/detailspane.h"
#include "ui/mainwindow.h"
#include "ui/map/worldmapview.h"

#include <QAbstractItemModelTester>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableView>
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

} // namespace

class TestKarmadaRows final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Net::Transport::globalInit(); }

    void aDeletedClusterLeavesListMapAndSelection()
    {
        // Given: a window on a Karmada federation of three members, one of them selected
        Sim::Options options;
        options.scenario = QStringLiteral("test");
        options.clusters = 3;
        options.karmada = true;
        Sim::Federation sim(options);
        QVERIFY(sim.start().ok());
        ApiThread api;
        MainWindow window(&api);
        QAbstractItemModelTester tester(window.clusterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        window.show();
        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("karmada test");
        request.engine = Federation::Engine::Karmada;
        request.namespaces = {QStringLiteral("default")};
        window.openFederation(request, QStringLiteral("Karmada"));
        QVERIFY(refreshed.wait(30000));
        ClusterModel *model = window.clusterModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 20000);
        const QString gone = model->clusters().at(1).context;
        const QString stays = model->clusters().at(0).context;
        QTRY_VERIFY_WITH_TIMEOUT(window.mapView()->markerCenter(gone).has_value(), 10000);
        QVERIFY(window.selectCluster(gone));
        ConsoleSelection *selection = window.selection();
        QCOMPARE(selection->clusters(), QStringList{gone});
        QTRY_COMPARE(window.detailsPane()->shownCluster(), gone);
        const QJsonObject object
                = QJsonDocument::fromJson(call(sim.kubeconfig(), "GET", clustersPath + u'/' + gone)
                                                  .body)
                          .object();
        QCOMPARE(object[u"metadata"][u"name"].toString(), gone);

        // When: Karmada's Cluster object for it is deleted
        QCOMPARE(call(sim.kubeconfig(), "DELETE", clustersPath + u'/' + gone).httpStatus, 200);

        // Then: its row, its marker and the selection go; the details show nothing
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOfContext(gone), -1, 15000);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(window.clusterView()->model()->rowCount(), 2);
        QVERIFY(selection->clusters().isEmpty());
        QVERIFY(selection->currentCluster().isEmpty());
        QCOMPARE(selection->focus(), ConsoleSelection::Focus::None);
        QTRY_VERIFY(window.detailsPane()->shownCluster().isEmpty());
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

QTEST_MAIN(TestKarmadaRows)
#include "tst_karmadarows.moc"

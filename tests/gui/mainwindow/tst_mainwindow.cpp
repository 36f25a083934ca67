// The main window offscreen, fed by the real worker thread from the simulator over HTTPS.
#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Meridian;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Net::Transport::globalInit(); }

    void showsEveryDemoClusterReady()
    {
        // Given: the demo federation and a window on it
        Sim::Options options;
        options.execCommand = qEnvironmentVariable("MERIDIAN_SIM");
        Sim::Federation sim(options);
        QVERIFY(sim.start().ok());
        ApiThread api;
        MainWindow window(&api);
        QAbstractItemModelTester tester(window.clusterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        window.show();

        // When: it opens the federation
        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("demo");
        window.openFederation(request, QStringLiteral("Demo"));
        QVERIFY(refreshed.wait(30000));

        // Then: one row per cluster, each Ready, in the view and in the status bar
        QTableView *view = window.clusterView();
        QCOMPARE(view->model()->rowCount(), sim.clusterNames().size());
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex state = view->model()->index(row, ClusterModel::StateColumn);
            QCOMPARE(state.data().toString(), QStringLiteral("Ready"));
            QVERIFY(!view->model()
                             ->index(row, ClusterModel::VersionColumn)
                             .data()
                             .toString()
                             .isEmpty());
        }
        auto *summary = window.findChild<QLabel *>(QStringLiteral("summary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(
                         QStringLiteral("%1 Ready").arg(sim.clusterNames().size())),
                 qPrintable(summary->text()));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Demo")));

        // And: the demo's workloads arrive in the workload dock, each with its clusters
        QAbstractItemModelTester
                workloadTester(window.workloadModel(),
                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(window.workloadModel()->rowCount() >= 3, 20000);
        const QModelIndex first = window.workloadModel()->index(0, 0);
        QVERIFY(window.workloadModel()->rowCount(first) > 0);
        QVERIFY(window.selectWorkload(QStringLiteral("default/web")));
        QVERIFY(!window.selectWorkload(QStringLiteral("default/nope")));

        // And: sorting by state keeps the model intact (the tester watches)
        view->sortByColumn(ClusterModel::StateColumn, Qt::DescendingOrder);
        view->sortByColumn(ClusterModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(0, ClusterModel::NameColumn).data().toString(),
                 QStringLiteral("frankfurt"));
    }

    void aBrokenKubeconfigShowsWhatAndWhere()
    {
        ApiThread api;
        MainWindow window(&api);
        QSignalSpy failed(&window, &MainWindow::federationFailed);
        window.show();
        FederationRequest request;
        request.load.inlineContent = "clusters:\n- name: a\n  cluster: {server: [oops\n";
        request.load.inlineName = QStringLiteral("broken.yaml");
        window.openFederation(request, QString());
        QVERIFY(failed.wait(10000));
        auto *banner = window.findChild<QLabel *>(QStringLiteral("banner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("broken.yaml:")),
                 qPrintable(banner->text()));
        QCOMPARE(window.clusterModel()->rowCount(), 0);

        // And: the banner offers the demo federation as a way forward
        QSignalSpy demo(&window, &MainWindow::demoRequested);
        QVERIFY(banner->text().contains(QStringLiteral("meridian:demo")));
        emit banner->linkActivated(QStringLiteral("meridian:demo"));
        QCOMPARE(demo.size(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// The main window offscreen, fed by the real worker thread from the simulator over HTTPS.
#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "ui/details/clusterhighlightdelegate.h"
#include "ui/details/consoleselection.h"
#include "ui/details/detailspane.h"
#include "ui/logs/logbrowser.h"
#include "ui/logs/logtablemodel.h"
#include "ui/mainwindow.h"
#include "ui/map/worldmapview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QDockWidget>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

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

    void theLogsFollowTheSelectedWorkloadsPods()
    {
        // Given: a window on the demo federation (Direct engine: pod logs from every member)
        Sim::Options options;
        options.execCommand = qEnvironmentVariable("MERIDIAN_SIM");
        Sim::Federation sim(options);
        QVERIFY(sim.start().ok());
        ApiThread api;
        MainWindow window(&api);
        Logs::LogTableModel *logs = window.logBrowser()->model();
        QAbstractItemModelTester tester(logs,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("demo");
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        window.openFederation(request, QStringLiteral("Demo"));
        QVERIFY(refreshed.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(window.selectWorkload(QStringLiteral("default/web")), 20000);

        // Then: lines of web's pods arrive, from more than one cluster, and no other pod's
        QTRY_VERIFY_WITH_TIMEOUT(logs->rowCount() > 20, 20000);
        QSet<QString> clusters;
        for (int row = 0; row < logs->rowCount(); ++row) {
            const QString pod = logs->index(row, Logs::LogTableModel::PodColumn).data().toString();
            QVERIFY2(pod.startsWith(QStringLiteral("web-")), qPrintable(pod));
            clusters.insert(logs->index(row, Logs::LogTableModel::ClusterColumn).data().toString());
        }
        QVERIFY2(clusters.size() > 1, qPrintable(QStringList(clusters.values()).join(u',')));

        // And: another workload replaces them
        QVERIFY(window.selectWorkload(QStringLiteral("shop/cart")));
        QTRY_VERIFY_WITH_TIMEOUT(logs->rowCount() > 0
                                         && logs->index(0, Logs::LogTableModel::PodColumn)
                                                    .data()
                                                    .toString()
                                                    .startsWith(QStringLiteral("cart-")),
                                 20000);
    }

    void selectionIsSharedByMapListWorkloadsAndDetails()
    {
        // Given: the demo federation in a window, its workloads listed
        Sim::Options options;
        options.execCommand = qEnvironmentVariable("MERIDIAN_SIM");
        Sim::Federation sim(options);
        QVERIFY(sim.start().ok());
        ApiThread api;
        MainWindow window(&api);
        window.resize(1400, 900);
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("demo");
        window.openFederation(request, QStringLiteral("Demo"));
        QVERIFY(refreshed.wait(30000));
        WorkloadModel *workloads = window.workloadModel();
        const QString web = QStringLiteral("default/web");
        QTRY_VERIFY_WITH_TIMEOUT(workloads->rowOfKey(web) >= 0
                                         && workloads->workloads()
                                                            .at(workloads->rowOfKey(web))
                                                            .clusters.size()
                                                    >= 3,
                                 20000);
        const QString tokyo = QStringLiteral("tokyo");
        const QString london = QStringLiteral("london");
        QVERIFY(workloads->workloads().at(workloads->rowOfKey(web)).clusters.contains(tokyo));
        ConsoleSelection *selection = window.selection();
        DetailsPane *details = window.detailsPane();
        WorldMapView *map = window.mapView();
        QTableView *list = window.clusterView();
        const auto selectedInList = [list] {
            QStringList contexts;
            for (const QModelIndex &row : list->selectionModel()->selectedRows())
                contexts.append(row.data(ClusterModel::ContextRole).toString());
            return contexts;
        };
        const auto memberIndex = [workloads](const QString &key, const QString &context) {
            const QModelIndex top = workloads->index(workloads->rowOfKey(key), 0);
            for (int row = 0; row < workloads->rowCount(top); ++row) {
                const QModelIndex member = workloads->index(row, 0, top);
                if (member.data(WorkloadModel::ClusterRole).toString() == context)
                    return member;
            }
            return QModelIndex();
        };
        QCOMPARE(details->shownCluster(), QString());

        // When: the operator clicks Tokyo's marker on the map
        const auto tokyoOnMap = map->markerCenter(tokyo);
        QVERIFY(tokyoOnMap);
        QTest::mouseClick(map, Qt::LeftButton, {}, tokyoOnMap->toPoint());

        // Then: the list selects Tokyo, the details show it, and the workload tree highlights
        // Tokyo's rows (and only those) under an expanded web
        QTRY_COMPARE(selection->clusters(), QStringList{tokyo});
        QCOMPARE(selectedInList(), QStringList{tokyo});
        QTRY_COMPARE(details->shownCluster(), tokyo);
        const QModelIndex webTokyo = memberIndex(web, tokyo);
        const QModelIndex webLondon = memberIndex(web, london);
        QVERIFY(webTokyo.isValid() && webLondon.isValid());
        QVERIFY(window.workloadHighlighter()->isHighlighted(webTokyo));
        QVERIFY(!window.workloadHighlighter()->isHighlighted(webLondon));
        QVERIFY(!window.workloadHighlighter()->isHighlighted(webTokyo.parent()));
        QVERIFY(window.workloadView()->isExpanded(webTokyo.parent()));

        // When: the operator clicks London in the cluster list
        QModelIndex londonRow;
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, ClusterModel::NameColumn);
            if (index.data(ClusterModel::ContextRole).toString() == london)
                londonRow = index;
        }
        QVERIFY(londonRow.isValid());
        list->scrollTo(londonRow);
        QTest::mouseClick(list->viewport(),
                          Qt::LeftButton,
                          {},
                          list->visualRect(londonRow).center());

        // Then: the shared selection, the map's selection model and the details follow
        QTRY_COMPARE(selection->clusters(), QStringList{london});
        QVERIFY(map->selectionModel()->isRowSelected(londonRow.row(), {}));
        QTRY_COMPARE(details->shownCluster(), london);
        QVERIFY(window.workloadHighlighter()->isHighlighted(webLondon));
        QVERIFY(!window.workloadHighlighter()->isHighlighted(webTokyo));

        // When: the operator picks default/web in the workload tree
        const double londonBefore = map->markerRadius(london).value_or(-1);
        window.workloadView()->setCurrentIndex(webTokyo.parent());

        // Then: the map sizes its markers by web's replicas, the details turn to web with one
        // bar per cluster and four series, and London stays selected (highlighted there)
        const FederatedWorkload w = workloads->workloads().at(workloads->rowOfKey(web));
        QTRY_COMPARE(selection->workload(), web);
        QCOMPARE(map->replicaCounts().size(), w.clusters.size());
        for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it)
            QCOMPARE(map->replicaCounts().value(it.key()), static_cast<int>(it->desired));
        QVERIFY(map->markerRadius(london).value_or(-1) != londonBefore);
        QTRY_COMPARE(details->shownWorkload(), web);
        QCOMPARE(details->shownCluster(), QString());
        QVERIFY(details->replicaChart());
        const auto series = details->replicaChart()->series();
        QCOMPARE(series.size(), 1);
        auto *bars = qobject_cast<QHorizontalBarSeries *>(series.first());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 4);
        QCOMPARE(static_cast<qsizetype>(bars->barSets().at(0)->count()), w.clusters.size());
        QCOMPARE(details->highlightedMembers(), QStringList{london});
        QCOMPARE(selectedInList(), QStringList{london});

        // And: its pods and events come from the worker's caches; healthy pods are summed up,
        // listed on request, and the events' table holds the normal ones on request too
        QTRY_COMPARE_WITH_TIMEOUT(details->insight().pods.size(), w.totals.desired, 20000);
        auto *pods = details->findChild<QTreeWidget *>(QStringLiteral("workloadPods"));
        auto *events = details->findChild<QTreeWidget *>(QStringLiteral("workloadEvents"));
        auto *allPods = details->findChild<QCheckBox *>(QStringLiteral("allPods"));
        auto *normalEvents = details->findChild<QCheckBox *>(QStringLiteral("normalEvents"));
        QVERIFY(pods && events && allPods && normalEvents);
        QTRY_VERIFY(details->findChild<QLabel *>(QStringLiteral("podsSummary"))
                            ->text()
                            .contains(QStringLiteral("ready: %1 ·").arg(w.totals.desired)));
        QCOMPARE(pods->topLevelItemCount(), 0); // nothing needs attention
        allPods->setChecked(true);
        QCOMPARE(pods->topLevelItemCount(), static_cast<int>(w.totals.desired));
        QVERIFY(w.clusters.contains(pods->topLevelItem(0)->text(0)));
        normalEvents->setChecked(true);
        QCOMPARE(events->topLevelItemCount(), details->insight().events.size());

        // When: the operator picks Tokyo's row under web in the tree
        window.workloadView()->setCurrentIndex(webTokyo);

        // Then: Tokyo is selected on the map and in the list, the details stay on web and
        // highlight Tokyo
        QTRY_COMPARE(selection->clusters(), QStringList{tokyo});
        QCOMPARE(selectedInList(), QStringList{tokyo});
        QCOMPARE(selection->workload(), web);
        QTRY_COMPARE(details->highlightedMembers(), QStringList{tokyo});
        QCOMPARE(details->shownWorkload(), web);

        // When: a script selects another workload (meridian --select-workload)
        const QString api_ = QStringLiteral("default/api");
        QVERIFY(window.selectWorkload(api_));

        // Then: the tree's current row, the map's marker sizes and the details follow
        QCOMPARE(window.workloadView()->currentIndex().data(WorkloadModel::KeyRole).toString(),
                 api_);
        const FederatedWorkload a = workloads->workloads().at(workloads->rowOfKey(api_));
        for (auto it = a.clusters.cbegin(); it != a.clusters.cend(); ++it)
            QCOMPARE(map->replicaCounts().value(it.key()), static_cast<int>(it->desired));
        QTRY_COMPARE(details->shownWorkload(), api_);

        // And: api's crash-looping pod in São Paulo is listed with its warnings, the healthy
        // pods are not (the operator's choice is kept: show every pod off again)
        allPods->setChecked(false);
        normalEvents->setChecked(false);
        const QString saoPaulo = QStringLiteral("sao-paulo");
        QTRY_VERIFY_WITH_TIMEOUT(pods->topLevelItemCount() >= 1
                                         && pods->topLevelItem(0)->text(0) == saoPaulo,
                                 30000);
        QCOMPARE(pods->topLevelItemCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(events->topLevelItemCount() >= 1, 30000);
        for (int i = 0; i < events->topLevelItemCount(); ++i) {
            QCOMPARE(events->topLevelItem(i)->text(0), saoPaulo);
            QCOMPARE(events->topLevelItem(i)->text(2), QStringLiteral("Warning"));
            QVERIFY(events->topLevelItem(i)->text(4).startsWith(QLatin1String("Pod/api-")));
        }
        // When: the operator presses Enter on the pod's row
        pods->setFocus();
        pods->setCurrentItem(pods->topLevelItem(0));
        QTest::keyClick(pods, Qt::Key_Return);
        // Then: its cluster is selected on the map and in the list; the pane stays on api
        QTRY_COMPARE(selectedInList(), QStringList{saoPaulo});
        QCOMPARE(details->shownWorkload(), api_);
    }

    void theStatusBarSumsUpReadyAndFailingClusters()
    {
        // Given: three simulated clusters, one of them down
        Sim::Options options;
        options.scenario = QStringLiteral("test");
        options.clusters = 3;
        options.workloads = false;
        options.faults.insert(QStringLiteral("cluster-02"), Sim::Fault{Sim::Fault::Kind::Down});
        Sim::Federation sim(options);
        QVERIFY(sim.start().ok());
        ApiThread api;
        MainWindow window(&api);
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        window.show();
        auto *summary = window.findChild<QLabel *>(QStringLiteral("summary"));
        auto *indicator = window.findChild<QWidget *>(QStringLiteral("refreshIndicator"));
        QVERIFY(summary && indicator);

        // When: the window opens them
        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("test");
        window.openFederation(request, QStringLiteral("Test"));

        // Then: the refresh indicator runs until every cluster answered or failed, and the
        // summary says how many are Ready and how many fail, the tooltip which and why
        QVERIFY(indicator->isVisibleTo(&window));
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!indicator->isVisibleTo(&window));
        QVERIFY2(summary->text().contains(QStringLiteral("2 Ready")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("1 failing")),
                 qPrintable(summary->text()));
        QVERIFY2(summary->toolTip().startsWith(QStringLiteral("cluster-02: Unreachable — ")),
                 qPrintable(summary->toolTip()));
    }

    void everyPanelHasAViewEntryAndAShortcut()
    {
        ApiThread api;
        MainWindow window(&api);
        auto *extra = new QLabel(QStringLiteral("extra"));
        QDockWidget *dock = window.addPanel(extra,
                                            QStringLiteral("Extra"),
                                            QStringLiteral("extraDock"),
                                            Qt::RightDockWidgetArea);
        QCOMPARE(dock->objectName(), QStringLiteral("extraDock"));
        QStringList toggles;
        QStringList shortcuts;
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *item : menu->menu()->actions()) {
                if (!item->menu())
                    continue;
                for (QAction *sub : item->menu()->actions()) {
                    if (sub == dock->toggleViewAction())
                        toggles.append(sub->text());
                    if (sub->text() == QLatin1String("Extra") && sub != dock->toggleViewAction())
                        shortcuts.append(sub->shortcut().toString());
                }
            }
        }
        QCOMPARE(toggles, QStringList{QStringLiteral("Extra")});
        // Map Ctrl+1, Clusters 2, Workloads 3, Details 4, Rollout 5, Logs 6: the new panel is
        // Ctrl+7
        QCOMPARE(shortcuts, QStringList{QStringLiteral("Ctrl+7")});

        // And: the keyboard reaches each of them
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.workloadView()));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.clusterView()));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.mapView()));
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

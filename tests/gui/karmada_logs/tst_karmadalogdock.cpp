// The main window offscreen on meridian-sim's Karmada control plane (over HTTPS, through the real
// worker and log threads): selecting a propagated workload fills the log dock with its pods' lines
// from the members it is placed on, named by the member clusters; the Clusters filter takes those
// names, and "Show Cluster on Map" selects the member.
#include "../../support/karmadaobjects.h"
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "models/workloadmodel.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "ui/details/consoleselection.h"
#include "ui/logs/logbrowser.h"
#include "ui/logs/logtablemodel.h"
#include "ui/mainwindow.h"
#include "worker/apiworker.h"

#include <QAbstractItemModelTester>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Meridian;

namespace {

int post(const QByteArray &kubeconfig, const QString &path, const QJsonObject &body)
{
    Kube::LoadOptions load;
    load.inlineContent = kubeconfig;
    const Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
    if (!config)
        return 0;
    Net::Transport transport;
    Kube::ExecCredentialProvider credentials;
    Kube::ApiClient client(*config->resolve(QStringLiteral("karmada")), &transport, &credentials);
    Net::Request request = client.requestFor(path);
    request.method = "POST";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers.append({QByteArrayLiteral("Content-Type"), "application/json"});
    int status = 0;
    QEventLoop loop;
    client.send(request, [&](const Net::Response &response) {
        status = response.httpStatus;
        loop.quit();
    });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    return status;
}

QSet<QString> shownClusters(const Logs::LogTableModel *logs)
{
    QSet<QString> clusters;
    for (int row = 0; row < logs->rowCount(); ++row)
        clusters.insert(logs->index(row, Logs::LogTableModel::ClusterColumn).data().toString());
    return clusters;
}

} // namespace

class TestKarmadaLogDock final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Net::Transport::globalInit(); }

    void theDockFollowsTheWorkloadsPodsThroughTheProxy()
    {
        // Given: three members; web duplicated onto the first two through the control plane
        Sim::Options options;
        options.scenario = QStringLiteral("test");
        options.clusters = 3;
        options.karmada = true;
        Sim::Federation sim(options);
        QVERIFY(sim.start().ok());
        const QStringList members = sim.clusterNames();
        QCOMPARE(members.size(), 3);
        const QStringList placed{members[0], members[1]};
        QCOMPARE(post(sim.kubeconfig(),
                      QStringLiteral("/apis/apps/v1/namespaces/default/deployments"),
                      TestSupport::deploymentJson(QStringLiteral("web"), 2)),
                 201);
        QCOMPARE(post(sim.kubeconfig(),
                      QStringLiteral("/apis/policy.karmada.io/v1alpha1/namespaces/default/"
                                     "propagationpolicies"),
                      TestSupport::duplicatedPolicyJson(QStringLiteral("web"), placed)),
                 201);

        // When: the window opens it with the Karmada engine and the operator selects web
        ApiThread api;
        MainWindow window(&api);
        window.resize(1400, 900);
        Logs::LogTableModel *logs = window.logBrowser()->model();
        QAbstractItemModelTester tester(logs,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("karmada test");
        request.engine = Federation::Engine::Karmada;
        request.namespaces = {QStringLiteral("default")};
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        window.show();
        window.openFederation(request, QStringLiteral("Karmada"));
        QVERIFY(refreshed.wait(30000));
        // (once its pods run: a read follows the pods there are when it starts)
        const auto webReady = [&] {
            const int row = window.workloadModel()->rowOfKey(QStringLiteral("default/web"));
            return row >= 0 && window.workloadModel()->workloads().at(row).totals.ready == 4;
        };
        QTRY_VERIFY_WITH_TIMEOUT(webReady(), 30000);
        QVERIFY(window.selectWorkload(QStringLiteral("default/web")));

        // Then: lines of web's pods arrive from both members it runs on, named by them
        const QSet<QString> expected(placed.cbegin(), placed.cend());
        const auto why = [&] {
            QStringList status;
            for (const QLabel *label : window.logBrowser()->findChildren<QLabel *>())
                status.append(label->text());
            return QStringLiteral("%1 rows from %2; %3")
                    .arg(logs->rowCount())
                    .arg(QStringList(shownClusters(logs).values()).join(u','),
                         status.join(QStringLiteral(" | ")));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(shownClusters(logs) == expected && logs->rowCount() > 10,
                                  qPrintable(why()),
                                  30000);
        for (int row = 0; row < logs->rowCount(); ++row) {
            const QString pod = logs->index(row, Logs::LogTableModel::PodColumn).data().toString();
            QVERIFY2(pod.startsWith(QStringLiteral("web-")), qPrintable(pod));
        }
        for (const QLabel *label : window.logBrowser()->findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(QLatin1String("not read yet")),
                     qPrintable(label->text()));

        // When: the Clusters filter unchecks the first member
        QToolButton *clustersButton = nullptr;
        for (QToolButton *b : window.logBrowser()->findChildren<QToolButton *>()) {
            if (b->text() == Logs::LogBrowser::tr("Clusters"))
                clustersButton = b;
        }
        QVERIFY(clustersButton && clustersButton->menu());
        QAction *first = nullptr;
        for (QAction *action : clustersButton->menu()->actions()) {
            if (action->data().toString() == placed[0])
                first = action;
        }
        QVERIFY(first);
        first->setChecked(false);
        // Then: only the second member's lines show
        QTRY_VERIFY_WITH_TIMEOUT(!logs->showsAll() && !logs->isFiltering()
                                         && shownClusters(logs) == QSet<QString>{placed[1]},
                                 10000);

        // And: "Show Cluster on Map" on a line selects that member
        window.logBrowser()->view()->setCurrentIndex(logs->index(0, 0));
        QPushButton *map = nullptr;
        for (QPushButton *b : window.logBrowser()->findChildren<QPushButton *>()) {
            if (b->text() == Logs::LogBrowser::tr("Show Cluster on Map"))
                map = b;
        }
        QVERIFY(map);
        map->click();
        QTRY_COMPARE(window.selection()->clusters(), QStringList{placed[1]});
    }
};

QTEST_MAIN(TestKarmadaLogDock)
#include "tst_karmadalogdock.moc"

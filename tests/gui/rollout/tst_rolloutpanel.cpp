// The Rollout dock against an in-process simulated federation, offscreen: deploy from the
// editor (validation first), per-cluster progress and chart, aligned history, rollback to a row,
// a change from the form's values, and a paused Deployment refused.
#include "net/transport.h"
#include "sim/federation.h"
#include "ui/rollout/deploydialog.h"
#include "ui/rollout/rolloutchart.h"
#include "ui/rollout/rolloutpanel.h"

#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Qt::StringLiterals;

namespace {

const QString manifest = uR"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
)"_s;

QString cell(QTableWidget *table, int row, int column)
{
    QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestRolloutPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Sim::Options options;
        options.scenario = u"test"_s;
        options.clusters = 3;
        options.timeScale = 10;
        m_sim = std::make_unique<Sim::Federation>(options);
        const Status started = m_sim->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(u"sim.kubeconfig"_s);
        QFile file(m_kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(m_sim->kubeconfig());
    }

    void cleanupTestCase() { m_sim.reset(); }

    void deployRollOutAndRollBack()
    {
        ApiThread api;
        RolloutPanel panel(&api);
        panel.resize(1000, 700);
        panel.show();
        QSignalSpy clusters(&panel, &RolloutPanel::clustersChanged);
        FederationRequest request;
        request.load.explicitPath = m_kubeconfig;
        panel.openFederation(request);
        QTRY_COMPARE_WITH_TIMEOUT(clusters.size(), 1, 15000);
        QCOMPARE(clusters.first().first().toStringList(),
                 (QStringList{u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s}));

        // Given the deploy dialog, when the text is wrong, then it says where.
        DeployDialog *dialog = panel.deployDialog();
        QSignalSpy validated(dialog, &DeployDialog::validationFinished);
        dialog->setManifest(QString(manifest).replace(u"replicas: 3"_s, u"replicas: three"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!validated.isEmpty(), 5000);
        QCOMPARE(validated.last().first().toBool(), false);
        QVERIFY2(dialog->validationText().contains(
                         u"editor: document 1, line 6: spec.replicas: expected an integer"_s),
                 qPrintable(dialog->validationText()));
        QVERIFY(!dialog->editor()->extraSelections().isEmpty()); // the line is marked

        // When it is right and deployed, every cluster rolls out.
        validated.clear();
        dialog->setManifest(manifest);
        QTRY_VERIFY_WITH_TIMEOUT(!validated.isEmpty(), 5000);
        QCOMPARE(validated.last().first().toBool(), true);
        QSignalSpy deployed(dialog, &DeployDialog::deployFinished);
        dialog->deploy();
        QTRY_VERIFY_WITH_TIMEOUT(!deployed.isEmpty(), 30000);
        QVERIFY2(deployed.last().first().toBool(), qPrintable(dialog->log()->toPlainText()));
        QVERIFY(dialog->log()->toPlainText().contains(
                u"cluster-02: deployment.apps/web serverside-applied"_s));

        // The panel shows each cluster and the chart samples them.
        panel.showWorkload(u"default/web"_s);
        QTableWidget *table = panel.clusterTable();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 2, 1),
                                  Rollout::phaseName(Rollout::RolloutState::Phase::Done),
                                  10000);
        QCOMPARE(cell(table, 2, 7), u"web=nginx:1.25"_s);
        QCOMPARE(cell(table, 0, 5), u"1"_s); // 3 replicas spread over 3 clusters
        QTRY_COMPARE_WITH_TIMEOUT(panel.chart()->seriesCount(), 3, 5000);
        QVERIFY(panel.chart()->pointCount(u"cluster-01"_s) > 0);

        // A new image from the form's values, on every cluster.
        QSignalSpy actions(&panel, &RolloutPanel::actionFinished);
        Rollout::WorkloadChange change;
        change.images = {{u"web"_s, u"nginx:1.26"_s}};
        change.env = {{u"web"_s, u"MODE"_s, u"blue"_s}};
        panel.worker()->post([change](Rollout::RolloutWorker *w) {
            w->change(u"default"_s, u"web"_s, {}, change);
        });
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 0, 7), u"web=nginx:1.26"_s, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(panel.historyTable()->rowCount(), 2, 15000);
        QCOMPARE(cell(panel.historyTable(), 0, 4), u"web=nginx:1.25"_s);
        // The new template's row appears with the first cluster's ReplicaSet; its revision column
        // reads "-" until every cluster has numbered it.
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel.historyTable(), 1, 1), u"2*"_s, 15000);

        // Roll back to the first row on every cluster.
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 1, 1),
                                  Rollout::phaseName(Rollout::RolloutState::Phase::Done),
                                  15000);
        actions.clear();
        panel.historyTable()->selectRow(0);
        panel.rollbackToSelectedRow();
        QTRY_VERIFY_WITH_TIMEOUT(!actions.isEmpty(), 15000);
        QVERIFY2(actions.last().at(1).toBool(), qPrintable(actions.last().first().toString()));
        QCOMPARE(actions.last().first().toString().count(u"rolled back"_s), 3);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 2, 7), u"web=nginx:1.25"_s, 15000);

        // Paused on cluster-01 only, a rollback there is refused with kubectl's words.
        table->clearSelection();
        table->selectRow(0);
        QCOMPARE(panel.selectedClusters(), QStringList{u"cluster-01"_s});
        actions.clear();
        panel.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!actions.isEmpty(), 15000);
        QCOMPARE(actions.last().first().toString(), u"cluster-01: deployment.apps/web paused"_s);
        actions.clear();
        table->selectRow(0);
        panel.rollbackToPrevious();
        QTRY_VERIFY_WITH_TIMEOUT(!actions.isEmpty(), 15000);
        QCOMPARE(actions.last().at(1).toBool(), false);
        QVERIFY(actions.last().first().toString().contains(
                u"you cannot rollback a paused deployment"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 0, 1),
                                  Rollout::phaseName(Rollout::RolloutState::Phase::Paused),
                                  10000);
    }

    void dryRunThenWavesWithPause()
    {
        ApiThread api;
        RolloutPanel panel(&api);
        QSignalSpy clusters(&panel, &RolloutPanel::clustersChanged);
        FederationRequest request;
        request.load.explicitPath = m_kubeconfig;
        panel.openFederation(request);
        QTRY_COMPARE_WITH_TIMEOUT(clusters.size(), 1, 15000);
        DeployDialog *dialog = panel.deployDialog();
        QSignalSpy validated(dialog, &DeployDialog::validationFinished);
        dialog->setManifest(QString(manifest).replace(u"web"_s, u"api"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!validated.isEmpty() && validated.last().first().toBool(), 5000);

        // The server dry run shows the new object and stores nothing.
        QSignalSpy finished(dialog, &DeployDialog::deployFinished);
        dialog->dryRun();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        QVERIFY(finished.last().first().toBool());
        QVERIFY2(dialog->log()->toPlainText().contains(
                         u"+++ cluster-03 deployment.apps/api (after apply)"_s),
                 qPrintable(dialog->log()->toPlainText()));
        panel.showWorkload(u"default/api"_s);
        QTRY_COMPARE_WITH_TIMEOUT(panel.clusterTable()->rowCount(), 3, 10000);
        QCOMPARE(cell(panel.clusterTable(), 0, 1), u"Unreadable"_s); // not there: NotFound

        // Waves: cluster-02 first, then a pause until Continue.
        finished.clear();
        dialog->setFirstWave({u"cluster-02"_s});
        QCOMPARE(dialog->firstWave(), QStringList{u"cluster-02"_s});
        dialog->setPauseBetweenWaves(true);
        dialog->deploy();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->log()->toPlainText().contains(u"Continue with wave 2"_s),
                                 20000);
        QVERIFY(finished.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel.clusterTable(), 1, 1),
                                  Rollout::phaseName(Rollout::RolloutState::Phase::Done),
                                  10000);
        QCOMPARE(cell(panel.clusterTable(), 0, 1), u"Unreadable"_s); // wave 2 not started
        dialog->proceed();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY2(finished.last().first().toBool(), qPrintable(dialog->log()->toPlainText()));
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel.clusterTable(), 0, 1),
                                  Rollout::phaseName(Rollout::RolloutState::Phase::Done),
                                  10000);
    }

private:
    std::unique_ptr<Sim::Federation> m_sim;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

QTEST_MAIN(TestRolloutPanel)
#include "tst_rolloutpanel.moc"

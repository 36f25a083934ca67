// The log browser as `meridian --demo` wires it: the simulator's Cloud Logging, its in-memory
// service-account key and CA. Rows stream in, the filter bar narrows them after its debounce,
// the detail pane shows the whole entry, "Show Cluster on Map" names the cluster, export writes
// what is shown.
#include "ui/logs/logbrowser.h"
#include "ui/logs/logtablemodel.h"

#include "net/transport.h"
#include "sim/federation.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

class TestLogBrowser final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Sim::Options options;
        options.scenario = QStringLiteral("test");
        options.clusters = 2;
        options.workloads = true;
        options.cloudLogging = true;
        m_sim = std::make_unique<Sim::Federation>(options);
        QVERIFY(m_sim->start().ok());
    }

    void streamsFiltersShowsAndExports()
    {
        Logs::LogBrowser browser;
        browser.resize(1200, 800);
        browser.show();
        Logs::LogSourceConfig config;
        config.cloud.endpoint
                = QUrl(m_sim->endpoints().value(QStringLiteral("logging")).toString());
        config.cloud.caPem = m_sim->caCertificatePem();
        config.credentials.keyJson = m_sim->serviceAccountKeyJson();
        browser.setSource(config, 15 * 60);
        Logs::LogTableModel *model = browser.model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 50, 60000);

        // When the operator types a severity floor and text
        auto *severity = browser.findChild<QComboBox *>(QStringLiteral("severityFloor"));
        QVERIFY(severity);
        severity->setCurrentIndex(int(Logs::Severity::Warning));
        QTRY_VERIFY_WITH_TIMEOUT(!model->showsAll() && !model->isFiltering(), 10000);
        QTRY_VERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            const int s = model->index(row, 0).data(Logs::LogTableModel::SeverityRole).toInt();
            QVERIFY(s >= int(Logs::Severity::Warning));
        }

        // The detail pane shows the whole entry, and the map button names its cluster
        browser.view()->setCurrentIndex(model->index(0, 0));
        auto *detail = browser.findChild<QPlainTextEdit *>(QStringLiteral("logDetail"));
        QVERIFY(detail);
        const QJsonObject shown = QJsonDocument::fromJson(detail->toPlainText().toUtf8()).object();
        QVERIFY(shown.contains(QStringLiteral("resource")));
        QVERIFY(shown.contains(QStringLiteral("insertId")));
        QSignalSpy activated(&browser, &Logs::LogBrowser::clusterActivated);
        QPushButton *map = nullptr;
        for (QPushButton *b : browser.findChildren<QPushButton *>()) {
            if (b->text() == Logs::LogBrowser::tr("Show Cluster on Map"))
                map = b;
        }
        QVERIFY(map);
        map->click();
        QCOMPARE(activated.size(), 1);
        QVERIFY(activated.first().first().toString().startsWith(QLatin1String("cluster-0")));

        // Export writes the rows the filter shows (or more: new ones keep arriving)
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.ndjson"));
        QSignalSpy exported(&browser, &Logs::LogBrowser::exportFinished);
        const int shownRows = model->rowCount();
        browser.exportTo(path);
        QVERIFY(exported.wait(10000));
        QVERIFY(exported.first().first().toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QVERIFY(lines.size() >= shownRows);
        for (const QByteArray &line : lines) {
            const QString s = QJsonDocument::fromJson(line)
                                      .object()
                                      .value(QStringLiteral("severity"))
                                      .toString();
            QVERIFY2(s == QLatin1String("WARNING") || s == QLatin1String("ERROR"), qPrintable(s));
        }
    }

private:
    std::unique_ptr<Sim::Federation> m_sim;
};

QTEST_MAIN(TestLogBrowser)
#include "tst_logbrowser.moc"

// The log table model under QAbstractItemModelTester: appends in batches, evictions from the
// top, background filters that return row ids (stale ones dropped), entries arriving while a
// filter runs, and the detail JSON.
#include "ui/logs/logtablemodel.h"

#include "logs/logexport.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Meridian::Logs;

namespace {

SegmentPtr batch(SourceTable &sources, int first, int count, const char *cluster = "tokyo")
{
    SegmentBuilder builder;
    const quint32 source = sources.intern({cluster,
                                           "default",
                                           "web-1-a",
                                           "web",
                                           "asia-northeast1",
                                           "p",
                                           "projects/p/logs/stdout",
                                           R"({"k8s-pod/app":"web"})"});
    for (int i = first; i < first + count; ++i) {
        const QByteArray message
                = (i % 10 == 0 ? "ERROR failed request " : "ok request ") + QByteArray::number(i);
        builder.append(qint64(i) * 1000,
                       source,
                       i % 10 == 0 ? Severity::Error : Severity::Info,
                       std::string_view(message.constData(), std::size_t(message.size())),
                       R"({"insertId":"x"})");
    }
    return builder.take();
}

QString column(const LogTableModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data().toString());
    return values.join(u',');
}

} // namespace

class TestLogTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void appendsAndEvictsUnderTheTester()
    {
        auto sources = std::make_shared<SourceTable>();
        const std::size_t one = batch(*sources, 0, 5000)->memoryBytes();
        LogTableModel model(sources, one * 2 + one / 2);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        // When four batches arrive under a budget for two and a half
        for (int b = 0; b < 4; ++b) {
            model.appendSegment(batch(*sources, b * 5000, 5000));
            model.flushPending();
        }
        // Then one insert per batch, the two oldest left from the top, and rows are the newest
        QCOMPARE(inserted.size(), 4);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(model.store().evictedCount(), quint64(10000));
        QCOMPARE(model.index(0, LogTableModel::MessageColumn).data().toString(),
                 QStringLiteral("ERROR failed request 10000"));
        QCOMPARE(model.index(0, LogTableModel::ClusterColumn).data().toString(),
                 QStringLiteral("tokyo"));
        QCOMPARE(model.index(0, LogTableModel::SeverityColumn).data().toString(),
                 QStringLiteral("ERROR"));
        QVERIFY(model.index(0, LogTableModel::ClusterColumn)
                        .data(Qt::DecorationRole)
                        .value<QColor>()
                        .isValid());
        // And three batches landing together (the view hears of them once) evict past the rows
        // shown so far
        for (int b = 4; b < 7; ++b)
            model.appendSegment(batch(*sources, b * 5000, 5000));
        QCOMPARE(model.rowCount(), 10000); // nothing lands before the batch interval
        model.flushPending();
        QCOMPARE(inserted.size(), 5);
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(model.store().evictedCount(), quint64(25000));
        QCOMPARE(model.index(0, LogTableModel::MessageColumn).data().toString(),
                 QStringLiteral("ERROR failed request 25000"));
        model.clear();
        model.appendSegment(batch(*sources, 0, 10));
        model.flushPending();
        QCOMPARE(model.index(0, LogTableModel::TimeColumn).data().toString(),
                 QStringLiteral("1970-01-01T00:00:00.000000000Z"));
    }

    void filterRunsInTheBackgroundAndFollowsArrivals()
    {
        auto sources = std::make_shared<SourceTable>();
        LogTableModel model(sources);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendSegment(batch(*sources, 0, 100));
        model.flushPending();
        model.appendSegment(batch(*sources, 100, 100, "paris"));
        model.flushPending();
        QSignalSpy finished(&model, &LogTableModel::filterFinished);
        // When the operator asks for errors in tokyo
        LogFilter filter;
        filter.clusters = {QStringLiteral("tokyo")};
        filter.severity.low = Severity::Error;
        model.setFilter(filter);
        QVERIFY(finished.wait(5000));
        // Then only those rows show
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(column(model, LogTableModel::ClusterColumn).count(QStringLiteral("tokyo")), 10);
        // And what arrives next is filtered on arrival
        model.appendSegment(batch(*sources, 200, 20));
        model.flushPending();
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.index(11, LogTableModel::MessageColumn).data().toString(),
                 QStringLiteral("ERROR failed request 210"));
        // A stale job never lands: two filters in a row, only the last counts
        LogFilter text;
        text.text = QStringLiteral("REQUEST 1");
        model.setFilter(filter);
        model.setFilter(text);
        QTRY_VERIFY(!model.isFiltering());
        QTRY_COMPARE(model.rowCount(), 111); // 1, 10..19, 100..199
        // And clearing the filter shows everything again
        model.setFilter({});
        QCOMPARE(model.rowCount(), 220);
    }

    void badRegexReportsAndKeepsRows()
    {
        auto sources = std::make_shared<SourceTable>();
        LogTableModel model(sources);
        model.appendSegment(batch(*sources, 0, 10));
        model.flushPending();
        QSignalSpy finished(&model, &LogTableModel::filterFinished);
        LogFilter filter;
        filter.regex = QStringLiteral("([");
        model.setFilter(filter);
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.first().first().toString().isEmpty());
        QCOMPARE(model.rowCount(), 10);
    }

    void entryJsonHasResourceLabelsAndPayload()
    {
        auto sources = std::make_shared<SourceTable>();
        LogTableModel model(sources);
        model.appendSegment(batch(*sources, 0, 1));
        model.flushPending();
        const QJsonObject entry = model.entryJson(model.entryId(0));
        QCOMPARE(entry.value(QStringLiteral("severity")).toString(), QStringLiteral("ERROR"));
        QCOMPARE(entry[QStringLiteral("resource")][QStringLiteral("labels")]
                      [QStringLiteral("cluster_name")]
                              .toString(),
                 QStringLiteral("tokyo"));
        QCOMPARE(entry[QStringLiteral("labels")][QStringLiteral("k8s-pod/app")].toString(),
                 QStringLiteral("web"));
        QCOMPARE(entry.value(QStringLiteral("textPayload")).toString(),
                 QStringLiteral("ERROR failed request 0"));
        QCOMPARE(entry.value(QStringLiteral("insertId")).toString(), QStringLiteral("x"));
    }

    void histogramCountsVisibleRows()
    {
        auto sources = std::make_shared<SourceTable>();
        LogTableModel model(sources);
        model.appendSegment(batch(*sources, 0, 100));
        model.flushPending();
        model.appendSegment(batch(*sources, 100, 50, "paris"));
        model.flushPending();
        const std::vector<quint64> ids = model.visibleIds();
        const Histogram byCluster
                = computeHistogram(model.store().snapshot(), *sources, &ids, true, 10);
        QCOMPARE(byCluster.series, (QStringList{QStringLiteral("tokyo"), QStringLiteral("paris")}));
        int tokyo = 0, paris = 0;
        for (int n : byCluster.counts[0])
            tokyo += n;
        for (int n : byCluster.counts[1])
            paris += n;
        QCOMPARE(tokyo, 100);
        QCOMPARE(paris, 50);
        const Histogram bySeverity
                = computeHistogram(model.store().snapshot(), *sources, nullptr, false, 10);
        int errors = 0;
        for (int n : bySeverity.counts[int(Severity::Error)])
            errors += n;
        QCOMPARE(errors, 15);
    }

    void exportWritesWhatTheFilterShows()
    {
        auto sources = std::make_shared<SourceTable>();
        LogTableModel model(sources);
        model.appendSegment(batch(*sources, 0, 30));
        model.flushPending();
        LogFilter filter;
        filter.severity.low = Severity::Error;
        QSignalSpy finished(&model, &LogTableModel::filterFinished);
        model.setFilter(filter);
        QVERIFY(finished.wait(5000));
        QBuffer ndjson;
        ndjson.open(QIODevice::WriteOnly);
        QVERIFY(exportEntries(model.store().snapshot(),
                              *sources,
                              model.visibleIds(),
                              ExportFormat::Ndjson,
                              ndjson)
                        .ok());
        const QList<QByteArray> lines = ndjson.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.keys(),
                 (QStringList{QStringLiteral("cluster"),
                              QStringLiteral("container"),
                              QStringLiteral("message"),
                              QStringLiteral("namespace"),
                              QStringLiteral("pod"),
                              QStringLiteral("severity"),
                              QStringLiteral("timestamp")}));
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        QVERIFY(exportEntries(model.store().snapshot(),
                              *sources,
                              model.visibleIds(),
                              ExportFormat::Csv,
                              csv)
                        .ok());
        const QList<QByteArray> rows = csv.data().trimmed().split('\n');
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.first().trimmed(),
                 QByteArray("timestamp,cluster,namespace,pod,container,severity,message"));
    }
};

QTEST_GUILESS_MAIN(TestLogTableModel)
#include "tst_logtablemodel.moc"

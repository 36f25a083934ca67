// The log store and its entries:list decoder: columns, interning, the memory budget and what it
// evicts, and pages that are odd (empty with a token, broken UTF-8, 1 MB lines, missing fields).
#include "logs/logstore.h"
#include "logs/pagedecoder.h"
#include "logs/severity.h"
#include "logs/timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Meridian::Logs;

namespace {

std::string_view sv(const QByteArray &b)
{
    return {b.constData(), std::size_t(b.size())};
}

QJsonObject entry(const char *clusterName,
                  const char *podName,
                  const char *timestampText,
                  const char *severityName,
                  const QString &text)
{
    const QString cluster = QString::fromUtf8(clusterName);
    const QString pod = QString::fromUtf8(podName);
    const QString timestamp = QString::fromUtf8(timestampText);
    const QString severity = QString::fromUtf8(severityName);
    return QJsonObject{
            {QStringLiteral("insertId"), QString(QStringLiteral("id-") + timestamp.right(6))},
            {QStringLiteral("logName"), QStringLiteral("projects/p/logs/stdout")},
            {QStringLiteral("resource"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("k8s_container")},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p")},
                                      {QStringLiteral("location"), QStringLiteral("europe-west1")},
                                      {QStringLiteral("cluster_name"), cluster},
                                      {QStringLiteral("namespace_name"), QStringLiteral("default")},
                                      {QStringLiteral("pod_name"), pod},
                                      {QStringLiteral("container_name"), QStringLiteral("web")}}}}},
            {QStringLiteral("timestamp"), timestamp},
            {QStringLiteral("severity"), severity},
            {QStringLiteral("textPayload"), text}};
}

QByteArray page(const QJsonArray &entries, const QString &token = {})
{
    QJsonObject o;
    if (!entries.isEmpty())
        o.insert(QStringLiteral("entries"), entries);
    if (!token.isEmpty())
        o.insert(QStringLiteral("nextPageToken"), token);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SegmentPtr segmentOf(SourceTable &sources, int count, int messageSize, qint64 t0 = 0)
{
    SegmentBuilder builder;
    const quint32 source = sources.intern({"c1", "default", "web-1", "web", "", "", "", ""});
    const std::string message(std::size_t(messageSize), 'x');
    for (int i = 0; i < count; ++i)
        builder.append(t0 + i, source, Severity::Info, message);
    return builder.take();
}

} // namespace

class TestLogStore final : public QObject
{
    Q_OBJECT

private slots:
    void severityNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // -1: rejected
        QTest::newRow("upper") << QStringLiteral("WARNING") << 4;
        QTest::newRow("lower") << QStringLiteral("error") << 5;
        QTest::newRow("number") << QStringLiteral("600") << 6;
        QTest::newRow("odd number") << QStringLiteral("250") << -1;
        QTest::newRow("unknown") << QStringLiteral("LOUD") << -1;
    }
    void severityNames()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto s = severityFromName(text);
        QCOMPARE(s ? int(*s) : -1, expected);
    }

    void severityRanges_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        QTest::newRow(">=WARNING") << QStringLiteral(">=WARNING") << 4 << 8;
        QTest::newRow("bare is a floor") << QStringLiteral("error") << 5 << 8;
        QTest::newRow(">ERROR") << QStringLiteral(">ERROR") << 6 << 8;
        QTest::newRow("=INFO") << QStringLiteral("=INFO") << 2 << 2;
        QTest::newRow("<=DEBUG") << QStringLiteral("<=DEBUG") << 0 << 1;
        QTest::newRow("garbage") << QStringLiteral(">=LOUD") << -1 << -1;
    }
    void severityRanges()
    {
        QFETCH(QString, spec);
        QFETCH(int, low);
        QFETCH(int, high);
        const auto range = parseSeverityRange(spec);
        QCOMPARE(range ? int(range->low) : -1, low);
        QCOMPARE(range ? int(range->high) : -1, high);
    }

    void severityOfPodLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("expected");
        QTest::newRow("nginx 503") << QStringLiteral(
                R"(10.1.2.3 - - [27/Nov/2026:10:00:00 +0000] "GET /cart HTTP/1.1" 503 12 "-" "curl/8.5.0" 0.012)")
                                   << int(Severity::Error);
        QTest::newRow("nginx 404") << QStringLiteral(
                R"(10.1.2.3 - - [27/Nov/2026:10:00:00 +0000] "GET /x HTTP/1.1" 404 12 "-" "curl" 0.1)")
                                   << int(Severity::Warning);
        QTest::newRow("nginx 200") << QStringLiteral(
                R"(10.1.2.3 - - [27/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 12 "-" "curl" 0.1)")
                                   << int(Severity::Info);
        QTest::newRow("worker WARN")
                << QStringLiteral("2025-01-06T00:00:00.123Z WARN [worker] slow query")
                << int(Severity::Warning);
        QTest::newRow("json") << QStringLiteral(R"({"severity":"ERROR","message":"boom"})")
                              << int(Severity::Error);
        QTest::newRow("plain") << QStringLiteral("hello world") << int(Severity::Default);
    }
    void severityOfPodLines()
    {
        QFETCH(QString, line);
        QFETCH(int, expected);
        QCOMPARE(int(severityOfLine(sv(line.toUtf8()))), expected);
    }

    void timestampsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("nanos") << QStringLiteral("2026-11-27T10:00:00.123456789Z")
                               << QStringLiteral("2026-11-27T10:00:00.123456789Z");
        QTest::newRow("millis") << QStringLiteral("2026-11-27T10:00:00.5Z")
                                << QStringLiteral("2026-11-27T10:00:00.500000000Z");
        QTest::newRow("no fraction") << QStringLiteral("1999-12-31T23:59:59Z")
                                     << QStringLiteral("1999-12-31T23:59:59.000000000Z");
        QTest::newRow("offset") << QStringLiteral("2026-11-27T19:00:00+09:00")
                                << QStringLiteral("2026-11-27T10:00:00.000000000Z");
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QStringLiteral("");
        QTest::newRow("no zone") << QStringLiteral("2026-11-27T10:00:00") << QStringLiteral("");
    }
    void timestampsRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        const auto ns = parseRfc3339(QStringView(text));
        QCOMPARE(ns ? formatRfc3339(*ns) : QString(), normalised);
    }

    void decodesEntriesIntoColumns()
    {
        auto sources = std::make_shared<SourceTable>();
        PageDecoder decoder(sources);
        const QByteArray bytes = page({entry("tokyo",
                                             "web-a",
                                             "2026-11-27T10:00:00.000000001Z",
                                             "WARNING",
                                             QStringLiteral("one")),
                                       entry("tokyo",
                                             "web-a",
                                             "2026-11-27T10:00:00.000000002Z",
                                             "ERROR",
                                             QStringLiteral("two")),
                                       entry("paris",
                                             "web-b",
                                             "2026-11-27T10:00:01Z",
                                             "INFO",
                                             QStringLiteral("three"))},
                                      QStringLiteral("next-1"));
        const auto decoded = decoder.decode(bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        QCOMPARE(decoded->entries, std::size_t(3));
        QCOMPARE(decoded->nextPageToken, QByteArray("next-1"));
        const LogSegment &s = *decoded->segment;
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s.message(1), std::string_view("two"));
        QCOMPARE(int(s.severities[0]), int(Severity::Warning));
        QCOMPARE(formatRfc3339(s.timestamps[1]), QStringLiteral("2026-11-27T10:00:00.000000002Z"));
        // Given two entries of one container, Then they share a source id.
        QCOMPARE(s.sources[0], s.sources[1]);
        QVERIFY(s.sources[0] != s.sources[2]);
        QCOMPARE(sources->clusters(),
                 (QStringList{QStringLiteral("tokyo"), QStringLiteral("paris")}));
        const LogSource paris = sources->source(s.sources[2]);
        QCOMPARE(paris.pod, QStringLiteral("web-b"));
        QCOMPARE(paris.location, QStringLiteral("europe-west1"));
        QCOMPARE(paris.logName, QStringLiteral("projects/p/logs/stdout"));
        QVERIFY(s.extra(0).find("\"insertId\"") != std::string_view::npos);
        QCOMPARE(decoded->newestNs, s.timestamps[2]);
    }

    void jsonPayloadIsCompactJson()
    {
        auto sources = std::make_shared<SourceTable>();
        PageDecoder decoder(sources);
        const QByteArray bytes = R"({"entries":[{"timestamp":"2026-11-27T10:00:00Z","severity":400,
                     "jsonPayload": { "message" : "GET /v1 500", "logger":"api.access" },
                     "httpRequest": {"status": 500}, "trace": "projects/p/traces/abc",
                     "labels": {"k8s-pod/app": "api"},
                     "resource":{"type":"k8s_container","labels":{"cluster_name":"c"}}}]})";
        const auto decoded = decoder.decode(bytes);
        QVERIFY(decoded.ok());
        const LogSegment &s = *decoded->segment;
        QCOMPARE(s.message(0),
                 std::string_view(R"({"message":"GET /v1 500","logger":"api.access"})"));
        QCOMPARE(int(s.severities[0]), int(Severity::Warning));
        // trace is kept for the detail pane; httpRequest is not (memory, docs/LOGS.md)
        QCOMPARE(s.extra(0), std::string_view(R"({"trace":"projects/p/traces/abc"})"));
        QCOMPARE(sources->source(s.sources[0]).labels, QByteArray(R"({"k8s-pod/app":"api"})"));
    }

    void emptyPageWithTokenIsNotTheEnd()
    {
        PageDecoder decoder(std::make_shared<SourceTable>());
        const auto decoded = decoder.decode(page({}, QStringLiteral("more")));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->entries, std::size_t(0));
        QVERIFY(!decoded->segment);
        QCOMPARE(decoded->nextPageToken, QByteArray("more"));
        const auto last = decoder.decode("{}");
        QVERIFY(last.ok());
        QVERIFY(last->nextPageToken.isEmpty());
    }

    void missingFieldsStillDecode()
    {
        auto sources = std::make_shared<SourceTable>();
        PageDecoder decoder(sources);
        const auto decoded = decoder.decode(
                R"({"entries":[{},{"receiveTimestamp":"2026-11-27T10:00:00Z","severity":"LOUD"}]})");
        QVERIFY(decoded.ok());
        const LogSegment &s = *decoded->segment;
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s.timestamps[0], qint64(0));
        QCOMPARE(s.message(0), std::string_view());
        QCOMPARE(formatRfc3339(s.timestamps[1]), QStringLiteral("2026-11-27T10:00:00.000000000Z"));
        QCOMPARE(int(s.severities[1]), int(Severity::Default));
        QCOMPARE(sources->source(s.sources[0]).cluster, QString());
    }

    void invalidUtf8BecomesReplacementCharacters()
    {
        PageDecoder decoder(std::make_shared<SourceTable>());
        QByteArray bytes
                = R"({"entries":[{"textPayload":"bad BROKEN bytes","timestamp":"2026-11-27T10:00:00Z"}]})";
        bytes.replace("BROKEN", "\xff\xfe");
        const auto decoded = decoder.decode(bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
        const std::string_view m = decoded->segment->message(0);
        QCOMPARE(QString::fromUtf8(m.data(), qsizetype(m.size())),
                 QStringLiteral("bad \uFFFD\uFFFD bytes"));
        // And the builder cleans what pod streams hand it directly.
        SegmentBuilder builder;
        builder.append(1, 0, Severity::Info, "\xc3(", "");
        const SegmentPtr segment = builder.take();
        QCOMPARE(segment->message(0), std::string_view("\xef\xbf\xbd("));
    }

    void megabyteLines()
    {
        PageDecoder decoder(std::make_shared<SourceTable>());
        const QString big(1 << 20, u'a');
        const auto decoded = decoder.decode(
                page({entry("c", "p", "2026-11-27T10:00:00Z", "INFO", big),
                      entry("c", "p", "2026-11-27T10:00:01Z", "INFO", QStringLiteral("small"))}));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->segment->message(0).size(), std::size_t(1 << 20));
        QCOMPARE(decoded->segment->message(1), std::string_view("small"));
    }

    void notJsonIsAnError()
    {
        PageDecoder decoder(std::make_shared<SourceTable>());
        const auto decoded = decoder.decode("<html>502 Bad Gateway</html>");
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, QStringLiteral("ParseError"));
        QVERIFY(decoded.error().message.contains(QStringLiteral("502 Bad Gateway")));
    }

    void budgetEvictsOldestAndCounts()
    {
        auto sources = std::make_shared<SourceTable>();
        // Given a budget for about three segments of 5000 entries with 100-byte messages
        const std::size_t one = segmentOf(*sources, 5000, 100)->memoryBytes();
        LogStore store(sources, one * 3 + one / 2);
        // When five segments arrive
        for (int i = 0; i < 5; ++i) {
            const auto appended = store.append(segmentOf(*sources, 5000, 100, i * 5000));
            QCOMPARE(appended.added, std::size_t(5000));
        }
        // Then the two oldest are gone, counted, and ids keep counting from where they were
        QCOMPARE(store.evictedCount(), quint64(10000));
        QCOMPARE(store.size(), std::size_t(15000));
        QCOMPARE(store.firstId(), quint64(10000));
        QCOMPARE(store.endId(), quint64(25000));
        QVERIFY(store.memoryBytes() <= store.memoryBudget());
        QVERIFY(!store.at(9999));
        const LogStore::Ref ref = store.at(10000);
        QVERIFY(ref);
        QCOMPARE(ref.segment->timestamps[ref.index], qint64(10000));
    }

    void smallAppendsCoalesce()
    {
        auto sources = std::make_shared<SourceTable>();
        LogStore store(sources);
        for (int i = 0; i < 100; ++i)
            store.append(segmentOf(*sources, 3, 10, i * 3));
        QCOMPARE(store.size(), std::size_t(300));
        QCOMPARE(store.snapshot().segments.size(), std::size_t(1));
        const LogStore::Ref ref = store.at(299);
        QCOMPARE(ref.segment->timestamps[ref.index], qint64(299));
        QCOMPARE(ref.segment->message(ref.index), std::string_view("xxxxxxxxxx"));
    }
};

QTEST_GUILESS_MAIN(TestLogStore)
#include "tst_logstore.moc"

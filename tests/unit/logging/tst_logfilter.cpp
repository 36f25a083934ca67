// The Cloud Logging query subset: what each construct matches, and how bad queries are refused.

#include "sim/logging/logfilter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Meridian::Sim::LogEntryView;
using Meridian::Sim::LogFilter;
using Meridian::Sim::LogSeverity;

namespace {

qint64 ns(const char *rfc3339)
{
    return Meridian::Sim::parseRfc3339Nanos(QString::fromLatin1(rfc3339)).value_or(-1);
}

// A failed web request on stderr, as GKE would record it.
LogEntryView textEntry()
{
    LogEntryView e;
    e.timestampNs = ns("2024-05-01T12:00:00.5Z");
    e.severity = LogSeverity::Warning;
    e.logName = u"projects/p/logs/stderr"_s;
    e.insertId = u"abc123def456ghij"_s;
    e.resourceType = u"k8s_container"_s;
    e.resourceLabels = {{u"project_id"_s, u"p"_s},
                        {u"location"_s, u"europe-west1"_s},
                        {u"cluster_name"_s, u"c1"_s},
                        {u"namespace_name"_s, u"default"_s},
                        {u"pod_name"_s, u"web-abc12-xyz"_s},
                        {u"container_name"_s, u"web"_s}};
    e.labels = {{u"k8s-pod/app"_s, u"web"_s},
                {u"compute.googleapis.com/resource_name"_s, u"gke-node-1"_s}};
    e.textPayload = u"GET /cart 503 Service Unavailable"_s;
    return e;
}

// A structured API access line.
LogEntryView jsonEntry()
{
    LogEntryView e = textEntry();
    e.severity = LogSeverity::Info;
    e.logName = u"projects/p/logs/stdout"_s;
    e.textPayload.clear();
    e.resourceLabels[u"container_name"_s] = u"api"_s;
    e.jsonPayload = QJsonObject{{u"message"_s, u"GET /v1/orders 200 12ms"_s},
                                {u"logger"_s, u"api.access"_s},
                                {u"nested"_s, QJsonObject{{u"count"_s, 42}}}};
    e.httpRequest = QJsonObject{{u"status"_s, 200}, {u"requestMethod"_s, u"GET"_s}};
    return e;
}

} // namespace

class TstLogFilter final : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void rejects_data();
    void rejects();
    void timeBoundsComeFromTopLevelConditions();
    void containerLevelPruning();
    void rfc3339();
};

void TstLogFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("json");
    QTest::addColumn<bool>("expected");

    const auto row = [](const char *name, const QString &filter, bool json, bool expected) {
        QTest::newRow(name) << filter << json << expected;
    };
    row("empty matches all", u""_s, false, true);
    row("resource type", u"resource.type=\"k8s_container\""_s, false, true);
    row("resource type other", u"resource.type=\"k8s_node\""_s, false, false);
    row("equality is case-insensitive", u"resource.labels.cluster_name=\"C1\""_s, false, true);
    row("not equal", u"resource.labels.cluster_name!=\"c2\""_s, false, true);
    row("has substring", u"resource.labels.pod_name:\"web-\""_s, false, true);
    row("has unquoted", u"resource.labels.pod_name:web-abc"_s, false, true);
    row("has miss", u"resource.labels.pod_name:\"api-\""_s, false, false);
    row("quoted label key", u"labels.\"k8s-pod/app\"=\"web\""_s, false, true);
    row("dotted label key unquoted",
        u"labels.compute.googleapis.com/resource_name=gke-node-1"_s,
        false,
        true);
    row("severity rank ge", u"severity>=WARNING"_s, false, true);
    row("severity rank gt", u"severity>WARNING"_s, false, false);
    row("severity lowercase", u"severity>=warning"_s, false, true);
    row("severity number", u"severity=400"_s, false, true);
    row("severity lt", u"severity<ERROR"_s, false, true);
    row("timestamp in range",
        u"timestamp>=\"2024-05-01T00:00:00Z\" AND timestamp<\"2024-05-01T13:00:00Z\""_s,
        false,
        true);
    row("timestamp out of range", u"timestamp>\"2024-05-01T12:00:01Z\""_s, false, false);
    row("timestamp with offset", u"timestamp<\"2024-05-01T14:00:01+02:00\""_s, false, true);
    row("timestamp nanos", u"timestamp>\"2024-05-01T12:00:00.499999999Z\""_s, false, true);
    row("logName", u"logName=\"projects/p/logs/stderr\""_s, false, true);
    row("logName has", u"logName:stdout"_s, false, false);
    row("textPayload has case-insensitive", u"textPayload:\"service unavailable\""_s, false, true);
    row("regex", u"textPayload=~\"^GET /c[a-z]+ 5\\\\d\\\\d\""_s, false, true);
    row("regex is case-sensitive", u"textPayload=~\"^get\""_s, false, false);
    row("not regex", u"textPayload!~\"POST\""_s, false, true);
    row("AND", u"severity>=WARNING AND resource.labels.cluster_name=c1"_s, false, true);
    row("AND miss", u"severity>=ERROR AND resource.labels.cluster_name=c1"_s, false, false);
    row("juxtaposition is AND", u"severity>=ERROR resource.labels.cluster_name=c1"_s, false, false);
    row("newline is AND", u"severity>=WARNING\nresource.labels.cluster_name=c1"_s, false, true);
    row("OR", u"severity>=ERROR OR resource.labels.cluster_name=c1"_s, false, true);
    row("OR binds tighter than AND",
        u"resource.labels.cluster_name=c2 AND severity>=ERROR OR severity=WARNING"_s,
        false,
        false);
    row("parentheses",
        u"(resource.labels.cluster_name=c2 AND severity>=ERROR) OR severity=WARNING"_s,
        false,
        true);
    row("NOT", u"NOT severity>=ERROR"_s, false, true);
    row("leading minus", u"-resource.labels.cluster_name=c1"_s, false, false);
    row("minus on group", u"-(severity=INFO OR severity=DEBUG)"_s, false, true);
    row("value alternatives", u"resource.labels.cluster_name=(\"c2\" OR \"c1\")"_s, false, true);
    row("value alternatives miss", u"resource.labels.cluster_name=(c2 OR c3)"_s, false, false);
    row("bare word searches everything", u"unavailable"_s, false, true);
    row("bare string searches labels", u"\"gke-node-1\""_s, false, true);
    row("bare word miss", u"kangaroo"_s, false, false);
    row("lowercase and is a search word", u"severity>=WARNING and"_s, false, false);
    row("missing field equal", u"jsonPayload.message=\"x\""_s, false, false);
    row("missing field not equal", u"jsonPayload.message!=\"x\""_s, false, true);
    row("presence", u"jsonPayload.message:*"_s, true, true);
    row("absence", u"NOT jsonPayload.message:*"_s, false, true);
    row("json field has", u"jsonPayload.message:\"/v1/orders\""_s, true, true);
    row("json nested number", u"jsonPayload.nested.count>=40"_s, true, true);
    row("json nested number lt", u"jsonPayload.nested.count<40"_s, true, false);
    row("httpRequest status", u"httpRequest.status=200"_s, true, true);
    row("httpRequest status range", u"httpRequest.status>=500"_s, true, false);
    row("bare word in json", u"api.access"_s, true, true);
    row("jsonPayload has", u"jsonPayload:\"orders\""_s, true, true);
    row("textPayload absent on json", u"textPayload:*"_s, true, false);
    row("unknown field never equal", u"foo.bar=\"x\""_s, false, false);
    row("insertId", u"insertId=\"abc123def456ghij\""_s, false, true);
    row("gcloud shape",
        u"timestamp>=\"2024-04-30T12:00:00Z\" AND resource.type=\"k8s_container\" "
        u"AND resource.labels.namespace_name=\"default\""_s,
        false,
        true);
}

void TstLogFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(bool, json);
    QFETCH(bool, expected);
    const Meridian::Result<LogFilter> parsed = LogFilter::parse(filter);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->matches(json ? jsonEntry() : textEntry()), expected);
}

void TstLogFilter::rejects_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message");

    QTest::newRow("dangling AND") << u"severity>=ERROR AND"_s
                                  << u"Invalid query: Unparseable filter: syntax error at line 1, "
                                     u"column 20, token '<EOF>'"_s;
    QTest::newRow("unbalanced (") << u"(severity>=ERROR"_s
                                  << u"syntax error at line 1, column 17, token '<EOF>'"_s;
    QTest::newRow("stray )") << u"severity>=ERROR)"_s
                             << u"syntax error at line 1, column 16, token ')'"_s;
    QTest::newRow("missing value") << u"severity>="_s << u"column 11, token '<EOF>'"_s;
    QTest::newRow("operator first") << u"=foo"_s << u"column 1, token '='"_s;
    QTest::newRow("second line") << u"severity>=ERROR\nAND )"_s << u"line 2, column 5, token ')'"_s;
    QTest::newRow("bad severity") << u"severity>=LOUD"_s
                                  << u"Invalid query: unknown severity \"LOUD\" at line 1, "
                                     u"column 11"_s;
    QTest::newRow("bad timestamp")
            << u"timestamp>=\"yesterday\""_s << u"invalid timestamp \"yesterday\""_s;
    QTest::newRow("bad regex") << u"textPayload=~\"(\""_s << u"invalid regular expression"_s;
    QTest::newRow("unterminated string") << u"textPayload:\"abc"_s << u"unterminated string"_s;
    QTest::newRow("too long") << QString(20001, u'a') << u"longer than 20000"_s;
}

void TstLogFilter::rejects()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const Meridian::Result<LogFilter> parsed = LogFilter::parse(filter);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, u"InvalidArgument"_s);
    QVERIFY2(parsed.error().message.startsWith(u"Invalid query: "_s),
             qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
}

void TstLogFilter::timeBoundsComeFromTopLevelConditions()
{
    const auto parsed = LogFilter::parse(
            u"timestamp>=\"2024-05-01T00:00:00Z\" severity>=INFO "
            u"timestamp<\"2024-05-01T01:00:00Z\" (timestamp>\"2030-01-01T00:00:00Z\" OR "
            u"severity=ERROR)"_s);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->earliestNs(), ns("2024-05-01T00:00:00Z"));
    QCOMPARE(parsed->latestNs(), ns("2024-05-01T01:00:00Z") - 1);

    // Under NOT or OR a timestamp condition does not bound the scan.
    const auto negated = LogFilter::parse(u"NOT timestamp<\"2024-05-01T00:00:00Z\""_s);
    QVERIFY(negated.ok());
    QCOMPARE(negated->earliestNs(), std::numeric_limits<qint64>::min());
}

void TstLogFilter::containerLevelPruning()
{
    LogEntryView container = textEntry();
    container.textPayload.clear();
    container.severity = LogSeverity::Default;

    const auto other = LogFilter::parse(u"resource.labels.cluster_name=c2 severity>=ERROR"_s);
    QVERIFY(other.ok());
    QVERIFY(!other->mayMatchContainer(container));

    // Line-level conditions are left for matches().
    const auto same = LogFilter::parse(u"resource.labels.cluster_name=c1 severity>=ERROR"_s);
    QVERIFY(same.ok());
    QVERIFY(same->mayMatchContainer(container));

    // An OR with a line-level side cannot prune.
    const auto mixed = LogFilter::parse(u"resource.labels.cluster_name=c2 OR severity>=ERROR"_s);
    QVERIFY(mixed.ok());
    QVERIFY(mixed->mayMatchContainer(container));
}

void TstLogFilter::rfc3339()
{
    QCOMPARE(ns("1970-01-01T00:00:01Z"), 1000000000LL);
    QCOMPARE(ns("1970-01-01T00:00:00.000000123Z"), 123LL);
    QCOMPARE(ns("1970-01-01T01:00:00+01:00"), 0LL);
    QCOMPARE(ns("2024-05-01T12:00:00.5Z"), 1714564800500000000LL);
    QCOMPARE(ns("2024-13-01T00:00:00Z"), -1LL);
    QCOMPARE(ns("2024-05-01"), -1LL);
}

QTEST_GUILESS_MAIN(TstLogFilter)
#include "tst_logfilter.moc"

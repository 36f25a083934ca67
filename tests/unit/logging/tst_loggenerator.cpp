// The deterministic log-line generator both log paths read, and Cloud Logging's severities.

#include "sim/logging/loggenerator.h"
#include "sim/logging/logsource.h"
#include "sim/scenario.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using Meridian::Sim::LogGenerator;
using Meridian::Sim::LogLine;
using Meridian::Sim::LogSeverity;
using Meridian::Sim::PodIdentity;

namespace {

constexpr qint64 t0 = 1736121600000LL; // 2025-01-06T00:00:00Z

PodIdentity pod(const QString &container, const QString &location = u"europe-west1"_s)
{
    PodIdentity p;
    p.cluster = u"c1"_s;
    p.location = location;
    p.namespaceName = u"default"_s;
    p.pod = container + u"-7d9f8b6c5d-x2k4q"_s;
    p.container = container;
    p.labels = {{u"app"_s, container}};
    p.startedMs = t0;
    return p;
}

LogGenerator generator(quint64 seed = 1)
{
    LogGenerator::Options options;
    options.seed = seed;
    return LogGenerator(options);
}

QStringList texts(const QList<LogLine> &lines)
{
    QStringList out;
    for (const LogLine &line : lines)
        out.append(line.insertId + u' ' + line.text);
    return out;
}

} // namespace

class TstLogGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void sameInputsSameLines();
    void differentPodOrSeedDiffers();
    void windowsCompose();
    void rateIsAFewLinesPerSecond();
    void noLinesBeforeStart();
    void lastLinesIsTheTailOfLines();
    void accessLinesLookLikeNginx();
    void apiContainersLogJson();
    void workersLogLevels();
    void degradedRegionFailsMore();
    void severityNames_data();
    void severityNames();
    void severityFromLevels();
    void rfc3339Nanos();
    void scenarioPodsLookLikeReplicaSets();
};

void TstLogGenerator::sameInputsSameLines()
{
    const QList<LogLine> a = generator().lines(pod(u"web"_s), t0, t0 + 60000);
    const QList<LogLine> b = generator().lines(pod(u"web"_s), t0, t0 + 60000);
    QVERIFY(!a.isEmpty());
    QCOMPARE(texts(a), texts(b));
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].timestampNs, b[i].timestampNs);
        QCOMPARE(a[i].severity, b[i].severity);
    }
}

void TstLogGenerator::differentPodOrSeedDiffers()
{
    const QStringList base = texts(generator().lines(pod(u"web"_s), t0, t0 + 10000));
    PodIdentity other = pod(u"web"_s);
    other.pod = u"web-7d9f8b6c5d-zzzzz"_s;
    QVERIFY(base != texts(generator().lines(other, t0, t0 + 10000)));
    QVERIFY(base != texts(generator(2).lines(pod(u"web"_s), t0, t0 + 10000)));
}

void TstLogGenerator::windowsCompose()
{
    // Given any split of a window, when both halves are read, then they add up to the whole.
    const LogGenerator g = generator();
    const PodIdentity p = pod(u"api"_s);
    const QList<LogLine> whole = g.lines(p, t0 + 1234, t0 + 31234);
    const QList<LogLine> first = g.lines(p, t0 + 1234, t0 + 17777);
    const QList<LogLine> second = g.lines(p, t0 + 17777, t0 + 31234);
    QCOMPARE(texts(first + second), texts(whole));
    for (qsizetype i = 1; i < whole.size(); ++i)
        QVERIFY(whole[i - 1].timestampNs <= whole[i].timestampNs);
    for (const LogLine &line : whole) {
        QVERIFY(line.timestampMs() >= t0 + 1234);
        QVERIFY(line.timestampMs() < t0 + 31234);
    }
}

void TstLogGenerator::rateIsAFewLinesPerSecond()
{
    const qsizetype web = generator().lines(pod(u"web"_s), t0, t0 + 600000).size();
    QVERIFY2(web > 900 && web < 1500, qPrintable(QString::number(web))); // ~2/s
    LogGenerator::Options busy;
    busy.linesPerSecond = 10;
    const qsizetype many = LogGenerator(busy).lines(pod(u"web"_s), t0, t0 + 600000).size();
    QVERIFY2(many > 5000 && many < 7000, qPrintable(QString::number(many)));
}

void TstLogGenerator::noLinesBeforeStart()
{
    PodIdentity p = pod(u"web"_s);
    p.startedMs = t0 + 5500;
    const QList<LogLine> lines = generator().lines(p, t0, t0 + 10000);
    QVERIFY(!lines.isEmpty());
    QVERIFY(lines.first().timestampMs() >= t0 + 5500);
    QVERIFY(generator().lines(p, t0, t0 + 5000).isEmpty());
    QVERIFY(generator().linesInSecond(p, t0 / 1000 + 1).isEmpty());
}

void TstLogGenerator::lastLinesIsTheTailOfLines()
{
    const LogGenerator g = generator();
    const PodIdentity p = pod(u"worker"_s);
    const qint64 to = t0 + 3600000 + 321;
    const QList<LogLine> all = g.lines(p, t0, to);
    QVERIFY(all.size() > 100);
    QCOMPARE(texts(g.lastLines(p, to, 100)), texts(all.mid(all.size() - 100)));
    QCOMPARE(texts(g.lastLines(p, to, 1)), texts(all.mid(all.size() - 1)));
    QCOMPARE(g.lastLines(p, to, 100000).size(), all.size()); // stops at the container's start
    QVERIFY(g.lastLines(p, to, 0).isEmpty());
}

void TstLogGenerator::accessLinesLookLikeNginx()
{
    const QRegularExpression nginx(
            uR"(^10\.\d+\.\d+\.\d+ - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000\] "(GET|POST) \S+ HTTP/1\.1" (\d{3}) \d+ "-" "[^"]+" \d+\.\d{3}$)"_s);
    const QList<LogLine> lines = generator().lines(pod(u"web"_s), t0, t0 + 600000);
    int errors = 0;
    int clientErrors = 0;
    for (const LogLine &line : lines) {
        const QRegularExpressionMatch m = nginx.match(line.text);
        QVERIFY2(m.hasMatch(), qPrintable(line.text));
        const int status = m.captured(2).toInt();
        const LogSeverity expected = status >= 500   ? LogSeverity::Error
                                     : status >= 400 ? LogSeverity::Warning
                                                     : LogSeverity::Info;
        QCOMPARE(line.severity, expected);
        QVERIFY(line.jsonPayload.isEmpty());
        errors += status >= 500;
        clientErrors += status >= 400 && status < 500;
    }
    QVERIFY2(errors > 0 && errors < lines.size() / 15, qPrintable(QString::number(errors)));
    QVERIFY2(clientErrors > 0 && clientErrors < lines.size() / 6,
             qPrintable(QString::number(clientErrors)));
}

void TstLogGenerator::apiContainersLogJson()
{
    const QList<LogLine> lines = generator().lines(pod(u"api"_s), t0, t0 + 60000);
    QVERIFY(!lines.isEmpty());
    for (const LogLine &line : lines) {
        // kubectl logs shows the JSON the container wrote; Cloud Logging the parsed entry.
        const QJsonObject written = QJsonDocument::fromJson(line.text.toUtf8()).object();
        QCOMPARE(written.value(u"severity"_s).toString(), severityName(line.severity));
        QCOMPARE(written.value(u"message"_s), line.jsonPayload.value(u"message"_s));
        QCOMPARE(written.value(u"httpRequest"_s).toObject(), line.httpRequest);
        QVERIFY(line.httpRequest.value(u"status"_s).toInt() >= 200);
        QVERIFY(line.httpRequest.value(u"latency"_s).toString().endsWith(u's'));
        QVERIFY(!line.jsonPayload.contains(u"severity"_s));
    }
}

void TstLogGenerator::workersLogLevels()
{
    const QRegularExpression shape(
            uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO |WARN |ERROR) \[worker\] .+$)"_s);
    QSet<LogSeverity> seen;
    for (const LogLine &line : generator().lines(pod(u"worker"_s), t0, t0 + 1800000)) {
        const QRegularExpressionMatch m = shape.match(line.text);
        QVERIFY2(m.hasMatch(), qPrintable(line.text));
        QCOMPARE(line.severity, Meridian::Sim::severityFromLevel(m.captured(1)));
        QCOMPARE(line.stream == Meridian::Sim::LogStream::Stderr,
                 line.severity >= LogSeverity::Warning);
        seen.insert(line.severity);
    }
    QCOMPARE(seen,
             QSet<LogSeverity>({LogSeverity::Debug,
                                LogSeverity::Info,
                                LogSeverity::Warning,
                                LogSeverity::Error}));
}

void TstLogGenerator::degradedRegionFailsMore()
{
    LogGenerator g = generator();
    g.setRegionErrorRate(u"asia-east1"_s, 0.5);
    const auto serverErrors = [&g](const PodIdentity &p) {
        int n = 0;
        for (const LogLine &line : g.lines(p, t0, t0 + 600000))
            n += line.severity >= LogSeverity::Error;
        return n;
    };
    const int healthy = serverErrors(pod(u"web"_s, u"europe-west1"_s));
    const int degraded = serverErrors(pod(u"web"_s, u"asia-east1"_s));
    QVERIFY2(degraded > 10 * healthy, qPrintable(u"%1 vs %2"_s.arg(degraded).arg(healthy)));
    g.clearRegionErrorRate(u"asia-east1"_s);
    QVERIFY(serverErrors(pod(u"web"_s, u"asia-east1"_s)) < degraded / 5);
}

void TstLogGenerator::severityNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rank");
    const QList<std::pair<const char *, int>> table{{"DEFAULT", 0},
                                                    {"DEBUG", 100},
                                                    {"INFO", 200},
                                                    {"NOTICE", 300},
                                                    {"WARNING", 400},
                                                    {"ERROR", 500},
                                                    {"CRITICAL", 600},
                                                    {"ALERT", 700},
                                                    {"EMERGENCY", 800}};
    for (const auto &[name, rank] : table)
        QTest::newRow(name) << QString::fromLatin1(name) << rank;
}

void TstLogGenerator::severityNames()
{
    QFETCH(QString, name);
    QFETCH(int, rank);
    const auto severity = static_cast<LogSeverity>(rank);
    QCOMPARE(Meridian::Sim::severityName(severity), name);
    QCOMPARE(Meridian::Sim::severityFromName(name), severity);
    QCOMPARE(Meridian::Sim::severityFromName(name.toLower()), severity);
    QCOMPARE(Meridian::Sim::severityFromName(QString::number(rank)), severity);
}

void TstLogGenerator::severityFromLevels()
{
    using Meridian::Sim::severityFromLevel;
    QCOMPARE(severityFromLevel(u"WARN"), LogSeverity::Warning);
    QCOMPARE(severityFromLevel(u"warning"), LogSeverity::Warning);
    QCOMPARE(severityFromLevel(u"FATAL"), LogSeverity::Critical);
    QCOMPARE(severityFromLevel(u"trace"), LogSeverity::Debug);
    QCOMPARE(severityFromLevel(u"INFO "), LogSeverity::Info);
    QCOMPARE(severityFromLevel(u"whatever"), LogSeverity::Default);
    QCOMPARE(Meridian::Sim::severityFromName(u"LOUD"), std::nullopt);
    QCOMPARE(Meridian::Sim::severityFromName(u"150"), std::nullopt);
}

void TstLogGenerator::rfc3339Nanos()
{
    QCOMPARE(LogGenerator::rfc3339Nanos(1736121600000000000LL + 5),
             u"2025-01-06T00:00:00.000000005Z"_s);
    QCOMPARE(LogGenerator::rfc3339Nanos(1736121601123456789LL),
             u"2025-01-06T00:00:01.123456789Z"_s);
}

void TstLogGenerator::scenarioPodsLookLikeReplicaSets()
{
    Meridian::Sim::Options options;
    options.scenario = u"demo"_s;
    const auto clusters = Meridian::Sim::buildScenario(options);
    QVERIFY(clusters.ok());
    const QList<PodIdentity> pods = Meridian::Sim::scenarioPods(*clusters, 1, t0);
    QCOMPARE(pods.size(), clusters->size() * 5);
    const QRegularExpression name(u"^(web|api|worker)-[bcdfghjklmnpqrstvwxz2456789]{10}-"
                                  u"[bcdfghjklmnpqrstvwxz2456789]{5}$"_s);
    QSet<QString> names;
    for (const PodIdentity &p : pods) {
        QVERIFY2(name.match(p.pod).hasMatch(), qPrintable(p.pod));
        QCOMPARE(p.labels.value(u"app"_s), p.container);
        QVERIFY(!p.node.isEmpty());
        QVERIFY(!p.location.isEmpty());
        names.insert(p.cluster + u'/' + p.pod);
    }
    QCOMPARE(names.size(), pods.size());
    QCOMPARE(Meridian::Sim::scenarioPods(*clusters, 1, t0).first().pod, pods.first().pod);
}

QTEST_GUILESS_MAIN(TstLogGenerator)
#include "tst_loggenerator.moc"

// `meridianctl logs` end to end against meridian-sim: Cloud Logging with the simulator's
// service-account key and CA, pod logs through its kubeconfig, and the two agreeing on the same
// window line for line. gcloud is never run; GCE_METADATA_HOST points at a closed port.
#include "cli/cli.h"
#include "kube/credentials.h"
#include "logs/podlogsource.h"
#include "net/transport.h"
#include "sim/federation.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Meridian;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> result;
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            result.append(QJsonDocument::fromJson(line.toUtf8()).object());
        return result;
    }
};

Run meridianctl(const QStringList &args)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = Cli::run(args, out, err);
    out.flush();
    err.flush();
    return run;
}

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
            .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(bytes) == bytes.size();
}

} // namespace

class TestMeridianctlLogs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        qunsetenv("GOOGLE_APPLICATION_CREDENTIALS");
        Sim::Options options;
        options.scenario = QStringLiteral("test");
        options.clusters = 2;
        options.workloads = true;
        options.cloudLogging = true;
        m_sim = std::make_unique<Sim::Federation>(options);
        const Status started = m_sim->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        QVERIFY(m_dir.isValid());
        m_key = m_dir.filePath(QStringLiteral("sa.json"));
        m_ca = m_dir.filePath(QStringLiteral("ca.pem"));
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(writeFile(m_key, m_sim->serviceAccountKeyJson()));
        QVERIFY(writeFile(m_ca, m_sim->caCertificatePem()));
        QVERIFY(writeFile(m_kubeconfig, m_sim->kubeconfig()));
        m_endpoint = m_sim->endpoints().value(QStringLiteral("logging")).toString();
        QVERIFY(!m_endpoint.isEmpty());
        // Wait until the seeded Deployments' pods run and log.
        QTRY_VERIFY_WITH_TIMEOUT(!cloud({QStringLiteral("--since"), QStringLiteral("5m")})
                                          .lines()
                                          .isEmpty(),
                                 60000);
        QTest::qWait(3000);
    }

    void ndjsonLinesCarryTheFields()
    {
        const Run run = cloud({QStringLiteral("--since"), QStringLiteral("10m")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = run.lines();
        QVERIFY(lines.size() > 20);
        QString previous;
        QSet<QString> clusters;
        for (const QJsonObject &line : lines) {
            for (const char *field :
                 {"timestamp", "cluster", "namespace", "pod", "container", "severity", "message"})
                QVERIFY2(line.contains(QLatin1String(field)), field);
            const QString timestamp = line.value(QStringLiteral("timestamp")).toString();
            QVERIFY(timestamp >= previous); // merged in timestamp order
            previous = timestamp;
            clusters.insert(line.value(QStringLiteral("cluster")).toString());
        }
        QCOMPARE(clusters.size(), 2);
    }

    void filtersNarrowTheLines()
    {
        const Run run = cloud({QStringLiteral("--since"),
                               QStringLiteral("10m"),
                               QStringLiteral("--cluster"),
                               QStringLiteral("cluster-02"),
                               QStringLiteral("--severity"),
                               QStringLiteral(">=WARNING"),
                               QStringLiteral("--workload"),
                               QStringLiteral("web")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QList<QJsonObject> lines = run.lines();
        for (const QJsonObject &line : lines) {
            QCOMPARE(line.value(QStringLiteral("cluster")).toString(),
                     QStringLiteral("cluster-02"));
            const QString severity = line.value(QStringLiteral("severity")).toString();
            QVERIFY2(severity == QLatin1String("WARNING") || severity == QLatin1String("ERROR"),
                     qPrintable(severity));
            QVERIFY(line.value(QStringLiteral("pod")).toString().startsWith(QLatin1String("web-")));
        }
        const Run grep = cloud({QStringLiteral("--since"),
                                QStringLiteral("10m"),
                                QStringLiteral("--grep"),
                                QStringLiteral("get /")});
        QVERIFY2(grep.code == 0, qPrintable(grep.err));
        QVERIFY(!grep.lines().isEmpty());
        for (const QJsonObject &line : grep.lines())
            QVERIFY(line.value(QStringLiteral("message"))
                            .toString()
                            .contains(QLatin1String("GET /"), Qt::CaseInsensitive));
    }

    void cloudAndPodsAgree()
    {
        // Given one closed window, read both ways
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QStringList window{QStringLiteral("--from"),
                                 rfc3339(now - 20000),
                                 QStringLiteral("--to"),
                                 rfc3339(now - 5000)};
        const Run fromCloud = cloud(window);
        QVERIFY2(fromCloud.code == 0, qPrintable(fromCloud.err));
        const Run fromPods = meridianctl(QStringList{QStringLiteral("logs"),
                                                     QStringLiteral("--source"),
                                                     QStringLiteral("pods"),
                                                     QStringLiteral("--kubeconfig"),
                                                     m_kubeconfig,
                                                     QStringLiteral("-o"),
                                                     QStringLiteral("ndjson")}
                                         + window);
        QVERIFY2(fromPods.code == 0, qPrintable(fromPods.err));
        const QList<QJsonObject> a = fromCloud.lines();
        const QList<QJsonObject> b = fromPods.lines();
        QVERIFY(a.size() > 10);
        // Then they are the same lines, in the same order, with the same severities; text lines
        // read the same (JSON lines differ: Cloud Logging lifts severity and httpRequest out)
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            for (const char *field :
                 {"timestamp", "cluster", "namespace", "pod", "container", "severity"})
                QCOMPARE(b[i].value(QLatin1String(field)).toString(),
                         a[i].value(QLatin1String(field)).toString());
            const QString message = a[i].value(QStringLiteral("message")).toString();
            if (!message.startsWith(u'{'))
                QCOMPARE(b[i].value(QStringLiteral("message")).toString(), message);
        }
    }

    void podsFollowMergesInTimestampOrder()
    {
        // Given follow streams from every web pod of both clusters
        Net::Transport transport;
        Kube::ExecCredentialProvider credentials;
        auto sources = std::make_shared<Logs::SourceTable>();
        Logs::PodLogSource pods(sources, &transport, &credentials);
        pods.setMergeWindowMs(1000);
        Kube::LoadOptions load;
        load.inlineContent = m_sim->kubeconfig();
        QVERIFY(pods.setKubeconfig(load, {}).ok());
        std::vector<qint64> timestamps;
        QSet<QString> clusters;
        connect(&pods, &Logs::PodLogSource::entriesReceived, this, [&](const Logs::SegmentPtr &s) {
            timestamps.insert(timestamps.end(), s->timestamps.begin(), s->timestamps.end());
            for (const quint32 source : s->sources)
                clusters.insert(sources->source(source).cluster);
        });
        Logs::LogQuery query;
        query.workload = QStringLiteral("web");
        const qint64 start = QDateTime::currentMSecsSinceEpoch() * 1000000;
        query.fromNs = start - qint64(5) * 1000000000;
        query.follow = true;
        pods.start(query);
        // When it runs for a few seconds
        QTest::qWait(5000);
        pods.stop();
        // Then the backlog and new lines came, from both clusters, merged in timestamp order
        QVERIFY(timestamps.size() > 10);
        QCOMPARE(clusters.size(), 2);
        QVERIFY(std::is_sorted(timestamps.begin(), timestamps.end()));
        QVERIFY(timestamps.back() > start);
        QVERIFY(timestamps.front() >= query.fromNs);
    }

    void textOutput()
    {
        const Run run = cloud({QStringLiteral("--since"),
                               QStringLiteral("1m"),
                               QStringLiteral("-o"),
                               QStringLiteral("text")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        // TIMESTAMP CLUSTER NAMESPACE/POD/CONTAINER SEVERITY MESSAGE, whichever namespace comes
        // first (the demo has more than one)
        bool defaultSeen = false;
        for (const QString &line : lines) {
            const QStringList fields = line.split(u' ');
            QVERIFY2(fields.size() >= 5, qPrintable(line));
            QVERIFY2(fields.at(2).count(u'/') == 2, qPrintable(line));
            QVERIFY2(QStringList({QStringLiteral("DEFAULT"),
                                  QStringLiteral("DEBUG"),
                                  QStringLiteral("INFO"),
                                  QStringLiteral("NOTICE"),
                                  QStringLiteral("WARNING"),
                                  QStringLiteral("ERROR"),
                                  QStringLiteral("CRITICAL"),
                                  QStringLiteral("ALERT"),
                                  QStringLiteral("EMERGENCY")})
                             .contains(fields.at(3)),
                     qPrintable(line));
            defaultSeen = defaultSeen || fields.at(2).startsWith(QLatin1String("default/"));
        }
        QVERIFY(defaultSeen);
    }

    void badInputIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("severity") << QStringList{QStringLiteral("--severity"),
                                                 QStringLiteral(">=LOUD")}
                                  << "is not a severity";
        QTest::newRow("since") << QStringList{QStringLiteral("--since"), QStringLiteral("soon")}
                               << "is not a duration";
        QTest::newRow("from") << QStringList{QStringLiteral("--from"), QStringLiteral("monday")}
                              << "is not an RFC 3339 time";
        QTest::newRow("both") << QStringList{QStringLiteral("--since"),
                                             QStringLiteral("1h"),
                                             QStringLiteral("--from"),
                                             QStringLiteral("2026-01-01T00:00:00Z")}
                              << "not both";
        QTest::newRow("source") << QStringList{QStringLiteral("--source"), QStringLiteral("syslog")}
                                << "cloud or pods";
        QTest::newRow("output") << QStringList{QStringLiteral("-o"), QStringLiteral("yaml")}
                                << "text or ndjson";
    }
    void badInputIsAUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = meridianctl(QStringList{QStringLiteral("logs")} + args);
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void missingKeyFileSaysWhich()
    {
        const Run run = meridianctl({QStringLiteral("logs"),
                                     QStringLiteral("--credentials"),
                                     m_dir.filePath(QStringLiteral("nope.json")),
                                     QStringLiteral("--logging-endpoint"),
                                     m_endpoint,
                                     QStringLiteral("--project"),
                                     QStringLiteral("meridian-sim")});
        QCOMPARE(run.code, int(Cli::ExitFailure));
        QVERIFY2(run.err.contains(QLatin1String("nope.json")), qPrintable(run.err));
    }

    void untrustedEndpointFailsClearly()
    {
        const Run run = meridianctl({QStringLiteral("logs"),
                                     QStringLiteral("--credentials"),
                                     m_key,
                                     QStringLiteral("--logging-endpoint"),
                                     m_endpoint});
        QCOMPARE(run.code, int(Cli::ExitFailure));
        QVERIFY2(run.err.contains(QLatin1String("token endpoint")), qPrintable(run.err));
    }

private:
    Run cloud(const QStringList &extra)
    {
        return meridianctl(QStringList{QStringLiteral("logs"),
                                       QStringLiteral("--credentials"),
                                       m_key,
                                       QStringLiteral("--logging-endpoint"),
                                       m_endpoint,
                                       QStringLiteral("--cacert"),
                                       m_ca,
                                       QStringLiteral("-o"),
                                       QStringLiteral("ndjson")}
                           + extra);
    }

    std::unique_ptr<Sim::Federation> m_sim;
    QTemporaryDir m_dir;
    QString m_key, m_ca, m_kubeconfig, m_endpoint;
};

QTEST_GUILESS_MAIN(TestMeridianctlLogs)
#include "tst_meridianctl_logs.moc"

// CloudLoggingClient as Google's API treats it: pages until the token is absent (through empty
// pages), backs off on 429, re-authenticates after a 401, refreshes expiring tokens, and follows.
// A scripted HTTP server on 127.0.0.1 plays exact answers; meridian-sim's LoggingServer plays
// the real protocol (JWT exchange, quota, token lifetime).
#include "logs/cloudloggingclient.h"
#include "logs/logfilter.h"
#include "logs/timestamps.h"

#include "net/transport.h"
#include "sim/certificateauthority.h"
#include "sim/logging/loggenerator.h"
#include "sim/logging/loggingserver.h"
#include "sim/logging/logsource.h"
#include "sim/scenario.h"
#include "sim/simclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

// Answers each request with the next scripted (status, body) and keeps the request bodies.
class ScriptedServer final : public QTcpServer
{
public:
    QList<QPair<int, QByteArray>> script;
    QList<QByteArray> requests;
    QList<QByteArray> authorizations;
    QList<QByteArray> heads;

    ScriptedServer() { listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(serverPort())); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            heads.append(head);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
                if (line.toLower().startsWith("authorization:"))
                    authorizations.append(line.mid(14).trimmed());
            }
            if (buffer->size() < end + 4 + length)
                return;
            requests.append(buffer->mid(end + 4, length));
            const auto [status, body]
                    = script.isEmpty() ? qMakePair(500, QByteArray("{}")) : script.takeFirst();
            socket->write("HTTP/1.1 " + QByteArray::number(status)
                          + " X\r\nContent-Type: application/json\r\nConnection: close\r\n"
                            "Content-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
            buffer->clear();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

QByteArray entryJson(const char *cluster, const char *timestamp, const char *text)
{
    return QByteArray(R"({"timestamp":")") + timestamp
           + R"(","severity":"INFO","resource":{"type":"k8s_container","labels":{"cluster_name":")"
           + cluster
           + R"(","namespace_name":"default","pod_name":"web-1","container_name":"web"}},"textPayload":")"
           + text + "\"}";
}

struct Collected
{
    std::size_t entries = 0;
    QStringList messages;
    bool finished = false;
    bool ok = false;
    QString error;
    QStringList progress;
};

void collect(Logs::CloudLoggingClient &client, Collected &c)
{
    QObject::connect(&client,
                     &Logs::CloudLoggingClient::entriesReceived,
                     &client,
                     [&c](const Logs::SegmentPtr &s) {
                         c.entries += s->size();
                         for (std::size_t i = 0; i < s->size(); ++i)
                             c.messages.append(QString::fromUtf8(s->message(i).data(),
                                                                 qsizetype(s->message(i).size())));
                     });
    QObject::connect(&client, &Logs::CloudLoggingClient::progress, &client, [&c](const QString &m) {
        c.progress.append(m);
    });
    QObject::connect(&client,
                     &Logs::CloudLoggingClient::finished,
                     &client,
                     [&c](bool ok, const QString &error) {
                         c.finished = true;
                         c.ok = ok;
                         c.error = error;
                     });
}

Logs::CredentialSource staticToken()
{
    Logs::CredentialSource source;
    source.kind = Logs::CredentialSource::Kind::StaticToken;
    source.token = "test-token";
    return source;
}

} // namespace

class TestCloudLoggingClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Result<Sim::CertificateAuthority> ca
                = Sim::CertificateAuthority::create(QStringLiteral("logs test CA"));
        QVERIFY(ca.ok());
        m_ca.emplace(std::move(ca).value());
        m_generator = std::make_unique<Sim::LogGenerator>(Sim::LogGenerator::Options{});
        m_clock = std::make_unique<Sim::SimClock>(1.0);
        Sim::Options options;
        options.scenario = QStringLiteral("test");
        options.clusters = 2;
        const auto clusters = Sim::buildScenario(options);
        QVERIFY(clusters.ok());
        m_pods = Sim::scenarioPods(*clusters, 1, m_clock->now().toMSecsSinceEpoch() - 3600 * 1000);
        QVERIFY(m_dir.isValid());
    }

    void pagesThroughEmptyPagesAndBacksOffOn429()
    {
        // Given a server that throttles once, then sends an empty page with a token, then entries
        ScriptedServer server;
        server.script = {
                {429,
                 R"({"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}})"},
                {200, R"({"nextPageToken":"t1"})"},
                {200,
                 "{\"entries\":[" + entryJson("c1", "2026-11-27T10:00:00Z", "one") + ","
                         + entryJson("c2", "2026-11-27T10:00:01Z", "two")
                         + "],\"nextPageToken\":\"t2\"}"},
                {200, R"({"nextPageToken":"t3","entries":[]})"},
                {200, "{\"entries\":[" + entryJson("c1", "2026-11-27T10:00:02Z", "three") + "]}"},
        };
        Logs::CloudLoggingOptions options;
        options.endpoint = server.url();
        options.project = QStringLiteral("p");
        options.initialBackoffMs = 20;
        Net::Transport transport;
        Logs::CloudLoggingClient client(options,
                                        staticToken(),
                                        std::make_shared<Logs::SourceTable>(),
                                        &transport);
        Collected c;
        collect(client, c);
        Logs::LogQuery query;
        query.clusters = {QStringLiteral("c1"), QStringLiteral("c2")};
        query.severity = *Logs::parseSeverityRange(u">=INFO");
        query.fromNs = *Logs::parseRfc3339(std::string_view("2026-11-27T09:00:00Z"));
        // When it reads the range
        client.start(query);
        QTRY_VERIFY_WITH_TIMEOUT(c.finished, 10000);
        // Then every entry arrived, once, after one backoff; the empty page did not end the list
        QVERIFY2(c.ok, qPrintable(c.error));
        QCOMPARE(c.messages,
                 (QStringList{QStringLiteral("one"),
                              QStringLiteral("two"),
                              QStringLiteral("three")}));
        QCOMPARE(client.throttledCount(), 1);
        QCOMPARE(client.requestsSent(), 5);
        QCOMPARE(c.progress.size(), 1);
        QVERIFY(c.progress.first().contains(QStringLiteral("quota")));
        // And the pages asked with the right body: tokens echoed, the same filter, pushed down
        QCOMPARE(server.requests.size(), 5);
        const QJsonObject first = QJsonDocument::fromJson(server.requests.at(0)).object();
        QCOMPARE(first.value(QStringLiteral("resourceNames")).toArray().first().toString(),
                 QStringLiteral("projects/p"));
        QCOMPARE(first.value(QStringLiteral("orderBy")).toString(),
                 QStringLiteral("timestamp asc"));
        QCOMPARE(first.value(QStringLiteral("pageSize")).toInt(), 1000);
        const QString filter = first.value(QStringLiteral("filter")).toString();
        QVERIFY2(filter.contains(QStringLiteral("resource.labels.cluster_name=(\"c1\" OR \"c2\")")),
                 qPrintable(filter));
        QVERIFY(filter.contains(QStringLiteral("severity>=INFO")));
        QVERIFY(filter.contains(QStringLiteral("timestamp>=\"2026-11-27T09:00:00.000000000Z\"")));
        const QJsonObject third = QJsonDocument::fromJson(server.requests.at(3)).object();
        QCOMPARE(third.value(QStringLiteral("pageToken")).toString(), QStringLiteral("t2"));
        QCOMPARE(third.value(QStringLiteral("filter")).toString(), filter);
        QCOMPARE(server.authorizations.first(), QByteArray("Bearer test-token"));
    }

    void refusedTokenIsRetriedOnceThenReported()
    {
        ScriptedServer server;
        const QByteArray denied
                = R"({"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}})";
        server.script = {{401, denied}, {401, denied}};
        Logs::CloudLoggingOptions options;
        options.endpoint = server.url();
        options.project = QStringLiteral("p");
        Net::Transport transport;
        Logs::CloudLoggingClient client(options,
                                        staticToken(),
                                        std::make_shared<Logs::SourceTable>(),
                                        &transport);
        Collected c;
        collect(client, c);
        client.start({});
        QTRY_VERIFY_WITH_TIMEOUT(c.finished, 10000);
        QVERIFY(!c.ok);
        QCOMPARE(client.requestsSent(), 2);
        QVERIFY2(c.error.contains(QStringLiteral("UNAUTHENTICATED")), qPrintable(c.error));
        QVERIFY(c.error.contains(QStringLiteral("project p")));
    }

    void garbageAnswerIsAnError()
    {
        ScriptedServer server;
        server.script = {{200, "<html>hello</html>"}};
        Logs::CloudLoggingOptions options;
        options.endpoint = server.url();
        options.project = QStringLiteral("p");
        Net::Transport transport;
        Logs::CloudLoggingClient client(options,
                                        staticToken(),
                                        std::make_shared<Logs::SourceTable>(),
                                        &transport);
        Collected c;
        collect(client, c);
        client.start({});
        QTRY_VERIFY_WITH_TIMEOUT(c.finished, 10000);
        QVERIFY(!c.ok);
        QVERIFY(c.error.contains(QStringLiteral("not a valid entries:list page")));
    }

    void metadataServerToken()
    {
        // Given a metadata server on loopback ($GCE_METADATA_HOST) and no other credentials
        ScriptedServer metadata;
        metadata.script = {
                {200, R"({"access_token":"meta-token","expires_in":3599,"token_type":"Bearer"})"}};
        ScriptedServer logging;
        logging.script = {{200, "{}"}};
        const QByteArray saved = qgetenv("GCE_METADATA_HOST");
        qputenv("GCE_METADATA_HOST", "127.0.0.1:" + QByteArray::number(metadata.serverPort()));
        Logs::CloudLoggingOptions options;
        options.endpoint = logging.url();
        options.project = QStringLiteral("p");
        Logs::CredentialSource source;
        source.kind = Logs::CredentialSource::Kind::MetadataServer;
        Net::Transport transport;
        Logs::CloudLoggingClient client(options,
                                        source,
                                        std::make_shared<Logs::SourceTable>(),
                                        &transport);
        Collected c;
        collect(client, c);
        client.start({});
        QTRY_VERIFY_WITH_TIMEOUT(c.finished, 10000);
        qputenv("GCE_METADATA_HOST", saved);
        // Then the token came from it, asked for the way Google's metadata server wants
        QVERIFY2(c.ok, qPrintable(c.error));
        QCOMPARE(metadata.heads.size(), 1);
        QVERIFY(metadata.heads.first().startsWith(
                "GET /computeMetadata/v1/instance/service-accounts/default/token"));
        QVERIFY(metadata.heads.first().contains("Metadata-Flavor: Google"));
        QCOMPARE(logging.authorizations, QList<QByteArray>{"Bearer meta-token"});
    }

    void gcloudToken()
    {
        // Given a stand-in for gcloud that prints a token (the real one is never run in tests)
        QTemporaryDir dir;
        const QString program = dir.filePath(QStringLiteral("gcloud"));
        QFile script(program);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\n[ \"$1 $2\" = \"auth print-access-token\" ] || exit 3\necho "
                     "gcloud-token\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                              | QFileDevice::ExeOwner);
        ScriptedServer logging;
        logging.script = {{200, "{}"}};
        Logs::CloudLoggingOptions options;
        options.endpoint = logging.url();
        options.project = QStringLiteral("p");
        Logs::CredentialSource source;
        source.kind = Logs::CredentialSource::Kind::Gcloud;
        source.gcloudProgram = program;
        Net::Transport transport;
        Logs::CloudLoggingClient client(options,
                                        source,
                                        std::make_shared<Logs::SourceTable>(),
                                        &transport);
        Collected c;
        collect(client, c);
        client.start({});
        QTRY_VERIFY_WITH_TIMEOUT(c.finished, 10000);
        QVERIFY2(c.ok, qPrintable(c.error));
        QCOMPARE(logging.authorizations, QList<QByteArray>{"Bearer gcloud-token"});
        // And a failing gcloud says what to do
        Logs::CredentialSource broken = source;
        broken.gcloudProgram = dir.filePath(QStringLiteral("missing-gcloud"));
        Logs::CloudLoggingClient failing(options,
                                         broken,
                                         std::make_shared<Logs::SourceTable>(),
                                         &transport);
        Collected f;
        collect(failing, f);
        failing.start({});
        QTRY_VERIFY_WITH_TIMEOUT(f.finished, 10000);
        QVERIFY(!f.ok);
        QVERIFY2(f.error.contains(QStringLiteral("missing-gcloud")), qPrintable(f.error));
    }

    void serviceAccountTokensAreRefreshedBeforeTheyExpire()
    {
        // Given the simulator's endpoint issuing tokens that live 3 seconds
        auto server = startServer(3, 1000);
        Net::Transport transport;
        Logs::CloudLoggingClient client(cloudOptions(*server, 200),
                                        keyFile(*server),
                                        std::make_shared<Logs::SourceTable>(),
                                        &transport);
        Collected c;
        collect(client, c);
        Logs::LogQuery query;
        query.fromNs = (m_clock->now().toMSecsSinceEpoch() - 5000) * qint64(1000000);
        query.follow = true;
        // When it follows for longer than a token lives
        client.start(query);
        QTest::qWait(4500);
        // Then it fetched new tokens on its own and never got a 401 it could not fix
        QVERIFY2(!c.finished, qPrintable(c.error));
        QVERIFY(client.tokens()->tokensFetched() >= 2);
        QVERIFY(c.entries > 0);
        QVERIFY(client.requestsSent() >= 5);
        client.stop();
        QVERIFY(c.finished && c.ok);
    }

    void followGetsNewEntriesOnlyOnce()
    {
        auto server = startServer(3599, 1000);
        Net::Transport transport;
        auto sources = std::make_shared<Logs::SourceTable>();
        Logs::CloudLoggingClient client(cloudOptions(*server, 300),
                                        keyFile(*server),
                                        sources,
                                        &transport);
        std::vector<qint64> timestamps;
        connect(&client,
                &Logs::CloudLoggingClient::entriesReceived,
                this,
                [&timestamps](const Logs::SegmentPtr &s) {
                    timestamps.insert(timestamps.end(), s->timestamps.begin(), s->timestamps.end());
                });
        Logs::LogQuery query;
        query.fromNs = (m_clock->now().toMSecsSinceEpoch() - 3000) * qint64(1000000);
        query.follow = true;
        client.start(query);
        QTest::qWait(3000);
        client.stop();
        QVERIFY(timestamps.size() > 10);
        // Ascending and no entry twice (the pods write at most one line per nanosecond)
        QVERIFY(std::is_sorted(timestamps.begin(), timestamps.end()));
        QVERIFY(std::adjacent_find(timestamps.begin(), timestamps.end()) == timestamps.end());
        // Compared with one read of the same range afterwards: the same count
        const qint64 last = timestamps.back();
        Logs::CloudLoggingClient once(cloudOptions(*server, 300),
                                      keyFile(*server),
                                      sources,
                                      &transport);
        Collected c;
        collect(once, c);
        Logs::LogQuery range;
        range.fromNs = query.fromNs;
        range.toNs = last + 1;
        once.start(range);
        QTRY_VERIFY_WITH_TIMEOUT(c.finished, 20000);
        QVERIFY2(c.ok, qPrintable(c.error));
        QCOMPARE(c.entries, timestamps.size());
    }

    void quotaExhaustionBacksOff()
    {
        // Given a quota of two requests a minute and pages of 5 entries
        auto server = startServer(3599, 2);
        Logs::CloudLoggingOptions options = cloudOptions(*server, 1000);
        options.pageSize = 5;
        Net::Transport transport;
        Logs::CloudLoggingClient client(options,
                                        keyFile(*server),
                                        std::make_shared<Logs::SourceTable>(),
                                        &transport);
        Collected c;
        collect(client, c);
        Logs::LogQuery query;
        query.fromNs = (m_clock->now().toMSecsSinceEpoch() - 60000) * qint64(1000000);
        client.start(query);
        // Then the third request is throttled, and the client waits instead of failing
        QTRY_VERIFY_WITH_TIMEOUT(client.throttledCount() >= 1, 10000);
        QCOMPARE(c.entries, std::size_t(10));
        QVERIFY(!c.finished);
        QVERIFY(c.progress.first().contains(QStringLiteral("retrying")));
        client.stop();
    }

private:
    std::unique_ptr<Sim::LoggingServer> startServer(int tokenLifetime, int perMinute)
    {
        Sim::LoggingServer::Options o;
        o.tokenLifetimeSeconds = tokenLifetime;
        o.readRequestsPerMinute = perMinute;
        auto server = std::make_unique<Sim::LoggingServer>(
                *m_ca, *m_generator, [this] { return m_pods; }, *m_clock, o);
        const Status started = server->start();
        if (!started)
            qFatal("cannot start the logging server");
        return server;
    }
    Logs::CloudLoggingOptions cloudOptions(const Sim::LoggingServer &server, int pollMs) const
    {
        Logs::CloudLoggingOptions options;
        options.endpoint = server.loggingUrl();
        options.caPem = m_ca->certificatePem();
        options.pollIntervalMs = pollMs;
        options.initialBackoffMs = 200;
        return options;
    }
    Logs::CredentialSource keyFile(const Sim::LoggingServer &server)
    {
        const QString path = m_dir.filePath(QStringLiteral("key-%1.json").arg(++m_keys));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the key file");
        file.write(server.serviceAccountKeyJson());
        file.close();
        Logs::CredentialSource source;
        source.keyFile = path;
        return source;
    }

    std::optional<Sim::CertificateAuthority> m_ca;
    std::unique_ptr<Sim::LogGenerator> m_generator;
    std::unique_ptr<Sim::SimClock> m_clock;
    QList<Sim::PodIdentity> m_pods;
    QTemporaryDir m_dir;
    int m_keys = 0;
};

QTEST_GUILESS_MAIN(TestCloudLoggingClient)
#include "tst_cloudloggingclient.moc"

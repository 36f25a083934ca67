// The simulated Cloud Logging endpoint as a Google client sees it: OAuth JWT-bearer exchange,
// entries:list paging, filters, ordering, quota and authentication errors, over real HTTPS.

#include "jwtsigner.h"

#include "sim/certificateauthority.h"
#include "sim/logging/loggenerator.h"
#include "sim/logging/loggingserver.h"
#include "sim/logging/logsource.h"
#include "sim/scenario.h"
#include "sim/simclock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim;

namespace {

struct Outcome
{
    bool done = false;
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct ProcessResult
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
            .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ");
}

} // namespace

class TstLoggingServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tokenExchange();
    void tokenErrors();
    void pagesThroughWindowExactly();
    void entryShape();
    void filtersMatchTheGenerator();
    void descendingIsAscendingReversed();
    void fruitlessScanAnswersWithAToken();
    void invalidRequests_data();
    void invalidRequests();
    void unauthenticated();
    void quotaPerMinute();
    void gcloudLoggingRead();
    void gkeGcloudAuthPlugin();

private:
    Outcome post(const QUrl &url,
                 const QByteArray &body,
                 const QByteArray &contentType,
                 const QByteArray &bearer = {});
    QByteArray assertion(const LoggingServer &server, qint64 iat = 0) const;
    QByteArray accessToken(LoggingServer &server);
    Outcome list(const QJsonObject &request, const QByteArray &token = {});
    QList<QJsonObject> listAll(QJsonObject request, int *pages = nullptr);
    int expectedCount(qint64 fromMs,
                      qint64 toMs,
                      const std::function<bool(const PodIdentity &, const LogLine &)> &keep
                      = {}) const;
    ProcessResult run(const QString &program,
                      const QStringList &arguments,
                      const QProcessEnvironment &environment);

    std::optional<CertificateAuthority> m_ca;
    std::unique_ptr<LogGenerator> m_generator;
    std::unique_ptr<SimClock> m_clock;
    QList<PodIdentity> m_pods;
    std::unique_ptr<LoggingServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSslConfiguration m_tls;
    QByteArray m_token;
    qint64 m_windowFrom = 0;
    qint64 m_windowTo = 0;
};

void TstLoggingServer::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt Network has no TLS backend here");
    Meridian::Result<CertificateAuthority> ca = CertificateAuthority::create(u"logging test CA"_s);
    QVERIFY(ca.ok());
    m_ca.emplace(std::move(ca).value());
    m_generator = std::make_unique<LogGenerator>(LogGenerator::Options{});
    m_clock = std::make_unique<SimClock>(1.0);

    Options options;
    options.scenario = u"test"_s;
    options.clusters = 3;
    const auto clusters = buildScenario(options);
    QVERIFY(clusters.ok());
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    m_pods = scenarioPods(*clusters, options.seed, now - 2 * 3600 * 1000);
    QCOMPARE(m_pods.size(), 15);

    LoggingServer::Options serverOptions;
    serverOptions.projectId = u"meridian-test"_s;
    serverOptions.readRequestsPerMinute = 1000;
    m_server = std::make_unique<LoggingServer>(
            *m_ca, *m_generator, [this] { return m_pods; }, *m_clock, serverOptions);
    const Meridian::Status started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    QCOMPARE(m_server->tokenUrl().toString(),
             u"https://127.0.0.1:%1/token"_s.arg(m_server->serverPort()));

    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setCaCertificates(QSslCertificate::fromData(m_ca->certificatePem(), QSsl::Pem));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_token = accessToken(*m_server);
    QVERIFY(m_token.startsWith("ya29."));

    // A closed five-minute window in the past of simulated time, away from its moving edge.
    m_windowTo = (now / 1000 - 300) * 1000;
    m_windowFrom = m_windowTo - 300 * 1000;
}

void TstLoggingServer::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TstLoggingServer::cleanup()
{
    m_network.reset();
}

Outcome TstLoggingServer::post(const QUrl &url,
                               const QByteArray &body,
                               const QByteArray &contentType,
                               const QByteArray &bearer)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(20000);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    auto outcome = std::make_shared<Outcome>();
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, reply, [outcome, reply] {
        outcome->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        outcome->body = reply->readAll();
        outcome->done = true;
        if (outcome->status == 0)
            qWarning("request failed: %s", qPrintable(reply->errorString()));
        reply->deleteLater();
    });
    if (!QTest::qWaitFor([&outcome] { return outcome->done; }, 30000))
        qWarning("POST %s did not finish", qPrintable(url.toString()));
    return *outcome;
}

QByteArray TstLoggingServer::assertion(const LoggingServer &server, qint64 iat) const
{
    const QJsonObject key = QJsonDocument::fromJson(server.serviceAccountKeyJson()).object();
    const JwtSigner signer(key.value(u"private_key"_s).toString().toLatin1());
    if (iat == 0)
        iat = QDateTime::currentSecsSinceEpoch();
    return signer.sign({{u"alg"_s, u"RS256"_s},
                        {u"typ"_s, u"JWT"_s},
                        {u"kid"_s, key.value(u"private_key_id"_s)}},
                       {{u"iss"_s, key.value(u"client_email"_s)},
                        {u"scope"_s, u"https://www.googleapis.com/auth/logging.read"_s},
                        {u"aud"_s, key.value(u"token_uri"_s)},
                        {u"iat"_s, iat},
                        {u"exp"_s, iat + 3600}});
}

QByteArray TstLoggingServer::accessToken(LoggingServer &server)
{
    const QByteArray form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
                            "&assertion="
                            + assertion(server);
    const Outcome outcome = post(server.tokenUrl(), form, "application/x-www-form-urlencoded");
    if (outcome.status != 200)
        qWarning("token endpoint answered %d %s", outcome.status, outcome.body.constData());
    return outcome.json().value(u"access_token"_s).toString().toLatin1();
}

Outcome TstLoggingServer::list(const QJsonObject &request, const QByteArray &token)
{
    QUrl url = m_server->loggingUrl().resolved(QUrl(u"v2/entries:list"_s));
    return post(url,
                QJsonDocument(request).toJson(QJsonDocument::Compact),
                "application/json",
                token.isEmpty() ? m_token : token);
}

QList<QJsonObject> TstLoggingServer::listAll(QJsonObject request, int *pages)
{
    QList<QJsonObject> entries;
    int count = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        const Outcome page = list(request);
        if (page.status != 200) {
            qWarning("entries:list answered %d %s", page.status, page.body.constData());
            return {};
        }
        ++count;
        for (const QJsonValue &entry : page.json().value(u"entries"_s).toArray())
            entries.append(entry.toObject());
        const QString next = page.json().value(u"nextPageToken"_s).toString();
        if (next.isEmpty())
            break;
        request.insert(u"pageToken"_s, next);
    }
    if (pages)
        *pages = count;
    return entries;
}

int TstLoggingServer::expectedCount(
        qint64 fromMs,
        qint64 toMs,
        const std::function<bool(const PodIdentity &, const LogLine &)> &keep) const
{
    int total = 0;
    for (const PodIdentity &pod : m_pods) {
        for (const LogLine &line : m_generator->lines(pod, fromMs, toMs))
            total += !keep || keep(pod, line);
    }
    return total;
}

void TstLoggingServer::tokenExchange()
{
    const QByteArray form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
                            "&assertion="
                            + assertion(*m_server);
    const Outcome outcome = post(m_server->tokenUrl(), form, "application/x-www-form-urlencoded");
    QCOMPARE(outcome.status, 200);
    const QJsonObject json = outcome.json();
    QVERIFY(json.value(u"access_token"_s).toString().startsWith(u"ya29."_s));
    QCOMPARE(json.value(u"expires_in"_s).toInt(), 3599);
    QCOMPARE(json.value(u"token_type"_s).toString(), u"Bearer"_s);
    QVERIFY(json.value(u"access_token"_s).toString().toLatin1() != m_token);
}

void TstLoggingServer::tokenErrors()
{
    const QByteArray grant = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer";
    // Signed by a key the simulator never issued.
    const JwtSigner stranger;
    const QJsonObject key = QJsonDocument::fromJson(m_server->serviceAccountKeyJson()).object();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray forged
            = stranger.sign({{u"alg"_s, u"RS256"_s},
                             {u"typ"_s, u"JWT"_s},
                             {u"kid"_s, key.value(u"private_key_id"_s)}},
                            {{u"iss"_s, key.value(u"client_email"_s)},
                             {u"scope"_s, u"https://www.googleapis.com/auth/logging.read"_s},
                             {u"aud"_s, key.value(u"token_uri"_s)},
                             {u"iat"_s, now},
                             {u"exp"_s, now + 3600}});
    Outcome outcome = post(m_server->tokenUrl(),
                           grant + "&assertion=" + forged,
                           "application/x-www-form-urlencoded");
    QCOMPARE(outcome.status, 400);
    QCOMPARE(outcome.json(),
             QJsonObject({{u"error"_s, u"invalid_grant"_s},
                          {u"error_description"_s, u"Invalid JWT Signature."_s}}));

    outcome = post(m_server->tokenUrl(),
                   grant + "&assertion=" + assertion(*m_server, now - 7200),
                   "application/x-www-form-urlencoded");
    QCOMPARE(outcome.status, 400);
    QCOMPARE(outcome.json().value(u"error"_s).toString(), u"invalid_grant"_s);
    QVERIFY(outcome.json().value(u"error_description"_s).toString().contains(u"iat and exp"_s));

    outcome = post(m_server->tokenUrl(),
                   "grant_type=password&assertion=x",
                   "application/x-www-form-urlencoded");
    QCOMPARE(outcome.status, 400);
    QCOMPARE(outcome.json().value(u"error"_s).toString(), u"unsupported_grant_type"_s);
}

void TstLoggingServer::pagesThroughWindowExactly()
{
    // Given a closed window, when a client pages through it, then it sees every generated line
    // exactly once and in timestamp order.
    const QJsonObject request{{u"resourceNames"_s, QJsonArray{u"projects/meridian-test"_s}},
                              {u"filter"_s,
                               u"timestamp>=\"%1\" AND timestamp<\"%2\""_s
                                       .arg(rfc3339(m_windowFrom), rfc3339(m_windowTo))},
                              {u"pageSize"_s, 1000}};
    int pages = 0;
    const QList<QJsonObject> entries = listAll(request, &pages);
    const int expected = expectedCount(m_windowFrom, m_windowTo);
    QVERIFY(expected > 2000);
    QCOMPARE(entries.size(), expected);
    QVERIFY2(pages >= expected / 1000, qPrintable(QString::number(pages)));
    QSet<QString> ids;
    QString previous;
    for (const QJsonObject &entry : entries) {
        const QString timestamp = entry.value(u"timestamp"_s).toString();
        QVERIFY(previous <= timestamp);
        previous = timestamp;
        ids.insert(entry.value(u"insertId"_s).toString()
                   + entry.value(u"resource"_s)[u"labels"_s][u"pod_name"_s].toString());
    }
    QCOMPARE(ids.size(), entries.size());

    // The default page size is 50.
    const Outcome first = list(QJsonObject{{u"resourceNames"_s, request[u"resourceNames"_s]},
                                           {u"filter"_s, request[u"filter"_s]}});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(u"entries"_s).toArray().size(), 50);
    QVERIFY(!first.json().value(u"nextPageToken"_s).toString().isEmpty());
}

void TstLoggingServer::entryShape()
{
    const QJsonObject request{
            {u"resourceNames"_s, QJsonArray{u"projects/meridian-test"_s}},
            {u"filter"_s,
             u"timestamp>=\"%1\" timestamp<\"%2\" resource.labels.cluster_name=\"cluster-01\""_s
                     .arg(rfc3339(m_windowFrom), rfc3339(m_windowFrom + 20000))},
            {u"pageSize"_s, 1000}};
    const QList<QJsonObject> entries = listAll(request);
    QVERIFY(!entries.isEmpty());
    QSet<QString> containers;
    for (const QJsonObject &entry : entries) {
        const QJsonObject resource = entry.value(u"resource"_s).toObject();
        QCOMPARE(resource.value(u"type"_s).toString(), u"k8s_container"_s);
        const QJsonObject labels = resource.value(u"labels"_s).toObject();
        QCOMPARE(labels.value(u"project_id"_s).toString(), u"meridian-test"_s);
        QCOMPARE(labels.value(u"cluster_name"_s).toString(), u"cluster-01"_s);
        QCOMPARE(labels.value(u"location"_s).toString(), u"us-central1"_s);
        QCOMPARE(labels.value(u"namespace_name"_s).toString(), u"default"_s);
        const QString container = labels.value(u"container_name"_s).toString();
        containers.insert(container);
        QVERIFY(labels.value(u"pod_name"_s).toString().startsWith(container + u'-'));
        QCOMPARE(entry.value(u"labels"_s)[u"k8s-pod/app"_s].toString(), container);
        const QString logName = entry.value(u"logName"_s).toString();
        QVERIFY(logName == u"projects/meridian-test/logs/stdout"_s
                || logName == u"projects/meridian-test/logs/stderr"_s);
        QVERIFY(entry.value(u"timestamp"_s)
                        .toString()
                        .contains(QRegularExpression(
                                u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z$"_s)));
        QVERIFY(entry.value(u"receiveTimestamp"_s).toString()
                > entry.value(u"timestamp"_s).toString());
        QVERIFY(!entry.value(u"insertId"_s).toString().isEmpty());
        if (container == u"api") {
            QVERIFY(entry.value(u"jsonPayload"_s)[u"message"_s].isString());
            QVERIFY(entry.value(u"httpRequest"_s)[u"status"_s].isDouble());
            QVERIFY(!entry.contains(u"textPayload"_s));
        } else {
            QVERIFY(entry.value(u"textPayload"_s).isString());
            QVERIFY(!entry.contains(u"jsonPayload"_s));
        }
    }
    QCOMPARE(containers, QSet<QString>({u"web"_s, u"api"_s, u"worker"_s}));
}

void TstLoggingServer::filtersMatchTheGenerator()
{
    const QString window = u"timestamp>=\"%1\" AND timestamp<\"%2\""_s.arg(rfc3339(m_windowFrom),
                                                                           rfc3339(m_windowTo));
    const auto count = [&](const QString &filter) {
        return listAll(QJsonObject{{u"resourceNames"_s, QJsonArray{u"projects/meridian-test"_s}},
                                   {u"filter"_s, QString(window + u' ' + filter)},
                                   {u"pageSize"_s, 1000}})
                .size();
    };
    QCOMPARE(count(u"resource.labels.cluster_name=\"cluster-02\" AND severity>=ERROR"_s),
             expectedCount(m_windowFrom, m_windowTo, [](const PodIdentity &pod, const LogLine &l) {
                 return pod.cluster == u"cluster-02" && l.severity >= LogSeverity::Error;
             }));
    QCOMPARE(count(u"labels.\"k8s-pod/app\"=\"worker\" logName:\"stderr\""_s),
             expectedCount(m_windowFrom, m_windowTo, [](const PodIdentity &pod, const LogLine &l) {
                 return pod.container == u"worker" && l.stream == LogStream::Stderr;
             }));
    QCOMPARE(count(u"httpRequest.status>=500 OR textPayload=~\"\\\" 50[0-9] \""_s),
             expectedCount(m_windowFrom, m_windowTo, [](const PodIdentity &pod, const LogLine &l) {
                 return pod.container != u"worker" && l.severity == LogSeverity::Error;
             }));
    QCOMPARE(count(u"-resource.labels.container_name=(web OR api) \"processed job\""_s),
             expectedCount(m_windowFrom, m_windowTo, [](const PodIdentity &pod, const LogLine &l) {
                 return pod.container == u"worker" && l.text.contains(u"processed job");
             }));
}

void TstLoggingServer::descendingIsAscendingReversed()
{
    const QJsonObject base{{u"resourceNames"_s, QJsonArray{u"projects/meridian-test"_s}},
                           {u"filter"_s,
                            u"timestamp>=\"%1\" AND timestamp<\"%2\""_s.arg(rfc3339(m_windowFrom),
                                                                            rfc3339(m_windowFrom
                                                                                    + 60000))},
                           {u"pageSize"_s, 1000}};
    const QList<QJsonObject> ascending = listAll(base);
    QJsonObject descending = base;
    descending.insert(u"orderBy"_s, u"timestamp desc"_s);
    descending.insert(u"pageSize"_s, 37);
    QList<QJsonObject> reversed = listAll(descending);
    QVERIFY(ascending.size() > 37);
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(reversed, ascending);
}

void TstLoggingServer::fruitlessScanAnswersWithAToken()
{
    // Given a filter nothing matches over a whole day, when a client asks, then the server
    // answers promptly with no entries and a token to continue, as the real API may.
    const QJsonObject request{{u"resourceNames"_s, QJsonArray{u"projects/meridian-test"_s}},
                              {u"filter"_s,
                               u"timestamp>=\"%1\" textPayload:\"no such text\""_s.arg(
                                       rfc3339(m_windowTo - 24 * 3600 * 1000))},
                              {u"orderBy"_s, u"timestamp desc"_s}};
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = list(request);
    qInfo("one fruitless page took %lld ms", timer.elapsed());
    QCOMPARE(outcome.status, 200);
    QVERIFY(!outcome.json().contains(u"entries"_s));
    QVERIFY(!outcome.json().value(u"nextPageToken"_s).toString().isEmpty());
}

void TstLoggingServer::invalidRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("page size above 1000")
            << QByteArray(R"({"resourceNames":["projects/meridian-test"],"pageSize":1001})")
            << u"Invalid page size"_s;
    QTest::newRow("negative page size")
            << QByteArray(R"({"resourceNames":["projects/meridian-test"],"pageSize":-1})")
            << u"Invalid page size"_s;
    QTest::newRow("bad filter")
            << QByteArray(
                       R"({"resourceNames":["projects/meridian-test"],"filter":"severity>= AND"})")
            << u"Invalid query: Unparseable filter: syntax error at line 1, column 12, token 'AND'"_s;
    QTest::newRow("bad orderBy") << QByteArray(
            R"({"resourceNames":["projects/meridian-test"],"orderBy":"severity"})")
                                 << u"Invalid orderBy"_s;
    QTest::newRow("no resource") << QByteArray("{}") << u"resourceNames"_s;
    QTest::newRow("bad page token")
            << QByteArray(R"({"resourceNames":["projects/meridian-test"],"pageToken":"nope"})")
            << u"Invalid page token"_s;
    QTest::newRow("not json") << QByteArray("{") << u"Invalid JSON payload"_s;
}

void TstLoggingServer::invalidRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const Outcome outcome = post(m_server->loggingUrl().resolved(QUrl(u"v2/entries:list"_s)),
                                 body,
                                 "application/json",
                                 m_token);
    QCOMPARE(outcome.status, 400);
    const QJsonObject error = outcome.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), 400);
    QCOMPARE(error.value(u"status"_s).toString(), u"INVALID_ARGUMENT"_s);
    QVERIFY2(error.value(u"message"_s).toString().contains(message),
             qPrintable(error.value(u"message"_s).toString()));
}

void TstLoggingServer::unauthenticated()
{
    const QJsonObject request{{u"resourceNames"_s, QJsonArray{u"projects/meridian-test"_s}}};
    for (const QByteArray &token :
         {QByteArray("ya29.c.someone-elses-token"), QByteArray("a.b.c")}) {
        const Outcome outcome = list(request, token);
        QCOMPARE(outcome.status, 401);
        const QJsonObject error = outcome.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"status"_s).toString(), u"UNAUTHENTICATED"_s);
        QVERIFY(error.value(u"message"_s)
                        .toString()
                        .startsWith(u"Request had invalid authentication credentials."_s));
    }
    const Outcome other = list(QJsonObject{{u"resourceNames"_s, QJsonArray{u"projects/x"_s}}});
    QCOMPARE(other.status, 403);
}

void TstLoggingServer::quotaPerMinute()
{
    LoggingServer::Options options;
    options.projectId = u"meridian-test"_s;
    options.readRequestsPerMinute = 3;
    LoggingServer limited(
            *m_ca, *m_generator, [this] { return m_pods; }, *m_clock, options);
    QVERIFY(limited.start().ok());
    const QByteArray token = accessToken(limited);
    const QUrl url = limited.loggingUrl().resolved(QUrl(u"v2/entries:list?alt=json"_s));
    const QByteArray body = R"({"resourceNames":["projects/meridian-test"],"pageSize":1,)"
                            R"("orderBy":"timestamp desc"})";
    for (int i = 0; i < 3; ++i)
        QCOMPARE(post(url, body, "application/json", token).status, 200);
    const Outcome refused = post(url, body, "application/json", token);
    QCOMPARE(refused.status, 429);
    const QJsonObject error = refused.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), 429);
    QCOMPARE(error.value(u"status"_s).toString(), u"RESOURCE_EXHAUSTED"_s);
    QVERIFY(error.value(u"message"_s)
                    .toString()
                    .startsWith(u"Quota exceeded for quota metric 'Read requests'"_s));
    // Another token has its own budget.
    QCOMPARE(post(url, body, "application/json", accessToken(limited)).status, 200);
}

ProcessResult TstLoggingServer::run(const QString &program,
                                    const QStringList &arguments,
                                    const QProcessEnvironment &environment)
{
    // The server lives on this thread: wait with the event loop running, never block it.
    QProcess process;
    process.setProcessEnvironment(environment);
    auto result = std::make_shared<ProcessResult>();
    connect(&process,
            &QProcess::finished,
            &process,
            [result, &process](int exitCode, QProcess::ExitStatus status) {
                result->exitCode = status == QProcess::NormalExit ? exitCode : -1;
                result->finished = true;
                result->out = process.readAllStandardOutput();
                result->err = process.readAllStandardError();
            });
    process.start(program, arguments);
    if (!QTest::qWaitFor([&result] { return result->finished; }, 90000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return *result;
}

void TstLoggingServer::gcloudLoggingRead()
{
    const QString gcloud = QStandardPaths::findExecutable(u"gcloud"_s);
    if (gcloud.isEmpty())
        QSKIP("gcloud (Google Cloud CLI) is not on PATH; skipping the real-client check");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyPath = dir.filePath(u"key.json"_s);
    const QString caPath = dir.filePath(u"ca.pem"_s);
    QFile key(keyPath);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    key.write(m_server->serviceAccountKeyJson());
    key.close();
    QFile ca(caPath);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(m_ca->certificatePem());
    ca.close();

    // A private gcloud configuration, so the test never touches the user's.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CLOUDSDK_CONFIG"_s, dir.filePath(u"gcloud"_s));
    // Keep every probe on loopback: no GCE metadata server lookups (169.254.169.254).
    env.insert(u"GCE_METADATA_HOST"_s, u"127.0.0.1:9"_s);
    env.insert(u"GCE_METADATA_IP"_s, u"127.0.0.1:9"_s);
    env.insert(u"NO_GCE_CHECK"_s, u"True"_s);
    env.insert(u"CLOUDSDK_CORE_CHECK_GCE_METADATA"_s, u"false"_s);
    env.insert(u"CLOUDSDK_CORE_DISABLE_PROMPTS"_s, u"1"_s);
    env.insert(u"CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"_s, u"true"_s);
    env.insert(u"CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"_s, u"true"_s);
    env.insert(u"CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"_s, caPath);
    env.insert(u"REQUESTS_CA_BUNDLE"_s, caPath);
    env.insert(u"SSL_CERT_FILE"_s, caPath);

    ProcessResult step = run(gcloud,
                             {u"auth"_s,
                              u"activate-service-account"_s,
                              u"--key-file="_s + keyPath,
                              u"--project=meridian-test"_s},
                             env);
    QVERIFY2(step.exitCode == 0, step.err.constData());
    step = run(gcloud,
               {u"config"_s,
                u"set"_s,
                u"api_endpoint_overrides/logging"_s,
                m_server->loggingUrl().toString()},
               env);
    QVERIFY2(step.exitCode == 0, step.err.constData());
    step = run(gcloud,
               {u"logging"_s,
                u"read"_s,
                u"resource.type=\"k8s_container\" AND resource.labels.cluster_name=\"cluster-03\" "
                u"AND severity>=WARNING"_s,
                u"--project=meridian-test"_s,
                u"--limit=7"_s,
                u"--freshness=1h"_s,
                u"--format=json"_s},
               env);
    QVERIFY2(step.exitCode == 0, step.err.constData());
    const QJsonArray entries = QJsonDocument::fromJson(step.out).array();
    QCOMPARE(entries.size(), 7);
    QString previous = u"9999"_s;
    for (const QJsonValue &entry : entries) {
        QCOMPARE(entry[u"resource"_s][u"labels"_s][u"cluster_name"_s].toString(), u"cluster-03"_s);
        QVERIFY(entry[u"severity"_s].toString() == u"WARNING"_s
                || entry[u"severity"_s].toString() == u"ERROR"_s);
        const QString timestamp = entry[u"timestamp"_s].toString();
        QVERIFY(timestamp <= previous); // gcloud asks for newest first
        previous = timestamp;
    }
}

void TstLoggingServer::gkeGcloudAuthPlugin()
{
    const QString plugin = QStandardPaths::findExecutable(u"gke-gcloud-auth-plugin"_s);
    if (plugin.isEmpty())
        QSKIP("gke-gcloud-auth-plugin is not on PATH; skipping the real-client check");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyPath = dir.filePath(u"key.json"_s);
    const QString caPath = dir.filePath(u"ca.pem"_s);
    QFile key(keyPath);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    key.write(m_server->serviceAccountKeyJson());
    key.close();
    QFile ca(caPath);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(m_ca->certificatePem());
    ca.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, dir.path()); // the plugin caches its token under ~/.kube
    env.insert(u"GOOGLE_APPLICATION_CREDENTIALS"_s, keyPath);
    env.insert(u"SSL_CERT_FILE"_s, caPath);
    env.insert(u"CLOUDSDK_CONFIG"_s, dir.filePath(u"gcloud"_s));
    // Keep every probe on loopback: no GCE metadata server lookups (169.254.169.254).
    env.insert(u"GCE_METADATA_HOST"_s, u"127.0.0.1:9"_s);
    env.insert(u"GCE_METADATA_IP"_s, u"127.0.0.1:9"_s);
    env.insert(u"NO_GCE_CHECK"_s, u"True"_s);
    env.insert(u"CLOUDSDK_CORE_CHECK_GCE_METADATA"_s, u"false"_s);
    env.insert(u"KUBERNETES_EXEC_INFO"_s,
               uR"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1",)"
               uR"("spec":{"interactive":false}})"_s);
    const ProcessResult result = run(plugin, {u"--use_application_default_credentials"_s}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject credential = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(credential.value(u"kind"_s).toString(), u"ExecCredential"_s);
    const QByteArray token = credential[u"status"_s][u"token"_s].toString().toLatin1();
    QVERIFY2(token.startsWith("ya29."), result.out.constData());
    // The token the plugin got is one the simulator issued: it can read logs.
    const Outcome outcome
            = list(QJsonObject{{u"resourceNames"_s, QJsonArray{u"projects/meridian-test"_s}},
                               {u"pageSize"_s, 1},
                               {u"orderBy"_s, u"timestamp desc"_s}},
                   token);
    QCOMPARE(outcome.status, 200);
}

QTEST_GUILESS_MAIN(TstLoggingServer)
#include "tst_loggingserver.moc"

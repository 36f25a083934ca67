// The simulator over real HTTPS, seen through Qt's own client classes and kubectl, never through
// Meridian's client code: if these pass, a client that speaks Kubernetes can use the simulator.

#include "sim/federation.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Meridian::Sim::AuthMethod;
using Meridian::Sim::Fault;
using Meridian::Sim::Federation;
using Meridian::Sim::Options;

namespace {

struct Outcome
{
    bool done = false;
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QSslError> sslErrors;
    qint64 elapsedMs = 0;
};

struct ClientCertificate
{
    QSslCertificate certificate;
    QSslKey key;
};

// Byte for byte what kube-apiserver sends, trailing newline included.
const QByteArray unauthorizedBody
        = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}\n";
const QByteArray notFoundBody
        = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          "\"message\":\"the server could not find the requested "
          "resource\",\"reason\":\"NotFound\","
          "\"details\":{},\"code\":404}\n";

Options testOptions(quint64 seed = 1)
{
    Options options;
    options.scenario = u"test"_s;
    options.clusters = 3;
    options.seed = seed;
    options.execCommand = qEnvironmentVariable("MERIDIAN_SIM");
    return options;
}

// The base64 value of `key: "..."` in the kubeconfig, for the one client-certificate user.
QByteArray kubeconfigData(const QByteArray &kubeconfig, const QString &key)
{
    const QRegularExpression pattern(key + u": \"([^\"]*)\""_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(kubeconfig));
    return QByteArray::fromBase64(match.captured(1).toLatin1());
}

} // namespace

class TstSimServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void versionOverVerifiedTls();
    void untrustedCaFailsTls();
    void tokenAcceptedOrRejected_data();
    void tokenAcceptedOrRejected();
    void clientCertificateCluster();
    void unknownPathIsNotFoundStatus();
    void discoveryAndNodes();
    void latencyDelaysOnlyThatCluster();
    void downRefusesConnectionsAndRecovers();
    void resetDropsConnections();
    void errorRateAnswersInternalError();
    void sameSeedSameWorld();
    void execCredentialPlugin();
    void simulatorProcess();
    void kubectlGetNodes();

private:
    std::shared_ptr<Outcome> startGet(const QString &cluster,
                                      const QString &path,
                                      const QByteArray &token,
                                      std::optional<ClientCertificate> certificate = {},
                                      std::optional<QSslConfiguration> tls = {});
    Outcome get(const QString &cluster,
                const QString &path,
                const QByteArray &token,
                std::optional<ClientCertificate> certificate = {},
                std::optional<QSslConfiguration> tls = {});
    QByteArray token(const QString &cluster) const;
    QUrl url(const QString &cluster, const QString &path) const;
    ClientCertificate adminCertificate() const;

    std::unique_ptr<Federation> m_federation;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSslConfiguration m_trustSimCa;
};

void TstSimServer::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt Network has no TLS backend here");
    m_federation = std::make_unique<Federation>(testOptions());
    const Meridian::Status started = m_federation->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    QCOMPARE(m_federation->clusterNames(),
             QStringList({u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s}));

    m_trustSimCa = QSslConfiguration::defaultConfiguration();
    m_trustSimCa.setCaCertificates(
            QSslCertificate::fromData(m_federation->caCertificatePem(), QSsl::Pem));
    QCOMPARE(m_trustSimCa.caCertificates().size(), 1);
}

void TstSimServer::init()
{
    // A fresh manager per test: no pooled connection survives a fault from another test.
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TstSimServer::cleanup()
{
    for (const QString &cluster : m_federation->clusterNames())
        m_federation->setFault(cluster, std::nullopt);
    m_network.reset();
}

std::shared_ptr<Outcome> TstSimServer::startGet(const QString &cluster,
                                                const QString &path,
                                                const QByteArray &token,
                                                std::optional<ClientCertificate> certificate,
                                                std::optional<QSslConfiguration> tls)
{
    QSslConfiguration config = tls.value_or(m_trustSimCa);
    if (certificate) {
        config.setLocalCertificate(certificate->certificate);
        config.setPrivateKey(certificate->key);
    }
    QNetworkRequest request(url(cluster, path));
    request.setSslConfiguration(config);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(15000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);

    auto outcome = std::make_shared<Outcome>();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::sslErrors, reply, [outcome](const QList<QSslError> &errors) {
        outcome->sslErrors += errors;
    });
    connect(reply, &QNetworkReply::finished, reply, [outcome, timer, reply] {
        outcome->elapsedMs = timer->elapsed();
        outcome->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        outcome->body = reply->readAll();
        outcome->error = reply->error();
        outcome->done = true;
        reply->deleteLater();
    });
    return outcome;
}

Outcome TstSimServer::get(const QString &cluster,
                          const QString &path,
                          const QByteArray &token,
                          std::optional<ClientCertificate> certificate,
                          std::optional<QSslConfiguration> tls)
{
    const std::shared_ptr<Outcome> outcome = startGet(cluster, path, token, certificate, tls);
    if (!QTest::qWaitFor([&outcome] { return outcome->done; }, 20000))
        qWarning("GET %s on %s did not finish", qPrintable(path), qPrintable(cluster));
    return *outcome;
}

QByteArray TstSimServer::token(const QString &cluster) const
{
    return m_federation->tokenFor(cluster).toUtf8();
}

QUrl TstSimServer::url(const QString &cluster, const QString &path) const
{
    const QJsonObject clusters = m_federation->endpoints().value(u"clusters").toObject();
    return QUrl(clusters.value(cluster).toString() + path);
}

ClientCertificate TstSimServer::adminCertificate() const
{
    const QByteArray kubeconfig = m_federation->kubeconfig();
    return ClientCertificate{QSslCertificate(kubeconfigData(kubeconfig,
                                                            u"client-certificate-data"_s),
                                             QSsl::Pem),
                             QSslKey(kubeconfigData(kubeconfig, u"client-key-data"_s),
                                     QSsl::Ec,
                                     QSsl::Pem)};
}

void TstSimServer::versionOverVerifiedTls()
{
    // Given a client that trusts only the simulator's CA
    // When it asks a token cluster for /version
    const Outcome outcome = get(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s));

    // Then TLS verifies without errors and the body is a kube-apiserver version.Info
    QVERIFY2(outcome.sslErrors.isEmpty(), qPrintable(outcome.sslErrors.value(0).errorString()));
    QCOMPARE(outcome.error, QNetworkReply::NoError);
    QCOMPARE(outcome.status, 200);
    const QJsonObject version = QJsonDocument::fromJson(outcome.body).object();
    QCOMPARE(version.value(u"major").toString(), u"1"_s);
    QCOMPARE(version.value(u"minor").toString(), u"29"_s);
    QCOMPARE(version.value(u"gitVersion").toString(), u"v1.29.6-gke.1038001"_s);
    for (const QString &field : {u"gitCommit"_s,
                                 u"gitTreeState"_s,
                                 u"buildDate"_s,
                                 u"goVersion"_s,
                                 u"compiler"_s,
                                 u"platform"_s})
        QVERIFY2(!version.value(field).toString().isEmpty(), qPrintable(field));
}

void TstSimServer::untrustedCaFailsTls()
{
    // Given a client with only the system CAs, the simulator's certificate must not verify.
    const Outcome outcome = get(u"cluster-01"_s,
                                u"/version"_s,
                                token(u"cluster-01"_s),
                                {},
                                QSslConfiguration::defaultConfiguration());
    QCOMPARE(outcome.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!outcome.sslErrors.isEmpty());
}

void TstSimServer::tokenAcceptedOrRejected_data()
{
    QTest::addColumn<QString>("cluster");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");

    QTest::newRow("right token") << u"cluster-01"_s << token(u"cluster-01"_s) << 200;
    QTest::newRow("wrong token") << u"cluster-01"_s << QByteArray("not-the-token") << 401;
    QTest::newRow("no token") << u"cluster-01"_s << QByteArray() << 401;
    QTest::newRow("another cluster's token") << u"cluster-01"_s << token(u"cluster-03"_s) << 401;
    QTest::newRow("exec-plugin cluster, its token")
            << u"cluster-03"_s << token(u"cluster-03"_s) << 200;
}

void TstSimServer::tokenAcceptedOrRejected()
{
    QFETCH(QString, cluster);
    QFETCH(QByteArray, token);
    QFETCH(int, status);

    const Outcome outcome = get(cluster, u"/api/v1/namespaces"_s, token);
    QCOMPARE(outcome.status, status);
    if (status == 401)
        QCOMPARE(outcome.body, unauthorizedBody);
    else
        QCOMPARE(QJsonDocument::fromJson(outcome.body)[u"kind"].toString(), u"NamespaceList"_s);
}

void TstSimServer::clientCertificateCluster()
{
    QCOMPARE(m_federation->authFor(u"cluster-02"_s), AuthMethod::ClientCertificate);
    QVERIFY(m_federation->tokenFor(u"cluster-02"_s).isEmpty());
    const ClientCertificate admin = adminCertificate();
    QVERIFY(!admin.certificate.isNull());
    QVERIFY(!admin.key.isNull());
    QCOMPARE(admin.certificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{u"meridian-admin"_s});
    QCOMPARE(admin.certificate.subjectInfo(QSslCertificate::Organization),
             QStringList{u"system:masters"_s});

    // Without a certificate (even with some other cluster's token) the answer is 401.
    Outcome outcome = get(u"cluster-02"_s, u"/api/v1/nodes"_s, token(u"cluster-01"_s));
    QCOMPARE(outcome.status, 401);
    QCOMPARE(outcome.body, unauthorizedBody);

    // With the admin certificate from the kubeconfig it is served. A new manager, because Qt
    // would reuse the certificate-less keep-alive connection for the same host.
    m_network = std::make_unique<QNetworkAccessManager>();
    outcome = get(u"cluster-02"_s, u"/api/v1/nodes"_s, {}, admin);
    QCOMPARE(outcome.error, QNetworkReply::NoError);
    QCOMPARE(outcome.status, 200);
    QCOMPARE(QJsonDocument::fromJson(outcome.body)[u"items"].toArray().size(), 2);
}

void TstSimServer::unknownPathIsNotFoundStatus()
{
    const Outcome outcome
            = get(u"cluster-01"_s, u"/apis/no.such.group/v1/things"_s, token(u"cluster-01"_s));
    QCOMPARE(outcome.status, 404);
    QCOMPARE(outcome.body, notFoundBody);

    const Outcome missing
            = get(u"cluster-01"_s, u"/api/v1/nodes/no-such-node"_s, token(u"cluster-01"_s));
    QCOMPARE(missing.status, 404);
    const QJsonObject status = QJsonDocument::fromJson(missing.body).object();
    QCOMPARE(status.value(u"reason").toString(), u"NotFound"_s);
    QCOMPARE(status.value(u"message").toString(), u"nodes \"no-such-node\" not found"_s);
}

void TstSimServer::discoveryAndNodes()
{
    const QByteArray bearer = token(u"cluster-01"_s);
    // Query parameters kubectl adds (timeout=32s) must not change the route.
    const Outcome api = get(u"cluster-01"_s, u"/api?timeout=32s"_s, bearer);
    QCOMPARE(QJsonDocument::fromJson(api.body)[u"versions"].toArray(), QJsonArray{u"v1"_s});
    const Outcome groups = get(u"cluster-01"_s, u"/apis"_s, bearer);
    QCOMPARE(QJsonDocument::fromJson(groups.body)[u"groups"][0][u"name"].toString(), u"apps"_s);
    const Outcome apps = get(u"cluster-01"_s, u"/apis/apps/v1"_s, bearer);
    QCOMPARE(QJsonDocument::fromJson(apps.body)[u"kind"].toString(), u"APIResourceList"_s);
    const Outcome core = get(u"cluster-01"_s, u"/api/v1"_s, bearer);
    QStringList resources;
    for (const QJsonValue &resource : QJsonDocument::fromJson(core.body)[u"resources"].toArray())
        resources.append(resource[u"name"].toString());
    QCOMPARE(resources,
             QStringList({u"events"_s,
                          u"namespaces"_s,
                          u"namespaces/status"_s,
                          u"nodes"_s,
                          u"nodes/status"_s,
                          u"pods"_s,
                          u"pods/log"_s,
                          u"pods/status"_s,
                          u"services"_s,
                          u"services/status"_s}));

    const Outcome nodes = get(u"cluster-01"_s, u"/api/v1/nodes"_s, bearer);
    QCOMPARE(nodes.status, 200);
    const QJsonObject list = QJsonDocument::fromJson(nodes.body).object();
    QCOMPARE(list.value(u"kind").toString(), u"NodeList"_s);
    QVERIFY(!list[u"metadata"][u"resourceVersion"].toString().isEmpty());
    const QJsonArray items = list.value(u"items").toArray();
    QCOMPARE(items.size(), 2);
    for (const QJsonValue &node : items) {
        const QJsonObject labels = node[u"metadata"][u"labels"].toObject();
        QCOMPARE(labels.value(u"topology.kubernetes.io/region").toString(), u"us-central1"_s);
        QVERIFY(labels.value(u"topology.kubernetes.io/zone")
                        .toString()
                        .startsWith(u"us-central1-"_s));
        QCOMPARE(labels.value(u"kubernetes.io/hostname").toString(),
                 node[u"metadata"][u"name"].toString());
        QVERIFY(node[u"status"][u"capacity"][u"cpu"].isString());
    }
    const QString first = items[0][u"metadata"][u"name"].toString();
    const Outcome one = get(u"cluster-01"_s, u"/api/v1/nodes/"_s + first, bearer);
    QCOMPARE(QJsonDocument::fromJson(one.body)[u"kind"].toString(), u"Node"_s);
}

void TstSimServer::latencyDelaysOnlyThatCluster()
{
    // Given a 700 ms latency fault on cluster-01
    m_federation->setFault(u"cluster-01"_s, Fault{Fault::Kind::Latency, 700, 0});

    // When both clusters are asked at the same time
    const auto slow = startGet(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s));
    const auto fast = startGet(u"cluster-03"_s, u"/version"_s, token(u"cluster-03"_s));
    QTRY_VERIFY_WITH_TIMEOUT(slow->done && fast->done, 10000);

    // Then only cluster-01 is late, and its late answer is still right
    QCOMPARE(slow->status, 200);
    QCOMPARE(fast->status, 200);
    QVERIFY2(slow->elapsedMs >= 650, qPrintable(QString::number(slow->elapsedMs)));
    QVERIFY2(fast->elapsedMs < slow->elapsedMs - 300,
             qPrintable(u"%1 ms vs %2 ms"_s.arg(fast->elapsedMs).arg(slow->elapsedMs)));
}

void TstSimServer::downRefusesConnectionsAndRecovers()
{
    const QUrl endpoint = url(u"cluster-01"_s, u"/"_s);
    m_federation->setFault(u"cluster-01"_s, Fault{Fault::Kind::Down, 0, 0});

    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, static_cast<quint16>(endpoint.port()));
    QVERIFY(!socket.waitForConnected(5000));
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    const Outcome refused = get(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s));
    QCOMPARE(refused.error, QNetworkReply::ConnectionRefusedError);

    m_federation->setFault(u"cluster-01"_s, std::nullopt);
    const Outcome back = get(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s));
    QCOMPARE(back.error, QNetworkReply::NoError);
    QCOMPARE(back.status, 200);
    QCOMPARE(url(u"cluster-01"_s, u"/"_s), endpoint);
}

void TstSimServer::resetDropsConnections()
{
    m_federation->setFault(u"cluster-01"_s, Fault{Fault::Kind::Reset, 0, 0});
    const Outcome dropped = get(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s));
    QVERIFY(dropped.error != QNetworkReply::NoError);
    QCOMPARE(dropped.status, 0);

    m_federation->setFault(u"cluster-01"_s, std::nullopt);
    QCOMPARE(get(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s)).status, 200);
}

void TstSimServer::errorRateAnswersInternalError()
{
    m_federation->setFault(u"cluster-01"_s, Fault{Fault::Kind::ErrorRate, 0, 1.0});
    const Outcome failed = get(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s));
    QCOMPARE(failed.status, 500);
    const QJsonObject status = QJsonDocument::fromJson(failed.body).object();
    QCOMPARE(status.value(u"kind").toString(), u"Status"_s);
    QCOMPARE(status.value(u"reason").toString(), u"InternalError"_s);
    QCOMPARE(status.value(u"code").toInt(), 500);

    // Half the requests fail: over 30 requests both outcomes show up.
    m_federation->setFault(u"cluster-01"_s, Fault{Fault::Kind::ErrorRate, 0, 0.5});
    int failures = 0;
    for (int i = 0; i < 30; ++i)
        failures += get(u"cluster-01"_s, u"/version"_s, token(u"cluster-01"_s)).status == 500;
    QVERIFY2(failures > 0 && failures < 30, qPrintable(QString::number(failures)));
}

void TstSimServer::sameSeedSameWorld()
{
    // Given a second federation with the same seed and a third with another seed
    Federation twin(testOptions());
    QVERIFY(twin.start().ok());
    Federation other(testOptions(2));
    QVERIFY(other.start().ok());

    // Then tokens and node names match the first federation's, and differ under another seed
    for (const QString &cluster : {u"cluster-01"_s, u"cluster-03"_s}) {
        QCOMPARE(twin.tokenFor(cluster), m_federation->tokenFor(cluster));
        QVERIFY(other.tokenFor(cluster) != m_federation->tokenFor(cluster));
    }
    const auto tokensIn = [](const QByteArray &kubeconfig) {
        QStringList tokens;
        const QRegularExpression pattern(u"(?:token|value): \"([^\"]*)\""_s);
        for (const auto &match : pattern.globalMatch(QString::fromUtf8(kubeconfig)))
            tokens.append(match.captured(1));
        return tokens;
    };
    QVERIFY(!tokensIn(m_federation->kubeconfig()).isEmpty());
    QCOMPARE(tokensIn(twin.kubeconfig()), tokensIn(m_federation->kubeconfig()));

    const auto nodeNames = [](const QByteArray &body) {
        QStringList names;
        for (const QJsonValue &node : QJsonDocument::fromJson(body)[u"items"].toArray())
            names.append(node[u"metadata"][u"name"].toString());
        return names;
    };
    const QJsonObject twinClusters = twin.endpoints().value(u"clusters").toObject();
    QNetworkRequest request(QUrl(twinClusters.value(u"cluster-01").toString() + u"/api/v1/nodes"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(twin.caCertificatePem(), QSsl::Pem));
    request.setSslConfiguration(tls);
    request.setRawHeader("Authorization", "Bearer " + twin.tokenFor(u"cluster-01"_s).toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    const QStringList twinNodes = nodeNames(reply->readAll());
    QCOMPARE(twinNodes.size(), 2);
    QCOMPARE(twinNodes,
             nodeNames(get(u"cluster-01"_s, u"/api/v1/nodes"_s, token(u"cluster-01"_s)).body));
}

void TstSimServer::execCredentialPlugin()
{
    const QString simulator = qEnvironmentVariable("MERIDIAN_SIM");
    if (simulator.isEmpty())
        QSKIP("MERIDIAN_SIM is not set (run through ctest)");
    QCOMPARE(m_federation->authFor(u"cluster-03"_s), AuthMethod::ExecPlugin);

    // Answers in the apiVersion it was asked in, with the token from its environment.
    QProcess plugin;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MERIDIAN_SIM_TOKEN"_s, u"abc123"_s);
    env.insert(u"KUBERNETES_EXEC_INFO"_s,
               u"{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
               u"\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}"_s);
    plugin.setProcessEnvironment(env);
    plugin.start(simulator, {u"exec-credential"_s});
    QVERIFY(plugin.waitForFinished(10000));
    QCOMPARE(plugin.exitCode(), 0);
    const QJsonObject credential = QJsonDocument::fromJson(plugin.readAllStandardOutput()).object();
    QCOMPARE(credential.value(u"apiVersion").toString(), u"client.authentication.k8s.io/v1beta1"_s);
    QCOMPARE(credential.value(u"kind").toString(), u"ExecCredential"_s);
    QCOMPARE(credential[u"status"][u"token"].toString(), u"abc123"_s);
    const QDateTime expiry
            = QDateTime::fromString(credential[u"status"][u"expirationTimestamp"].toString(),
                                    Qt::ISODate);
    QVERIFY(expiry > QDateTime::currentDateTimeUtc().addSecs(3000));

    // Without the token it fails loudly.
    env.remove(u"MERIDIAN_SIM_TOKEN"_s);
    plugin.setProcessEnvironment(env);
    plugin.start(simulator, {u"exec-credential"_s});
    QVERIFY(plugin.waitForFinished(10000));
    QCOMPARE(plugin.exitCode(), 1);
    QVERIFY(plugin.readAllStandardError().contains("MERIDIAN_SIM_TOKEN"));
}

void TstSimServer::simulatorProcess()
{
    const QString simulator = qEnvironmentVariable("MERIDIAN_SIM");
    if (simulator.isEmpty())
        QSKIP("MERIDIAN_SIM is not set (run through ctest)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString kubeconfig = dir.filePath(u"kubeconfig"_s);

    // Given meridian-sim started with a kubeconfig to write
    QProcess process;
    process.start(simulator,
                  {u"--scenario"_s,
                   u"test"_s,
                   u"--clusters"_s,
                   u"2"_s,
                   u"--fault"_s,
                   u"cluster-02=latency:10"_s,
                   u"--kubeconfig-out"_s,
                   kubeconfig,
                   u"--ca-out"_s,
                   dir.filePath(u"ca.pem"_s)});
    QVERIFY(process.waitForStarted(10000));

    // Then it prints one JSON line of endpoints and has written private files
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 15000);
    const QJsonObject endpoints = QJsonDocument::fromJson(process.readLine()).object();
    QCOMPARE(endpoints.value(u"clusters").toObject().keys(),
             QStringList({u"cluster-01"_s, u"cluster-02"_s}));
    QVERIFY(endpoints.contains(u"karmada"));
    QCOMPARE(QFile::permissions(kubeconfig),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                     | QFileDevice::WriteUser);
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("current-context: \"cluster-01\""));

    // And SIGTERM stops it cleanly
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TstSimServer::kubectlGetNodes()
{
    const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (kubectl.isEmpty())
        QSKIP("kubectl is not on PATH; the simulator was not checked against it");
    if (qEnvironmentVariableIsEmpty("MERIDIAN_SIM"))
        qWarning("MERIDIAN_SIM is not set: cluster-03 uses a token instead of the exec plugin");

    // kubectl caches discovery under HOME; keep it away from the user's.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString kubeconfig = home.filePath(u"kubeconfig"_s);
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_federation->kubeconfig());
    file.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"KUBECACHEDIR"_s, home.filePath(u"cache"_s));
    env.remove(u"KUBECONFIG"_s);

    for (const QString &cluster : m_federation->clusterNames()) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(kubectl,
                      {u"--kubeconfig"_s,
                       kubeconfig,
                       u"--context"_s,
                       cluster,
                       u"get"_s,
                       u"nodes"_s,
                       u"-o"_s,
                       u"json"_s});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0,
                 qPrintable(cluster + u": "_s + QString::fromUtf8(errors)));
        const QJsonObject list = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        const QJsonArray items = list.value(u"items").toArray();
        QCOMPARE(items.size(), 2);
        QVERIFY(!items[0][u"metadata"][u"labels"][u"topology.kubernetes.io/region"]
                         .toString()
                         .isEmpty());
    }

    QProcess version;
    version.setProcessEnvironment(env);
    version.start(kubectl, {u"--kubeconfig"_s, kubeconfig, u"version"_s, u"-o"_s, u"json"_s});
    QVERIFY(version.waitForFinished(60000));
    QCOMPARE(version.exitCode(), 0);
    const QJsonObject info = QJsonDocument::fromJson(version.readAllStandardOutput()).object();
    QCOMPARE(info[u"serverVersion"][u"gitVersion"].toString(), u"v1.29.6-gke.1038001"_s);
}

QTEST_GUILESS_MAIN(TstSimServer)
#include "tst_simserver.moc"

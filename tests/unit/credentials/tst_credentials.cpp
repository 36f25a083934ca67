#include "kube/credentials.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Meridian;
using namespace Meridian::Kube;
using namespace Qt::StringLiterals;

namespace {

const QString kV1 = u"client.authentication.k8s.io/v1"_s;
const QString kV1beta1 = u"client.authentication.k8s.io/v1beta1"_s;

const QByteArray kFakeCaPem
        = "-----BEGIN CERTIFICATE-----\nZmFrZSBjYQ==\n-----END CERTIFICATE-----\n";
const QByteArray kFakeCertPem
        = "-----BEGIN CERTIFICATE-----\nZmFrZSBjZXJ0\n-----END CERTIFICATE-----\n";
const QByteArray kFakeKeyPem
        = "-----BEGIN PRIVATE KEY-----\nZmFrZSBrZXk=\n-----END PRIVATE KEY-----\n";

// A credential plugin in POSIX sh. It answers with the apiVersion it was asked for (read from
// KUBERNETES_EXEC_INFO), a token "$PLUGIN_TOKEN-<run number>" and an optional expiry, and
// leaves what it received in $PLUGIN_INFO_FILE (exec info) and $PLUGIN_INFO_FILE.args.
// (plain literals, not a raw string: moc mis-tokenizes this script inside one)
const QByteArray kEchoPlugin
        = "#!/bin/sh\n"
          "if [ -n \"$PLUGIN_COUNTER\" ]; then echo run >> \"$PLUGIN_COUNTER\"; fi\n"
          "if [ -n \"$PLUGIN_INFO_FILE\" ]; then\n"
          "    printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$PLUGIN_INFO_FILE\"\n"
          "    printf '%s\\n' \"$@\" > \"$PLUGIN_INFO_FILE.args\"\n"
          "fi\n"
          "api=$(printf '%s' \"$KUBERNETES_EXEC_INFO\" | sed -n "
          "'s/^{\"apiVersion\":\"\\([^\"]*\\)\".*/\\1/p')\n"
          "n=1\n"
          "if [ -n \"$PLUGIN_COUNTER\" ]; then n=$(wc -l < \"$PLUGIN_COUNTER\" | tr -d ' '); fi\n"
          "exp=\"\"\n"
          "if [ -n \"$PLUGIN_EXPIRY\" ]; then "
          "exp=\",\\\"expirationTimestamp\\\":\\\"$PLUGIN_EXPIRY\\\"\"; fi\n"
          "printf "
          "'{\"apiVersion\":\"%s\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s-%s\"%s}}"
          "\\n' \\\n"
          "    \"$api\" \"${PLUGIN_TOKEN:-token}\" \"$n\" \"$exp\"\n";

QString writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write fixture %s", qPrintable(path));
    file.write(content);
    file.close();
    if (executable) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                            | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
    }
    return QFileInfo(path).absoluteFilePath();
}

QString describe(const Error &error)
{
    return error.code + u": "_s + error.message;
}

// The error text for a failed check; empty on success (QVERIFY2 evaluates it either way).
template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : describe(result.error()).toUtf8();
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

ResolvedContext execContext(const QString &userName,
                            const QString &command,
                            const QString &apiVersion = kV1)
{
    ResolvedContext context;
    context.context.name = u"ctx-"_s + userName;
    context.context.cluster = u"c1"_s;
    context.context.user = userName;
    context.cluster.name = u"c1"_s;
    context.cluster.server = u"https://c1.example:6443"_s;
    context.user.name = userName;
    context.user.sourceFile = u"/nowhere/kubeconfig"_s;
    ExecConfig exec;
    exec.apiVersion = apiVersion;
    exec.command = command;
    exec.interactiveMode = u"Never"_s;
    context.user.exec = exec;
    return context;
}

void setEnv(ResolvedContext &context, const QString &name, const QString &value)
{
    context.user.exec->env.append({name, value});
}

// Calls obtain() and spins the event loop until the callback has run (or the deadline).
Result<Credential> obtainAndWait(ExecCredentialProvider &provider,
                                 const ResolvedContext &context,
                                 int timeoutMs = 10000)
{
    QObject guard; // the callback must not outlive this frame
    std::optional<Result<Credential>> got;
    provider.obtain(context, &guard, [&got](const Result<Credential> &result) { got = result; });
    QDeadlineTimer deadline(timeoutMs);
    while (!got && !deadline.hasExpired())
        QTest::qWait(5);
    if (!got)
        return Result<Credential>::failure(u"TestTimeout"_s, u"no callback in time"_s);
    return *got;
}

} // namespace

class tst_Credentials final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parseExecCredential_data();
    void parseExecCredential();

    void staticCredentialToken();
    void staticCredentialTokenFileIsTrimmed();
    void staticCredentialClientCertificate();
    void staticCredentialErrors_data();
    void staticCredentialErrors();

    void tlsConfig_data();
    void tlsConfig();
    void tlsConfigMissingCaFile();

    void resolveExecCommand_data();
    void resolveExecCommand();
    void execSearchPathHasInstallerFolders();

    // ExecCredentialProvider, end to end with a shell-script plugin
    void pluginRoundTrip_data();
    void pluginRoundTrip();
    void pluginReceivesClusterInfo();
    void pluginFoundThroughSearchPath();
    void cachedUntilExpiry();
    void expiredOrNearExpiryTokenReruns_data();
    void expiredOrNearExpiryTokenReruns();
    void concurrentObtainStartsOneRun();
    void differentUsersRunSeparately();
    void invalidateForcesARerun();
    void pluginFailureCarriesStderr();
    void pluginWithBadOutput_data();
    void pluginWithBadOutput();
    void missingPluginShowsInstallHint();
    void interactiveAlwaysIsRefused();
    void hangingPluginIsKilled();
    void deadReceiverIsNotCalled();
    void destroyingTheProviderKillsThePlugin();

private:
    QTemporaryDir m_dir;
    QString m_plugin; // absolute path of kEchoPlugin
};

void tst_Credentials::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    m_plugin = writeFile(m_dir.filePath(u"plugins/echo-plugin"_s), kEchoPlugin, true);
}

// ---------------------------------------------------------------------------------------------
// parseExecCredential

void tst_Credentials::parseExecCredential_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("askedFor");
    QTest::addColumn<QString>("token"); // success rows
    QTest::addColumn<bool>("hasCertificate");
    QTest::addColumn<QDateTime>("expiry"); // invalid: does not expire
    QTest::addColumn<QString>("error");    // failure rows: text the message contains

    const QDateTime expiry = QDateTime::fromString(u"2030-01-02T03:04:05Z"_s, Qt::ISODate);

    QTest::newRow("v1 token with expiry") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
            R"("status":{"token":"ya29.abc","expirationTimestamp":"2030-01-02T03:04:05Z"}})")
                                          << kV1 << u"ya29.abc"_s << false << expiry << QString();
    QTest::newRow("v1beta1 token with expiry and offset") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",)"
            R"("spec":{"interactive":false},)"
            R"("status":{"token":"k8s-aws-v1.xyz","expirationTimestamp":"2030-01-02T05:04:05+02:00"}})")
                                                          << kV1beta1 << u"k8s-aws-v1.xyz"_s
                                                          << false << expiry << QString();
    QTest::newRow("v1 token with fractional seconds") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
            R"("status":{"token":"t","expirationTimestamp":"2030-01-02T03:04:05.000Z"}})")
                                                      << kV1 << u"t"_s << false << expiry
                                                      << QString();
    QTest::newRow("v1 token with nanoseconds (Go's RFC3339Nano)") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
            R"("status":{"token":"t","expirationTimestamp":"2030-01-02T03:04:05.000000001Z"}})")
                                                                  << kV1 << u"t"_s << false
                                                                  << expiry << QString();
    QTest::newRow("v1 token without expiry")
            << QByteArray(
                       R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
                       R"("status":{"token":"forever"}})")
            << kV1 << u"forever"_s << false << QDateTime() << QString();
    QTest::newRow("v1 certificate and key") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
            R"("status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\nZmFrZSBjZXJ0\n-----END CERTIFICATE-----\n",)"
            R"("clientKeyData":"-----BEGIN PRIVATE KEY-----\nZmFrZSBrZXk=\n-----END PRIVATE KEY-----\n",)"
            R"("expirationTimestamp":"2030-01-02T03:04:05Z"}})")
                                            << kV1 << QString() << true << expiry << QString();

    QTest::newRow("apiVersion mismatch") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",)"
            R"("status":{"token":"t"}})") << kV1
                                         << QString() << false << QDateTime()
                                         << u"answered with apiVersion "
                                            u"\"client.authentication.k8s.io/v1beta1\" but was "
                                            u"asked for "
                                            "\"client.authentication.k8s.io/v1\""_s;
    QTest::newRow("wrong kind") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"Config","status":{"token":"t"}})")
                                << kV1 << QString() << false << QDateTime() << u"kind \"Config\""_s;
    QTest::newRow("neither token nor certificate")
            << QByteArray(
                       R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
                       R"("status":{"expirationTimestamp":"2030-01-02T03:04:05Z"}})")
            << kV1 << QString() << false << QDateTime() << u"neither status.token nor"_s;
    QTest::newRow("no status at all") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"})")
                                      << kV1 << QString() << false << QDateTime()
                                      << u"neither status.token nor"_s;
    QTest::newRow("certificate without key")
            << QByteArray(
                       R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
                       R"("status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\n"}})")
            << kV1 << QString() << false << QDateTime()
            << u"clientCertificateData and clientKeyData together"_s;
    QTest::newRow("token and a key without certificate")
            << QByteArray(
                       R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
                       R"("status":{"token":"t","clientKeyData":"-----BEGIN PRIVATE KEY-----\n"}})")
            << kV1 << QString() << false << QDateTime()
            << u"clientCertificateData and clientKeyData together"_s;
    QTest::newRow("bad timestamp") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
            R"("status":{"token":"t","expirationTimestamp":"tomorrow at noon"}})")
                                   << kV1 << QString() << false << QDateTime()
                                   << u"\"tomorrow at noon\" is not RFC 3339"_s;
    QTest::newRow("timestamp without a zone") << QByteArray(
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
            R"("status":{"token":"t","expirationTimestamp":"2030-01-02T03:04:05"}})")
                                              << kV1 << QString() << false << QDateTime()
                                              << u"\"2030-01-02T03:04:05\" is not RFC 3339"_s;
    QTest::newRow("not JSON") << QByteArray("ERROR: gcloud not logged in\n") << kV1 << QString()
                              << false << QDateTime() << u"not an ExecCredential JSON object"_s;
    QTest::newRow("JSON but not an object")
            << QByteArray(R"(["apiVersion"])") << kV1 << QString() << false << QDateTime()
            << u"not an ExecCredential JSON object"_s;
    QTest::newRow("empty output") << QByteArray() << kV1 << QString() << false << QDateTime()
                                  << u"not an ExecCredential JSON object"_s;
}

void tst_Credentials::parseExecCredential()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, askedFor);
    QFETCH(QString, error);

    // Given a plugin's stdout, When parsed for the apiVersion it was asked for
    const Result<Credential> result = Kube::parseExecCredential(output, askedFor);

    // Then it is a credential, or an ExecPluginFailed error saying what is wrong
    if (!error.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, u"ExecPluginFailed"_s);
        QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
        return;
    }
    QVERIFY2(result, why(result).constData());
    QTEST(result->token, "token");
    QFETCH(bool, hasCertificate);
    if (hasCertificate) {
        QCOMPARE(result->clientCertPem, kFakeCertPem);
        QCOMPARE(result->clientKeyPem, kFakeKeyPem);
    } else {
        QVERIFY(result->clientCertPem.isEmpty());
        QVERIFY(result->clientKeyPem.isEmpty());
    }
    QFETCH(QDateTime, expiry);
    QCOMPARE(result->expiry.isValid(), expiry.isValid());
    if (expiry.isValid())
        QCOMPARE(result->expiry.toUTC(), expiry.toUTC());
}

// ---------------------------------------------------------------------------------------------
// staticCredential

void tst_Credentials::staticCredentialToken()
{
    // Given a token and a tokenFile that does not even exist
    UserEntry user;
    user.name = u"u"_s;
    user.token = u"inline-token"_s;
    user.tokenFile = m_dir.filePath(u"no-such-token"_s);

    // When the static credential is built
    const Result<Credential> credential = staticCredential(user);

    // Then the token wins and the file is not read
    QVERIFY2(credential, why(credential).constData());
    QCOMPARE(credential->token, u"inline-token"_s);
    QVERIFY(credential->clientCertPem.isEmpty());
    QVERIFY(!credential->expiry.isValid());
}

void tst_Credentials::staticCredentialTokenFileIsTrimmed()
{
    // Given only a tokenFile whose content has surrounding whitespace and a trailing newline
    UserEntry user;
    user.name = u"u"_s;
    user.tokenFile = writeFile(m_dir.filePath(u"static/token"_s), "  \teyJhbGciOi.token \n\n");

    // When the static credential is built
    const Result<Credential> credential = staticCredential(user);

    // Then the token is the trimmed file content
    QVERIFY2(credential, why(credential).constData());
    QCOMPARE(credential->token, u"eyJhbGciOi.token"_s);
}

void tst_Credentials::staticCredentialClientCertificate()
{
    // Given client-certificate and client-key files
    UserEntry user;
    user.name = u"u"_s;
    user.clientCertificate = writeFile(m_dir.filePath(u"static/u.crt"_s), kFakeCertPem);
    user.clientKey = writeFile(m_dir.filePath(u"static/u.key"_s), kFakeKeyPem);

    // When the static credential is built, Then both files are read
    const Result<Credential> fromFiles = staticCredential(user);
    QVERIFY2(fromFiles, why(fromFiles).constData());
    QCOMPARE(fromFiles->clientCertPem, kFakeCertPem);
    QCOMPARE(fromFiles->clientKeyPem, kFakeKeyPem);
    QVERIFY(fromFiles->token.isEmpty());

    // and -data fields win over the files
    user.clientCertificateData = "DATA CERT";
    user.clientKeyData = "DATA KEY";
    const Result<Credential> fromData = staticCredential(user);
    QVERIFY2(fromData, why(fromData).constData());
    QCOMPARE(fromData->clientCertPem, QByteArray("DATA CERT"));
    QCOMPARE(fromData->clientKeyPem, QByteArray("DATA KEY"));
}

void tst_Credentials::staticCredentialErrors_data()
{
    QTest::addColumn<QString>("tokenFile");
    QTest::addColumn<QString>("certFile");
    QTest::addColumn<QByteArray>("certData");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");

    const QString missing = u"static-missing/none"_s;
    const QString cert = u"static-ok/u.crt"_s;
    const QString key = u"static-ok/u.key"_s;

    QTest::newRow("certificate file without key") << QString() << cert << QByteArray() << QString()
                                                  << u"InvalidKubeconfig"_s << u"\"bob\""_s;
    QTest::newRow("certificate data without key")
            << QString() << QString() << kFakeCertPem << QString() << u"InvalidKubeconfig"_s
            << u"without its key"_s;
    QTest::newRow("key without certificate")
            << QString() << QString() << QByteArray() << key << u"InvalidKubeconfig"_s
            << u"/home/bob/.kube/config"_s;
    QTest::newRow("missing tokenFile")
            << missing << QString() << QByteArray() << QString() << u"Unreadable"_s << missing;
    QTest::newRow("missing certificate file") << QString() << missing << QByteArray() << key
                                              << u"Unreadable"_s << u"client-certificate"_s;
    QTest::newRow("missing key file")
            << QString() << cert << QByteArray() << missing << u"Unreadable"_s << u"client-key"_s;
}

void tst_Credentials::staticCredentialErrors()
{
    QFETCH(QString, tokenFile);
    QFETCH(QString, certFile);
    QFETCH(QByteArray, certData);
    QFETCH(QString, keyFile);
    QFETCH(QString, code);
    QFETCH(QString, mentions);

    // Given a user whose static credential is incomplete or points at missing files
    writeFile(m_dir.filePath(u"static-ok/u.crt"_s), kFakeCertPem);
    writeFile(m_dir.filePath(u"static-ok/u.key"_s), kFakeKeyPem);
    const auto absolute
            = [this](const QString &rel) { return rel.isEmpty() ? rel : m_dir.filePath(rel); };
    UserEntry user;
    user.name = u"bob"_s;
    user.sourceFile = u"/home/bob/.kube/config"_s;
    user.tokenFile = absolute(tokenFile);
    user.clientCertificate = absolute(certFile);
    user.clientCertificateData = certData;
    user.clientKey = absolute(keyFile);

    // When the static credential is built
    const Result<Credential> credential = staticCredential(user);

    // Then it fails with the code and a message naming the user or the file
    QVERIFY(!credential);
    QCOMPARE(credential.error().code, code);
    QVERIFY2(credential.error().message.contains(mentions), qPrintable(credential.error().message));
}

// ---------------------------------------------------------------------------------------------
// tlsConfigFor

void tst_Credentials::tlsConfig_data()
{
    QTest::addColumn<QByteArray>("caData");
    QTest::addColumn<bool>("caFile");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QByteArray>("expectedCa");

    const QByteArray fileCa = "-----BEGIN CERTIFICATE-----\nFROM FILE\n-----END CERTIFICATE-----\n";
    QTest::newRow("system trust store")
            << QByteArray() << false << false << QString() << QByteArray();
    QTest::newRow("CA file") << QByteArray() << true << false << QString() << fileCa;
    QTest::newRow("CA data wins over file")
            << kFakeCaPem << true << false << QString() << kFakeCaPem;
    QTest::newRow("CA data, tls-server-name")
            << kFakeCaPem << false << false << u"kubernetes.default.svc"_s << kFakeCaPem;
    QTest::newRow("insecure") << QByteArray() << false << true << QString() << QByteArray();
}

void tst_Credentials::tlsConfig()
{
    QFETCH(QByteArray, caData);
    QFETCH(bool, caFile);
    QFETCH(bool, insecure);
    QFETCH(QString, serverName);
    QFETCH(QByteArray, expectedCa);

    // Given a cluster's TLS fields
    ResolvedContext context;
    context.cluster.server = u"https://c"_s;
    context.cluster.certificateAuthorityData = caData;
    if (caFile) {
        context.cluster.certificateAuthority
                = writeFile(m_dir.filePath(u"tls/ca.crt"_s),
                            "-----BEGIN CERTIFICATE-----\nFROM FILE\n-----END CERTIFICATE-----\n");
    }
    context.cluster.insecureSkipTlsVerify = insecure;
    context.cluster.tlsServerName = serverName;

    // When the TLS configuration is built
    const Result<Net::TlsConfig> tls = tlsConfigFor(context);

    // Then it carries them through, the CA data winning over the file
    QVERIFY2(tls, why(tls).constData());
    QCOMPARE(tls->caPem, expectedCa);
    QCOMPARE(tls->insecureSkipVerify, insecure);
    QCOMPARE(tls->serverName, serverName);
    QVERIFY(tls->clientCertPem.isEmpty());
}

void tst_Credentials::tlsConfigMissingCaFile()
{
    // Given a certificate-authority path that does not exist
    ResolvedContext context;
    context.cluster.server = u"https://c"_s;
    context.cluster.certificateAuthority = m_dir.filePath(u"tls/missing-ca.crt"_s);

    // When the TLS configuration is built, Then it fails naming the file
    const Result<Net::TlsConfig> tls = tlsConfigFor(context);
    QVERIFY(!tls);
    QCOMPARE(tls.error().code, u"Unreadable"_s);
    QVERIFY2(tls.error().message.contains(context.cluster.certificateAuthority),
             qPrintable(tls.error().message));
    QVERIFY2(tls.error().message.contains(u"certificate-authority"_s),
             qPrintable(tls.error().message));
}

// ---------------------------------------------------------------------------------------------
// resolveExecCommand / execSearchPath

void tst_Credentials::resolveExecCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expected"); // relative to the test folder; empty = not found

    QTest::newRow("relative path from the kubeconfig's folder")
            << u"bin/kube-plugin"_s << u"kubeconfigs/bin/kube-plugin"_s;
    QTest::newRow("dot-slash") << u"./local-plugin"_s << u"kubeconfigs/local-plugin"_s;
    QTest::newRow("parent folder") << u"../shared/shared-plugin"_s << u"shared/shared-plugin"_s;
    QTest::newRow("relative path, missing") << u"bin/nope"_s << QString();
    QTest::newRow("relative path, not executable") << u"bin/not-executable"_s << QString();
    QTest::newRow("bare name, first search folder wins")
            << u"both-plugin"_s << u"path1/both-plugin"_s;
    QTest::newRow("bare name, second search folder")
            << u"second-plugin"_s << u"path2/second-plugin"_s;
    QTest::newRow("bare name is not looked up in the kubeconfig's folder")
            << u"local-plugin"_s << QString();
    QTest::newRow("bare name, missing") << u"gke-gcloud-auth-plugin-nope"_s << QString();
}

void tst_Credentials::resolveExecCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, expected);

    // Given plugins beside a kubeconfig and in two search folders
    QTemporaryDir dir;
    const QByteArray script = "#!/bin/sh\nexit 0\n";
    writeFile(dir.filePath(u"kubeconfigs/bin/kube-plugin"_s), script, true);
    writeFile(dir.filePath(u"kubeconfigs/bin/not-executable"_s), script, false);
    writeFile(dir.filePath(u"kubeconfigs/local-plugin"_s), script, true);
    writeFile(dir.filePath(u"shared/shared-plugin"_s), script, true);
    writeFile(dir.filePath(u"path1/both-plugin"_s), script, true);
    writeFile(dir.filePath(u"path2/both-plugin"_s), script, true);
    writeFile(dir.filePath(u"path2/second-plugin"_s), script, true);
    ExecConfig exec;
    exec.command = command;
    exec.baseDir = dir.filePath(u"kubeconfigs"_s);
    const QStringList searchPath{dir.filePath(u"path1"_s), dir.filePath(u"path2"_s)};

    // When the command is resolved
    const QString resolved = Kube::resolveExecCommand(exec, searchPath);

    // Then it is an absolute path to the plugin (not necessarily clean), or empty
    if (expected.isEmpty()) {
        QCOMPARE(resolved, QString());
        return;
    }
    QVERIFY2(QFileInfo(resolved).isAbsolute(), qPrintable(resolved));
    QCOMPARE(QFileInfo(resolved).canonicalFilePath(),
             QFileInfo(dir.filePath(expected)).canonicalFilePath());
}

void tst_Credentials::execSearchPathHasInstallerFolders()
{
    // Given a PATH as a desktop session might have it
    const QByteArray savedPath = qgetenv("PATH");
    qputenv("PATH", "/opt/custom/bin:/usr/local/bin");
    const QString home = u"/home/operator"_s;

    // When the search path is built
    const QStringList dirs = execSearchPath(home);
    qputenv("PATH", savedPath);

    // Then PATH comes first, then the folders installers use, each once
    QCOMPARE(dirs.value(0), u"/opt/custom/bin"_s);
    QCOMPARE(dirs.value(1), u"/usr/local/bin"_s);
    QVERIFY(dirs.contains(u"/home/operator/google-cloud-sdk/bin"_s));
    QVERIFY(dirs.contains(u"/home/operator/.local/bin"_s));
    QCOMPARE(dirs.count(u"/usr/local/bin"_s), 1);
    QCOMPARE(QSet<QString>(dirs.begin(), dirs.end()).size(), dirs.size());
}

// ---------------------------------------------------------------------------------------------
// ExecCredentialProvider

void tst_Credentials::pluginRoundTrip_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::newRow("v1") << kV1;
    QTest::newRow("v1beta1") << kV1beta1;
}

void tst_Credentials::pluginRoundTrip()
{
    QFETCH(QString, apiVersion);

    // Given a user whose plugin is a relative path from its kubeconfig's folder, with args and env
    QTemporaryDir dir;
    const QString infoFile = dir.filePath(u"exec-info.json"_s);
    ResolvedContext context = execContext(u"round-trip"_s, u"plugins/echo-plugin"_s, apiVersion);
    context.user.exec->baseDir = m_dir.path();
    context.user.exec->args = QStringList{u"--audience"_s, u"two words"_s};
    setEnv(context, u"PLUGIN_TOKEN"_s, u"from-env"_s);
    setEnv(context, u"PLUGIN_INFO_FILE"_s, infoFile);
    const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(3600);
    setEnv(context, u"PLUGIN_EXPIRY"_s, rfc3339(expiry));
    ExecCredentialProvider provider;

    // When a credential is obtained
    const Result<Credential> credential = obtainAndWait(provider, context);

    // Then the plugin ran once, answered in the apiVersion it was given, with the env's token
    QVERIFY2(credential, why(credential).constData());
    QCOMPARE(provider.runsStarted(), 1);
    QCOMPARE(credential->token, u"from-env-1"_s);
    QCOMPARE(rfc3339(credential->expiry), rfc3339(expiry));

    // and it saw KUBERNETES_EXEC_INFO without cluster info, and its args intact
    QFile info(infoFile);
    QVERIFY(info.open(QIODevice::ReadOnly));
    const QJsonObject execInfo = QJsonDocument::fromJson(info.readAll()).object();
    QCOMPARE(execInfo.value(u"apiVersion"_s).toString(), apiVersion);
    QCOMPARE(execInfo.value(u"kind"_s).toString(), u"ExecCredential"_s);
    QCOMPARE(execInfo.value(u"spec"_s).toObject().value(u"interactive"_s), QJsonValue(false));
    QVERIFY(!execInfo.value(u"spec"_s).toObject().contains(u"cluster"_s));
    QFile args(infoFile + u".args"_s);
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(args.readAll(), QByteArray("--audience\ntwo words\n"));
}

void tst_Credentials::pluginReceivesClusterInfo()
{
    // Given provideClusterInfo and a cluster with every field the plugin may see
    QTemporaryDir dir;
    const QString infoFile = dir.filePath(u"exec-info.json"_s);
    ResolvedContext context = execContext(u"cluster-info"_s, m_plugin, kV1beta1);
    context.user.exec->provideClusterInfo = true;
    context.cluster.tlsServerName = u"api.internal"_s;
    context.cluster.insecureSkipTlsVerify = true;
    context.cluster.certificateAuthorityData = kFakeCaPem;
    context.cluster.proxyUrl = u"http://proxy:3128"_s;
    context.cluster.disableCompression = true;
    context.cluster.execExtension = QJsonObject{{u"audience"_s, u"sts"_s}};
    setEnv(context, u"PLUGIN_INFO_FILE"_s, infoFile);
    ExecCredentialProvider provider;

    // When a credential is obtained
    const Result<Credential> credential = obtainAndWait(provider, context);
    QVERIFY2(credential, why(credential).constData());

    // Then spec.cluster carries them, the CA base64-encoded and the extension as config
    QFile info(infoFile);
    QVERIFY(info.open(QIODevice::ReadOnly));
    const QJsonObject cluster = QJsonDocument::fromJson(info.readAll())
                                        .object()
                                        .value(u"spec"_s)
                                        .toObject()
                                        .value(u"cluster"_s)
                                        .toObject();
    QCOMPARE(cluster.value(u"server"_s).toString(), u"https://c1.example:6443"_s);
    QCOMPARE(cluster.value(u"tls-server-name"_s).toString(), u"api.internal"_s);
    QCOMPARE(cluster.value(u"insecure-skip-tls-verify"_s), QJsonValue(true));
    QCOMPARE(cluster.value(u"certificate-authority-data"_s).toString(),
             QString::fromLatin1(kFakeCaPem.toBase64()));
    QCOMPARE(cluster.value(u"proxy-url"_s).toString(), u"http://proxy:3128"_s);
    QCOMPARE(cluster.value(u"disable-compression"_s), QJsonValue(true));
    QCOMPARE(cluster.value(u"config"_s).toObject(), (QJsonObject{{u"audience"_s, u"sts"_s}}));
}

void tst_Credentials::pluginFoundThroughSearchPath()
{
    // Given a bare command name that lives only in a folder of the search path
    QTemporaryDir dir;
    writeFile(dir.filePath(u"sdk/bin/fake-auth-plugin"_s), kEchoPlugin, true);
    ResolvedContext context = execContext(u"bare"_s, u"fake-auth-plugin"_s);
    ExecCredentialProvider provider;
    provider.setSearchPath(QStringList{dir.filePath(u"sdk/bin"_s)} + execSearchPath(dir.path()));

    // When a credential is obtained, Then the plugin is found and runs
    const Result<Credential> credential = obtainAndWait(provider, context);
    QVERIFY2(credential, why(credential).constData());
    QCOMPARE(credential->token, u"token-1"_s);
}

void tst_Credentials::cachedUntilExpiry()
{
    // Given a plugin whose token expires in an hour
    QTemporaryDir dir;
    ResolvedContext context = execContext(u"cached"_s, m_plugin);
    setEnv(context, u"PLUGIN_COUNTER"_s, dir.filePath(u"runs"_s));
    setEnv(context, u"PLUGIN_EXPIRY"_s, rfc3339(QDateTime::currentDateTimeUtc().addSecs(3600)));
    ExecCredentialProvider provider;
    const Result<Credential> first = obtainAndWait(provider, context);
    QVERIFY2(first, why(first).constData());

    // When a second credential is asked for
    bool calledAtOnce = false;
    std::optional<Result<Credential>> second;
    QObject guard;
    provider.obtain(context, &guard, [&](const Result<Credential> &result) {
        calledAtOnce = true;
        second = result;
    });

    // Then it is served from the cache, synchronously, without another run
    QVERIFY(calledAtOnce);
    QVERIFY(second.has_value());
    QVERIFY2(*second, why(*second).constData());
    QCOMPARE((*second)->token, u"token-1"_s);
    QCOMPARE(provider.runsStarted(), 1);

    // and a plugin without expirationTimestamp is cached for good
    ResolvedContext noExpiry = execContext(u"forever"_s, m_plugin);
    setEnv(noExpiry, u"PLUGIN_COUNTER"_s, dir.filePath(u"runs-forever"_s));
    QVERIFY(obtainAndWait(provider, noExpiry));
    QVERIFY(obtainAndWait(provider, noExpiry));
    QCOMPARE(provider.runsStarted(), 2);
}

void tst_Credentials::expiredOrNearExpiryTokenReruns_data()
{
    QTest::addColumn<int>("expiresInSeconds");
    QTest::newRow("already expired") << -60;
    QTest::newRow("expires in 3 s") << 3;
}

void tst_Credentials::expiredOrNearExpiryTokenReruns()
{
    QFETCH(int, expiresInSeconds);

    // Given a plugin whose token is expired or about to be
    QTemporaryDir dir;
    ResolvedContext context = execContext(u"expiring"_s, m_plugin);
    setEnv(context, u"PLUGIN_COUNTER"_s, dir.filePath(u"runs"_s));
    setEnv(context,
           u"PLUGIN_EXPIRY"_s,
           rfc3339(QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds)));
    ExecCredentialProvider provider;
    const Result<Credential> first = obtainAndWait(provider, context);
    QVERIFY2(first, why(first).constData());
    QCOMPARE(first->token, u"token-1"_s);

    // When another credential is asked for
    const Result<Credential> second = obtainAndWait(provider, context);

    // Then the plugin runs again and the new token is handed out
    QVERIFY2(second, why(second).constData());
    QCOMPARE(provider.runsStarted(), 2);
    QCOMPARE(second->token, u"token-2"_s);
}

void tst_Credentials::concurrentObtainStartsOneRun()
{
    // Given a plugin that has not run yet
    QTemporaryDir dir;
    ResolvedContext context = execContext(u"concurrent"_s, m_plugin);
    setEnv(context, u"PLUGIN_COUNTER"_s, dir.filePath(u"runs"_s));
    ExecCredentialProvider provider;

    // When two callers ask for the same user before the plugin has answered
    QStringList tokens;
    QObject guard; // the callbacks write to locals
    for (int i = 0; i < 2; ++i) {
        provider.obtain(context, &guard, [&tokens](const Result<Credential> &result) {
            tokens.append(result ? result->token : describe(result.error()));
        });
    }
    QCOMPARE(provider.runsStarted(), 1);

    // Then one run answers both
    QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 2, 10000);
    QCOMPARE(tokens, (QStringList{u"token-1"_s, u"token-1"_s}));
    QCOMPARE(provider.runsStarted(), 1);
    QFile runs(dir.filePath(u"runs"_s));
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QCOMPARE(runs.readAll(), QByteArray("run\n"));
}

void tst_Credentials::differentUsersRunSeparately()
{
    // Given two users with the same plugin but different args
    QTemporaryDir dir;
    ResolvedContext a = execContext(u"same-user"_s, m_plugin);
    setEnv(a, u"PLUGIN_TOKEN"_s, u"a"_s);
    ResolvedContext b = a;
    b.user.exec->args = QStringList{u"--other"_s};
    b.user.exec->env = {{u"PLUGIN_TOKEN"_s, u"b"_s}};
    ExecCredentialProvider provider;

    // When both ask at once
    QStringList tokens;
    const auto collect = [&tokens](const Result<Credential> &result) {
        tokens.append(result ? result->token : describe(result.error()));
    };
    QObject guard; // the callbacks write to locals
    provider.obtain(a, &guard, collect);
    provider.obtain(b, &guard, collect);

    // Then each gets its own run and token
    QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 2, 10000);
    tokens.sort();
    QCOMPARE(tokens, (QStringList{u"a-1"_s, u"b-1"_s}));
    QCOMPARE(provider.runsStarted(), 2);
}

void tst_Credentials::invalidateForcesARerun()
{
    // Given a cached credential that does not expire
    QTemporaryDir dir;
    ResolvedContext context = execContext(u"invalidated"_s, m_plugin);
    setEnv(context, u"PLUGIN_COUNTER"_s, dir.filePath(u"runs"_s));
    ExecCredentialProvider provider;
    QVERIFY(obtainAndWait(provider, context));
    QCOMPARE(provider.runsStarted(), 1);

    // When the server said 401 and the credential is invalidated
    provider.invalidate(context);
    const Result<Credential> again = obtainAndWait(provider, context);

    // Then the plugin runs again
    QVERIFY2(again, why(again).constData());
    QCOMPARE(again->token, u"token-2"_s);
    QCOMPARE(provider.runsStarted(), 2);

    // and invalidating a user that never ran (or has no exec) is harmless
    provider.invalidate(execContext(u"never-ran"_s, m_plugin));
    provider.invalidate(ResolvedContext());
}

void tst_Credentials::pluginFailureCarriesStderr()
{
    // Given a plugin that complains on stderr and exits 3
    QTemporaryDir dir;
    const QString plugin
            = writeFile(dir.filePath(u"failing-plugin"_s),
                        "#!/bin/sh\necho 'partial output'\necho 'ERROR: Reauthentication required; "
                        "run gcloud auth login' >&2\nexit 3\n",
                        true);
    ExecCredentialProvider provider;

    // When a credential is obtained
    const Result<Credential> credential
            = obtainAndWait(provider, execContext(u"failing"_s, plugin));

    // Then it fails with the exit code and the plugin's own words, naming the user
    QVERIFY(!credential);
    QCOMPARE(credential.error().code, u"ExecPluginFailed"_s);
    const QString message = credential.error().message;
    QVERIFY2(message.contains(u"ERROR: Reauthentication required; run gcloud auth login"_s),
             qPrintable(message));
    QVERIFY2(message.contains(u"exit code 3"_s), qPrintable(message));
    QVERIFY2(message.contains(u"\"failing\""_s), qPrintable(message));
    QVERIFY2(message.contains(plugin), qPrintable(message));

    // and nothing is cached: the next call runs it again
    QVERIFY(!obtainAndWait(provider, execContext(u"failing"_s, plugin)));
    QCOMPARE(provider.runsStarted(), 2);
}

void tst_Credentials::pluginWithBadOutput_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("not JSON") << QByteArray("#!/bin/sh\necho 'Opening browser...'\n")
                              << u"not an ExecCredential JSON object"_s;
    QTest::newRow("answers in another apiVersion")
            << QByteArray("#!/bin/sh\n"
                          "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                          "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\"}}'\n")
            << u"but was asked for \"client.authentication.k8s.io/v1\""_s;
}

void tst_Credentials::pluginWithBadOutput()
{
    QFETCH(QByteArray, script);
    QFETCH(QString, mentions);

    // Given a plugin that exits 0 with output that is not a valid ExecCredential
    QTemporaryDir dir;
    const QString plugin = writeFile(dir.filePath(u"bad-plugin"_s), script, true);
    ExecCredentialProvider provider;

    // When a credential is obtained
    const Result<Credential> credential = obtainAndWait(provider, execContext(u"bad"_s, plugin));

    // Then it fails, naming the plugin and what is wrong with its answer
    QVERIFY(!credential);
    QCOMPARE(credential.error().code, u"ExecPluginFailed"_s);
    QVERIFY2(credential.error().message.contains(mentions), qPrintable(credential.error().message));
    QVERIFY2(credential.error().message.contains(plugin), qPrintable(credential.error().message));
}

void tst_Credentials::missingPluginShowsInstallHint()
{
    // Given a plugin that is nowhere on the search path, with an installHint
    QTemporaryDir dir;
    ResolvedContext context
            = execContext(u"gke-user"_s, u"gke-gcloud-auth-plugin-missing"_s, kV1beta1);
    context.user.exec->installHint
            = u"Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin"_s;
    ExecCredentialProvider provider;
    provider.setSearchPath({dir.path()});

    // When a credential is obtained
    const Result<Credential> credential = obtainAndWait(provider, context);

    // Then it says which plugin, where it looked, and how to install it; nothing was started
    QVERIFY(!credential);
    QCOMPARE(credential.error().code, u"ExecPluginNotFound"_s);
    const QString message = credential.error().message;
    QVERIFY2(message.contains(u"\"gke-gcloud-auth-plugin-missing\""_s), qPrintable(message));
    QVERIFY2(message.contains(dir.path()), qPrintable(message));
    QVERIFY2(message.contains(context.user.exec->installHint), qPrintable(message));
    QCOMPARE(provider.runsStarted(), 0);

    // and a relative path that does not exist is "not found" too
    ResolvedContext relative = execContext(u"rel"_s, u"bin/absent"_s);
    relative.user.exec->baseDir = dir.path();
    const Result<Credential> missing = obtainAndWait(provider, relative);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, u"ExecPluginNotFound"_s);
}

void tst_Credentials::interactiveAlwaysIsRefused()
{
    // Given a plugin (that exists and would work) marked interactiveMode: Always
    ResolvedContext context = execContext(u"interactive"_s, m_plugin);
    context.user.exec->interactiveMode = u"Always"_s;
    ExecCredentialProvider provider;

    // When a credential is obtained
    const Result<Credential> credential = obtainAndWait(provider, context);

    // Then it is refused without running, saying why
    QVERIFY(!credential);
    QCOMPARE(credential.error().code, u"ExecPluginFailed"_s);
    QVERIFY2(credential.error().message.contains(u"interactiveMode: Always"_s),
             qPrintable(credential.error().message));
    QCOMPARE(provider.runsStarted(), 0);

    // and IfAvailable runs (without a terminal)
    context.user.exec->interactiveMode = u"IfAvailable"_s;
    QVERIFY(obtainAndWait(provider, context));
    QCOMPARE(provider.runsStarted(), 1);
}

void tst_Credentials::hangingPluginIsKilled()
{
    // Given a plugin that never answers and a 300 ms timeout
    QTemporaryDir dir;
    const QString plugin
            = writeFile(dir.filePath(u"hanging-plugin"_s), "#!/bin/sh\nexec sleep 30\n", true);
    ExecCredentialProvider provider;
    provider.setTimeout(300);

    // When a credential is obtained
    QElapsedTimer elapsed;
    elapsed.start();
    const Result<Credential> credential
            = obtainAndWait(provider, execContext(u"hanging"_s, plugin));

    // Then it is killed after the timeout and the message says so in seconds that make sense
    QVERIFY(!credential);
    QVERIFY2(elapsed.elapsed() >= 250 && elapsed.elapsed() < 5000,
             qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(credential.error().code, u"ExecPluginFailed"_s);
    const QString message = credential.error().message;
    QVERIFY2(message.contains(u"did not answer within 0.3 s"_s), qPrintable(message));
    QVERIFY2(message.contains(plugin), qPrintable(message));
    QVERIFY2(message.contains(u"\"hanging\""_s), qPrintable(message));
}

void tst_Credentials::deadReceiverIsNotCalled()
{
    // Given a caller that goes away while the plugin runs
    ResolvedContext context = execContext(u"dead-receiver"_s, m_plugin);
    ExecCredentialProvider provider;
    bool deadCalled = false;
    {
        QObject receiver;
        provider.obtain(context, &receiver, [&deadCalled](const Result<Credential> &) {
            deadCalled = true;
        });
    }

    // When the plugin answers (another caller waits for the same run)
    const Result<Credential> credential = obtainAndWait(provider, context);

    // Then only the live caller is called back
    QVERIFY2(credential, why(credential).constData());
    QVERIFY(!deadCalled);
    QCOMPARE(provider.runsStarted(), 1);
}

void tst_Credentials::destroyingTheProviderKillsThePlugin()
{
    // Given a hanging plugin that is running
    QTemporaryDir dir;
    const QString plugin
            = writeFile(dir.filePath(u"hanging-plugin"_s), "#!/bin/sh\nexec sleep 30\n", true);
    bool called = false;
    QElapsedTimer elapsed;
    elapsed.start();
    {
        ExecCredentialProvider provider;
        provider.obtain(execContext(u"hanging"_s, plugin),
                        this,
                        [&called](const Result<Credential> &) { called = true; });
        QTest::qWait(100);
        QCOMPARE(provider.runsStarted(), 1);
        // When the provider is destroyed
    }

    // Then it does not wait the plugin out, and nobody is called back afterwards
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QTest::qWait(50);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(tst_Credentials)

#include "tst_credentials.moc"

#include "credentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>

namespace Meridian::Kube {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Kube", text);
}

Result<QByteArray> readSmallFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<QByteArray>::failure(QStringLiteral("Unreadable"),
                                           tr("Cannot read %1 %2: %3")
                                                   .arg(what, path, file.errorString()));
    }
    return file.read(1 << 20);
}

} // namespace

Result<Net::TlsConfig> tlsConfigFor(const ResolvedContext &context)
{
    const ClusterEntry &c = context.cluster;
    Net::TlsConfig tls;
    tls.insecureSkipVerify = c.insecureSkipTlsVerify;
    tls.serverName = c.tlsServerName;
    if (!c.certificateAuthorityData.isEmpty()) {
        tls.caPem = c.certificateAuthorityData;
    } else if (!c.certificateAuthority.isEmpty()) {
        auto ca = readSmallFile(c.certificateAuthority, tr("certificate-authority"));
        if (!ca)
            return ca.error();
        tls.caPem = *ca;
    }
    return tls;
}

Result<Credential> staticCredential(const UserEntry &user)
{
    Credential credential;
    if (!user.token.isEmpty()) {
        credential.token = user.token;
    } else if (!user.tokenFile.isEmpty()) {
        auto token = readSmallFile(user.tokenFile, tr("tokenFile"));
        if (!token)
            return token.error();
        credential.token = QString::fromUtf8(token->trimmed());
    }
    credential.clientCertPem = user.clientCertificateData;
    if (credential.clientCertPem.isEmpty() && !user.clientCertificate.isEmpty()) {
        auto cert = readSmallFile(user.clientCertificate, tr("client-certificate"));
        if (!cert)
            return cert.error();
        credential.clientCertPem = *cert;
    }
    credential.clientKeyPem = user.clientKeyData;
    if (credential.clientKeyPem.isEmpty() && !user.clientKey.isEmpty()) {
        auto key = readSmallFile(user.clientKey, tr("client-key"));
        if (!key)
            return key.error();
        credential.clientKeyPem = *key;
    }
    if (credential.clientCertPem.isEmpty() != credential.clientKeyPem.isEmpty()) {
        return Result<Credential>::failure(QStringLiteral("InvalidKubeconfig"),
                                           tr("User \"%1\" (%2) has a client certificate without "
                                              "its key, or a key without its "
                                              "certificate")
                                                   .arg(user.name, user.sourceFile));
    }
    return credential;
}

QStringList execSearchPath(const QString &homeDir)
{
    QStringList dirs
            = qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    const QDir home(homeDir);
    for (const QString &extra : {home.filePath(QStringLiteral("google-cloud-sdk/bin")),
                                 QStringLiteral("/usr/local/bin"),
                                 home.filePath(QStringLiteral(".local/bin")),
                                 home.filePath(QStringLiteral("bin")),
                                 home.filePath(QStringLiteral(".krew/bin")),
                                 QStringLiteral("/usr/lib/google-cloud-sdk/bin"),
                                 QStringLiteral("/snap/bin"),
                                 QStringLiteral("/opt/homebrew/bin"),
                                 QStringLiteral("/usr/bin"),
                                 QStringLiteral("/bin")}) {
        if (!dirs.contains(extra))
            dirs.append(extra);
    }
    return dirs;
}

QString resolveExecCommand(const ExecConfig &exec, const QStringList &searchPath)
{
    if (exec.command.contains(u'/')) {
        // As client-go: a path with a separator is relative to the kubeconfig's folder.
        const QString path = QDir(exec.baseDir).absoluteFilePath(exec.command);
        return QFileInfo(path).isExecutable() ? path : QString();
    }
    return QStandardPaths::findExecutable(exec.command, searchPath);
}

Result<Credential> parseExecCredential(const QByteArray &output, const QString &apiVersion)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(output, &error);
    if (doc.isNull() || !doc.isObject()) {
        return Result<Credential>::failure(
                QStringLiteral("ExecPluginFailed"),
                tr("the plugin's output is not an ExecCredential JSON object (%1 at offset %2)")
                        .arg(error.errorString())
                        .arg(error.offset));
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("kind")).toString() != QLatin1String("ExecCredential")) {
        return Result<Credential>::failure(
                QStringLiteral("ExecPluginFailed"),
                tr("the plugin's output has kind \"%1\", not ExecCredential")
                        .arg(root.value(QLatin1String("kind")).toString()));
    }
    const QString gotVersion = root.value(QLatin1String("apiVersion")).toString();
    if (gotVersion != apiVersion) {
        return Result<Credential>::failure(
                QStringLiteral("ExecPluginFailed"),
                tr("the plugin answered with apiVersion \"%1\" but was asked for \"%2\"")
                        .arg(gotVersion, apiVersion));
    }
    const QJsonObject status = root.value(QLatin1String("status")).toObject();
    Credential credential;
    credential.token = status.value(QLatin1String("token")).toString();
    credential.clientCertPem
            = status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    credential.clientKeyPem = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    const QString expiry = status.value(QLatin1String("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        credential.expiry = QDateTime::fromString(expiry, Qt::ISODateWithMs);
        // RFC 3339 requires a zone; without one Qt would guess local time.
        if (!credential.expiry.isValid() || credential.expiry.timeSpec() == Qt::LocalTime) {
            return Result<Credential>::failure(
                    QStringLiteral("ExecPluginFailed"),
                    tr("status.expirationTimestamp \"%1\" is not RFC 3339").arg(expiry));
        }
    }
    if (credential.token.isEmpty() && credential.clientCertPem.isEmpty()) {
        return Result<Credential>::failure(
                QStringLiteral("ExecPluginFailed"),
                tr("the ExecCredential has neither status.token nor status.clientCertificateData"));
    }
    if (credential.clientCertPem.isEmpty() != credential.clientKeyPem.isEmpty()) {
        return Result<Credential>::failure(QStringLiteral("ExecPluginFailed"),
                                           tr("the ExecCredential must carry clientCertificateData "
                                              "and clientKeyData together"));
    }
    return credential;
}

// ---------------------------------------------------------------------------------------------

ExecCredentialProvider::ExecCredentialProvider(QObject *parent)
    : QObject(parent)
    , m_searchPath(execSearchPath(QDir::homePath()))
{}

ExecCredentialProvider::~ExecCredentialProvider()
{
    for (Entry &entry : m_entries) {
        if (entry.process) {
            entry.process->disconnect(this);
            entry.process->kill();
            entry.process->waitForFinished(1000);
        }
    }
}

QString ExecCredentialProvider::keyFor(const ResolvedContext &context)
{
    const ExecConfig &exec = *context.user.exec;
    // Same user, same plugin invocation, same cluster info → same credential.
    return context.user.sourceFile + u'\x1f' + context.user.name + u'\x1f' + exec.command + u'\x1f'
           + exec.args.join(u'\x1f')
           + (exec.provideClusterInfo ? u'\x1f' + context.cluster.server : QString());
}

void ExecCredentialProvider::obtain(const ResolvedContext &context,
                                    QObject *receiver,
                                    Callback callback)
{
    if (!context.user.exec) {
        callback(Result<Credential>::failure(QStringLiteral("Internal"),
                                             tr("no exec plugin configured")));
        return;
    }
    const QString key = keyFor(context);
    Entry &entry = m_entries[key];
    if (entry.cached) {
        const QDateTime &expiry = entry.cached->expiry;
        // Refresh a little early so a request never goes out with a token about to lapse.
        if (!expiry.isValid() || expiry > QDateTime::currentDateTimeUtc().addSecs(10)) {
            callback(*entry.cached);
            return;
        }
        entry.cached.reset();
    }
    entry.waiters.append({receiver, std::move(callback)});
    if (!entry.process)
        start(key, context);
}

void ExecCredentialProvider::invalidate(const ResolvedContext &context)
{
    if (!context.user.exec)
        return;
    auto it = m_entries.find(keyFor(context));
    if (it != m_entries.end())
        it->cached.reset();
}

void ExecCredentialProvider::start(const QString &key, const ResolvedContext &context)
{
    const ExecConfig &exec = *context.user.exec;
    const QString userLabel
            = tr("user \"%1\" (%2)").arg(context.user.name, context.user.sourceFile);

    if (exec.interactiveMode == QLatin1String("Always")) {
        complete(key,
                 Result<Credential>::failure(
                         QStringLiteral("ExecPluginFailed"),
                         tr("The exec plugin of %1 has interactiveMode: Always, so it needs a "
                            "terminal; Meridian runs plugins without one. Run it once in a "
                            "terminal or change interactiveMode to IfAvailable.")
                                 .arg(userLabel)));
        return;
    }
    const QString program = resolveExecCommand(exec, m_searchPath);
    if (program.isEmpty()) {
        QString message
                = tr("The exec plugin \"%1\" of %2 was not found (looked in: %3).")
                          .arg(exec.command, userLabel, m_searchPath.join(QLatin1String(", ")));
        if (!exec.installHint.isEmpty())
            message += u' ' + exec.installHint;
        complete(key, Result<Credential>::failure(QStringLiteral("ExecPluginNotFound"), message));
        return;
    }

    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo) {
        const ClusterEntry &c = context.cluster;
        QJsonObject cluster{{QStringLiteral("server"), c.server}};
        if (!c.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), c.tlsServerName);
        if (c.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!c.certificateAuthorityData.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(c.certificateAuthorityData.toBase64()));
        if (!c.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), c.proxyUrl);
        if (c.disableCompression)
            cluster.insert(QStringLiteral("disable-compression"), true);
        if (!c.execExtension.isEmpty())
            cluster.insert(QStringLiteral("config"), c.execExtension);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("apiVersion"), exec.apiVersion},
                           {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("spec"), spec}};

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), m_searchPath.join(QDir::listSeparator()));
    for (const ExecEnvVar &var : exec.env)
        env.insert(var.name, var.value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));

    auto *process = new QProcess(this);
    process->setProgram(program);
    process->setArguments(exec.args);
    process->setProcessEnvironment(env);
    process->setStandardInputFile(QProcess::nullDevice());
    m_entries[key].process = process;
    ++m_runsStarted;

    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process] { process->kill(); });
    timer->start(m_timeoutMs);

    const QString apiVersion = exec.apiVersion;
    const int timeoutMs = m_timeoutMs;
    connect(process,
            &QProcess::finished,
            this,
            [this, key, process, timer, program, apiVersion, userLabel, timeoutMs](
                    int code, QProcess::ExitStatus status) {
                const bool timedOut = !timer->isActive();
                timer->stop();
                const QByteArray out = process->readAllStandardOutput();
                const QString err = QString::fromUtf8(process->readAllStandardError()).trimmed();
                process->deleteLater();
                m_entries[key].process = nullptr;
                if (timedOut) {
                    complete(key,
                             Result<Credential>::failure(
                                     QStringLiteral("ExecPluginFailed"),
                                     tr("The exec plugin %1 of %2 did not answer within %3 s.")
                                             .arg(program, userLabel)
                                             .arg(timeoutMs / 1000.0)));
                    return;
                }
                if (status != QProcess::NormalExit || code != 0) {
                    complete(key,
                             Result<Credential>::failure(
                                     QStringLiteral("ExecPluginFailed"),
                                     tr("The exec plugin %1 of %2 failed (exit code %3): %4")
                                             .arg(program, userLabel)
                                             .arg(code)
                                             .arg(err.isEmpty() ? tr("no message")
                                                                : err.left(2000))));
                    return;
                }
                Result<Credential> parsed = parseExecCredential(out, apiVersion);
                if (!parsed) {
                    complete(key,
                             Error{parsed.error().code,
                                   tr("The exec plugin %1 of %2: %3")
                                           .arg(program, userLabel, parsed.error().message)});
                    return;
                }
                complete(key, parsed);
            });
    connect(process,
            &QProcess::errorOccurred,
            this,
            [this, key, process, program, userLabel](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // finished() follows and reports
                process->deleteLater();
                m_entries[key].process = nullptr;
                complete(key,
                         Result<Credential>::failure(
                                 QStringLiteral("ExecPluginFailed"),
                                 tr("The exec plugin %1 of %2 could not be started: %3")
                                         .arg(program, userLabel, process->errorString())));
            });
    process->start();
}

void ExecCredentialProvider::complete(const QString &key, const Result<Credential> &result)
{
    Entry &entry = m_entries[key];
    if (result)
        entry.cached = *result;
    const QList<Waiter> waiters = std::exchange(entry.waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.receiver)
            waiter.callback(result);
    }
}

} // namespace Meridian::Kube

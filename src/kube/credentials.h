#pragma once

#include "kubeconfig.h"

#include "core/result.h"
#include "net/request.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QProcess;

namespace Meridian::Kube {

// What a request presents: a bearer token and/or a client certificate. Memory only.
struct Credential
{
    QString token;
    QByteArray clientCertPem;
    QByteArray clientKeyPem;
    QDateTime expiry; // invalid = does not expire
};

// The TLS side of a context: CA, insecure flag, server name, and a static client certificate.
Result<Net::TlsConfig> tlsConfigFor(const ResolvedContext &context);

// Credentials that need no plugin: token (wins over tokenFile) and client-certificate files.
Result<Credential> staticCredential(const UserEntry &user);

// Where an exec plugin's command is looked for when it has no slash: PATH, then the folders
// installers use, because a desktop session often does not get the shell's PATH.
QStringList execSearchPath(const QString &homeDir);
QString resolveExecCommand(const ExecConfig &exec, const QStringList &searchPath);

// Runs client.authentication.k8s.io exec plugins on the thread that owns it (never the GUI
// thread): one run per user at a time, results cached until expirationTimestamp.
class ExecCredentialProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecCredentialProvider)

public:
    using Callback = std::function<void(const Result<Credential> &)>;

    explicit ExecCredentialProvider(QObject *parent = nullptr);
    ~ExecCredentialProvider() override;

    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setSearchPath(const QStringList &dirs) { m_searchPath = dirs; }

    // Calls back on this thread, possibly at once (cached). `receiver` guards the callback.
    void obtain(const ResolvedContext &context, QObject *receiver, Callback callback);

    // After a 401: the cached credential is no good, run the plugin next time.
    void invalidate(const ResolvedContext &context);

    int runsStarted() const { return m_runsStarted; }

private:
    struct Waiter
    {
        QPointer<QObject> receiver;
        Callback callback;
    };
    struct Entry
    {
        std::optional<Credential> cached;
        QList<Waiter> waiters;
        QProcess *process = nullptr;
    };

    static QString keyFor(const ResolvedContext &context);
    void start(const QString &key, const ResolvedContext &context);
    void complete(const QString &key, const Result<Credential> &result);

    QHash<QString, Entry> m_entries;
    QStringList m_searchPath;
    int m_timeoutMs = 60000;
    int m_runsStarted = 0;
};

// Parses a plugin's stdout (an ExecCredential) given the apiVersion it was asked for.
Result<Credential> parseExecCredential(const QByteArray &output, const QString &apiVersion);

} // namespace Meridian::Kube

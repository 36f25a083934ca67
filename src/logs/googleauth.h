#pragma once

#include "core/result.h"
#include "net/request.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QProcess;

namespace Meridian::Net {
class Transport;
class Reply;
} // namespace Meridian::Net

namespace Meridian::Logs {

inline constexpr char loggingReadScope[] = "https://www.googleapis.com/auth/logging.read";

// A Google service-account key file (FACTS.md §7.6). Holds a private key: never logged.
struct ServiceAccountKey
{
    QString clientEmail;
    QString privateKeyId;
    QByteArray privateKeyPem;
    QString tokenUri;
    QString projectId;

    // `where` names the file in errors.
    static Result<ServiceAccountKey> parse(const QByteArray &json, const QString &where);
    static Result<ServiceAccountKey> load(const QString &path);
};

// The JWT-bearer assertion: header {"alg":"RS256","typ":"JWT","kid":...}, claims iss, scope,
// aud = token_uri, iat, exp = iat + 3600, signed RSASSA-PKCS1-v1_5 SHA-256 with OpenSSL.
Result<QByteArray> signServiceAccountJwt(const ServiceAccountKey &key,
                                         const QString &scope,
                                         qint64 nowSeconds);

// Where access tokens come from, in the order `auto` tries them: a key file named on the command
// line, $GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth print-access-token`, the metadata server
// ($GCE_METADATA_HOST or metadata.google.internal).
struct CredentialSource
{
    enum class Kind { Auto, ServiceAccountFile, Gcloud, MetadataServer, StaticToken };
    Kind kind = Kind::Auto;
    QString keyFile;    // ServiceAccountFile
    QByteArray keyJson; // the same, held in memory (the demo\'s key never touches the disk)
    QByteArray token;   // StaticToken (tests, MERIDIAN_LOGGING_TOKEN)
    QByteArray caPem;   // trusted for the token endpoint too (the simulator's CA)
    QString gcloudProgram = QStringLiteral("gcloud");
};

// Hands out a Bearer token, cached until shortly before it expires; a new JWT is signed and
// exchanged (service accounts have no refresh token). Lives on the thread of its transport.
class AccessTokenProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessTokenProvider)

public:
    using Callback = std::function<void(const Result<QByteArray> &)>;

    AccessTokenProvider(CredentialSource source,
                        Net::Transport *transport,
                        QObject *parent = nullptr);
    ~AccessTokenProvider() override;

    // Calls back on this thread, at once when a cached token is still good. `receiver` guards it.
    void obtain(QObject *receiver, Callback callback);
    // The last token was refused (401): fetch a new one next time.
    void invalidate();

    // What it resolved to, for messages: "service account meridian-sim@... (key.json)".
    QString description() const { return m_description; }
    // The project of the key file, when there is one.
    QString projectId() const { return m_projectId; }
    int tokensFetched() const { return m_fetched; }

private:
    void fetch();
    void fetchWithKey();
    void fetchWithGcloud();
    void fetchFromMetadata();
    void complete(const Result<QByteArray> &token, qint64 lifetimeSeconds);
    Status resolve();

    CredentialSource m_source;
    QPointer<Net::Transport> m_transport;
    std::optional<ServiceAccountKey> m_key;
    QString m_description;
    QString m_projectId;
    QByteArray m_token;
    QDateTime m_refreshAfter;
    bool m_resolved = false;
    bool m_fetching = false;
    int m_fetched = 0;
    QPointer<Net::Reply> m_reply;
    QPointer<QProcess> m_process;
    struct Waiter
    {
        QPointer<QObject> receiver;
        Callback callback;
    };
    QList<Waiter> m_waiters;
};

// The system's CA bundle followed by `extraPem`: --cacert adds a CA rather than replacing them.
QByteArray trustedCaPem(const QByteArray &extraPem);

} // namespace Meridian::Logs

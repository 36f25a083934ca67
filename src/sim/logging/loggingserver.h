#pragma once

#include "core/result.h"
#include "sim/logging/logsource.h"
#include "sim/logging/serviceaccountkey.h"
#include "sim/router.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrl>

#include <optional>

namespace Meridian::Sim {

class CertificateAuthority;
class HttpConnection;
class LogGenerator;
class SimClock;

// Google Cloud Logging's entries:list and Google's OAuth token endpoint on one HTTPS port of
// 127.0.0.1: POST /v2/entries:list and POST /token. Entries come from the LogGenerator for the
// containers the LogSource names, so Cloud Logging and the pod /log endpoint agree line for line.
// Runs on the thread that creates it and never blocks it: each request examines at most
// Options::scanBudget lines and otherwise answers with a page token, as the real API may.
class LoggingServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoggingServer)

public:
    struct Options
    {
        QString projectId = QStringLiteral("meridian-sim");
        quint64 seed = 1;                // service account ids
        int readRequestsPerMinute = 60;  // entries:list per access token, per real minute
        int scanBudget = 10000;          // lines examined per entries:list request
        int tokenLifetimeSeconds = 3599; // what Google's endpoint answers
        int retentionDays = 30;          // the _Default bucket's retention
    };

    // ca, generator and clock must outlive the server.
    LoggingServer(const CertificateAuthority &ca,
                  const LogGenerator &generator,
                  LogSource source,
                  const SimClock &clock,
                  Options options,
                  QObject *parent = nullptr);
    ~LoggingServer() override;

    // Issues the TLS certificate, generates the service account's RSA key (tens of
    // milliseconds) and listens on 127.0.0.1 on a free port.
    Status start();

    QUrl loggingUrl() const; // "https://127.0.0.1:PORT/", for api_endpoint_overrides/logging
    QUrl tokenUrl() const;   // "https://127.0.0.1:PORT/token", the key file's token_uri
    QString projectId() const;
    QString clientEmail() const;
    // The service-account key file for this endpoint (holds the private key: mode 0600). Empty
    // before start().
    QByteArray serviceAccountKeyJson() const;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpResponse issueToken(const HttpRequest &request);
    HttpResponse listEntries(const HttpRequest &request);
    std::optional<QByteArray> authenticate(const HttpRequest &request);
    bool withinQuota(const QByteArray &token);

    const CertificateAuthority &m_ca;
    const LogGenerator &m_generator;
    LogSource m_source;
    const SimClock &m_clock;
    Options m_options;
    QSslConfiguration m_tls;
    std::optional<ServiceAccountKey> m_key;
    std::optional<JwtVerifier> m_verifier;
    Router m_router;
    QHash<QByteArray, qint64> m_tokenExpiry;        // access token -> real expiry, Unix ms
    QHash<QByteArray, QList<qint64>> m_recentReads; // access token -> request times, real ms
    QElapsedTimer m_realTime;
};

} // namespace Meridian::Sim

#pragma once

#include "googleauth.h"
#include "logquery.h"
#include "logstore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace Meridian::Net {
class Transport;
class Reply;
struct Response;
} // namespace Meridian::Net

namespace Meridian::Logs {

class PageDecoder;

struct CloudLoggingOptions
{
    QUrl endpoint = QUrl(QStringLiteral("https://logging.googleapis.com"));
    QByteArray caPem; // an extra trusted CA (--cacert); the system's stay trusted
    QString project;  // empty: the key file's project_id
    int pageSize = 1000;
    // 429 RESOURCE_EXHAUSTED and 5xx: exponential backoff from initialBackoffMs up to
    // maxBackoffMs, forever for 429 (the quota comes back), maxServerRetries times for 5xx.
    int initialBackoffMs = 1000;
    int maxBackoffMs = 32000;
    int maxServerRetries = 5;
    // Follow mode polls this often: 60 entries.list per minute per project is the quota.
    int pollIntervalMs = 3000;
};

// Reads Cloud Logging entries:list (FACTS.md §7.1) for a LogQuery: pages until nextPageToken is
// absent (empty pages included), backs off on 429, re-authenticates once on 401, then in follow
// mode polls for timestamp > the newest seen (FACTS.md §7.2). Pages are decoded
// on this object's thread (the log worker's, never the GUI's) into segments.
class CloudLoggingClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloudLoggingClient)

public:
    CloudLoggingClient(CloudLoggingOptions options,
                       CredentialSource credentials,
                       std::shared_ptr<SourceTable> sources,
                       Net::Transport *transport,
                       QObject *parent = nullptr);
    ~CloudLoggingClient() override;

    void start(const LogQuery &query);
    void stop();
    bool isRunning() const { return m_running; }

    int requestsSent() const { return m_requests; }
    int throttledCount() const { return m_throttled; }
    const AccessTokenProvider *tokens() const { return m_tokens; }

signals:
    // Entries in timestamp order; segments hold only what the server sent, the local filter
    // (LogQuery::toLocalFilter) has not run yet.
    void entriesReceived(const Meridian::Logs::SegmentPtr &segment);
    // The initial range has been read completely (follow mode goes on polling).
    void caughtUp();
    // Throttled or retrying: what happens and when the next try is.
    void progress(const QString &message);
    // Ended: after the range when not following, on stop(), or on an error that retrying cannot
    // fix (ok = false, with the reason).
    void finished(bool ok, const QString &error);

private:
    void requestPage();
    void send(const QByteArray &token);
    void handle(const Net::Response &response);
    void retryLater(const QString &why);
    void finish(bool ok, const QString &error);
    void pollLater();
    QString projectId() const;

    CloudLoggingOptions m_options;
    std::shared_ptr<SourceTable> m_sources;
    QPointer<Net::Transport> m_transport;
    AccessTokenProvider *m_tokens = nullptr;
    std::unique_ptr<PageDecoder> m_decoder;
    QPointer<Net::Reply> m_reply;
    QTimer m_timer;
    LogQuery m_query;
    QString m_filter;
    QString m_currentFilter;
    QByteArray m_pageToken;
    bool m_running = false;
    bool m_initialDone = false;
    bool m_reauthenticated = false;
    int m_attempt = 0;
    int m_serverRetries = 0;
    int m_requests = 0;
    int m_throttled = 0;
    quint64 m_generation = 0;
    qint64 m_newestNs = 0; // follow mode asks for timestamp > this
};

} // namespace Meridian::Logs

#include "cloudloggingclient.h"

#include "pagedecoder.h"

#include "net/transport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Meridian::Logs {

namespace {

// Google's error body: {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}}.
QString googleError(const Net::Response &response)
{
    if (response.outcome != Net::Response::Outcome::Ok)
        return Net::outcomeName(response.outcome) + QStringLiteral(": ") + response.errorText;
    const QJsonObject error = QJsonDocument::fromJson(response.body)
                                      .object()
                                      .value(QStringLiteral("error"))
                                      .toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    const QString status = error.value(QStringLiteral("status")).toString();
    if (message.isEmpty())
        return QStringLiteral("HTTP %1: %2")
                .arg(response.httpStatus)
                .arg(QString::fromUtf8(response.body.left(200)));
    return QStringLiteral("HTTP %1 %2: %3").arg(response.httpStatus).arg(status, message);
}

} // namespace

CloudLoggingClient::CloudLoggingClient(CloudLoggingOptions options,
                                       CredentialSource credentials,
                                       std::shared_ptr<SourceTable> sources,
                                       Net::Transport *transport,
                                       QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_sources(std::move(sources))
    , m_transport(transport)
    , m_decoder(std::make_unique<PageDecoder>(m_sources))
{
    if (credentials.caPem.isEmpty())
        credentials.caPem = m_options.caPem;
    m_tokens = new AccessTokenProvider(std::move(credentials), transport, this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CloudLoggingClient::requestPage);
}

CloudLoggingClient::~CloudLoggingClient()
{
    delete m_reply;
}

QString CloudLoggingClient::projectId() const
{
    return m_options.project.isEmpty() ? m_tokens->projectId() : m_options.project;
}

void CloudLoggingClient::start(const LogQuery &query)
{
    stop();
    ++m_generation;
    m_query = query;
    m_filter = cloudLoggingFilter(query);
    m_pageToken.clear();
    m_running = true;
    m_initialDone = false;
    m_newestNs = 0;
    m_attempt = 0;
    m_serverRetries = 0;
    if (projectId().isEmpty()) {
        finish(false, tr("Which Google Cloud project? Pass --project (the key file names none)."));
        return;
    }
    requestPage();
}

void CloudLoggingClient::stop()
{
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->cancel();
        m_reply->deleteLater();
    }
    if (m_running) {
        m_running = false;
        emit finished(true, {});
    }
}

void CloudLoggingClient::requestPage()
{
    if (!m_running)
        return;
    // A page token only works with the filter of its first page.
    if (m_pageToken.isEmpty())
        m_currentFilter = m_initialDone && m_newestNs > 0
                                  ? cloudLoggingFilter(m_query, m_newestNs + 1)
                                  : m_filter; // nothing seen yet: the query's own range
    const quint64 generation = m_generation;
    m_tokens->obtain(this, [this, generation](const Result<QByteArray> &token) {
        if (generation != m_generation || !m_running)
            return;
        if (!token) {
            finish(false, token.error().message);
            return;
        }
        send(*token);
    });
}

void CloudLoggingClient::send(const QByteArray &token)
{
    QJsonObject body{{QStringLiteral("resourceNames"),
                      QJsonArray{QString(QStringLiteral("projects/") + projectId())}},
                     {QStringLiteral("filter"), m_currentFilter},
                     {QStringLiteral("orderBy"), QStringLiteral("timestamp asc")},
                     {QStringLiteral("pageSize"), m_options.pageSize}};
    if (!m_pageToken.isEmpty())
        body.insert(QStringLiteral("pageToken"), QString::fromUtf8(m_pageToken));
    Net::Request request;
    request.method = "POST";
    QUrl url = m_options.endpoint;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v2/entries:list"));
    request.url = url;
    request.headers.append(Net::Header(QByteArrayLiteral("Authorization"), "Bearer " + token));
    request.headers.append(
            Net::Header(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.tls.caPem = trustedCaPem(m_options.caPem);
    request.timeoutMs = 60000;
    if (!m_transport) {
        finish(false, tr("The transport is gone."));
        return;
    }
    ++m_requests;
    m_reply = m_transport->send(request);
    m_reply->setParent(this);
    connect(m_reply, &Net::Reply::finished, this, &CloudLoggingClient::handle);
}

void CloudLoggingClient::handle(const Net::Response &response)
{
    if (m_reply)
        m_reply->deleteLater();
    if (!m_running)
        return;
    if (response.outcome == Net::Response::Outcome::Ok && response.httpStatus == 429) {
        ++m_throttled;
        retryLater(tr("Cloud Logging quota exhausted (60 entries.list requests a minute)"));
        return;
    }
    if (response.outcome == Net::Response::Outcome::Ok && response.httpStatus == 401
        && !m_reauthenticated) {
        // The token expired or was revoked early: one fresh token, then give up.
        m_reauthenticated = true;
        m_tokens->invalidate();
        requestPage();
        return;
    }
    const bool transient
            = response.outcome != Net::Response::Outcome::Ok || response.httpStatus >= 500;
    if (transient && m_serverRetries < m_options.maxServerRetries) {
        ++m_serverRetries;
        retryLater(tr("Cloud Logging at %1 failed (%2)")
                           .arg(m_options.endpoint.toString(), googleError(response)));
        return;
    }
    if (!response.isHttpSuccess()) {
        finish(false,
               tr("Cloud Logging entries:list at %1 for project %2 failed: %3")
                       .arg(m_options.endpoint.toString(), projectId(), googleError(response)));
        return;
    }
    m_reauthenticated = false;
    m_attempt = 0;
    m_serverRetries = 0;
    Result<DecodedPage> page = m_decoder->decode(response.body);
    if (!page) {
        finish(false, page.error().message);
        return;
    }
    if (page->segment) {
        m_newestNs = qMax(m_newestNs, page->newestNs);
        emit entriesReceived(page->segment);
    }
    m_pageToken = page->nextPageToken;
    if (!m_pageToken.isEmpty()) {
        requestPage(); // even after an empty page: only an absent token ends the list
        return;
    }
    if (!m_initialDone) {
        m_initialDone = true;
        emit caughtUp();
        if (!m_query.follow) {
            finish(true, {});
            return;
        }
    }
    pollLater();
}

void CloudLoggingClient::pollLater()
{
    m_timer.start(m_options.pollIntervalMs);
}

void CloudLoggingClient::retryLater(const QString &why)
{
    const int exponent = qMin(m_attempt, 16);
    ++m_attempt;
    const qint64 base
            = qMin<qint64>(qint64(m_options.initialBackoffMs) << exponent, m_options.maxBackoffMs);
    // Up to a quarter more, so that clients throttled together do not retry together.
    const int delay = int(base + QRandomGenerator::global()->bounded(int(base / 4) + 1));
    emit progress(tr("%1; retrying in %2 s.").arg(why).arg(delay / 1000.0, 0, 'f', 1));
    m_timer.start(delay);
}

void CloudLoggingClient::finish(bool ok, const QString &error)
{
    m_timer.stop();
    if (!m_running)
        return;
    m_running = false;
    emit finished(ok, error);
}

} // namespace Meridian::Logs

#include "transport.h"

#include <QSocketNotifier>

#include <curl/curl.h>

#include <mutex>

namespace Meridian::Net {

namespace {

CURL *easyOf(void *p)
{
    return static_cast<CURL *>(p);
}

CURLM *multiOf(void *p)
{
    return static_cast<CURLM *>(p);
}

size_t headerCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *response = static_cast<Response *>(userp);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, static_cast<qsizetype>(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        response->headers.clear(); // a new response (after 100-continue or a proxy's CONNECT)
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        response->headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return bytes;
}

Response::Outcome outcomeFor(CURLcode code)
{
    switch (code) {
    case CURLE_OK: return Response::Outcome::Ok;
    case CURLE_COULDNT_CONNECT: return Response::Outcome::ConnectionRefused;
    case CURLE_OPERATION_TIMEDOUT: return Response::Outcome::Timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return Response::Outcome::ResolveError;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED: return Response::Outcome::TlsError;
    case CURLE_ABORTED_BY_CALLBACK: return Response::Outcome::Cancelled;
    default: return Response::Outcome::NetworkError;
    }
}

void setBlob(CURL *easy, CURLoption option, const QByteArray &bytes)
{
    curl_blob blob{};
    blob.data = const_cast<char *>(bytes.constData());
    blob.len = static_cast<size_t>(bytes.size());
    blob.flags = CURL_BLOB_COPY;
    curl_easy_setopt(easy, option, &blob);
}

} // namespace

QByteArray Response::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const Header &h : headers) {
        if (h.first == lower)
            return h.second;
    }
    return {};
}

QString outcomeName(Response::Outcome outcome)
{
    switch (outcome) {
    case Response::Outcome::Ok: return QStringLiteral("Ok");
    case Response::Outcome::Cancelled: return QStringLiteral("Cancelled");
    case Response::Outcome::ConnectionRefused: return QStringLiteral("ConnectionRefused");
    case Response::Outcome::Timeout: return QStringLiteral("Timeout");
    case Response::Outcome::TlsError: return QStringLiteral("TlsError");
    case Response::Outcome::ResolveError: return QStringLiteral("ResolveError");
    case Response::Outcome::NetworkError: return QStringLiteral("NetworkError");
    }
    return QStringLiteral("NetworkError");
}

// ---------------------------------------------------------------------------------------------

struct Transport::SocketWatch
{
    std::unique_ptr<QSocketNotifier> read;
    std::unique_ptr<QSocketNotifier> write;
};

Reply::Reply(Transport *transport, Request request)
    : m_transport(transport)
    , m_request(std::move(request))
{}

Reply::~Reply()
{
    if (m_transport && m_easy)
        m_transport->detach(this);
    delete[] m_errorBuffer;
}

void Reply::cancel()
{
    if (m_finished || !m_transport)
        return;
    m_transport->detach(this);
    m_response.outcome = Response::Outcome::Cancelled;
    m_response.errorText = tr("The request was cancelled.");
    m_finished = true;
    emit finished(m_response);
}

// ---------------------------------------------------------------------------------------------

void Transport::globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Transport::Transport(QObject *parent)
    : QObject(parent)
{
    globalInit();
    m_multi = curl_multi_init();
    CURLM *multi = multiOf(m_multi);
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &Transport::socketCallback);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &Transport::timerCallback);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Transport::onTimeout);
}

Transport::~Transport()
{
    const auto replies = m_active.values();
    for (Reply *reply : replies)
        detach(reply);
    qDeleteAll(m_sockets);
    m_sockets.clear();
    curl_multi_cleanup(multiOf(m_multi));
}

Reply *Transport::send(Request request)
{
    auto *reply = new Reply(this, std::move(request));
    const Request &r = reply->m_request;
    CURL *easy = curl_easy_init();
    reply->m_easy = easy;
    reply->m_errorBuffer = new char[CURL_ERROR_SIZE];
    reply->m_errorBuffer[0] = '\0';

    QUrl url = r.url;
    curl_slist *connectTo = nullptr;
    if (!r.tls.serverName.isEmpty() && url.host() != r.tls.serverName) {
        // tls-server-name: verify (and send SNI for) another name than the one we connect to.
        const int port = url.port(url.scheme() == u"https" ? 443 : 80);
        const QByteArray entry = r.tls.serverName.toUtf8() + ':' + QByteArray::number(port) + ':'
                                 + url.host(QUrl::FullyEncoded).toUtf8() + ':'
                                 + QByteArray::number(port);
        connectTo = curl_slist_append(connectTo, entry.constData());
        url.setHost(r.tls.serverName);
    }
    const QByteArray urlBytes = url.toEncoded();
    curl_easy_setopt(easy, CURLOPT_URL, urlBytes.constData());
    if (connectTo)
        curl_easy_setopt(easy, CURLOPT_CONNECT_TO, connectTo);
    reply->m_connectTo = connectTo;

    curl_slist *headers = nullptr;
    for (const Header &h : r.headers)
        headers = curl_slist_append(headers, QByteArray(h.first + ": " + h.second).constData());
    if (!r.body.isEmpty() || r.method != "GET") {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
        curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, r.body.constData());
    }
    if (r.method == "HEAD")
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    else if (r.method != "GET" && r.method != "POST")
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, r.method.constData());
    else if (r.method == "GET")
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);

    // Both lists must outlive the easy handle; detach() frees them.
    if (headers)
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    reply->m_headerList = headers;

    curl_easy_setopt(easy, CURLOPT_PRIVATE, reply);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, reply->m_errorBuffer);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transport::bodyCallback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, reply);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &headerCallback);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &reply->m_response);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connectTimeoutMs));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeoutMs));
    // Credentials never follow a redirect to another host.
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);

    if (!r.proxyUrl.isEmpty()) {
        const QByteArray proxy = r.proxyUrl.toUtf8();
        curl_easy_setopt(easy, CURLOPT_PROXY, proxy.constData());
    } else {
        curl_easy_setopt(easy, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1");
    }

    if (r.tls.insecureSkipVerify) {
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
    } else {
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!r.tls.caPem.isEmpty())
            setBlob(easy, CURLOPT_CAINFO_BLOB, r.tls.caPem);
    }
    if (!r.tls.clientCertPem.isEmpty()) {
        setBlob(easy, CURLOPT_SSLCERT_BLOB, r.tls.clientCertPem);
        curl_easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
        setBlob(easy, CURLOPT_SSLKEY_BLOB, r.tls.clientKeyPem);
        curl_easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
    }

    m_active.insert(easy, reply);
    curl_multi_add_handle(multiOf(m_multi), easy);
    return reply;
}

size_t Transport::bodyCallback(char *data, size_t size, size_t count, void *userp)
{
    auto *reply = static_cast<Reply *>(userp);
    const size_t bytes = size * count;
    if (reply->m_pending.capacity() == 0) {
        // A body of known length (a list page: megabytes) is received into one allocation
        // instead of a dozen growing copies, with room for a JSON parser's padding (simdjson
        // reads up to 64 bytes past the end, so the page is parsed in place).
        curl_off_t length = -1;
        curl_easy_getinfo(easyOf(reply->m_easy), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
        constexpr curl_off_t kPadding = 64;
        if (length > 0 && length < (curl_off_t(1) << 31) - kPadding)
            reply->m_pending.reserve(static_cast<qsizetype>(length + kPadding));
    }
    reply->m_pending.append(data, static_cast<qsizetype>(bytes));
    return bytes;
}

void Transport::detach(Reply *reply)
{
    CURL *easy = easyOf(reply->m_easy);
    if (!easy)
        return;
    m_active.remove(easy);
    curl_multi_remove_handle(multiOf(m_multi), easy);
    curl_easy_cleanup(easy);
    curl_slist_free_all(static_cast<curl_slist *>(reply->m_headerList));
    curl_slist_free_all(static_cast<curl_slist *>(reply->m_connectTo));
    reply->m_easy = nullptr;
    reply->m_headerList = nullptr;
    reply->m_connectTo = nullptr;
}

int Transport::socketCallback(void *, long long socket, int what, void *userp, void *)
{
    static_cast<Transport *>(userp)->watchSocket(socket, what);
    return 0;
}

int Transport::timerCallback(void *, long timeoutMs, void *userp)
{
    auto *self = static_cast<Transport *>(userp);
    if (timeoutMs < 0)
        self->m_timer.stop();
    else
        self->m_timer.start(static_cast<int>(timeoutMs));
    return 0;
}

void Transport::watchSocket(long long socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        if (SocketWatch *watch = m_sockets.take(socket)) {
            // We may be inside this notifier's own activation: disable now, delete later.
            for (auto *n : {watch->read.release(), watch->write.release()}) {
                if (n) {
                    n->setEnabled(false);
                    n->deleteLater();
                }
            }
            delete watch;
        }
        return;
    }
    SocketWatch *&watch = m_sockets[socket];
    if (!watch)
        watch = new SocketWatch;
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (wantRead && !watch->read) {
        watch->read = std::make_unique<QSocketNotifier>(static_cast<qintptr>(socket),
                                                        QSocketNotifier::Read);
        connect(watch->read.get(), &QSocketNotifier::activated, this, [this, socket] {
            onSocketActivated(socket, CURL_CSELECT_IN);
        });
    }
    if (wantWrite && !watch->write) {
        watch->write = std::make_unique<QSocketNotifier>(static_cast<qintptr>(socket),
                                                         QSocketNotifier::Write);
        connect(watch->write.get(), &QSocketNotifier::activated, this, [this, socket] {
            onSocketActivated(socket, CURL_CSELECT_OUT);
        });
    }
    if (watch->read)
        watch->read->setEnabled(wantRead);
    if (watch->write)
        watch->write->setEnabled(wantWrite);
}

void Transport::onSocketActivated(long long socket, int curlEvent)
{
    drive(socket, curlEvent);
}

void Transport::onTimeout()
{
    drive(CURL_SOCKET_TIMEOUT, 0);
}

void Transport::drive(long long socket, int curlEvent)
{
    int running = 0;
    curl_multi_socket_action(multiOf(m_multi),
                             static_cast<curl_socket_t>(socket),
                             curlEvent,
                             &running);
    // Signals go out only now, outside libcurl's callbacks, so receivers may cancel or send.
    deliverPending();
    collectFinished();
}

void Transport::deliverPending()
{
    const auto replies = m_active.values();
    QList<QPointer<Reply>> streaming;
    for (Reply *reply : replies) {
        if (reply->m_request.streaming && !reply->m_pending.isEmpty())
            streaming.append(reply);
    }
    for (const QPointer<Reply> &reply : streaming) {
        if (!reply || reply->m_finished)
            continue;
        // Only 2xx bodies stream; an error body is delivered whole with finished().
        long code = 0;
        curl_easy_getinfo(easyOf(reply->m_easy), CURLINFO_RESPONSE_CODE, &code);
        if (code < 200 || code >= 300)
            continue;
        const QByteArray chunk = std::exchange(reply->m_pending, {});
        emit reply->chunkReceived(chunk);
    }
}

void Transport::collectFinished()
{
    QList<QPair<QPointer<Reply>, CURLcode>> done;
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(multiOf(m_multi), &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        if (Reply *reply = m_active.value(msg->easy_handle))
            done.append({reply, msg->data.result});
    }
    for (const auto &[reply, code] : done) {
        if (reply && !reply->m_finished)
            finish(reply, outcomeFor(code), code);
    }
}

void Transport::finish(Reply *reply, Response::Outcome outcome, int curlCode)
{
    CURL *easy = easyOf(reply->m_easy);
    long httpCode = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &httpCode);
    Response &response = reply->m_response;
    response.outcome = outcome;
    response.httpStatus = static_cast<int>(httpCode);
    response.body = std::exchange(reply->m_pending, {});
    if (outcome != Response::Outcome::Ok) {
        const QString detail = QString::fromUtf8(reply->m_errorBuffer);
        response.errorText
                = detail.isEmpty()
                          ? QString::fromUtf8(curl_easy_strerror(static_cast<CURLcode>(curlCode)))
                          : detail;
    }
    detach(reply);
    reply->m_finished = true;
    emit reply->finished(response);
}

} // namespace Meridian::Net

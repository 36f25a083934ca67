#include "sim/httpconnection.h"

#include <QDateTime>
#include <QLocale>
#include <QSslCertificate>
#include <QSslSocket>
#include <QUrl>

namespace Meridian::Sim {

namespace {

constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qsizetype maxBodyBytes = 16 * 1024 * 1024;

QByteArray httpDate()
{
    return QLocale::c()
                   .toString(QDateTime::currentDateTimeUtc(),
                             QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                   .toLatin1()
           + " GMT";
}

} // namespace

HttpConnection::HttpConnection(QSslSocket *socket, RequestHandler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        m_buffer += m_socket->readAll();
        processBuffer();
    });
    connect(m_socket, &QSslSocket::disconnected, this, &QObject::deleteLater);
    // A failed handshake (wrong CA on the client, plain HTTP) ends here too; nothing to answer.
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            m_socket->abort();
        deleteLater();
    });
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_exchangeOpen)
        return;
    writeHead(response.status, response.headers, response.body.size());
    m_socket->write(response.body);
    finishExchange();
}

void HttpConnection::beginChunked(int status, const HttpHeaders &headers)
{
    if (m_exchangeOpen)
        writeHead(status, headers, std::nullopt);
}

void HttpConnection::writeChunk(const QByteArray &data)
{
    if (!m_exchangeOpen || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void HttpConnection::endChunked()
{
    if (!m_exchangeOpen)
        return;
    m_socket->write(QByteArrayLiteral("0\r\n\r\n"));
    finishExchange();
}

void HttpConnection::abort()
{
    m_exchangeOpen = false;
    m_socket->abort();
    deleteLater();
}

void HttpConnection::finishExchange()
{
    m_exchangeOpen = false;
    if (m_closeWhenDone) {
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_processing && !m_buffer.isEmpty())
        processBuffer();
}

void HttpConnection::processBuffer()
{
    m_processing = true;
    while (!m_exchangeOpen && !m_closeWhenDone && !m_buffer.isEmpty()) {
        HttpRequest request;
        const Parse parse = parseRequest(&request);
        if (parse == Parse::Incomplete)
            break;
        m_exchangeOpen = true;
        if (parse != Parse::Complete) {
            m_closeWhenDone = true;
            const int code = parse == Parse::TooLarge ? 413 : 400;
            respond(HttpResponse::kubeStatus(
                    code,
                    code == 413 ? QStringLiteral("RequestEntityTooLarge")
                                : QStringLiteral("BadRequest"),
                    QStringLiteral("the request could not be parsed as HTTP/1.1")));
            break;
        }
        request.clientCertificateDer = m_socket->peerCertificate().toDer();
        m_handler(this, std::move(request));
    }
    m_processing = false;
}

HttpConnection::Parse HttpConnection::parseRequest(HttpRequest *request)
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return m_buffer.size() > maxHeaderBytes ? Parse::TooLarge : Parse::Incomplete;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return Parse::Malformed;

    request->method = requestLine[0];
    const QUrl target = QUrl::fromEncoded(requestLine[1]);
    if (!target.isValid() || !requestLine[1].startsWith('/'))
        return Parse::Malformed;
    request->path = target.path(QUrl::FullyDecoded);
    request->query = QUrlQuery(target);

    qsizetype contentLength = 0;
    bool keepAlive = requestLine[2] != "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Parse::Malformed;
        QByteArray name = line.left(colon).trimmed().toLower();
        QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0)
                return Parse::Malformed;
        } else if (name == "transfer-encoding") {
            return Parse::Malformed; // no client of ours streams request bodies
        } else if (name == "connection") {
            const QByteArray token = value.toLower();
            if (token.contains("close"))
                keepAlive = false;
            else if (token.contains("keep-alive"))
                keepAlive = true;
        }
        request->headers.append({std::move(name), std::move(value)});
    }
    if (contentLength > maxBodyBytes)
        return Parse::TooLarge;
    const qsizetype total = headEnd + 4 + contentLength;
    if (m_buffer.size() < total)
        return Parse::Incomplete;
    request->body = m_buffer.mid(headEnd + 4, contentLength);
    m_buffer.remove(0, total);
    m_closeWhenDone = !keepAlive;
    return Parse::Complete;
}

void HttpConnection::writeHead(int status,
                               const HttpHeaders &headers,
                               std::optional<qsizetype> contentLength)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                      + "\r\nDate: " + httpDate() + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    if (contentLength)
        head += "Content-Length: " + QByteArray::number(*contentLength) + "\r\n";
    else
        head += QByteArrayLiteral("Transfer-Encoding: chunked\r\n");
    if (m_closeWhenDone)
        head += QByteArrayLiteral("Connection: close\r\n");
    head += "\r\n";
    m_socket->write(head);
}

} // namespace Meridian::Sim

#pragma once

#include "sim/httpmessage.h"

#include <QObject>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QSslSocket;
QT_END_NAMESPACE

namespace Meridian::Sim {

// One HTTP/1.1 connection over TLS: parses requests (keep-alive, Content-Length bodies), hands
// each to the handler and writes the answer. Requests are answered strictly in order; the next
// pipelined request waits until the handler has responded, which may be later (latency faults,
// and in future long-running watch or log-follow streams, which use the chunked calls).
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using RequestHandler = std::function<void(HttpConnection *, HttpRequest)>;

    // Takes ownership of socket, which must already be in server mode (encrypting or encrypted).
    HttpConnection(QSslSocket *socket, RequestHandler handler, QObject *parent);
    ~HttpConnection() override;

    void respond(const HttpResponse &response);

    void beginChunked(int status, const HttpHeaders &headers);
    void writeChunk(const QByteArray &data);
    void endChunked();

    void abort();

private:
    enum class Parse { Incomplete, Complete, Malformed, TooLarge };

    void processBuffer();
    Parse parseRequest(HttpRequest *request);
    void writeHead(int status, const HttpHeaders &headers, std::optional<qsizetype> contentLength);
    void finishExchange();

    QSslSocket *m_socket;
    RequestHandler m_handler;
    QByteArray m_buffer;
    bool m_exchangeOpen = false;
    bool m_processing = false;
    bool m_closeWhenDone = false;
};

} // namespace Meridian::Sim

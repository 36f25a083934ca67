// The libcurl transport against a scripted plain-HTTP server on 127.0.0.1 in this process:
// chunked streaming, per-request timeouts, cancellation, error mapping, headers and bodies.
#include "net/transport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Meridian::Net;

namespace {

// Answers each connection with a script chosen by the request path.
class ScriptedServer final : public QObject
{
public:
    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    onRequest(socket);
                });
        });
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }

    QByteArray lastRequest;

private:
    void onRequest(QTcpSocket *socket)
    {
        const QByteArray request = socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        lastRequest = request;
        const QByteArray path = request.split(' ').value(1);
        if (path == "/echo") {
            const QByteArray body = request.mid(request.indexOf("\r\n\r\n") + 4);
            socket->write("HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nX-Test: "
                          "yes\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        } else if (path == "/stream") {
            socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 3; ++i) {
                QTimer::singleShot(150 * (i + 1), socket, [socket, i] {
                    const QByteArray line = "{\"event\":" + QByteArray::number(i) + "}\n";
                    socket->write(QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n");
                    if (i == 2)
                        socket->write("0\r\n\r\n");
                });
            }
        } else if (path == "/never") {
            // Headers, then silence: only a timeout or a cancel ends this one.
            socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        } else if (path == "/missing") {
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found");
        }
    }

    QTcpServer m_server;
};

} // namespace

class TestTransport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Transport::globalInit(); }

    void postsBodyAndHeadersAndReadsTheAnswer()
    {
        ScriptedServer server;
        Transport transport;
        Request request;
        request.method = QByteArrayLiteral("POST");
        request.url = server.url(QStringLiteral("/echo"));
        request.body = QByteArrayLiteral("{\"a\":1}");
        request.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        std::unique_ptr<Reply> reply(transport.send(request));
        QSignalSpy finished(reply.get(), &Reply::finished);
        QVERIFY(finished.wait(5000));
        const auto response = finished.at(0).at(0).value<Response>();
        QCOMPARE(response.outcome, Response::Outcome::Ok);
        QCOMPARE(response.httpStatus, 201);
        QCOMPARE(response.body, QByteArrayLiteral("{\"a\":1}"));
        QCOMPARE(response.header(QByteArrayLiteral("X-TEST")), QByteArrayLiteral("yes"));
        QVERIFY(server.lastRequest.contains("Content-Type: application/json"));
        QCOMPARE(transport.activeTransfers(), 0);
    }

    void streamsChunksAsTheyArrive()
    {
        ScriptedServer server;
        Transport transport;
        Request request;
        request.url = server.url(QStringLiteral("/stream"));
        request.streaming = true;
        request.timeoutMs = 0;
        std::unique_ptr<Reply> reply(transport.send(request));
        QSignalSpy chunks(reply.get(), &Reply::chunkReceived);
        QSignalSpy finished(reply.get(), &Reply::finished);
        QVERIFY(finished.wait(5000));
        // Three timed writes arrive as (at least) three deliveries, before finished().
        QVERIFY2(chunks.size() >= 3, qPrintable(QString::number(chunks.size())));
        QByteArray all;
        for (const auto &chunk : std::as_const(chunks))
            all += chunk.at(0).toByteArray();
        QCOMPARE(all, QByteArrayLiteral("{\"event\":0}\n{\"event\":1}\n{\"event\":2}\n"));
        QVERIFY(finished.at(0).at(0).value<Response>().body.isEmpty());
    }

    void aStalledRequestTimesOut()
    {
        ScriptedServer server;
        Transport transport;
        Request request;
        request.url = server.url(QStringLiteral("/never"));
        request.timeoutMs = 300;
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<Reply> reply(transport.send(request));
        QSignalSpy finished(reply.get(), &Reply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<Response>().outcome, Response::Outcome::Timeout);
        QVERIFY(clock.elapsed() >= 250);
    }

    void cancelEndsAStreamOnce()
    {
        ScriptedServer server;
        Transport transport;
        Request request;
        request.url = server.url(QStringLiteral("/never"));
        request.streaming = true;
        request.timeoutMs = 0;
        std::unique_ptr<Reply> reply(transport.send(request));
        QSignalSpy chunks(reply.get(), &Reply::chunkReceived);
        QSignalSpy finished(reply.get(), &Reply::finished);
        QVERIFY(chunks.wait(5000));
        QCOMPARE(chunks.at(0).at(0).toByteArray(), QByteArrayLiteral("hello"));
        reply->cancel();
        reply->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<Response>().outcome, Response::Outcome::Cancelled);
        QCOMPARE(transport.activeTransfers(), 0);
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
    }

    void deletingAReplyAbortsIt()
    {
        ScriptedServer server;
        Transport transport;
        Request request;
        request.url = server.url(QStringLiteral("/never"));
        request.timeoutMs = 0;
        Reply *reply = transport.send(request);
        QTRY_VERIFY(!server.lastRequest.isEmpty());
        delete reply;
        QCOMPARE(transport.activeTransfers(), 0);
    }

    void errorStatusesAndRefusedConnections()
    {
        ScriptedServer server;
        Transport transport;
        {
            Request request;
            request.url = server.url(QStringLiteral("/missing"));
            std::unique_ptr<Reply> reply(transport.send(request));
            QSignalSpy finished(reply.get(), &Reply::finished);
            QVERIFY(finished.wait(5000));
            const auto response = finished.at(0).at(0).value<Response>();
            QCOMPARE(response.outcome, Response::Outcome::Ok);
            QCOMPARE(response.httpStatus, 404);
            QVERIFY(!response.isHttpSuccess());
            QCOMPARE(response.body, QByteArrayLiteral("not found"));
        }
        {
            QTcpServer closed;
            closed.listen(QHostAddress::LocalHost, 0);
            const quint16 port = closed.serverPort();
            closed.close();
            Request request;
            request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
            std::unique_ptr<Reply> reply(transport.send(request));
            QSignalSpy finished(reply.get(), &Reply::finished);
            QVERIFY(finished.wait(5000));
            const auto response = finished.at(0).at(0).value<Response>();
            QCOMPARE(response.outcome, Response::Outcome::ConnectionRefused);
            QVERIFY(!response.errorText.isEmpty());
        }
    }

    void manyParallelRequestsAllFinish()
    {
        ScriptedServer server;
        Transport transport;
        std::vector<std::unique_ptr<Reply>> replies;
        int done = 0;
        for (int i = 0; i < 40; ++i) {
            Request request;
            request.method = QByteArrayLiteral("POST");
            request.url = server.url(QStringLiteral("/echo"));
            request.body = QByteArray::number(i);
            replies.emplace_back(transport.send(request));
            connect(replies.back().get(), &Reply::finished, this, [&done, i](const Response &r) {
                if (r.body == QByteArray::number(i))
                    ++done;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 40, 10000);
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"

#pragma once

#include "request.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QSocketNotifier;

namespace Meridian::Net {

class Transport;

// The handle of one request. Lives on the transport's thread; cancel() or deleting it aborts the
// transfer. finished() is emitted exactly once, never from inside a libcurl callback.
class Reply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reply)

public:
    ~Reply() override;

    void cancel();
    bool isFinished() const { return m_finished; }
    const Request &request() const { return m_request; }

signals:
    void chunkReceived(const QByteArray &data);
    void finished(const Meridian::Net::Response &response);

private:
    friend class Transport;
    Reply(Transport *transport, Request request);

    QPointer<Transport> m_transport;
    Request m_request;
    Response m_response;
    QByteArray m_pending;         // streamed bytes not yet delivered
    void *m_easy = nullptr;       // CURL *
    void *m_headerList = nullptr; // curl_slist *
    void *m_connectTo = nullptr;  // curl_slist *
    char *m_errorBuffer = nullptr;
    bool m_finished = false;
};

// libcurl multi interface on the thread that owns this object: sockets are watched with
// QSocketNotifier and curl's timer with a QTimer, so one thread serves every connection
// and a slow cluster never holds up another.
class Transport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transport)

public:
    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;

    // The reply is owned by the caller (parent it or delete it once finished).
    Reply *send(Request request);

    int activeTransfers() const { return static_cast<int>(m_active.size()); }

    // Call once from main() before any thread starts (libcurl's global state).
    static void globalInit();

private:
    friend class Reply;
    struct SocketWatch;

    static int socketCallback(void *easy, long long socket, int what, void *userp, void *socketp);
    static int timerCallback(void *multi, long timeoutMs, void *userp);
    static size_t bodyCallback(char *data, size_t size, size_t count, void *reply);

    void watchSocket(long long socket, int what);
    void onSocketActivated(long long socket, int curlEvent);
    void onTimeout();
    void drive(long long socket, int curlEvent);
    void deliverPending();
    void collectFinished();
    void finish(Reply *reply, Response::Outcome outcome, int curlCode);
    void detach(Reply *reply);

    void *m_multi = nullptr; // CURLM *
    QTimer m_timer;
    QHash<long long, SocketWatch *> m_sockets;
    QHash<void *, Reply *> m_active; // CURL * -> reply
};

} // namespace Meridian::Net

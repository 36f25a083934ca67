#pragma once

#include "credentials.h"
#include "kubeconfig.h"

#include "net/transport.h"

#include <QObject>

#include <functional>
#include <memory>

namespace Meridian::Kube {

// A Kubernetes error as the API server reported it (a Status object), or the transport's.
struct ApiError
{
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString reason;     // Status.reason (NotFound, Conflict, ...) or the transport outcome
    QString message;    // Status.message, or the transport's detail
    Net::Response::Outcome outcome = Net::Response::Outcome::Ok;
};

ApiError apiErrorFrom(const Net::Response &response);

// Cancels one request, whether it is still waiting for its credential or already on the wire.
class RequestHandle final
{
public:
    void cancel();
    bool isCancelled() const { return m_cancelled; }

private:
    friend class ApiClient;
    QPointer<Net::Reply> m_reply;
    bool m_cancelled = false;
};
using RequestHandlePtr = std::shared_ptr<RequestHandle>;

// One member cluster's API as one kubeconfig context describes it. Lives on the API worker
// thread: adds credentials (running exec plugins when needed) and TLS to every request, and
// retries once with a fresh credential after a 401 from a plugin-issued token.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using Callback = std::function<void(const Net::Response &)>;
    using ChunkCallback = std::function<void(const QByteArray &)>;

    ApiClient(ResolvedContext context,
              Net::Transport *transport,
              ExecCredentialProvider *credentials,
              QObject *parent = nullptr);

    const ResolvedContext &context() const { return m_context; }

    // GET a path such as "/api/v1/nodes?limit=500". The callback runs on this thread.
    RequestHandlePtr get(const QString &pathAndQuery, Callback callback, int timeoutMs = 20000);
    // A streamed GET (watch, log follow): 2xx bodies arrive through `chunk`, then `done`.
    RequestHandlePtr stream(const QString &pathAndQuery, ChunkCallback chunk, Callback done);
    RequestHandlePtr send(Net::Request request, Callback callback, ChunkCallback chunk = {});

    Net::Request requestFor(const QString &pathAndQuery) const;

private:
    struct Call
    {
        Net::Request request;
        Callback done;
        ChunkCallback chunk;
        RequestHandlePtr handle;
    };
    void sendWithCredential(Call call, bool retried);
    void dispatch(Call call, const Credential &credential, bool retried);

    ResolvedContext m_context;
    QPointer<Net::Transport> m_transport;
    QPointer<ExecCredentialProvider> m_credentials;
    std::optional<Result<Net::TlsConfig>> m_tls;
};

} // namespace Meridian::Kube

#pragma once

#include "credentials.h"
#include "kubeconfig.h"

#include "net/transport.h"

#include <QObject>

#include <functional>

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

// One member cluster's API as one kubeconfig context describes it. Lives on the API worker
// thread: adds credentials (running exec plugins when needed) and TLS to every request, and
// retries once with a fresh credential after a 401 from a plugin-issued token.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using Callback = std::function<void(const Net::Response &)>;

    ApiClient(ResolvedContext context,
              Net::Transport *transport,
              ExecCredentialProvider *credentials,
              QObject *parent = nullptr);

    const ResolvedContext &context() const { return m_context; }

    // GET a path such as "/api/v1/nodes?limit=500". The callback runs on this thread.
    void get(const QString &pathAndQuery, Callback callback, int timeoutMs = 20000);
    void send(Net::Request request, Callback callback);

private:
    void sendWithCredential(Net::Request request, Callback callback, bool retried);
    void dispatch(Net::Request request,
                  const Credential &credential,
                  Callback callback,
                  bool retried);

    ResolvedContext m_context;
    QPointer<Net::Transport> m_transport;
    QPointer<ExecCredentialProvider> m_credentials;
    std::optional<Result<Net::TlsConfig>> m_tls;
};

} // namespace Meridian::Kube

#pragma once

#include "core/result.h"
#include "sim/clusterstate.h"
#include "sim/deterministic.h"
#include "sim/kubeapi.h"
#include "sim/options.h"
#include "sim/router.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace Meridian::Sim {

class CertificateAuthority;
class HttpConnection;
class LogGenerator;
class SimClock;

// One member cluster's API server on 127.0.0.1: TLS, authentication, fault injection and the
// router. Lives on the federation's thread and never blocks it: delays are timers, TLS and I/O
// are Qt's asynchronous sockets.
class ClusterServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterServer)

public:
    ClusterServer(ClusterSpec spec,
                  const QSslConfiguration &tls,
                  const CertificateAuthority *ca,
                  const SimClock *clock,
                  const LogGenerator *logs, // shared with Cloud Logging; outlives the server
                  QObject *parent);
    ~ClusterServer() override;

    // Binds 127.0.0.1 on a free port; the port is kept for later re-listening after Down.
    Status start();
    quint16 boundPort() const;
    const ClusterSpec &spec() const;
    // The cluster's object store, for controllers running on this server's thread.
    ClusterState *state();
    const ClusterState *state() const;

    void setFault(std::optional<Fault> fault);
    // KubeApi::prepareServedJson: for a world seeded in bulk before the server listens.
    void prepareServedJson();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void handle(HttpConnection *connection, const HttpRequest &request);
    HttpResponse answer(const HttpRequest &request);
    static void deliver(HttpConnection *connection, const HttpResponse &response);
    bool authenticated(const HttpRequest &request) const;
    void dropConnections();
    void relisten();

    ClusterState m_state;
    QSslConfiguration m_tls;
    const CertificateAuthority *m_ca;
    const SimClock *m_clock;
    Router m_router;
    KubeApi m_api;
    std::optional<Fault> m_fault;
    Prng m_errorDice;
    quint16 m_port = 0;
};

} // namespace Meridian::Sim

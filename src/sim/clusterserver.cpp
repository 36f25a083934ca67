#include "sim/clusterserver.h"

#include "sim/certificateauthority.h"
#include "sim/httpconnection.h"
#include "sim/simclock.h"

#include <QSslSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

constexpr int handshakeTimeoutMs = 10000;

// Closes an accepted connection with a TCP RST (SO_LINGER 0), which is what clients see when a
// load balancer or a crashing apiserver drops them: "connection reset by peer".
void resetConnection(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    const int fd = static_cast<int>(descriptor);
    const linger hard{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd);
#else
    QTcpSocket socket;
    socket.setSocketDescriptor(descriptor);
    socket.abort();
#endif
}

} // namespace

ClusterServer::ClusterServer(ClusterSpec spec,
                             const QSslConfiguration &tls,
                             const CertificateAuthority *ca,
                             const SimClock *clock,
                             const LogGenerator *logs,
                             QObject *parent)
    : QTcpServer(parent)
    , m_state(std::move(spec))
    , m_tls(tls)
    , m_ca(ca)
    , m_clock(clock)
    , m_api(&m_state, clock, logs)
    , m_errorDice(stableHash(m_state.spec().seed, u"faults"))
{
    setObjectName(m_state.spec().name);
    m_state.setClock(clock);
    m_api.registerRoutes(&m_router);
}

ClusterServer::~ClusterServer()
{
    // Open watches observe m_state, which dies before QObject deletes our children.
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(connections);
}

Status ClusterServer::start()
{
    if (!listen(QHostAddress::LocalHost, m_port)) {
        return Error{u"ListenFailed"_s,
                     u"The simulated cluster %1 could not listen on 127.0.0.1: %2"_s
                             .arg(m_state.spec().name, errorString())};
    }
    m_port = serverPort();
    return succeeded();
}

quint16 ClusterServer::boundPort() const
{
    return m_port;
}

const ClusterSpec &ClusterServer::spec() const
{
    return m_state.spec();
}

ClusterState *ClusterServer::state()
{
    return &m_state;
}

const ClusterState *ClusterServer::state() const
{
    return &m_state;
}

void ClusterServer::prepareServedJson()
{
    m_api.prepareServedJson();
}

void ClusterServer::setFault(std::optional<Fault> fault)
{
    m_fault = fault;
    const bool down = fault && fault->kind == Fault::Kind::Down;
    const bool reset = fault && fault->kind == Fault::Kind::Reset;
    if (down || reset)
        dropConnections();
    if (down && isListening())
        close();
    else if (!down && !isListening() && m_port != 0)
        relisten();
}

void ClusterServer::relisten()
{
    if (isListening() || (m_fault && m_fault->kind == Fault::Kind::Down))
        return;
    if (!listen(QHostAddress::LocalHost, m_port)) {
        // Another process took the port while we were down; try again shortly rather than
        // moving to a new port the kubeconfig does not know.
        qWarning("meridian-sim: cluster %s cannot listen on 127.0.0.1:%u again (%s); retrying",
                 qUtf8Printable(m_state.spec().name),
                 unsigned(m_port),
                 qUtf8Printable(errorString()));
        QTimer::singleShot(500, this, &ClusterServer::relisten);
    }
}

void ClusterServer::dropConnections()
{
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *connection : connections)
        connection->abort();
}

void ClusterServer::incomingConnection(qintptr descriptor)
{
    if (m_fault && m_fault->kind == Fault::Kind::Reset) {
        resetConnection(descriptor);
        return;
    }
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    auto *connection = new HttpConnection(
            socket,
            [this](HttpConnection *connection, HttpRequest request) {
                handle(connection, request);
            },
            this);
    socket->startServerEncryption();
    // A client that connects and never finishes the handshake must not hold a socket forever.
    QTimer::singleShot(handshakeTimeoutMs, connection, [connection, socket] {
        if (!socket->isEncrypted())
            connection->abort();
    });
}

void ClusterServer::handle(HttpConnection *connection, const HttpRequest &request)
{
    const int delay = m_fault && m_fault->kind == Fault::Kind::Latency ? m_fault->latencyMs : 0;
    if (delay <= 0) {
        deliver(connection, answer(request));
        return;
    }
    // The connection is the timer's context: a client that hangs up cancels its late answer.
    // Answered after the delay, so a delayed watch starts from the state at that time.
    QTimer::singleShot(delay, Qt::PreciseTimer, connection, [this, connection, request] {
        deliver(connection, answer(request));
    });
}

void ClusterServer::deliver(HttpConnection *connection, const HttpResponse &response)
{
    if (response.stream)
        response.stream(connection);
    else
        connection->respond(response);
}

HttpResponse ClusterServer::answer(const HttpRequest &request)
{
    if (m_fault && m_fault->kind == Fault::Kind::ErrorRate
        && m_errorDice.nextDouble() < m_fault->errorRate) {
        return HttpResponse::internalError(
                u"simulated fault: cluster %1 fails %2% of requests"_s
                        .arg(m_state.spec().name, QString::number(m_fault->errorRate * 100)));
    }
    if (!authenticated(request))
        return HttpResponse::unauthorized();
    return m_router.dispatch(request);
}

bool ClusterServer::authenticated(const HttpRequest &request) const
{
    const ClusterSpec &spec = m_state.spec();
    if (spec.auth == AuthMethod::ClientCertificate) {
        return !request.clientCertificateDer.isEmpty()
               && m_ca->verifyClientCertificate(request.clientCertificateDer, nullptr);
    }
    const QByteArray authorization = request.header("authorization");
    static constexpr QByteArrayView scheme = "bearer ";
    if (authorization.size() <= scheme.size()
        || authorization.left(scheme.size()).toLower() != scheme)
        return false;
    return authorization.mid(scheme.size()).trimmed() == spec.token.toUtf8();
}

} // namespace Meridian::Sim

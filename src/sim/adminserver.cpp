#include "sim/adminserver.h"

#include "sim/httpconnection.h"

#include <QJsonDocument>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

constexpr int handshakeTimeoutMs = 10000;

HttpResponse error(int status, const QString &message)
{
    return HttpResponse::json(status,
                              QJsonObject{
                                      {u"error"_s,
                                       QJsonObject{{u"code"_s, status}, {u"message"_s, message}}}});
}

} // namespace

AdminServer::AdminServer(const QSslConfiguration &tls, Hooks hooks, QObject *parent)
    : QTcpServer(parent)
    , m_tls(tls)
    , m_hooks(std::move(hooks))
{
    setObjectName(u"admin"_s);
    m_router.add("GET", u"/faults"_s, [this](const HttpRequest &, const PathParameters &) {
        return listFaults();
    });
    m_router.add("PUT",
                 u"/faults/{cluster}"_s,
                 [this](const HttpRequest &request, const PathParameters &p) {
                     return putFault(request, p.value(u"cluster"_s));
                 });
    m_router.add("DELETE",
                 u"/faults/{cluster}"_s,
                 [this](const HttpRequest &, const PathParameters &p) {
                     return deleteFault(p.value(u"cluster"_s));
                 });
}

AdminServer::~AdminServer() = default;

Status AdminServer::start()
{
    if (!listen(QHostAddress::LocalHost, 0)) {
        return Error{u"ListenFailed"_s,
                     u"The admin endpoint cannot listen on 127.0.0.1: %1"_s.arg(errorString())};
    }
    return succeeded();
}

QString AdminServer::url() const
{
    return u"https://127.0.0.1:"_s + QString::number(serverPort());
}

QJsonObject AdminServer::faultJson(const Fault &fault)
{
    switch (fault.kind) {
    case Fault::Kind::Latency: return {{u"kind"_s, u"latency"_s}, {u"ms"_s, fault.latencyMs}};
    case Fault::Kind::ErrorRate: return {{u"kind"_s, u"error-rate"_s}, {u"p"_s, fault.errorRate}};
    case Fault::Kind::Reset: return {{u"kind"_s, u"reset"_s}};
    case Fault::Kind::Down: return {{u"kind"_s, u"down"_s}};
    }
    return {};
}

std::optional<Fault> AdminServer::parseFault(const QJsonObject &body, QString *error)
{
    const QString kind = body.value(u"kind").toString();
    if (kind == u"latency") {
        const double ms = body.value(u"ms").toDouble(-1);
        if (ms >= 0 && ms <= 600000 && ms == double(qint64(ms)))
            return Fault{Fault::Kind::Latency, int(ms), 0};
        *error = u"latency needs \"ms\": a whole number of milliseconds, 0..600000"_s;
    } else if (kind == u"error-rate") {
        const double p = body.value(u"p").toDouble(-1);
        if (p >= 0 && p <= 1)
            return Fault{Fault::Kind::ErrorRate, 0, p};
        *error = u"error-rate needs \"p\": a fraction 0..1"_s;
    } else if (kind == u"reset") {
        return Fault{Fault::Kind::Reset, 0, 0};
    } else if (kind == u"down") {
        return Fault{Fault::Kind::Down, 0, 0};
    } else {
        *error = u"\"kind\" must be latency, error-rate, reset or down"_s;
    }
    return std::nullopt;
}

HttpResponse AdminServer::listFaults() const
{
    const QHash<QString, Fault> faults = m_hooks.faults();
    QJsonObject out;
    for (auto it = faults.cbegin(); it != faults.cend(); ++it)
        out.insert(it.key(), faultJson(it.value()));
    return HttpResponse::json(200, QJsonObject{{u"faults"_s, out}});
}

HttpResponse AdminServer::putFault(const HttpRequest &request, const QString &cluster)
{
    if (!m_hooks.clusters.contains(cluster))
        return error(404, u"no cluster named \"%1\""_s.arg(cluster));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject())
        return error(400, u"the body must be a JSON object"_s);
    QString message;
    const std::optional<Fault> fault = parseFault(document.object(), &message);
    if (!fault)
        return error(400, message);
    m_hooks.setFault(cluster, fault);
    return HttpResponse::json(200,
                              QJsonObject{{u"cluster"_s, cluster},
                                          {u"fault"_s, faultJson(*fault)}});
}

HttpResponse AdminServer::deleteFault(const QString &cluster)
{
    if (!m_hooks.clusters.contains(cluster))
        return error(404, u"no cluster named \"%1\""_s.arg(cluster));
    m_hooks.setFault(cluster, std::nullopt);
    return HttpResponse::json(200,
                              QJsonObject{{u"cluster"_s, cluster}, {u"fault"_s, QJsonValue::Null}});
}

void AdminServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    auto *connection = new HttpConnection(
            socket,
            [this](HttpConnection *connection, const HttpRequest &request) {
                connection->respond(m_router.dispatch(request));
            },
            this);
    socket->startServerEncryption();
    QTimer::singleShot(handshakeTimeoutMs, connection, [connection, socket] {
        if (!socket->isEncrypted())
            connection->abort();
    });
}

} // namespace Meridian::Sim

#pragma once

#include "core/result.h"
#include "sim/options.h"
#include "sim/router.h"

#include <QHash>
#include <QSslConfiguration>
#include <QStringList>
#include <QTcpServer>

#include <functional>
#include <optional>

namespace Meridian::Sim {

// The simulator's own control endpoint, HTTPS on 127.0.0.1 with a certificate from the
// federation's CA (like every other endpoint, so one CA file serves all), no authentication:
// it only listens on loopback and changes nothing but simulated failures.
//   GET    /faults            {"faults": {CLUSTER: FAULT, ...}}
//   PUT    /faults/{cluster}  body FAULT: {"kind":"latency","ms":N} | {"kind":"error-rate",
//                             "p":0.3} | {"kind":"reset"} | {"kind":"down"}
//   DELETE /faults/{cluster}  clears it
// Runs on the federation's thread.
class AdminServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminServer)

public:
    struct Hooks
    {
        QStringList clusters;
        std::function<QHash<QString, Fault>()> faults;
        std::function<void(const QString &, std::optional<Fault>)> setFault;
    };

    AdminServer(const QSslConfiguration &tls, Hooks hooks, QObject *parent);
    ~AdminServer() override;

    Status start();
    QString url() const; // "https://127.0.0.1:PORT"

    static QJsonObject faultJson(const Fault &fault);
    // nullopt with *error set when the body is not one of the fault shapes above.
    static std::optional<Fault> parseFault(const QJsonObject &body, QString *error);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpResponse listFaults() const;
    HttpResponse putFault(const HttpRequest &request, const QString &cluster);
    HttpResponse deleteFault(const QString &cluster);

    QSslConfiguration m_tls;
    Hooks m_hooks;
    Router m_router;
};

} // namespace Meridian::Sim

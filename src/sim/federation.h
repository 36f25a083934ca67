#pragma once

#include "core/result.h"
#include "sim/options.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Meridian::Sim {

// The simulated federation: one HTTPS Kubernetes API server per member cluster, all on 127.0.0.1,
// all running on one internal thread. Construct, start(), then hand kubeconfig() to any client.
// Everything but start() and the destructor is cheap and may be called from any thread.
class Federation final
{
public:
    explicit Federation(Options options);
    ~Federation(); // stops every server and joins the thread

    Federation(const Federation &) = delete;
    Federation &operator=(const Federation &) = delete;

    // Generates the CA and certificates, starts the thread and blocks until every server
    // listens (a few milliseconds per cluster). Fails on a bad scenario or a fault naming an
    // unknown cluster.
    Status start();

    QByteArray kubeconfig() const; // empty before start()
    QByteArray caCertificatePem() const;
    // {"clusters": {NAME: URL, ...}, "karmada": null, "logging": URL|null, "token": URL|null,
    //  "admin": URL}: logging and token when Options::cloudLogging is set; admin is the fault
    //  endpoint (see AdminServer).
    QJsonObject endpoints() const;
    QStringList clusterNames() const;
    // The bearer token of a token or exec-plugin cluster; empty for the client-certificate one.
    QString tokenFor(const QString &cluster) const;
    std::optional<AuthMethod> authFor(const QString &cluster) const;

    // The Cloud Logging service-account key file (JSON, holds a private key: write it 0600);
    // empty unless Options::cloudLogging.
    QByteArray serviceAccountKeyJson() const;

    // Thread-safe; when it returns, the fault is in force (or cleared, with std::nullopt).
    void setFault(const QString &cluster, std::optional<Fault> fault);

    // CPU time the simulator's thread has used so far, in nanoseconds (its
    // CLOCK_THREAD_CPUTIME_ID, read from any thread); 0 before start(). For benchmarks.
    qint64 threadCpuNs() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meridian::Sim

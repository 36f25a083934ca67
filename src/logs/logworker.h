#pragma once

#include "cloudloggingclient.h"
#include "logquery.h"
#include "logstore.h"

#include "kube/kubeconfig.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace Meridian::Net {
class Transport;
}
namespace Meridian::Kube {
class ExecCredentialProvider;
}

namespace Meridian::Logs {

class PodLogSource;

// Where the log browser reads from.
struct LogSourceConfig
{
    enum class Kind { Cloud, Pods };
    // How pod logs reach the members: each kubeconfig context straight, or a Karmada control
    // plane's cluster proxy (its Clusters are the members).
    enum class PodEngine { Direct, Karmada };
    Kind kind = Kind::Cloud;
    CloudLoggingOptions cloud;
    CredentialSource credentials;
    Kube::LoadOptions kube;               // Pods
    PodEngine engine = PodEngine::Direct; // Pods
    QStringList contexts;                 // Pods, Direct: the members; empty: all
    QString karmadaContext; // Pods, Karmada: the control plane's; empty: the engine's default
};

// Runs one source at a time on the log thread: its own transport, so a slow Cloud Logging
// never holds up the cluster connections of the API worker. Segments go out as values.
class LogWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogWorker)

public:
    explicit LogWorker(std::shared_ptr<SourceTable> sources, QObject *parent = nullptr);
    ~LogWorker() override;

    void start(const Meridian::Logs::LogSourceConfig &config,
               const Meridian::Logs::LogQuery &query,
               quint64 generation);
    void stop();

signals:
    void entriesReceived(quint64 generation, const Meridian::Logs::SegmentPtr &segment);
    void caughtUp(quint64 generation);
    void progress(quint64 generation, const QString &message);
    void finished(quint64 generation, bool ok, const QString &error);

private:
    std::shared_ptr<SourceTable> m_sources;
    Net::Transport *m_transport = nullptr;
    Kube::ExecCredentialProvider *m_credentials = nullptr;
    CloudLoggingClient *m_cloud = nullptr;
    PodLogSource *m_pods = nullptr;
};

// The log worker's named thread; destroying it stops the source, quits and waits.
class LogThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogThread)

public:
    explicit LogThread(std::shared_ptr<SourceTable> sources, QObject *parent = nullptr);
    ~LogThread() override;

    LogWorker *worker() const { return m_worker; }
    // Thread-safe: queue a (re)start; a newer generation makes older results stale.
    quint64 start(const LogSourceConfig &config, const LogQuery &query);
    void stop();
    quint64 generation() const { return m_generation; }

private:
    QThread m_thread;
    LogWorker *m_worker = nullptr;
    quint64 m_generation = 0;
};

} // namespace Meridian::Logs

Q_DECLARE_METATYPE(Meridian::Logs::LogSourceConfig)
Q_DECLARE_METATYPE(Meridian::Logs::LogQuery)

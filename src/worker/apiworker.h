#pragma once

#include "core/cluster.h"
#include "core/workload.h"
#include "federation/backend.h"
#include "kube/kubeconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>

namespace Meridian::Net {
class Transport;
}
namespace Meridian::Kube {
class ApiClient;
class ExecCredentialProvider;
} // namespace Meridian::Kube

namespace Meridian {

// What the operator asked to see: which kubeconfig, which of its contexts (empty = all), through
// which engine, and which namespaces of workloads (empty = all).
struct FederationRequest
{
    Kube::LoadOptions load;
    QStringList contexts;
    Federation::Engine engine = Federation::Engine::Direct;
    QStringList namespaces;
    // Keep clusters and workloads live with watches; off for one-shot listings (meridianctl
    // clusters), which only need the probe.
    bool watch = true;
};

// Owns every connection. Lives on the API worker thread; its slots are invoked queued from the
// GUI thread (through ApiThread) and its results go back as values, batched.
class ApiWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiWorker)

public:
    explicit ApiWorker(QObject *parent = nullptr);
    ~ApiWorker() override;

    // Loads the kubeconfig and probes every selected context. A newer generation makes every
    // older result stale: the worker drops them.
    void connectFederation(const Meridian::FederationRequest &request, quint64 generation);
    void refresh();

    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }
    void setExecTimeout(int ms);

    // Runs `task` here with the API client of every connected member (by context), for jobs
    // that write to several members at once, such as applying a placement.
    using ClientTask = std::function<void(const QHash<QString, Kube::ApiClient *> &)>;
    void runWithClients(const ClientTask &task);

    // Follow one federated workload's pods and events ("namespace/name"; empty: none): the
    // insight is sent at once and again whenever the caches change, at most every 500 ms.
    void followInsight(const QString &key);

signals:
    void federationLoaded(quint64 generation, const Meridian::ClusterStatusList &clusters);
    void federationFailed(quint64 generation, const QString &message);
    void clusterStatusBatch(quint64 generation, const Meridian::ClusterStatusList &batch);
    // Members that are gone (contexts), e.g. a Karmada Cluster object was deleted; sent right
    // after the batch of the same drain, never naming a context that batch carries. A later
    // clusterStatusBatch may bring one back as a new row.
    void clustersRemoved(quint64 generation, const QStringList &contexts);
    void refreshFinished(quint64 generation);

    // The engine of this generation and what its placement can express.
    void engineReady(quint64 generation,
                     Meridian::Federation::Engine engine,
                     const Meridian::Federation::Capabilities &capabilities);
    // Federated workloads that appeared or changed, and keys ("namespace/name") of those gone;
    // at most one batch every ~50 ms.
    void workloadBatch(quint64 generation,
                       const Meridian::FederatedWorkloadList &changed,
                       const QStringList &removedKeys);
    // Every member's workloads were listed (or failed) once; the batches so far hold them all.
    void workloadsSynced(quint64 generation);
    // Every cache of the engine (pods, ReplicaSets, nodes too) was listed or failed once.
    void cachesSynced(quint64 generation);
    void workloadsFailed(quint64 generation, const QString &message);
    // The followed workload's pods and events (followInsight).
    void workloadInsight(quint64 generation, const Meridian::WorkloadInsight &insight);

private:
    void probeAll();
    void report(const ClusterStatus &status);
    void flush();
    void startBackend(const FederationRequest &request);
    void startKarmada(const Kube::Kubeconfig &config,
                      const QString &context,
                      const FederationRequest &request);
    void flushBackend();
    void connectBackend(Federation::Backend *backend);
    void sendInsight();

    Net::Transport *m_transport = nullptr;
    Kube::ExecCredentialProvider *m_credentials = nullptr;
    QList<QPointer<Kube::ApiClient>> m_clients;
    ClusterStatusList m_unresolved; // contexts that could not even be resolved
    ClusterStatusList m_pending;
    QTimer m_batchTimer;
    QTimer m_backendTimer;
    QTimer m_insightTimer;
    QString m_insightKey;
    Federation::Backend *m_backend = nullptr;
    quint64 m_generation = 0;
    quint64 m_round = 0;
    int m_outstanding = 0;
    bool m_karmada = false;        // this generation reads a Karmada control plane
    bool m_karmadaListed = false;  // its Clusters were listed (or failed) once
    bool m_refreshPending = false; // a refresh waits for the next list of the Clusters
};

// The API worker's named thread. Destroying it interrupts the worker, quits and waits.
class ApiThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiThread)

public:
    explicit ApiThread(QObject *parent = nullptr);
    ~ApiThread() override;

    ApiWorker *worker() const { return m_worker; }

    // Thread-safe entry points: each queues the call onto the worker thread.
    quint64 connectFederation(const FederationRequest &request);
    void refresh();
    void runWithClients(const ApiWorker::ClientTask &task);
    void followInsight(const QString &key);
    quint64 generation() const { return m_generation; }

private:
    QThread m_thread;
    ApiWorker *m_worker = nullptr;
    quint64 m_generation = 0;
};

} // namespace Meridian

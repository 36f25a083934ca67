#pragma once

#include "core/cluster.h"
#include "core/workload.h"
#include "core/workloadinsight.h"

#include <QMetaType>
#include <QObject>

namespace Meridian::Federation {

enum class Engine {
    Direct,  // every kubeconfig context is a member; Meridian plans and writes
    Karmada, // one context points at a Karmada control plane
};

QString engineName(Engine engine); // stable, untranslated: "direct", "karmada"
std::optional<Engine> engineFromName(const QString &name);

// What an engine's placement can express, so the UI offers only what it can write back.
struct Capabilities
{
    bool perClusterMinMax = false; // min/max replicas per cluster
    bool rebalance = false;        // may move running replicas
    bool weights = false;          // static per-cluster weights
    bool dynamicWeights = false;   // weights from available replicas
    bool duplicated = false;       // every cluster runs the full count
    bool aggregated = false;       // fill as few clusters as possible

    friend bool operator==(const Capabilities &, const Capabilities &) = default;
};

// A federation engine. Lives on the API worker thread; the worker owns it and drains its changes
// in batches (takeChanges) whenever it signals `changesPending` — later (a timer or a queued
// call), never from inside the signal: the engine emits it in the middle of its own updates.
class Backend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Backend)

public:
    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

    virtual Engine engine() const = 0;
    virtual Capabilities capabilities() const = 0;

    virtual void start() = 0;
    virtual void stop() = 0;

    // The cluster probe's answer (version, first state) for a member.
    virtual void setProbedStatus(const ClusterStatus &status) = 0;

    virtual ClusterStatusList clusters() const = 0;
    virtual FederatedWorkloadList workloads() const = 0;
    // True once every member's workload list has synced or failed at least once.
    virtual bool isInitialSyncDone() const = 0;

    struct Changes
    {
        ClusterStatusList clusters;
        FederatedWorkloadList workloads;
        QStringList removedWorkloads; // keys, "namespace/name"
        // Members that are gone (contexts): Karmada's Cluster object was deleted. Never one that
        // `clusters` also carries. The Direct engine's members never go (the kubeconfig's).
        QStringList removedClusters;
        bool isEmpty() const
        {
            return clusters.isEmpty() && workloads.isEmpty() && removedWorkloads.isEmpty()
                   && removedClusters.isEmpty();
        }
    };
    // Everything that changed since the last call.
    virtual Changes takeChanges() = 0;

    // The pods and events of one federated workload in every member, from the caches.
    virtual WorkloadInsight workloadInsight(const QString &ns, const QString &name) const = 0;
    // The namespace of the workload whose details are followed (empty: none): engines watch
    // churning details such as events there only.
    virtual void setDetailNamespace(const QString &ns) = 0;

signals:
    void changesPending();
    void initialSyncDone();
    // Every cache the engine keeps (pods, ReplicaSets, nodes, ... as well as workloads) was
    // listed, or failed, once.
    void cachesSynced();
    // Pods, ReplicaSets or events changed somewhere (what workloadInsight reads).
    void detailsChanged();
};

} // namespace Meridian::Federation

Q_DECLARE_METATYPE(Meridian::Federation::Capabilities)
Q_DECLARE_METATYPE(Meridian::Federation::Engine)

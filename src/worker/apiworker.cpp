#include "apiworker.h"

#include "core/threadpriority.h"
#include "federation/directbackend.h"
#include "federation/karmadabackend.h"
#include "kube/apiclient.h"
#include "kube/clusterprobe.h"
#include "kube/credentials.h"
#include "kube/karmadapaths.h"
#include "net/transport.h"

namespace Meridian {

ApiWorker::ApiWorker(QObject *parent)
    : QObject(parent)
    , m_batchTimer(this) // a child, so moveToThread() takes it along
    , m_backendTimer(this)
    , m_insightTimer(this)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(50);
    connect(&m_batchTimer, &QTimer::timeout, this, &ApiWorker::flush);
    m_backendTimer.setSingleShot(true);
    m_backendTimer.setInterval(50);
    connect(&m_backendTimer, &QTimer::timeout, this, &ApiWorker::flushBackend);
    m_insightTimer.setSingleShot(true);
    m_insightTimer.setInterval(500);
    connect(&m_insightTimer, &QTimer::timeout, this, &ApiWorker::sendInsight);
}

ApiWorker::~ApiWorker()
{
    delete m_backend; // before the clients its informers use
    qDeleteAll(m_clients);
    delete m_transport;
    delete m_credentials;
}

void ApiWorker::setExecTimeout(int ms)
{
    if (!m_credentials)
        m_credentials = new Kube::ExecCredentialProvider;
    m_credentials->setTimeout(ms);
}

void ApiWorker::connectFederation(const FederationRequest &request, quint64 generation)
{
    // Created here, on the worker thread, so their sockets and timers belong to it.
    if (!m_transport)
        m_transport = new Net::Transport;
    if (!m_credentials)
        m_credentials = new Kube::ExecCredentialProvider;

    m_generation = generation;
    delete m_backend;
    m_backend = nullptr;
    m_backendTimer.stop();
    for (const auto &client : std::as_const(m_clients))
        delete client.data(); // cancels its replies
    m_clients.clear();
    m_unresolved.clear();
    m_pending.clear();
    m_karmada = false;
    m_karmadaListed = false;
    m_refreshPending = false;

    Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(request.load);
    if (!config) {
        emit federationFailed(generation, config.error().message);
        return;
    }
    QStringList contexts = request.contexts;
    m_karmada = request.engine == Federation::Engine::Karmada;
    if (m_karmada) {
        // One context is the Karmada control plane: the one named, else
        // Kube::defaultKarmadaContext() (one called "karmada", else the current context).
        if (contexts.size() > 1) {
            emit federationFailed(generation,
                                  tr("The Karmada engine reads one control plane; name one "
                                     "context, not %1.")
                                          .arg(contexts.size()));
            return;
        }
        if (contexts.isEmpty() && !Kube::defaultKarmadaContext(*config).isEmpty())
            contexts = {Kube::defaultKarmadaContext(*config)};
    }
    if (contexts.isEmpty())
        contexts = config->contextNames();
    if (contexts.isEmpty()) {
        emit federationFailed(
                generation,
                config->files.isEmpty()
                        ? tr("No kubeconfig was found (looked at --kubeconfig, $KUBECONFIG and "
                             "~/.kube/config).")
                        : tr("The kubeconfig (%1) defines no contexts.")
                                  .arg(config->files.join(QLatin1String(", "))));
        return;
    }
    for (const QString &name : std::as_const(contexts)) {
        if (!config->findContext(name)) {
            // Asking for a context that does not exist is an operator error, not a cluster state.
            emit federationFailed(generation, config->resolve(name).error().message);
            return;
        }
    }

    if (m_karmada) {
        startKarmada(*config, contexts.constFirst(), request);
        return;
    }

    ClusterStatusList initial;
    for (const QString &name : std::as_const(contexts)) {
        Result<Kube::ResolvedContext> resolved = config->resolve(name);
        ClusterStatus status;
        status.context = name;
        if (!resolved) {
            status.name = config->findContext(name)->cluster;
            status.state = ClusterState::Unreachable;
            status.reason = resolved.error().message;
            m_unresolved.append(status);
        } else {
            status.name = resolved->cluster.name;
            status.server = resolved->cluster.server;
            status.insecureTls = resolved->cluster.insecureSkipTlsVerify;
            m_clients.append(new Kube::ApiClient(*resolved, m_transport, m_credentials));
        }
        initial.append(status);
    }
    emit federationLoaded(generation, initial);
    probeAll();
    if (request.watch)
        startBackend(request);
}

void ApiWorker::startKarmada(const Kube::Kubeconfig &config,
                             const QString &context,
                             const FederationRequest &request)
{
    const quint64 generation = m_generation;
    Result<Kube::ResolvedContext> resolved = config.resolve(context);
    if (!resolved) {
        emit federationFailed(generation, resolved.error().message);
        return;
    }
    auto *client = new Kube::ApiClient(*resolved, m_transport, m_credentials);
    m_clients.append(client);
    // The members are Karmada's Cluster objects; they arrive as cluster batches.
    emit federationLoaded(generation, {});

    Federation::KarmadaBackend::Options options;
    options.namespaces = request.namespaces;
    auto *backend = new Federation::KarmadaBackend(client, options, this);
    m_backend = backend;
    m_refreshPending = true;
    connectBackend(backend);
    connect(backend,
            &Federation::KarmadaBackend::clustersListed,
            this,
            [this, generation, backend](const QString &error) {
                if (!error.isEmpty() && !m_karmadaListed) {
                    // Nothing to show at all: say why, as an unreadable kubeconfig would.
                    m_karmadaListed = true;
                    m_refreshPending = false;
                    emit federationFailed(
                            generation,
                            tr("The Karmada control plane (context %1) cannot be read: %2")
                                    .arg(backend->controlPlaneContext(), error));
                    return;
                }
                m_karmadaListed = true;
                if (!m_refreshPending)
                    return;
                m_refreshPending = false;
                const ClusterStatusList all = backend->clusters();
                if (!all.isEmpty())
                    emit clusterStatusBatch(generation, all);
                emit refreshFinished(generation);
            });
    connect(backend, &Federation::Backend::initialSyncDone, this, [this, generation] {
        m_backendTimer.stop();
        flushBackend(); // the first batch holds every workload
        emit workloadsSynced(generation);
    });
    connect(backend, &Federation::Backend::cachesSynced, this, [this, generation] {
        emit cachesSynced(generation);
    });
    emit engineReady(generation, backend->engine(), backend->capabilities());
    backend->start();
}

void ApiWorker::startBackend(const FederationRequest &request)
{
    QList<Federation::DirectBackend::Member> members;
    for (const auto &client : std::as_const(m_clients)) {
        Federation::DirectBackend::Member member;
        member.client = client;
        member.status.context = client->context().context.name;
        member.status.name = client->context().cluster.name;
        member.status.server = client->context().cluster.server;
        members.append(member);
    }
    Federation::DirectBackend::Options options;
    options.namespaces = request.namespaces;
    auto *backend = new Federation::DirectBackend(members, options, this);
    m_backend = backend;
    const quint64 generation = m_generation;
    connectBackend(backend);
    connect(backend, &Federation::Backend::initialSyncDone, this, [this, generation] {
        m_backendTimer.stop();
        flushBackend(); // the first batch holds every workload
        emit workloadsSynced(generation);
    });
    connect(backend, &Federation::Backend::cachesSynced, this, [this, generation] {
        emit cachesSynced(generation);
    });
    emit engineReady(generation, backend->engine(), backend->capabilities());
    backend->start();
}

void ApiWorker::connectBackend(Federation::Backend *backend)
{
    connect(backend, &Federation::Backend::changesPending, this, [this] {
        if (!m_backendTimer.isActive())
            m_backendTimer.start();
    });
    connect(backend, &Federation::Backend::detailsChanged, this, [this] {
        if (!m_insightKey.isEmpty() && !m_insightTimer.isActive())
            m_insightTimer.start();
    });
    if (!m_insightKey.isEmpty()) {
        backend->setDetailNamespace(m_insightKey.section(u'/', 0, 0));
        m_insightTimer.start(); // what the new engine knows, once it knows something
    }
}

void ApiWorker::followInsight(const QString &key)
{
    m_insightKey = key;
    m_insightTimer.stop();
    if (m_backend)
        m_backend->setDetailNamespace(key.section(u'/', 0, 0));
    if (!key.isEmpty())
        sendInsight();
}

void ApiWorker::sendInsight()
{
    if (!m_backend || m_insightKey.isEmpty())
        return;
    const qsizetype slash = m_insightKey.indexOf(u'/');
    emit workloadInsight(m_generation,
                         m_backend->workloadInsight(m_insightKey.left(slash),
                                                    m_insightKey.mid(slash + 1)));
}

void ApiWorker::flushBackend()
{
    if (!m_backend)
        return;
    const Federation::Backend::Changes changes = m_backend->takeChanges();
    if (!m_insightKey.isEmpty() && !m_insightTimer.isActive()) {
        for (const FederatedWorkload &w : changes.workloads) {
            if (w.key() == m_insightKey) {
                m_insightTimer.start();
                break;
            }
        }
    }
    if (!changes.clusters.isEmpty())
        emit clusterStatusBatch(m_generation, changes.clusters);
    if (!changes.removedClusters.isEmpty())
        emit clustersRemoved(m_generation, changes.removedClusters);
    if (!changes.workloads.isEmpty() || !changes.removedWorkloads.isEmpty())
        emit workloadBatch(m_generation, changes.workloads, changes.removedWorkloads);
}

void ApiWorker::runWithClients(const ClientTask &task)
{
    QHash<QString, Kube::ApiClient *> clients;
    for (const auto &client : std::as_const(m_clients)) {
        if (client)
            clients.insert(client->context().context.name, client);
    }
    task(clients);
}

void ApiWorker::refresh()
{
    if (m_karmada) {
        // Karmada's Clusters are watched; a refresh lists them again.
        if (auto *karmada = qobject_cast<Federation::KarmadaBackend *>(m_backend)) {
            m_refreshPending = true;
            karmada->refreshClusters();
        }
        return;
    }
    if (m_clients.isEmpty() && m_unresolved.isEmpty())
        return;
    probeAll();
}

void ApiWorker::probeAll()
{
    const quint64 round = ++m_round;
    m_outstanding = static_cast<int>(m_clients.size());
    for (const ClusterStatus &status : std::as_const(m_unresolved))
        m_pending.append(status);
    if (m_outstanding == 0) {
        flush();
        emit refreshFinished(m_generation);
        return;
    }
    for (const auto &client : std::as_const(m_clients)) {
        Kube::probeCluster(client, [this, round](const ClusterStatus &status) {
            if (round != m_round)
                return; // a newer refresh or federation superseded this one
            report(status);
        });
    }
}

void ApiWorker::report(const ClusterStatus &status)
{
    if (m_backend)
        m_backend->setProbedStatus(status);
    m_pending.append(status);
    if (--m_outstanding == 0) {
        m_batchTimer.stop();
        flush();
        emit refreshFinished(m_generation);
        return;
    }
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void ApiWorker::flush()
{
    if (m_pending.isEmpty())
        return;
    emit clusterStatusBatch(m_generation, std::exchange(m_pending, {}));
}

// ---------------------------------------------------------------------------------------------

ApiThread::ApiThread(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Meridian::ClusterStatusList>();
    qRegisterMetaType<Meridian::FederationRequest>();
    qRegisterMetaType<Meridian::FederatedWorkloadList>();
    qRegisterMetaType<Meridian::WorkloadInsight>();
    qRegisterMetaType<Meridian::Federation::Capabilities>();
    qRegisterMetaType<Meridian::Federation::Engine>();
    m_thread.setObjectName(QStringLiteral("meridian-api"));
    m_worker = new ApiWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    // Parsing big lists must never keep the GUI thread from a core.
    QMetaObject::invokeMethod(m_worker, [] { yieldToInterface(); });
}

ApiThread::~ApiThread()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait(); // the worker is deleted on its own thread as the thread finishes
    m_worker = nullptr;
}

quint64 ApiThread::connectFederation(const FederationRequest &request)
{
    const quint64 generation = ++m_generation;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, request, generation] {
        worker->connectFederation(request, generation);
    });
    return generation;
}

void ApiThread::runWithClients(const ApiWorker::ClientTask &task)
{
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, task] { worker->runWithClients(task); });
}

void ApiThread::followInsight(const QString &key)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, key] { worker->followInsight(key); });
}

void ApiThread::refresh()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->refresh(); });
}

} // namespace Meridian

#include "sim/federation.h"

#include "core/threadpriority.h"

#include "sim/adminserver.h"
#include "sim/certificateauthority.h"
#include "sim/clusterlogs.h"
#include "sim/clusterobjectstore.h"
#include "sim/clusterserver.h"
#include "sim/controllers/controllerdriver.h"
#include "sim/controllers/controllermanager.h"
#include "sim/controllers/demoworkloads.h"
#include "sim/controllers/kubeobject.h"
#include "sim/karmada/karmadacontrolplane.h"
#include "sim/kubeconfigwriter.h"
#include "sim/logging/loggenerator.h"
#include "sim/logging/loggingserver.h"
#include "sim/objectrules.h"
#include "sim/scenario.h"
#include "sim/simclock.h"
#include "sim/staticpods.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QMutex>
#include <QSslCertificate>
#include <QSslKey>
#include <QThread>

#include <vector>

#include <pthread.h>
#include <time.h>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

// The region of the demo that is "slightly degraded": more 5xx and ERROR lines in its logs and
// one crash-looping api pod, while every node stays Ready.
constexpr auto degradedCluster = u"sao-paulo";
constexpr double degradedErrorRate = 0.12;

// Replicas per demo cluster, like a federation grown over time: big regions run more, small
// ones fewer; 0 means the cluster does not run that workload at all.
struct DemoReplicas
{
    const char16_t *cluster;
    int web, api, worker, cart;
};
constexpr DemoReplicas demoReplicas[] = {
        {u"tokyo", 4, 3, 2, 2},
        {u"osaka", 2, 1, 0, 1},
        {u"taiwan", 2, 0, 1, 1},
        {u"singapore", 3, 2, 2, 2},
        {u"frankfurt", 4, 3, 2, 2},
        {u"london", 3, 2, 1, 1},
        {u"iowa", 4, 3, 3, 2},
        {u"sao-paulo", 2, 2, 1, 1},
};

int kubeMinor(const QString &gitVersion)
{
    bool ok = false;
    const int minor = gitVersion.section(u'.', 1, 1).toInt(&ok);
    return ok ? minor : 29;
}

} // namespace

// The control plane of one cluster: lives and runs on the federation's thread, next to the
// API handlers it shares the ClusterState with.
struct ClusterRuntime
{
    ClusterServer *server = nullptr;
    std::unique_ptr<ClusterObjectStore> store;
    std::unique_ptr<Controllers::ControllerManager> manager;
    Controllers::ControllerDriver *driver = nullptr;
    int observer = 0;
};

struct Federation::Private
{
    Options options;
    std::optional<Error> setupError;
    QList<ClusterSpec> specs;

    std::optional<CertificateAuthority> ca;
    std::unique_ptr<SimClock> clock;
    QThread thread;
    QObject *host = nullptr; // lives on thread; parent of every server
    QHash<QString, ClusterServer *> servers;
    std::vector<ClusterRuntime> runtimes;
    std::unique_ptr<LogGenerator> logs;
    LoggingServer *logging = nullptr;
    AdminServer *admin = nullptr;
    KarmadaControlPlane *karmada = nullptr;
    ClusterSpec karmadaSpec; // the control plane's kubeconfig entry
    QByteArray serviceAccountKey;
    mutable QMutex faultsLock;
    QHash<QString, Fault> faults; // in force now, by cluster; guarded by faultsLock
    QByteArray kubeconfig;
    QByteArray caPem;
    QJsonObject endpoints;
    bool started = false;
    std::optional<clockid_t> cpuClock; // the thread's CPU-time clock, set once it runs

    Result<QSslConfiguration> serverTls(const ClusterSpec &spec) const;
    bool workloads() const;
    void startControllers(ClusterRuntime &runtime, const ClusterSpec &spec);
    void seedDemo(ClusterRuntime &runtime, const ClusterSpec &spec);
    void seedKarmadaDemo();
    QList<PodIdentity> runningContainers() const;
};

bool Federation::Private::workloads() const
{
    return options.workloads.value_or(options.scenario == u"demo");
}

void Federation::Private::startControllers(ClusterRuntime &runtime, const ClusterSpec &spec)
{
    ClusterState *state = runtime.server->state();
    runtime.store = std::make_unique<ClusterObjectStore>(state);
    Controllers::ControllerOptions controllerOptions;
    controllerOptions.seed = spec.seed;
    controllerOptions.kubeMinor = kubeMinor(spec.gitVersion);
    runtime.manager = std::make_unique<Controllers::ControllerManager>(runtime.store.get(),
                                                                       controllerOptions);
    if (workloads())
        seedDemo(runtime, spec);
    const SimClock *simClock = clock.get();
    runtime.driver = new Controllers::ControllerDriver(
            runtime.manager.get(), [simClock] { return simClock->now(); }, host);
    // Every write reaches the hook, the controllers' own included; the driver ignores those
    // made during its tick, so only API clients' writes bring the next tick forward.
    Controllers::ControllerDriver *driver = runtime.driver;
    runtime.observer = state->observe([driver](const Change &) { driver->kick(); });
    runtime.driver->start(200);
}

void Federation::Private::seedDemo(ClusterRuntime &runtime, const ClusterSpec &spec)
{
    DemoReplicas replicas{nullptr, 2, 2, 1, 1}; // clusters the table does not name (test)
    for (const DemoReplicas &row : demoReplicas) {
        if (spec.name == QStringView(row.cluster))
            replicas = row;
    }
    Controllers::DemoWorkloadOptions workloadOptions;
    workloadOptions.perWorkload = {{u"default/web"_s, replicas.web},
                                   {u"default/api"_s, replicas.api},
                                   {u"default/worker"_s, replicas.worker},
                                   {u"shop/cart"_s, replicas.cart}};
    QDateTime at = Controllers::seedDemoWorkloads(*runtime.manager,
                                                  spec.created.addDays(1),
                                                  workloadOptions);
    Controllers::ObjectStore *store = runtime.store.get();
    // A workload this cluster does not run goes away entirely; garbage collection takes its
    // ReplicaSets and pods on the next reconcile.
    const QList<QPair<QString, int>> counts{{u"default/api"_s, replicas.api},
                                            {u"default/worker"_s, replicas.worker},
                                            {u"shop/cart"_s, replicas.cart}};
    for (const auto &[key, count] : counts) {
        if (count == 0)
            store->remove(u"deployments.apps"_s, key.section(u'/', 0, 0), key.section(u'/', 1));
    }
    runtime.manager->advance(at, 1000, 250);
    // Catch up to the present before anything fails: the kubelet replays every transition
    // that fell due between two ticks, and a crash loop since the seeded past would be years of
    // restarts.
    runtime.manager->reconcile(clock->now());
    if (spec.name == degradedCluster && replicas.api > 0) {
        for (QJsonObject pod : store->list(u"pods"_s, u"default"_s)) {
            if (pod.value(u"metadata")[u"labels"][u"app"].toString() != u"api")
                continue;
            QJsonObject metadata = pod.value(u"metadata").toObject();
            QJsonObject annotations = metadata.value(u"annotations").toObject();
            annotations.insert(u"sim.meridian.dev/crash", u"true"_s);
            metadata.insert(u"annotations", annotations);
            pod.insert(u"metadata", metadata);
            store->update(u"pods"_s, pod); // crashes from the next tick on
            break;
        }
    }
}

// The demo behind Karmada: each demo workload becomes a template on the control plane with a
// PropagationPolicy whose static weights are the replicas every member runs, so Karmada's plan
// is the demo's spread. conflictResolution: Overwrite lets Karmada take over the members'
// Deployments (as it does for resources that existed before it); their pod templates are the
// template's, so nothing rolls out.
void Federation::Private::seedKarmadaDemo()
{
    ClusterState *plane = karmada->state();
    const quint64 seed = options.seed;
    for (const QString &key :
         {u"default/web"_s, u"default/api"_s, u"default/worker"_s, u"shop/cart"_s}) {
        const QString ns = key.section(u'/', 0, 0);
        const QString name = key.section(u'/', 1);
        QJsonObject source;
        QJsonArray clusterNames;
        QJsonArray weights;
        qint64 total = 0;
        for (const ClusterSpec &spec : std::as_const(specs)) {
            const auto deployment
                    = servers.value(spec.name)->state()->get(u"deployments.apps"_s, ns, name);
            if (!deployment)
                continue;
            const qint64 replicas = (*deployment)[u"spec"][u"replicas"].toInteger();
            if (replicas <= 0)
                continue;
            if (source.isEmpty())
                source = *deployment;
            total += replicas;
            clusterNames.append(spec.name);
            weights.append(QJsonObject{{u"targetCluster"_s,
                                        QJsonObject{{u"clusterNames"_s, QJsonArray{spec.name}}}},
                                       {u"weight"_s, replicas}});
        }
        if (source.isEmpty())
            continue;
        if (!plane->get(u"namespaces"_s, {}, ns)) {
            plane->create(u"namespaces"_s,
                          ObjectRules::applyDefaults(u"namespaces"_s,
                                                     QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                                                 {u"kind"_s, u"Namespace"_s},
                                                                 {u"metadata"_s,
                                                                  QJsonObject{{u"name"_s, ns}}}},
                                                     seed));
        }
        QJsonObject annotations = source[u"metadata"][u"annotations"].toObject();
        annotations.remove(u"deployment.kubernetes.io/revision"); // the member's own
        QJsonObject spec = source.value(u"spec").toObject();
        spec.insert(u"replicas", total);
        plane->create(u"deployments.apps"_s,
                      ObjectRules::applyDefaults(
                              u"deployments.apps"_s,
                              QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                          {u"kind"_s, u"Deployment"_s},
                                          {u"metadata"_s,
                                           QJsonObject{{u"name"_s, name},
                                                       {u"namespace"_s, ns},
                                                       {u"labels"_s,
                                                        source[u"metadata"][u"labels"]},
                                                       {u"annotations"_s, annotations}}},
                                          {u"spec"_s, spec}},
                              seed));
        const QJsonObject placement{{u"clusterAffinity"_s,
                                     QJsonObject{{u"clusterNames"_s, clusterNames}}},
                                    {u"replicaScheduling"_s,
                                     QJsonObject{{u"replicaSchedulingType"_s, u"Divided"_s},
                                                 {u"replicaDivisionPreference"_s, u"Weighted"_s},
                                                 {u"weightPreference"_s,
                                                  QJsonObject{{u"staticWeightList"_s, weights}}}}}};
        plane->create(u"propagationpolicies.policy.karmada.io"_s,
                      QJsonObject{{u"apiVersion"_s, u"policy.karmada.io/v1alpha1"_s},
                                  {u"kind"_s, u"PropagationPolicy"_s},
                                  {u"metadata"_s,
                                   QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns}}},
                                  {u"spec"_s,
                                   QJsonObject{{u"resourceSelectors"_s,
                                                QJsonArray{
                                                        QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                                    {u"kind"_s, u"Deployment"_s},
                                                                    {u"name"_s, name}}}},
                                               {u"conflictResolution"_s, u"Overwrite"_s},
                                               {u"placement"_s, placement}}}});
    }
    karmada->reconcileNow();
}

QList<PodIdentity> Federation::Private::runningContainers() const
{
    QList<PodIdentity> all;
    for (const ClusterRuntime &runtime : runtimes)
        all.append(ClusterLogs::runningContainers(*runtime.server->state()));
    return all;
}

Federation::Federation(Options options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    Result<QList<ClusterSpec>> specs = buildScenario(d->options);
    if (specs)
        d->specs = std::move(specs).value();
    else
        d->setupError = specs.error();
}

Federation::~Federation()
{
    if (!d->thread.isRunning())
        return;
    QMetaObject::invokeMethod(
            d->host,
            [this] {
                // Controllers first: they write to the servers' states.
                for (ClusterRuntime &runtime : d->runtimes) {
                    if (runtime.observer)
                        runtime.server->state()->unobserve(runtime.observer);
                    delete runtime.driver;
                }
                d->runtimes.clear();
                // Karmada before the members: its destructor unobserves their cluster states.
                delete d->karmada;
                d->karmada = nullptr;
                // Servers, connections and TLS sockets go while their thread still runs.
                qDeleteAll(d->host->children());
                // OpenSSL frees its per-thread RNG state in a pthread destructor, which may run
                // after wait() has returned and the process has already exited; free it now.
                OPENSSL_thread_stop();
            },
            Qt::BlockingQueuedConnection);
    d->servers.clear();
    d->thread.quit();
    d->thread.wait();
}

Result<QSslConfiguration> Federation::Private::serverTls(const ClusterSpec &spec) const
{
    Result<IssuedCertificate> issued = ca->issueServerCertificate(spec.name);
    if (!issued)
        return issued.error();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(issued->certificatePem, QSsl::Pem));
    tls.setPrivateKey(QSslKey(issued->privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCaCertificates({QSslCertificate(caPem, QSsl::Pem)});
    tls.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    // Like kube-apiserver: ask every client for a certificate but let token clients in without
    // one; the client-certificate cluster then checks the chain itself and answers 401.
    tls.setPeerVerifyMode(spec.auth == AuthMethod::ClientCertificate ? QSslSocket::QueryPeer
                                                                     : QSslSocket::VerifyNone);
    if (tls.localCertificate().isNull() || tls.privateKey().isNull()) {
        return Error{u"TlsError"_s,
                     u"Qt could not load the simulator's certificate for %1; check that Qt "
                     u"Network uses the OpenSSL TLS backend."_s.arg(spec.name)};
    }
    return tls;
}

Status Federation::start()
{
    if (d->setupError)
        return *d->setupError;
    if (d->started)
        return Error{u"AlreadyStarted"_s, u"The simulated federation is already running."_s};
    if (!QSslSocket::supportsSsl()) {
        return Error{u"TlsError"_s,
                     u"Qt Network has no TLS backend; the simulator needs the "
                     u"OpenSSL backend."_s};
    }
    for (auto it = d->options.faults.cbegin(); it != d->options.faults.cend(); ++it) {
        if (!clusterNames().contains(it.key())) {
            return Error{u"InvalidArgument"_s,
                         u"A fault names cluster \"%1\", which the %2 scenario does not have; "
                         u"clusters are: %3."_s.arg(it.key(),
                                                    d->options.scenario,
                                                    clusterNames().join(u", "))};
        }
    }

    Result<CertificateAuthority> ca = CertificateAuthority::create(u"meridian-sim CA"_s);
    if (!ca)
        return ca.error();
    d->ca.emplace(std::move(ca).value());
    d->caPem = d->ca->certificatePem();
    Result<IssuedCertificate> admin
            = d->ca->issueClientCertificate(u"meridian-admin"_s, u"system:masters"_s);
    if (!admin)
        return admin.error();

    QList<QSslConfiguration> tls;
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        Result<QSslConfiguration> config = d->serverTls(spec);
        if (!config)
            return config.error();
        tls.append(*config);
    }

    d->clock = std::make_unique<SimClock>(d->options.timeScale);
    LogGenerator::Options logOptions;
    logOptions.seed = d->options.seed;
    d->logs = std::make_unique<LogGenerator>(logOptions);
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        if (spec.name == degradedCluster && d->options.scenario == u"demo")
            d->logs->setRegionErrorRate(spec.region, degradedErrorRate);
    }
    ClusterSpec adminSpec;
    adminSpec.name = u"admin"_s;
    Result<QSslConfiguration> adminTls = d->serverTls(adminSpec);
    if (!adminTls)
        return adminTls.error();
    d->faults = d->options.faults;
    d->host = new QObject;
    d->host->moveToThread(&d->thread);
    QObject::connect(&d->thread, &QThread::finished, d->host, &QObject::deleteLater);
    d->thread.setObjectName(u"meridian-sim"_s);
    d->thread.start();
    if (d->options.yieldToInterface)
        QMetaObject::invokeMethod(d->host, [] { yieldToInterface(); });
    QMetaObject::invokeMethod(
            d->host,
            [this] {
                clockid_t clock;
                if (pthread_getcpuclockid(pthread_self(), &clock) == 0)
                    d->cpuClock = clock;
            },
            Qt::BlockingQueuedConnection);

    Status status = succeeded();
    QMetaObject::invokeMethod(
            d->host,
            [this, &tls, &status, &adminTls] {
                for (qsizetype i = 0; i < d->specs.size() && status.ok(); ++i) {
                    auto *server = new ClusterServer(d->specs[i],
                                                     tls[i],
                                                     &*d->ca,
                                                     d->clock.get(),
                                                     d->logs.get(),
                                                     d->host);
                    d->servers.insert(d->specs[i].name, server);
                    ClusterRuntime &runtime = d->runtimes.emplace_back();
                    runtime.server = server;
                    // Seeded before the server listens: no client ever sees a half-built world.
                    if (d->options.controllers)
                        d->startControllers(runtime, d->specs[i]);
                    if (d->options.seedPods > 0) {
                        seedStaticPods(*server->state(), d->options.seedPods);
                        // Serialised once now, not while a client's initial sync lists them.
                        server->prepareServedJson();
                    }
                    status = server->start();
                    const auto fault = d->options.faults.constFind(d->specs[i].name);
                    if (fault != d->options.faults.cend())
                        server->setFault(*fault);
                }
                if (status.ok() && d->options.cloudLogging) {
                    LoggingServer::Options loggingOptions;
                    loggingOptions.seed = d->options.seed;
                    const Private *self = d.get();
                    d->logging = new LoggingServer(
                            *d->ca,
                            *d->logs,
                            [self] { return self->runningContainers(); },
                            *d->clock,
                            loggingOptions,
                            d->host);
                    status = d->logging->start();
                    if (status.ok())
                        d->serviceAccountKey = d->logging->serviceAccountKeyJson();
                }
                if (status.ok() && d->options.karmada) {
                    QList<KarmadaControlPlane::Member> members;
                    for (const ClusterSpec &spec : std::as_const(d->specs)) {
                        ClusterServer *server = d->servers.value(spec.name);
                        QStringList zones;
                        for (const NodeSpec &node : spec.nodes) {
                            if (!zones.contains(node.zone))
                                zones.append(node.zone);
                        }
                        members.append({spec.name,
                                        server->state(),
                                        spec.region,
                                        zones,
                                        u"gcp"_s,
                                        spec.gitVersion,
                                        QUrl(u"https://127.0.0.1:"_s
                                             + QString::number(server->boundPort()))});
                    }
                    KarmadaControlPlane::Options karmadaOptions;
                    karmadaOptions.seed = d->options.seed;
                    karmadaOptions.clock = d->clock.get();
                    karmadaOptions.logs = d->logs.get();
                    karmadaOptions.watchHistory = qMax(1, d->options.watchHistory);
                    karmadaOptions.bookmarkIntervalMs = qMax(10, d->options.bookmarkIntervalMs);
                    // Live faults: a member that is down or resetting is not Ready in Karmada.
                    karmadaOptions.memberHealthy = [this](const QString &name) {
                        QMutexLocker lock(&d->faultsLock);
                        const auto fault = d->faults.constFind(name);
                        return fault == d->faults.cend()
                               || (fault->kind != Fault::Kind::Down
                                   && fault->kind != Fault::Kind::Reset);
                    };
                    d->karmada = new KarmadaControlPlane(*d->ca, members, karmadaOptions, d->host);
                    status = d->karmada->start();
                    if (status.ok() && d->workloads())
                        d->seedKarmadaDemo();
                }
                if (status.ok()) {
                    AdminServer::Hooks hooks;
                    hooks.clusters = clusterNames();
                    hooks.faults = [this] {
                        QMutexLocker lock(&d->faultsLock);
                        return d->faults;
                    };
                    hooks.setFault = [this](const QString &cluster, std::optional<Fault> fault) {
                        setFault(cluster, fault);
                    };
                    d->admin = new AdminServer(*adminTls, std::move(hooks), d->host);
                    status = d->admin->start();
                }
            },
            Qt::BlockingQueuedConnection);
    if (!status)
        return status;

    QList<KubeconfigEntry> entries;
    QJsonObject clusters;
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        const QString url = u"https://127.0.0.1:"_s
                            + QString::number(d->servers.value(spec.name)->boundPort());
        entries.append(KubeconfigEntry{&spec, url});
        clusters.insert(spec.name, url);
    }
    if (d->karmada) {
        d->karmadaSpec.name = u"karmada"_s;
        d->karmadaSpec.auth = AuthMethod::Token;
        d->karmadaSpec.token = d->karmada->token();
        entries.append(KubeconfigEntry{&d->karmadaSpec, d->karmada->url().toString()});
    }
    d->kubeconfig = writeKubeconfig(entries,
                                    KubeconfigCredentials{d->caPem,
                                                          admin->certificatePem,
                                                          admin->privateKeyPem,
                                                          d->options.execCommand});
    d->endpoints = QJsonObject{{u"clusters"_s, clusters},
                               {u"karmada"_s,
                                d->karmada ? QJsonValue(d->karmada->url().toString())
                                           : QJsonValue(QJsonValue::Null)},
                               {u"logging"_s,
                                d->logging ? QJsonValue(d->logging->loggingUrl().toString())
                                           : QJsonValue(QJsonValue::Null)},
                               {u"token"_s,
                                d->logging ? QJsonValue(d->logging->tokenUrl().toString())
                                           : QJsonValue(QJsonValue::Null)},
                               {u"admin"_s, d->admin->url()}};
    d->started = true;
    return succeeded();
}

QByteArray Federation::kubeconfig() const
{
    return d->kubeconfig;
}

QByteArray Federation::caCertificatePem() const
{
    return d->caPem;
}

QJsonObject Federation::endpoints() const
{
    return d->endpoints;
}

QByteArray Federation::serviceAccountKeyJson() const
{
    return d->serviceAccountKey;
}

QStringList Federation::clusterNames() const
{
    QStringList names;
    for (const ClusterSpec &spec : std::as_const(d->specs))
        names.append(spec.name);
    return names;
}

QString Federation::tokenFor(const QString &cluster) const
{
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        if (spec.name == cluster)
            return spec.auth == AuthMethod::ClientCertificate ? QString() : spec.token;
    }
    return {};
}

std::optional<AuthMethod> Federation::authFor(const QString &cluster) const
{
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        if (spec.name == cluster)
            return spec.auth;
    }
    return std::nullopt;
}

void Federation::setFault(const QString &cluster, std::optional<Fault> fault)
{
    if (!d->started) {
        if (fault)
            d->options.faults.insert(cluster, *fault);
        else
            d->options.faults.remove(cluster);
        return;
    }
    ClusterServer *server = d->servers.value(cluster);
    if (!server) {
        qWarning("meridian-sim: no cluster named %s; fault ignored", qUtf8Printable(cluster));
        return;
    }
    {
        QMutexLocker lock(&d->faultsLock);
        if (fault)
            d->faults.insert(cluster, *fault);
        else
            d->faults.remove(cluster);
    }
    // A member going down also breaks the streams Karmada's cluster proxy holds to it.
    KarmadaControlPlane *karmada = d->karmada;
    const bool breaks
            = fault && (fault->kind == Fault::Kind::Down || fault->kind == Fault::Kind::Reset);
    auto apply = [server, fault, karmada, breaks, cluster] {
        server->setFault(fault);
        if (karmada && breaks)
            karmada->dropProxiedStreams(cluster);
    };
    if (QThread::currentThread() == &d->thread)
        apply();
    else
        QMetaObject::invokeMethod(server, apply, Qt::BlockingQueuedConnection);
}

qint64 Federation::threadCpuNs() const
{
    timespec t{};
    if (!d->cpuClock || clock_gettime(*d->cpuClock, &t) != 0)
        return 0;
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

} // namespace Meridian::Sim

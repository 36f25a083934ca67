// Live-state sync at scale: the Direct engine's initial list of every member's Deployments,
// ReplicaSets, Pods and Nodes, through the API worker thread into ClusterModel and WorkloadModel
// living on the main thread, as in the app. One run measures one cluster × P pods and N clusters
// × P pods side by side (the ratio is the result), the main thread's longest event-loop stall
// while the worker syncs, and heap bytes per cached pod. See docs/PERFORMANCE.md.
//   bench_sync [--clusters 50] [--pods 1000] [--latencies 0,50,150]
// Each round-trip time in --latencies (every member's responses held back that long, as far
// regions are) is one baseline/federation pair; a table at the end puts them side by side.
#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "worker/apiworker.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QTimer>

#include <malloc.h>

#include <atomic>
#include <cerrno>

#include <cstdio>
#include <ctime>

using namespace Meridian;

// The client's heap, told apart from the in-process simulator's: malloc and friends are
// wrapped, and only threads marked as the client's (this main thread and the API worker thread)
// count what they allocate and free. Qt's containers allocate with malloc, so QJsonObject,
// QString and QByteArray are all seen. The simulator's thread is never marked.
extern "C" {
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t count, size_t size);
void *__libc_realloc(void *pointer, size_t size);
void *__libc_memalign(size_t alignment, size_t size);
void __libc_free(void *pointer);
}

namespace {

thread_local bool t_counted = false;
std::atomic<qint64> g_clientBytes{0};

void counted(void *pointer, int sign)
{
    if (pointer && t_counted)
        g_clientBytes.fetch_add(sign * static_cast<qint64>(malloc_usable_size(pointer)),
                                std::memory_order_relaxed);
}

} // namespace

extern "C" {
void *malloc(size_t size)
{
    void *p = __libc_malloc(size);
    counted(p, +1);
    return p;
}
void *calloc(size_t count, size_t size)
{
    void *p = __libc_calloc(count, size);
    counted(p, +1);
    return p;
}
void *realloc(void *pointer, size_t size)
{
    counted(pointer, -1);
    void *p = __libc_realloc(pointer, size);
    counted(p ? p : pointer, +1);
    return p;
}
void *memalign(size_t alignment, size_t size)
{
    void *p = __libc_memalign(alignment, size);
    counted(p, +1);
    return p;
}
void *aligned_alloc(size_t alignment, size_t size)
{
    return memalign(alignment, size);
}
int posix_memalign(void **out, size_t alignment, size_t size)
{
    *out = memalign(alignment, size);
    return *out ? 0 : ENOMEM;
}
void free(void *pointer)
{
    counted(pointer, -1);
    __libc_free(pointer);
}
}

namespace {

qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

qint64 processCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Bytes the client threads hold right now.
qint64 heapInUse()
{
    return g_clientBytes.load(std::memory_order_relaxed);
}

struct Figures
{
    int clusters = 0;
    qint64 pods = 0;
    double syncMs = 0;       // connect until every cache listed once and the models hold it
    double workloadsMs = 0;  // connect until workloadsSynced: the first complete workload view
    double maxStallMs = 0;   // the main thread's longest gap between two 2 ms probe ticks
    double idleStallMs = 0;  // the same, for 1 s after the sync with nothing to do
    double maxBusyMs = 0;    // the most CPU the main thread itself used between two ticks
    double workerCpuMs = 0;  // CPU of the API worker thread until synced
    double processCpuMs = 0; // CPU of the whole process (client and simulator) during the sync
    double bytesPerPod = 0;  // heap the whole client side holds once synced, divided by the pods
    qint64 leftBytes = 0;    // the client's heap left over after it was torn down
    int batches = 0;
    bool ok = false;
    QString problem;
};

Figures measure(int clusterCount, int podsPerCluster, int latencyMs)
{
    Figures f;
    f.clusters = clusterCount;
    f.pods = qint64(clusterCount) * podsPerCluster;

    Sim::Options options;
    options.scenario = QStringLiteral("test");
    options.clusters = clusterCount;
    options.controllers = false; // static pods: the simulator thread only serves
    options.workloads = false;
    options.yieldToInterface = true; // stands in for remote API servers
    options.seedPods = podsPerCluster;
    if (latencyMs > 0) {
        // Every response of every member is held back this long: a round trip to a far region.
        for (int i = 1; i <= clusterCount; ++i) {
            Sim::Fault fault;
            fault.kind = Sim::Fault::Kind::Latency;
            fault.latencyMs = latencyMs;
            options.faults.insert(QStringLiteral("cluster-%1").arg(i, 2, 10, QLatin1Char('0')),
                                  fault);
        }
    }
    Sim::Federation sim(options);
    if (const Status started = sim.start(); !started) {
        f.problem = started.error().message;
        return f;
    }

    const qint64 before = heapInUse();
    qint64 heapSynced = before;
    {
        QElapsedTimer clock;
        ApiThread api;
        ApiWorker *worker = api.worker();
        QMetaObject::invokeMethod(worker, [worker] {
            t_counted = true; // the API worker thread is the client's
            worker->setBatchInterval(50);
        });
        ClusterModel clusters;
        WorkloadModel workloads;
        bool probed = false;
        bool synced = false;
        bool cached = false;
        QEventLoop loop;
        auto done = [&] {
            if (probed && synced && cached)
                loop.quit();
        };
        QObject::connect(worker,
                         &ApiWorker::federationLoaded,
                         &loop,
                         [&](quint64, const ClusterStatusList &l) { clusters.setClusters(l); });
        QObject::connect(worker,
                         &ApiWorker::clusterStatusBatch,
                         &loop,
                         [&](quint64, const ClusterStatusList &b) { clusters.applyBatch(b); });
        QObject::connect(worker,
                         &ApiWorker::workloadBatch,
                         &loop,
                         [&](quint64, const FederatedWorkloadList &c, const QStringList &r) {
                             ++f.batches;
                             workloads.applyBatch(c, r);
                         });
        QObject::connect(worker, &ApiWorker::refreshFinished, &loop, [&] {
            probed = true;
            done();
        });
        QObject::connect(worker, &ApiWorker::workloadsSynced, &loop, [&] {
            f.workloadsMs = double(clock.nsecsElapsed()) / 1e6;
            synced = true;
            done();
        });
        QObject::connect(worker, &ApiWorker::cachesSynced, &loop, [&] {
            cached = true;
            done();
        });
        QObject::connect(worker,
                         &ApiWorker::federationFailed,
                         &loop,
                         [&](quint64, const QString &m) {
                             f.problem = m;
                             loop.quit();
                         });

        // The probe: a 2 ms timer on this (the "GUI") thread; the longest gap between ticks.
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(2);
        QElapsedTimer sinceTick;
        qint64 maxGapNs = 0;
        qint64 maxBusyNs = 0;
        qint64 lastCpuNs = threadCpuNs();
        QObject::connect(&probe, &QTimer::timeout, &loop, [&] {
            maxGapNs = std::max(maxGapNs, sinceTick.nsecsElapsed());
            sinceTick.restart();
            // CPU time this thread itself spent since the last tick: its own work, as opposed
            // to waiting for a core.
            const qint64 cpu = threadCpuNs();
            maxBusyNs = std::max(maxBusyNs, cpu - lastCpuNs);
            lastCpuNs = cpu;
        });
        QTimer::singleShot(600000, &loop, [&] {
            f.problem = QStringLiteral("no sync within 600 s");
            loop.quit();
        });

        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("bench kubeconfig");
        request.namespaces = {QStringLiteral("default")};
        clock.start();
        const qint64 processCpuBefore = processCpuNs();
        sinceTick.start();
        probe.start();
        api.connectFederation(request);
        loop.exec();
        f.syncMs = double(clock.nsecsElapsed()) / 1e6;
        f.maxStallMs = std::max(0.0, double(maxGapNs) / 1e6 - 2.0); // beyond the interval
        f.maxBusyMs = double(maxBusyNs) / 1e6;
        // Where the CPU went: the API worker thread (TLS, JSON, informers, aggregation) against
        // the whole process (the simulator thread serialising the lists is most of the rest).
        qint64 workerCpuNs = 0;
        QMetaObject::invokeMethod(
                worker,
                [&workerCpuNs] { workerCpuNs = threadCpuNs(); },
                Qt::BlockingQueuedConnection);
        f.workerCpuMs = double(workerCpuNs) / 1e6;
        f.processCpuMs = double(processCpuNs() - processCpuBefore) / 1e6;
        // The same probe for 1 s after the sync, nothing left to do: what the machine itself
        // (other processes, the scheduler) costs the main thread, to read the figure above by.
        maxGapNs = 0;
        sinceTick.restart();
        QEventLoop idle;
        QTimer::singleShot(1000, &idle, &QEventLoop::quit);
        idle.exec();
        probe.stop();
        f.idleStallMs = std::max(0.0, double(maxGapNs) / 1e6 - 2.0);

        heapSynced = heapInUse();

        // The figures count only if the view is right: one workload, every member, every pod.
        if (f.problem.isEmpty()) {
            if (workloads.workloads().size() != 1) {
                f.problem = QStringLiteral("%1 workloads, expected 1")
                                    .arg(workloads.workloads().size());
            } else {
                const FederatedWorkload &w = workloads.workloads().constFirst();
                if (w.clusters.size() != clusterCount || w.totals.ready != f.pods)
                    f.problem = QStringLiteral("workload has %1 clusters, %2 ready; expected "
                                               "%3 and %4")
                                        .arg(w.clusters.size())
                                        .arg(w.totals.ready)
                                        .arg(clusterCount)
                                        .arg(f.pods);
            }
            if (clusters.rowCount() != clusterCount)
                f.problem = QStringLiteral("%1 cluster rows, expected %2")
                                    .arg(clusters.rowCount())
                                    .arg(clusterCount);
        }
    }
    // What the client holds once synced (its threads' heap growth), and what it left behind
    // once torn down (about nothing).
    const qint64 after = heapInUse();
    f.bytesPerPod = f.pods > 0 ? double(heapSynced - before) / double(f.pods) : 0;
    f.leftBytes = after - before;
    f.ok = f.problem.isEmpty();
    return f;
}

void print(const char *label, const Figures &f)
{
    std::printf("%-10s %3d clusters x %lld pods: CPU %8.1f ms in the worker thread, %8.1f ms in "
                "the process\n",
                label,
                f.clusters,
                static_cast<long long>(f.clusters ? f.pods / f.clusters : 0),
                f.workerCpuMs,
                f.processCpuMs);
    std::printf("%-10s %3d clusters x %lld pods: sync %8.1f ms, longest main-thread stall %6.1f "
                "ms, %6.0f client heap bytes per pod, %d workload batches (%.2f MB left after "
                "teardown)\n",
                label,
                f.clusters,
                static_cast<long long>(f.clusters ? f.pods / f.clusters : 0),
                f.syncMs,
                f.maxStallMs,
                f.bytesPerPod,
                f.batches,
                double(f.leftBytes) / 1e6);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    t_counted = true; // this (the "GUI") thread is the client's
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption clustersOption(QStringLiteral("clusters"),
                                            QStringLiteral("Clusters of the large run."),
                                            QStringLiteral("n"),
                                            QStringLiteral("50"));
    const QCommandLineOption podsOption(QStringLiteral("pods"),
                                        QStringLiteral("Pods per cluster."),
                                        QStringLiteral("n"),
                                        QStringLiteral("1000"));
    const QCommandLineOption
            latenciesOption(QStringLiteral("latencies"),
                            QStringLiteral(
                                    "Round-trip times added to every response of every member, one "
                                    "baseline/federation pair each (0: loopback)."),
                            QStringLiteral("ms,ms,..."),
                            QStringLiteral("0,50,150"));
    parser.addOptions({clustersOption, podsOption, latenciesOption});
    parser.process(app);
    const int clusterCount = parser.value(clustersOption).toInt();
    const int pods = parser.value(podsOption).toInt();
    QList<int> latencies;
    for (const QString &text : parser.value(latenciesOption).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int ms = text.trimmed().toInt(&ok);
        if (!ok || ms < 0) {
            std::fprintf(stderr,
                         "bench_sync: --latencies: \"%s\" is not a number of ms\n",
                         qPrintable(text));
            return 2;
        }
        latencies.append(ms);
    }
    if (clusterCount < 1 || pods < 1 || latencies.isEmpty()) {
        std::fprintf(stderr, "bench_sync: --clusters and --pods must be positive\n");
        return 2;
    }
    Net::Transport::globalInit();

    // A warm-up, so the first measured run does not pay for one-time initialisation.
    (void)measure(1, 10, 0);
    struct Pair
    {
        int latencyMs;
        Figures one;
        Figures many;
    };
    QList<Pair> pairs;
    for (const int latencyMs : std::as_const(latencies)) {
        std::printf("== every member %d ms away%s\n",
                    latencyMs,
                    latencyMs == 0 ? " (loopback)" : " (emulated round trip)");
        Pair pair{latencyMs, measure(1, pods, latencyMs), measure(clusterCount, pods, latencyMs)};
        print("baseline", pair.one);
        print("federation", pair.many);
        for (const Figures *f : {&pair.one, &pair.many}) {
            if (!f->ok) {
                std::fprintf(stderr, "bench_sync: %s\n", qPrintable(f->problem));
                return 1;
            }
        }
        pairs.append(pair);
        std::fflush(stdout);
    }

    std::printf("\n%d clusters x %d pods against 1 cluster x %d pods, side by side:\n",
                clusterCount,
                pods,
                pods);
    std::printf("%8s %11s %11s %7s %9s %16s %11s %10s\n",
                "RTT ms",
                "1 cluster",
                "federation",
                "ratio",
                "<= 3x",
                "first view",
                "max stall",
                "B/pod");
    for (const Pair &p : std::as_const(pairs)) {
        const double ratio = p.many.syncMs / p.one.syncMs;
        std::printf("%8d %8.0f ms %8.0f ms %6.2fx %9s %7.0f ms %5.2fx %8.1f ms %10.0f\n",
                    p.latencyMs,
                    p.one.syncMs,
                    p.many.syncMs,
                    ratio,
                    ratio <= 3.0 ? "met" : "not met",
                    p.many.workloadsMs,
                    p.many.workloadsMs / p.one.workloadsMs,
                    std::max(p.one.maxStallMs, p.many.maxStallMs),
                    p.many.bytesPerPod);
    }
    double idle = 0;
    double busy = 0;
    for (const Pair &p : std::as_const(pairs)) {
        idle = std::max({idle, p.one.idleStallMs, p.many.idleStallMs});
        busy = std::max({busy, p.one.maxBusyMs, p.many.maxBusyMs});
    }
    std::printf(
            "targets: sync <= 3x one cluster's; main-thread stall <= 16 ms (idle after the sync: "
            "%.1f ms; most main-thread CPU between two ticks %.1f ms); <= 2048 B per cached "
            "pod\n",
            idle,
            busy);
    std::printf("(with no round trip to overlap, the sync is bound by the CPU both the simulator "
                "and the client spend per pod: see docs/PERFORMANCE.md)\n");
    return 0;
}

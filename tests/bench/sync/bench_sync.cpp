// Live-state sync at scale: the Direct engine's initial list of every member's Deployments,
// ReplicaSets, Pods and Nodes, through the API worker thread into ClusterModel and WorkloadModel
// living on the main thread, as in the app. One run measures one cluster × P pods and N clusters
// × P pods side by side (the ratio is the result), the main thread's longest event-loop stall
// while the worker syncs, and heap bytes per cached pod. See docs/PERFORMANCE.md.
//   bench_sync [--clusters 50] [--pods 1000]
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

#include <cstdio>

using namespace Meridian;

namespace {

// Bytes the allocator has handed out and not got back, over every arena.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<qint64>(info.uordblks + info.hblkhd);
}

struct Figures
{
    int clusters = 0;
    qint64 pods = 0;
    double syncMs = 0;      // connect until every cache listed once and the models hold it
    double maxStallMs = 0;  // the main thread's longest gap between two 2 ms probe ticks
    double bytesPerPod = 0; // heap growth of the whole client side, divided by the pods
    int batches = 0;
    bool ok = false;
    QString problem;
};

Figures measure(int clusterCount, int podsPerCluster)
{
    Figures f;
    f.clusters = clusterCount;
    f.pods = qint64(clusterCount) * podsPerCluster;

    Sim::Options options;
    options.scenario = QStringLiteral("test");
    options.clusters = clusterCount;
    options.controllers = false; // static pods: the simulator thread only serves
    options.workloads = false;
    options.seedPods = podsPerCluster;
    Sim::Federation sim(options);
    if (const Status started = sim.start(); !started) {
        f.problem = started.error().message;
        return f;
    }

    malloc_trim(0);
    const qint64 before = heapInUse();
    {
        ApiThread api;
        ApiWorker *worker = api.worker();
        QMetaObject::invokeMethod(worker, [worker] { worker->setBatchInterval(50); });
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
        QObject::connect(&probe, &QTimer::timeout, &loop, [&] {
            maxGapNs = std::max(maxGapNs, sinceTick.nsecsElapsed());
            sinceTick.restart();
        });
        QTimer::singleShot(600000, &loop, [&] {
            f.problem = QStringLiteral("no sync within 600 s");
            loop.quit();
        });

        FederationRequest request;
        request.load.inlineContent = sim.kubeconfig();
        request.load.inlineName = QStringLiteral("bench kubeconfig");
        request.namespaces = {QStringLiteral("default")};
        QElapsedTimer clock;
        clock.start();
        sinceTick.start();
        probe.start();
        api.connectFederation(request);
        loop.exec();
        f.syncMs = double(clock.nsecsElapsed()) / 1e6;
        probe.stop();
        f.maxStallMs = double(maxGapNs) / 1e6 - 2.0; // beyond the tick interval itself
        if (f.maxStallMs < 0)
            f.maxStallMs = 0;

        malloc_trim(0);
        f.bytesPerPod = f.pods > 0 ? double(heapInUse() - before) / double(f.pods) : 0;

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
    f.ok = f.problem.isEmpty();
    return f;
}

void print(const char *label, const Figures &f)
{
    std::printf("%-10s %3d clusters x %lld pods: sync %8.1f ms, longest main-thread stall %6.1f "
                "ms, %6.0f heap bytes per pod, %d workload batches\n",
                label,
                f.clusters,
                static_cast<long long>(f.clusters ? f.pods / f.clusters : 0),
                f.syncMs,
                f.maxStallMs,
                f.bytesPerPod,
                f.batches);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
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
    parser.addOptions({clustersOption, podsOption});
    parser.process(app);
    const int clusterCount = parser.value(clustersOption).toInt();
    const int pods = parser.value(podsOption).toInt();
    if (clusterCount < 1 || pods < 1) {
        std::fprintf(stderr, "bench_sync: --clusters and --pods must be positive\n");
        return 2;
    }
    Net::Transport::globalInit();

    // A warm-up, so the first measured run does not pay for one-time initialisation.
    (void)measure(1, 10);
    const Figures one = measure(1, pods);
    const Figures many = measure(clusterCount, pods);
    print("baseline", one);
    print("federation", many);
    for (const Figures *f : {&one, &many}) {
        if (!f->ok) {
            std::fprintf(stderr, "bench_sync: %s\n", qPrintable(f->problem));
            return 1;
        }
    }
    const double ratio = many.syncMs / one.syncMs;
    const double perPodRatio = (many.syncMs / double(many.pods)) / (one.syncMs / double(one.pods));
    std::printf("sync ratio (federation / baseline)      %.2fx  (target <= 3x)\n", ratio);
    std::printf("time per pod ratio                      %.2fx\n", perPodRatio);
    std::printf("longest main-thread stall               %.1f ms  (target <= 16 ms)\n",
                std::max(one.maxStallMs, many.maxStallMs));
    std::printf("heap per cached pod (federation run)    %.0f bytes  (target <= 2048)\n",
                many.bytesPerPod);
    return 0;
}

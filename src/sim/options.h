#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace Meridian::Sim {

// A failure injected into one simulated cluster; see docs/SIMULATOR.md for what each does.
struct Fault
{
    enum class Kind { Latency, ErrorRate, Reset, Down } kind = Kind::Latency;
    int latencyMs = 0;    // Latency: real (not simulated) milliseconds added to every response
    double errorRate = 0; // ErrorRate: fraction of requests, 0..1, answered with 500 InternalError
};

// How a client proves who it is to a simulated cluster, as its kubeconfig user says.
enum class AuthMethod { Token, ClientCertificate, ExecPlugin };

struct Options
{
    QString scenario = QStringLiteral("demo"); // "demo" or "test"
    int clusters = 0; // "test": cluster-01..cluster-N; 0 = the scenario's default
    quint64 seed = 1;
    double timeScale = 1.0;
    QHash<QString, Fault> faults; // by cluster name
    // Absolute path of the meridian-sim binary, used as the exec credential plugin of one cluster;
    // empty means that cluster uses a plain bearer token instead.
    QString execCommand;
    // How many changes each cluster remembers for watch resumption and list continue tokens;
    // older resourceVersions get 410 Expired. Small values let tests force a relist.
    int watchHistory = 1000;
    // Real milliseconds between BOOKMARK events on watches that allow them.
    int bookmarkIntervalMs = 10000;
    // Seed Deployments (web, api, worker, shop/cart) with rollout history. Unset: yes for "demo",
    // no for "test" (tests start from empty namespaces and create what they need).
    std::optional<bool> workloads;
    // Run each cluster's control plane and kubelets (Deployments roll out, pods start and become
    // Ready). Tests of pure API mechanics (watch event sequences) turn it off, so that only
    // their own writes change objects.
    bool controllers = true;
    // Serve Cloud Logging entries:list and the OAuth token endpoint (endpoints "logging", "token").
    bool cloudLogging = false;
    // A Karmada control plane over the members (context "karmada" in the kubeconfig).
    bool karmada = false;
    // Embedded in the GUI (the demo, benchmarks): the simulator's thread gives way to the GUI
    // thread (core/threadpriority.h), as remote API servers would not use the GUI's cores.
    bool yieldToInterface = false;
    // Running, Ready pods put straight into every cluster's "default" namespace at start
    // (seedStaticPods, src/sim/staticpods.h): load for benchmarks of clients' initial sync.
    // With `controllers` off they never change.
    int seedPods = 0;
    // Lists and watch events reuse each object's serialised JSON until its resourceVersion
    // changes (ServedJsonCache). Off: every object is serialised for every response, as before;
    // the bytes served are the same either way (bench_sim compares the CPU of both).
    bool servedJsonCache = true;
};

} // namespace Meridian::Sim

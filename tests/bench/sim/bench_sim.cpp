// meridian-sim at scale: start-up of N clusters, N × P pods scheduled and Ready, and list
// throughput on loopback, with a /version round trip measured in the same run as the baseline.
// Then the simulator thread's CPU per served pod, with and without its served-JSON cache, on
// N clusters of P seeded pods (controllers off: the thread only serves).
//   bench_sim [--clusters 50] [--pods 200] [--time-scale 20] [--serve-rounds 5]
#include "sim/federation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

#include <cstdio>

using namespace Meridian;

namespace {

struct Target
{
    QString name;
    QUrl url;
    QByteArray token;
};

class Client
{
public:
    explicit Client(const QByteArray &caPem)
    {
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setCaCertificates(QSslCertificate::fromData(caPem));
    }

    // Sends every request at once and waits for all of them; returns the bodies in order.
    QList<QByteArray> all(const QList<QNetworkRequest> &requests,
                          const QByteArray &verb = "GET",
                          const QList<QByteArray> &bodies = {})
    {
        QList<QByteArray> results(requests.size());
        int pending = static_cast<int>(requests.size());
        QEventLoop loop;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            QNetworkRequest request = requests[i];
            request.setSslConfiguration(m_tls);
            QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, bodies.value(i));
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, i] {
                results[i] = reply->readAll();
                reply->deleteLater();
                if (--pending == 0)
                    loop.quit();
            });
        }
        if (pending > 0)
            loop.exec();
        return results;
    }

private:
    QNetworkAccessManager m_manager;
    QSslConfiguration m_tls;
};

QNetworkRequest request(const Target &t, const QString &path)
{
    QUrl url = t.url;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + t.token);
    r.setRawHeader("Accept", "application/json");
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return r;
}

QByteArray deployment(int replicas)
{
    const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("bench")}};
    const QJsonObject container{{QStringLiteral("name"), QStringLiteral("bench")},
                                {QStringLiteral("image"), QStringLiteral("example.com/bench:1.0")}};
    const QJsonObject object{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                             {QStringLiteral("kind"), QStringLiteral("Deployment")},
                             {QStringLiteral("metadata"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("bench")}}},
                             {QStringLiteral("spec"),
                              QJsonObject{{QStringLiteral("replicas"), replicas},
                                          {QStringLiteral("selector"),
                                           QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                          {QStringLiteral("template"),
                                           QJsonObject{{QStringLiteral("metadata"),
                                                        QJsonObject{{QStringLiteral("labels"),
                                                                     labels}}},
                                                       {QStringLiteral("spec"),
                                                        QJsonObject{{QStringLiteral("containers"),
                                                                     QJsonArray{container}}}}}}}}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

struct Listed
{
    qint64 pods = 0;
    qint64 bytes = 0;
    Listed &operator+=(const Listed &other)
    {
        pods += other.pods;
        bytes += other.bytes;
        return *this;
    }
};

// Every target's pods in pages of 500, all targets at once.
Listed listEveryPod(Client &client, const QList<Target> &targets)
{
    Listed out;
    QList<Target> pending = targets;
    QHash<QString, QString> continueTokens;
    while (!pending.isEmpty()) {
        QList<QNetworkRequest> pages;
        for (const Target &t : std::as_const(pending)) {
            QString path = QStringLiteral("/api/v1/pods?limit=500");
            if (const QString token = continueTokens.value(t.name); !token.isEmpty())
                path += QStringLiteral("&continue=")
                        + QString::fromLatin1(QUrl::toPercentEncoding(token));
            pages.append(request(t, path));
        }
        const QList<QByteArray> answers = client.all(pages);
        QList<Target> next;
        for (qsizetype k = 0; k < answers.size(); ++k) {
            out.bytes += answers[k].size();
            const QJsonObject list = QJsonDocument::fromJson(answers[k]).object();
            out.pods += list.value(QLatin1String("items")).toArray().size();
            const QString token = list.value(QLatin1String("metadata"))
                                          .toObject()
                                          .value(QLatin1String("continue"))
                                          .toString();
            continueTokens.insert(pending[k].name, token);
            if (!token.isEmpty())
                next.append(pending[k]);
        }
        pending = next;
    }
    return out;
}

QList<Target> targetsOf(const Sim::Federation &federation)
{
    QList<Target> targets;
    const QJsonObject urls = federation.endpoints().value(QLatin1String("clusters")).toObject();
    for (const QString &name : federation.clusterNames()) {
        const QString token = federation.tokenFor(name);
        if (!token.isEmpty()) // the client-certificate cluster is left out of the HTTP part
            targets.append({name, QUrl(urls.value(name).toString()), token.toUtf8()});
    }
    return targets;
}

// The simulator thread's CPU for serving lists: a federation of seeded, never-changing pods,
// listed `rounds` times: a client's initial sync, then clients that relist. With the cache on,
// the seeded pods are serialised at start-up (KubeApi::prepareServedJson), so that cost shows in
// the start-up CPU instead of the first round.
struct Serving
{
    double startCpuMs = 0; // simulator thread until every server listens: servers, seeding
    qint64 pods = 0;       // served per round
    double mb = 0;         // per round
    double firstUs = 0;    // simulator CPU per served pod, first round
    double steadyUs = 0;   // the same, over the other rounds
    double steadyMs = 0;   // wall time per round, other rounds
    bool ok = false;
};

Serving measureServing(int clusterCount, int pods, int rounds, bool cache)
{
    Serving out;
    Sim::Options options;
    options.scenario = QStringLiteral("test");
    options.clusters = clusterCount;
    options.controllers = false;
    options.workloads = false;
    options.seedPods = pods;
    options.servedJsonCache = cache;
    Sim::Federation federation(options);
    if (const Status started = federation.start(); !started) {
        std::fprintf(stderr, "bench_sim: %s\n", qPrintable(started.error().message));
        return out;
    }
    out.startCpuMs = double(federation.threadCpuNs()) / 1e6;
    const QList<Target> targets = targetsOf(federation);
    Client client(federation.caCertificatePem());
    QList<QNetworkRequest> versions; // TLS set up with every cluster before measuring
    for (const Target &t : targets)
        versions.append(request(t, QStringLiteral("/version")));
    client.all(versions);
    qint64 cpu = federation.threadCpuNs();
    const Listed first = listEveryPod(client, targets);
    out.firstUs
            = double(federation.threadCpuNs() - cpu) / 1e3 / double(qMax<qint64>(1, first.pods));
    cpu = federation.threadCpuNs();
    QElapsedTimer clock;
    clock.start();
    Listed steady;
    for (int i = 1; i < rounds; ++i)
        steady += listEveryPod(client, targets);
    out.steadyMs = double(clock.nsecsElapsed()) / 1e6 / qMax(1, rounds - 1);
    out.steadyUs
            = double(federation.threadCpuNs() - cpu) / 1e3 / double(qMax<qint64>(1, steady.pods));
    out.pods = first.pods;
    out.mb = double(first.bytes) / 1e6;
    out.ok = first.pods == qint64(targets.size()) * pods
             && steady.pods == first.pods * (rounds - 1);
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption clustersOption(QStringLiteral("clusters"),
                                            QStringLiteral("Clusters."),
                                            QStringLiteral("n"),
                                            QStringLiteral("50"));
    const QCommandLineOption podsOption(QStringLiteral("pods"),
                                        QStringLiteral("Pods per cluster."),
                                        QStringLiteral("n"),
                                        QStringLiteral("200"));
    const QCommandLineOption scaleOption(QStringLiteral("time-scale"),
                                         QStringLiteral("Simulated seconds per real second."),
                                         QStringLiteral("x"),
                                         QStringLiteral("20"));
    const QCommandLineOption serveRoundsOption(
            QStringLiteral("serve-rounds"),
            QStringLiteral("Rounds of listing every seeded pod, for the CPU per served pod."),
            QStringLiteral("n"),
            QStringLiteral("5"));
    const QCommandLineOption servingOnlyOption(
            QStringLiteral("serving-only"),
            QStringLiteral("Only the CPU per served pod (no controllers, no start-up figures)."));
    parser.addOptions(
            {clustersOption, podsOption, scaleOption, serveRoundsOption, servingOnlyOption});
    parser.process(app);
    const int clusterCount = parser.value(clustersOption).toInt();
    const int pods = parser.value(podsOption).toInt();

    // 0. The simulator thread's CPU per served pod, served-JSON cache off and on, before the
    //    federation with controllers exists (its thread would compete for the cores).
    const int serveRounds = qMax(2, parser.value(serveRoundsOption).toInt());
    const Serving plain = measureServing(clusterCount, pods, serveRounds, false);
    const Serving cached = measureServing(clusterCount, pods, serveRounds, true);
    if (!plain.ok || !cached.ok) {
        std::fprintf(stderr, "bench_sim: a list did not return every seeded pod\n");
        return 1;
    }
    std::printf("served pods, %d clusters x %d     %lld pods, %.1f MB per round; %d rounds\n",
                clusterCount,
                pods,
                static_cast<long long>(cached.pods),
                cached.mb,
                serveRounds);
    std::printf("sim CPU per served pod            cache off: %.1f us (first round %.1f us), "
                "%.0f ms per round; start-up %.0f ms CPU\n",
                plain.steadyUs,
                plain.firstUs,
                plain.steadyMs,
                plain.startCpuMs);
    std::printf("                                  cache on:  %.1f us (first round %.1f us), "
                "%.0f ms per round; start-up %.0f ms CPU\n",
                cached.steadyUs,
                cached.firstUs,
                cached.steadyMs,
                cached.startCpuMs);
    std::printf("cache off / on                    %.1fx CPU per served pod\n",
                plain.steadyUs / cached.steadyUs);
    if (parser.isSet(servingOnlyOption))
        return 0;

    // 1. Start-up: CA, certificates, N servers, nodes.
    Sim::Options options;
    options.scenario = QStringLiteral("test");
    options.clusters = clusterCount;
    options.timeScale = parser.value(scaleOption).toDouble();
    options.workloads = false;
    options.watchHistory = 100000;
    QElapsedTimer clock;
    clock.start();
    Sim::Federation federation(options);
    if (const Status started = federation.start(); !started) {
        std::fprintf(stderr, "bench_sim: %s\n", qPrintable(started.error().message));
        return 1;
    }
    const qint64 startMs = clock.elapsed();

    const QList<Target> targets = targetsOf(federation);
    Client client(federation.caCertificatePem());

    // 2. P pods per cluster: one Deployment each, until every one reports P available.
    clock.restart();
    QList<QNetworkRequest> creates;
    QList<QByteArray> bodies;
    for (const Target &t : std::as_const(targets)) {
        creates.append(request(t, QStringLiteral("/apis/apps/v1/namespaces/default/deployments")));
        bodies.append(deployment(pods));
    }
    client.all(creates, "POST", bodies);
    QList<QNetworkRequest> reads;
    for (const Target &t : std::as_const(targets))
        reads.append(
                request(t, QStringLiteral("/apis/apps/v1/namespaces/default/deployments/bench")));
    bool ready = false;
    while (!ready && clock.elapsed() < 600000) {
        ready = true;
        for (const QByteArray &body : client.all(reads)) {
            const QJsonObject status = QJsonDocument::fromJson(body)
                                               .object()
                                               .value(QLatin1String("status"))
                                               .toObject();
            ready = ready && status.value(QLatin1String("availableReplicas")).toInt() == pods;
        }
        if (!ready) {
            QEventLoop wait;
            QTimer::singleShot(200, &wait, &QEventLoop::quit);
            wait.exec();
        }
    }
    const qint64 readyMs = clock.elapsed();
    if (!ready) {
        std::fprintf(stderr, "bench_sim: pods were not Ready within 600 s\n");
        return 1;
    }

    // 3. Throughput: every cluster's pods listed in pages of 500, all clusters at once,
    //    against a /version round trip to every cluster at once in the same run.
    const int rounds = 5;
    QList<QNetworkRequest> versions;
    for (const Target &t : std::as_const(targets))
        versions.append(request(t, QStringLiteral("/version")));
    clock.restart();
    for (int i = 0; i < rounds; ++i)
        client.all(versions);
    const double versionMs = double(clock.nsecsElapsed()) / 1e6 / rounds;

    clock.restart();
    Listed total;
    for (int i = 0; i < rounds; ++i)
        total += listEveryPod(client, targets);
    qint64 listed = total.pods;
    qint64 bytes = total.bytes;
    const double listMs = double(clock.nsecsElapsed()) / 1e6 / rounds;
    listed /= rounds;
    bytes /= rounds;

    std::printf("clusters                         %d (%lld reached over HTTP with a token)\n",
                clusterCount,
                static_cast<long long>(targets.size()));
    std::printf("start-up (CA, certs, servers)    %lld ms\n", static_cast<long long>(startMs));
    std::printf("%d pods per cluster Ready         %lld ms (time scale %g)\n",
                pods,
                static_cast<long long>(readyMs),
                options.timeScale);
    std::printf("/version to every cluster        %.1f ms per round\n", versionMs);
    std::printf("list every pod (pages of 500)    %.1f ms per round: %lld pods, %.1f MB\n",
                listMs,
                static_cast<long long>(listed),
                double(bytes) / 1e6);
    std::printf("list throughput                  %.0f pods/s, %.1f MB/s; list / version = %.1fx\n",
                double(listed) / (listMs / 1000.0),
                double(bytes) / 1e6 / (listMs / 1000.0),
                listMs / versionMs);
    return 0;
}

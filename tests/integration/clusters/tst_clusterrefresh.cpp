// The whole request path against meridian-sim over real HTTPS: kubeconfig → credentials →
// libcurl on the API worker thread → decoded there → batches of ClusterStatus values.
#include "core/cluster.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "worker/apiworker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Meridian;

namespace {

// Drives one ApiThread and records every cluster's first final answer and when it came.
class Observer final : public QObject
{
public:
    explicit Observer(ApiThread *api)
    {
        connect(api->worker(),
                &ApiWorker::federationLoaded,
                this,
                [this](quint64, const ClusterStatusList &initial) { loaded = initial; });
        connect(api->worker(),
                &ApiWorker::federationFailed,
                this,
                [this](quint64, const QString &message) { failure = message; });
        connect(api->worker(),
                &ApiWorker::clusterStatusBatch,
                this,
                [this](quint64, const ClusterStatusList &batch) {
                    ++batches;
                    for (const ClusterStatus &s : batch) {
                        final.insert(s.context, s);
                        answeredAtMs.insert(s.context, clock.elapsed());
                    }
                });
        connect(api->worker(), &ApiWorker::refreshFinished, this, [this](quint64) {
            finished = true;
        });
        clock.start();
    }

    ClusterStatusList loaded;
    QHash<QString, ClusterStatus> final;
    QHash<QString, qint64> answeredAtMs;
    QString failure;
    QElapsedTimer clock;
    int batches = 0;
    bool finished = false;
};

FederationRequest inlineRequest(const QByteArray &kubeconfig)
{
    FederationRequest request;
    request.load.inlineContent = kubeconfig;
    request.load.inlineName = QStringLiteral("test kubeconfig");
    return request;
}

Sim::Options demoOptions()
{
    Sim::Options options;
    options.scenario = QStringLiteral("demo");
    options.execCommand = qEnvironmentVariable("MERIDIAN_SIM");
    return options;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QString describe(const QHash<QString, ClusterStatus> &states)
{
    QStringList lines;
    for (auto it = states.begin(); it != states.end(); ++it)
        lines.append(it.key() + u'=' + clusterStateName(it->state) + u' ' + it->reason);
    return lines.join(u'\n');
}

} // namespace

class TestClusterRefresh final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        QVERIFY2(QFileInfo(qEnvironmentVariable("MERIDIAN_SIM")).isExecutable(),
                 "MERIDIAN_SIM must point at the meridian-sim binary (the exec plugin)");
    }

    void everyAuthPathReachesReady()
    {
        // Given: the demo federation, with a token, a client-certificate and an exec-plugin cluster
        Sim::Federation sim(demoOptions());
        QVERIFY2(sim.start().ok(), "the simulator did not start");
        QCOMPARE(sim.authFor(QStringLiteral("osaka")),
                 std::optional(Sim::AuthMethod::ClientCertificate));
        QCOMPARE(sim.authFor(QStringLiteral("taiwan")), std::optional(Sim::AuthMethod::ExecPlugin));
        QCOMPARE(sim.authFor(QStringLiteral("tokyo")), std::optional(Sim::AuthMethod::Token));

        // When: the worker refreshes every context
        ApiThread api;
        Observer seen(&api);
        api.connectFederation(inlineRequest(sim.kubeconfig()));
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, 30000);

        // Then: every cluster is Ready with its version, region and node counts
        QVERIFY(seen.failure.isEmpty());
        QCOMPARE(seen.loaded.size(), sim.clusterNames().size());
        QCOMPARE(seen.final.size(), sim.clusterNames().size());
        for (const ClusterStatus &s : std::as_const(seen.final)) {
            QVERIFY2(s.state == ClusterState::Ready, qPrintable(describe(seen.final)));
            QVERIFY2(s.version.startsWith(u'v'), qPrintable(s.version));
            QVERIFY(s.nodesTotal > 0);
            QCOMPARE(s.nodesReady, s.nodesTotal);
            QVERIFY2(!s.region.isEmpty(), qPrintable(s.context));
            QVERIFY(s.lastSuccess.isValid());
        }
        QCOMPARE(seen.final.value(QStringLiteral("tokyo")).region,
                 QStringLiteral("asia-northeast1"));
        // Batched: fewer batches than clusters is the norm; never more.
        QVERIFY(seen.batches <= seen.final.size());
    }

    void wrongTokenIsUnauthorizedWithTheServersMessage()
    {
        Sim::Federation sim(demoOptions());
        QVERIFY(sim.start().ok());
        QByteArray kubeconfig = sim.kubeconfig();
        const QByteArray token = sim.tokenFor(QStringLiteral("london")).toUtf8();
        QVERIFY(!token.isEmpty());
        QCOMPARE(kubeconfig.count(token), 1);
        kubeconfig.replace(token, "not-the-right-token");

        ApiThread api;
        Observer seen(&api);
        FederationRequest request = inlineRequest(kubeconfig);
        request.contexts = {QStringLiteral("london"), QStringLiteral("tokyo")};
        api.connectFederation(request);
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, 30000);

        const ClusterStatus london = seen.final.value(QStringLiteral("london"));
        QCOMPARE(london.state, ClusterState::Unauthorized);
        QCOMPARE(london.reason, QStringLiteral("Unauthorized (401): Unauthorized"));
        QCOMPARE(seen.final.value(QStringLiteral("tokyo")).state, ClusterState::Ready);
    }

    void caMismatchIsATlsError()
    {
        Sim::Federation sim(demoOptions());
        QVERIFY(sim.start().ok());
        Sim::Options otherOptions = demoOptions();
        otherOptions.seed = 99;
        Sim::Federation other(otherOptions);
        QVERIFY(other.start().ok());

        // Trust the other federation's CA instead of this one's.
        QByteArray kubeconfig = sim.kubeconfig();
        const QByteArray ours = sim.caCertificatePem().toBase64();
        QVERIFY(kubeconfig.contains(ours));
        kubeconfig.replace(ours, other.caCertificatePem().toBase64());

        ApiThread api;
        Observer seen(&api);
        FederationRequest request = inlineRequest(kubeconfig);
        request.contexts = {QStringLiteral("frankfurt")};
        api.connectFederation(request);
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, 30000);

        const ClusterStatus frankfurt = seen.final.value(QStringLiteral("frankfurt"));
        QCOMPARE(frankfurt.state, ClusterState::Unreachable);
        QVERIFY2(frankfurt.reason.startsWith(QStringLiteral("TLS error")),
                 qPrintable(frankfurt.reason));
    }

    void closedPortIsConnectionRefused()
    {
        const QByteArray kubeconfig = QStringLiteral(R"(apiVersion: v1
kind: Config
current-context: gone
clusters:
- name: gone
  cluster:
    server: https://127.0.0.1:%1
contexts:
- name: gone
  context: {cluster: gone, user: u}
users:
- name: u
  user: {token: abc}
)")
                                              .arg(closedPort())
                                              .toUtf8();

        ApiThread api;
        Observer seen(&api);
        api.connectFederation(inlineRequest(kubeconfig));
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, 30000);

        const ClusterStatus gone = seen.final.value(QStringLiteral("gone"));
        QCOMPARE(gone.state, ClusterState::Unreachable);
        QVERIFY2(gone.reason.startsWith(QStringLiteral("Connection refused")),
                 qPrintable(gone.reason));
    }

    void aSlowClusterDoesNotDelayTheOthers()
    {
        // Given: one cluster that answers only after 10 s
        Sim::Federation sim(demoOptions());
        QVERIFY(sim.start().ok());
        Sim::Fault slow;
        slow.kind = Sim::Fault::Kind::Latency;
        slow.latencyMs = 10000;
        sim.setFault(QStringLiteral("sao-paulo"), slow);

        ApiThread api;
        Observer seen(&api);
        api.connectFederation(inlineRequest(sim.kubeconfig()));

        // Then: every other cluster is Ready long before it
        const int others = static_cast<int>(sim.clusterNames().size()) - 1;
        QTRY_VERIFY_WITH_TIMEOUT(seen.final.size() >= others, 8000);
        QVERIFY(!seen.final.contains(QStringLiteral("sao-paulo")));
        for (const ClusterStatus &s : std::as_const(seen.final))
            QVERIFY2(s.state == ClusterState::Ready, qPrintable(describe(seen.final)));
        const qint64 othersDoneMs
                = *std::max_element(seen.answeredAtMs.cbegin(), seen.answeredAtMs.cend());
        QVERIFY2(othersDoneMs < 5000, qPrintable(QString::number(othersDoneMs)));

        // And: the slow one arrives, Ready, after its 10 s
        QTRY_VERIFY_WITH_TIMEOUT(seen.finished, 30000);
        QCOMPARE(seen.final.value(QStringLiteral("sao-paulo")).state, ClusterState::Ready);
        QVERIFY(seen.answeredAtMs.value(QStringLiteral("sao-paulo")) >= 9500);
    }

    void unknownContextFailsListingTheAvailableOnes()
    {
        Sim::Federation sim(demoOptions());
        QVERIFY(sim.start().ok());
        ApiThread api;
        Observer seen(&api);
        FederationRequest request = inlineRequest(sim.kubeconfig());
        request.contexts = {QStringLiteral("mars")};
        api.connectFederation(request);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.failure.isEmpty(), 10000);
        QVERIFY2(seen.failure.contains(QStringLiteral("\"mars\"")), qPrintable(seen.failure));
        QVERIFY2(seen.failure.contains(QStringLiteral("tokyo")), qPrintable(seen.failure));
    }
};

QTEST_GUILESS_MAIN(TestClusterRefresh)
#include "tst_clusterrefresh.moc"

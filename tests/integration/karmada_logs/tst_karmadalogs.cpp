// Pod logs of a Karmada federation against meridian-sim over HTTPS: a Deployment and its
// PropagationPolicy written to the control plane, the pod-log source reading the members through
// the control plane's cluster proxy, compared line for line with reading each member's own
// context directly; the cluster filter on member names; a member that is down reported while the
// others stream; and `meridianctl logs --engine karmada` agreeing with `--engine direct`.
#include "../../support/karmadaobjects.h"
#include "cli/cli.h"
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "logs/podlogsource.h"
#include "logs/timestamps.h"
#include "net/transport.h"
#include "sim/federation.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>

using namespace Meridian;
using TestSupport::deploymentJson;

namespace {

const QString karmadaContext = QStringLiteral("karmada");

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
            .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ");
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run meridianctl(const QStringList &args)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = Cli::run(args, out, err);
    out.flush();
    err.flush();
    return run;
}

// What one read of a pod-log source gave: "cluster ns/pod/container timestamp message" lines in
// the order they arrived, and how it finished.
struct Read
{
    QStringList lines;
    QSet<QString> clusters;
    QStringList progress;
    bool finished = false;
    bool ok = false;
    QString error;
};

class Reader final : public QObject
{
public:
    explicit Reader(const QByteArray &kubeconfig)
        : m_pods(m_sources, &m_transport, &m_credentials)
    {
        m_load.inlineContent = kubeconfig;
        m_load.inlineName = QStringLiteral("test kubeconfig");
        m_pods.setMergeWindowMs(1000);
        connect(&m_pods,
                &Logs::PodLogSource::entriesReceived,
                this,
                [this](const Logs::SegmentPtr &segment) {
                    for (std::size_t i = 0; i < segment->size(); ++i) {
                        const Logs::LogSource s = m_sources->source(segment->sources[i]);
                        const std::string_view m = segment->message(i);
                        read.lines.append(
                                QStringLiteral("%1 %2/%3/%4 %5 %6")
                                        .arg(s.cluster, s.namespaceName, s.pod, s.container)
                                        .arg(Logs::formatRfc3339(segment->timestamps[i]),
                                             QString::fromUtf8(m.data(), qsizetype(m.size()))));
                        read.clusters.insert(s.cluster);
                    }
                });
        connect(&m_pods, &Logs::PodLogSource::progress, this, [this](const QString &message) {
            read.progress.append(message);
        });
        connect(&m_pods,
                &Logs::PodLogSource::finished,
                this,
                [this](bool ok, const QString &error) {
                    read.finished = true;
                    read.ok = ok;
                    read.error = error;
                });
    }

    Status karmada(const QString &context = {}) { return m_pods.setKarmada(m_load, context); }
    Status direct(const QStringList &contexts) { return m_pods.setKubeconfig(m_load, contexts); }
    Logs::PodLogSource &source() { return m_pods; }

    // A closed window, read to the end.
    Read once(const Logs::LogQuery &query)
    {
        read = {};
        m_pods.start(query);
        if (!QTest::qWaitFor([this] { return read.finished; }, 30000))
            read.error = QStringLiteral("no answer in 30 s");
        return read;
    }

    Read read;

private:
    Kube::LoadOptions m_load;
    Net::Transport m_transport;
    Kube::ExecCredentialProvider m_credentials;
    std::shared_ptr<Logs::SourceTable> m_sources = std::make_shared<Logs::SourceTable>();
    Logs::PodLogSource m_pods;
};

// The same lines, whatever the order of lines with equal timestamps from different pods.
QStringList sorted(QStringList lines)
{
    lines.sort();
    return lines;
}

Logs::LogQuery webWindow(qint64 fromMs, qint64 toMs)
{
    Logs::LogQuery query;
    query.namespaceName = QStringLiteral("default");
    query.workload = QStringLiteral("web");
    query.fromNs = fromMs * 1000000;
    query.toNs = toMs * 1000000;
    return query;
}

} // namespace

class TestKarmadaLogs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Sim::Options options;
        options.scenario = QStringLiteral("test");
        options.clusters = 3;
        options.karmada = true;
        m_sim = std::make_unique<Sim::Federation>(options);
        const Status started = m_sim->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        Kube::LoadOptions load;
        load.inlineContent = m_sim->kubeconfig();
        Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
        QVERIFY(config.ok());
        for (const QString &name : config->contextNames()) {
            if (name != karmadaContext)
                m_members.append(name);
        }
        QCOMPARE(m_members.size(), 3);
        m_placed = {m_members[0], m_members[1]};
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QFile file(m_kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(m_sim->kubeconfig());
        file.close();

        // Given: web, 4 replicas, placed 1:1 on the first two members through the control plane
        QCOMPARE(call(karmadaContext,
                      "POST",
                      QStringLiteral("/apis/apps/v1/namespaces/default/deployments"),
                      deploymentJson(QStringLiteral("web"), 4))
                         .httpStatus,
                 201);
        QCOMPARE(call(karmadaContext,
                      "POST",
                      QStringLiteral("/apis/policy.karmada.io/v1alpha1/namespaces/default/"
                                     "propagationpolicies"),
                      TestSupport::evenPolicyJson(QStringLiteral("web"), m_placed))
                         .httpStatus,
                 201);
        // and its pods running on both, logging for a while
        QTRY_VERIFY_WITH_TIMEOUT(runningWebPods(m_members[0]) == 2
                                         && runningWebPods(m_members[1]) == 2,
                                 60000);
        m_runningSinceMs = QDateTime::currentMSecsSinceEpoch();
        QTest::qWait(6000);
    }

    void membersReadThroughTheProxyAsDirectly()
    {
        // Given: one closed window in which web's pods logged
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const Logs::LogQuery query = webWindow(m_runningSinceMs, now - 1000);

        // When: read through the control plane (no context named: "karmada") and directly
        Reader karmada(m_sim->kubeconfig());
        QVERIFY(karmada.karmada().ok());
        const Read throughProxy = karmada.once(query);
        Reader direct(m_sim->kubeconfig());
        QVERIFY(direct.direct(m_members).ok());
        const Read straight = direct.once(query);

        // Then: the same lines, named by the member clusters web is placed on
        QVERIFY2(throughProxy.ok, qPrintable(throughProxy.error));
        QVERIFY2(throughProxy.error.isEmpty(), qPrintable(throughProxy.error));
        QVERIFY2(straight.ok, qPrintable(straight.error));
        QVERIFY(throughProxy.lines.size() > 10);
        QCOMPARE(throughProxy.clusters, QSet<QString>(m_placed.cbegin(), m_placed.cend()));
        QVERIFY(throughProxy.finished && straight.finished);
        QCOMPARE(sorted(throughProxy.lines), sorted(straight.lines));
        // merged in timestamp order
        for (qsizetype i = 1; i < throughProxy.lines.size(); ++i)
            QVERIFY(throughProxy.lines[i - 1].section(u' ', 2, 2)
                    <= throughProxy.lines[i].section(u' ', 2, 2));
        for (const QString &line : throughProxy.lines)
            QVERIFY2(line.section(u' ', 1, 1).startsWith(QLatin1String("default/web-")),
                     qPrintable(line));
    }

    void theClusterFilterTakesMemberNames()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Logs::LogQuery query = webWindow(m_runningSinceMs, now - 1000);
        query.clusters = {m_placed[1]};
        Reader karmada(m_sim->kubeconfig());
        QVERIFY(karmada.karmada(karmadaContext).ok());
        const Read one = karmada.once(query);
        QVERIFY2(one.ok, qPrintable(one.error));
        QVERIFY(!one.lines.isEmpty());
        QCOMPARE(one.clusters, QSet<QString>{m_placed[1]});
        Reader direct(m_sim->kubeconfig());
        QVERIFY(direct.direct({m_placed[1]}).ok());
        QCOMPARE(sorted(one.lines), sorted(direct.once(query).lines));

        // A name that is no member says which members there are
        query.clusters = {QStringLiteral("nowhere")};
        const Read none = karmada.once(query);
        QVERIFY(!none.ok);
        QVERIFY2(none.error.contains(QLatin1String("nowhere")) && none.error.contains(m_members[2]),
                 qPrintable(none.error));
    }

    void anUnknownControlPlaneContextSaysSo()
    {
        Reader karmada(m_sim->kubeconfig());
        const Status status = karmada.karmada(QStringLiteral("no-such-context"));
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(QLatin1String("no-such-context")),
                 qPrintable(status.error().message));
        // A context that is no Karmada control plane: its Clusters cannot be listed
        QVERIFY(karmada.karmada(m_members[2]).ok());
        const Read read = karmada.once(webWindow(m_runningSinceMs, m_runningSinceMs + 1000));
        QVERIFY(!read.ok);
        QVERIFY2(read.error.contains(m_members[2]) && read.error.contains(QLatin1String("Karmada")),
                 qPrintable(read.error));
    }

    void meridianctlKarmadaAgreesWithDirect()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QStringList common{QStringLiteral("logs"),
                                 QStringLiteral("--source"),
                                 QStringLiteral("pods"),
                                 QStringLiteral("--kubeconfig"),
                                 m_kubeconfig,
                                 QStringLiteral("-n"),
                                 QStringLiteral("default"),
                                 QStringLiteral("--workload"),
                                 QStringLiteral("web"),
                                 QStringLiteral("--from"),
                                 rfc3339(m_runningSinceMs),
                                 QStringLiteral("--to"),
                                 rfc3339(now - 1000),
                                 QStringLiteral("-o"),
                                 QStringLiteral("ndjson")};
        const Run karmada = meridianctl(
                common + QStringList{QStringLiteral("--engine"), QStringLiteral("karmada")});
        QVERIFY2(karmada.code == 0, qPrintable(karmada.err));
        QStringList direct{QStringLiteral("--engine"), QStringLiteral("direct")};
        for (const QString &member : std::as_const(m_members))
            direct << QStringLiteral("--cluster") << member;
        const Run straight = meridianctl(common + direct);
        QVERIFY2(straight.code == 0, qPrintable(straight.err));
        QVERIFY(karmada.out.count(u'\n') > 10);
        QCOMPARE(sorted(karmada.out.split(u'\n')), sorted(straight.out.split(u'\n')));
        QSet<QString> clusters;
        for (const QString &line : karmada.out.split(u'\n', Qt::SkipEmptyParts))
            clusters.insert(QJsonDocument::fromJson(line.toUtf8())
                                    .object()
                                    .value(QStringLiteral("cluster"))
                                    .toString());
        QCOMPARE(clusters, QSet<QString>(m_placed.cbegin(), m_placed.cend()));

        // The cluster filter names members; --context names the control plane
        const Run one = meridianctl(common
                                    + QStringList{QStringLiteral("--engine"),
                                                  QStringLiteral("karmada"),
                                                  QStringLiteral("--context"),
                                                  karmadaContext,
                                                  QStringLiteral("--cluster"),
                                                  m_placed[1]});
        QVERIFY2(one.code == 0, qPrintable(one.err));
        QVERIFY(!one.out.isEmpty());
        for (const QString &line : one.out.split(u'\n', Qt::SkipEmptyParts))
            QCOMPARE(QJsonDocument::fromJson(line.toUtf8())
                             .object()
                             .value(QStringLiteral("cluster"))
                             .toString(),
                     m_placed[1]);
    }

    void meridianctlBadEngineInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("engine") << QStringList{QStringLiteral("--source"),
                                               QStringLiteral("pods"),
                                               QStringLiteral("--engine"),
                                               QStringLiteral("kubefed")}
                                << "direct or karmada";
        QTest::newRow("cloud") << QStringList{QStringLiteral("--engine"), QStringLiteral("karmada")}
                               << "Cloud Logging";
        QTest::newRow("context without karmada") << QStringList{QStringLiteral("--source"),
                                                                QStringLiteral("pods"),
                                                                QStringLiteral("--context"),
                                                                QStringLiteral("karmada")}
                                                 << "--engine karmada";
    }
    void meridianctlBadEngineInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = meridianctl(QStringList{QStringLiteral("logs")} + args);
        QCOMPARE(run.code, int(Cli::ExitUsage));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    // Last: Karmada may move replicas while a member is down.
    void aMemberThatIsDownIsReportedTheOthersStream()
    {
        // Given: the first member down (its proxy answers 503)
        const QString down = m_placed[0];
        const QString up = m_placed[1];
        m_sim->setFault(down, Sim::Fault{Sim::Fault::Kind::Down});
        const auto restore = qScopeGuard([&] { m_sim->setFault(down, std::nullopt); });

        // When: a closed window is read through the control plane
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Reader karmada(m_sim->kubeconfig());
        QVERIFY(karmada.karmada().ok());
        const Read closed = karmada.once(webWindow(m_runningSinceMs, now - 1000));
        // Then: it says which member it could not read, and the other's lines are all there
        QVERIFY2(closed.ok, qPrintable(closed.error));
        QVERIFY2(closed.error.contains(down)
                         && closed.error.contains(QLatin1String("not reachable")),
                 qPrintable(closed.error));
        QVERIFY(!closed.error.contains(up));
        QCOMPARE(closed.clusters, QSet<QString>{up});
        Reader direct(m_sim->kubeconfig());
        QVERIFY(direct.direct({up}).ok());
        QCOMPARE(sorted(closed.lines),
                 sorted(direct.once(webWindow(m_runningSinceMs, now - 1000)).lines));

        // When: following
        Logs::LogQuery follow;
        follow.namespaceName = QStringLiteral("default");
        follow.workload = QStringLiteral("web");
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
        follow.fromNs = (startMs - 3000) * 1000000;
        follow.follow = true;
        karmada.read = {};
        karmada.source().start(follow);
        // Then: the down member is reported as progress, and new lines of the other arrive
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(karmada.read.progress.cbegin(),
                                             karmada.read.progress.cend(),
                                             [&](const QString &m) { return m.contains(down); }),
                                 15000);
        const QString startStamp = rfc3339(startMs);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(karmada.read.lines.cbegin(),
                                             karmada.read.lines.cend(),
                                             [&](const QString &line) {
                                                 return line.section(u' ', 2, 2) > startStamp;
                                             }),
                                 20000);
        QCOMPARE(karmada.read.clusters, QSet<QString>{up});
        QVERIFY(!karmada.read.finished);
        karmada.source().stop();
        QVERIFY(karmada.read.finished);
    }

private:
    Net::Response call(const QString &context,
                       const QByteArray &method,
                       const QString &path,
                       const QJsonObject &body = {})
    {
        Kube::LoadOptions load;
        load.inlineContent = m_sim->kubeconfig();
        const Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
        if (!config)
            return {};
        Net::Transport transport;
        Kube::ExecCredentialProvider credentials;
        Kube::ApiClient client(*config->resolve(context), &transport, &credentials);
        Net::Request request = client.requestFor(path);
        request.method = method;
        if (!body.isEmpty()) {
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            request.headers.append({QByteArrayLiteral("Content-Type"), "application/json"});
        }
        Net::Response result;
        QEventLoop loop;
        client.send(request, [&](const Net::Response &response) {
            result = response;
            loop.quit();
        });
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        return result;
    }

    int runningWebPods(const QString &member)
    {
        const Net::Response response
                = call(member, "GET", QStringLiteral("/api/v1/namespaces/default/pods"));
        int running = 0;
        for (const QJsonValue &pod :
             QJsonDocument::fromJson(response.body).object().value(u"items").toArray()) {
            if (!pod[u"metadata"][u"name"].toString().startsWith(QLatin1String("web-")))
                continue;
            const QJsonArray statuses = pod[u"status"][u"containerStatuses"].toArray();
            if (!statuses.isEmpty() && statuses[0][u"state"].toObject().contains(u"running"))
                ++running;
        }
        return running;
    }

    std::unique_ptr<Sim::Federation> m_sim;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    QStringList m_members; // every member context, sorted as the kubeconfig lists them
    QStringList m_placed;  // the two web runs on
    qint64 m_runningSinceMs = 0;
};

QTEST_GUILESS_MAIN(TestKarmadaLogs)
#include "tst_karmadalogs.moc"

// Deploy, roll out, roll back and place with meridianctl (through the library the program runs,
// Direct engine) against genuine kube-apiserver/kube-controller-manager/kube-scheduler 1.20.2:
// the three clusters k8s-a, k8s-b and k8s-c that realk8s.sh starts on loopback. Every member is
// checked with the tier's kubectl 1.20.2, and Meridian's per-cluster output with what that kubectl
// prints for the same operation.
#include "realk8s.h"

#include "cli/cli.h"
#include "kube/kubeconfig.h"
#include "placement/placementapply.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace Meridian;
using namespace Meridian::RealK8s;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

const QStringList members{u"k8s-a"_s, u"k8s-b"_s, u"k8s-c"_s};

const QString preferencesKey = u"federation.kubernetes.io/deployment-preferences"_s;

// 8 replicas weighted 2:1:1 over the three members: 4, 2, 2.
QByteArray webManifest(const QString &image)
{
    return QStringLiteral(R"(apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    federation.kubernetes.io/deployment-preferences: '{"clusters":{"k8s-a":{"weight":2},"k8s-b":{"weight":1},"k8s-c":{"weight":1}}}'
  labels:
    app: web
spec:
  replicas: 8
  progressDeadlineSeconds: 120
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: %1
)")
            .arg(image)
            .toUtf8();
}

// A TCP relay on 127.0.0.1 in front of one API server (TLS passes through untouched). While
// holding, what the server sends is kept back and `held` is called once; release() delivers it
// in order. That puts a colleague's write exactly between Meridian's read and its write.
class HoldingProxy final : public QObject
{
public:
    HoldingProxy(const QString &host, quint16 port)
        : m_host(host)
        , m_port(port)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection())
                relay(in);
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    std::function<void()> held; // called when the first answer is held back

    void hold()
    {
        m_holding = true;
        m_told = false;
    }
    void release()
    {
        m_holding = false;
        const auto pending = std::exchange(m_pending, {});
        for (const auto &[socket, data] : pending) {
            if (socket)
                socket->write(data);
        }
        // What arrived meanwhile without a new readyRead.
        for (const auto &[in, out] : std::as_const(m_pairs)) {
            if (in && out && out->bytesAvailable() > 0)
                in->write(out->readAll());
        }
    }

private:
    void relay(QTcpSocket *in)
    {
        auto *out = new QTcpSocket(in);
        m_pairs.append({QPointer<QTcpSocket>(in), QPointer<QTcpSocket>(out)});
        auto early = std::make_shared<QByteArray>();
        connect(out, &QTcpSocket::connected, out, [out, early] {
            out->write(*early);
            early->clear();
        });
        connect(in, &QTcpSocket::readyRead, out, [in, out, early] {
            if (out->state() == QAbstractSocket::ConnectedState)
                out->write(in->readAll());
            else
                early->append(in->readAll());
        });
        connect(out, &QTcpSocket::readyRead, in, [this, in, out] {
            const QByteArray data = out->readAll();
            if (!m_holding) {
                in->write(data);
                return;
            }
            m_pending.append({QPointer<QTcpSocket>(in), data});
            if (!m_told && held) {
                m_told = true;
                // Not from inside readyRead: a nested event loop there would leave what the
                // server sends meanwhile unannounced in the socket.
                QTimer::singleShot(0, this, [this] { held(); });
            }
        });
        connect(in, &QTcpSocket::disconnected, out, [in, out] {
            out->disconnectFromHost();
            in->deleteLater();
        });
        connect(out, &QTcpSocket::disconnected, in, [in] { in->disconnectFromHost(); });
        out->connectToHost(m_host, m_port);
    }

    QTcpServer m_server;
    QString m_host;
    quint16 m_port;
    bool m_holding = false;
    bool m_told = false;
    QList<std::pair<QPointer<QTcpSocket>, QByteArray>> m_pending;
    QList<std::pair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
};

} // namespace

class TestRealK8sRollout final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_env = Environment::fromProcess();
        if (!m_env.missing.isEmpty())
            QFAIL(qPrintable(m_env.missing));
        Net::Transport::globalInit();
        QVERIFY(m_dir.isValid());
        const KubectlRun version = kubectl({u"version"_s, u"--client"_s, u"--short"_s});
        QVERIFY2(version.out.contains(u"v1.20.2"_s), qPrintable(version.out + version.err));
    }

    void applyDeploysPlannedReplicas()
    {
        const Run run = meridianctl({u"apply"_s,
                                     u"-f"_s,
                                     write(u"web.yaml"_s, webManifest(u"nginx:1.25"_s)),
                                     u"--wait"_s,
                                     u"--timeout"_s,
                                     u"90"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        const QMap<QString, QString> planned{{u"k8s-a"_s, u"4"_s},
                                             {u"k8s-b"_s, u"2"_s},
                                             {u"k8s-c"_s, u"2"_s}};
        for (const QString &c : members) {
            QVERIFY2(run.out.contains(c + u": deployment.apps/web serverside-applied"_s),
                     qPrintable(run.out));
            QVERIFY2(run.out.contains(c + u": service/web serverside-applied"_s),
                     qPrintable(run.out));
            QVERIFY(run.out.contains(c + u": deployment \"web\" successfully rolled out"_s));
            QCOMPARE(image(c, u"web"_s), u"nginx:1.25"_s);
            QCOMPARE(field(c, u"web"_s, u"{.spec.replicas}"_s), planned.value(c));
            QCOMPARE(field(c, u"web"_s, u"{.status.readyReplicas}"_s), planned.value(c));
            QCOMPARE(revision(c, u"web"_s), u"1"_s);
            QCOMPARE(kubectl({u"--context"_s,
                              c,
                              u"get"_s,
                              u"service"_s,
                              u"web"_s,
                              u"-o"_s,
                              u"jsonpath={.spec.ports[0].port}"_s})
                             .out,
                     u"80"_s);
        }
        // Applying the same manifest again changes nothing: no new revision anywhere.
        const Run again = meridianctl({u"apply"_s, u"-f"_s, m_dir.filePath(u"web.yaml"_s)});
        QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
        for (const QString &c : members)
            QCOMPARE(revision(c, u"web"_s), u"1"_s);
    }

    void setImageRollsOutAndHistoryIsKubectls()
    {
        const Run run = meridianctl({u"set"_s, u"image"_s, u"default/web"_s, u"web=nginx:1.26"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out,
                 u"k8s-a: deployment.apps/web image updated\n"
                 "k8s-b: deployment.apps/web image updated\n"
                 "k8s-c: deployment.apps/web image updated\n"_s);
        waitRolledOut(u"web"_s);
        for (const QString &c : members) {
            QCOMPARE(image(c, u"web"_s), u"nginx:1.26"_s);
            QCOMPARE(revision(c, u"web"_s), u"2"_s);
            // Per cluster, Meridian's history is exactly kubectl 1.20.2's.
            const Run ours = meridianctl(
                    {u"rollout"_s, u"history"_s, u"default/web"_s, u"--clusters"_s, c});
            const KubectlRun theirs
                    = kubectl({u"--context"_s, c, u"rollout"_s, u"history"_s, u"deployment/web"_s});
            QCOMPARE(theirs.exitCode, 0);
            QCOMPARE(ours.code, 0);
            QCOMPARE(ours.out, theirs.out);
        }
        // All clusters at once: one row per pod template, each cluster's own revision.
        const Run aligned = meridianctl({u"rollout"_s, u"history"_s, u"default/web"_s});
        QVERIFY2(aligned.code == 0, qPrintable(aligned.err));
        const QStringList lines = aligned.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(1).startsWith(u"ROW   K8S-A   K8S-B   K8S-C   IMAGES"_s),
                 qPrintable(aligned.out));
        QVERIFY(lines.at(2).contains(u"web=nginx:1.25"_s));
        QVERIFY(lines.at(3).contains(u"web=nginx:1.26"_s));
        QCOMPARE(lines.at(3).count(u"2*"_s), 3);
    }

    void undoAndToRevision()
    {
        Run run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out,
                 u"k8s-a: deployment.apps/web rolled back\n"
                 "k8s-b: deployment.apps/web rolled back\n"
                 "k8s-c: deployment.apps/web rolled back\n"_s);
        waitRolledOut(u"web"_s);
        for (const QString &c : members) {
            QCOMPARE(image(c, u"web"_s), u"nginx:1.25"_s);
            // The old ReplicaSet was reused: revision 1 became 3, as kubectl's undo does.
            QCOMPARE(revision(c, u"web"_s), u"3"_s);
            const KubectlRun history
                    = kubectl({u"--context"_s, c, u"rollout"_s, u"history"_s, u"deployment/web"_s});
            QCOMPARE(
                    history.out,
                    u"deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n"_s);
        }

        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s, u"--to-revision"_s, u"2"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(u"deployment.apps/web rolled back"_s), 3);
        waitRolledOut(u"web"_s);
        for (const QString &c : members) {
            QCOMPARE(image(c, u"web"_s), u"nginx:1.26"_s);
            QCOMPARE(revision(c, u"web"_s), u"4"_s);
            // The rollback kept the members' planned replicas and their annotation.
            QCOMPARE(field(c, u"web"_s, u"{.status.updatedReplicas}"_s),
                     field(c, u"web"_s, u"{.spec.replicas}"_s));
            QVERIFY(!annotation(c, u"web"_s).isEmpty());
        }
    }

    void skippedRollbackAndMissingRevisionAreKubectls()
    {
        // The template already matches revision 4: skipped, word for word like kubectl 1.20.2.
        const Run ours = meridianctl({u"rollout"_s,
                                      u"undo"_s,
                                      u"default/web"_s,
                                      u"--to-revision"_s,
                                      u"4"_s,
                                      u"--clusters"_s,
                                      u"k8s-b"_s});
        QCOMPARE(ours.code, 0);
        const KubectlRun theirs = kubectl({u"--context"_s,
                                           u"k8s-b"_s,
                                           u"rollout"_s,
                                           u"undo"_s,
                                           u"deployment/web"_s,
                                           u"--to-revision=4"_s});
        QCOMPARE(theirs.exitCode, 0);
        QCOMPARE(
                theirs.out,
                u"deployment.apps/web skipped rollback (current template already matches revision 4)\n"_s);
        QCOMPARE(ours.out, u"k8s-b: "_s + theirs.out);
        QCOMPARE(revision(u"k8s-b"_s, u"web"_s), u"4"_s);

        // A revision that does not exist.
        const Run missing = meridianctl({u"rollout"_s,
                                         u"undo"_s,
                                         u"default/web"_s,
                                         u"--to-revision"_s,
                                         u"99"_s,
                                         u"--clusters"_s,
                                         u"k8s-c"_s});
        QCOMPARE(missing.code, 1);
        const KubectlRun kube = kubectl({u"--context"_s,
                                         u"k8s-c"_s,
                                         u"rollout"_s,
                                         u"undo"_s,
                                         u"deployment/web"_s,
                                         u"--to-revision=99"_s});
        QCOMPARE(kube.exitCode, 1);
        QCOMPARE(missing.err, u"k8s-c: "_s + kube.err);
    }

    void pausedDeploymentRefusesUndo()
    {
        Run run = meridianctl({u"rollout"_s, u"pause"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(u"deployment.apps/web paused"_s), 3);
        for (const QString &c : members)
            QCOMPARE(field(c, u"web"_s, u"{.spec.paused}"_s), u"true"_s);

        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s});
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        const KubectlRun kube = kubectl(
                {u"--context"_s, u"k8s-a"_s, u"rollout"_s, u"undo"_s, u"deployment/web"_s});
        QCOMPARE(kube.exitCode, 1);
        // kubectl 1.20.2's words exactly (and FACTS.md 4.3's), once per cluster.
        const QString v120 = u"error: you cannot rollback a paused deployment; resume it first "
                             "with 'kubectl rollout resume deployment/web' and try again\n"_s;
        QCOMPARE(kube.err, v120);
        QString expected;
        for (const QString &c : members)
            expected += c + u": "_s + v120;
        QCOMPARE(run.err, expected);
        for (const QString &c : members)
            QCOMPARE(revision(c, u"web"_s), u"4"_s); // nothing was rolled back

        // Pausing again is refused as kubectl 1.20.2 refuses it.
        run = meridianctl(
                {u"rollout"_s, u"pause"_s, u"default/web"_s, u"--clusters"_s, u"k8s-b"_s});
        QCOMPARE(run.code, 1);
        const KubectlRun again = kubectl(
                {u"--context"_s, u"k8s-b"_s, u"rollout"_s, u"pause"_s, u"deployment/web"_s});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(run.err, u"k8s-b: "_s + again.err);

        run = meridianctl({u"rollout"_s, u"resume"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(u"deployment.apps/web resumed"_s), 3);
        for (const QString &c : members)
            QCOMPARE(field(c, u"web"_s, u"{.spec.paused}"_s), QString());
        // Resuming what runs is refused like kubectl 1.20.2 refuses it.
        run = meridianctl(
                {u"rollout"_s, u"resume"_s, u"default/web"_s, u"--clusters"_s, u"k8s-c"_s});
        QCOMPARE(run.code, 1);
        const KubectlRun notPaused = kubectl(
                {u"--context"_s, u"k8s-c"_s, u"rollout"_s, u"resume"_s, u"deployment/web"_s});
        QCOMPARE(notPaused.exitCode, 1);
        QCOMPARE(run.err, u"k8s-c: "_s + notPaused.err);
    }

    void restartRollsOutNewPods()
    {
        const Run run = meridianctl({u"rollout"_s, u"restart"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(u"deployment.apps/web restarted"_s), 3);
        waitRolledOut(u"web"_s);
        for (const QString &c : members) {
            const QString stamp = field(
                    c,
                    u"web"_s,
                    u"{.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}"_s);
            QVERIFY2(QDateTime::fromString(stamp, Qt::ISODate).isValid(), qPrintable(stamp));
            QCOMPARE(revision(c, u"web"_s), u"5"_s);
            QCOMPARE(image(c, u"web"_s), u"nginx:1.26"_s);
        }
    }

    void brokenImageStopsBeforeSecondWave()
    {
        QByteArray manifest = webManifest(u"nginx:broken"_s);
        manifest.replace("name: web\n", "name: canary\n");
        manifest.replace("app: web", "app: canary");
        manifest.replace("progressDeadlineSeconds: 120", "progressDeadlineSeconds: 8");
        const Run run = meridianctl({u"apply"_s,
                                     u"-f"_s,
                                     write(u"canary.yaml"_s, manifest),
                                     u"--waves"_s,
                                     u"k8s-b"_s,
                                     u"--timeout"_s,
                                     u"60"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.startsWith(u"wave 1: k8s-b\n"_s), qPrintable(run.out));
        QVERIFY2(!run.out.contains(u"wave 2"_s), qPrintable(run.out));
        // The agent reports the broken image's pods in ImagePullBackOff, as a kubelet would.
        QVERIFY2(run.out.contains(u"k8s-b: warning: ImagePullBackOff"_s), qPrintable(run.out));
        QVERIFY2(run.err.contains(
                         u"error: k8s-b: deployment \"canary\" exceeded its progress deadline"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"not started: k8s-a, k8s-c"_s), qPrintable(run.err));
        for (const QString &c : {u"k8s-a"_s, u"k8s-c"_s}) {
            QCOMPARE(kubectl({u"--context"_s, c, u"get"_s, u"deployment"_s, u"canary"_s}).exitCode,
                     1);
            QCOMPARE(kubectl({u"--context"_s, c, u"get"_s, u"service"_s, u"canary"_s}).exitCode, 1);
        }
        QCOMPARE(image(u"k8s-b"_s, u"canary"_s), u"nginx:broken"_s);
        // The real controller's condition, and what kubectl 1.20.2 says about it.
        QCOMPARE(field(u"k8s-b"_s,
                       u"canary"_s,
                       u"{.status.conditions[?(@.type==\"Progressing\")].reason}"_s),
                 u"ProgressDeadlineExceeded"_s);
        const Run status = meridianctl(
                {u"rollout"_s, u"status"_s, u"default/canary"_s, u"--clusters"_s, u"k8s-b"_s});
        QCOMPARE(status.code, 1);
        const KubectlRun kube = kubectl({u"--context"_s,
                                         u"k8s-b"_s,
                                         u"rollout"_s,
                                         u"status"_s,
                                         u"deployment/canary"_s,
                                         u"--watch=false"_s});
        QCOMPARE(kube.exitCode, 1);
        QCOMPARE(kube.err, u"error: deployment \"canary\" exceeded its progress deadline\n"_s);
        QVERIFY2(status.err.contains(u"k8s-b: "_s + kube.err), qPrintable(status.err));
    }

    void placementSetWritesEveryMember()
    {
        const QString prefs = write(
                u"prefs.json"_s,
                R"({"rebalance": true, "clusters": {"k8s-a": {"weight": 2}, "k8s-b": {"weight": 1, "maxReplicas": 3}}})");
        const Run run = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/web"_s,
                                     u"--prefs"_s,
                                     prefs,
                                     u"--replicas"_s,
                                     u"15"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        // weights 2:1 with k8s-b capped at 3, k8s-c not named: 12, 3, 0
        const QMap<QString, QString> planned{{u"k8s-a"_s, u"12"_s},
                                             {u"k8s-b"_s, u"3"_s},
                                             {u"k8s-c"_s, u"0"_s}};
        const QString written
                = uR"({"rebalance":true,"clusters":{"k8s-a":{"weight":2},"k8s-b":{"weight":1,"maxReplicas":3}}})"_s;
        for (const QString &c : members) {
            QVERIFY2(run.out.contains(QRegularExpression(c + u"\\s+applied\\s+"_s + planned.value(c)
                                                         + u"\\s"_s)),
                     qPrintable(run.out));
            QCOMPARE(field(c, u"web"_s, u"{.spec.replicas}"_s), planned.value(c));
            QVERIFY2(Placement::sameAnnotation(annotation(c, u"web"_s), written),
                     qPrintable(annotation(c, u"web"_s)));
            // A scale, not a rollout: same revision, same template.
            QCOMPARE(revision(c, u"web"_s), u"5"_s);
        }
        waitRolledOut(u"web"_s);
        for (const QString &c : members) {
            const QString ready = field(c, u"web"_s, u"{.status.readyReplicas}"_s);
            QCOMPARE(ready.isEmpty() ? u"0"_s : ready, planned.value(c));
        }
        // get reads back what set wrote.
        const Run get
                = meridianctl({u"placement"_s, u"get"_s, u"default/web"_s, u"-o"_s, u"json"_s});
        QVERIFY2(get.code == 0, qPrintable(get.err));
        const QJsonObject result = QJsonDocument::fromJson(get.out.toUtf8()).object();
        const QJsonObject current = result.value(u"current").toObject();
        for (const QString &c : members)
            QCOMPARE(QString::number(current.value(c).toInteger()), planned.value(c));
        QCOMPARE(result.value(u"preferences").toObject().value(u"rebalance").toBool(), true);

        // Applying the same again writes nothing.
        const Run again = meridianctl({u"placement"_s,
                                       u"set"_s,
                                       u"default/web"_s,
                                       u"--prefs"_s,
                                       prefs,
                                       u"--replicas"_s,
                                       u"15"_s});
        QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
        QCOMPARE(again.out.count(u"unchanged"_s), 3);
    }

    void placementConflictIsNotOverwritten()
    {
        // A colleague changes k8s-c's preferences after the operator loaded them (the base).
        Clients clients(readKubeconfig(), u"realk8s kubeconfig"_s);
        QVERIFY2(clients.error().isEmpty(), qPrintable(clients.error()));
        const QString base = annotation(u"k8s-a"_s, u"web"_s);
        const QString theirs = uR"({"clusters":{"k8s-c":{"weight":9}}})"_s;
        const KubectlRun annotate = kubectl({u"--context"_s,
                                             u"k8s-c"_s,
                                             u"annotate"_s,
                                             u"--overwrite"_s,
                                             u"deployment/web"_s,
                                             preferencesKey + u'=' + theirs});
        QVERIFY2(annotate.exitCode == 0, qPrintable(annotate.err));

        Placement::ApplyRequest request;
        request.ns = u"default"_s;
        request.name = u"web"_s;
        request.annotation = uR"({"clusters":{"*":{"weight":1}}})"_s;
        request.replicas = {{u"k8s-a"_s, 5}, {u"k8s-b"_s, 5}, {u"k8s-c"_s, 5}};
        request.members = members;
        for (const QString &c : members)
            request.baseAnnotations.insert(c, base);
        QHash<QString, Kube::ApiClient *> byMember;
        for (const QString &c : members)
            byMember.insert(c, clients.client(c));
        Placement::MemberApplyResults results;
        auto *job = new Placement::PlacementApplyJob(request, byMember);
        QEventLoop loop;
        connect(job,
                &Placement::PlacementApplyJob::finished,
                &loop,
                [&](const Placement::MemberApplyResults &r) {
                    results = r;
                    loop.quit();
                });
        job->start();
        if (results.isEmpty()) {
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        QCOMPARE(results.size(), 3);
        for (const Placement::MemberApplyResult &r : std::as_const(results)) {
            if (r.member == u"k8s-c") {
                QCOMPARE(r.state, Placement::MemberApplyResult::State::Conflict);
                QCOMPARE(r.httpStatus, 409);
                QVERIFY2(r.message.contains(theirs), qPrintable(r.message));
            } else {
                QVERIFY2(r.state == Placement::MemberApplyResult::State::Done,
                         qPrintable(r.member + u": "_s + r.message));
            }
        }
        // k8s-c is left as the colleague wrote it; the others have the new placement.
        QCOMPARE(annotation(u"k8s-c"_s, u"web"_s), theirs);
        QCOMPARE(field(u"k8s-c"_s, u"web"_s, u"{.spec.replicas}"_s), u"0"_s);
        for (const QString &c : {u"k8s-a"_s, u"k8s-b"_s}) {
            QCOMPARE(field(c, u"web"_s, u"{.spec.replicas}"_s), u"5"_s);
            QVERIFY(Placement::sameAnnotation(annotation(c, u"web"_s), request.annotation));
        }
    }

    void placementReappliesAfterConcurrentUpdate()
    {
        // Meridian reaches k8s-b through a relay that can hold the server's answers back.
        Kube::LoadOptions load;
        load.inlineContent = readKubeconfig();
        Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
        QVERIFY(config);
        Result<Kube::ResolvedContext> context = config->resolve(u"k8s-b"_s);
        QVERIFY(context);
        const QUrl server(context->cluster.server);
        HoldingProxy proxy(server.host(), quint16(server.port()));
        QVERIFY(proxy.port() != 0);
        QUrl relayed = server;
        relayed.setPort(proxy.port());
        context->cluster.server = relayed.toString();
        Net::Transport transport;
        Kube::ExecCredentialProvider credentials;
        Kube::ApiClient viaRelay(*context, &transport, &credentials);
        // Open the (HTTP/2) connection first, so the held answer is the job's read, not the
        // TLS handshake.
        Clients direct(readKubeconfig(), u"realk8s kubeconfig"_s);
        QVERIFY2(direct.error().isEmpty(), qPrintable(direct.error()));
        {
            QEventLoop loop;
            int status = 0;
            viaRelay.get(u"/apis/apps/v1/namespaces/default/deployments/web"_s,
                         [&](const Net::Response &r) {
                             status = r.httpStatus;
                             loop.quit();
                         });
            if (status == 0) {
                QTimer::singleShot(30000, &loop, &QEventLoop::quit);
                loop.exec();
            }
            QCOMPARE(status, 200);
        }

        Placement::ApplyRequest request;
        request.ns = u"default"_s;
        request.name = u"web"_s;
        request.annotation = uR"({"clusters":{"k8s-b":{"weight":1}}})"_s;
        request.replicas = {{u"k8s-b"_s, 4}};
        request.members = {u"k8s-b"_s};
        request.baseAnnotations.insert(u"k8s-b"_s, annotation(u"k8s-b"_s, u"web"_s));

        // A colleague labels the Deployment after Meridian read it and before it writes.
        int colleague = 0;
        proxy.held = [&] {
            colleague
                    = direct.call(u"k8s-b"_s,
                                  "PATCH",
                                  u"/apis/apps/v1/namespaces/default/deployments/web"_s,
                                  QJsonObject{
                                          {u"metadata"_s,
                                           QJsonObject{{u"labels"_s,
                                                        QJsonObject{{u"team"_s, u"payments"_s}}}}}},
                                  "application/merge-patch+json")
                              .status;
            proxy.release();
        };
        proxy.hold();
        Placement::MemberApplyResults results;
        auto *job = new Placement::PlacementApplyJob(request, {{u"k8s-b"_s, &viaRelay}});
        QEventLoop loop;
        connect(job,
                &Placement::PlacementApplyJob::finished,
                &loop,
                [&](const Placement::MemberApplyResults &r) {
                    results = r;
                    loop.quit();
                });
        job->start();
        if (results.isEmpty()) {
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        QCOMPARE(colleague, 200);
        QCOMPARE(results.size(), 1);
        const Placement::MemberApplyResult r = results.first();
        QVERIFY2(r.state == Placement::MemberApplyResult::State::Done, qPrintable(r.message));
        // The first write met the real server's 409 and was made again on the fresh object.
        QCOMPARE(r.attempts, 2);
        QCOMPARE(field(u"k8s-b"_s, u"web"_s, u"{.metadata.labels.team}"_s), u"payments"_s);
        QCOMPARE(field(u"k8s-b"_s, u"web"_s, u"{.spec.replicas}"_s), u"4"_s);
        QVERIFY(Placement::sameAnnotation(annotation(u"k8s-b"_s, u"web"_s), request.annotation));
    }

private:
    Run meridianctl(QStringList args)
    {
        args += {u"--kubeconfig"_s, m_env.kubeconfig};
        Run run;
        QTextStream out(&run.out);
        QTextStream err(&run.err);
        run.code = Cli::run(args, out, err);
        out.flush();
        err.flush();
        return run;
    }

    KubectlRun kubectl(const QStringList &args)
    {
        return RealK8s::kubectl(m_env.kubectl, m_env.kubeconfig, args);
    }

    QString field(const QString &cluster, const QString &name, const QString &jsonPath)
    {
        return kubectl({u"--context"_s,
                        cluster,
                        u"get"_s,
                        u"deployment"_s,
                        name,
                        u"-o"_s,
                        u"jsonpath="_s + jsonPath})
                .out;
    }

    QString image(const QString &cluster, const QString &name)
    {
        return field(cluster, name, u"{.spec.template.spec.containers[0].image}"_s);
    }

    QString revision(const QString &cluster, const QString &name)
    {
        return field(cluster,
                     name,
                     u"{.metadata.annotations.deployment\\.kubernetes\\.io/revision}"_s);
    }

    QString annotation(const QString &cluster, const QString &name)
    {
        return field(
                cluster,
                name,
                u"{.metadata.annotations.federation\\.kubernetes\\.io/deployment-preferences}"_s);
    }

    void waitRolledOut(const QString &name)
    {
        const Run run = meridianctl(
                {u"rollout"_s, u"status"_s, u"default/"_s + name, u"--timeout"_s, u"90"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        for (const QString &c : members)
            QVERIFY2(run.out.contains(c + u": deployment \""_s + name
                                      + u"\" successfully rolled out"_s),
                     qPrintable(run.out));
    }

    QByteArray readKubeconfig() const
    {
        QFile f(m_env.kubeconfig);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QString write(const QString &name, const QByteArray &contents)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(contents);
        return path;
    }

    Environment m_env;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRealK8sRollout)
#include "tst_realk8s_rollout.moc"

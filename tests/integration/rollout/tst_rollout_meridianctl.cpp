// Deploy, roll out and roll back across three simulated clusters with meridianctl (through the
// same library the program runs), and check every member with real kubectl.
#include "cli/cli.h"
#include "net/transport.h"
#include "sim/federation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Meridian;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

const QStringList members{u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s};

QByteArray webManifest(const QString &image)
{
    return QStringLiteral(R"(# a comment before the first document
apiVersion: v1
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
    debug: "false"
    port: "8080"
  labels: &labels
    app: web
spec:
  replicas: 6
  progressDeadlineSeconds: 120
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels: *labels
    spec:
      containers:
      - name: web
        image: %1
        env:
        - name: GREETING
          value: |
            hello
            world
)")
            .arg(image)
            .toUtf8();
}

} // namespace

class TestRolloutMeridianctl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
        if (m_kubectl.isEmpty())
            QSKIP("kubectl is not installed");
        Net::Transport::globalInit();
        Sim::Options options;
        options.scenario = u"test"_s;
        options.clusters = 3;
        options.timeScale = 10; // rollouts in about a second
        m_sim = std::make_unique<Sim::Federation>(options);
        const Status started = m_sim->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        QVERIFY(m_dir.isValid());
        m_kubeconfig = write(u"sim.kubeconfig"_s, m_sim->kubeconfig());
    }

    void cleanupTestCase() { m_sim.reset(); }

    void badManifestSaysWhere()
    {
        QByteArray manifest = webManifest(u"nginx:1.25"_s);
        manifest.replace("value: |\n            hello\n            world\n", "value: 8080\n");
        const Run run = meridianctl({u"apply"_s, u"-f"_s, write(u"bad.yaml"_s, manifest)});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"bad.yaml: document 2, line 35: "
                                  "spec.template.spec.containers[0].env[0].value: expected a "
                                  "string, got the number 8080 (put it in quotes)"_s),
                 qPrintable(run.err));
        // Nothing was applied anywhere.
        QCOMPARE(kubectl({u"--context"_s, u"cluster-01"_s, u"get"_s, u"service"_s, u"web"_s}).code,
                 1);
    }

    void applyDeploysEveryMember()
    {
        const Run run = meridianctl({u"apply"_s,
                                     u"-f"_s,
                                     write(u"web.yaml"_s, webManifest(u"nginx:1.25"_s)),
                                     u"--wait"_s,
                                     u"--timeout"_s,
                                     u"60"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        for (const QString &c : members) {
            QVERIFY2(run.out.contains(c + u": deployment.apps/web serverside-applied"_s),
                     qPrintable(run.out));
            QVERIFY(run.out.contains(c + u": deployment \"web\" successfully rolled out"_s));
            QCOMPARE(image(c, u"web"_s), u"nginx:1.25"_s);
            // 6 replicas spread evenly, as the Direct engine plans without preferences
            QCOMPARE(kubectl({u"--context"_s,
                              c,
                              u"get"_s,
                              u"deployment"_s,
                              u"web"_s,
                              u"-o"_s,
                              u"jsonpath={.spec.replicas}"_s})
                             .out,
                     u"2"_s);
            // YAML fidelity: the quoted "false" and the block scalar arrived as strings
            QCOMPARE(kubectl({u"--context"_s,
                              c,
                              u"get"_s,
                              u"deployment"_s,
                              u"web"_s,
                              u"-o"_s,
                              u"jsonpath={.metadata.annotations.debug}"_s})
                             .out,
                     u"false"_s);
            QCOMPARE(kubectl({u"--context"_s,
                              c,
                              u"get"_s,
                              u"service"_s,
                              u"web"_s,
                              u"-o"_s,
                              u"jsonpath={.spec.ports[0].port}"_s})
                             .out,
                     u"80"_s);
            QCOMPARE(kubectl({u"--context"_s,
                              c,
                              u"get"_s,
                              u"deployment"_s,
                              u"web"_s,
                              u"-o"_s,
                              u"jsonpath={.spec.template.spec.containers[0].env[0].value}"_s})
                             .out,
                     u"hello\nworld\n"_s);
        }
    }

    void serverDryRunShowsDiff()
    {
        const Run run = meridianctl({u"apply"_s,
                                     u"-f"_s,
                                     write(u"web126.yaml"_s, webManifest(u"nginx:1.26"_s)),
                                     u"--dry-run=server"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"\"image\": \"nginx:1.25\""_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"+"_s));
        QVERIFY(run.out.contains(
                u"cluster-02: deployment.apps/web serverside-applied (server dry run)"_s));
        QVERIFY(run.out.contains(u"cluster-02: service/web unchanged (server dry run)"_s));
        for (const QString &c : members)
            QCOMPARE(image(c, u"web"_s), u"nginx:1.25"_s); // nothing changed
    }

    void setImageRollOutAndRollBack()
    {
        Run run = meridianctl({u"set"_s, u"image"_s, u"default/web"_s, u"web=nginx:1.26"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out,
                 u"cluster-01: deployment.apps/web image updated\n"
                 "cluster-02: deployment.apps/web image updated\n"
                 "cluster-03: deployment.apps/web image updated\n"_s);
        waitRolledOut(u"web"_s);
        for (const QString &c : members)
            QCOMPARE(image(c, u"web"_s), u"nginx:1.26"_s);

        // One cluster's history is exactly kubectl's.
        const Run ours = meridianctl(
                {u"rollout"_s, u"history"_s, u"default/web"_s, u"--clusters"_s, u"cluster-02"_s});
        const Run theirs = kubectl(
                {u"--context"_s, u"cluster-02"_s, u"rollout"_s, u"history"_s, u"deployment/web"_s});
        QCOMPARE(theirs.code, 0);
        QCOMPARE(ours.out, theirs.out);

        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"cluster-03: deployment.apps/web rolled back"_s));
        waitRolledOut(u"web"_s);
        for (const QString &c : members) {
            QCOMPARE(image(c, u"web"_s), u"nginx:1.25"_s);
            const Run history
                    = kubectl({u"--context"_s, c, u"rollout"_s, u"history"_s, u"deployment/web"_s});
            // Revision 1 moved to 3 (kubectl's undo reuses the old ReplicaSet).
            QCOMPARE(
                    history.out,
                    u"deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n"_s);
        }
        // Undoing to the template already running is skipped, word for word like kubectl.
        run = meridianctl({u"rollout"_s,
                           u"undo"_s,
                           u"default/web"_s,
                           u"--to-revision"_s,
                           u"3"_s,
                           u"--clusters"_s,
                           u"cluster-01"_s});
        QCOMPARE(
                run.out,
                u"cluster-01: deployment.apps/web skipped rollback (current template already matches revision 3)\n"_s);
        const Run kube = kubectl({u"--context"_s,
                                  u"cluster-01"_s,
                                  u"rollout"_s,
                                  u"undo"_s,
                                  u"deployment/web"_s,
                                  u"--to-revision=3"_s});
        QCOMPARE(
                kube.out,
                u"deployment.apps/web skipped rollback (current template already matches revision 3)\n"_s);
    }

    void alignedHistory()
    {
        // cluster-01 gets an extra revision the others do not have
        Run run = meridianctl({u"set"_s,
                               u"image"_s,
                               u"default/web"_s,
                               u"web=nginx:1.27"_s,
                               u"--clusters"_s,
                               u"cluster-01"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        waitRolledOut(u"web"_s);
        run = meridianctl({u"rollout"_s, u"history"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // name, header, three templates
        QVERIFY(lines.at(1).startsWith(u"ROW   CLUSTER-01   CLUSTER-02   CLUSTER-03   IMAGES"_s));
        QVERIFY2(lines.at(2).contains(u"web=nginx:1.26"_s), qPrintable(run.out));
        QVERIFY(lines.at(3).contains(u"web=nginx:1.25"_s));
        QVERIFY(lines.at(3).contains(u"3*"_s)); // running in clusters 02 and 03
        QVERIFY(lines.at(4).contains(u"web=nginx:1.27"_s));
        QVERIFY(lines.at(4).contains(u"4*"_s));
        QVERIFY(lines.at(4).contains(u" -   "_s));

        // Back to the 1.25 row everywhere: cluster-01 rolls back to its revision 3; the others
        // already run it and are skipped.
        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s, u"--to-row"_s, u"2"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"cluster-01: deployment.apps/web rolled back"_s),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(u"cluster-02: deployment.apps/web skipped rollback"_s));
        waitRolledOut(u"web"_s);
        QCOMPARE(image(u"cluster-01"_s, u"web"_s), u"nginx:1.25"_s);
    }

    void undoDuringRollout()
    {
        // A new image that cannot be pulled keeps the rollout in flight on every cluster.
        Run run = meridianctl({u"set"_s, u"image"_s, u"default/web"_s, u"web=nginx:broken"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        for (const QString &c : members) {
            // Wait until the controller made the new revision (kubectl's undo picks "previous"
            // from the ReplicaSets, like ours).
            QTRY_VERIFY_WITH_TIMEOUT(
                    kubectl({u"--context"_s,
                             c,
                             u"get"_s,
                             u"replicasets"_s,
                             u"-l"_s,
                             u"app=web"_s,
                             u"-o"_s,
                             u"jsonpath={.items[*].spec.template.spec.containers[0].image}"_s})
                            .out.contains(u"nginx:broken"_s),
                    10000);
        }
        const Run inFlight
                = meridianctl({u"rollout"_s, u"status"_s, u"default/web"_s, u"--watch=false"_s});
        QVERIFY2(inFlight.out.contains(u"Waiting for deployment \"web\" rollout to finish"_s),
                 qPrintable(inFlight.out));
        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(u"deployment.apps/web rolled back"_s), 3);
        waitRolledOut(u"web"_s);
        for (const QString &c : members)
            QCOMPARE(image(c, u"web"_s), u"nginx:1.25"_s);
    }

    void pausedDeploymentRefused()
    {
        Run run = meridianctl({u"rollout"_s, u"pause"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"cluster-01: deployment.apps/web paused"_s));
        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s});
        QCOMPARE(run.code, 1);
        const Run kube = kubectl(
                {u"--context"_s, u"cluster-01"_s, u"rollout"_s, u"undo"_s, u"deployment/web"_s});
        QCOMPARE(kube.code, 1);
        QVERIFY(kube.err.startsWith(u"error: "_s));
        // kubectl's words (FACTS.md 4.3, kubectl 1.20), once per cluster; kubectl 1.32 leaves the
        // object out of its advice, so the kubectl here may or may not name it.
        const QString paused = u"error: you cannot rollback a paused deployment; resume it first "
                               "with 'kubectl rollout resume deployment/web' and try again\n"_s;
        QCOMPARE(QString(kube.err).replace(u"'kubectl rollout resume' "_s,
                                           u"'kubectl rollout resume deployment/web' "_s),
                 paused);
        QVERIFY2(run.err.contains(u"cluster-01: "_s + paused), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"cluster-03: "_s + paused), qPrintable(run.err));
        // Pausing twice is refused like kubectl refuses it.
        run = meridianctl(
                {u"rollout"_s, u"pause"_s, u"default/web"_s, u"--clusters"_s, u"cluster-02"_s});
        QCOMPARE(run.code, 1);
        QCOMPARE(run.err, u"cluster-02: error: deployments.apps \"web\" is already paused\n"_s);
        run = meridianctl({u"rollout"_s, u"resume"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"cluster-02: deployment.apps/web resumed"_s));
        QCOMPARE(kubectl({u"--context"_s,
                          u"cluster-02"_s,
                          u"get"_s,
                          u"deployment"_s,
                          u"web"_s,
                          u"-o"_s,
                          u"jsonpath={.spec.paused}"_s})
                         .out,
                 QString());
    }

    void restartStampsTemplate()
    {
        const Run run = meridianctl({u"rollout"_s, u"restart"_s, u"default/web"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(u"deployment.apps/web restarted"_s), 3);
        const QString stamp
                = kubectl({u"--context"_s,
                           u"cluster-03"_s,
                           u"get"_s,
                           u"deployment"_s,
                           u"web"_s,
                           u"-o"_s,
                           u"jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}"_s})
                          .out;
        QVERIFY2(QDateTime::fromString(stamp, Qt::ISODate).isValid(), qPrintable(stamp));
        waitRolledOut(u"web"_s);
    }

    void brokenImageStopsBeforeSecondWave()
    {
        QByteArray manifest = webManifest(u"nginx:broken"_s);
        manifest.replace("name: web\n", "name: canary\n");
        manifest.replace("app: web", "app: canary");
        manifest.replace("progressDeadlineSeconds: 120", "progressDeadlineSeconds: 20");
        const Run run = meridianctl({u"apply"_s,
                                     u"-f"_s,
                                     write(u"canary.yaml"_s, manifest),
                                     u"--waves"_s,
                                     u"cluster-02"_s,
                                     u"--timeout"_s,
                                     u"60"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.startsWith(u"wave 1: cluster-02\n"_s), qPrintable(run.out));
        QVERIFY(!run.out.contains(u"wave 2"_s));
        QVERIFY2(run.out.contains(u"cluster-02: warning: ImagePullBackOff"_s)
                         || run.out.contains(u"cluster-02: warning: ErrImagePull"_s),
                 qPrintable(run.out));
        QVERIFY2(
                run.err.contains(
                        u"error: cluster-02: deployment \"canary\" exceeded its progress deadline"_s),
                qPrintable(run.err));
        QVERIFY(run.err.contains(u"not started: cluster-01, cluster-03"_s));
        QCOMPARE(kubectl({u"--context"_s, u"cluster-01"_s, u"get"_s, u"deployment"_s, u"canary"_s})
                         .code,
                 1);
        QCOMPARE(kubectl({u"--context"_s, u"cluster-03"_s, u"get"_s, u"service"_s, u"canary"_s})
                         .code,
                 1);
        QCOMPARE(image(u"cluster-02"_s, u"canary"_s), u"nginx:broken"_s);
        // rollout status says the same, with exit code 1 like kubectl
        const Run status = meridianctl(
                {u"rollout"_s, u"status"_s, u"default/canary"_s, u"--clusters"_s, u"cluster-02"_s});
        QCOMPARE(status.code, 1);
        QVERIFY(status.err.contains(
                u"cluster-02: error: deployment \"canary\" exceeded its progress deadline"_s));
    }

    void goodWavesRollOutEverywhere()
    {
        QByteArray manifest = webManifest(u"nginx:1.29"_s);
        const Run run = meridianctl({u"apply"_s,
                                     u"-f"_s,
                                     write(u"web129.yaml"_s, manifest),
                                     u"--waves"_s,
                                     u"cluster-03"_s,
                                     u"--timeout"_s,
                                     u"90"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        const qsizetype wave2 = run.out.indexOf(u"wave 2: cluster-01, cluster-02"_s);
        QVERIFY2(wave2 > 0, qPrintable(run.out));
        // wave 2 started only after cluster-03 had rolled out
        QVERIFY(run.out.indexOf(u"cluster-03: deployment \"web\" successfully rolled out"_s)
                < wave2);
        for (const QString &c : members)
            QCOMPARE(image(c, u"web"_s), u"nginx:1.29"_s);
    }

private:
    Run meridianctl(QStringList args)
    {
        args += {u"--kubeconfig"_s, m_kubeconfig};
        Run run;
        QTextStream out(&run.out);
        QTextStream err(&run.err);
        run.code = Cli::run(args, out, err);
        out.flush();
        err.flush();
        return run;
    }

    Run kubectl(QStringList args)
    {
        args.prepend(m_kubeconfig);
        args.prepend(u"--kubeconfig"_s);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_dir.path());
        env.insert(u"KUBECACHEDIR"_s, m_dir.filePath(u"cache"_s));
        process.setProcessEnvironment(env);
        process.start(m_kubectl, args);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }

    QString image(const QString &cluster, const QString &name)
    {
        return kubectl({u"--context"_s,
                        cluster,
                        u"get"_s,
                        u"deployment"_s,
                        name,
                        u"-o"_s,
                        u"jsonpath={.spec.template.spec.containers[0].image}"_s})
                .out;
    }

    void waitRolledOut(const QString &name)
    {
        const Run run = meridianctl(
                {u"rollout"_s, u"status"_s, u"default/"_s + name, u"--timeout"_s, u"60"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        for (const QString &c : members)
            QVERIFY2(run.out.contains(c + u": deployment \""_s + name
                                      + u"\" successfully rolled out"_s),
                     qPrintable(run.out));
    }

    QString write(const QString &name, const QByteArray &contents)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(contents);
        return path;
    }

    std::unique_ptr<Sim::Federation> m_sim;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    QString m_kubectl;
};

QTEST_GUILESS_MAIN(TestRolloutMeridianctl)
#include "tst_rollout_meridianctl.moc"

// meridianctl with --engine karmada against meridian-sim's Karmada control plane: the template
// and its PropagationPolicy go to the control plane, the members follow; history comes from the
// members through the cluster proxy and a rollback patches the control plane's template.
#include "cli/cli.h"
#include "net/transport.h"
#include "sim/federation.h"

#include <QFile>
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

const QByteArray manifest = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
---
apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata:
  name: web
spec:
  resourceSelectors:
  - apiVersion: apps/v1
    kind: Deployment
    name: web
  placement:
    clusterAffinity:
      clusterNames: [cluster-01, cluster-02, cluster-03]
)";

} // namespace

class TestRolloutKarmada final : public QObject
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
        options.timeScale = 10;
        options.karmada = true;
        m_sim = std::make_unique<Sim::Federation>(options);
        const Status started = m_sim->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(u"sim.kubeconfig"_s);
        QFile file(m_kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(m_sim->kubeconfig());
        file.close();
        QFile yaml(m_dir.filePath(u"web.yaml"_s));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write(manifest);
    }

    void cleanupTestCase() { m_sim.reset(); }

    void applyToControlPlane()
    {
        const Run run = meridianctl(
                {u"apply"_s, u"-f"_s, m_dir.filePath(u"web.yaml"_s), u"--engine"_s, u"karmada"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(u"karmada: deployment.apps/web serverside-applied"_s));
        QVERIFY(run.out.contains(
                u"karmada: propagationpolicy.policy.karmada.io/web serverside-applied"_s));
        for (const QString &c : members)
            QTRY_COMPARE_WITH_TIMEOUT(image(c), u"nginx:1.25"_s, 20000);
        waitRolledOut();
    }

    void setImageAndRollBackThroughControlPlane()
    {
        Run run = meridianctl({u"set"_s,
                               u"image"_s,
                               u"default/web"_s,
                               u"web=nginx:1.26"_s,
                               u"--engine"_s,
                               u"karmada"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out, u"karmada: deployment.apps/web image updated\n"_s);
        for (const QString &c : members)
            QTRY_COMPARE_WITH_TIMEOUT(image(c), u"nginx:1.26"_s, 20000);
        waitRolledOut();

        // History from the members, through the proxy, aligned.
        run = meridianctl(
                {u"rollout"_s, u"history"_s, u"default/web"_s, u"--engine"_s, u"karmada"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"web=nginx:1.25"_s) && run.out.contains(u"web=nginx:1.26"_s),
                 qPrintable(run.out));
        QCOMPARE(run.out.split(u'\n', Qt::SkipEmptyParts).size(), 4);

        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s, u"--engine"_s, u"karmada"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out, u"karmada: deployment.apps/web rolled back\n"_s);
        // The control plane's template changed; the members followed.
        QCOMPARE(kubectl({u"--context"_s,
                          u"karmada"_s,
                          u"get"_s,
                          u"deployment"_s,
                          u"web"_s,
                          u"-o"_s,
                          u"jsonpath={.spec.template.spec.containers[0].image}"_s})
                         .out,
                 u"nginx:1.25"_s);
        for (const QString &c : members)
            QTRY_COMPARE_WITH_TIMEOUT(image(c), u"nginx:1.25"_s, 20000);
        waitRolledOut();
        for (const QString &c : members) {
            QCOMPARE(
                    kubectl({u"--context"_s, c, u"rollout"_s, u"history"_s, u"deployment/web"_s})
                            .out,
                    u"deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n"_s);
        }
    }

    void pausedTemplateRefused()
    {
        Run run = meridianctl(
                {u"rollout"_s, u"pause"_s, u"default/web"_s, u"--engine"_s, u"karmada"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = meridianctl({u"rollout"_s, u"undo"_s, u"default/web"_s, u"--engine"_s, u"karmada"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"karmada: error: you cannot rollback a paused deployment"_s),
                 qPrintable(run.err));
        run = meridianctl(
                {u"rollout"_s, u"resume"_s, u"default/web"_s, u"--engine"_s, u"karmada"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
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

    QString image(const QString &cluster)
    {
        return kubectl({u"--context"_s,
                        cluster,
                        u"get"_s,
                        u"deployment"_s,
                        u"web"_s,
                        u"-o"_s,
                        u"jsonpath={.spec.template.spec.containers[0].image}"_s})
                .out;
    }

    void waitRolledOut()
    {
        const Run run = meridianctl({u"rollout"_s,
                                     u"status"_s,
                                     u"default/web"_s,
                                     u"--engine"_s,
                                     u"karmada"_s,
                                     u"--timeout"_s,
                                     u"60"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        for (const QString &c : members)
            QVERIFY2(run.out.contains(c + u": deployment \"web\" successfully rolled out"_s),
                     qPrintable(run.out));
    }

    std::unique_ptr<Sim::Federation> m_sim;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    QString m_kubectl;
};

QTEST_GUILESS_MAIN(TestRolloutKarmada)
#include "tst_rollout_karmada.moc"

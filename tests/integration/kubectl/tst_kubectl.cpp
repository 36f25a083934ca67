// kubectl conformance: the everyday kubectl commands against one simulated cluster, compared
// with what kubectl prints against a real kube-apiserver in the same situation. Runs in order
// (one Deployment's life), with HOME and KUBECACHEDIR in a temporary folder.

#include "sim/federation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Meridian::Sim::Federation;
using Meridian::Sim::Options;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray webManifest = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
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
        image: nginx:1.25
        ports:
        - containerPort: 80
)";

} // namespace

class TstKubectl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void getEveryResource_data();
    void getEveryResource();
    void createFromFile();
    void getOutputs();
    void errorsLookLikeUpstream();
    void applyClientSide();
    void applyServerSide();
    void scale();
    void setImage();
    void labelAndAnnotate();
    void patchTypes_data();
    void patchTypes();
    void dryRunServer();
    void createService();
    void watch();
    void rollout();
    void deleteDeployment();

private:
    Run kubectl(const QStringList &arguments, int timeoutMs = 60000);
    QString writeFile(const QString &name, const QByteArray &contents);
    QJsonObject getJson(const QString &what);
    QProcessEnvironment environment() const;

    std::unique_ptr<Federation> m_federation;
    std::unique_ptr<QTemporaryDir> m_home;
    QString m_kubectl;
    QString m_kubeconfig;
};

void TstKubectl::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    Options options;
    options.scenario = u"test"_s;
    options.clusters = 1;
    // Rollouts take a few simulated seconds (image pulls, readiness); run them ten times faster.
    options.timeScale = 10;
    m_federation = std::make_unique<Federation>(options);
    const auto started = m_federation->start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_kubeconfig = writeFile(u"kubeconfig"_s, m_federation->kubeconfig());
}

void TstKubectl::cleanupTestCase()
{
    m_federation.reset();
}

QProcessEnvironment TstKubectl::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"KUBECACHEDIR"_s, m_home->filePath(u"cache"_s));
    env.insert(u"KUBECONFIG"_s, m_kubeconfig);
    env.remove(u"KUBECTL_EXTERNAL_DIFF"_s);
    return env;
}

Run TstKubectl::kubectl(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_kubectl, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

QString TstKubectl::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_home->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(contents);
    return path;
}

QJsonObject TstKubectl::getJson(const QString &what)
{
    const Run run = kubectl({u"get"_s, what, u"-o"_s, u"json"_s});
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

void TstKubectl::getEveryResource_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("output");
    for (const QString &resource : {u"namespaces"_s,
                                    u"nodes"_s,
                                    u"pods"_s,
                                    u"deployments"_s,
                                    u"replicasets"_s,
                                    u"services"_s,
                                    u"events"_s}) {
        for (const QString &output : {u"json"_s, u"yaml"_s, u"wide"_s})
            QTest::addRow("%s -o %s", qPrintable(resource), qPrintable(output))
                    << resource << output;
    }
}

void TstKubectl::getEveryResource()
{
    QFETCH(QString, resource);
    QFETCH(QString, output);
    const Run run = kubectl({u"get"_s, resource, u"-A"_s, u"-o"_s, output});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    if (output == u"json") {
        const QJsonObject list = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(list[u"kind"].toString(), u"List"_s);
    }
    if (output == u"wide" && (resource == u"nodes" || resource == u"namespaces"))
        QVERIFY2(run.out.startsWith(u"NAME"_s) || run.out.startsWith(u"NAMESPACE"_s),
                 qPrintable(run.out));
}

void TstKubectl::createFromFile()
{
    const QString file = writeFile(u"web.yaml"_s, webManifest);
    const Run run = kubectl({u"create"_s, u"-f"_s, file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps/web created\n"_s);
}

void TstKubectl::getOutputs()
{
    const QJsonObject web = getJson(u"deployment/web"_s);
    QCOMPARE(web[u"spec"][u"replicas"].toInt(), 2);
    QCOMPARE(web[u"metadata"][u"generation"].toInt(), 1);
    QCOMPARE(web[u"spec"][u"template"][u"spec"][u"containers"][0][u"imagePullPolicy"].toString(),
             u"IfNotPresent"_s);
    const Run yaml = kubectl({u"get"_s, u"deploy"_s, u"web"_s, u"-o"_s, u"yaml"_s});
    QVERIFY(yaml.out.contains(u"  name: web\n"_s));
    QVERIFY(yaml.out.contains(u"revisionHistoryLimit: 10\n"_s));
    // The controllers make it available within a few simulated seconds, as on a real cluster.
    const Run rolledOut
            = kubectl({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"--timeout=20s"_s}, 40000);
    QVERIFY2(rolledOut.exitCode == 0, qPrintable(rolledOut.out + rolledOut.err));
    const Run wide = kubectl({u"get"_s, u"deploy"_s, u"-o"_s, u"wide"_s});
    const QStringList lines = wide.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].simplified(),
             u"NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR"_s);
    QVERIFY2(lines[1].simplified().startsWith(u"web 2/2 2 2 "_s), qPrintable(lines[1]));
    QVERIFY(lines[1].simplified().endsWith(u"web nginx:1.25 app=web"_s));
    const Run shortName = kubectl({u"get"_s, u"deploy,rs,po,svc,ns,no,ev"_s});
    QVERIFY2(shortName.exitCode == 0, qPrintable(shortName.err));
}

void TstKubectl::errorsLookLikeUpstream()
{
    Run run = kubectl({u"get"_s, u"deploy"_s, u"nosuch"_s});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, u"Error from server (NotFound): deployments.apps \"nosuch\" not found\n"_s);
    const QString file = m_home->filePath(u"web.yaml"_s);
    run = kubectl({u"create"_s, u"-f"_s, file});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             u"Error from server (AlreadyExists): error when creating \"%1\": deployments.apps "
             u"\"web\" already exists\n"_s.arg(file));
    run = kubectl({u"scale"_s, u"deploy/web"_s, u"--replicas=-1"_s});
    QVERIFY(run.exitCode != 0);
    run = kubectl({u"get"_s, u"pods"_s, u"--field-selector=spec.replicas=1"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"field label not supported: spec.replicas"_s), qPrintable(run.err));
}

void TstKubectl::applyClientSide()
{
    QByteArray three = webManifest;
    three.replace("replicas: 2", "replicas: 3");
    const QString file = writeFile(u"web3.yaml"_s, three);
    Run run = kubectl({u"apply"_s, u"-f"_s, file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps/web configured\n"_s);
    run = kubectl({u"apply"_s, u"-f"_s, file});
    QCOMPARE(run.out, u"deployment.apps/web unchanged\n"_s);
    const QJsonObject web = getJson(u"deployment/web"_s);
    QCOMPARE(web[u"spec"][u"replicas"].toInt(), 3);
    QVERIFY(web[u"metadata"][u"annotations"].toObject().contains(
            u"kubectl.kubernetes.io/last-applied-configuration"_s));
    // A new object through apply is a create.
    QByteArray other = webManifest;
    other.replace("name: web\n  labels", "name: api\n  labels");
    run = kubectl({u"apply"_s, u"-f"_s, writeFile(u"api.yaml"_s, other)});
    QCOMPARE(run.out, u"deployment.apps/api created\n"_s);
}

void TstKubectl::applyServerSide()
{
    QByteArray ssa = webManifest;
    ssa.replace("name: web\n  labels", "name: ssa\n  labels");
    const QString file = writeFile(u"ssa.yaml"_s, ssa);
    Run run = kubectl({u"apply"_s, u"--server-side"_s, u"-f"_s, file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps/ssa serverside-applied\n"_s);
    const Run managed = kubectl(
            {u"get"_s, u"deploy"_s, u"ssa"_s, u"-o"_s, u"json"_s, u"--show-managed-fields"_s});
    const QJsonArray fields = QJsonDocument::fromJson(managed.out.toUtf8())
                                      .object()[u"metadata"][u"managedFields"]
                                      .toArray();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields[0][u"manager"].toString(), u"kubectl"_s);
    QCOMPARE(fields[0][u"operation"].toString(), u"Apply"_s);

    // Someone else takes .spec.replicas; applying a different count conflicts.
    run = kubectl({u"patch"_s,
                   u"deploy"_s,
                   u"ssa"_s,
                   u"--type=merge"_s,
                   u"-p"_s,
                   uR"({"spec":{"replicas":4}})"_s});
    QCOMPARE(run.exitCode, 0);
    QByteArray five = ssa;
    five.replace("replicas: 2", "replicas: 5");
    const QString fiveFile = writeFile(u"ssa5.yaml"_s, five);
    run = kubectl({u"apply"_s, u"--server-side"_s, u"-f"_s, fiveFile});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(
            run.err.contains(
                    uR"(Apply failed with 1 conflict: conflict with "kubectl-patch" using apps/v1: .spec.replicas)"_s),
            qPrintable(run.err));
    run = kubectl({u"apply"_s, u"--server-side"_s, u"--force-conflicts"_s, u"-f"_s, fiveFile});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(getJson(u"deployment/ssa"_s)[u"spec"][u"replicas"].toInt(), 5);
}

void TstKubectl::scale()
{
    const Run run = kubectl({u"scale"_s, u"deployment/web"_s, u"--replicas=4"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps/web scaled\n"_s);
    QCOMPARE(getJson(u"deployment/web"_s)[u"spec"][u"replicas"].toInt(), 4);
}

void TstKubectl::setImage()
{
    const Run run = kubectl({u"set"_s, u"image"_s, u"deployment/web"_s, u"web=nginx:1.26"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps/web image updated\n"_s);
    const QJsonObject web = getJson(u"deployment/web"_s);
    QCOMPARE(web[u"spec"][u"template"][u"spec"][u"containers"][0][u"image"].toString(),
             u"nginx:1.26"_s);
    QCOMPARE(web[u"spec"][u"template"][u"spec"][u"containers"][0][u"ports"][0][u"containerPort"]
                     .toInt(),
             80);
    QCOMPARE(web[u"metadata"][u"generation"].toInt(), 4); // apply, scale, image
}

void TstKubectl::labelAndAnnotate()
{
    Run run = kubectl({u"label"_s, u"deployment"_s, u"web"_s, u"tier=front"_s});
    QCOMPARE(run.out, u"deployment.apps/web labeled\n"_s);
    run = kubectl({u"annotate"_s, u"deployment"_s, u"web"_s, u"owner=team-a"_s});
    QCOMPARE(run.out, u"deployment.apps/web annotated\n"_s);
    run = kubectl({u"get"_s, u"deploy"_s, u"-l"_s, u"tier=front"_s, u"-o"_s, u"name"_s});
    QCOMPARE(run.out, u"deployment.apps/web\n"_s);
    run = kubectl({u"get"_s, u"deploy"_s, u"-l"_s, u"tier notin (front)"_s, u"-o"_s, u"name"_s});
    QVERIFY(!run.out.contains(u"deployment.apps/web\n"_s));
    const QJsonObject web = getJson(u"deployment/web"_s);
    QCOMPARE(web[u"metadata"][u"annotations"][u"owner"].toString(), u"team-a"_s);
    QCOMPARE(web[u"metadata"][u"generation"].toInt(), 4); // metadata only
}

void TstKubectl::patchTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("jsonPath");
    QTest::addColumn<QString>("expected");
    QTest::newRow("json")
            << u"json"_s
            << uR"([{"op":"test","path":"/spec/replicas","value":4},{"op":"replace","path":"/spec/replicas","value":5}])"_s
            << u"{.spec.replicas}"_s << u"5"_s;
    QTest::newRow("merge") << u"merge"_s << uR"({"spec":{"paused":true}})"_s << u"{.spec.paused}"_s
                           << u"true"_s;
    QTest::newRow("strategic")
            << u"strategic"_s
            << uR"({"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"MODE","value":"blue"}]}]}}}})"_s
            << u"{.spec.template.spec.containers[0].env[0].value} "
               u"{.spec.template.spec.containers[0].image}"_s
            << u"blue nginx:1.26"_s;
}

void TstKubectl::patchTypes()
{
    QFETCH(QString, type);
    QFETCH(QString, patch);
    QFETCH(QString, jsonPath);
    QFETCH(QString, expected);
    Run run = kubectl({u"patch"_s, u"deployment"_s, u"web"_s, u"--type"_s, type, u"-p"_s, patch});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps/web patched\n"_s);
    run = kubectl({u"get"_s, u"deployment"_s, u"web"_s, u"-o"_s, u"jsonpath="_s + jsonPath});
    QCOMPARE(run.out, expected);
    if (type == u"merge") {
        run = kubectl({u"patch"_s, u"deployment"_s, u"web"_s, u"--type"_s, type, u"-p"_s, patch});
        QCOMPARE(run.out, u"deployment.apps/web patched (no change)\n"_s);
        // Leave it unpaused for the rollout tests.
        run = kubectl({u"patch"_s,
                       u"deployment"_s,
                       u"web"_s,
                       u"--type"_s,
                       type,
                       u"-p"_s,
                       uR"({"spec":{"paused":null}})"_s});
        QCOMPARE(run.exitCode, 0);
    }
}

void TstKubectl::dryRunServer()
{
    // A rollout in progress changes the Deployment's status (and resourceVersion) by itself.
    const Run rolledOut
            = kubectl({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"--timeout=20s"_s}, 40000);
    QVERIFY2(rolledOut.exitCode == 0, qPrintable(rolledOut.out + rolledOut.err));
    const QString before = getJson(u"deployment/web"_s)[u"metadata"][u"resourceVersion"].toString();
    Run run = kubectl({u"scale"_s, u"deployment/web"_s, u"--replicas=9"_s, u"--dry-run=server"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps/web scaled (server dry run)\n"_s);
    run = kubectl({u"delete"_s, u"deployment"_s, u"web"_s, u"--dry-run=server"_s});
    QCOMPARE(run.out, u"deployment.apps \"web\" deleted (server dry run)\n"_s);
    const QJsonObject web = getJson(u"deployment/web"_s);
    QCOMPARE(web[u"metadata"][u"resourceVersion"].toString(), before);
    QCOMPARE(web[u"spec"][u"replicas"].toInt(), 5);
}

void TstKubectl::createService()
{
    Run run = kubectl({u"create"_s, u"service"_s, u"clusterip"_s, u"web"_s, u"--tcp=80:8080"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"service/web created\n"_s);
    run = kubectl({u"get"_s, u"svc"_s, u"web"_s, u"-o"_s, u"wide"_s});
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0).simplified(),
             u"NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR"_s);
    QVERIFY2(lines.value(1).simplified().contains(u" ClusterIP 10.96."_s), qPrintable(run.out));
    QVERIFY(lines.value(1).simplified().contains(u" <none> 80/TCP "_s));
}

void TstKubectl::watch()
{
    QProcess watcher;
    watcher.setProcessEnvironment(environment());
    watcher.start(m_kubectl, {u"get"_s, u"deploy"_s, u"web"_s, u"-w"_s, u"--request-timeout=3s"_s});
    QVERIFY(watcher.waitForStarted());
    QTest::qWait(1200);
    const Run label = kubectl({u"label"_s, u"deployment"_s, u"web"_s, u"watched=yes"_s});
    QCOMPARE(label.exitCode, 0);
    QVERIFY(watcher.waitForFinished(15000));
    const QStringList lines
            = QString::fromUtf8(watcher.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    // The header, the current state, then the change.
    QVERIFY2(lines.size() >= 3, qPrintable(lines.join(u'\n')));
    QVERIFY(lines[0].startsWith(u"NAME"_s));
    QVERIFY(lines[1].startsWith(u"web "_s));
    QVERIFY(lines[2].startsWith(u"web "_s));

    // -o json prints every event's object.
    QProcess json;
    json.setProcessEnvironment(environment());
    json.start(m_kubectl,
               {u"get"_s,
                u"deploy"_s,
                u"web"_s,
                u"-w"_s,
                u"-o"_s,
                u"json"_s,
                u"--output-watch-events"_s,
                u"--request-timeout=2s"_s});
    QVERIFY(json.waitForFinished(15000));
    const QString out = QString::fromUtf8(json.readAllStandardOutput());
    QVERIFY2(out.contains(QRegularExpression(uR"("type":\s*"ADDED")"_s)), qPrintable(out));
}

void TstKubectl::rollout()
{
    Run status
            = kubectl({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"--timeout=20s"_s}, 40000);
    QVERIFY2(status.exitCode == 0, qPrintable(status.out + status.err));
    QVERIFY(status.out.contains(u"deployment \"web\" successfully rolled out"_s));
    Run run = kubectl({u"rollout"_s, u"history"_s, u"deployment/web"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.startsWith(u"deployment.apps/web \n"_s));
    QVERIFY(run.out.contains(u"REVISION  CHANGE-CAUSE"_s));
    run = kubectl({u"rollout"_s, u"pause"_s, u"deployment/web"_s});
    QCOMPARE(run.out, u"deployment.apps/web paused\n"_s);
    run = kubectl({u"rollout"_s, u"resume"_s, u"deployment/web"_s});
    QCOMPARE(run.out, u"deployment.apps/web resumed\n"_s);
    run = kubectl({u"rollout"_s, u"undo"_s, u"deployment/web"_s});
    QCOMPARE(run.out, u"deployment.apps/web rolled back\n"_s);
    status = kubectl({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"--timeout=20s"_s}, 40000);
    QCOMPARE(status.exitCode, 0);
    run = kubectl({u"describe"_s, u"deployment"_s, u"web"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"Name:                   web\n"_s));
    QVERIFY(run.out.contains(u"NewReplicaSet:"_s));
    // Back to a given revision.
    run = kubectl({u"rollout"_s, u"history"_s, u"deployment/web"_s});
    const QString history = run.out;
    // The oldest revision still in history holds another template than the newest.
    QStringList revisions;
    for (const QString &line : history.split(u'\n', Qt::SkipEmptyParts)) {
        const QString first = line.section(u' ', 0, 0);
        if (!first.isEmpty() && first.front().isDigit())
            revisions.append(first);
    }
    QVERIFY2(revisions.size() >= 2, qPrintable(history));
    run = kubectl({u"rollout"_s,
                   u"undo"_s,
                   u"deployment/web"_s,
                   u"--to-revision="_s + revisions.first()});
    QVERIFY2(run.out == u"deployment.apps/web rolled back\n"_s,
             qPrintable(history + run.out + run.err));
    run = kubectl({u"rollout"_s, u"undo"_s, u"deployment/web"_s, u"--to-revision=99"_s});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(u"unable to find specified revision 99 in history"_s),
             qPrintable(run.err));
    status = kubectl({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"--timeout=20s"_s}, 40000);
    QCOMPARE(status.exitCode, 0);

    run = kubectl({u"logs"_s, u"deployment/web"_s, u"--tail=5"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.split(u'\n', Qt::SkipEmptyParts).size(), 5);

    // -f keeps streaming new lines until the request timeout ends it.
    QProcess follow;
    follow.setProcessEnvironment(environment());
    follow.start(m_kubectl,
                 {u"logs"_s,
                  u"-f"_s,
                  u"deployment/web"_s,
                  u"--tail=1"_s,
                  u"--request-timeout=3s"_s});
    QVERIFY(follow.waitForStarted());
    QTest::qWait(2500);
    const qsizetype lines = QString::fromUtf8(follow.readAllStandardOutput())
                                    .split(u'\n', Qt::SkipEmptyParts)
                                    .size();
    follow.kill();
    follow.waitForFinished(5000);
    QVERIFY2(lines >= 2, qPrintable(QString::number(lines)));
}

void TstKubectl::deleteDeployment()
{
    Run run = kubectl({u"delete"_s, u"deployment"_s, u"web"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, u"deployment.apps \"web\" deleted\n"_s);
    run = kubectl({u"get"_s, u"deployment"_s, u"web"_s});
    QCOMPARE(run.exitCode, 1);
    run = kubectl({u"delete"_s, u"-f"_s, m_home->filePath(u"api.yaml"_s)});
    QCOMPARE(run.out, u"deployment.apps \"api\" deleted\n"_s);
    run = kubectl({u"delete"_s, u"svc"_s, u"web"_s});
    QCOMPARE(run.out, u"service \"web\" deleted\n"_s);
}

QTEST_GUILESS_MAIN(TstKubectl)
#include "tst_kubectl.moc"

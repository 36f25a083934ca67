// `meridianctl placement get|set` through the library the program runs, against meridian-sim:
// the JSON of get, set writing every member's annotation and replicas (read back through the
// API), --dry-run writing nothing, and the errors.
#include "cli/cli.h"
#include "core/placement/planner.h"
#include "placement/placementapply.h"
#include "sim/federation.h"
#include "simclient.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Qt::StringLiterals;

namespace {

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

const QString ns = u"default"_s;

} // namespace

class TestPlacementCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Sim::Options options;
        options.scenario = u"test"_s;
        options.clusters = 3;
        m_sim = std::make_unique<Sim::Federation>(options);
        QVERIFY(m_sim->start().ok());
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(u"sim.kubeconfig"_s);
        QFile file(m_kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(m_sim->kubeconfig());
        file.close();
        m_clients = std::make_unique<Test::SimClients>(m_sim->kubeconfig());
        QCOMPARE(m_clients->createDeployment(u"cluster-01"_s, ns, u"cart"_s, 4), 201);
        QCOMPARE(m_clients->createDeployment(u"cluster-02"_s, ns, u"cart"_s, 4), 201);
        QCOMPARE(m_clients->createDeployment(u"cluster-03"_s, ns, u"cart"_s, 4), 201);
    }

    void getJson()
    {
        const Run run = meridianctl({u"placement"_s,
                                     u"get"_s,
                                     u"default/cart"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"-o"_s,
                                     u"json"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        // No annotation: the engine's default, and a note saying so
        QCOMPARE(result.value(u"preferences").toObject(),
                 QJsonObject(
                         {{u"clusters"_s, QJsonObject{{u"*"_s, QJsonObject{{u"weight"_s, 1}}}}}}));
        QVERIFY(run.err.contains(u"annotation"_s));
        const QJsonObject current = result.value(u"current").toObject();
        QCOMPARE(current.keys(), (QStringList{u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s}));
        QCOMPARE(current.value(u"cluster-02").toInteger(), 4);
        qint64 planned = 0;
        for (const QJsonValue v : result.value(u"plan").toObject())
            planned += v.toInteger();
        QCOMPARE(planned, 12);
    }

    void setWritesEveryMember()
    {
        // Given preferences that favour cluster-01 and leave cluster-03 out
        const QString prefs = writeFile(
                u"prefs.json"_s,
                R"({"rebalance": true, "clusters": {"cluster-01": {"weight": 2}, "cluster-02": {"weight": 1, "maxReplicas": 3}}})");

        // When set with a new total
        const Run run = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/cart"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--prefs"_s,
                                     prefs,
                                     u"--replicas"_s,
                                     u"15"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));

        // Then each member's spec.replicas is what the planner says, and every member carries
        // the annotation
        ReplicaPreferences expectedPrefs;
        expectedPrefs.rebalance = true;
        expectedPrefs.clusters.insert(u"cluster-01"_s, ClusterPreference{0, std::nullopt, 2});
        expectedPrefs.clusters.insert(u"cluster-02"_s, ClusterPreference{0, 3, 1});
        const QStringList members{u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s};
        const PlanResult plan
                = planFederation(expectedPrefs, 15, members, {}, {}, u"default/cart"_s);
        QCOMPARE(plan.plan.value(u"cluster-01"_s), 12);
        QCOMPARE(plan.plan.value(u"cluster-02"_s), 3);
        for (const QString &c : members) {
            QCOMPARE(m_clients->replicas(c, ns, u"cart"_s), plan.plan.value(c));
            QVERIFY(Placement::sameAnnotation(m_clients->annotation(c, ns, u"cart"_s),
                                              Placement::annotationFor(expectedPrefs)));
        }

        // And get shows it
        const Run get = meridianctl({u"placement"_s,
                                     u"get"_s,
                                     u"default/cart"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"-o"_s,
                                     u"json"_s});
        QCOMPARE(get.code, 0);
        const QJsonObject result = QJsonDocument::fromJson(get.out.toUtf8()).object();
        QCOMPARE(result.value(u"current").toObject().value(u"cluster-01").toInteger(), 12);
        QCOMPARE(result.value(u"preferences").toObject().value(u"rebalance").toBool(), true);
    }

    // What meridianctl wrote, as real kubectl reads it back from each member.
    void kubectlReadsWhatWasWritten()
    {
        const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_s);
        if (kubectl.isEmpty())
            QSKIP("kubectl is not installed");
        for (const QString &c : {u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s}) {
            QProcess process;
            process.start(kubectl,
                          {u"--kubeconfig"_s,
                           m_kubeconfig,
                           u"--context"_s,
                           c,
                           u"-n"_s,
                           ns,
                           u"get"_s,
                           u"deployment"_s,
                           u"cart"_s,
                           u"-o"_s,
                           u"json"_s});
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitCode(), 0);
            const QJsonObject d = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
            QCOMPARE(d[u"spec"][u"replicas"].toInteger(), m_clients->replicas(c, ns, u"cart"_s));
            QVERIFY(Placement::sameAnnotation(
                    d[u"metadata"][u"annotations"]
                     [u"federation.kubernetes.io/deployment-preferences"]
                             .toString(),
                    uR"({"rebalance":true,"clusters":{"cluster-01":{"weight":2},"cluster-02":{"weight":1,"maxReplicas":3}}})"_s));
        }
    }

    void dryRunWritesNothing()
    {
        const qint64 before = m_clients->replicas(u"cluster-03"_s, ns, u"cart"_s);
        const QString annotation = m_clients->annotation(u"cluster-03"_s, ns, u"cart"_s);
        const QString prefs = writeFile(u"even.json"_s,
                                        R"({"rebalance": true, "clusters": {"*": {"weight": 1}}})");
        const Run run = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/cart"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--prefs"_s,
                                     prefs,
                                     u"--dry-run"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"dry run"_s));
        QVERIFY(run.out.contains(uR"(+ {"clusters":{"*":{"weight":1}},"rebalance":true})"_s)
                || run.out.contains(uR"(+ {"rebalance":true,"clusters":{"*":{"weight":1}}})"_s));
        // N defaults to the current sum (15): 5 each
        QVERIFY2(run.out.contains(QRegularExpression(u"cluster-03\\s+0\\s+5\\s+0"_s)),
                 qPrintable(run.out));
        QCOMPARE(m_clients->replicas(u"cluster-03"_s, ns, u"cart"_s), before);
        QCOMPARE(m_clients->annotation(u"cluster-03"_s, ns, u"cart"_s), annotation);
    }

    void karmadaPolicyIsConverted()
    {
        const QString policy = writeFile(u"policy.yaml"_s, R"(apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata:
  name: cart
spec:
  resourceSelectors:
    - apiVersion: apps/v1
      kind: Deployment
      name: cart
  placement:
    replicaScheduling:
      replicaSchedulingType: Divided
      replicaDivisionPreference: Weighted
      weightPreference:
        staticWeightList:
          - targetCluster:
              clusterNames: [cluster-02]
            weight: 1
          - targetCluster:
              clusterNames: [cluster-03]
            weight: 2
)");
        const Run run = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/cart"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--prefs"_s,
                                     policy,
                                     u"--replicas"_s,
                                     u"9"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        // Without rebalance the running 12 on cluster-01 would stay; they are not available to
        // the policy (no entry): 0, 3, 6
        QCOMPARE(m_clients->replicas(u"cluster-01"_s, ns, u"cart"_s), 0);
        QCOMPARE(m_clients->replicas(u"cluster-02"_s, ns, u"cart"_s), 3);
        QCOMPARE(m_clients->replicas(u"cluster-03"_s, ns, u"cart"_s), 6);
    }

    void memberDownIsLeftOut()
    {
        // Given cluster-03 is down when the command connects
        m_sim->setFault(u"cluster-03"_s, Sim::Fault{Sim::Fault::Kind::Down, 0, 0});
        const QString prefs = writeFile(u"even2.json"_s,
                                        R"({"rebalance": true, "clusters": {"*": {"weight": 1}}})");
        const Run run = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/cart"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--prefs"_s,
                                     prefs,
                                     u"--replicas"_s,
                                     u"8"_s});
        m_sim->setFault(u"cluster-03"_s, std::nullopt);

        // Then it says so, and the plan and the writes cover the members that answer
        QVERIFY2(run.err.contains(u"cluster-03 could not be read"_s), qPrintable(run.err));
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QCOMPARE(m_clients->replicas(u"cluster-01"_s, ns, u"cart"_s), 4);
        QCOMPARE(m_clients->replicas(u"cluster-02"_s, ns, u"cart"_s), 4);
        QCOMPARE(m_clients->replicas(u"cluster-03"_s, ns, u"cart"_s), 6);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no action") << QStringList{u"placement"_s} << 2 << u"get or set"_s;
        QTest::newRow("bad target")
                << QStringList{u"placement"_s, u"get"_s, u"cart"_s} << 2 << u"NAMESPACE/NAME"_s;
        QTest::newRow("set without prefs")
                << QStringList{u"placement"_s, u"set"_s, u"default/cart"_s} << 2 << u"--prefs"_s;
        QTest::newRow("bad replicas") << QStringList{u"placement"_s,
                                                     u"set"_s,
                                                     u"default/cart"_s,
                                                     u"--prefs"_s,
                                                     u"x"_s,
                                                     u"--replicas"_s,
                                                     u"-3"_s}
                                      << 2 << u"--replicas"_s;
        QTest::newRow("unknown engine") << QStringList{u"placement"_s,
                                                       u"get"_s,
                                                       u"default/cart"_s,
                                                       u"--engine"_s,
                                                       u"kubefed"_s}
                                        << 2 << u"kubefed"_s;
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run run = meridianctl(args);
        QCOMPARE(run.code, code);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void badPreferencesFile()
    {
        const QString prefs
                = writeFile(u"bad.json"_s, R"({"clusters": {"cluster-01": {"weight": -2}}})");
        const Run run = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/cart"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--prefs"_s,
                                     prefs});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"clusters.cluster-01.weight"_s), qPrintable(run.err));
    }

    void unknownWorkload()
    {
        const Run run = meridianctl(
                {u"placement"_s, u"get"_s, u"default/nothing"_s, u"--kubeconfig"_s, m_kubeconfig});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(u"default/nothing"_s));
    }

private:
    QString writeFile(const QString &name, const char *text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return path;
    }

    std::unique_ptr<Sim::Federation> m_sim;
    std::unique_ptr<Test::SimClients> m_clients;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

QTEST_GUILESS_MAIN(TestPlacementCli)
#include "tst_placement_cli.moc"

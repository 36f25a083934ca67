// `meridianctl placement get|set --engine karmada` against meridian-sim's Karmada control plane:
// the PropagationPolicy is rewritten (other fields kept), the Deployment's total set, and
// Karmada's division reaches every member; a colleague's policy change is a conflict.
#include "cli/cli.h"
#include "core/placement/karmadadivision.h"
#include "sim/federation.h"
#include "simclient.h"

#include <QFile>
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

const QString policyPath
        = u"/apis/policy.karmada.io/v1alpha1/namespaces/default/propagationpolicies"_s;

QJsonObject rule(const QString &cluster, int weight)
{
    return QJsonObject{{u"targetCluster"_s, QJsonObject{{u"clusterNames"_s, QJsonArray{cluster}}}},
                       {u"weight"_s, weight}};
}

} // namespace

class TestPlacementKarmadaCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Sim::Options options;
        options.scenario = u"test"_s;
        options.clusters = 3;
        options.karmada = true;
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
        QVERIFY(m_clients->client(u"karmada"_s));
        QCOMPARE(m_clients->createDeployment(u"karmada"_s, u"default"_s, u"web"_s, 6), 201);
        const QJsonObject policy{
                {u"apiVersion"_s, u"policy.karmada.io/v1alpha1"_s},
                {u"kind"_s, u"PropagationPolicy"_s},
                {u"metadata"_s,
                 QJsonObject{{u"name"_s, u"web-policy"_s},
                             {u"labels"_s, QJsonObject{{u"team"_s, u"storefront"_s}}}}},
                {u"spec"_s,
                 QJsonObject{
                         {u"resourceSelectors"_s,
                          QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                 {u"kind"_s, u"Deployment"_s},
                                                 {u"name"_s, u"web"_s}}}},
                         {u"placement"_s,
                          QJsonObject{{u"clusterAffinity"_s,
                                       QJsonObject{{u"clusterNames"_s,
                                                    QJsonArray{u"cluster-01"_s,
                                                               u"cluster-02"_s,
                                                               u"cluster-03"_s}}}},
                                      {u"replicaScheduling"_s,
                                       QJsonObject{{u"replicaSchedulingType"_s, u"Divided"_s},
                                                   {u"replicaDivisionPreference"_s, u"Weighted"_s},
                                                   {u"weightPreference"_s,
                                                    QJsonObject{
                                                            {u"staticWeightList"_s,
                                                             QJsonArray{rule(u"cluster-01"_s, 1),
                                                                        rule(u"cluster-02"_s, 1),
                                                                        rule(u"cluster-03"_s,
                                                                             1)}}}}}}}}}}};
        QCOMPARE(m_clients->call(u"karmada"_s, "POST", policyPath, policy).httpStatus, 201);
        QTRY_COMPARE_WITH_TIMEOUT(m_clients->replicas(u"cluster-03"_s, u"default"_s, u"web"_s),
                                  2,
                                  20000);
    }

    void get()
    {
        const Run run = meridianctl({u"placement"_s,
                                     u"get"_s,
                                     u"default/web"_s,
                                     u"--engine"_s,
                                     u"karmada"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--context"_s,
                                     u"karmada"_s,
                                     u"-o"_s,
                                     u"json"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(result.value(u"policy").toString(), u"web-policy"_s);
        QCOMPARE(result.value(u"total").toInteger(), 6);
        QCOMPARE(result.value(u"plan").toObject().value(u"cluster-02").toInteger(), 2);
        QCOMPARE(result.value(u"current").toObject().value(u"cluster-02").toInteger(), 2);
        QCOMPARE(result.value(u"preferences").toObject().value(u"clusters").toObject().size(), 3);
    }

    void setRewritesThePolicy()
    {
        const QString prefs = writeFile(
                u"weights.json"_s,
                R"({"clusters": {"cluster-01": {"weight": 1}, "cluster-02": {"weight": 2}, "cluster-03": {"weight": 3}}})");
        const Run run = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/web"_s,
                                     u"--engine"_s,
                                     u"karmada"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--context"_s,
                                     u"karmada"_s,
                                     u"--prefs"_s,
                                     prefs,
                                     u"--replicas"_s,
                                     u"12"_s});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));

        // The policy keeps its other fields, has the new weights; the template has 12
        const QJsonObject policy
                = QJsonDocument::fromJson(
                          m_clients->call(u"karmada"_s, "GET", policyPath + u"/web-policy"_s).body)
                          .object();
        QCOMPARE(policy[u"metadata"][u"labels"][u"team"].toString(), u"storefront"_s);
        QCOMPARE(policy[u"spec"][u"placement"][u"clusterAffinity"][u"clusterNames"]
                         .toArray()
                         .size(),
                 3);
        QCOMPARE(m_clients->replicas(u"karmada"_s, u"default"_s, u"web"_s), 12);

        // Karmada divides: 2, 4, 6 reach the members
        ReplicaPreferences expected;
        expected.clusters.insert(u"cluster-01"_s, ClusterPreference{0, std::nullopt, 1});
        expected.clusters.insert(u"cluster-02"_s, ClusterPreference{0, std::nullopt, 2});
        expected.clusters.insert(u"cluster-03"_s, ClusterPreference{0, std::nullopt, 3});
        const auto plan = planKarmada(expected,
                                      12,
                                      {u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s},
                                      {},
                                      {});
        QVERIFY(plan.ok());
        for (auto it = plan->plan.cbegin(); it != plan->plan.cend(); ++it) {
            QTRY_COMPARE_WITH_TIMEOUT(m_clients->replicas(it.key(), u"default"_s, u"web"_s),
                                      it.value(),
                                      20000);
        }
    }

    void dryRunAndMissingPolicy()
    {
        const QString prefs = writeFile(u"even.json"_s, R"({"clusters": {"*": {"weight": 1}}})");
        const Run dry = meridianctl({u"placement"_s,
                                     u"set"_s,
                                     u"default/web"_s,
                                     u"--engine"_s,
                                     u"karmada"_s,
                                     u"--kubeconfig"_s,
                                     m_kubeconfig,
                                     u"--context"_s,
                                     u"karmada"_s,
                                     u"--prefs"_s,
                                     prefs,
                                     u"--dry-run"_s});
        QVERIFY2(dry.code == 0, qPrintable(dry.err));
        QVERIFY(dry.out.contains(u"dry run"_s));
        QCOMPARE(m_clients->replicas(u"karmada"_s, u"default"_s, u"web"_s), 12);

        const Run missing = meridianctl({u"placement"_s,
                                         u"get"_s,
                                         u"default/nothing"_s,
                                         u"--engine"_s,
                                         u"karmada"_s,
                                         u"--kubeconfig"_s,
                                         m_kubeconfig,
                                         u"--context"_s,
                                         u"karmada"_s});
        QCOMPARE(missing.code, 1);
        // (No such Deployment on the control plane: said so, before any policy is looked for.)
        QVERIFY2(missing.err.contains(u"Deployment default/nothing"_s), qPrintable(missing.err));
    }

    void cleanupTestCase()
    {
        m_clients.reset();
        m_sim.reset();
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

QTEST_GUILESS_MAIN(TestPlacementKarmadaCli)
#include "tst_placement_karmada_cli.moc"

// The placement apply job against meridian-sim: writes the annotation and replicas on every
// member, re-applies the operator's change after a 409, refuses to overwrite a colleague's
// preferences, and reports a member that is down so it can be retried.
#include "placement/placementapply.h"
#include "sim/federation.h"
#include "simclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Placement;
using namespace Qt::StringLiterals;

namespace {

const QString ns = u"default"_s;
const QString evenAnnotation = uR"({"clusters":{"*":{"weight":1}}})"_s;

MemberApplyResults runJob(Test::SimClients &sim, const ApplyRequest &request)
{
    MemberApplyResults results;
    auto *job = new PlacementApplyJob(request, sim.clients());
    QEventLoop loop;
    QObject::connect(job, &PlacementApplyJob::finished, &loop, [&](const MemberApplyResults &r) {
        results = r;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return results;
}

MemberApplyResult resultFor(const MemberApplyResults &results, const QString &member)
{
    for (const MemberApplyResult &r : results) {
        if (r.member == member)
            return r;
    }
    return {};
}

} // namespace

class TestPlacementApply final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Sim::Options options;
        options.scenario = u"test"_s;
        options.clusters = 3;
        options.controllers = false; // only our writes change the objects
        m_sim = std::make_unique<Sim::Federation>(options);
        QVERIFY(m_sim->start().ok());
        m_clients = std::make_unique<Test::SimClients>(m_sim->kubeconfig());
        QCOMPARE(m_clients->clients().size(), 3);
    }

    void init()
    {
        static int n = 0;
        m_name = u"web%1"_s.arg(++n);
        for (const QString &c : m_clients->clients().keys())
            QCOMPARE(m_clients->createDeployment(c, ns, m_name, 2, evenAnnotation), 201);
    }

    void appliesAnnotationAndReplicas()
    {
        // Given three members running 2 each under the even annotation
        ApplyRequest request
                = requestFor({{u"cluster-01"_s, 5}, {u"cluster-02"_s, 1}, {u"cluster-03"_s, 0}});

        // When applying
        const MemberApplyResults results = runJob(*m_clients, request);

        // Then every member holds the new annotation and its planned replicas
        QCOMPARE(results.size(), 3);
        for (const MemberApplyResult &r : results) {
            QCOMPARE(applyStateName(r.state), applyStateName(MemberApplyResult::State::Done));
            QCOMPARE(r.replicasBefore, 2);
            QVERIFY(sameAnnotation(m_clients->annotation(r.member, ns, m_name),
                                   request.annotation));
            QCOMPARE(m_clients->replicas(r.member, ns, m_name), request.replicas.value(r.member));
        }

        // And applying again changes nothing
        const MemberApplyResults again = runJob(*m_clients, request);
        for (const MemberApplyResult &r : again)
            QCOMPARE(r.state, MemberApplyResult::State::Unchanged);
    }

    void reappliesAfterConflictingWrite()
    {
        // Given a member that answers slowly, and a colleague who adds a label to its Deployment
        // between Meridian's read and Meridian's write
        m_sim->setFault(u"cluster-02"_s, Sim::Fault{Sim::Fault::Kind::Latency, 1500, 0});
        ApplyRequest request
                = requestFor({{u"cluster-01"_s, 3}, {u"cluster-02"_s, 3}, {u"cluster-03"_s, 0}});
        MemberApplyResults results;
        auto *job = new PlacementApplyJob(request, m_clients->clients());
        QEventLoop loop;
        connect(job, &PlacementApplyJob::finished, &loop, [&](const MemberApplyResults &r) {
            results = r;
            loop.quit();
        });
        job->start(); // the GET on cluster-02 is answered at ~1500 ms
        QTest::qWait(500);
        // The colleague's patch is handled at ~2000 ms (sent at 500 ms on a fresh connection, then
        // 1500 ms of latency): after Meridian's read, before its write (~3000 ms).
        Test::SimClients colleague(m_sim->kubeconfig());
        QCOMPARE(colleague.mergePatch(u"cluster-02"_s,
                                      ns,
                                      m_name,
                                      QJsonObject{{u"metadata"_s,
                                                   QJsonObject{{u"labels"_s,
                                                                QJsonObject{{u"team"_s,
                                                                             u"payments"_s}}}}}}),
                 200);
        if (results.isEmpty())
            loop.exec();
        m_sim->setFault(u"cluster-02"_s, std::nullopt);

        // Then Meridian re-read and re-applied its change on top of the colleague's
        const MemberApplyResult r = resultFor(results, u"cluster-02"_s);
        QCOMPARE(r.state, MemberApplyResult::State::Done);
        QVERIFY2(r.attempts >= 2, qPrintable(u"attempts: %1"_s.arg(r.attempts)));
        const QJsonObject live = m_clients->deployment(u"cluster-02"_s, ns, m_name);
        QCOMPARE(live.value(u"metadata").toObject().value(u"labels").toObject().value(u"team"),
                 QJsonValue(u"payments"_s));
        QCOMPARE(m_clients->replicas(u"cluster-02"_s, ns, m_name), 3);
        QVERIFY(sameAnnotation(m_clients->annotation(u"cluster-02"_s, ns, m_name),
                               request.annotation));
    }

    void reportsRealConflict()
    {
        // Given a colleague who changed the preferences on cluster-01 after we loaded them
        const QString theirs = uR"({"clusters":{"cluster-01":{"weight":9}}})"_s;
        QCOMPARE(m_clients->edit(
                         u"cluster-01"_s,
                         ns,
                         m_name,
                         [&](QJsonObject &d) {
                             QJsonObject metadata = d.value(u"metadata").toObject();
                             metadata.insert(
                                     u"annotations",
                                     QJsonObject{
                                             {u"federation.kubernetes.io/deployment-preferences"_s,
                                              theirs}});
                             d.insert(u"metadata", metadata);
                         }),
                 200);

        // When applying our change
        const ApplyRequest request
                = requestFor({{u"cluster-01"_s, 4}, {u"cluster-02"_s, 2}, {u"cluster-03"_s, 0}});
        const MemberApplyResults results = runJob(*m_clients, request);

        // Then cluster-01 is a conflict, left as the colleague wrote it; the others are applied
        const MemberApplyResult r = resultFor(results, u"cluster-01"_s);
        QCOMPARE(r.state, MemberApplyResult::State::Conflict);
        QVERIFY(r.message.contains(u"someone else"_s));
        QCOMPARE(m_clients->annotation(u"cluster-01"_s, ns, m_name), theirs);
        QCOMPARE(m_clients->replicas(u"cluster-01"_s, ns, m_name), 2);
        QCOMPARE(resultFor(results, u"cluster-02"_s).state, MemberApplyResult::State::Done);
        QCOMPARE(resultFor(results, u"cluster-03"_s).state, MemberApplyResult::State::Done);
    }

    void memberDownIsRetryable()
    {
        // Given cluster-03 is down
        m_sim->setFault(u"cluster-03"_s, Sim::Fault{Sim::Fault::Kind::Down, 0, 0});
        ApplyRequest request
                = requestFor({{u"cluster-01"_s, 3}, {u"cluster-02"_s, 2}, {u"cluster-03"_s, 1}});
        const MemberApplyResults results = runJob(*m_clients, request);
        QCOMPARE(resultFor(results, u"cluster-01"_s).state, MemberApplyResult::State::Done);
        QCOMPARE(resultFor(results, u"cluster-02"_s).state, MemberApplyResult::State::Done);
        const MemberApplyResult down = resultFor(results, u"cluster-03"_s);
        QCOMPARE(down.state, MemberApplyResult::State::Failed);
        QVERIFY2(down.message.contains(u"cluster-03"_s), qPrintable(down.message));

        // When it is back and only the failed member is retried
        m_sim->setFault(u"cluster-03"_s, std::nullopt);
        request.members = QStringList{u"cluster-03"_s};
        const MemberApplyResults retried = runJob(*m_clients, request);
        QCOMPARE(retried.size(), 1);
        QCOMPARE(retried.first().state, MemberApplyResult::State::Done);
        QCOMPARE(m_clients->replicas(u"cluster-03"_s, ns, m_name), 1);
    }

    void missingDeploymentFails()
    {
        ApplyRequest request = requestFor({{u"cluster-01"_s, 6}});
        request.name = u"nothere"_s;
        request.members = QStringList{u"cluster-01"_s};
        const MemberApplyResults results = runJob(*m_clients, request);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().state, MemberApplyResult::State::Failed);
        QCOMPARE(results.first().httpStatus, 404);
        QVERIFY(results.first().message.contains(u"create it there first"_s));
    }

private:
    ApplyRequest requestFor(const QMap<QString, qint64> &replicas) const
    {
        ApplyRequest request;
        request.ns = ns;
        request.name = m_name;
        ReplicaPreferences prefs;
        prefs.rebalance = true;
        for (auto it = replicas.cbegin(); it != replicas.cend(); ++it)
            prefs.clusters.insert(it.key(), ClusterPreference{it.value(), it.value(), 1});
        request.annotation = annotationFor(prefs);
        for (const QString &c : m_clients->clients().keys())
            request.baseAnnotations.insert(c, evenAnnotation);
        request.replicas = replicas;
        request.members = replicas.keys();
        return request;
    }

    std::unique_ptr<Sim::Federation> m_sim;
    std::unique_ptr<Test::SimClients> m_clients;
    QString m_name;
};

QTEST_GUILESS_MAIN(TestPlacementApply)
#include "tst_placement_apply.moc"

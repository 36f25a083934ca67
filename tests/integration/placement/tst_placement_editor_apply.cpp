// The placement editor applying through the API worker against meridian-sim: a drag applied
// and read back from every member, a colleague's change reported as a conflict (and the draft
// kept), and a member that is down failing alone and succeeding on retry.
#include "placement/draftstore.h"
#include "sim/federation.h"
#include "simclient.h"
#include "ui/placement/placementeditor.h"
#include "worker/apiworker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Placement;
using namespace Qt::StringLiterals;

namespace {

const QString ns = u"default"_s;

Federation::Capabilities direct()
{
    Federation::Capabilities c;
    c.perClusterMinMax = true;
    c.rebalance = true;
    c.weights = true;
    return c;
}

} // namespace

class TestPlacementEditorApply final : public QObject
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
        const QString even = uR"({"rebalance":true,"clusters":{"*":{"weight":1}}})"_s;
        for (const QString &c : {u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s})
            QCOMPARE(m_clients->createDeployment(c, ns, u"api"_s, 2, even), 201);

        m_api = std::make_unique<ApiThread>();
        connect(m_api->worker(),
                &ApiWorker::workloadBatch,
                this,
                [this](quint64, const FederatedWorkloadList &changed, const QStringList &) {
                    for (const FederatedWorkload &w : changed) {
                        if (w.key() == u"default/api")
                            m_workload = w;
                    }
                });
        QSignalSpy synced(m_api->worker(), &ApiWorker::workloadsSynced);
        FederationRequest request;
        request.load.explicitPath = m_kubeconfig;
        request.namespaces = {ns};
        m_api->connectFederation(request);
        QVERIFY(synced.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(m_workload.clusters.size(), 3, 10000);
    }

    void init()
    {
        m_editor = std::make_unique<PlacementEditor>();
        m_editor->setApiThread(m_api.get());
        m_editor->setDraftStore(DraftStore(m_dir.filePath(u"drafts"_s)));
        m_editor->editWorkload(m_workload, Federation::Engine::Direct, direct());
    }

    void cleanup() { m_editor.reset(); }

    void dragThenApply()
    {
        // Given a drag that moves both of cluster-03's replicas to cluster-01
        PlacementEditorModel *model = m_editor->model();
        const int drag = model->beginDrag();
        QVERIFY(model->dragTo(drag,
                              {{u"cluster-01"_s, 4}, {u"cluster-02"_s, 2}, {u"cluster-03"_s, 0}})
                        .ok());
        model->endDrag(drag);

        // When applying through the worker
        QSignalSpy finished(m_editor.get(), &PlacementEditor::applyFinished);
        m_editor->applyNow();
        QVERIFY(finished.wait(30000));

        // Then every member runs its planned replicas and carries the new annotation
        for (const MemberApplyResult &r : m_editor->lastApplyResults())
            QVERIFY2(r.isSuccess(), qPrintable(r.member + u": "_s + r.message));
        QCOMPARE(m_clients->replicas(u"cluster-01"_s, ns, u"api"_s), 4);
        QCOMPARE(m_clients->replicas(u"cluster-02"_s, ns, u"api"_s), 2);
        QCOMPARE(m_clients->replicas(u"cluster-03"_s, ns, u"api"_s), 0);
        const QString written = annotationFor(model->state().preferences);
        for (const QString &c : {u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s})
            QVERIFY(sameAnnotation(m_clients->annotation(c, ns, u"api"_s), written));
        QVERIFY(!model->isModified());
        QTRY_VERIFY(!DraftStore(m_dir.filePath(u"drafts"_s)).load(u"default/api"_s));
        // The worker's view catches up
        QTRY_COMPARE_WITH_TIMEOUT(m_workload.clusters.value(u"cluster-01"_s).desired, 4, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sameAnnotation(m_workload.clusters.value(u"cluster-02"_s)
                                                        .preferences,
                                                written),
                                 10000);
    }

    void colleagueChangeIsAConflict()
    {
        // Given the editor opened on the current state, and a colleague who then changes the
        // preferences on cluster-02
        const QString theirs = uR"({"clusters":{"cluster-02":{"weight":5}}})"_s;
        QCOMPARE(
                m_clients->mergePatch(
                        u"cluster-02"_s,
                        ns,
                        u"api"_s,
                        QJsonObject{
                                {u"metadata"_s,
                                 QJsonObject{
                                         {u"annotations"_s,
                                          QJsonObject{
                                                  {u"federation.kubernetes.io/deployment-preferences"_s,
                                                   theirs}}}}}}),
                200);
        PlacementEditorModel *model = m_editor->model();
        model->setTotal(9);

        // When applying
        QSignalSpy finished(m_editor.get(), &PlacementEditor::applyFinished);
        m_editor->applyNow();
        QVERIFY(finished.wait(30000));

        // Then cluster-02 is reported as a conflict and keeps the colleague's preferences; the
        // draft is kept for the operator
        bool conflict = false;
        for (const MemberApplyResult &r : m_editor->lastApplyResults()) {
            if (r.member == u"cluster-02") {
                conflict = r.state == MemberApplyResult::State::Conflict;
                QVERIFY(r.message.contains(u"someone else"_s));
            }
        }
        QVERIFY(conflict);
        QCOMPARE(m_clients->annotation(u"cluster-02"_s, ns, u"api"_s), theirs);
        QVERIFY(model->isModified());
        QTRY_VERIFY(DraftStore(m_dir.filePath(u"drafts"_s)).load(u"default/api"_s).has_value());
    }

    void memberDownFailsAloneAndRetries()
    {
        // Resynchronise with what the members hold now
        QTRY_COMPARE_WITH_TIMEOUT(m_workload.clusters.value(u"cluster-02"_s).preferences,
                                  uR"({"clusters":{"cluster-02":{"weight":5}}})"_s,
                                  10000);
        m_editor->editWorkload(m_workload, Federation::Engine::Direct, direct());
        PlacementEditorModel *model = m_editor->model();
        model->setTotal(model->state().total + 3);

        m_sim->setFault(u"cluster-03"_s, Sim::Fault{Sim::Fault::Kind::Down, 0, 0});
        QSignalSpy finished(m_editor.get(), &PlacementEditor::applyFinished);
        m_editor->applyNow();
        QVERIFY(finished.wait(60000));
        QStringList failed;
        for (const MemberApplyResult &r : m_editor->lastApplyResults()) {
            if (r.state == MemberApplyResult::State::Failed)
                failed.append(r.member);
            else
                QVERIFY2(r.isSuccess(), qPrintable(r.member + u": "_s + r.message));
        }
        QCOMPARE(failed, QStringList{u"cluster-03"_s});
        QVERIFY(model->isModified()); // not everything is written: the draft stays

        // When it is back, the retry writes only cluster-03
        m_sim->setFault(u"cluster-03"_s, std::nullopt);
        m_editor->applyNow({u"cluster-03"_s});
        QVERIFY(finished.wait(30000));
        for (const MemberApplyResult &r : m_editor->lastApplyResults())
            QVERIFY2(r.isSuccess(), qPrintable(r.member + u": "_s + r.message));
        QVERIFY(!model->isModified());
    }

private:
    std::unique_ptr<Sim::Federation> m_sim;
    std::unique_ptr<Test::SimClients> m_clients;
    std::unique_ptr<ApiThread> m_api;
    std::unique_ptr<PlacementEditor> m_editor;
    FederatedWorkload m_workload;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

QTEST_MAIN(TestPlacementEditorApply)
#include "tst_placement_editor_apply.moc"

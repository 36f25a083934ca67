// The placement editor in Karmada mode against meridian-sim's control plane: weights only are
// editable, a drag is solved with Karmada's division, and applying through the worker rewrites
// the PropagationPolicy so that Karmada places exactly the dragged replicas on the members.
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

const QString policyPath
        = u"/apis/policy.karmada.io/v1alpha1/namespaces/default/propagationpolicies"_s;

QJsonObject rule(const QString &cluster, int weight)
{
    return QJsonObject{{u"targetCluster"_s, QJsonObject{{u"clusterNames"_s, QJsonArray{cluster}}}},
                       {u"weight"_s, weight}};
}

} // namespace

class TestPlacementKarmadaEditor final : public QObject
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
        m_clients = std::make_unique<Test::SimClients>(m_sim->kubeconfig());
        QCOMPARE(m_clients->createDeployment(u"karmada"_s, u"default"_s, u"web"_s, 6), 201);
        const QJsonObject policy{
                {u"apiVersion"_s, u"policy.karmada.io/v1alpha1"_s},
                {u"kind"_s, u"PropagationPolicy"_s},
                {u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}}},
                {u"spec"_s,
                 QJsonObject{{u"resourceSelectors"_s,
                              QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                     {u"kind"_s, u"Deployment"_s},
                                                     {u"name"_s, u"web"_s}}}},
                             {u"placement"_s,
                              QJsonObject{
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

        // The worker connected to the control plane's context only
        m_api = std::make_unique<ApiThread>();
        QSignalSpy probed(m_api->worker(), &ApiWorker::refreshFinished);
        FederationRequest request;
        request.load.inlineContent = m_sim->kubeconfig();
        request.contexts = {u"karmada"_s};
        request.engine = Federation::Engine::Karmada;
        request.watch = false;
        m_api->connectFederation(request);
        QVERIFY(probed.wait(30000));
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_clients.reset();
        m_sim.reset();
    }

    void dragAndApply()
    {
        // Given the workload as the Karmada engine reports it
        QMap<QString, MemberStatus> members;
        for (const QString &c : {u"cluster-01"_s, u"cluster-02"_s, u"cluster-03"_s}) {
            MemberStatus m;
            m.desired = 2;
            m.ready = 2;
            members.insert(c, m);
        }
        ReplicaPreferences prefs;
        for (const QString &c : members.keys())
            prefs.clusters.insert(c, ClusterPreference{0, std::nullopt, 1});
        const FederatedWorkload w
                = aggregateWorkload(u"default"_s, u"web"_s, members, prefs, members.keys());
        Federation::Capabilities karmada;
        karmada.weights = true;
        PlacementEditor editor;
        editor.setApiThread(m_api.get());
        editor.setDraftStore(DraftStore(m_dir.filePath(u"drafts"_s)));
        editor.setKarmadaContext(u"karmada"_s);
        editor.editWorkload(w, Federation::Engine::Karmada, karmada);
        QVERIFY(!editor.model()->canEditMinMax());

        // When the operator drags to 1 / 1 / 4 and applies
        PlacementEditorModel *model = editor.model();
        const int drag = model->beginDrag();
        QVERIFY(model->dragTo(drag,
                              {{u"cluster-01"_s, 1}, {u"cluster-02"_s, 1}, {u"cluster-03"_s, 4}})
                        .ok());
        model->endDrag(drag);
        QVERIFY(editor.applyDiffText().contains(u"staticWeightList"_s));
        QSignalSpy finished(&editor, &PlacementEditor::applyFinished);
        editor.applyNow();
        QVERIFY(finished.wait(30000));
        for (const MemberApplyResult &r : editor.lastApplyResults())
            QVERIFY2(r.isSuccess(), qPrintable(r.member + u": "_s + r.message));
        QVERIFY(!model->isModified());

        // Then Karmada places exactly that on the members
        QTRY_COMPARE_WITH_TIMEOUT(m_clients->replicas(u"cluster-03"_s, u"default"_s, u"web"_s),
                                  4,
                                  20000);
        QCOMPARE(m_clients->replicas(u"cluster-01"_s, u"default"_s, u"web"_s), 1);
        QCOMPARE(m_clients->replicas(u"cluster-02"_s, u"default"_s, u"web"_s), 1);
    }

private:
    std::unique_ptr<Sim::Federation> m_sim;
    std::unique_ptr<Test::SimClients> m_clients;
    std::unique_ptr<ApiThread> m_api;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPlacementKarmadaEditor)
#include "tst_placement_karmada_editor.moc"

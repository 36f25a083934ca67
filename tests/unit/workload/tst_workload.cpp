// Aggregation of member Deployments into one federated workload: totals, drift and the plan.
#include "core/workload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian;

namespace {

QJsonObject deployment(qint64 replicas,
                       const QString &image,
                       qint64 ready = 0,
                       const QString &revision = QStringLiteral("1"))
{
    const QJsonObject container{{QStringLiteral("name"), QStringLiteral("app")},
                                {QStringLiteral("image"), image}};
    return QJsonObject{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                         {QStringLiteral("namespace"), QStringLiteral("shop")},
                         {QStringLiteral("generation"), 3},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("deployment.kubernetes.io/revision"),
                                       revision}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("replicas"), replicas},
                         {QStringLiteral("template"),
                          QJsonObject{{QStringLiteral("spec"),
                                       QJsonObject{{QStringLiteral("containers"),
                                                    QJsonArray{container}}}}}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("readyReplicas"), ready},
                         {QStringLiteral("availableReplicas"), ready},
                         {QStringLiteral("updatedReplicas"), replicas},
                         {QStringLiteral("observedGeneration"), 3},
                         {QStringLiteral("conditions"),
                          QJsonArray{
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("Available")},
                                              {QStringLiteral("status"), QStringLiteral("True")},
                                              {QStringLiteral("reason"),
                                               QStringLiteral("MinimumReplicasAvailable")}}}}}}};
}

QString planToString(const QMap<QString, qint64> &plan)
{
    QStringList parts;
    for (auto it = plan.cbegin(); it != plan.cend(); ++it)
        parts.append(it.key() + u':' + QString::number(it.value()));
    return parts.join(u',');
}

} // namespace

class TestWorkload final : public QObject
{
    Q_OBJECT

private slots:
    void readsADeployment()
    {
        QJsonObject d = deployment(3, QStringLiteral("nginx:1.27"), 2, QStringLiteral("4"));
        QJsonObject metadata = d.value(QStringLiteral("metadata")).toObject();
        QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
        annotations.insert(QStringLiteral("federation.kubernetes.io/replica-set-preferences"),
                           QStringLiteral("{\"clusters\":{\"*\":{\"weight\":2}}}"));
        metadata.insert(QStringLiteral("annotations"), annotations);
        d.insert(QStringLiteral("metadata"), metadata);

        const MemberStatus m = memberStatusFromDeployment(d);
        QCOMPARE(m.desired, 3);
        QCOMPARE(m.ready, 2);
        QCOMPARE(m.available, 2);
        QCOMPARE(m.updated, 3);
        QCOMPARE(m.revision, QStringLiteral("4"));
        QCOMPARE(m.generation, 3);
        QCOMPARE(m.observedGeneration, 3);
        QCOMPARE(m.imagesText(), QStringLiteral("app=nginx:1.27"));
        QCOMPARE(m.conditions.size(), 1);
        QCOMPARE(m.conditions.first().reason, QStringLiteral("MinimumReplicasAvailable"));
        // The older annotation key is read when the deployment key is absent.
        QCOMPARE(m.preferences, QStringLiteral("{\"clusters\":{\"*\":{\"weight\":2}}}"));
        QVERIFY(!m.templateHash.isEmpty());
    }

    void missingReplicasDefaultToOne()
    {
        QJsonObject d = deployment(3, QStringLiteral("nginx"));
        QJsonObject spec = d.value(QStringLiteral("spec")).toObject();
        spec.remove(QStringLiteral("replicas"));
        d.insert(QStringLiteral("spec"), spec);
        QCOMPARE(memberStatusFromDeployment(d).desired, 1);
    }

    void totalsAndEvenPlan()
    {
        // Given: three members, 4 + 4 + 4 desired, even spread
        QMap<QString, MemberStatus> members;
        for (const QString &c : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            members.insert(c, memberStatusFromDeployment(deployment(4, QStringLiteral("x"), 4)));

        // When
        const FederatedWorkload w = aggregateWorkload(QStringLiteral("shop"),
                                                      QStringLiteral("web"),
                                                      members,
                                                      ReplicaPreferences::evenSpread(),
                                                      members.keys());

        // Then: totals add up, the plan matches, no drift
        QCOMPARE(w.key(), QStringLiteral("shop/web"));
        QCOMPARE(w.totals.desired, 12);
        QCOMPARE(w.totals.ready, 12);
        QCOMPARE(w.plannedTotal, 12);
        QCOMPARE(planToString(w.plan), QStringLiteral("a:4,b:4,c:4"));
        QVERIFY(!w.hasDrift());
        QCOMPARE(w.clusters.value(QStringLiteral("a")).planned, std::optional<qint64>(4));
    }

    void imageDriftNamesTheMinority()
    {
        QMap<QString, MemberStatus> members;
        members.insert(QStringLiteral("a"),
                       memberStatusFromDeployment(deployment(2, QStringLiteral("v1"))));
        members.insert(QStringLiteral("b"),
                       memberStatusFromDeployment(deployment(2, QStringLiteral("v1"))));
        members.insert(QStringLiteral("c"),
                       memberStatusFromDeployment(deployment(2, QStringLiteral("v2"))));
        const FederatedWorkload w = aggregateWorkload(QStringLiteral("shop"),
                                                      QStringLiteral("web"),
                                                      members,
                                                      ReplicaPreferences::evenSpread(),
                                                      members.keys());
        QVERIFY(w.imageDrift);
        QVERIFY(w.templateDrift);
        QVERIFY(!w.replicaDrift);
        QCOMPARE(w.driftedClusters(), QStringList{QStringLiteral("c")});
    }

    void replicaDriftAgainstWeights()
    {
        // Given: weights 1:2 over 9 replicas, but the members run 6 and 3
        ReplicaPreferences prefs;
        prefs.clusters.insert(QStringLiteral("a"), ClusterPreference{0, std::nullopt, 1});
        prefs.clusters.insert(QStringLiteral("b"), ClusterPreference{0, std::nullopt, 2});
        QMap<QString, MemberStatus> members;
        members.insert(QStringLiteral("a"),
                       memberStatusFromDeployment(deployment(6, QStringLiteral("x"))));
        members.insert(QStringLiteral("b"),
                       memberStatusFromDeployment(deployment(3, QStringLiteral("x"))));

        const FederatedWorkload w = aggregateWorkload(QStringLiteral("shop"),
                                                      QStringLiteral("web"),
                                                      members,
                                                      prefs,
                                                      members.keys());
        // Then: the plan is 3/6 and both members drift in replicas
        QCOMPARE(planToString(w.plan), QStringLiteral("a:3,b:6"));
        QVERIFY(w.replicaDrift);
        QCOMPARE(w.driftedClusters(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void explicitTotalAndUnavailableMember()
    {
        ReplicaPreferences prefs = ReplicaPreferences::evenSpread();
        prefs.totalReplicas = 10;
        QMap<QString, MemberStatus> members;
        members.insert(QStringLiteral("a"),
                       memberStatusFromDeployment(deployment(5, QStringLiteral("x"))));
        members.insert(QStringLiteral("b"),
                       memberStatusFromDeployment(deployment(5, QStringLiteral("x"))));
        // b is unreachable: the plan gives a everything and has no verdict for b
        const FederatedWorkload w = aggregateWorkload(QStringLiteral("shop"),
                                                      QStringLiteral("web"),
                                                      members,
                                                      prefs,
                                                      {QStringLiteral("a")});
        QCOMPARE(w.plannedTotal, 10);
        QCOMPARE(planToString(w.plan), QStringLiteral("a:10"));
        QVERIFY(!w.clusters.value(QStringLiteral("b")).planned.has_value());
        QVERIFY(w.clusters.value(QStringLiteral("a")).replicaDrift);
        QVERIFY(!w.clusters.value(QStringLiteral("b")).replicaDrift);
    }

    void availableMemberWithoutDeploymentIsDrift()
    {
        QMap<QString, MemberStatus> members;
        members.insert(QStringLiteral("a"),
                       memberStatusFromDeployment(deployment(4, QStringLiteral("x"))));
        const FederatedWorkload w = aggregateWorkload(QStringLiteral("shop"),
                                                      QStringLiteral("web"),
                                                      members,
                                                      ReplicaPreferences::evenSpread(),
                                                      {QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(planToString(w.plan), QStringLiteral("a:2,b:2"));
        QVERIFY(w.replicaDrift);
        QVERIFY(!w.imageDrift);
    }
};

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"

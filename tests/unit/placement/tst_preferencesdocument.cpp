#include "placement/preferencesconversion.h"
#include "placement/preferencesdocument.h"

#include <QTest>

using namespace Meridian;
using namespace Meridian::Placement;

class tst_PreferencesDocument final : public QObject
{
    Q_OBJECT

private slots:
    void annotation();
    void annotationKeysAreCaseInsensitive();
    void badInput_data();
    void badInput();
    void rspYaml();
    void rspJsonStaysJson();
    void rspEmptyClustersIsEngineDefault();
    void propagationPolicy();
    void propagationPolicyDefaults();
    void propagationPolicyWriteBackKeepsSelectorRules();
    void manifestAnnotation();
    void manifestWithoutAnnotation();
    void conversions();
    void roundTrip_data();
    void roundTrip();
};

namespace {

QString errorOf(const Result<PreferencesDocument> &r)
{
    return r.ok() ? QString() : r.error().message;
}

} // namespace

void tst_PreferencesDocument::annotation()
{
    const auto doc = PreferencesDocument::parse(
            R"({"rebalance":true,"clusters":{"foo":{"minReplicas":10,"maxReplicas":50,"weight":100},)"
            R"("*":{"weight":1}}})");
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->format(), PreferencesFormat::FederationAnnotation);
    QCOMPARE(engineFor(doc->format()), Engine::Federation);
    QVERIFY(doc->preferences().rebalance);
    QCOMPARE(doc->preferences().clusters.value(QStringLiteral("foo")),
             (ClusterPreference{10, 50, 100}));
    QCOMPARE(doc->preferences().clusters.value(QStringLiteral("*")),
             (ClusterPreference{0, std::nullopt, 1}));
    QVERIFY(doc->notes().isEmpty());
}

void tst_PreferencesDocument::annotationKeysAreCaseInsensitive()
{
    // Go's encoding/json matches the untagged struct fields case-insensitively.
    const auto doc
            = PreferencesDocument::parse(R"({"Clusters":{"a":{"MinReplicas":2,"WEIGHT":3}}})");
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->preferences().clusters.value(QStringLiteral("a")),
             (ClusterPreference{2, std::nullopt, 3}));
    // Writing back spells the keys the documented way.
    PreferencesDocument copy = *doc;
    copy.setPreferences(doc->preferences());
    QCOMPARE(copy.toText(),
             QByteArray(R"({"clusters":{"a":{"minReplicas":2,"weight":3}}})"
                        "\n"));
}

void tst_PreferencesDocument::badInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("negative max") << QByteArray(R"({"clusters":{"tokyo":{"maxReplicas":-3}}})")
                                  << "clusters.tokyo.maxReplicas: must be an integer ≥ 0, got -3";
    QTest::newRow("negative weight") << QByteArray(R"({"clusters":{"a":{"weight":-1}}})")
                                     << "clusters.a.weight: must be an integer ≥ 0, got -1";
    QTest::newRow("min above max")
            << QByteArray(R"({"clusters":{"a":{"minReplicas":10,"maxReplicas":5}}})")
            << "clusters.a: minReplicas (10) is greater than maxReplicas (5)";
    QTest::newRow("fraction") << QByteArray(R"({"clusters":{"a":{"weight":2.5}}})")
                              << "clusters.a.weight: must be an integer ≥ 0 (no fraction or "
                                 "exponent), got 2.5";
    QTest::newRow("beyond int64") << QByteArray(
            R"({"clusters":{"a":{"minReplicas":9223372036854775808}}})")
                                  << "clusters.a.minReplicas: must be an integer ≥ 0, got "
                                     "9.2233720368547758e+18, which is "
                                     "beyond the 64-bit integer range";
    QTest::newRow("string number") << QByteArray(R"({"clusters":{"a":{"weight":"3"}}})")
                                   << "clusters.a.weight: must be an integer ≥ 0, got \"3\"";
    QTest::newRow("unknown cluster key")
            << QByteArray(R"({"clusters":{"a":{"wieght":1}}})")
            << "clusters.a.wieght: unknown field (expected minReplicas, maxReplicas, weight)";
    QTest::newRow("unknown top key") << QByteArray(R"({"clusters":{"a":{}},"spread":1})")
                                     << "spread: unknown field (expected rebalance, clusters)";
    QTest::newRow("dotted cluster name quoted")
            << QByteArray(R"({"clusters":{"eu.west":{"weight":-2}}})")
            << "clusters[\"eu.west\"].weight: must be an integer ≥ 0, got -2";
    QTest::newRow("empty cluster list") << QByteArray(R"({"clusters":{}})")
                                        << "clusters: must name at least one cluster (or \"*\")";
    QTest::newRow("no clusters") << QByteArray(R"({"rebalance":false})")
                                 << "clusters: missing; without it every cluster gets 0 replicas";
    QTest::newRow("rebalance not bool") << QByteArray(R"({"rebalance":"yes","clusters":{"a":{}}})")
                                        << "rebalance: must be true or false, got \"yes\"";
    QTest::newRow("key given twice") << QByteArray(R"({"clusters":{"a":{"weight":1,"Weight":2}}})")
                                     << "clusters.a.weight: given twice, as \"Weight\" and "
                                        "\"weight\"";
    QTest::newRow("malformed JSON")
            << QByteArray(R"({"clusters":{"a":)") << "preferences: malformed JSON at offset";
    QTest::newRow("empty input") << QByteArray("  \n") << "the preferences are empty";
    QTest::newRow("malformed YAML") << QByteArray("kind: ReplicaSchedulingPreference\nspec: [a\n")
                                    << "malformed YAML at line";
    QTest::newRow("rsp unknown spec field")
            << QByteArray("kind: ReplicaSchedulingPreference\nspec:\n  totalReplicas: 3\n  "
                          "clustres: {}\n")
            << "spec.clustres: unknown field";
    QTest::newRow("rsp total is int32")
            << QByteArray("kind: ReplicaSchedulingPreference\nspec:\n  totalReplicas: 3000000000\n")
            << "spec.totalReplicas: must be an integer from 0 to 2147483647, got 3000000000";
    QTest::newRow("rsp quoted number is a string")
            << QByteArray("kind: ReplicaSchedulingPreference\nspec:\n  clusters:\n    a: {weight: "
                          "\"2\"}\n")
            << "spec.clusters.a.weight: must be an integer ≥ 0, got \"2\"";
    QTest::newRow("rsp yaml fraction")
            << QByteArray("kind: ReplicaSchedulingPreference\nspec:\n  clusters:\n    a: {weight: "
                          "1.5}\n")
            << "spec.clusters.a.weight: must be an integer ≥ 0 (no fraction or exponent), got 1.5";
    QTest::newRow("rsp yaml beyond int64") << QByteArray(
            "kind: ReplicaSchedulingPreference\nspec:\n  clusters:\n    a: {maxReplicas: "
            "99999999999999999999}\n") << "beyond the 64-bit integer range";
    QTest::newRow("pp weight 0") << QByteArray(
            "kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
            "      replicaSchedulingType: Divided\n      weightPreference:\n"
            "        staticWeightList:\n        - targetCluster: {clusterNames: [a]}\n"
            "          weight: 0\n")
                                 << "spec.placement.replicaScheduling.weightPreference."
                                    "staticWeightList[0].weight: must be "
                                    "an integer ≥ 1, got 0";
    QTest::newRow("pp bad type") << QByteArray(
            "kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
            "      replicaSchedulingType: Spread\n")
                                 << "spec.placement.replicaScheduling.replicaSchedulingType: must "
                                    "be Duplicated or Divided, "
                                    "got \"Spread\"";
    QTest::newRow("pp empty static list")
            << QByteArray("kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
                          "      weightPreference: {staticWeightList: []}\n")
            << "staticWeightList: must hold at least one rule";
    QTest::newRow("pp unknown affinity key")
            << QByteArray("kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
                          "      weightPreference:\n        staticWeightList:\n"
                          "        - {targetCluster: {names: [a]}, weight: 1}\n")
            << "staticWeightList[0].targetCluster.names: unknown field";
    QTest::newRow("pp bad dynamic weight")
            << QByteArray("kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
                          "      weightPreference: {dynamicWeight: Cpu}\n")
            << "weightPreference.dynamicWeight: must be AvailableReplicas, got \"Cpu\"";
    QTest::newRow("unparseable annotation in a manifest")
            << QByteArray("kind: Deployment\nmetadata:\n  annotations:\n    "
                          "federation.kubernetes.io/deployment-preferences: '{nope'\n")
            << "(the engine would ignore it and spread evenly)";
    QTest::newRow("not an object")
            << QByteArray("- a\n- b\n") << "expected a Kubernetes object or an annotation value";
}

void tst_PreferencesDocument::badInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const auto doc = PreferencesDocument::parse(text);
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(message),
             qPrintable(doc.error().message + QStringLiteral(" <> ") + message));
}

namespace {

const QByteArray rspYamlText = R"(apiVersion: scheduling.kubefed.io/v1alpha1
kind: ReplicaSchedulingPreference
metadata:
  name: test-deployment
  namespace: test-ns
  labels:
    team: payments
spec:
  targetKind: FederatedDeployment
  totalReplicas: 9
  intersectWithClusterSelector: true
  clusters:
    A:
      minReplicas: 4
      maxReplicas: 6
      weight: 1
    B:
      minReplicas: 4
      maxReplicas: 8
      weight: 2
status: {}
)";

} // namespace

void tst_PreferencesDocument::rspYaml()
{
    auto doc = PreferencesDocument::parse(rspYamlText);
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->format(), PreferencesFormat::ReplicaSchedulingPreference);
    QCOMPARE(doc->preferences().totalReplicas, 9);
    QCOMPARE(doc->preferences().clusters.value(QStringLiteral("B")), (ClusterPreference{4, 8, 2}));

    // Change one cluster; everything else survives the write.
    ReplicaPreferences prefs = doc->preferences();
    prefs.clusters[QStringLiteral("B")].weight = 5;
    prefs.rebalance = true;
    QVERIFY(doc->setPreferences(prefs).isEmpty());
    const QByteArray text = doc->toText();
    QVERIFY2(text.contains("team: payments"), text.constData());
    QVERIFY2(text.contains("intersectWithClusterSelector: true"), text.constData());
    QVERIFY2(text.contains("targetKind: FederatedDeployment"), text.constData());
    QVERIFY2(text.contains("status:"), text.constData());
    const auto again = PreferencesDocument::parseReplicaSchedulingPreference(text);
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again->preferences(), prefs);
}

void tst_PreferencesDocument::rspJsonStaysJson()
{
    const QByteArray json = R"({"apiVersion":"scheduling.kubefed.io/v1alpha1",
        "kind":"ReplicaSchedulingPreference","metadata":{"name":"x","labels":{"n":"007"}},
        "spec":{"targetKind":"FederatedReplicaSet","totalReplicas":50,
        "clusters":{"*":{"weight":1},"C":{"maxReplicas":20,"weight":1}}},"extra":{"keep":[1,"2",true]}})";
    auto doc = PreferencesDocument::parse(json);
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->format(), PreferencesFormat::ReplicaSchedulingPreference);
    QCOMPARE(doc->preferences().clusters.value(QStringLiteral("C")).maxReplicas, 20);
    ReplicaPreferences prefs = doc->preferences();
    prefs.clusters.remove(QStringLiteral("C"));
    doc->setPreferences(prefs);
    const QByteArray text = doc->toText();
    QVERIFY2(text.trimmed().startsWith('{'), text.constData());
    QVERIFY2(text.contains(R"("n": "007")"), text.constData()); // a string stays a string
    QVERIFY2(text.contains(R"("keep": [)"), text.constData());
    QVERIFY2(text.contains(R"("2")"), text.constData());
    const auto again = PreferencesDocument::parse(text);
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again->preferences(), prefs);
}

void tst_PreferencesDocument::rspEmptyClustersIsEngineDefault()
{
    const auto doc = PreferencesDocument::parse(
            "kind: ReplicaSchedulingPreference\nspec:\n  totalReplicas: 4\n  clusters: {}\n");
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->preferences().clusters, ReplicaPreferences::evenSpread().clusters);
    QCOMPARE(doc->notes().size(), 1);
    QVERIFY(doc->notes().first().contains(QLatin1String("spreads evenly")));
}

namespace {

const QByteArray ppYamlText = R"(apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata: {name: nginx, namespace: default}
spec:
  resourceSelectors: [{apiVersion: apps/v1, kind: Deployment, name: nginx}]
  placement:
    clusterAffinity: {clusterNames: [member1, member2]}
    replicaScheduling:
      replicaSchedulingType: Divided
      replicaDivisionPreference: Weighted
      weightPreference:
        staticWeightList:
        - {targetCluster: {clusterNames: [member1]}, weight: 1}
        - {targetCluster: {clusterNames: [member2]}, weight: 2}
)";

} // namespace

void tst_PreferencesDocument::propagationPolicy()
{
    auto doc = PreferencesDocument::parse(ppYamlText);
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->format(), PreferencesFormat::PropagationPolicy);
    QCOMPARE(engineFor(doc->format()), Engine::Karmada);
    const ReplicaPreferences &p = doc->preferences();
    QCOMPARE(p.schedulingType, ReplicaSchedulingType::Divided);
    QCOMPARE(p.division, ReplicaDivision::Weighted);
    QCOMPARE(p.weightSource, WeightSource::Static);
    QCOMPARE(p.clusters.size(), 2);
    QCOMPARE(p.clusters.value(QStringLiteral("member2")).weight, 2);

    ReplicaPreferences changed = p;
    changed.clusters[QStringLiteral("member3")] = ClusterPreference{0, std::nullopt, 2};
    QVERIFY(doc->setPreferences(changed).isEmpty());
    const QByteArray text = doc->toText();
    QVERIFY2(text.contains("resourceSelectors"), text.constData());
    QVERIFY2(text.contains("clusterAffinity"), text.constData());
    const auto again = PreferencesDocument::parse(text);
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again->preferences(), changed);

    // Per-cluster min/max cannot be held, and the caller is told.
    changed.clusters[QStringLiteral("member1")].maxReplicas = 3;
    const QStringList lost = doc->setPreferences(changed);
    QCOMPARE(lost.size(), 1);
    QVERIFY(lost.first().startsWith(QLatin1String("clusters.member1.maxReplicas (3)")));
}

void tst_PreferencesDocument::propagationPolicyDefaults()
{
    const auto none = PreferencesDocument::parse("kind: PropagationPolicy\nspec:\n  placement: "
                                                 "{clusterAffinity: {clusterNames: [a]}}\n");
    QVERIFY2(none.ok(), qPrintable(errorOf(none)));
    QCOMPARE(none->preferences().schedulingType, ReplicaSchedulingType::Duplicated);
    QCOMPARE(none->notes().size(), 1);

    const auto dynamic = PreferencesDocument::parse(
            "kind: ClusterPropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
            "      replicaSchedulingType: Divided\n      replicaDivisionPreference: Weighted\n"
            "      weightPreference: {dynamicWeight: AvailableReplicas}\n");
    QVERIFY2(dynamic.ok(), qPrintable(errorOf(dynamic)));
    QCOMPARE(dynamic->preferences().weightSource, WeightSource::AvailableReplicas);

    const auto aggregated = PreferencesDocument::parse(
            "kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
            "      replicaSchedulingType: Divided\n      replicaDivisionPreference: Aggregated\n");
    QVERIFY2(aggregated.ok(), qPrintable(errorOf(aggregated)));
    QCOMPARE(aggregated->preferences().division, ReplicaDivision::Aggregated);
    QVERIFY(aggregated->notes().isEmpty());

    const auto everyCluster = PreferencesDocument::parse(
            "kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
            "      weightPreference:\n        staticWeightList:\n"
            "        - {targetCluster: {}, weight: 2}\n"
            "        - {targetCluster: {clusterNames: [a, b], exclude: [b]}, weight: 5}\n");
    QVERIFY2(everyCluster.ok(), qPrintable(errorOf(everyCluster)));
    QCOMPARE(everyCluster->preferences().clusters.value(QStringLiteral("*")).weight, 2);
    QCOMPARE(everyCluster->preferences().clusters.value(QStringLiteral("a")).weight, 5);
    QVERIFY(!everyCluster->preferences().clusters.contains(QStringLiteral("b")));
}

void tst_PreferencesDocument::propagationPolicyWriteBackKeepsSelectorRules()
{
    auto doc = PreferencesDocument::parse(
            "kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
            "      weightPreference:\n        staticWeightList:\n"
            "        - {targetCluster: {labelSelector: {matchLabels: {tier: gold}}}, weight: 3}\n"
            "        - {targetCluster: {clusterNames: [a]}, weight: 1}\n");
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->notes().size(), 1);
    QVERIFY(doc->notes().first().contains(QLatin1String("staticWeightList[0].targetCluster")));
    ReplicaPreferences prefs = doc->preferences();
    prefs.clusters[QStringLiteral("b")] = ClusterPreference{0, std::nullopt, 4};
    doc->setPreferences(prefs);
    const QByteArray text = doc->toText();
    QVERIFY2(text.contains("tier: gold"), text.constData());
    const auto again = PreferencesDocument::parse(text);
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again->preferences().clusters, prefs.clusters);
}

void tst_PreferencesDocument::manifestAnnotation()
{
    auto doc = PreferencesDocument::parse(R"(apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
  annotations:
    owner: team-a
    federation.kubernetes.io/replica-set-preferences: '{"rebalance":true,"clusters":{"*":{"weight":2}}}'
spec: {replicas: 3}
)");
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->format(), PreferencesFormat::FederationAnnotation);
    QVERIFY(doc->preferences().rebalance);
    ReplicaPreferences prefs = doc->preferences();
    prefs.clusters[QStringLiteral("tokyo")] = ClusterPreference{1, 5, 3};
    doc->setPreferences(prefs);
    const QByteArray text = doc->toText();
    QVERIFY2(text.contains("owner: team-a"), text.constData());
    QVERIFY2(text.contains("replicas: 3"), text.constData());
    const auto again = PreferencesDocument::parse(text);
    QVERIFY2(again.ok(), qPrintable(errorOf(again)));
    QCOMPARE(again->preferences(), prefs);
}

void tst_PreferencesDocument::manifestWithoutAnnotation()
{
    const auto doc = PreferencesDocument::parse("kind: Deployment\nmetadata: {name: web}\n");
    QVERIFY2(doc.ok(), qPrintable(errorOf(doc)));
    QCOMPARE(doc->preferences(), ReplicaPreferences::evenSpread());
    QCOMPARE(doc->notes().size(), 1);
    QVERIFY2(doc->notes().first().contains(QLatin1String("{\"clusters\":{\"*\":{\"weight\":1}}}")),
             qPrintable(doc->notes().first()));
}

void tst_PreferencesDocument::conversions()
{
    ReplicaPreferences fed;
    fed.rebalance = true;
    fed.clusters[QStringLiteral("A")] = ClusterPreference{4, 6, 1};
    fed.clusters[QStringLiteral("B")] = ClusterPreference{0, std::nullopt, 0};
    fed.clusters[QStringLiteral("*")] = ClusterPreference{0, std::nullopt, 2};
    const Conversion toKarmada = convertPreferences(fed, PreferencesFormat::PropagationPolicy);
    const QString lost = toKarmada.notCarried.join(u'\n');
    QVERIFY2(lost.contains(QLatin1String("rebalance")), qPrintable(lost));
    QVERIFY2(lost.contains(QLatin1String("clusters.A.minReplicas (4)")), qPrintable(lost));
    QVERIFY2(lost.contains(QLatin1String("clusters.A.maxReplicas (6)")), qPrintable(lost));
    QVERIFY2(lost.contains(QLatin1String("clusters.B.weight: weight 0")), qPrintable(lost));
    QVERIFY2(lost.contains(QLatin1String("\"*\" rule's 2 applies")), qPrintable(lost));
    QVERIFY(!toKarmada.preferences.clusters.contains(QStringLiteral("B")));

    ReplicaPreferences karmada;
    karmada.schedulingType = ReplicaSchedulingType::Duplicated;
    const Conversion toFed = convertPreferences(karmada, PreferencesFormat::FederationAnnotation);
    QCOMPARE(toFed.notCarried.size(), 1);
    QCOMPARE(toFed.preferences.clusters, ReplicaPreferences::evenSpread().clusters);

    ReplicaPreferences rsp = fed;
    rsp.totalReplicas = 9;
    QCOMPARE(convertPreferences(rsp, PreferencesFormat::ReplicaSchedulingPreference).notCarried,
             QStringList());
    QCOMPARE(convertPreferences(rsp, PreferencesFormat::FederationAnnotation).notCarried.size(), 1);
}

void tst_PreferencesDocument::roundTrip_data()
{
    QTest::addColumn<PreferencesFormat>("format");
    QTest::newRow("annotation") << PreferencesFormat::FederationAnnotation;
    QTest::newRow("rsp") << PreferencesFormat::ReplicaSchedulingPreference;
    QTest::newRow("propagation policy") << PreferencesFormat::PropagationPolicy;
}

void tst_PreferencesDocument::roundTrip()
{
    QFETCH(PreferencesFormat, format);
    ReplicaPreferences prefs;
    prefs.clusters[QStringLiteral("eu.west-1")] = ClusterPreference{0, std::nullopt, 3};
    prefs.clusters[QStringLiteral("123")] = ClusterPreference{0, std::nullopt, 1};
    prefs.clusters[QStringLiteral("*")] = ClusterPreference{0, std::nullopt, 1};
    QStringList lost;
    const PreferencesDocument created = PreferencesDocument::create(format, prefs, &lost);
    QVERIFY2(lost.isEmpty(), qPrintable(lost.join(u'\n')));
    const auto parsed = PreferencesDocument::parse(created.toText());
    QVERIFY2(parsed.ok(),
             qPrintable(errorOf(parsed) + u'\n' + QString::fromUtf8(created.toText())));
    QCOMPARE(parsed->format(), format);
    QCOMPARE(parsed->preferences().clusters, prefs.clusters);
}

QTEST_GUILESS_MAIN(tst_PreferencesDocument)
#include "tst_preferencesdocument.moc"

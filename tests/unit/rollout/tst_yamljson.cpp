// YAML → JSON as manifests need it, and manifest errors that say document, line and field.
#include "rollout/manifest.h"
#include "yaml/yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Meridian;
using namespace Qt::StringLiterals;

namespace {

QString json(const QByteArray &yaml)
{
    const Result<QJsonValue> value = Yaml::toJson(yaml);
    if (!value)
        return u"ERROR "_s + value.error().message;
    QJsonArray wrapper{*value};
    const QString text = QString::fromUtf8(QJsonDocument(wrapper).toJson(QJsonDocument::Compact));
    return text.mid(1, text.size() - 2);
}

} // namespace

class TestYamlJson final : public QObject
{
    Q_OBJECT

private slots:
    void scalars_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("int") << QByteArray("a: 42") << u"{\"a\":42}"_s;
        QTest::newRow("negative int") << QByteArray("a: -7") << u"{\"a\":-7}"_s;
        QTest::newRow("quoted int stays a string")
                << QByteArray("a: \"42\"") << u"{\"a\":\"42\"}"_s;
        QTest::newRow("single quoted") << QByteArray("a: '8080'") << u"{\"a\":\"8080\"}"_s;
        QTest::newRow("big int exact")
                << QByteArray("a: 9007199254740993") << u"{\"a\":9007199254740993}"_s;
        QTest::newRow("octal 1.2") << QByteArray("a: 0o17") << u"{\"a\":15}"_s;
        QTest::newRow("hex") << QByteArray("a: 0x1F") << u"{\"a\":31}"_s;
        QTest::newRow("leading zero decimal") << QByteArray("a: 0755") << u"{\"a\":755}"_s;
        QTest::newRow("float") << QByteArray("a: 1.5") << u"{\"a\":1.5}"_s;
        QTest::newRow("exponent") << QByteArray("a: 1e3") << u"{\"a\":1000}"_s;
        QTest::newRow("version string") << QByteArray("a: 1.2.3") << u"{\"a\":\"1.2.3\"}"_s;
        QTest::newRow("true") << QByteArray("a: true") << u"{\"a\":true}"_s;
        QTest::newRow("True") << QByteArray("a: True") << u"{\"a\":true}"_s;
        QTest::newRow("FALSE") << QByteArray("a: FALSE") << u"{\"a\":false}"_s;
        QTest::newRow("yes is a string in 1.2") << QByteArray("a: yes") << u"{\"a\":\"yes\"}"_s;
        QTest::newRow("no is a string") << QByteArray("a: no") << u"{\"a\":\"no\"}"_s;
        QTest::newRow("on is a string") << QByteArray("a: on") << u"{\"a\":\"on\"}"_s;
        QTest::newRow("off is a string") << QByteArray("a: off") << u"{\"a\":\"off\"}"_s;
        QTest::newRow("y is a string") << QByteArray("a: y") << u"{\"a\":\"y\"}"_s;
        QTest::newRow("null") << QByteArray("a: null") << u"{\"a\":null}"_s;
        QTest::newRow("tilde") << QByteArray("a: ~") << u"{\"a\":null}"_s;
        QTest::newRow("empty") << QByteArray("a:") << u"{\"a\":null}"_s;
        QTest::newRow("quoted true") << QByteArray("a: \"true\"") << u"{\"a\":\"true\"}"_s;
        QTest::newRow("!!str tag") << QByteArray("a: !!str 42") << u"{\"a\":\"42\"}"_s;
        QTest::newRow("!!int tag") << QByteArray("a: !!int \"42\"") << u"{\"a\":42}"_s;
        QTest::newRow("!!float on int") << QByteArray("a: !!float 3") << u"{\"a\":3}"_s;
        QTest::newRow("int keys are strings") << QByteArray("80: http") << u"{\"80\":\"http\"}"_s;
        QTest::newRow("colon in value") << QByteArray("a: 'x: y'") << u"{\"a\":\"x: y\"}"_s;
        QTest::newRow("json is yaml") << QByteArray("{\"a\": [1, \"2\", true, null]}")
                                      << u"{\"a\":[1,\"2\",true,null]}"_s;
        QTest::newRow("infinity refused")
                << QByteArray("a: .inf")
                << u"ERROR line 1, column 4: .inf cannot be written as JSON; quote it to make it a string"_s;
    }
    void scalars()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QCOMPARE(json(yaml), expected);
    }

    void blockScalars()
    {
        // Literal keeps newlines, folded joins lines, strip/keep chomping.
        QCOMPARE(json("a: |\n  line one\n  line two\nb: 1\n"),
                 u"{\"a\":\"line one\\nline two\\n\",\"b\":1}"_s);
        QCOMPARE(json("a: >\n  folded\n  text\n"), u"{\"a\":\"folded text\\n\"}"_s);
        QCOMPARE(json("a: |-\n  no newline\n"), u"{\"a\":\"no newline\"}"_s);
        QCOMPARE(json("a: |+\n  keep\n\nb: 2\n"), u"{\"a\":\"keep\\n\\n\",\"b\":2}"_s);
        QCOMPARE(json("a: |\n  42\n"), u"{\"a\":\"42\\n\"}"_s); // never a number
    }

    void anchorsAliasesAndMerge()
    {
        QCOMPARE(json("base: &b {x: 1, y: 2}\ncopy: *b\n"),
                 u"{\"base\":{\"x\":1,\"y\":2},\"copy\":{\"x\":1,\"y\":2}}"_s);
        QCOMPARE(json("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n"),
                 u"{\"base\":{\"x\":1,\"y\":2},\"m\":{\"x\":1,\"y\":3}}"_s);
        QCOMPARE(json("a: &a {p: 1}\nb: &b {p: 2, q: 2}\nm:\n  <<: [*a, *b]\n"),
                 u"{\"a\":{\"p\":1},\"b\":{\"p\":2,\"q\":2},\"m\":{\"p\":1,\"q\":2}}"_s);
        QCOMPARE(json("img: &img nginx:1.27\nlist: [*img, *img]\n"),
                 u"{\"img\":\"nginx:1.27\",\"list\":[\"nginx:1.27\",\"nginx:1.27\"]}"_s);
        QVERIFY(json("a: *missing\n").startsWith(u"ERROR line 1"_s));
    }

    void duplicateKey()
    {
        QCOMPARE(json("a: 1\nb: 2\na: 3\n"),
                 u"ERROR line 3, column 1: mapping key \"a\" already defined at line 1"_s);
    }

    void syntaxErrorHasLine()
    {
        const QString error = json("a: 1\nb: [1, 2\nc: 3\n");
        QVERIFY2(error.startsWith(u"ERROR line "_s), qPrintable(error));
    }

    void documentsAndLines()
    {
        const QByteArray stream = "# leading comment\n"
                                  "---\n"
                                  "a: 1\n"
                                  "---\n"
                                  "# only a comment\n"
                                  "---\n"
                                  "b:\n"
                                  "  c: [x, y]\n"
                                  "  d: 2\n"
                                  "...\n";
        const Result<QList<Yaml::Document>> docs = Yaml::parseDocuments(stream);
        QVERIFY2(docs.ok(), docs.ok() ? "" : qPrintable(docs.error().message));
        QCOMPARE(docs->size(), 2);
        QCOMPARE(docs->at(0).index, 1);
        QCOMPARE(docs->at(0).firstLine, 3);
        QCOMPARE(docs->at(1).index, 3); // the empty second document still counts
        QCOMPARE(docs->at(1).firstLine, 7);
        QCOMPARE(docs->at(1).lines.value(u"b.d"_s), 9);
        QCOMPARE(docs->at(1).lines.value(u"b.c"_s), 8);
        QCOMPARE(docs->at(1).lineOf(u"b.c[1]"_s), 8);
        QCOMPARE(docs->at(1).lineOf(u"b.nothing.deeper"_s), 7);
    }

    void documentErrorNamesDocument()
    {
        const Result<QList<Yaml::Document>> docs = Yaml::parseDocuments("a: 1\n---\nb: 1\nb: 2\n");
        QVERIFY(!docs.ok());
        QCOMPARE(docs.error().message,
                 u"document 2, line 4, column 1: mapping key \"b\" already defined at line 3"_s);
    }

    void manifestErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        const QByteArray good = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";
        const QByteArray deployment = "apiVersion: apps/v1\n"         // 1
                                      "kind: Deployment\n"            // 2
                                      "metadata:\n"                   // 3
                                      "  name: web\n"                 // 4
                                      "spec:\n"                       // 5
                                      "  replicas: %REPLICAS%\n"      // 6
                                      "  selector:\n"                 // 7
                                      "    matchLabels: {app: web}\n" // 8
                                      "  template:\n"                 // 9
                                      "    metadata:\n"               // 10
                                      "      labels: {app: web}\n"    // 11
                                      "    spec:\n"                   // 12
                                      "      containers:\n"           // 13
                                      "      - name: web\n"           // 14
                                      "        image: nginx\n"        // 15
                                      "        env:\n"                // 16
                                      "        - name: PORT\n"        // 17
                                      "          value: %VALUE%\n";   // 18
        auto make = [&](const char *replicas, const char *value) -> QByteArray {
            return good + "---\n"
                   + QByteArray(deployment)
                             .replace("%REPLICAS%", replicas)
                             .replace("%VALUE%", value);
        };
        QTest::newRow("env value number")
                << make("3", "8080")
                << u"deploy.yaml: document 2, line 23: spec.template.spec.containers[0].env[0].value: expected a string, got the number 8080 (put it in quotes)"_s;
        QTest::newRow("replicas string")
                << make("\"3\"", "\"8080\"")
                << u"deploy.yaml: document 2, line 11: spec.replicas: expected an integer, got the string \"3\" (remove the quotes)"_s;
        QTest::newRow("replicas word")
                << make("three", "\"8080\"")
                << u"deploy.yaml: document 2, line 11: spec.replicas: expected an integer, got the string \"three\""_s;
        QTest::newRow("env value boolean")
                << make("3", "true")
                << u"deploy.yaml: document 2, line 23: spec.template.spec.containers[0].env[0].value: expected a string, got the boolean true (put it in quotes)"_s;
        QTest::newRow("unknown kind")
                << QByteArray("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")
                << u"deploy.yaml: document 1, line 2: kind: Meridian does not apply v1 Pod; it applies apps/v1 Deployment, apps/v1 StatefulSet, apps/v1 DaemonSet, v1 Service, v1 ConfigMap, v1 Secret, v1 ServiceAccount, v1 Namespace, policy.karmada.io/v1alpha1 PropagationPolicy, policy.karmada.io/v1alpha1 ClusterPropagationPolicy"_s;
        QTest::newRow("missing name")
                << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n")
                << u"deploy.yaml: document 1, line 3: metadata: name is required"_s;
        QTest::newRow("label number")
                << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n  "
                              "  version: 1.0\n")
                << u"deploy.yaml: document 1, line 6: metadata.labels.version: expected a string, got the number 1 (put it in quotes)"_s;
        QTest::newRow("yaml syntax in document 2")
                << QByteArray(good + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: [}\n")
                << u"deploy.yaml: document 2, line 8"_s;
        QTest::newRow("not an object")
                << QByteArray(good + "---\n- a\n- b\n")
                << u"deploy.yaml: document 2, line 6: expected an object with apiVersion and kind, got a list"_s;
        QTest::newRow("bad name")
                << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Web_1\n")
                << u"deploy.yaml: document 1, line 4: metadata.name: \"Web_1\" is not a valid name: lower case letters, digits, '-' and '.', starting and ending with a letter or digit"_s;
    }
    void manifestErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const Result<QList<Rollout::ManifestObject>> objects
                = Rollout::loadManifest(yaml, u"deploy.yaml"_s);
        QVERIFY(!objects.ok());
        QVERIFY2(objects.error().message.startsWith(expected),
                 qPrintable(objects.error().message + u"\n  expected: "_s + expected));
    }

    void manifestObjects()
    {
        const QByteArray yaml
                = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
                  "---\n"
                  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n"
                  "  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: cart}\n"
                  "  template:\n    metadata:\n      labels: {app: cart}\n    spec:\n"
                  "      containers:\n      - name: cart\n        image: cart:1\n"
                  "---\n"
                  "apiVersion: v1\nkind: Service\nmetadata:\n  name: cart\nspec:\n"
                  "  ports:\n  - port: 80\n";
        const Result<QList<Rollout::ManifestObject>> objects
                = Rollout::loadManifest(yaml, u"shop.yaml"_s, u"default"_s);
        QVERIFY2(objects.ok(), objects.ok() ? "" : qPrintable(objects.error().message));
        QCOMPARE(objects->size(), 3);
        QCOMPARE(objects->at(0).objectPath(), u"/api/v1/namespaces/shop"_s);
        QCOMPARE(objects->at(1).objectPath(), u"/apis/apps/v1/namespaces/shop/deployments/cart"_s);
        QCOMPARE(objects->at(1).displayName(), u"deployment.apps/cart"_s);
        QCOMPARE(objects->at(1).line, 6);
        QCOMPARE(objects->at(2).nameSpace(), u"default"_s);
        QCOMPARE(objects->at(2).displayName(), u"service/cart"_s);
        QCOMPARE(objects->at(2).document, 3);
    }
};

QTEST_GUILESS_MAIN(TestYamlJson)
#include "tst_yamljson.moc"

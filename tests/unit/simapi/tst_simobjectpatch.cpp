// JSON Patch, JSON Merge Patch and strategic merge patch, with cases taken from RFC 6902,
// RFC 7386 and the behaviour of kube-apiserver for the built-in kinds.

#include "sim/objectpatch.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim;

namespace {

QJsonValue parse(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson("[" + json + "]");
    return document.array().first();
}

QByteArray dump(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

class TstSimObjectPatch final : public QObject
{
    Q_OBJECT

private slots:
    void jsonPatch_data();
    void jsonPatch();
    void mergePatch_data();
    void mergePatch();
    void strategicMergePatch_data();
    void strategicMergePatch();
};

void TstSimObjectPatch::jsonPatch_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected"); // empty: the patch must fail
    QTest::addColumn<QString>("errorCode");

    QTest::newRow("add member") << QByteArray(R"({"foo":"bar"})")
                                << QByteArray(R"([{"op":"add","path":"/baz","value":"qux"}])")
                                << QByteArray(R"({"baz":"qux","foo":"bar"})") << QString();
    QTest::newRow("add array element")
            << QByteArray(R"({"foo":["bar","baz"]})")
            << QByteArray(R"([{"op":"add","path":"/foo/1","value":"qux"}])")
            << QByteArray(R"({"foo":["bar","qux","baz"]})") << QString();
    QTest::newRow("append with -")
            << QByteArray(R"({"a":[1]})") << QByteArray(R"([{"op":"add","path":"/a/-","value":2}])")
            << QByteArray(R"({"a":[1,2]})") << QString();
    QTest::newRow("remove") << QByteArray(R"({"baz":"qux","foo":"bar"})")
                            << QByteArray(R"([{"op":"remove","path":"/baz"}])")
                            << QByteArray(R"({"foo":"bar"})") << QString();
    QTest::newRow("replace replicas")
            << QByteArray(R"({"spec":{"replicas":1}})")
            << QByteArray(R"([{"op":"replace","path":"/spec/replicas","value":3}])")
            << QByteArray(R"({"spec":{"replicas":3}})") << QString();
    QTest::newRow("move") << QByteArray(R"({"a":{"b":1},"c":{}})")
                          << QByteArray(R"([{"op":"move","from":"/a/b","path":"/c/d"}])")
                          << QByteArray(R"({"a":{},"c":{"d":1}})") << QString();
    QTest::newRow("copy") << QByteArray(R"({"a":1})")
                          << QByteArray(R"([{"op":"copy","from":"/a","path":"/b"}])")
                          << QByteArray(R"({"a":1,"b":1})") << QString();
    QTest::newRow("test passes then replace")
            << QByteArray(R"({"spec":{"replicas":2}})")
            << QByteArray(R"([{"op":"test","path":"/spec/replicas","value":2},)"
                          R"({"op":"replace","path":"/spec/replicas","value":5}])")
            << QByteArray(R"({"spec":{"replicas":5}})") << QString();
    QTest::newRow("test fails") << QByteArray(R"({"spec":{"replicas":2}})")
                                << QByteArray(
                                           R"([{"op":"test","path":"/spec/replicas","value":3}])")
                                << QByteArray() << u"Invalid"_s;
    QTest::newRow("escaped pointer")
            << QByteArray(R"({"metadata":{"annotations":{"a/b":"x"}}})")
            << QByteArray(R"([{"op":"remove","path":"/metadata/annotations/a~1b"}])")
            << QByteArray(R"({"metadata":{"annotations":{}}})") << QString();
    QTest::newRow("replace missing")
            << QByteArray(R"({})") << QByteArray(R"([{"op":"replace","path":"/x","value":1}])")
            << QByteArray() << u"Invalid"_s;
    QTest::newRow("unknown op") << QByteArray(R"({})")
                                << QByteArray(R"([{"op":"frob","path":"/x"}])") << QByteArray()
                                << u"BadRequest"_s;
    QTest::newRow("not an array") << QByteArray(R"({})") << QByteArray(R"({"op":"add"})")
                                  << QByteArray() << u"BadRequest"_s;
}

void TstSimObjectPatch::jsonPatch()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QFETCH(QString, errorCode);
    const auto result = ObjectPatch::applyJsonPatch(parse(document), parse(patch));
    if (expected.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, errorCode);
        return;
    }
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(dump(*result), expected);
}

void TstSimObjectPatch::mergePatch_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");
    // RFC 7386 appendix A.
    QTest::newRow("replace") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"c"})")
                             << QByteArray(R"({"a":"c"})");
    QTest::newRow("add") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"b":"c"})")
                         << QByteArray(R"({"a":"b","b":"c"})");
    QTest::newRow("delete") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":null})")
                            << QByteArray(R"({})");
    QTest::newRow("nested delete")
            << QByteArray(R"({"a":{"b":"c"}})") << QByteArray(R"({"a":{"b":"d","c":null}})")
            << QByteArray(R"({"a":{"b":"d"}})");
    QTest::newRow("array replaced") << QByteArray(R"({"a":[{"b":"c"}]})")
                                    << QByteArray(R"({"a":[1]})") << QByteArray(R"({"a":[1]})");
    QTest::newRow("non-object patch")
            << QByteArray(R"({"a":"foo"})") << QByteArray(R"(["c"])") << QByteArray(R"(["c"])");
    QTest::newRow("pause") << QByteArray(R"({"spec":{"replicas":1}})")
                           << QByteArray(R"({"spec":{"paused":true}})")
                           << QByteArray(R"({"spec":{"paused":true,"replicas":1}})");
}

void TstSimObjectPatch::mergePatch()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QCOMPARE(dump(ObjectPatch::applyMergePatch(parse(target), parse(patch))), expected);
}

void TstSimObjectPatch::strategicMergePatch_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray pod
            = R"({"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]})";
    QTest::newRow("containers merge by name")
            << pod << QByteArray(R"({"containers":[{"name":"b","image":"b:2"}]})")
            << QByteArray(
                       R"({"containers":[{"image":"a:1","name":"a"},{"image":"b:2","name":"b"}]})");
    QTest::newRow("new container appended")
            << pod << QByteArray(R"({"containers":[{"name":"c","image":"c:1"}]})")
            << QByteArray(
                       R"({"containers":[{"image":"a:1","name":"a"},{"image":"b:1","name":"b"},{"image":"c:1","name":"c"}]})");
    QTest::newRow("$patch delete element")
            << pod << QByteArray(R"({"containers":[{"name":"a","$patch":"delete"}]})")
            << QByteArray(R"({"containers":[{"image":"b:1","name":"b"}]})");
    QTest::newRow("$patch replace list")
            << pod
            << QByteArray(R"({"containers":[{"name":"z","image":"z:1"},{"$patch":"replace"}]})")
            << QByteArray(R"({"containers":[{"image":"z:1","name":"z"}]})");
    QTest::newRow("env by name")
            << QByteArray(R"({"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]})")
            << QByteArray(R"({"env":[{"name":"B","value":"3"}]})")
            << QByteArray(R"({"env":[{"name":"A","value":"1"},{"name":"B","value":"3"}]})");
    QTest::newRow("ports by containerPort")
            << QByteArray(R"({"ports":[{"containerPort":80,"name":"http"}]})")
            << QByteArray(R"({"ports":[{"containerPort":80,"name":"web"},{"containerPort":443}]})")
            << QByteArray(R"({"ports":[{"containerPort":80,"name":"web"},{"containerPort":443}]})");
    QTest::newRow("volumeMounts by mountPath")
            << QByteArray(R"({"volumeMounts":[{"mountPath":"/a","name":"x"}]})")
            << QByteArray(R"({"volumeMounts":[{"mountPath":"/a","name":"y"}]})")
            << QByteArray(R"({"volumeMounts":[{"mountPath":"/a","name":"y"}]})");
    QTest::newRow("imagePullSecrets by name")
            << QByteArray(R"({"imagePullSecrets":[{"name":"a"}]})")
            << QByteArray(R"({"imagePullSecrets":[{"name":"b"}]})")
            << QByteArray(R"({"imagePullSecrets":[{"name":"a"},{"name":"b"}]})");
    QTest::newRow("atomic list replaced")
            << QByteArray(R"({"args":["a","b"]})") << QByteArray(R"({"args":["c"]})")
            << QByteArray(R"({"args":["c"]})");
    QTest::newRow("null deletes") << QByteArray(R"({"spec":{"paused":true,"replicas":2}})")
                                  << QByteArray(R"({"spec":{"paused":null}})")
                                  << QByteArray(R"({"spec":{"replicas":2}})");
    QTest::newRow("map $patch replace") << QByteArray(R"({"labels":{"a":"1","b":"2"}})")
                                        << QByteArray(R"({"labels":{"$patch":"replace","c":"3"}})")
                                        << QByteArray(R"({"labels":{"c":"3"}})");
    QTest::newRow("map $patch delete")
            << QByteArray(R"({"labels":{"a":"1"},"x":1})")
            << QByteArray(R"({"labels":{"$patch":"delete"}})") << QByteArray(R"({"x":1})");
    QTest::newRow("$setElementOrder")
            << pod
            << QByteArray(
                       R"({"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"a","image":"a:2"}]})")
            << QByteArray(
                       R"({"containers":[{"image":"b:1","name":"b"},{"image":"a:2","name":"a"}]})");
    QTest::newRow("$retainKeys")
            << QByteArray(R"({"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}})")
            << QByteArray(R"({"strategy":{"$retainKeys":["type"],"type":"Recreate"}})")
            << QByteArray(R"({"strategy":{"type":"Recreate"}})");
    QTest::newRow("$deleteFromPrimitiveList")
            << QByteArray(R"({"finalizers":["a","b"]})")
            << QByteArray(R"({"$deleteFromPrimitiveList/finalizers":["a"]})")
            << QByteArray(R"({"finalizers":["b"]})");
    QTest::newRow("finalizers union")
            << QByteArray(R"({"finalizers":["a"]})") << QByteArray(R"({"finalizers":["b","a"]})")
            << QByteArray(R"({"finalizers":["a","b"]})");
}

void TstSimObjectPatch::strategicMergePatch()
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto result = ObjectPatch::applyStrategicMergePatch(parse(original).toObject(),
                                                              parse(patch).toObject());
    QVERIFY(result);
    QCOMPARE(dump(*result), expected);
}

QTEST_GUILESS_MAIN(TstSimObjectPatch)
#include "tst_simobjectpatch.moc"

// Kube::Projection: the spec grammar and its errors, the same result from a decoded object
// (apply) and from text parsed with simdjson (applyToJson, projectListPage), JSON escapes and
// numbers written back exactly, list pages and their errors.
#include "kube/objecttrim.h"
#include "kube/projection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Kube;

namespace {

QJsonObject parsed(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s: %s", qPrintable(error.errorString()), json.constData());
    return object;
}

const QByteArray kPod = R"({
  "apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "web-1", "namespace": "default", "uid": "u1", "resourceVersion": "42",
               "generateName": "web-", "creationTimestamp": "2026-11-27T10:00:00Z",
               "deletionTimestamp": null,
               "labels": {"app": "web", "pod-template-hash": "abc"},
               "annotations": {"big": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
               "managedFields": [{"manager": "kubelet", "fieldsV1": {"f:status": {}}}],
               "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet",
                                    "name": "web-abc", "uid": "r1", "controller": true,
                                    "blockOwnerDeletion": true}]},
  "spec": {"nodeName": "node-a", "tolerations": [{"key": "k"}],
           "containers": [{"name": "app", "image": "nginx:1.27", "env": [{"name": "A"}],
                           "ports": [{"containerPort": 8080}]},
                          {"name": "sidecar", "image": "envoy:1"}]},
  "status": {"phase": "Running", "podIP": "10.0.0.5", "hostIP": "192.168.0.2",
             "qosClass": "BestEffort",
             "conditions": [{"type": "Ready", "status": "True",
                             "lastTransitionTime": "2026-01-01T00:00:00Z"}],
             "containerStatuses": [
               {"name": "app", "ready": true, "restartCount": 2, "imageID": "sha",
                "image": "nginx:1.27", "started": true,
                "state": {"running": {"startedAt": "x"}},
                "lastState": {"terminated": {"exitCode": 1, "reason": "Error"}}},
               {"name": "sidecar", "ready": false, "restartCount": 7,
                "state": {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off"}}}]}
})";

// A random JSON value of bounded depth: every type, escapes, non-ASCII text, big numbers.
QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    static const QStringList words{QStringLiteral("a"),
                                   QStringLiteral("quote\"d"),
                                   QStringLiteral("back\\slash"),
                                   QStringLiteral("line\nbreak\ttab"),
                                   QStringLiteral("\u0001ctl\u001f"),
                                   QStringLiteral("日本語のテキスト"),
                                   QStringLiteral("emoji \U0001F680"),
                                   QStringLiteral("/path/with/slashes"),
                                   QString()};
    switch (random.bounded(depth > 0 ? 8 : 6)) {
    case 0: return words.at(random.bounded(int(words.size())));
    case 1: return qint64(random.bounded(2000000)) - 1000000;
    case 2: return random.generateDouble() * 1e6 - 5e5;
    case 3: return random.bounded(2) == 1;
    case 4: return QJsonValue::Null;
    case 5: return double(qint64(1) << 52) + random.bounded(1000); // exact in a double
    case 6: {
        QJsonArray array;
        for (int i = random.bounded(4); i > 0; --i)
            array.append(randomValue(random, depth - 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = random.bounded(5); i > 0; --i)
            object.insert(words.at(random.bounded(int(words.size()))) + QString::number(i),
                          randomValue(random, depth - 1));
        return object;
    }
    }
}

} // namespace

class TestProjection : public QObject
{
    Q_OBJECT

private slots:
    void specErrorsNameTheOffset_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("expected a field name at offset 0");
        QTest::newRow("open brace")
                << QByteArray("a{b") << QStringLiteral("expected \"}\" at offset 3");
        QTest::newRow("empty braces")
                << QByteArray("a{}") << QStringLiteral("expected a field name at offset 2");
        QTest::newRow("double comma")
                << QByteArray("a,,b") << QStringLiteral("expected a field name at offset 2");
        QTest::newRow("stray brace")
                << QByteArray("a}") << QStringLiteral("unexpected \"}\" at offset 1");
    }

    void specErrorsNameTheOffset()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, message);
        const auto projection = Projection::parse(spec);
        QVERIFY(!projection);
        QCOMPARE(projection.error().message, message);
    }

    void podProjectionKeepsWhatIsRead()
    {
        const auto json = podProjection().applyToJson(kPod);
        QVERIFY2(json, json ? "" : qPrintable(json.error().message));
        const QJsonObject t = parsed(*json);
        QCOMPARE(t.keys(),
                 (QStringList{QStringLiteral("metadata"),
                              QStringLiteral("spec"),
                              QStringLiteral("status")}));
        const QJsonObject metadata = t[u"metadata"].toObject();
        QCOMPARE(metadata.keys(),
                 (QStringList{QStringLiteral("creationTimestamp"),
                              QStringLiteral("labels"),
                              QStringLiteral("name"),
                              QStringLiteral("namespace"),
                              QStringLiteral("ownerReferences"),
                              QStringLiteral("resourceVersion"),
                              QStringLiteral("uid")})); // null deletionTimestamp left out
        QCOMPARE(metadata[u"labels"].toObject().size(), 2);
        QCOMPARE(metadata[u"ownerReferences"][0].toObject().keys(),
                 (QStringList{QStringLiteral("controller"),
                              QStringLiteral("kind"),
                              QStringLiteral("name"),
                              QStringLiteral("uid")}));
        QCOMPARE(t[u"spec"][u"containers"][1].toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("sidecar")},
                              {QStringLiteral("image"), QStringLiteral("envoy:1")}}));
        QVERIFY(!t[u"spec"].toObject().contains(u"tolerations"));
        const QJsonObject status = t[u"status"].toObject();
        QVERIFY(!status.contains(u"qosClass"));
        QCOMPARE(status[u"conditions"][0].toObject().keys(),
                 (QStringList{QStringLiteral("status"), QStringLiteral("type")}));
        const QJsonObject sidecar = status[u"containerStatuses"][1].toObject();
        QCOMPARE(sidecar[u"restartCount"].toInt(), 7);
        QCOMPARE(sidecar[u"state"].toObject(),
                 (QJsonObject{{QStringLiteral("waiting"),
                               QJsonObject{{QStringLiteral("reason"),
                                            QStringLiteral("CrashLoopBackOff")}}}}));
        QVERIFY(!sidecar.contains(u"lastState"));
        QVERIFY(!status[u"containerStatuses"][0].toObject().contains(u"imageID"));
    }

    void decodedAndTextPathsAgree_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::newRow("pod") << QByteArray(
                "metadata{name,namespace,labels,ownerReferences{kind,name}},"
                "spec{containers{name,image}},status{containerStatuses{state{*{reason}}}}");
        QTest::newRow("everything") << QByteArray("*");
        QTest::newRow("two levels") << QByteArray("*{*}");
        QTest::newRow("nested any") << QByteArray("*{*{*{a1,b2}}}");
    }

    void decodedAndTextPathsAgree()
    {
        QFETCH(QByteArray, spec);
        const auto projection = Projection::parse(spec);
        QVERIFY(projection);
        QCOMPARE(parsed(*projection->applyToJson(kPod)), projection->apply(parsed(kPod)));
        QRandomGenerator random(20261127);
        for (int i = 0; i < 300; ++i) {
            QJsonObject object = randomValue(random, 4).toObject();
            object.insert(QStringLiteral("a1"), randomValue(random, 3));
            const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
            const auto json = projection->applyToJson(text);
            QVERIFY2(json, text.constData());
            QCOMPARE(parsed(*json), projection->apply(object));
        }
    }

    void escapesAndNumbersAreWrittenExactly()
    {
        const QByteArray text
                = "{\"s\":\"q\\\"b\\\\n\\n\\t\\r\\b\\f\\u0001\\u001f 日本 "
                  "\\ud83d\\ude80 \\/\","
                  "\"i\":-9223372036854775808,\"u\":18446744073709551615,"
                  "\"d\":0.1,\"e\":1e300,\"n\":null,\"t\":true,\"f\":false,\"z\":-0.0}";
        const auto projection = Projection::parse("*");
        QVERIFY(projection);
        const auto json = projection->applyToJson(text);
        QVERIFY(json);
        QCOMPARE(*json,
                 QByteArray("{\"s\":\"q\\\"b\\\\n\\n\\t\\r\\b\\f\\u0001\\u001f 日本 🚀 /\","
                            "\"i\":-9223372036854775808,\"u\":18446744073709551615,"
                            "\"d\":0.1,\"e\":1e+300,\"t\":true,\"f\":false,\"z\":-0}"));
        QCOMPARE(parsed(*json).value(u"s").toString(),
                 QStringLiteral("q\"b\\n\n\t\r\b\f\u0001\u001f 日本 \U0001F680 /"));
    }

    void listPageIsProjectedPerItem()
    {
        const QByteArray body = R"({"kind":"PodList","apiVersion":"v1",)"
                                R"("metadata":{"resourceVersion":"77","continue":"tok=="},)"
                                R"("items":[)"
                                + kPod + R"(,{"metadata":{"name":"solo"}}]})";
        const auto page = podProjection().projectListPage(body);
        QVERIFY2(page, page ? "" : qPrintable(page.error().message));
        QCOMPARE(page->resourceVersion, QStringLiteral("77"));
        QCOMPARE(page->continueToken, QStringLiteral("tok=="));
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items[0].key, QStringLiteral("default/web-1"));
        QCOMPARE(parsed(page->items[0].json), podProjection().apply(parsed(kPod)));
        QCOMPARE(page->items[1].key, QStringLiteral("/solo")); // cluster-scoped: no namespace
        QCOMPARE(page->items[1].json, QByteArray(R"({"metadata":{"name":"solo"}})"));

        const auto last = podProjection().projectListPage(
                R"({"kind":"PodList","metadata":{"resourceVersion":"5"},"items":null})");
        QVERIFY(last);
        QCOMPARE(last->continueToken, QString());
        QVERIFY(last->items.isEmpty());
    }

    void badListPagesSayWhatIsWrong_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("cut short") << QByteArray(R"({"items":[{"metadata":)")
                                   << QStringLiteral("the list response is not JSON: ");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the list response is not JSON: ");
        QTest::newRow("array") << QByteArray("[]")
                               << QStringLiteral("the list response is not a JSON object");
        QTest::newRow("items not an array")
                << QByteArray(R"({"items":{"a":1}})")
                << QStringLiteral("the list response's \"items\" is not an array");
        QTest::newRow("an item not an object")
                << QByteArray(R"({"items":[{"metadata":{}}, 3]})")
                << QStringLiteral("item 1 of the list response is not an object");
    }

    void badListPagesSayWhatIsWrong()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto page = podProjection().projectListPage(body);
        QVERIFY(!page);
        QVERIFY2(page.error().message.startsWith(message), qPrintable(page.error().message));
        QCOMPARE(page.error().code, QStringLiteral("ParseError"));
    }

    void indexValuesFollowThePath()
    {
        const Projection pods = podProjection().withIndex("metadata.ownerReferences.name");
        QVERIFY(pods.hasIndex());
        QVERIFY(!podProjection().hasIndex());
        QCOMPARE(pods.indexValues(parsed(kPod)), QStringList{QStringLiteral("web-abc")});
        QCOMPARE(pods.indexValuesOfJson(*pods.applyToJson(kPod)),
                 QStringList{QStringLiteral("web-abc")});
        const auto page = pods.projectListPage("{\"items\":[" + kPod
                                               + ",{\"metadata\":{\"name\":\"x\"}}]}");
        QVERIFY(page);
        QCOMPARE(page->items[0].index, QStringList{QStringLiteral("web-abc")});
        QVERIFY(page->items[1].index.isEmpty());
        // Every element of every array on the way; only strings are values.
        const auto any = Projection::parse("*");
        QVERIFY(any);
        const Projection nested = any->withIndex("a.b");
        const QByteArray json = R"({"a":[{"b":"x"},{"b":["y",3,"z"]},{"c":"no"},7]})";
        QCOMPARE(nested.indexValuesOfJson(json),
                 (QStringList{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}));
        QCOMPARE(nested.indexValues(parsed(json)),
                 (QStringList{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}));
    }

    void paddedAndUnpaddedBodiesAgree()
    {
        // A body with spare capacity is parsed in place, a tight one is copied first.
        const QByteArray tight
                = QByteArray(R"({"metadata":{"resourceVersion":"1"},"items":[)") + kPod + "]}";
        QByteArray roomy;
        roomy.reserve(tight.size() + 256);
        roomy.append(tight);
        const auto a = podProjection().projectListPage(QByteArray(tight.constData(), tight.size()));
        const auto b = podProjection().projectListPage(roomy);
        QVERIFY(a && b);
        QCOMPARE(a->items[0].json, b->items[0].json);
    }
};

QTEST_GUILESS_MAIN(TestProjection)
#include "tst_projection.moc"

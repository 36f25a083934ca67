// The simulated kube-apiserver driven through its Router, without sockets: status codes,
// Status bodies, optimistic concurrency, validation, dry runs, the four patch types,
// server-side apply, paging and the 410s.

#include "sim/clusterstate.h"
#include "sim/kubeapi.h"
#include "sim/router.h"
#include "sim/scenario.h"
#include "sim/simclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim;

namespace {

const QByteArray webDeployment = R"({"apiVersion":"apps/v1","kind":"Deployment",
  "metadata":{"name":"web","labels":{"app":"web"}},
  "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
    "template":{"metadata":{"labels":{"app":"web"}},
      "spec":{"containers":[{"name":"web","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}}})";

const QString deployments = u"/apis/apps/v1/namespaces/default/deployments"_s;

struct Reply
{
    int status = 0;
    QJsonObject body;
    bool streaming = false;
};

class Fixture
{
public:
    explicit Fixture(int history = 1000)
        : m_state(spec(history))
        , m_api(&m_state, &m_clock)
    {
        m_state.setClock(&m_clock);
        m_api.registerRoutes(&m_router);
    }

    Reply call(const QByteArray &method,
               const QString &target,
               const QByteArray &body = {},
               const QByteArray &contentType = "application/json",
               const QByteArray &accept = "application/json")
    {
        HttpRequest request;
        request.method = method;
        const qsizetype mark = target.indexOf(u'?');
        request.path = mark < 0 ? target : target.left(mark);
        if (mark >= 0)
            request.query = QUrlQuery(target.mid(mark + 1));
        request.headers
                = {{"content-type", contentType}, {"accept", accept}, {"user-agent", "tst/1.0"}};
        request.body = body;
        const HttpResponse response = m_router.dispatch(request);
        return Reply{response.status,
                     QJsonDocument::fromJson(response.body).object(),
                     bool(response.stream)};
    }

    ClusterState &state() { return m_state; }

private:
    static ClusterSpec spec(int history)
    {
        Options options;
        options.scenario = u"test"_s;
        options.clusters = 1;
        options.watchHistory = history;
        return buildScenario(options)->first();
    }

    SimClock m_clock;
    ClusterState m_state;
    KubeApi m_api;
    Router m_router;
};

QByteArray withName(const QString &name, int replicas = 2)
{
    QJsonObject object = QJsonDocument::fromJson(webDeployment).object();
    QJsonObject metadata = object[u"metadata"].toObject();
    metadata.insert(u"name", name);
    object.insert(u"metadata", metadata);
    QJsonObject spec = object[u"spec"].toObject();
    spec.insert(u"replicas", replicas);
    object.insert(u"spec", spec);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList causeFields(const QJsonObject &status)
{
    QStringList fields;
    for (const QJsonValue &cause : status[u"details"][u"causes"].toArray())
        fields.append(cause[u"field"].toString() + u'|' + cause[u"reason"].toString());
    return fields;
}

} // namespace

class TstSimKubeApi final : public QObject
{
    Q_OBJECT

private slots:
    void createDefaultsAndServerFields();
    void alreadyExistsAndNotFound();
    void staleUpdateIsConflict();
    void validation_data();
    void validation();
    void dryRunStoresNothing();
    void patchTypes();
    void jsonPatchTestFailure();
    void unsupportedPatchType();
    void serverSideApply();
    void scaleSubresource();
    void statusSubresourceKeepsGeneration();
    void pagingIsConsistent();
    void expiredContinueToken();
    void selectors();
    void watchFromTooOldVersionIsGone();
    void watchStreams();
    void tables_data();
    void tables();
    void deleteAnswersStatusAndCascades();
    void discoveryVerbs();
    void podLogs();
};

void TstSimKubeApi::createDefaultsAndServerFields()
{
    Fixture f;
    const Reply created = f.call("POST", deployments, webDeployment);
    QCOMPARE(created.status, 201);
    const QJsonObject spec = created.body[u"spec"].toObject();
    QCOMPARE(spec[u"revisionHistoryLimit"].toInt(), 10);
    QCOMPARE(spec[u"progressDeadlineSeconds"].toInt(), 600);
    QCOMPARE(spec[u"strategy"][u"type"].toString(), u"RollingUpdate"_s);
    QCOMPARE(spec[u"strategy"][u"rollingUpdate"][u"maxSurge"].toString(), u"25%"_s);
    const QJsonObject podSpec = spec[u"template"][u"spec"].toObject();
    QCOMPARE(podSpec[u"restartPolicy"].toString(), u"Always"_s);
    QCOMPARE(podSpec[u"dnsPolicy"].toString(), u"ClusterFirst"_s);
    QCOMPARE(podSpec[u"schedulerName"].toString(), u"default-scheduler"_s);
    QCOMPARE(podSpec[u"terminationGracePeriodSeconds"].toInt(), 30);
    const QJsonObject container = podSpec[u"containers"][0].toObject();
    QCOMPARE(container[u"imagePullPolicy"].toString(), u"IfNotPresent"_s);
    QCOMPARE(container[u"terminationMessagePath"].toString(), u"/dev/termination-log"_s);
    QCOMPARE(container[u"ports"][0][u"protocol"].toString(), u"TCP"_s);
    const QJsonObject metadata = created.body[u"metadata"].toObject();
    QCOMPARE(metadata[u"generation"].toInt(), 1);
    QCOMPARE(metadata[u"namespace"].toString(), u"default"_s);
    QVERIFY(!metadata[u"uid"].toString().isEmpty());
    const QJsonArray managed = metadata[u"managedFields"].toArray();
    QCOMPARE(managed.size(), 1);
    QCOMPARE(managed[0][u"manager"].toString(), u"tst"_s);
    QCOMPARE(managed[0][u"operation"].toString(), u"Update"_s);
    QCOMPARE(managed[0][u"fieldsType"].toString(), u"FieldsV1"_s);
    QVERIFY(managed[0][u"fieldsV1"][u"f:spec"].toObject().contains(u"f:replicas"));

    // :latest and untagged images are pulled Always.
    QByteArray latest = withName(u"latest"_s);
    latest.replace("nginx:1.25", "nginx");
    QCOMPARE(f.call("POST", deployments, latest)
                     .body[u"spec"][u"template"][u"spec"][u"containers"][0][u"imagePullPolicy"]
                     .toString(),
             u"Always"_s);
}

void TstSimKubeApi::alreadyExistsAndNotFound()
{
    Fixture f;
    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    const Reply again = f.call("POST", deployments, webDeployment);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.body[u"reason"].toString(), u"AlreadyExists"_s);
    QCOMPARE(again.body[u"message"].toString(), uR"(deployments.apps "web" already exists)"_s);
    QCOMPARE(again.body[u"details"][u"kind"].toString(), u"deployments"_s);
    QCOMPARE(again.body[u"details"][u"group"].toString(), u"apps"_s);

    const Reply missing = f.call("GET", deployments + u"/x"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body[u"message"].toString(), uR"(deployments.apps "x" not found)"_s);
    QCOMPARE(missing.body[u"details"][u"name"].toString(), u"x"_s);
    const Reply pod = f.call("GET", u"/api/v1/namespaces/default/pods/x"_s);
    QCOMPARE(pod.body[u"message"].toString(), uR"(pods "x" not found)"_s);
    QVERIFY(!pod.body[u"details"].toObject().contains(u"group"));
    QCOMPARE(f.call("POST", u"/apis/apps/v1/namespaces/nope/deployments"_s, webDeployment)
                     .body[u"message"]
                     .toString(),
             uR"(namespaces "nope" not found)"_s);
}

void TstSimKubeApi::staleUpdateIsConflict()
{
    Fixture f;
    const Reply created = f.call("POST", deployments, webDeployment);
    QJsonObject object = created.body;
    QJsonObject spec = object[u"spec"].toObject();
    spec.insert(u"replicas", 3);
    object.insert(u"spec", spec);
    const QByteArray body = QJsonDocument(object).toJson();
    const Reply first = f.call("PUT", deployments + u"/web"_s, body);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body[u"metadata"][u"generation"].toInt(), 2);
    const Reply stale = f.call("PUT", deployments + u"/web"_s, body);
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.body[u"reason"].toString(), u"Conflict"_s);
    QCOMPARE(
            stale.body[u"message"].toString(),
            uR"(Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again)"_s);
    QCOMPARE(f.call("PUT", deployments + u"/nope"_s, body).status, 404);
}

void TstSimKubeApi::validation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("causes");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative replicas")
            << withName(u"web"_s, -1) << QStringList{u"spec.replicas|FieldValueInvalid"_s}
            << uR"(Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0)"_s;
    QByteArray noContainers = webDeployment;
    noContainers.replace(
            R"("containers":[{"name":"web","image":"nginx:1.25","ports":[{"containerPort":80}]}])",
            R"("containers":[])");
    QTest::newRow("no containers")
            << noContainers << QStringList{u"spec.template.spec.containers|FieldValueRequired"_s}
            << uR"(Deployment.apps "web" is invalid: spec.template.spec.containers: Required value)"_s;
    QByteArray noImage = webDeployment;
    noImage.replace(R"("image":"nginx:1.25",)", "");
    QTest::newRow("no image")
            << noImage
            << QStringList{u"spec.template.spec.containers[0].image|FieldValueRequired"_s}
            << uR"(Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value)"_s;
    QTest::newRow("bad name") << withName(u"Web_1"_s)
                              << QStringList{u"metadata.name|FieldValueInvalid"_s} << QString();
    QByteArray mismatch = webDeployment;
    mismatch.replace(R"("matchLabels":{"app":"web"})", R"("matchLabels":{"app":"db"})");
    QTest::newRow("selector mismatch")
            << mismatch << QStringList{u"spec.template.metadata.labels|FieldValueInvalid"_s}
            << QString();
    QTest::newRow("two causes") << withName(u"Web"_s, -2)
                                << QStringList{u"metadata.name|FieldValueInvalid"_s,
                                               u"spec.replicas|FieldValueInvalid"_s}
                                << QString();
}

void TstSimKubeApi::validation()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, causes);
    QFETCH(QString, message);
    Fixture f;
    const Reply reply = f.call("POST", deployments, body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.body[u"reason"].toString(), u"Invalid"_s);
    QCOMPARE(reply.body[u"details"][u"kind"].toString(), u"Deployment"_s);
    QCOMPARE(causeFields(reply.body), causes);
    if (!message.isEmpty())
        QCOMPARE(reply.body[u"message"].toString(), message);
    QVERIFY(f.state().list(u"deployments.apps"_s).isEmpty());
}

void TstSimKubeApi::dryRunStoresNothing()
{
    Fixture f;
    const QString rv = f.state().resourceVersion();
    const Reply dry = f.call("POST", deployments + u"?dryRun=All"_s, webDeployment);
    QCOMPARE(dry.status, 201);
    QCOMPARE(dry.body[u"spec"][u"revisionHistoryLimit"].toInt(), 10);
    QVERIFY(!dry.body[u"metadata"][u"uid"].toString().isEmpty());
    QCOMPARE(f.state().resourceVersion(), rv);
    QVERIFY(f.state().list(u"deployments.apps"_s).isEmpty());

    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    const QString stored = f.state().resourceVersion();
    const Reply patched = f.call("PATCH",
                                 deployments + u"/web?dryRun=All"_s,
                                 R"({"spec":{"replicas":7}})",
                                 "application/merge-patch+json");
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.body[u"spec"][u"replicas"].toInt(), 7);
    QCOMPARE(f.state().resourceVersion(), stored);
    QCOMPARE(f.call("DELETE", deployments + u"/web?dryRun=All"_s).status, 200);
    QCOMPARE(f.call("GET", deployments + u"/web"_s).body[u"spec"][u"replicas"].toInt(), 2);
    QCOMPARE(f.state().resourceVersion(), stored);
}

void TstSimKubeApi::patchTypes()
{
    Fixture f;
    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    const QString path = deployments + u"/web"_s;
    Reply r = f.call("PATCH",
                     path,
                     R"([{"op":"replace","path":"/spec/replicas","value":4}])",
                     "application/json-patch+json");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body[u"spec"][u"replicas"].toInt(), 4);
    r = f.call("PATCH",
               path,
               R"({"metadata":{"labels":{"tier":"front"}}})",
               "application/merge-patch+json");
    QCOMPARE(r.body[u"metadata"][u"labels"][u"tier"].toString(), u"front"_s);
    r = f.call(
            "PATCH",
            path,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}}})",
            "application/strategic-merge-patch+json");
    QCOMPARE(r.status, 200);
    const QJsonObject container
            = r.body[u"spec"][u"template"][u"spec"][u"containers"][0].toObject();
    QCOMPARE(container[u"image"].toString(), u"nginx:1.26"_s);
    QCOMPARE(container[u"ports"][0][u"containerPort"].toInt(), 80); // merged, not replaced
    QCOMPARE(r.body[u"metadata"][u"generation"].toInt(), 3);
    // A patch carrying a stale resourceVersion is a precondition, like PUT.
    r = f.call("PATCH",
               path,
               R"({"metadata":{"resourceVersion":"1"},"spec":{"replicas":1}})",
               "application/merge-patch+json");
    QCOMPARE(r.status, 409);
    QCOMPARE(f.call("PATCH", deployments + u"/nope"_s, "{}", "application/merge-patch+json").status,
             404);
}

void TstSimKubeApi::jsonPatchTestFailure()
{
    Fixture f;
    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    const Reply r = f.call("PATCH",
                           deployments + u"/web"_s,
                           R"([{"op":"test","path":"/spec/replicas","value":9}])",
                           "application/json-patch+json");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.body[u"reason"].toString(), u"Invalid"_s);
}

void TstSimKubeApi::unsupportedPatchType()
{
    Fixture f;
    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    QCOMPARE(f.call("PATCH", deployments + u"/web"_s, "{}", "text/plain").status, 415);
}

void TstSimKubeApi::serverSideApply()
{
    Fixture f;
    const QString path = deployments + u"/web"_s;
    const QByteArray yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                            "spec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n"
                            "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n"
                            "      containers:\n      - name: web\n        image: nginx:1.25\n";
    QCOMPARE(f.call("PATCH", path, yaml, "application/apply-patch+yaml").status, 400);
    const Reply created = f.call("PATCH",
                                 path + u"?fieldManager=alice"_s,
                                 yaml,
                                 "application/apply-patch+yaml");
    QCOMPARE(created.status, 201);
    const QJsonArray managed = created.body[u"metadata"][u"managedFields"].toArray();
    QCOMPARE(managed.size(), 1);
    QCOMPARE(managed[0][u"manager"].toString(), u"alice"_s);
    QCOMPARE(managed[0][u"operation"].toString(), u"Apply"_s);
    QCOMPARE(managed[0][u"apiVersion"].toString(), u"apps/v1"_s);
    QVERIFY(!managed[0][u"time"].toString().isEmpty());
    QVERIFY(managed[0][u"fieldsV1"][u"f:spec"][u"f:template"][u"f:spec"][u"f:containers"]
                    .toObject()
                    .contains(uR"(k:{"name":"web"})"_s));
    QCOMPARE(created.body[u"spec"][u"revisionHistoryLimit"].toInt(), 10); // defaulted

    // Bob applies another replica count: conflict, then force.
    QByteArray bob = yaml;
    bob.replace("replicas: 2", "replicas: 5");
    const Reply conflict
            = f.call("PATCH", path + u"?fieldManager=bob"_s, bob, "application/apply-patch+yaml");
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.body[u"reason"].toString(), u"Conflict"_s);
    QCOMPARE(conflict.body[u"message"].toString(),
             uR"(Apply failed with 1 conflict: conflict with "alice": .spec.replicas)"_s);
    QCOMPARE(conflict.body[u"details"][u"causes"][0][u"reason"].toString(),
             u"FieldManagerConflict"_s);
    QCOMPARE(conflict.body[u"details"][u"causes"][0][u"field"].toString(), u".spec.replicas"_s);
    QCOMPARE(conflict.body[u"details"][u"causes"][0][u"message"].toString(),
             uR"(conflict with "alice")"_s);
    // Two fields: grouped by manager, one line each.
    QByteArray bobImage = bob;
    bobImage.replace("nginx:1.25", "nginx:1.27");
    const Reply two = f.call("PATCH",
                             path + u"?fieldManager=bob"_s,
                             bobImage,
                             "application/apply-patch+yaml");
    QCOMPARE(two.status, 409);
    QCOMPARE(two.body[u"message"].toString(),
             u"Apply failed with 2 conflicts: conflicts with \"alice\":\n"
             u"- .spec.replicas\n- .spec.template.spec.containers[name=\"web\"].image"_s);
    const Reply forced = f.call("PATCH",
                                path + u"?fieldManager=bob&force=true"_s,
                                bob,
                                "application/apply-patch+yaml");
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.body[u"spec"][u"replicas"].toInt(), 5);

    // Same value from another manager: shared, no conflict.
    QCOMPARE(f.call("PATCH", path + u"?fieldManager=carol"_s, bob, "application/apply-patch+yaml")
                     .status,
             200);
    // Alice drops a field she alone owned (the image is shared: stays).
    QByteArray noLabels = yaml;
    noLabels.replace("  replicas: 2\n", "");
    const Reply dropped = f.call("PATCH",
                                 path + u"?fieldManager=alice"_s,
                                 noLabels,
                                 "application/apply-patch+yaml");
    QCOMPARE(dropped.status, 200);
    QCOMPARE(dropped.body[u"spec"][u"replicas"].toInt(), 5); // bob and carol still own it

    QByteArray withManaged = yaml;
    withManaged.replace("  name: web\n", "  name: web\n  managedFields: []\n");
    QCOMPARE(f.call("PATCH",
                    path + u"?fieldManager=alice"_s,
                    withManaged,
                    "application/apply-patch+yaml")
                     .status,
             400);
    // JSON is YAML.
    QCOMPARE(f.call("PATCH",
                    deployments + u"/json?fieldManager=alice"_s,
                    withName(u"json"_s),
                    "application/apply-patch+yaml")
                     .status,
             201);
}

void TstSimKubeApi::scaleSubresource()
{
    Fixture f;
    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    const QString path = deployments + u"/web/scale"_s;
    Reply r = f.call("GET", path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body[u"kind"].toString(), u"Scale"_s);
    QCOMPARE(r.body[u"apiVersion"].toString(), u"autoscaling/v1"_s);
    QCOMPARE(r.body[u"spec"][u"replicas"].toInt(), 2);
    QCOMPARE(r.body[u"status"][u"selector"].toString(), u"app=web"_s);
    r = f.call("PATCH", path, R"({"spec":{"replicas":6}})", "application/merge-patch+json");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body[u"spec"][u"replicas"].toInt(), 6);
    r = f.call(
            "PUT",
            path,
            R"({"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"spec":{"replicas":-1}})");
    QCOMPARE(r.status, 422);
    QCOMPARE(f.call("GET", deployments + u"/web"_s).body[u"spec"][u"replicas"].toInt(), 6);
}

void TstSimKubeApi::statusSubresourceKeepsGeneration()
{
    Fixture f;
    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    const Reply r = f.call("PATCH",
                           deployments + u"/web/status"_s,
                           R"({"status":{"replicas":2,"readyReplicas":2},"spec":{"replicas":9}})",
                           "application/merge-patch+json");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body[u"status"][u"readyReplicas"].toInt(), 2);
    QCOMPARE(r.body[u"spec"][u"replicas"].toInt(), 2);
    QCOMPARE(r.body[u"metadata"][u"generation"].toInt(), 1);
    // The main resource ignores status.
    const Reply main = f.call("PATCH",
                              deployments + u"/web"_s,
                              R"({"status":{"replicas":0}})",
                              "application/merge-patch+json");
    QCOMPARE(main.body[u"status"][u"replicas"].toInt(), 2);
}

void TstSimKubeApi::pagingIsConsistent()
{
    Fixture f;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(f.call("POST", deployments, withName(u"d%1"_s.arg(i))).status, 201);
    Reply page = f.call("GET", deployments + u"?limit=2"_s);
    QCOMPARE(page.status, 200);
    const QString rv = page.body[u"metadata"][u"resourceVersion"].toString();
    QString token = page.body[u"metadata"][u"continue"].toString();
    QVERIFY(!token.isEmpty());
    QCOMPARE(page.body[u"metadata"][u"remainingItemCount"].toInt(), 3);
    // Upstream's token shape: base64url JSON with v, rv and start.
    const QJsonObject decoded
            = QJsonDocument::fromJson(
                      QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding))
                      .object();
    QCOMPARE(decoded[u"v"].toString(), u"meta.k8s.io/v1"_s);
    QCOMPARE(QString::number(decoded[u"rv"].toInteger()), rv);

    QStringList names;
    for (const QJsonValue &item : page.body[u"items"].toArray())
        names.append(item[u"metadata"][u"name"].toString());
    // Writes between pages do not show up in the rest of the list.
    QCOMPARE(f.call("POST", deployments, withName(u"d5"_s)).status, 201);
    QCOMPARE(f.call("DELETE", deployments + u"/d4"_s).status, 200);
    while (!token.isEmpty()) {
        page = f.call("GET", deployments + u"?limit=2&continue="_s + token);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body[u"metadata"][u"resourceVersion"].toString(), rv);
        for (const QJsonValue &item : page.body[u"items"].toArray())
            names.append(item[u"metadata"][u"name"].toString());
        token = page.body[u"metadata"][u"continue"].toString();
    }
    QCOMPARE(names, (QStringList{u"d0"_s, u"d1"_s, u"d2"_s, u"d3"_s, u"d4"_s}));
    QCOMPARE(f.call("GET", deployments + u"?limit=2&continue=garbage!"_s).status, 400);
}

void TstSimKubeApi::expiredContinueToken()
{
    Fixture f(4);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(f.call("POST", deployments, withName(u"d%1"_s.arg(i))).status, 201);
    const QString token
            = f.call("GET", deployments + u"?limit=1"_s).body[u"metadata"][u"continue"].toString();
    for (int i = 3; i < 8; ++i)
        QCOMPARE(f.call("POST", deployments, withName(u"d%1"_s.arg(i))).status, 201);
    const Reply r = f.call("GET", deployments + u"?limit=1&continue="_s + token);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.body[u"reason"].toString(), u"Expired"_s);
    QVERIFY(r.body[u"message"].toString().startsWith(
            u"The provided continue parameter is too old to display a consistent list result."_s));
}

void TstSimKubeApi::selectors()
{
    Fixture f;
    QCOMPARE(f.call("POST", deployments, withName(u"a"_s)).status, 201);
    QCOMPARE(f.call("POST", deployments, withName(u"b"_s)).status, 201);
    QCOMPARE(f.call("PATCH",
                    deployments + u"/b"_s,
                    R"({"metadata":{"labels":{"tier":"db"}}})",
                    "application/merge-patch+json")
                     .status,
             200);
    const auto names = [&f](const QString &query) {
        QStringList out;
        const Reply r = f.call("GET", deployments + u'?' + query);
        for (const QJsonValue &item : r.body[u"items"].toArray())
            out.append(item[u"metadata"][u"name"].toString());
        return out;
    };
    QCOMPARE(names(u"labelSelector=tier%3Ddb"_s), QStringList{u"b"_s});
    QCOMPARE(names(u"labelSelector=!tier"_s), QStringList{u"a"_s});
    QCOMPARE(names(u"labelSelector=tier%20notin%20(db)"_s), QStringList{u"a"_s});
    QCOMPARE(names(u"fieldSelector=metadata.name%3Da"_s), QStringList{u"a"_s});
    QCOMPARE(names(u"fieldSelector=metadata.name!%3Da"_s), QStringList{u"b"_s});
    const Reply bad = f.call("GET", deployments + u"?fieldSelector=spec.replicas%3D1"_s);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.body[u"message"].toString(), u"field label not supported: spec.replicas"_s);
    QCOMPARE(f.call("GET", u"/api/v1/pods?fieldSelector=spec.nodeName%3Dx,status.phase%3DRunning"_s)
                     .status,
             200);
}

void TstSimKubeApi::watchFromTooOldVersionIsGone()
{
    Fixture f(3);
    const QString old = f.state().resourceVersion();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(f.call("POST", deployments, withName(u"d%1"_s.arg(i))).status, 201);
    const Reply r = f.call("GET", deployments + u"?watch=1&resourceVersion="_s + old);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.body[u"reason"].toString(), u"Expired"_s);
    QVERIFY(r.body[u"message"].toString().startsWith(u"too old resource version: "_s + old
                                                     + u" ("));
}

void TstSimKubeApi::watchStreams()
{
    Fixture f;
    const QString rv = f.state().resourceVersion();
    QVERIFY(f.call("GET", deployments + u"?watch=true&resourceVersion="_s + rv).streaming);
    QVERIFY(f.call("GET", deployments + u"?watch=1"_s).streaming);
    QCOMPARE(f.call("GET", deployments + u"?watch=1&labelSelector=a%20in%20("_s).status, 400);
}

void TstSimKubeApi::tables_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("columns");
    QTest::newRow("deployments") << deployments
                                 << QStringList{u"Name"_s,
                                                u"Ready"_s,
                                                u"Up-to-date"_s,
                                                u"Available"_s,
                                                u"Age"_s,
                                                u"Containers"_s,
                                                u"Images"_s,
                                                u"Selector"_s};
    QTest::newRow("replicasets") << u"/apis/apps/v1/replicasets"_s
                                 << QStringList{u"Name"_s,
                                                u"Desired"_s,
                                                u"Current"_s,
                                                u"Ready"_s,
                                                u"Age"_s,
                                                u"Containers"_s,
                                                u"Images"_s,
                                                u"Selector"_s};
    QTest::newRow("pods") << u"/api/v1/pods"_s
                          << QStringList{u"Name"_s,
                                         u"Ready"_s,
                                         u"Status"_s,
                                         u"Restarts"_s,
                                         u"Age"_s,
                                         u"IP"_s,
                                         u"Node"_s,
                                         u"Nominated Node"_s,
                                         u"Readiness Gates"_s};
    QTest::newRow("services") << u"/api/v1/services"_s
                              << QStringList{u"Name"_s,
                                             u"Type"_s,
                                             u"Cluster-IP"_s,
                                             u"External-IP"_s,
                                             u"Port(s)"_s,
                                             u"Age"_s,
                                             u"Selector"_s};
    QTest::newRow("namespaces") << u"/api/v1/namespaces"_s
                                << QStringList{u"Name"_s, u"Status"_s, u"Age"_s};
    QTest::newRow("events") << u"/api/v1/events"_s
                            << QStringList{u"Last Seen"_s,
                                           u"Type"_s,
                                           u"Reason"_s,
                                           u"Object"_s,
                                           u"Subobject"_s,
                                           u"Source"_s,
                                           u"Message"_s,
                                           u"First Seen"_s,
                                           u"Count"_s,
                                           u"Name"_s};
}

void TstSimKubeApi::tables()
{
    QFETCH(QString, path);
    QFETCH(QStringList, columns);
    Fixture f;
    QCOMPARE(f.call("POST", deployments, webDeployment).status, 201);
    const Reply r = f.call("GET", path, {}, {}, "application/json;as=Table;v=v1;g=meta.k8s.io");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body[u"kind"].toString(), u"Table"_s);
    QStringList names;
    for (const QJsonValue &column : r.body[u"columnDefinitions"].toArray())
        names.append(column[u"name"].toString());
    QCOMPARE(names, columns);
    if (path == deployments) {
        const QJsonArray cells = r.body[u"rows"][0][u"cells"].toArray();
        QCOMPARE(cells[0].toString(), u"web"_s);
        QCOMPARE(cells[1].toString(), u"0/2"_s);
        QCOMPARE(cells[6].toString(), u"nginx:1.25"_s);
        QCOMPARE(cells[7].toString(), u"app=web"_s);
    }
}

void TstSimKubeApi::deleteAnswersStatusAndCascades()
{
    Fixture f;
    const Reply created = f.call("POST", deployments, webDeployment);
    const QString uid = created.body[u"metadata"][u"uid"].toString();
    const QByteArray rs
            = QByteArray(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-1",
        "labels":{"app":"web"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":")")
              + uid.toLatin1()
              + R"(","controller":true}]},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}})";
    QCOMPARE(f.call("POST", u"/apis/apps/v1/namespaces/default/replicasets"_s, rs).status, 201);
    const Reply gone = f.call("DELETE", deployments + u"/web"_s);
    QCOMPARE(gone.status, 200);
    QCOMPARE(gone.body[u"kind"].toString(), u"Status"_s);
    QCOMPARE(gone.body[u"status"].toString(), u"Success"_s);
    QCOMPARE(gone.body[u"details"][u"uid"].toString(), uid);
    QVERIFY(f.state().list(u"replicasets.apps"_s).isEmpty());
    QCOMPARE(f.call("DELETE", deployments + u"/web"_s).status, 404);
}

void TstSimKubeApi::discoveryVerbs()
{
    Fixture f;
    const Reply apps = f.call("GET", u"/apis/apps/v1"_s);
    QMap<QString, QJsonObject> byName;
    for (const QJsonValue &resource : apps.body[u"resources"].toArray())
        byName.insert(resource[u"name"].toString(), resource.toObject());
    QVERIFY(byName.contains(u"deployments/scale"_s));
    QVERIFY(byName.contains(u"deployments/status"_s));
    QVERIFY(byName.contains(u"replicasets/scale"_s));
    QCOMPARE(byName[u"deployments/scale"_s][u"kind"].toString(), u"Scale"_s);
    QCOMPARE(byName[u"deployments/scale"_s][u"group"].toString(), u"autoscaling"_s);
    QVERIFY(byName[u"deployments"_s][u"verbs"].toArray().contains(u"patch"_s));
    QVERIFY(byName[u"deployments"_s][u"verbs"].toArray().contains(u"watch"_s));
    QVERIFY(byName[u"deployments"_s][u"verbs"].toArray().contains(u"deletecollection"_s));
    const Reply core = f.call("GET", u"/api/v1"_s);
    QStringList shortNames;
    for (const QJsonValue &resource : core.body[u"resources"].toArray()) {
        for (const QJsonValue &s : resource[u"shortNames"].toArray())
            shortNames.append(s.toString());
    }
    for (const QString &s : {u"po"_s, u"no"_s, u"ns"_s, u"ev"_s, u"svc"_s})
        QVERIFY2(shortNames.contains(s), qPrintable(s));
    QCOMPARE(f.call("GET", u"/openapi/v3"_s).status, 200);
}

void TstSimKubeApi::podLogs()
{
    Fixture f;
    const QString pods = u"/api/v1/namespaces/default/pods"_s;
    QCOMPARE(f.call("POST",
                    pods,
                    R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
                        "spec":{"containers":[{"name":"c","image":"nginx"}]}})")
                     .status,
             201);
    Reply r = f.call("GET", pods + u"/p/log"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body[u"message"].toString(),
             uR"(container "c" in pod "p" is waiting to start: ContainerCreating)"_s);
    const QString started = SimClock::formatRfc3339(SimClock().now().addSecs(-3600));
    const QByteArray status = R"({"status":{"phase":"Running","containerStatuses":[{"name":"c",
        "ready":true,"restartCount":0,"state":{"running":{"startedAt":")"
                              + started.toLatin1() + R"("}}}]}})";
    QCOMPARE(f.call("PATCH", pods + u"/p/status"_s, status, "application/merge-patch+json").status,
             200);
    HttpRequest request;
    request.method = "GET";
    request.path = pods + u"/p/log"_s;
    request.query = QUrlQuery(u"tailLines=3&timestamps=true"_s);
    Router router;
    SimClock clock;
    KubeApi api(&f.state(), &clock);
    api.registerRoutes(&router);
    const HttpResponse log = router.dispatch(request);
    QCOMPARE(log.status, 200);
    const QList<QByteArray> lines = log.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    // A container named like neither a web server nor an API logs application lines.
    QVERIFY2(lines[0].contains(" [worker] "), lines[0].constData());
    QVERIFY(lines[0].startsWith(started.left(10).toLatin1()));
    QCOMPARE(f.call("GET", pods + u"/p/log?container=nope"_s).body[u"message"].toString(),
             u"container nope is not valid for pod p"_s);
    request.query = QUrlQuery(u"follow=true"_s);
    QVERIFY(bool(router.dispatch(request).stream));
}

QTEST_GUILESS_MAIN(TstSimKubeApi)
#include "tst_simkubeapi.moc"

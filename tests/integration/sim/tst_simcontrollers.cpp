// The simulator's moving parts end to end, over real HTTPS with Qt's own client classes: the
// controllers act on what a client creates (rollouts, pods that become Ready), pod logs and
// Cloud Logging tell the same story, and the admin endpoint changes faults at run time.

#include "jwtsigner.h"
#include "sim/federation.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using Meridian::Sim::Federation;
using Meridian::Sim::Options;

namespace {

const QString deployments = u"/apis/apps/v1/namespaces/default/deployments"_s;
const QString replicaSets = u"/apis/apps/v1/namespaces/default/replicasets"_s;
const QString pods = u"/api/v1/namespaces/default/pods"_s;
constexpr int rolloutTimeoutMs = 10000; // at --time-scale 10 a rollout takes about a second

QByteArray deployment(const QString &name, int replicas, const QString &image)
{
    const QJsonObject labels{{u"app"_s, name}};
    const QJsonObject
            object{{u"apiVersion"_s, u"apps/v1"_s},
                   {u"kind"_s, u"Deployment"_s},
                   {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                   {u"spec"_s,
                    QJsonObject{{u"replicas"_s, replicas},
                                {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                                {u"template"_s,
                                 QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                             {u"spec"_s,
                                              QJsonObject{{u"containers"_s,
                                                           QJsonArray{QJsonObject{{u"name"_s, name},
                                                                                  {u"image"_s,
                                                                                   image}}}}}}}}}}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

struct Reply
{
    int status = 0;
    QByteArray raw;
    QJsonObject body;
};

// "2026-11-27T10:00:00.1234Z" (kubelet, trailing zeros trimmed) -> nine fractional digits, the
// form Cloud Logging uses, so the two compare as strings.
QString nineDigits(QString timestamp)
{
    timestamp.chop(1); // 'Z'
    qsizetype dot = timestamp.indexOf(u'.');
    if (dot < 0) {
        timestamp += u'.';
        dot = timestamp.size() - 1;
    }
    while (timestamp.size() - dot - 1 < 9)
        timestamp += u'0';
    return timestamp + u'Z';
}

} // namespace

class TstSimControllers final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void deploymentBecomesAvailable();
    void setImageRollsOutNewRevision();
    void podLogsMatchCloudLogging();
    void followStreamsUntilPodIsDeleted();
    void adminEndpointChangesFaults();

private:
    QNetworkRequest clusterRequest(const QString &path) const;
    Reply send(QNetworkRequest request,
               const QByteArray &method,
               const QByteArray &body = {},
               const QByteArray &contentType = "application/json");
    Reply api(const QByteArray &method,
              const QString &path,
              const QByteArray &body = {},
              const QByteArray &contentType = "application/json");
    bool waitAvailable(const QString &name, int replicas);
    QList<QJsonObject> podsOf(const QString &app);
    QByteArray accessToken();

    std::unique_ptr<Federation> m_federation;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
};

void TstSimControllers::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt Network has no TLS backend here");
    Options options;
    options.scenario = u"test"_s;
    options.clusters = 1;
    options.timeScale = 10;
    options.cloudLogging = true;
    m_federation = std::make_unique<Federation>(options);
    const auto started = m_federation->start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setCaCertificates(QSslCertificate::fromData(m_federation->caCertificatePem()));
    // The test scenario is quiet: no workloads unless a test creates them.
    QCOMPARE(api("GET", deployments).body[u"items"].toArray().size(), 0);
    QCOMPARE(api("GET", pods).body[u"items"].toArray().size(), 0);
}

QNetworkRequest TstSimControllers::clusterRequest(const QString &path) const
{
    const QString base = m_federation->endpoints()[u"clusters"][u"cluster-01"].toString();
    QNetworkRequest request(QUrl(base + path));
    request.setRawHeader("Authorization",
                         "Bearer " + m_federation->tokenFor(u"cluster-01"_s).toUtf8());
    return request;
}

Reply TstSimControllers::send(QNetworkRequest request,
                              const QByteArray &method,
                              const QByteArray &body,
                              const QByteArray &contentType)
{
    request.setSslConfiguration(m_tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
        return {};
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.raw = reply->readAll();
    out.body = QJsonDocument::fromJson(out.raw).object();
    reply->deleteLater();
    return out;
}

Reply TstSimControllers::api(const QByteArray &method,
                             const QString &path,
                             const QByteArray &body,
                             const QByteArray &contentType)
{
    return send(clusterRequest(path), method, body, contentType);
}

bool TstSimControllers::waitAvailable(const QString &name, int replicas)
{
    return QTest::qWaitFor(
            [&] {
                const QJsonObject d = api("GET", deployments + u'/' + name).body;
                const QJsonObject status = d[u"status"].toObject();
                return status[u"observedGeneration"].toInteger()
                               == d[u"metadata"][u"generation"].toInteger()
                       && status[u"updatedReplicas"].toInt() == replicas
                       && status[u"availableReplicas"].toInt() == replicas
                       && status[u"replicas"].toInt() == replicas;
            },
            rolloutTimeoutMs);
}

QList<QJsonObject> TstSimControllers::podsOf(const QString &app)
{
    QList<QJsonObject> out;
    for (const QJsonValue &pod :
         api("GET", pods + u"?labelSelector=app%3D"_s + app).body[u"items"].toArray())
        out.append(pod.toObject());
    return out;
}

void TstSimControllers::deploymentBecomesAvailable()
{
    // Given a Deployment created through the API
    QCOMPARE(api("POST", deployments, deployment(u"shop"_s, 3, u"nginx:1.25"_s)).status, 201);
    // Then the controllers make it Available, with three Running, Ready pods
    QVERIFY(waitAvailable(u"shop"_s, 3));
    const QJsonObject d = api("GET", deployments + u"/shop"_s).body;
    bool available = false;
    for (const QJsonValue &condition : d[u"status"][u"conditions"].toArray()) {
        if (condition[u"type"].toString() == u"Available")
            available = condition[u"status"].toString() == u"True";
    }
    QVERIFY(available);
    const QList<QJsonObject> running = podsOf(u"shop"_s);
    QCOMPARE(running.size(), 3);
    for (const QJsonObject &pod : running) {
        QCOMPARE(pod[u"status"][u"phase"].toString(), u"Running"_s);
        QVERIFY(!pod[u"spec"][u"nodeName"].toString().isEmpty());
        QVERIFY(pod[u"status"][u"containerStatuses"][0][u"ready"].toBool());
    }
}

void TstSimControllers::setImageRollsOutNewRevision()
{
    QCOMPARE(api("POST", deployments, deployment(u"roll"_s, 2, u"nginx:1.25"_s)).status, 201);
    QVERIFY(waitAvailable(u"roll"_s, 2));
    // When the image changes (kubectl set image sends this strategic merge patch)
    QCOMPARE(api("PATCH",
                 deployments + u"/roll"_s,
                 R"({"spec":{"template":{"spec":{"containers":[)"
                 R"({"name":"roll","image":"nginx:1.26"}]}}}})",
                 "application/strategic-merge-patch+json")
                     .status,
             200);
    // Then a new ReplicaSet with revision 2 takes over and the old one scales to zero
    QVERIFY(waitAvailable(u"roll"_s, 2));
    const QJsonObject d = api("GET", deployments + u"/roll"_s).body;
    QCOMPARE(d[u"metadata"][u"annotations"][u"deployment.kubernetes.io/revision"].toString(),
             u"2"_s);
    const QJsonArray sets
            = api("GET", replicaSets + u"?labelSelector=app%3Droll"_s).body[u"items"].toArray();
    QCOMPARE(sets.size(), 2);
    for (const QJsonValue &rs : sets) {
        const QString revision
                = rs[u"metadata"][u"annotations"][u"deployment.kubernetes.io/revision"].toString();
        const QString image
                = rs[u"spec"][u"template"][u"spec"][u"containers"][0][u"image"].toString();
        if (revision == u"2") {
            QCOMPARE(image, u"nginx:1.26"_s);
            QCOMPARE(rs[u"status"][u"readyReplicas"].toInt(), 2);
        } else {
            QCOMPARE(revision, u"1"_s);
            QCOMPARE(rs[u"spec"][u"replicas"].toInt(), 0);
        }
    }
    for (const QJsonObject &pod : podsOf(u"roll"_s))
        QCOMPARE(pod[u"spec"][u"containers"][0][u"image"].toString(), u"nginx:1.26"_s);
}

QByteArray TstSimControllers::accessToken()
{
    const QJsonObject key = QJsonDocument::fromJson(m_federation->serviceAccountKeyJson()).object();
    JwtSigner signer(key[u"private_key"].toString().toUtf8());
    if (!signer.isValid())
        return {};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray assertion
            = signer.sign({{u"alg"_s, u"RS256"_s},
                           {u"typ"_s, u"JWT"_s},
                           {u"kid"_s, key[u"private_key_id"]}},
                          {{u"iss"_s, key[u"client_email"]},
                           {u"scope"_s, u"https://www.googleapis.com/auth/logging.read"_s},
                           {u"aud"_s, key[u"token_uri"]},
                           {u"iat"_s, now},
                           {u"exp"_s, now + 3600}});
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s);
    form.addQueryItem(u"assertion"_s, QString::fromLatin1(assertion));
    const Reply reply = send(QNetworkRequest(QUrl(key[u"token_uri"].toString())),
                             "POST",
                             form.toString(QUrl::FullyEncoded).toLatin1(),
                             "application/x-www-form-urlencoded");
    return reply.body[u"access_token"].toString().toLatin1();
}

void TstSimControllers::podLogsMatchCloudLogging()
{
    // Given a running pod that has logged for a few simulated seconds
    QCOMPARE(api("POST", deployments, deployment(u"logger"_s, 1, u"busybox:1.36"_s)).status, 201);
    QVERIFY(waitAvailable(u"logger"_s, 1));
    QTest::qWait(1500); // 15 simulated seconds: about 20 lines
    const QString pod = podsOf(u"logger"_s).value(0)[u"metadata"][u"name"].toString();
    QVERIFY(!pod.isEmpty());

    // When its log is read with timestamps
    const Reply log = api("GET", pods + u'/' + pod + u"/log?timestamps=true"_s);
    QCOMPARE(log.status, 200);
    QList<QPair<QString, QString>> lines; // (timestamp, text)
    for (const QByteArray &line : log.raw.split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype space = line.indexOf(' ');
        lines.append({nineDigits(QString::fromUtf8(line.left(space))),
                      QString::fromUtf8(line.mid(space + 1))});
    }
    QVERIFY2(lines.size() >= 5, log.raw.constData());

    // Then Cloud Logging has exactly those lines for that pod up to the last one
    const QByteArray token = accessToken();
    QVERIFY(!token.isEmpty());
    QList<QPair<QString, QString>> entries;
    QString pageToken;
    do {
        QJsonObject body{{u"resourceNames"_s, QJsonArray{u"projects/meridian-sim"_s}},
                         {u"filter"_s,
                          u"resource.type=\"k8s_container\" AND resource.labels.pod_name=\"%1\" "
                          u"AND timestamp<=\"%2\""_s.arg(pod, lines.last().first)},
                         {u"orderBy"_s, u"timestamp asc"_s},
                         {u"pageSize"_s, 1000}};
        if (!pageToken.isEmpty())
            body.insert(u"pageToken", pageToken);
        QNetworkRequest request(
                QUrl(m_federation->endpoints()[u"logging"].toString() + u"v2/entries:list"_s));
        request.setRawHeader("Authorization", "Bearer " + token);
        const Reply page = send(request, "POST", QJsonDocument(body).toJson());
        QCOMPARE(page.status, 200);
        for (const QJsonValue &entry : page.body[u"entries"].toArray()) {
            QCOMPARE(entry[u"resource"][u"labels"][u"cluster_name"].toString(), u"cluster-01"_s);
            QCOMPARE(entry[u"resource"][u"labels"][u"container_name"].toString(), u"logger"_s);
            entries.append({entry[u"timestamp"].toString(), entry[u"textPayload"].toString()});
        }
        pageToken = page.body[u"nextPageToken"].toString();
    } while (!pageToken.isEmpty());
    QCOMPARE(entries, lines);

    // And tailLines / limitBytes cut the log (simulated time has moved on: the tail is newer)
    const Reply tail = api("GET", pods + u'/' + pod + u"/log?tailLines=2"_s);
    QCOMPARE(tail.raw.count('\n'), 2);
    QCOMPARE(api("GET", pods + u'/' + pod + u"/log?limitBytes=10"_s).raw.size(), 10);
}

void TstSimControllers::followStreamsUntilPodIsDeleted()
{
    QCOMPARE(api("POST", deployments, deployment(u"follower"_s, 1, u"busybox:1.36"_s)).status, 201);
    QVERIFY(waitAvailable(u"follower"_s, 1));
    const QString pod = podsOf(u"follower"_s).value(0)[u"metadata"][u"name"].toString();
    QNetworkRequest request = clusterRequest(pods + u'/' + pod + u"/log?follow=true&tailLines=0"_s);
    request.setSslConfiguration(m_tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = m_network.get(request);
    QByteArray received;
    connect(reply, &QNetworkReply::readyRead, reply, [&] { received += reply->readAll(); });
    // New lines arrive as simulated time passes
    QVERIFY(QTest::qWaitFor([&] { return received.count('\n') >= 5; }, 5000));
    QVERIFY(!reply->isFinished());
    // and the stream ends when the pod goes (the Deployment is scaled to zero)
    QCOMPARE(api("PATCH",
                 deployments + u"/follower/scale"_s,
                 R"({"spec":{"replicas":0}})",
                 "application/merge-patch+json")
                     .status,
             200);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    reply->deleteLater();
}

void TstSimControllers::adminEndpointChangesFaults()
{
    const QString admin = m_federation->endpoints()[u"admin"].toString();
    QVERIFY(admin.startsWith(u"https://127.0.0.1:"_s));
    const auto adminCall = [&](const QByteArray &method, const QString &path, QByteArray body) {
        return send(QNetworkRequest(QUrl(admin + path)), method, body);
    };
    QCOMPARE(adminCall("GET", u"/faults"_s, {}).body[u"faults"].toObject(), QJsonObject());
    QCOMPARE(api("GET", u"/version"_s).status, 200);

    const Reply set = adminCall("PUT", u"/faults/cluster-01"_s, R"({"kind":"error-rate","p":1})");
    QCOMPARE(set.status, 200);
    QCOMPARE(api("GET", u"/version"_s).status, 500);
    QCOMPARE(adminCall("GET", u"/faults"_s, {}).body[u"faults"][u"cluster-01"].toObject(),
             (QJsonObject{{u"kind"_s, u"error-rate"_s}, {u"p"_s, 1}}));

    QCOMPARE(adminCall("PUT", u"/faults/cluster-01"_s, R"({"kind":"latency","ms":300})").status,
             200);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(api("GET", u"/version"_s).status, 200);
    QVERIFY(timer.elapsed() >= 300);

    QCOMPARE(adminCall("DELETE", u"/faults/cluster-01"_s, {}).status, 200);
    QCOMPARE(adminCall("GET", u"/faults"_s, {}).body[u"faults"].toObject(), QJsonObject());
    QCOMPARE(adminCall("PUT", u"/faults/nowhere"_s, R"({"kind":"down"})").status, 404);
    QCOMPARE(adminCall("PUT", u"/faults/cluster-01"_s, R"({"kind":"latency"})").status, 400);
    QCOMPARE(api("GET", u"/version"_s).status, 200);
}

QTEST_GUILESS_MAIN(TstSimControllers)
#include "tst_simcontrollers.moc"

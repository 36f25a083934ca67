// Watches against the simulator over real HTTPS with Qt's own client classes: the chunked
// {"type","object"} stream a client-go reflector reads, from a list's resourceVersion, from
// "now", from a version that has left the history (410), with bookmarks and with selectors.

#include "sim/federation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Meridian::Sim::Federation;
using Meridian::Sim::Options;

namespace {

constexpr int historySize = 20;

const QString deployments = u"/apis/apps/v1/namespaces/default/deployments"_s;

QByteArray deployment(const QString &name, const QString &tier = {})
{
    QJsonObject labels{{u"app"_s, name}};
    if (!tier.isEmpty())
        labels.insert(u"tier", tier);
    const QJsonObject object{
            {u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"Deployment"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"labels"_s, labels}}},
            {u"spec"_s,
             QJsonObject{{u"selector"_s,
                          QJsonObject{{u"matchLabels"_s, QJsonObject{{u"app"_s, name}}}}},
                         {u"template"_s,
                          QJsonObject{{u"metadata"_s,
                                       QJsonObject{{u"labels"_s, QJsonObject{{u"app"_s, name}}}}},
                                      {u"spec"_s,
                                       QJsonObject{{u"containers"_s,
                                                    QJsonArray{QJsonObject{{u"name"_s, u"c"_s},
                                                                           {u"image"_s,
                                                                            u"nginx"_s}}}}}}}}}}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};

// One open watch: events as they arrive, and whether (and how) the stream ended.
struct Stream
{
    QList<QJsonObject> events;
    QList<QByteArray> lines; // the events as sent
    QByteArray pending;
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;

    QStringList types() const
    {
        QStringList out;
        for (const QJsonObject &event : events)
            out.append(event[u"type"].toString());
        return out;
    }
};

} // namespace

class TstSimWatch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void eventsFromListVersion();
    void unsetVersionStartsWithCurrentState();
    void resumeFromMiddle();
    void tooOldVersionIsGone();
    void bookmarks();
    void selectorTransitions();
    void dryRunSendsNothing();
    void eventBytesAreTheObjectsJson();

private:
    QNetworkRequest request(const QString &path) const;
    Reply send(const QByteArray &method,
               const QString &path,
               const QByteArray &body = {},
               const QByteArray &contentType = "application/json");
    std::shared_ptr<Stream> watch(const QString &query);
    QString listVersion();

    std::unique_ptr<Federation> m_federation;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
    QList<QNetworkReply *> m_open;
};

void TstSimWatch::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt Network has no TLS backend here");
    Options options;
    options.scenario = u"test"_s;
    options.clusters = 1;
    options.watchHistory = historySize;
    options.bookmarkIntervalMs = 200;
    // Exact event sequences: no controller may touch the Deployments these tests write.
    options.controllers = false;
    m_federation = std::make_unique<Federation>(options);
    const auto started = m_federation->start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setCaCertificates(QSslCertificate::fromData(m_federation->caCertificatePem()));
}

void TstSimWatch::cleanup()
{
    for (QNetworkReply *reply : std::as_const(m_open))
        reply->abort();
    m_open.clear();
    // Start every test from an empty namespace.
    send("DELETE", deployments);
}

QNetworkRequest TstSimWatch::request(const QString &path) const
{
    const QString base = m_federation->endpoints()[u"clusters"][u"cluster-01"].toString();
    QNetworkRequest request(QUrl(base + path));
    request.setSslConfiguration(m_tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Authorization",
                         "Bearer " + m_federation->tokenFor(u"cluster-01"_s).toUtf8());
    return request;
}

Reply TstSimWatch::send(const QByteArray &method,
                        const QString &path,
                        const QByteArray &body,
                        const QByteArray &contentType)
{
    QNetworkRequest r = request(path);
    r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_network.sendCustomRequest(r, method, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
        return {};
    const QByteArray raw = reply->readAll();
    Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
              QJsonDocument::fromJson(raw).object(),
              raw};
    reply->deleteLater();
    return out;
}

std::shared_ptr<Stream> TstSimWatch::watch(const QString &query)
{
    auto stream = std::make_shared<Stream>();
    QNetworkReply *reply = m_network.get(request(deployments + u"?watch=1&"_s + query));
    m_open.append(reply);
    connect(reply, &QNetworkReply::readyRead, reply, [stream, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            return; // an error Status: read it whole when finished
        stream->pending += reply->readAll();
        qsizetype newline;
        while ((newline = stream->pending.indexOf('\n')) >= 0) {
            stream->lines.append(stream->pending.left(newline));
            stream->events.append(QJsonDocument::fromJson(stream->lines.last()).object());
            stream->pending.remove(0, newline + 1);
        }
    });
    connect(reply, &QNetworkReply::finished, reply, [this, stream, reply] {
        stream->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        stream->error = reply->error();
        stream->body = reply->readAll();
        stream->finished = true;
        m_open.removeAll(reply);
        reply->deleteLater();
    });
    return stream;
}

QString TstSimWatch::listVersion()
{
    return send("GET", deployments).body[u"metadata"][u"resourceVersion"].toString();
}

void TstSimWatch::eventsFromListVersion()
{
    // Given a watch from the resourceVersion of a list
    const auto stream = watch(u"resourceVersion="_s + listVersion());
    // When a Deployment is created, labelled and deleted
    QCOMPARE(send("POST", deployments, deployment(u"a"_s)).status, 201);
    QCOMPARE(send("PATCH",
                  deployments + u"/a"_s,
                  R"({"metadata":{"labels":{"x":"y"}}})",
                  "application/merge-patch+json")
                     .status,
             200);
    QCOMPARE(send("DELETE", deployments + u"/a"_s).status, 200);
    // Then the stream carries ADDED, MODIFIED, DELETED with rising resourceVersions
    QTRY_COMPARE_WITH_TIMEOUT(stream->types(),
                              (QStringList{u"ADDED"_s, u"MODIFIED"_s, u"DELETED"_s}),
                              10000);
    qint64 last = 0;
    for (const QJsonObject &event : stream->events) {
        QCOMPARE(event[u"object"][u"kind"].toString(), u"Deployment"_s);
        const qint64 rv = event[u"object"][u"metadata"][u"resourceVersion"].toString().toLongLong();
        QVERIFY(rv > last);
        last = rv;
    }
    QCOMPARE(stream->events[1][u"object"][u"metadata"][u"labels"][u"x"].toString(), u"y"_s);
}

void TstSimWatch::unsetVersionStartsWithCurrentState()
{
    QCOMPARE(send("POST", deployments, deployment(u"a"_s)).status, 201);
    QCOMPARE(send("POST", deployments, deployment(u"b"_s)).status, 201);
    // timeoutSeconds ends the stream cleanly: the last chunk, no error.
    const auto stream = watch(u"timeoutSeconds=1"_s);
    QTRY_VERIFY_WITH_TIMEOUT(stream->finished, 10000);
    QCOMPARE(stream->error, QNetworkReply::NoError);
    QCOMPARE(stream->status, 200);
    QCOMPARE(stream->types(), (QStringList{u"ADDED"_s, u"ADDED"_s}));
    QCOMPARE(stream->events[0][u"object"][u"metadata"][u"name"].toString(), u"a"_s);
}

void TstSimWatch::resumeFromMiddle()
{
    QCOMPARE(send("POST", deployments, deployment(u"a"_s)).status, 201);
    const QString middle = listVersion();
    QCOMPARE(send("POST", deployments, deployment(u"b"_s)).status, 201);
    QCOMPARE(send("POST", deployments, deployment(u"c"_s)).status, 201);
    const auto stream = watch(u"resourceVersion="_s + middle);
    QTRY_COMPARE_WITH_TIMEOUT(stream->events.size(), 2, 10000);
    QCOMPARE(stream->events[0][u"object"][u"metadata"][u"name"].toString(), u"b"_s);
    QCOMPARE(stream->events[1][u"object"][u"metadata"][u"name"].toString(), u"c"_s);
}

void TstSimWatch::tooOldVersionIsGone()
{
    const QString old = listVersion();
    for (int i = 0; i < historySize + 2; ++i)
        QCOMPARE(send("POST", deployments, deployment(u"d%1"_s.arg(i))).status, 201);
    const auto stream = watch(u"resourceVersion="_s + old);
    QTRY_VERIFY_WITH_TIMEOUT(stream->finished, 10000);
    QCOMPARE(stream->status, 410);
    const QJsonObject status = QJsonDocument::fromJson(stream->body).object();
    QCOMPARE(status[u"kind"].toString(), u"Status"_s);
    QCOMPARE(status[u"code"].toInt(), 410);
    QCOMPARE(status[u"reason"].toString(), u"Expired"_s);
    QVERIFY2(status[u"message"].toString().startsWith(u"too old resource version: "_s + old
                                                      + u" ("),
             qPrintable(status[u"message"].toString()));
}

void TstSimWatch::bookmarks()
{
    const QString rv = listVersion();
    const auto stream = watch(u"allowWatchBookmarks=true&resourceVersion="_s + rv);
    QTRY_VERIFY_WITH_TIMEOUT(!stream->events.isEmpty(), 5000);
    const QJsonObject bookmark = stream->events.first();
    QCOMPARE(bookmark[u"type"].toString(), u"BOOKMARK"_s);
    QCOMPARE(bookmark[u"object"][u"kind"].toString(), u"Deployment"_s);
    QCOMPARE(bookmark[u"object"][u"apiVersion"].toString(), u"apps/v1"_s);
    QCOMPARE(bookmark[u"object"][u"metadata"][u"resourceVersion"].toString(), rv);
}

void TstSimWatch::selectorTransitions()
{
    const auto stream = watch(u"labelSelector=tier%3Dfront&resourceVersion="_s + listVersion());
    QCOMPARE(send("POST", deployments, deployment(u"a"_s)).status, 201); // not selected
    const auto label = [this](const QString &tier) {
        return send("PATCH",
                    deployments + u"/a"_s,
                    QString(uR"({"metadata":{"labels":{"tier":"%1"}}})"_s).arg(tier).toUtf8(),
                    "application/merge-patch+json")
                .status;
    };
    QCOMPARE(label(u"front"_s), 200); // starts matching: ADDED
    QCOMPARE(label(u"back"_s), 200);  // stops matching: DELETED
    QTRY_COMPARE_WITH_TIMEOUT(stream->types(), (QStringList{u"ADDED"_s, u"DELETED"_s}), 10000);
    QCOMPARE(stream->events[1][u"object"][u"metadata"][u"labels"][u"tier"].toString(), u"back"_s);

    // A field selector on the name, as kubectl delete --wait uses.
    const auto byName
            = watch(u"fieldSelector=metadata.name%3Da&resourceVersion="_s + listVersion());
    QCOMPARE(send("POST", deployments, deployment(u"b"_s)).status, 201);
    QCOMPARE(send("DELETE", deployments + u"/a"_s).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(byName->types(), QStringList{u"DELETED"_s}, 10000);
}

void TstSimWatch::dryRunSendsNothing()
{
    const QString rv = listVersion();
    const auto stream = watch(u"resourceVersion="_s + rv);
    QCOMPARE(send("POST", deployments + u"?dryRun=All"_s, deployment(u"a"_s)).status, 201);
    QCOMPARE(send("POST", deployments, deployment(u"b"_s)).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(stream->events.size(), 1, 10000);
    QCOMPARE(stream->events[0][u"object"][u"metadata"][u"name"].toString(), u"b"_s);
    QCOMPARE(listVersion().toLongLong(), rv.toLongLong() + 1);
}

void TstSimWatch::eventBytesAreTheObjectsJson()
{
    // Given two watches (the second gets the bytes the first one's event serialised)
    const QString rv = listVersion();
    const auto first = watch(u"resourceVersion="_s + rv);
    const auto second = watch(u"resourceVersion="_s + rv);
    // When a Deployment is created, changed and deleted
    const Reply created = send("POST", deployments, deployment(u"a"_s));
    QCOMPARE(created.status, 201);
    const Reply patched = send("PATCH",
                               deployments + u"/a"_s,
                               R"({"metadata":{"labels":{"x":"y"}}})",
                               "application/merge-patch+json");
    QCOMPARE(patched.status, 200);
    // (a watch from now replays the current object as ADDED)
    const auto replay = watch(u"timeoutSeconds=1"_s);
    QTRY_VERIFY_WITH_TIMEOUT(replay->finished, 10000);
    QCOMPARE(send("DELETE", deployments + u"/a"_s).status, 200);
    // Then every event's object is byte for byte the object as a GET or write answers it:
    // compact, keys sorted, the version of that event
    QTRY_COMPARE_WITH_TIMEOUT(second->lines.size(), 3, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(first->lines.size(), 3, 10000);
    QJsonObject deleted = patched.body;
    QJsonObject metadata = deleted[u"metadata"].toObject();
    metadata.insert(u"resourceVersion",
                    first->events[2][u"object"][u"metadata"][u"resourceVersion"]);
    deleted.insert(u"metadata", metadata);
    const QList<QByteArray> expected{"{\"type\":\"ADDED\",\"object\":" + created.raw.trimmed()
                                             + '}',
                                     "{\"type\":\"MODIFIED\",\"object\":" + patched.raw.trimmed()
                                             + '}',
                                     "{\"type\":\"DELETED\",\"object\":"
                                             + QJsonDocument(deleted).toJson(QJsonDocument::Compact)
                                             + '}'};
    QCOMPARE(first->lines, expected);
    QCOMPARE(second->lines, expected);
    QCOMPARE(replay->lines,
             QList<QByteArray>{QByteArray(expected[1]).replace("MODIFIED", "ADDED")});
}

QTEST_GUILESS_MAIN(TstSimWatch)
#include "tst_simwatch.moc"

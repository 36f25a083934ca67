// The informer's list + watch protocol against a scripted API server on 127.0.0.1: paging over
// one snapshot, watch from the list's resourceVersion, resume after a dropped stream from the
// last resourceVersion seen, relist on 410 (status or ERROR event), and backoff on failures.
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/informer.h"
#include "net/transport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace Meridian;
using namespace Meridian::Kube;

namespace {

QByteArray pod(const QString &name, int rv)
{
    return QStringLiteral(
                   R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"%1","namespace":"default","resourceVersion":"%2"}})")
            .arg(name)
            .arg(rv)
            .toUtf8();
}

QByteArray ownedPod(const QString &name, int rv, const QStringList &owners)
{
    QStringList refs;
    for (const QString &owner : owners)
        refs.append(QStringLiteral(R"({"kind":"ReplicaSet","name":"%1","controller":true})")
                            .arg(owner));
    return QStringLiteral(R"({"kind":"Pod","metadata":{"name":"%1","namespace":"default",)"
                          R"("resourceVersion":"%2","ownerReferences":[%3]}})")
            .arg(name)
            .arg(rv)
            .arg(refs.join(u','))
            .toUtf8();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Each incoming request is recorded and answered by the test's current script.
class FakeApiServer final : public QObject
{
public:
    using Script = std::function<void(QTcpSocket *, const QUrlQuery &)>;

    FakeApiServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    const QByteArray head = socket->readAll();
                    const QByteArray target = head.split(' ').value(1);
                    const QUrl url(QString::fromLatin1(target));
                    requests.append(url);
                    const QUrlQuery query(url);
                    if (query.hasQueryItem(QStringLiteral("watch")))
                        onWatch(socket, query);
                    else
                        onList(socket, query);
                });
            }
        });
    }

    static void respond(QTcpSocket *socket, int status, const QByteArray &body)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status)
                      + " X\r\nContent-Type: application/json\r\n"
                        "Content-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    static void startStream(QTcpSocket *socket)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                      "chunked\r\n\r\n");
    }
    static void sendEvent(QTcpSocket *socket, const QByteArray &type, const QByteArray &object)
    {
        const QByteArray line = "{\"type\":\"" + type + "\",\"object\":" + object + "}\n";
        socket->write(QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n");
    }
    static void endStream(QTcpSocket *socket) { socket->write("0\r\n\r\n"); }

    ResolvedContext context() const
    {
        ResolvedContext c;
        c.context.name = QStringLiteral("fake");
        c.cluster.name = QStringLiteral("fake");
        c.cluster.server = QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
        c.user.token = QStringLiteral("t");
        return c;
    }

    QList<QUrl> requests;
    Script onList;
    Script onWatch;

private:
    QTcpServer m_server;
};

QStringList keys(const QHash<QString, QJsonObject> &cache)
{
    QStringList k = cache.keys();
    k.sort();
    return k;
}

} // namespace

class TestInformer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Net::Transport::globalInit(); }

    void listsInPagesThenWatchesFromTheListsVersion()
    {
        // Given: two pages sharing snapshot RV 100, then a watch that adds, modifies and deletes
        FakeApiServer server;
        server.onList = [](QTcpSocket *s, const QUrlQuery &q) {
            if (!q.hasQueryItem(QStringLiteral("continue")))
                FakeApiServer::respond(s,
                                       200,
                                       "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":"
                                       "\"100\",\"continue\":\"page2\"},\"items\":["
                                               + pod(QStringLiteral("a"), 90) + "]}");
            else
                FakeApiServer::respond(s,
                                       200,
                                       "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":"
                                       "\"100\"},\"items\":["
                                               + pod(QStringLiteral("b"), 95) + "]}");
        };
        server.onWatch = [](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::startStream(s);
            FakeApiServer::sendEvent(s, "ADDED", pod(QStringLiteral("c"), 101));
            FakeApiServer::sendEvent(s, "MODIFIED", pod(QStringLiteral("a"), 102));
            FakeApiServer::sendEvent(s, "DELETED", pod(QStringLiteral("b"), 103));
            FakeApiServer::sendEvent(
                    s,
                    "BOOKMARK",
                    R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"110"}})");
        };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/namespaces/default/pods"));
        informer.setPageSize(1);
        QSignalSpy synced(&informer, &Informer::synced);
        QSignalSpy changed(&informer, &Informer::changed);

        // When
        informer.start();

        // Then: one sync with both pages, the watch starts at 100, the cache follows events
        QVERIFY(synced.wait(5000));
        QCOMPARE(synced.at(0).at(0).value<QList<QJsonObject>>().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(informer.resourceVersion(), QStringLiteral("110"), 5000);
        QCOMPARE(keys(informer.cache()),
                 (QStringList{QStringLiteral("default/a"), QStringLiteral("default/c")}));
        QCOMPARE(informer.cache()
                         .value(QStringLiteral("default/a"))
                         .value(QLatin1String("metadata"))
                         .toObject()
                         .value(QLatin1String("resourceVersion"))
                         .toString(),
                 QStringLiteral("102"));
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(QUrlQuery(server.requests[0]).queryItemValue(QStringLiteral("limit")),
                 QStringLiteral("1"));
        QCOMPARE(QUrlQuery(server.requests[1]).queryItemValue(QStringLiteral("continue")),
                 QStringLiteral("page2"));
        const QUrlQuery watch(server.requests[2]);
        QCOMPARE(watch.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("100"));
        QCOMPARE(watch.queryItemValue(QStringLiteral("allowWatchBookmarks")),
                 QStringLiteral("true"));
        QCOMPARE(informer.state(), Informer::State::Watching);
        QCOMPARE(informer.listCount(), 1);
    }

    void aClosedStreamResumesFromTheLastVersion()
    {
        FakeApiServer server;
        int watches = 0;
        server.onList = [](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::respond(
                    s,
                    200,
                    "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"5\"},\"items\":[]}");
        };
        server.onWatch = [&watches](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::startStream(s);
            if (++watches == 1) {
                FakeApiServer::sendEvent(s, "ADDED", pod(QStringLiteral("x"), 7));
                FakeApiServer::endStream(s); // timeoutSeconds ran out
            }
        };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/pods"));
        informer.start();
        QTRY_COMPARE_WITH_TIMEOUT(watches, 2, 5000);
        QCOMPARE(QUrlQuery(server.requests.last())
                         .queryItemValue(QStringLiteral("resourceVersion")),
                 QStringLiteral("7"));
        QCOMPARE(informer.listCount(), 1); // no relist for an ordinary end of stream
        QCOMPARE(keys(informer.cache()),
                 QStringList{QStringLiteral("/x").prepend(QStringLiteral("default"))});
    }

    void projectionAndCompactCache()
    {
        // A projection applies to listed and watched objects alike; a compact cache holds the
        // same objects as bytes and gives them back decoded.
        FakeApiServer server;
        bool watched = false;
        server.onList = [](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::respond(s,
                                   200,
                                   "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":"
                                   "\"5\"},\"items\":["
                                           + pod(QStringLiteral("a"), 4) + "]}");
        };
        server.onWatch = [&watched](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::startStream(s);
            if (!watched) {
                watched = true;
                FakeApiServer::sendEvent(s, "ADDED", pod(QStringLiteral("b"), 6));
            }
        };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/pods"));
        const auto projection = Projection::parse("kind,metadata{name,namespace,resourceVersion}");
        QVERIFY(projection);
        informer.setProjection(*projection);
        informer.setCompactCache(true);
        QSignalSpy synced(&informer, &Informer::synced);
        QSignalSpy changed(&informer, &Informer::changed);
        informer.start();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
        QVERIFY(informer.cache().isEmpty()); // compact: the bytes are elsewhere
        QVERIFY(synced.first().first().value<QList<QJsonObject>>().isEmpty()); // not decoded
        QCOMPARE(informer.size(), 2);
        QCOMPARE(informer.resourceVersion(), QStringLiteral("6"));
        const std::optional<QJsonObject> a = informer.object(QStringLiteral("default/a"));
        QVERIFY(a);
        QCOMPARE(a->value(u"kind").toString(), QStringLiteral("Pod"));
        QVERIFY(!a->contains(u"apiVersion"));
        QCOMPARE(a->value(u"metadata").toObject().keys(),
                 (QStringList{QStringLiteral("name"),
                              QStringLiteral("namespace"),
                              QStringLiteral("resourceVersion")}));
        const auto events = changed.first().first().value<QList<WatchEvent>>();
        QVERIFY(!events.first().object.contains(u"apiVersion"));
        QCOMPARE(events.first().object.value(u"kind").toString(), QStringLiteral("Pod"));
        QStringList names;
        for (const QJsonObject &o : informer.objects())
            names.append(o[u"metadata"][u"name"].toString());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(!informer.object(QStringLiteral("default/c")));
    }

    void indexFollowsListsAndWatchEvents_data()
    {
        QTest::addColumn<bool>("compact");
        QTest::newRow("compact cache") << true;
        QTest::newRow("object cache") << false;
    }

    void indexFollowsListsAndWatchEvents()
    {
        // Given: pods a and b owned by rs-1, c owned by rs-2, then a watch that moves b to rs-2,
        // deletes c and adds d with two owners
        QFETCH(bool, compact);
        FakeApiServer server;
        bool watched = false;
        server.onList = [](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::respond(
                    s,
                    200,
                    "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":"
                    "\"5\"},\"items\":["
                            + ownedPod(QStringLiteral("a"), 1, {QStringLiteral("rs-1")}) + ','
                            + ownedPod(QStringLiteral("b"), 2, {QStringLiteral("rs-1")}) + ','
                            + ownedPod(QStringLiteral("c"), 3, {QStringLiteral("rs-2")}) + "]}");
        };
        server.onWatch = [&watched](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::startStream(s);
            if (watched)
                return;
            watched = true;
            FakeApiServer::sendEvent(s,
                                     "MODIFIED",
                                     ownedPod(QStringLiteral("b"), 6, {QStringLiteral("rs-2")}));
            FakeApiServer::sendEvent(s,
                                     "DELETED",
                                     ownedPod(QStringLiteral("c"), 7, {QStringLiteral("rs-2")}));
            FakeApiServer::sendEvent(s,
                                     "ADDED",
                                     ownedPod(QStringLiteral("d"),
                                              8,
                                              {QStringLiteral("rs-1"), QStringLiteral("rs-3")}));
        };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/pods"));
        const auto projection = Projection::parse("metadata{name,namespace,resourceVersion,"
                                                  "ownerReferences{name}}");
        QVERIFY(projection);
        informer.setProjection(projection->withIndex("metadata.ownerReferences.name"));
        informer.setCompactCache(compact);
        QSignalSpy synced(&informer, &Informer::synced);
        QSignalSpy changed(&informer, &Informer::changed);
        informer.start();
        QVERIFY(synced.wait(5000));
        // Then: the listed pods are indexed by owner
        QCOMPARE(sorted(informer.keysIndexedBy(QStringLiteral("rs-1"))),
                 (QStringList{QStringLiteral("default/a"), QStringLiteral("default/b")}));
        QCOMPARE(informer.keysIndexedBy(QStringLiteral("rs-2")),
                 QStringList{QStringLiteral("default/c")});
        QTRY_COMPARE_WITH_TIMEOUT(informer.resourceVersion(), QStringLiteral("8"), 5000);
        // And: the watch events moved, removed and added index entries
        QCOMPARE(sorted(informer.keysIndexedBy(QStringLiteral("rs-1"))),
                 (QStringList{QStringLiteral("default/a"), QStringLiteral("default/d")}));
        QCOMPARE(informer.keysIndexedBy(QStringLiteral("rs-2")),
                 QStringList{QStringLiteral("default/b")});
        QCOMPARE(informer.keysIndexedBy(QStringLiteral("rs-3")),
                 QStringList{QStringLiteral("default/d")});
        QVERIFY(informer.keysIndexedBy(QStringLiteral("rs-4")).isEmpty());
        QCOMPARE(informer.size(), 3);
    }

    void projectedListPageThatIsNotJsonBacksOff()
    {
        // Given: a server whose first list page is cut short
        FakeApiServer server;
        int lists = 0;
        server.onList = [&lists](QTcpSocket *s, const QUrlQuery &) {
            FakeApiServer::respond(s,
                                   200,
                                   ++lists == 1 ? QByteArray("{\"kind\":\"PodList\",\"items\":[{")
                                                : QByteArray("{\"kind\":\"PodList\",\"metadata\":"
                                                             "{\"resourceVersion\":\"2\"},"
                                                             "\"items\":[]}"));
        };
        server.onWatch = [](QTcpSocket *s, const QUrlQuery &) { FakeApiServer::startStream(s); };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/pods"));
        informer.setProjection(*Projection::parse("metadata"));
        informer.setCompactCache(true);
        informer.setBackoff(10, 20);
        QSignalSpy failed(&informer, &Informer::failed);
        QSignalSpy synced(&informer, &Informer::synced);
        informer.start();
        // Then: the failure says what is wrong, and the next list succeeds
        QVERIFY(synced.wait(5000));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().startsWith(
                         QStringLiteral("the list response is not JSON: ")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(lists, 2);
        QCOMPARE(informer.size(), 0);
    }

    void expiredWatchRelists_data()
    {
        QTest::addColumn<bool>("asStatus");
        QTest::newRow("410 as the response status") << true;
        QTest::newRow("410 as an ERROR event") << false;
    }

    void expiredWatchRelists()
    {
        QFETCH(bool, asStatus);
        FakeApiServer server;
        int lists = 0;
        int watches = 0;
        server.onList = [&lists](QTcpSocket *s, const QUrlQuery &) {
            ++lists;
            const QByteArray items
                    = lists == 1 ? pod(QStringLiteral("old"), 1) : pod(QStringLiteral("new"), 50);
            FakeApiServer::respond(s,
                                   200,
                                   "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\""
                                           + QByteArray::number(lists == 1 ? 1 : 50)
                                           + "\"},\"items\":[" + items + "]}");
        };
        const QByteArray expired
                = R"json({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (40)","reason":"Expired","code":410})json";
        server.onWatch = [&, asStatus](QTcpSocket *s, const QUrlQuery &) {
            if (++watches > 1) {
                FakeApiServer::startStream(s);
                return;
            }
            if (asStatus) {
                FakeApiServer::respond(s, 410, expired);
            } else {
                FakeApiServer::startStream(s);
                FakeApiServer::sendEvent(s, "ERROR", expired);
            }
        };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/pods"));
        informer.setBackoff(10, 50);
        informer.setJitterSeed(1);
        QSignalSpy failed(&informer, &Informer::failed);
        informer.start();
        QTRY_COMPARE_WITH_TIMEOUT(lists, 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(informer.resourceVersion(), QStringLiteral("50"), 5000);
        QCOMPARE(keys(informer.cache()), QStringList{QStringLiteral("default/new")});
        QVERIFY(!failed.isEmpty());
        QCOMPARE(failed.at(0).at(1).toInt(), 410);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("too old resource version: 1 (40)"));
    }

    void failuresBackOffAndRecover()
    {
        FakeApiServer server;
        int lists = 0;
        server.onList = [&lists](QTcpSocket *s, const QUrlQuery &) {
            if (++lists < 4) {
                FakeApiServer::respond(
                        s,
                        503,
                        R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"overloaded","reason":"ServiceUnavailable","code":503})");
                return;
            }
            FakeApiServer::respond(
                    s,
                    200,
                    "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[]}");
        };
        server.onWatch = [](QTcpSocket *s, const QUrlQuery &) { FakeApiServer::startStream(s); };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/pods"));
        informer.setBackoff(20, 100);
        informer.setJitterSeed(7);
        QSignalSpy states(&informer, &Informer::stateChanged);
        QSignalSpy synced(&informer, &Informer::synced);
        informer.start();
        QVERIFY(synced.wait(5000));
        QCOMPARE(lists, 4);
        QCOMPARE(informer.lastError(), QStringLiteral("overloaded"));
        bool backedOff = false;
        for (const auto &s : std::as_const(states))
            backedOff |= s.at(0).value<Informer::State>() == Informer::State::BackingOff;
        QVERIFY(backedOff);
        QTRY_COMPARE(informer.state(), Informer::State::Watching);
        informer.stop();
        QCOMPARE(informer.state(), Informer::State::Idle);
    }

    void retryNowSkipsTheBackoff()
    {
        // Given: a server that fails the first list, and a backoff of a minute
        FakeApiServer server;
        int lists = 0;
        server.onList = [&lists](QTcpSocket *s, const QUrlQuery &) {
            if (++lists == 1) {
                FakeApiServer::respond(
                        s,
                        503,
                        R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"down","reason":"ServiceUnavailable","code":503})");
                return;
            }
            FakeApiServer::respond(
                    s,
                    200,
                    "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"3\"},\"items\":[]}");
        };
        server.onWatch = [](QTcpSocket *s, const QUrlQuery &) { FakeApiServer::startStream(s); };
        Net::Transport transport;
        ApiClient client(server.context(), &transport, nullptr);
        Informer informer(&client, QStringLiteral("/api/v1/pods"));
        informer.setBackoff(60000, 60000);
        QSignalSpy synced(&informer, &Informer::synced);
        informer.start();
        QTRY_COMPARE(informer.state(), Informer::State::BackingOff);
        informer.retryNow(); // a no-op while listing or watching, so only now
        // Then: it lists again at once instead of in 30 to 60 s
        QVERIFY(synced.wait(5000));
        QCOMPARE(lists, 2);
        QTRY_COMPARE(informer.state(), Informer::State::Watching);
        informer.retryNow(); // watching: nothing to do
        QTest::qWait(50);
        QCOMPARE(lists, 2);
    }
};

QTEST_GUILESS_MAIN(TestInformer)
#include "tst_informer.moc"

// Lists served through the ServedJsonCache and built by concatenation are byte for byte what the
// simulator served before: one QJsonDocument of {kind, apiVersion, metadata, items} over the
// snapshot, written here independently of KubeApi (the reference), and the same requests
// answered by a simulator with the cache off. Across pages with continue tokens, label
// selectors, updates, deletes, lists served from history, and for the cache's own bytes.

#include "sim/clusterstate.h"
#include "sim/kubeapi.h"
#include "sim/router.h"
#include "sim/scenario.h"
#include "sim/servedjsoncache.h"
#include "sim/simclock.h"
#include "sim/staticpods.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim;

namespace {

// One simulated cluster without sockets and without a running clock (creation timestamps are
// the fixed epoch), so two fixtures given the same writes hold the same bytes.
class Fixture
{
public:
    explicit Fixture(bool cache)
        : m_state(spec(cache))
        , m_api(&m_state, &m_clock)
    {
        m_api.registerRoutes(&m_router);
    }

    HttpResponse get(const QString &target)
    {
        HttpRequest request;
        request.method = "GET";
        const qsizetype mark = target.indexOf(u'?');
        request.path = mark < 0 ? target : target.left(mark);
        if (mark >= 0)
            request.query = QUrlQuery(target.mid(mark + 1));
        request.headers = {{"accept", "application/json"}, {"user-agent", "tst/1.0"}};
        return m_router.dispatch(request);
    }

    ClusterState &state() { return m_state; }
    KubeApi &api() { return m_api; }

private:
    static ClusterSpec spec(bool cache)
    {
        Options options;
        options.scenario = u"test"_s;
        options.clusters = 1;
        options.controllers = false;
        options.servedJsonCache = cache;
        return buildScenario(options)->first();
    }

    SimClock m_clock;
    ClusterState m_state;
    KubeApi m_api;
    Router m_router;
};

QString keyOf(const QJsonObject &object)
{
    return object[u"metadata"][u"namespace"].toString() + u'/'
           + object[u"metadata"][u"name"].toString();
}

// Upstream's token: base64url of {"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}.
QString continueToken(quint64 at, const QString &key)
{
    const QByteArray start
            = QJsonDocument(QJsonArray{QString(key + QChar(u'\0'))}).toJson(QJsonDocument::Compact);
    const QByteArray json = "{\"v\":\"meta.k8s.io/v1\",\"rv\":" + QByteArray::number(at)
                            + ",\"start\":" + start.mid(1, start.size() - 2) + '}';
    return QString::fromLatin1(
            json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The key a continue token resumes after.
QString startOf(const QString &token)
{
    const QByteArray json = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    QString start = QJsonDocument::fromJson(json).object()[u"start"].toString();
    start.chop(1); // the trailing NUL
    return start;
}

struct Page
{
    QByteArray body;
    QString next; // continue token, empty on the last page
};

// The old way: the snapshot's objects from ClusterState::listAt, filtered and paged, without
// kind and apiVersion, in one QJsonDocument.
Page reference(const ClusterState &state,
               const QString &resource,
               const QString &kind,
               const QString &apiVersion,
               const QString &ns,
               quint64 at,
               const QString &start,
               int limit,
               const std::function<bool(const QJsonObject &)> &matches = {})
{
    QList<QJsonObject> objects;
    Page page;
    qint64 remaining = 0;
    const QList<QJsonObject> snapshot = *state.listAt(resource, ns, at);
    for (const QJsonObject &object : snapshot) {
        if (!start.isEmpty() && keyOf(object) <= start)
            continue;
        if (matches && !matches(object))
            continue;
        if (limit > 0 && objects.size() >= limit) {
            if (page.next.isEmpty())
                page.next = continueToken(at, keyOf(objects.last()));
            ++remaining;
            continue;
        }
        objects.append(object);
    }
    QJsonArray items;
    for (QJsonObject object : objects) {
        object.remove(u"kind");
        object.remove(u"apiVersion");
        items.append(object);
    }
    QJsonObject metadata{{u"resourceVersion"_s, QString::number(at)}};
    if (!page.next.isEmpty()) {
        metadata.insert(u"continue", page.next);
        if (!matches)
            metadata.insert(u"remainingItemCount", remaining);
    }
    page.body = QJsonDocument(QJsonObject{{u"kind"_s, kind},
                                          {u"apiVersion"_s, apiVersion},
                                          {u"metadata"_s, metadata},
                                          {u"items"_s, items}})
                        .toJson(QJsonDocument::Compact)
                + '\n';
    return page;
}

bool isDb(const QJsonObject &object)
{
    return object[u"metadata"][u"labels"][u"tier"].toString() == u"db";
}

} // namespace

class TstSimListBytes final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pagesMatchTheOldBytes();
    void selectorUpdatesDeletesAndHistory();
    void otherResources();
    void preparedAtStart();
    void cacheBytesAndBounds();

private:
    // Asks both simulators (cache on, cache off) and checks both against the reference. Returns
    // the reference page so the caller can follow its continue token.
    Page expectList(const QString &path,
                    const QString &query,
                    const QString &resource,
                    const QString &kind,
                    const QString &apiVersion,
                    const QString &ns,
                    quint64 at,
                    const QString &start,
                    int limit,
                    const std::function<bool(const QJsonObject &)> &matches = {});
    // Every page of a list, following continue tokens from the first request on.
    int walk(const QString &path,
             const QString &filter,
             const QString &ns,
             int limit,
             const std::function<bool(const QJsonObject &)> &matches = {});
    // The same write on both simulators.
    void both(const std::function<void(ClusterState &)> &write);

    std::unique_ptr<Fixture> m_cached;
    std::unique_ptr<Fixture> m_plain;
};

void TstSimListBytes::init()
{
    m_cached = std::make_unique<Fixture>(true);
    m_plain = std::make_unique<Fixture>(false);
    both([](ClusterState &state) {
        seedStaticPods(state, 23, u"default"_s);
        seedStaticPods(state, 6, u"kube-system"_s);
    });
}

void TstSimListBytes::cleanup()
{
    m_cached.reset();
    m_plain.reset();
}

void TstSimListBytes::both(const std::function<void(ClusterState &)> &write)
{
    write(m_cached->state());
    write(m_plain->state());
    QCOMPARE(m_cached->state().currentVersion(), m_plain->state().currentVersion());
}

Page TstSimListBytes::expectList(const QString &path,
                                 const QString &query,
                                 const QString &resource,
                                 const QString &kind,
                                 const QString &apiVersion,
                                 const QString &ns,
                                 quint64 at,
                                 const QString &start,
                                 int limit,
                                 const std::function<bool(const QJsonObject &)> &matches)
{
    const Page expected = reference(m_cached->state(),
                                    resource,
                                    kind,
                                    apiVersion,
                                    ns,
                                    at,
                                    start,
                                    limit,
                                    matches);
    const QString target = query.isEmpty() ? path : path + u'?' + query;
    const HttpResponse cached = m_cached->get(target);
    const HttpResponse plain = m_plain->get(target);
    [&] {
        QCOMPARE(cached.status, 200);
        QCOMPARE(plain.status, 200);
        QCOMPARE(cached.body, expected.body);
        QCOMPARE(plain.body, expected.body);
        QCOMPARE(cached.headers, plain.headers);
    }();
    if (QTest::currentTestFailed()) {
        qsizetype at = 0;
        while (at < cached.body.size() && at < expected.body.size()
               && cached.body[at] == expected.body[at])
            ++at;
        qWarning("while listing %s: differs at byte %lld: ...%s... expected ...%s...",
                 qPrintable(target),
                 static_cast<long long>(at),
                 cached.body.mid(qMax(0, at - 60), 120).constData(),
                 expected.body.mid(qMax(0, at - 60), 120).constData());
    }
    return expected;
}

int TstSimListBytes::walk(const QString &path,
                          const QString &filter,
                          const QString &ns,
                          int limit,
                          const std::function<bool(const QJsonObject &)> &matches)
{
    const quint64 at = m_cached->state().currentVersion();
    QString start;
    QString token;
    int pages = 0;
    do {
        QStringList query;
        if (!filter.isEmpty())
            query.append(filter);
        if (limit > 0)
            query.append(u"limit="_s + QString::number(limit));
        if (!token.isEmpty())
            query.append(u"continue="_s + token);
        const Page page = expectList(path,
                                     query.join(u'&'),
                                     u"pods"_s,
                                     u"PodList"_s,
                                     u"v1"_s,
                                     ns,
                                     at,
                                     start,
                                     limit,
                                     matches);
        if (QTest::currentTestFailed())
            return pages;
        ++pages;
        token = page.next;
        start = startOf(token);
    } while (!token.isEmpty());
    return pages;
}

void TstSimListBytes::pagesMatchTheOldBytes()
{
    // Every pod at once, cluster-wide pages, one namespace's pages, a page larger than the list.
    QCOMPARE(walk(u"/api/v1/pods"_s, {}, {}, 0), 1);
    QCOMPARE(walk(u"/api/v1/pods"_s, {}, {}, 7), 5); // 29 pods
    QCOMPARE(walk(u"/api/v1/namespaces/default/pods"_s, {}, u"default"_s, 10), 3);
    QCOMPARE(walk(u"/api/v1/namespaces/kube-system/pods"_s, {}, u"kube-system"_s, 4), 2);
    QCOMPARE(walk(u"/api/v1/namespaces/default/pods"_s, {}, u"default"_s, 500), 1);
    // Served twice: the second time from the cache, same bytes.
    QCOMPARE(walk(u"/api/v1/pods"_s, {}, {}, 7), 5);
    QCOMPARE(walk(u"/api/v1/namespaces/empty/pods"_s, {}, u"empty"_s, 3), 1);
}

void TstSimListBytes::selectorUpdatesDeletesAndHistory()
{
    // A paged list started now and finished after the writes below: served from history.
    const quint64 before = m_cached->state().currentVersion();
    const Page first = expectList(u"/api/v1/pods"_s,
                                  u"limit=5"_s,
                                  u"pods"_s,
                                  u"PodList"_s,
                                  u"v1"_s,
                                  {},
                                  before,
                                  {},
                                  5);
    QVERIFY(!first.next.isEmpty());

    // Five pods get a label (a new resourceVersion each), two are deleted.
    QStringList names;
    for (const QJsonObject &pod : m_cached->state().list(u"pods"_s, u"default"_s))
        names.append(pod[u"metadata"][u"name"].toString());
    both([&names](ClusterState &state) {
        for (int i = 1; i < 20; i += 4) {
            QJsonObject pod = *state.get(u"pods"_s, u"default"_s, names[i]);
            QJsonObject metadata = pod[u"metadata"].toObject();
            QJsonObject labels = metadata[u"labels"].toObject();
            labels.insert(u"tier", u"db"_s);
            metadata.insert(u"labels", labels);
            pod.insert(u"metadata", metadata);
            state.update(u"pods"_s, pod);
        }
        state.remove(u"pods"_s, u"default"_s, names[5]);
        state.remove(u"pods"_s, u"default"_s, names[2]);
    });

    // Now: the changed pods re-serialised, the deleted ones gone.
    QCOMPARE(walk(u"/api/v1/pods"_s, {}, {}, 6), 5);                                 // 27 pods
    QCOMPARE(walk(u"/api/v1/pods"_s, u"labelSelector=tier%3Ddb"_s, {}, 2, isDb), 2); // 4 pods
    QCOMPARE(walk(u"/api/v1/namespaces/default/pods"_s,
                  u"labelSelector=tier%3Ddb"_s,
                  u"default"_s,
                  3,
                  isDb),
             2);
    QCOMPARE(walk(u"/api/v1/pods"_s, u"labelSelector=tier%3Ddb"_s, {}, 0, isDb), 1);

    // The rest of the first list: the old versions, the deleted pods still there.
    QString token = first.next;
    while (!token.isEmpty()) {
        const Page page = expectList(u"/api/v1/pods"_s,
                                     u"limit=5&continue="_s + token,
                                     u"pods"_s,
                                     u"PodList"_s,
                                     u"v1"_s,
                                     {},
                                     before,
                                     startOf(token),
                                     5);
        if (QTest::currentTestFailed())
            return;
        token = page.next;
    }
    // An explicit older resourceVersion with a limit is also served from history ...
    expectList(u"/api/v1/namespaces/default/pods"_s,
               u"limit=30&resourceVersion="_s + QString::number(before),
               u"pods"_s,
               u"PodList"_s,
               u"v1"_s,
               u"default"_s,
               before,
               {},
               30);
    // ... and the current list after it is the current bytes again.
    QCOMPARE(walk(u"/api/v1/namespaces/default/pods"_s, {}, u"default"_s, 0), 1);
}

void TstSimListBytes::otherResources()
{
    const quint64 at = m_cached->state().currentVersion();
    expectList(u"/apis/apps/v1/deployments"_s,
               {},
               u"deployments.apps"_s,
               u"DeploymentList"_s,
               u"apps/v1"_s,
               {},
               at,
               {},
               0);
    expectList(u"/apis/apps/v1/namespaces/kube-system/replicasets"_s,
               u"limit=1"_s,
               u"replicasets.apps"_s,
               u"ReplicaSetList"_s,
               u"apps/v1"_s,
               u"kube-system"_s,
               at,
               {},
               1);
    expectList(u"/api/v1/namespaces"_s,
               u"limit=3"_s,
               u"namespaces"_s,
               u"NamespaceList"_s,
               u"v1"_s,
               {},
               at,
               {},
               3);
    // Nodes get a fresh heartbeat as they are served, so no fixed reference: they are never
    // cached, and their list has the same shape with and without the cache.
    const HttpResponse nodes = m_cached->get(u"/api/v1/nodes"_s);
    QCOMPARE(nodes.status, 200);
    const QJsonObject list = QJsonDocument::fromJson(nodes.body).object();
    QCOMPARE(list[u"kind"].toString(), u"NodeList"_s);
    QCOMPARE(list[u"items"].toArray().size(), m_cached->state().list(u"nodes"_s).size());
    QCOMPARE(QJsonDocument(list).toJson(QJsonDocument::Compact) + '\n', nodes.body);
}

void TstSimListBytes::preparedAtStart()
{
    // As Federation does for seeded pods: everything serialised before the first list.
    m_cached->api().prepareServedJson();
    m_plain->api().prepareServedJson(); // nothing to do without the cache
    QCOMPARE(walk(u"/api/v1/pods"_s, {}, {}, 10), 3);
    otherResources();
    both([](ClusterState &state) {
        QJsonObject pod = state.list(u"pods"_s, u"kube-system"_s).first();
        pod.insert(u"status", QJsonObject{{u"phase"_s, u"Failed"_s}});
        state.update(u"pods"_s, pod);
    });
    QCOMPARE(walk(u"/api/v1/namespaces/kube-system/pods"_s, {}, u"kube-system"_s, 0), 1);
}

void TstSimListBytes::cacheBytesAndBounds()
{
    ServedJsonCache cache;
    QJsonObject pod = m_cached->state().list(u"pods"_s).first();
    const QString key = keyOf(pod);
    QJsonObject item = pod;
    item.remove(u"kind");
    item.remove(u"apiVersion");
    QCOMPARE(cache.bytes(key, pod, ServedJsonCache::Form::Item),
             QJsonDocument(item).toJson(QJsonDocument::Compact));
    QCOMPARE(cache.bytes(key, pod, ServedJsonCache::Form::Object),
             QJsonDocument(pod).toJson(QJsonDocument::Compact));
    QVERIFY(cache.bytes(key, pod, ServedJsonCache::Form::Object)
                    .startsWith("{\"apiVersion\":\"v1\""));

    // A new resourceVersion means new bytes, even under the same key.
    QJsonObject metadata = pod[u"metadata"].toObject();
    metadata.insert(u"resourceVersion", u"999999"_s);
    metadata.insert(u"labels", QJsonObject{{u"changed"_s, u"yes"_s}});
    pod.insert(u"metadata", metadata);
    QCOMPARE(cache.bytes(key, pod, ServedJsonCache::Form::Object),
             QJsonDocument(pod).toJson(QJsonDocument::Compact));
    QCOMPARE(cache.size(), 1);

    // Bounded: entries of objects that are gone go once they outnumber the live ones.
    QMap<QString, QJsonObject> live;
    for (int i = 0; i < 200; ++i) {
        QJsonObject object{{u"kind"_s, u"Pod"_s},
                           {u"metadata"_s,
                            QJsonObject{{u"name"_s, u"p%1"_s.arg(i)},
                                        {u"namespace"_s, u"default"_s},
                                        {u"resourceVersion"_s, QString::number(i + 1)}}}};
        cache.bytes(keyOf(object), object, ServedJsonCache::Form::Item);
        if (i >= 190)
            live.insert(keyOf(object), object);
    }
    QCOMPARE(cache.size(), 201);
    cache.prune(live);
    QCOMPARE(cache.size(), 10);
    cache.prune(live); // below the bound: nothing to do
    QCOMPARE(cache.size(), 10);
}

QTEST_GUILESS_MAIN(TstSimListBytes)
#include "tst_simlistbytes.moc"

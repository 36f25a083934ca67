#pragma once

#include "apiclient.h"
#include "projection.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <optional>
#include <random>

namespace Meridian::Kube {

struct WatchEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    QJsonObject object;
};

// Keeps a live copy of one collection (e.g. /apis/apps/v1/namespaces/web/deployments) the way
// client-go's reflector does: list in pages of `limit` over one snapshot, then watch from the
// list's resourceVersion; on a dropped stream resume from the last resourceVersion seen; on 410
// (or an ERROR event) relist; between failures wait with exponential backoff and jitter.
// Lives on the API worker thread; all JSON decoding happens there.
class Informer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Informer)

public:
    enum class State { Idle, Listing, Watching, BackingOff };
    Q_ENUM(State)

    Informer(ApiClient *client, QString collectionPath, QObject *parent = nullptr);
    ~Informer() override;

    void setPageSize(int limit) { m_pageSize = limit; }
    void setLabelSelector(const QString &selector) { m_labelSelector = selector; }
    void setWatchTimeoutSeconds(int seconds) { m_watchTimeoutSeconds = seconds; }
    void setBackoff(int initialMs, int maxMs);
    void setJitterSeed(quint32 seed) { m_random.seed(seed); }
    // Applied to every listed and watched object before it is cached or signalled (e.g.
    // podProjection() from objecttrim.h): keep only what is read. It must keep metadata's name,
    // namespace and resourceVersion. List pages are then parsed with simdjson and projected
    // while parsing: no QJsonDocument tree of the whole page.
    void setProjection(Projection projection) { m_projection = std::move(projection); }
    // Keep each cached object as compact JSON bytes instead of a QJsonObject tree (about a
    // seventh of the memory for a pod), decoded on demand by objects() / object(). cache() is
    // then empty, and so is synced()'s list: nothing is decoded that nobody asked for. For large
    // collections read rarely (pods).
    void setCompactCache(bool compact) { m_compactCache = compact; }

    void start();
    void stop();
    // While backing off: retry at once with the backoff reset (the server is known to be back).
    void retryNow();

    State state() const { return m_state; }
    QString resourceVersion() const { return m_resourceVersion; }
    const QHash<QString, QJsonObject> &cache() const { return m_cache; } // key: namespace/name
    // Every cached object and one by key, whether the cache is compact or not.
    qsizetype size() const { return m_compactCache ? m_compact.size() : m_cache.size(); }
    QList<QJsonObject> objects() const;
    std::optional<QJsonObject> object(const QString &key) const;
    // Keys of the cached objects whose index value is `value` (a projection withIndex(): e.g. the
    // pods a ReplicaSet owns, the events about one object).
    QStringList keysIndexedBy(const QString &value) const;
    int listCount() const { return m_lists; }
    int watchCount() const { return m_watches; }
    QString lastError() const { return m_lastError; }

    static QString keyOf(const QJsonObject &object);

signals:
    // A complete list replaced the cache (the first sync, and every relist). `items` is what
    // was listed, or empty with a compact cache (read objects() if needed).
    void synced(const QList<QJsonObject> &items);
    // Watch events in arrival order, one signal per received chunk.
    void changed(const QList<Meridian::Kube::WatchEvent> &events);
    void stateChanged(Meridian::Kube::Informer::State state);
    // A list or watch failed; the informer retries by itself after a backoff.
    void failed(const QString &reason, int httpStatus);

private:
    void setState(State state);
    void list(const QString &continueToken);
    // Takes one page of a list response; false (and the reason in m_lastError) if unusable.
    bool takePage(const QByteArray &body, QString *continueToken);
    void watch();
    void onWatchChunk(const QByteArray &chunk);
    void onWatchDone(const Net::Response &response);
    void relist();
    void retryLater(bool relistAfter);
    QString query(const QStringList &parts) const;

    QPointer<ApiClient> m_client;
    QString m_path;
    QString m_labelSelector;
    std::optional<Projection> m_projection;
    int m_pageSize = 500;
    int m_watchTimeoutSeconds = 300;
    int m_backoffInitialMs = 500;
    int m_backoffMaxMs = 30000;
    int m_attempts = 0;
    std::mt19937 m_random{std::random_device{}()};

    State m_state = State::Idle;
    QString m_resourceVersion;
    QHash<QString, QJsonObject> m_cache;
    QHash<QString, QByteArray> m_compact; // the cache when m_compactCache
    bool m_compactCache = false;
    void store(const QString &key, const QJsonObject &object);
    void forget(const QString &key);
    void index(const QString &key, const QStringList &values);
    void unindex(const QString &key);
    QHash<QString, QStringList> m_index;      // index value -> keys
    QList<QJsonObject> m_listing;             // pages collected so far
    QList<Projection::Item> m_listingCompact; // the same, with a compact cache
    QString m_listResourceVersion;
    QByteArray m_partialLine;
    RequestHandlePtr m_request;
    QTimer m_retryTimer;
    bool m_relistPending = false;
    int m_lists = 0;
    int m_watches = 0;
    QString m_lastError;
};

} // namespace Meridian::Kube

Q_DECLARE_METATYPE(Meridian::Kube::WatchEvent)

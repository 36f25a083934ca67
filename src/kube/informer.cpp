#include "informer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Meridian::Kube {

namespace {

QString metadataString(const QJsonObject &object, QLatin1String key)
{
    return object.value(QLatin1String("metadata")).toObject().value(key).toString();
}

} // namespace

Informer::Informer(ApiClient *client, QString collectionPath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(collectionPath))
    , m_retryTimer(this)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_relistPending || m_resourceVersion.isEmpty())
            relist();
        else
            watch();
    });
}

Informer::~Informer()
{
    stop();
}

void Informer::setBackoff(int initialMs, int maxMs)
{
    m_backoffInitialMs = initialMs;
    m_backoffMaxMs = maxMs;
}

QString Informer::keyOf(const QJsonObject &object)
{
    return metadataString(object, QLatin1String("namespace")) + u'/'
           + metadataString(object, QLatin1String("name"));
}

void Informer::store(const QString &key, const QJsonObject &object)
{
    unindex(key);
    if (m_compactCache)
        m_compact.insert(key, QJsonDocument(object).toJson(QJsonDocument::Compact));
    else
        m_cache.insert(key, object);
    if (m_projection && m_projection->hasIndex())
        index(key, m_projection->indexValues(object));
}

void Informer::forget(const QString &key)
{
    unindex(key);
    m_cache.remove(key);
    m_compact.remove(key);
}

void Informer::index(const QString &key, const QStringList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString &value = values[i];
        if (values.indexOf(value) < i)
            continue; // an object naming the same owner twice is indexed once
        // The key's string is shared with the cache's, and a value already indexed is not
        // stored again. (An object is unindexed before it is stored again: no duplicates.)
        auto it = m_index.find(value);
        if (it == m_index.end())
            it = m_index.insert(value, {});
        it->append(key);
    }
}

void Informer::unindex(const QString &key)
{
    if (!m_projection || !m_projection->hasIndex())
        return;
    QStringList values;
    if (m_compactCache) {
        const auto it = m_compact.constFind(key);
        if (it == m_compact.cend())
            return;
        values = m_projection->indexValuesOfJson(*it);
    } else {
        const auto it = m_cache.constFind(key);
        if (it == m_cache.cend())
            return;
        values = m_projection->indexValues(*it);
    }
    for (const QString &value : std::as_const(values)) {
        const auto it = m_index.find(value);
        if (it == m_index.end())
            continue;
        it->removeOne(key);
        if (it->isEmpty())
            m_index.erase(it);
    }
}

QStringList Informer::keysIndexedBy(const QString &value) const
{
    return m_index.value(value);
}

QList<QJsonObject> Informer::objects() const
{
    if (!m_compactCache)
        return m_cache.values();
    QList<QJsonObject> result;
    result.reserve(m_compact.size());
    for (const QByteArray &bytes : m_compact)
        result.append(QJsonDocument::fromJson(bytes).object());
    return result;
}

std::optional<QJsonObject> Informer::object(const QString &key) const
{
    if (!m_compactCache) {
        const auto it = m_cache.constFind(key);
        return it == m_cache.cend() ? std::nullopt : std::optional<QJsonObject>(*it);
    }
    const auto it = m_compact.constFind(key);
    if (it == m_compact.cend())
        return std::nullopt;
    return QJsonDocument::fromJson(*it).object();
}

void Informer::start()
{
    if (m_state != State::Idle)
        return;
    relist();
}

void Informer::stop()
{
    m_retryTimer.stop();
    if (m_request) {
        auto request = std::exchange(m_request, {});
        request->cancel();
    }
    setState(State::Idle);
}

void Informer::setState(State state)
{
    if (m_state == state)
        return;
    // The projection's parser buffers (megabytes for pages of pods) are needed while any
    // informer of this thread lists; once the last one is done they are given back.
    thread_local int listing = 0;
    if (state == State::Listing) {
        ++listing;
    } else if (m_state == State::Listing && --listing == 0) {
        Projection::releaseParserMemory();
    }
    m_state = state;
    emit stateChanged(state);
}

QString Informer::query(const QStringList &parts) const
{
    QStringList all = parts;
    if (!m_labelSelector.isEmpty())
        all.append(QStringLiteral("labelSelector=")
                   + QString::fromLatin1(QUrl::toPercentEncoding(m_labelSelector)));
    return m_path + u'?' + all.join(u'&');
}

void Informer::relist()
{
    m_relistPending = false;
    m_listing.clear();
    m_listingCompact.clear();
    m_listResourceVersion.clear();
    list({});
}

void Informer::list(const QString &continueToken)
{
    setState(State::Listing);
    QStringList parts{QStringLiteral("limit=%1").arg(m_pageSize)};
    if (!continueToken.isEmpty())
        parts.append(QStringLiteral("continue=")
                     + QString::fromLatin1(QUrl::toPercentEncoding(continueToken)));
    m_request = m_client->get(query(parts), [this](const Net::Response &response) {
        m_request.reset();
        if (response.outcome == Net::Response::Outcome::Cancelled)
            return;
        if (!response.isHttpSuccess()) {
            const ApiError error = apiErrorFrom(response);
            m_lastError = error.message;
            emit failed(error.message, response.httpStatus);
            // A 410 here means the continue token expired: start the list again.
            retryLater(true);
            return;
        }
        QString next;
        if (!takePage(response.body, &next)) {
            emit failed(m_lastError, response.httpStatus);
            retryLater(true);
            return;
        }
        if (!next.isEmpty()) {
            list(next);
            return;
        }
        ++m_lists;
        m_attempts = 0;
        m_cache.clear();
        m_compact.clear();
        m_index.clear();
        if (m_compactCache) {
            for (Projection::Item &item : m_listingCompact) {
                m_compact.insert(item.key, std::move(item.json));
                index(item.key, item.index);
            }
            m_listingCompact.clear();
        } else {
            for (const QJsonObject &item : std::as_const(m_listing))
                store(keyOf(item), item);
        }
        m_resourceVersion = m_listResourceVersion;
        emit synced(std::exchange(m_listing, {}));
        watch();
    });
}

bool Informer::takePage(const QByteArray &body, QString *continueToken)
{
    if (m_projection) {
        Result<Projection::Page> page = m_projection->projectListPage(body);
        if (!page) {
            m_lastError = page.error().message;
            return false;
        }
        if (m_listResourceVersion.isEmpty())
            m_listResourceVersion = page->resourceVersion;
        *continueToken = page->continueToken;
        if (m_compactCache) {
            m_listingCompact.append(std::move(page->items));
        } else {
            for (const Projection::Item &item : std::as_const(page->items))
                m_listing.append(QJsonDocument::fromJson(item.json).object());
        }
        return true;
    }
    QJsonParseError parseError{};
    const QJsonObject page = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        m_lastError = tr("the list response is not JSON: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonObject metadata = page.value(QLatin1String("metadata")).toObject();
    if (m_listResourceVersion.isEmpty())
        m_listResourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
    const QJsonArray items = page.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        if (m_compactCache) {
            const QJsonObject object = item.toObject();
            m_listingCompact.append(
                    {keyOf(object), QJsonDocument(object).toJson(QJsonDocument::Compact), {}});
        } else {
            m_listing.append(item.toObject());
        }
    }
    *continueToken = metadata.value(QLatin1String("continue")).toString();
    return true;
}

void Informer::watch()
{
    setState(State::Watching);
    m_partialLine.clear();
    ++m_watches;
    const QStringList parts{QStringLiteral("watch=1"),
                            QStringLiteral("resourceVersion=") + m_resourceVersion,
                            QStringLiteral("allowWatchBookmarks=true"),
                            QStringLiteral("timeoutSeconds=%1").arg(m_watchTimeoutSeconds)};
    m_request = m_client->stream(
            query(parts),
            [this](const QByteArray &chunk) { onWatchChunk(chunk); },
            [this](const Net::Response &response) { onWatchDone(response); });
}

void Informer::onWatchChunk(const QByteArray &chunk)
{
    m_partialLine += chunk;
    QList<WatchEvent> events;
    qsizetype start = 0;
    bool mustRelist = false;
    for (qsizetype newline = m_partialLine.indexOf('\n'); newline >= 0;
         newline = m_partialLine.indexOf('\n', start)) {
        const QByteArray line = m_partialLine.mid(start, newline - start).trimmed();
        start = newline + 1;
        if (line.isEmpty() || mustRelist)
            continue;
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString type = event.value(QLatin1String("type")).toString();
        QJsonObject object = event.value(QLatin1String("object")).toObject();
        if (m_projection && type != QLatin1String("ERROR") && type != QLatin1String("BOOKMARK"))
            object = m_projection->apply(object);
        const QString rv = metadataString(object, QLatin1String("resourceVersion"));
        if (type == QLatin1String("ERROR") || event.isEmpty()) {
            // 410 Expired/Gone, or anything else the server could not stream: start over.
            m_lastError = event.isEmpty() ? tr("a watch event is not JSON")
                                          : object.value(QLatin1String("message")).toString();
            emit failed(m_lastError, object.value(QLatin1String("code")).toInt());
            mustRelist = true;
            continue;
        }
        if (!rv.isEmpty())
            m_resourceVersion = rv;
        if (type == QLatin1String("BOOKMARK"))
            continue;
        WatchEvent e;
        e.object = object;
        const QString key = keyOf(object);
        if (type == QLatin1String("ADDED")) {
            e.type = WatchEvent::Type::Added;
            store(key, object);
        } else if (type == QLatin1String("MODIFIED")) {
            e.type = WatchEvent::Type::Modified;
            store(key, object);
        } else if (type == QLatin1String("DELETED")) {
            e.type = WatchEvent::Type::Deleted;
            forget(key);
        } else {
            continue;
        }
        events.append(e);
    }
    m_partialLine.remove(0, start);
    if (!events.isEmpty()) {
        m_attempts = 0;
        emit changed(events);
    }
    if (mustRelist) {
        m_relistPending = true;
        if (m_request)
            std::exchange(m_request, {})->cancel();
        m_retryTimer.start(0);
    }
}

void Informer::onWatchDone(const Net::Response &response)
{
    m_request.reset();
    if (response.outcome == Net::Response::Outcome::Cancelled)
        return;
    if (response.isHttpSuccess()) {
        // The server closed the stream (timeoutSeconds): resume at once from where we are.
        watch();
        return;
    }
    const ApiError error = apiErrorFrom(response);
    m_lastError = error.message;
    emit failed(error.message, response.httpStatus);
    retryLater(response.httpStatus == 410);
}

void Informer::retryNow()
{
    if (m_state != State::BackingOff)
        return;
    m_attempts = 0;
    m_retryTimer.start(0);
}

void Informer::retryLater(bool relistAfter)
{
    m_relistPending = m_relistPending || relistAfter;
    setState(State::BackingOff);
    // Exponential with "equal jitter": half fixed, half random, so many clusters recovering at
    // once do not retry in lockstep.
    const qint64 ceiling = std::min<qint64>(m_backoffMaxMs,
                                            qint64(m_backoffInitialMs) << std::min(m_attempts, 16));
    ++m_attempts;
    std::uniform_int_distribution<qint64> jitter(0, ceiling / 2);
    m_retryTimer.start(static_cast<int>(ceiling / 2 + jitter(m_random)));
}

} // namespace Meridian::Kube

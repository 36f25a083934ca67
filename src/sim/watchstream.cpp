#include "sim/watchstream.h"

#include "sim/httpconnection.h"

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

void WatchStream::start(HttpConnection *connection, ClusterState *state, Setup setup)
{
    // Owned by the connection: deleted with it when the client goes away.
    new WatchStream(connection, state, std::move(setup));
}

WatchStream::WatchStream(HttpConnection *connection, ClusterState *state, Setup setup)
    : QObject(connection)
    , m_connection(connection)
    , m_state(state)
    , m_setup(std::move(setup))
{
    m_connection->beginChunked(200,
                               {{"Content-Type", "application/json"},
                                {"Cache-Control", "no-cache, private"}});
    for (const Change &change : std::as_const(m_setup.replay))
        onChange(change);
    m_setup.replay.clear();
    m_observer = m_state->observe([this](const Change &change) { onChange(change); });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &WatchStream::finish);
    m_timeout.start(m_setup.timeoutMs);
    if (m_setup.bookmarkIntervalMs > 0) {
        connect(&m_bookmarks, &QTimer::timeout, this, [this] {
            send(u"BOOKMARK"_s,
                 QJsonObject{{u"metadata"_s,
                              QJsonObject{{u"resourceVersion"_s, m_state->resourceVersion()}}}});
        });
        m_bookmarks.start(m_setup.bookmarkIntervalMs);
    }
}

WatchStream::~WatchStream()
{
    if (m_observer)
        m_state->unobserve(m_observer);
}

void WatchStream::onChange(const Change &change)
{
    if (change.resource != m_setup.resource)
        return;
    const auto inScope = [this](const QJsonObject &object) {
        return !object.isEmpty()
               && (m_setup.ns.isEmpty()
                   || object[u"metadata"][u"namespace"].toString() == m_setup.ns)
               && m_setup.matches(object);
    };
    const bool before = change.type != Change::Type::Added && inScope(change.previous);
    const bool after = change.type != Change::Type::Deleted && inScope(change.object);
    if (before && after)
        send(u"MODIFIED"_s, change.object);
    else if (after)
        send(u"ADDED"_s, change.object);
    else if (before)
        send(u"DELETED"_s, change.object);
}

void WatchStream::send(const QString &type, const QJsonObject &object)
{
    m_connection->writeChunk(m_setup.encode(type, object) + '\n');
}

void WatchStream::finish()
{
    m_state->unobserve(m_observer);
    m_observer = 0;
    m_bookmarks.stop();
    m_connection->endChunked();
    deleteLater();
}

} // namespace Meridian::Sim

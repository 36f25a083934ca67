#include "sim/podlogstream.h"

#include "sim/clusterstate.h"
#include "sim/httpconnection.h"

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

void PodLogStream::start(HttpConnection *connection,
                         ClusterState *state,
                         const QString &ns,
                         const QString &pod,
                         const QByteArray &already,
                         qint64 next,
                         int intervalMs,
                         std::function<QByteArray(qint64)> line)
{
    auto *stream = new PodLogStream(connection, state);
    connection->beginChunked(200, {{"Content-Type", "text/plain"}});
    connection->writeChunk(already);
    stream->m_observer = state->observe([stream, ns, pod](const Change &change) {
        if (change.type == Change::Type::Deleted && change.resource == u"pods"
            && change.object[u"metadata"][u"namespace"].toString() == ns
            && change.object[u"metadata"][u"name"].toString() == pod)
            stream->finish();
    });
    auto index = std::make_shared<qint64>(next);
    connect(&stream->m_timer, &QTimer::timeout, stream, [stream, index, line] {
        stream->m_connection->writeChunk(line((*index)++));
    });
    stream->m_timer.start(qMax(10, intervalMs));
}

PodLogStream::PodLogStream(HttpConnection *connection, ClusterState *state)
    : QObject(connection)
    , m_connection(connection)
    , m_state(state)
{}

PodLogStream::~PodLogStream()
{
    if (m_observer)
        m_state->unobserve(m_observer);
}

void PodLogStream::finish()
{
    if (!m_observer)
        return;
    m_state->unobserve(m_observer);
    m_observer = 0;
    m_timer.stop();
    m_connection->endChunked();
    deleteLater();
}

} // namespace Meridian::Sim

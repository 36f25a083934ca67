#include "sim/podlogstream.h"

#include "sim/clusterstate.h"
#include "sim/httpconnection.h"
#include "sim/simclock.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

QString runningSince(const QJsonObject &pod, const QString &container)
{
    for (const QJsonValue &status : pod.value(u"status")[u"containerStatuses"].toArray()) {
        if (status[u"name"].toString() == container)
            return status[u"state"][u"running"][u"startedAt"].toString();
    }
    return {};
}

} // namespace

void PodLogStream::start(HttpConnection *connection,
                         ClusterState *state,
                         const SimClock *clock,
                         Setup setup)
{
    auto *stream = new PodLogStream(connection, state, clock);
    stream->m_setup = std::move(setup);
    connection->beginChunked(200, {{"Content-Type", "text/plain"}});
    if (!stream->send(std::exchange(stream->m_setup.already, {}))) {
        stream->finish();
        return;
    }
    stream->m_observer = state->observe([stream](const Change &change) {
        if (change.resource != u"pods"
            || change.object[u"metadata"][u"namespace"].toString() != stream->m_setup.ns
            || change.object[u"metadata"][u"name"].toString() != stream->m_setup.pod)
            return;
        // Deleted, or the followed run of the container ended: kubelet closes the stream.
        // Deferred, because we are inside ClusterState's observer loop.
        if (change.type == Change::Type::Deleted
            || runningSince(change.object, stream->m_setup.container) != stream->m_setup.startedAt)
            QMetaObject::invokeMethod(stream, &PodLogStream::finish, Qt::QueuedConnection);
    });
    connect(&stream->m_timer, &QTimer::timeout, stream, &PodLogStream::tick);
    stream->m_timer.start(qMax(10, stream->m_setup.intervalMs));
}

PodLogStream::PodLogStream(HttpConnection *connection, ClusterState *state, const SimClock *clock)
    : QObject(connection)
    , m_connection(connection)
    , m_state(state)
    , m_clock(clock)
{}

PodLogStream::~PodLogStream()
{
    if (m_observer)
        m_state->unobserve(m_observer);
}

void PodLogStream::tick()
{
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    if (now <= m_setup.fromMs)
        return;
    const QByteArray data = m_setup.lines(m_setup.fromMs, now);
    m_setup.fromMs = now;
    if (!send(data))
        finish();
}

bool PodLogStream::send(QByteArray data)
{
    if (m_setup.limitBytes >= 0 && m_sent + data.size() >= m_setup.limitBytes) {
        data.truncate(m_setup.limitBytes - m_sent);
        if (!data.isEmpty())
            m_connection->writeChunk(data);
        m_sent = m_setup.limitBytes;
        return false;
    }
    if (!data.isEmpty())
        m_connection->writeChunk(data);
    m_sent += data.size();
    return true;
}

void PodLogStream::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_observer)
        m_state->unobserve(m_observer);
    m_observer = 0;
    m_timer.stop();
    m_connection->endChunked();
    deleteLater();
}

} // namespace Meridian::Sim

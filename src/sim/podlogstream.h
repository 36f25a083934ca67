#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace Meridian::Sim {

class ClusterState;
class HttpConnection;
class SimClock;

// `kubectl logs -f`: a chunked text/plain response that sends what the container logged since
// the last tick as simulated time passes, and ends when the pod is deleted, the container stops
// (crash, restart: kubelet ends the stream then too), limitBytes is reached, or the client hangs
// up. Child of its connection.
class PodLogStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodLogStream)

public:
    struct Setup
    {
        QString ns;
        QString pod;
        QString container;
        QString startedAt;      // the followed run's state.running.startedAt
        QByteArray already;     // the answer so far, sent first
        qint64 fromMs = 0;      // lines from here on have not been sent
        qint64 limitBytes = -1; // of the whole answer, `already` included; < 0: no limit
        int intervalMs = 250;
        // The formatted lines with fromMs <= timestamp < toMs.
        std::function<QByteArray(qint64 fromMs, qint64 toMs)> lines;
    };

    static void start(HttpConnection *connection,
                      ClusterState *state,
                      const SimClock *clock,
                      Setup setup);
    ~PodLogStream() override;

private:
    PodLogStream(HttpConnection *connection, ClusterState *state, const SimClock *clock);
    void tick();
    bool send(QByteArray data); // false once limitBytes is reached
    void finish();

    HttpConnection *m_connection;
    ClusterState *m_state;
    const SimClock *m_clock;
    Setup m_setup;
    qint64 m_sent = 0;
    bool m_finished = false;
    int m_observer = 0;
    QTimer m_timer;
};

} // namespace Meridian::Sim

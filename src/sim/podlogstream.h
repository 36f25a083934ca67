#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace Meridian::Sim {

class ClusterState;
class HttpConnection;

// `kubectl logs -f`: a chunked text/plain response that gets one more line every `intervalMs`
// and ends when the pod is deleted or the client hangs up. Child of its connection.
class PodLogStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodLogStream)

public:
    // line(i) is the i-th line of the container's log, newline included; lines [0, next)
    // have been sent already (or skipped by tailLines/sinceSeconds).
    static void start(HttpConnection *connection,
                      ClusterState *state,
                      const QString &ns,
                      const QString &pod,
                      const QByteArray &already,
                      qint64 next,
                      int intervalMs,
                      std::function<QByteArray(qint64)> line);
    ~PodLogStream() override;

private:
    PodLogStream(HttpConnection *connection, ClusterState *state);
    void finish();

    HttpConnection *m_connection;
    ClusterState *m_state;
    int m_observer = 0;
    QTimer m_timer;
};

} // namespace Meridian::Sim

#pragma once

#include "sim/clusterstate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Meridian::Sim {

class HttpConnection;

// One open watch: a chunked response that stays open, fed by ClusterState's change hook.
// Child of its connection, so it ends when the client hangs up; it also ends (a clean last
// chunk) when timeoutSeconds runs out. Objects that stop matching the selectors are sent as
// DELETED, objects that start matching as ADDED, as kube-apiserver's filtered watches do.
class WatchStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchStream)

public:
    struct Setup
    {
        QString resource; // storage key, "deployments.apps"
        QString ns;       // empty: every namespace
        std::function<bool(const QJsonObject &)> matches;
        // Serializes one event line (without the newline): type is ADDED, MODIFIED, DELETED or
        // BOOKMARK; for BOOKMARK the object carries only metadata.resourceVersion.
        std::function<QByteArray(const QString &type, const QJsonObject &object)> encode;
        // Sent first, through the same selector filter: synthetic ADDED events for the current
        // state, or the retained changes after the watch's resourceVersion.
        QList<Change> replay;
        int timeoutMs = 0;
        int bookmarkIntervalMs = 0; // 0: no bookmarks
    };

    static void start(HttpConnection *connection, ClusterState *state, Setup setup);
    ~WatchStream() override;

private:
    WatchStream(HttpConnection *connection, ClusterState *state, Setup setup);
    void onChange(const Change &change);
    void send(const QString &type, const QJsonObject &object);
    void finish();

    HttpConnection *m_connection;
    ClusterState *m_state;
    Setup m_setup;
    int m_observer = 0;
    QTimer m_timeout;
    QTimer m_bookmarks;
};

} // namespace Meridian::Sim

#pragma once

#include "logquery.h"
#include "logstore.h"

#include "kube/apiclient.h"
#include "kube/kubeconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace Meridian::Net {
class Transport;
}
namespace Meridian::Kube {
class ExecCredentialProvider;
}

namespace Meridian::Logs {

// Pod logs of the members: every container of every pod of the query's workload (or namespace)
// in every selected member, read with timestamps=true (and follow=true in follow mode), merged in
// timestamp order. Direct: the members are kubeconfig contexts, read straight. Karmada: the
// members are the control plane's Clusters, read through its cluster proxy on the same code
// paths. The cluster of an entry is the member's name (the context's, or the Cluster's).
// Lives on the thread of its transport.
class PodLogSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodLogSource)

public:
    PodLogSource(std::shared_ptr<SourceTable> sources,
                 Net::Transport *transport,
                 Kube::ExecCredentialProvider *credentials,
                 QObject *parent = nullptr);
    ~PodLogSource() override;

    // Direct: every context of `contexts` is a member; empty: every context of the kubeconfig.
    Status setKubeconfig(const Kube::LoadOptions &load, const QStringList &contexts);
    // Karmada: one client for the control plane's `context` (empty:
    // Kube::defaultKarmadaContext); every start() lists its cluster.karmada.io Clusters, and
    // each is a member reached through the cluster proxy. A member the proxy cannot reach is
    // reported like an unreachable context; the others still stream.
    Status setKarmada(const Kube::LoadOptions &load, const QString &context);
    void start(const LogQuery &query);
    void stop();

    // Follow mode holds lines back this long (log time) so that slower streams catch up and the
    // merged order holds; the last lines of a quiet period show after it.
    void setMergeWindowMs(int ms) { m_mergeWindowNs = qint64(ms) * 1000000; }

signals:
    void entriesReceived(const Meridian::Logs::SegmentPtr &segment);
    void caughtUp();
    void progress(const QString &message);
    void finished(bool ok, const QString &error);

private:
    struct Line
    {
        qint64 timestampNs;
        quint32 source;
        QByteArray text;
    };
    struct Stream
    {
        QString cluster;
        quint32 source = 0;
        QByteArray partial; // a line without its newline yet
        qint64 lastNs = 0;
        qint64 lastChunkMs = 0; // real time of the last chunk; 0 before the first
        bool done = false;
        Kube::RequestHandlePtr handle;
    };

    // Where a member is read: its own client (Direct), or the control plane's with the
    // member's cluster-proxy path before every member path (Karmada).
    struct Member
    {
        QString cluster;
        QPointer<Kube::ApiClient> client;
        QString prefix; // empty, or "/apis/cluster.karmada.io/v1alpha1/clusters/NAME/proxy"
    };

    void clearClients();
    void listKarmadaMembers();
    void startMembers(const QList<Member> &members);
    void listPods(const Member &member);
    void openStream(const Member &member,
                    const QString &ns,
                    const QString &pod,
                    const QString &container);
    void consume(int stream, const QByteArray &chunk, bool last);
    void flush(bool all);
    void clusterDone();
    void maybeFinish();

    std::shared_ptr<SourceTable> m_sources;
    QPointer<Net::Transport> m_transport;
    QPointer<Kube::ExecCredentialProvider> m_credentials;
    std::vector<QPointer<Kube::ApiClient>> m_clients; // owned
    QList<Member> m_members;                          // Direct; Karmada: listed at start()
    QPointer<Kube::ApiClient> m_controlPlane;         // Karmada only
    std::vector<Stream> m_streams;
    std::vector<Line> m_pending;
    QStringList m_errors;
    LogQuery m_query;
    QTimer m_flushTimer;
    qint64 m_mergeWindowNs = 2'000'000'000;
    int m_clustersListing = 0;
    bool m_running = false;
    bool m_caughtUp = false;
    quint64 m_generation = 0;
    qint64 m_startedMs = 0;
};

} // namespace Meridian::Logs

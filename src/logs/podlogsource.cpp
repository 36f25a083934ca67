#include "podlogsource.h"

#include "severity.h"
#include "timestamps.h"

#include "kube/credentials.h"
#include "kube/karmadapaths.h"
#include "net/transport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <limits>

namespace Meridian::Logs {

namespace {

QString percent(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

bool podOfWorkload(const QString &pod, const QString &workload)
{
    return workload.isEmpty() || pod == workload
           || (pod.startsWith(workload) && pod.size() > workload.size()
               && pod.at(workload.size()) == u'-');
}

} // namespace

PodLogSource::PodLogSource(std::shared_ptr<SourceTable> sources,
                           Net::Transport *transport,
                           Kube::ExecCredentialProvider *credentials,
                           QObject *parent)
    : QObject(parent)
    , m_sources(std::move(sources))
    , m_transport(transport)
    , m_credentials(credentials)
{
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(false); });
}

PodLogSource::~PodLogSource()
{
    stop();
}

void PodLogSource::clearClients()
{
    for (const auto &client : m_clients)
        delete client;
    m_clients.clear();
    m_members.clear();
    m_controlPlane = nullptr;
}

Status PodLogSource::setKubeconfig(const Kube::LoadOptions &load, const QStringList &contexts)
{
    clearClients();
    Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
    if (!config)
        return config.error();
    const QStringList names = contexts.isEmpty() ? config->contextNames() : contexts;
    for (const QString &name : names) {
        Result<Kube::ResolvedContext> context = config->resolve(name);
        if (!context)
            return context.error();
        auto *client = new Kube::ApiClient(*context, m_transport, m_credentials, this);
        m_clients.push_back(client);
        m_members.append(Member{name, client, {}});
    }
    return succeeded();
}

Status PodLogSource::setKarmada(const Kube::LoadOptions &load, const QString &context)
{
    clearClients();
    Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
    if (!config)
        return config.error();
    const QString name = context.isEmpty() ? Kube::defaultKarmadaContext(*config) : context;
    if (name.isEmpty()) {
        return Error{QStringLiteral("NotFound"),
                     tr("The kubeconfig (%1) defines no context for the Karmada control plane.")
                             .arg(config->files.join(QStringLiteral(", ")))};
    }
    Result<Kube::ResolvedContext> resolved = config->resolve(name);
    if (!resolved)
        return resolved.error();
    m_controlPlane = new Kube::ApiClient(*resolved, m_transport, m_credentials, this);
    m_clients.push_back(m_controlPlane);
    return succeeded();
}

void PodLogSource::start(const LogQuery &query)
{
    stop();
    ++m_generation;
    m_query = query;
    m_running = true;
    m_caughtUp = false;
    m_errors.clear();
    m_pending.clear();
    m_streams.clear();
    m_clustersListing = 0;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    if (query.follow)
        m_flushTimer.start();
    if (m_controlPlane)
        listKarmadaMembers();
    else
        startMembers(m_members);
}

// The members are the Clusters the control plane has now; one that joins later is read from
// the next start.
void PodLogSource::listKarmadaMembers()
{
    ++m_clustersListing; // the Clusters' list itself
    const quint64 generation = m_generation;
    QPointer<Kube::ApiClient> controlPlane = m_controlPlane;
    const QString context = controlPlane->context().context.name;
    controlPlane->get(
            Kube::karmadaClustersPath(),
            [this, controlPlane, context, generation](const Net::Response &response) {
                if (generation != m_generation || !m_running || !controlPlane)
                    return;
                if (!response.isHttpSuccess()) {
                    m_running = false;
                    m_flushTimer.stop();
                    emit finished(false,
                                  tr("Cannot list the member clusters of the Karmada "
                                     "control plane (context %1): %2")
                                          .arg(context, Kube::apiErrorFrom(response).message));
                    return;
                }
                QList<Member> members;
                const QJsonArray items = QJsonDocument::fromJson(response.body)
                                                 .object()
                                                 .value(QStringLiteral("items"))
                                                 .toArray();
                for (const QJsonValue &item : items) {
                    const QString name
                            = item[QStringLiteral("metadata")][QStringLiteral("name")].toString();
                    if (name.isEmpty())
                        continue;
                    QString prefix = Kube::karmadaProxyPath(name, QStringLiteral("/"));
                    prefix.chop(1); // member paths bring their own '/'
                    members.append(Member{name, controlPlane, prefix});
                }
                std::sort(members.begin(), members.end(), [](const Member &a, const Member &b) {
                    return a.cluster < b.cluster;
                });
                m_members = members;
                --m_clustersListing;
                startMembers(members);
            });
}

void PodLogSource::startMembers(const QList<Member> &members)
{
    int started = 0;
    for (const Member &member : members) {
        if (member.client
            && (m_query.clusters.isEmpty() || m_query.clusters.contains(member.cluster))) {
            ++m_clustersListing;
            ++started;
            listPods(member);
        }
    }
    if (started > 0)
        return;
    m_running = false;
    m_flushTimer.stop();
    if (m_controlPlane) {
        QStringList names;
        for (const Member &member : members)
            names.append(member.cluster);
        emit finished(false,
                      names.isEmpty() ? tr("The Karmada control plane (context %1) has no member "
                                           "clusters.")
                                                .arg(m_controlPlane->context().context.name)
                                      : tr("No Karmada member cluster matches the clusters %1 (the "
                                           "members are %2).")
                                                .arg(m_query.clusters.join(QStringLiteral(", ")),
                                                     names.join(QStringLiteral(", "))));
        return;
    }
    emit finished(false,
                  tr("No kubeconfig context matches the clusters %1.")
                          .arg(m_query.clusters.join(QStringLiteral(", "))));
}

void PodLogSource::stop()
{
    m_flushTimer.stop();
    for (Stream &stream : m_streams) {
        if (stream.handle)
            stream.handle->cancel();
    }
    if (m_running) {
        m_running = false;
        flush(true);
        emit finished(true, {});
    }
}

void PodLogSource::listPods(const Member &member)
{
    const QString cluster = member.cluster;
    const QString path
            = member.prefix
              + (m_query.namespaceName.isEmpty() ? QStringLiteral("/api/v1/pods")
                                                 : QStringLiteral("/api/v1/namespaces/%1/pods")
                                                           .arg(percent(m_query.namespaceName)));
    const quint64 generation = m_generation;
    member.client->get(path, [this, member, cluster, generation](const Net::Response &response) {
        if (generation != m_generation || !m_running || !member.client)
            return;
        if (!response.isHttpSuccess()) {
            const Kube::ApiError error = Kube::apiErrorFrom(response);
            m_errors.append(tr("%1: cannot list pods: %2").arg(cluster, error.message));
            emit progress(m_errors.constLast());
            clusterDone();
            return;
        }
        const QJsonArray pods = QJsonDocument::fromJson(response.body)
                                        .object()
                                        .value(QStringLiteral("items"))
                                        .toArray();
        for (const QJsonValue &pod : pods) {
            const QJsonObject metadata = pod[QStringLiteral("metadata")].toObject();
            const QString name = metadata.value(QStringLiteral("name")).toString();
            const QString ns = metadata.value(QStringLiteral("namespace")).toString();
            if (!podOfWorkload(name, m_query.workload))
                continue;
            // Containers that have started (running or terminated) have a log.
            for (const QJsonValue &status :
                 pod[QStringLiteral("status")][QStringLiteral("containerStatuses")].toArray()) {
                const QJsonObject state = status[QStringLiteral("state")].toObject();
                if (!state.contains(QStringLiteral("running"))
                    && !state.contains(QStringLiteral("terminated")))
                    continue;
                openStream(member, ns, name, status[QStringLiteral("name")].toString());
            }
        }
        clusterDone();
    });
}

void PodLogSource::openStream(const Member &member,
                              const QString &ns,
                              const QString &pod,
                              const QString &container)
{
    const QString cluster = member.cluster;
    const QByteArray c = cluster.toUtf8(), n = ns.toUtf8(), p = pod.toUtf8(),
                     k = container.toUtf8();
    Stream stream;
    stream.cluster = cluster;
    stream.source = m_sources->intern({std::string_view(c.constData(), std::size_t(c.size())),
                                       std::string_view(n.constData(), std::size_t(n.size())),
                                       std::string_view(p.constData(), std::size_t(p.size())),
                                       std::string_view(k.constData(), std::size_t(k.size())),
                                       {},
                                       {},
                                       {},
                                       {}});
    QString path
            = member.prefix
              + QStringLiteral("/api/v1/namespaces/%1/pods/%2/log?container=%3&timestamps=true")
                        .arg(percent(ns), percent(pod), percent(container));
    if (m_query.fromNs) {
        // sinceTime has second precision; lines before fromNs are dropped in consume().
        // ':' may stand unescaped in a query, and meridian-sim does not decode %3A there.
        path += QStringLiteral("&sinceTime=") + formatRfc3339(m_query.fromNs).left(19) + u'Z';
    }
    if (m_query.follow)
        path += QStringLiteral("&follow=true");
    const int index = int(m_streams.size());
    m_streams.push_back(std::move(stream));
    const quint64 generation = m_generation;
    const auto done = [this, index, generation, cluster, pod, container](const Net::Response &r) {
        if (generation != m_generation || index >= int(m_streams.size()))
            return;
        if (r.outcome != Net::Response::Outcome::Cancelled && !r.isHttpSuccess()) {
            m_errors.append(tr("%1: log of %2/%3: %4")
                                    .arg(cluster, pod, container, Kube::apiErrorFrom(r).message));
            emit progress(m_errors.constLast());
        }
        consume(index, r.isHttpSuccess() ? r.body : QByteArray(), true);
        maybeFinish();
    };
    if (m_query.follow) {
        m_streams.back().handle = member.client->stream(
                path,
                [this, index, generation](const QByteArray &chunk) {
                    if (generation == m_generation)
                        consume(index, chunk, false);
                },
                done);
    } else {
        m_streams.back().handle = member.client->get(path, done, 120000);
    }
}

void PodLogSource::consume(int index, const QByteArray &chunk, bool last)
{
    Stream &stream = m_streams[std::size_t(index)];
    stream.lastChunkMs = QDateTime::currentMSecsSinceEpoch();
    QByteArray data = stream.partial + chunk;
    qsizetype start = 0;
    while (true) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0) {
            if (!last)
                break;
            end = data.size();
            if (end == start)
                break;
        }
        const QByteArray line = data.mid(start, end - start);
        start = end + 1;
        // "2026-11-27T10:00:00.123456789Z message"
        const qsizetype space = line.indexOf(' ');
        const std::optional<qint64> ts
                = space > 0 ? parseRfc3339(std::string_view(line.constData(), std::size_t(space)))
                            : std::nullopt;
        if (!ts)
            continue;
        if ((m_query.fromNs && *ts < m_query.fromNs) || (m_query.toNs && *ts >= m_query.toNs))
            continue;
        stream.lastNs = qMax(stream.lastNs, *ts);
        m_pending.push_back(Line{*ts, stream.source, line.mid(space + 1)});
        if (start >= data.size())
            break;
    }
    stream.partial = start < data.size() ? data.mid(start) : QByteArray();
    if (last) {
        stream.partial.clear();
        stream.done = true;
        stream.handle.reset();
    }
}

void PodLogSource::flush(bool all)
{
    if (m_pending.empty())
        return;
    std::stable_sort(m_pending.begin(), m_pending.end(), [](const Line &a, const Line &b) {
        return a.timestampNs < b.timestampNs;
    });
    const qint64 newest = m_pending.back().timestampNs;
    qint64 watermark = all ? std::numeric_limits<qint64>::max() : newest - m_mergeWindowNs;
    if (!all) {
        // Wait for streams that are still sending their backlog or writing now; a stream
        // quiet for two seconds (an idle container) holds nobody up.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const Stream &stream : m_streams) {
            if (stream.done)
                continue;
            if (stream.lastChunkMs == 0 && now - m_startedMs < 3000)
                return; // a backlog has yet to arrive
            if (stream.lastChunkMs != 0 && now - stream.lastChunkMs < 2000)
                watermark = qMin(watermark, stream.lastNs);
        }
    }
    SegmentBuilder builder;
    std::size_t taken = 0;
    for (; taken < m_pending.size() && m_pending[taken].timestampNs <= watermark; ++taken) {
        const Line &line = m_pending[taken];
        const std::string_view text(line.text.constData(), std::size_t(line.text.size()));
        builder.append(line.timestampNs, line.source, severityOfLine(text), text);
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(taken));
    if (SegmentPtr segment = builder.take())
        emit entriesReceived(segment);
}

void PodLogSource::clusterDone()
{
    --m_clustersListing;
    maybeFinish();
}

void PodLogSource::maybeFinish()
{
    if (!m_running || m_clustersListing > 0)
        return;
    const bool allDone = std::all_of(m_streams.begin(), m_streams.end(), [](const Stream &s) {
        return s.done;
    });
    if (allDone) {
        flush(true);
        if (!m_caughtUp) {
            m_caughtUp = true;
            emit caughtUp();
        }
        m_running = false;
        m_flushTimer.stop();
        if (m_streams.empty() && !m_errors.isEmpty())
            emit finished(false, m_errors.join(u'\n'));
        else
            emit finished(true, m_errors.join(u'\n'));
    } else if (m_query.follow && !m_caughtUp) {
        m_caughtUp = true; // follow: streams are open, their backlog is arriving
        emit caughtUp();
    }
}

} // namespace Meridian::Logs

#include "clusterprobe.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace Meridian::Kube {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Kube", text);
}

QString mostCommon(const QHash<QString, int> &counts)
{
    QString best;
    int bestCount = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (it.value() > bestCount || (it.value() == bestCount && it.key() < best)) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

struct ProbeState
{
    ClusterStatus status;
    NodeSummary nodes;
    bool versionDone = false;
    bool nodesDone = false;
    std::optional<Net::Response> failure;
    std::function<void(const ClusterStatus &)> done;
    QHash<QString, int> regions;
    QHash<QString, int> zones;
};

void finishIfComplete(const std::shared_ptr<ProbeState> &state)
{
    if (!state->versionDone || !state->nodesDone)
        return;
    ClusterStatus &s = state->status;
    if (state->failure) {
        describeFailure(*state->failure, s);
    } else {
        s.nodesTotal = state->nodes.total;
        s.nodesReady = state->nodes.ready;
        s.region = mostCommon(state->regions);
        s.zone = mostCommon(state->zones);
        s.lastSuccess = QDateTime::currentDateTimeUtc();
        if (s.nodesTotal > 0 && s.nodesReady < s.nodesTotal) {
            s.state = ClusterState::Degraded;
            s.reason = tr("%1 of %2 nodes are not Ready")
                               .arg(s.nodesTotal - s.nodesReady)
                               .arg(s.nodesTotal);
        } else if (s.nodesTotal == 0) {
            s.state = ClusterState::Degraded;
            s.reason = tr("The cluster has no nodes");
        } else {
            s.state = ClusterState::Ready;
            s.reason.clear();
        }
    }
    state->done(s);
}

void fetchNodes(ApiClient *client,
                const std::shared_ptr<ProbeState> &state,
                const QString &continueToken)
{
    QString path = QStringLiteral("/api/v1/nodes?limit=500");
    if (!continueToken.isEmpty())
        path += QStringLiteral("&continue=")
                + QString::fromLatin1(QUrl::toPercentEncoding(continueToken));
    client->get(path, [client, state](const Net::Response &response) {
        if (!response.isHttpSuccess()) {
            if (!state->failure)
                state->failure = response;
            state->nodesDone = true;
            finishIfComplete(state);
            return;
        }
        const NodeSummary page = summarizeNodeList(response.body);
        if (!page.valid) {
            Net::Response bad = response;
            bad.httpStatus = 0;
            bad.outcome = Net::Response::Outcome::NetworkError;
            bad.errorText = tr("The node list could not be read: %1").arg(page.error);
            if (!state->failure)
                state->failure = bad;
            state->nodesDone = true;
            finishIfComplete(state);
            return;
        }
        mergeNodeSummary(state->nodes, page);
        if (!page.region.isEmpty())
            state->regions[page.region] += page.total;
        if (!page.zone.isEmpty())
            state->zones[page.zone] += page.total;
        if (!page.continueToken.isEmpty()) {
            fetchNodes(client, state, page.continueToken);
            return;
        }
        state->nodesDone = true;
        finishIfComplete(state);
    });
}

} // namespace

NodeSummary summarizeNodeList(const QByteArray &json)
{
    NodeSummary summary;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        summary.error = error.error == QJsonParseError::NoError ? tr("not a JSON object")
                                                                : error.errorString();
        return summary;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("kind")).toString() != QLatin1String("NodeList")) {
        summary.error = tr("expected kind NodeList, got \"%1\"")
                                .arg(root.value(QLatin1String("kind")).toString());
        return summary;
    }
    QHash<QString, int> regions;
    QHash<QString, int> zones;
    const QJsonArray items = root.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject node = item.toObject();
        ++summary.total;
        const QJsonObject labels = node.value(QLatin1String("metadata"))
                                           .toObject()
                                           .value(QLatin1String("labels"))
                                           .toObject();
        QString region = labels.value(QLatin1String("topology.kubernetes.io/region")).toString();
        if (region.isEmpty())
            region = labels.value(QLatin1String("failure-domain.beta.kubernetes.io/region"))
                             .toString();
        QString zone = labels.value(QLatin1String("topology.kubernetes.io/zone")).toString();
        if (zone.isEmpty())
            zone = labels.value(QLatin1String("failure-domain.beta.kubernetes.io/zone")).toString();
        if (!region.isEmpty())
            ++regions[region];
        if (!zone.isEmpty())
            ++zones[zone];
        const QJsonArray conditions = node.value(QLatin1String("status"))
                                              .toObject()
                                              .value(QLatin1String("conditions"))
                                              .toArray();
        for (const QJsonValue &c : conditions) {
            const QJsonObject condition = c.toObject();
            if (condition.value(QLatin1String("type")).toString() == QLatin1String("Ready")
                && condition.value(QLatin1String("status")).toString() == QLatin1String("True"))
                ++summary.ready;
        }
    }
    summary.region = mostCommon(regions);
    summary.zone = mostCommon(zones);
    summary.continueToken = root.value(QLatin1String("metadata"))
                                    .toObject()
                                    .value(QLatin1String("continue"))
                                    .toString();
    summary.valid = true;
    return summary;
}

void mergeNodeSummary(NodeSummary &into, const NodeSummary &page)
{
    into.total += page.total;
    into.ready += page.ready;
    into.valid = true;
}

void describeFailure(const Net::Response &response, ClusterStatus &status)
{
    const ApiError error = apiErrorFrom(response);
    using Outcome = Net::Response::Outcome;
    switch (response.outcome) {
    case Outcome::Ok:
        if (response.httpStatus == 401) {
            status.state = ClusterState::Unauthorized;
            status.reason = tr("Unauthorized (401): %1").arg(error.message);
        } else if (response.httpStatus == 403) {
            status.state = ClusterState::Forbidden;
            status.reason = tr("Forbidden (403): %1").arg(error.message);
        } else {
            status.state = ClusterState::Unreachable;
            status.reason = tr("The API server answered HTTP %1 (%2): %3")
                                    .arg(response.httpStatus)
                                    .arg(error.reason, error.message);
        }
        return;
    case Outcome::ConnectionRefused:
        status.state = ClusterState::Unreachable;
        status.reason = tr("Connection refused: %1").arg(error.message);
        return;
    case Outcome::Timeout:
        status.state = ClusterState::Unreachable;
        status.reason = tr("Timed out: %1").arg(error.message);
        return;
    case Outcome::TlsError:
        status.state = ClusterState::Unreachable;
        status.reason = tr("TLS error: %1").arg(error.message);
        return;
    case Outcome::ResolveError:
        status.state = ClusterState::Unreachable;
        status.reason = tr("Host not found: %1").arg(error.message);
        return;
    case Outcome::Cancelled:
    case Outcome::NetworkError: break;
    }
    // Credential problems (exec plugin missing or failing) mean we could not authenticate.
    if (error.reason.startsWith(QLatin1String("ExecPlugin"))) {
        status.state = ClusterState::Unauthorized;
        status.reason = error.message;
        return;
    }
    status.state = ClusterState::Unreachable;
    status.reason = error.message;
}

void probeCluster(ApiClient *client, std::function<void(const ClusterStatus &)> done)
{
    auto state = std::make_shared<ProbeState>();
    const ResolvedContext &context = client->context();
    state->status.name = context.cluster.name;
    state->status.context = context.context.name;
    state->status.server = context.cluster.server;
    state->status.insecureTls = context.cluster.insecureSkipTlsVerify;
    state->done = std::move(done);

    client->get(QStringLiteral("/version"), [state](const Net::Response &response) {
        if (response.isHttpSuccess()) {
            const QJsonObject version = QJsonDocument::fromJson(response.body).object();
            state->status.version = version.value(QLatin1String("gitVersion")).toString();
        } else if (!state->failure) {
            state->failure = response;
        }
        state->versionDone = true;
        finishIfComplete(state);
    });
    fetchNodes(client, state, {});
}

} // namespace Meridian::Kube

#include "sim/logging/logsource.h"

#include "sim/deterministic.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

// The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes).
QString safeSuffix(Prng &prng, int length)
{
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[prng.next() % (sizeof alphabet - 1)]));
    return out;
}

struct Workload
{
    QStringView name;
    int replicas;
};

constexpr std::array<Workload, 3> workloads{{{u"web", 2}, {u"api", 2}, {u"worker", 1}}};

} // namespace

QList<PodIdentity> scenarioPods(const QList<ClusterSpec> &clusters, quint64 seed, qint64 startedMs)
{
    QList<PodIdentity> pods;
    for (const ClusterSpec &cluster : clusters) {
        int nodeIndex = 0;
        for (const Workload &workload : workloads) {
            const QString app = workload.name.toString();
            Prng prng(stableHash(seed, QString(u"pods/" + cluster.name + u'/' + app)));
            const QString templateHash = safeSuffix(prng, 10);
            for (int replica = 0; replica < workload.replicas; ++replica) {
                PodIdentity pod;
                pod.cluster = cluster.name;
                pod.location = cluster.region;
                pod.namespaceName = u"default"_s;
                pod.pod = app + u'-' + templateHash + u'-' + safeSuffix(prng, 5);
                pod.container = app;
                if (!cluster.nodes.isEmpty())
                    pod.node = cluster.nodes[nodeIndex++ % cluster.nodes.size()].name;
                pod.labels = {{u"app"_s, app}, {u"pod-template-hash"_s, templateHash}};
                pod.startedMs = startedMs;
                pods.append(pod);
            }
        }
    }
    return pods;
}

} // namespace Meridian::Sim

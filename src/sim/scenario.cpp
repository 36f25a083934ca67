#include "sim/scenario.h"

#include "sim/deterministic.h"
#include "sim/simclock.h"

namespace Meridian::Sim {

namespace {

struct Release
{
    const char *gitVersion;
    const char *buildDate;
    const char *goVersion;
};

// Real GKE patch releases of the time, so clients see the version skew of a real fleet.
constexpr Release gke129{"v1.29.6-gke.1038001", "2024-06-13T09:21:51Z", "go1.21.11 X:boringcrypto"};
constexpr Release gke129b{"v1.29.7-gke.1008000",
                          "2024-07-19T09:19:34Z",
                          "go1.21.12 X:boringcrypto"};
constexpr Release gke130{"v1.30.3-gke.1639000", "2024-08-20T09:20:17Z", "go1.22.5 X:boringcrypto"};
constexpr Release gke128{"v1.28.11-gke.1260000",
                         "2024-07-08T09:21:02Z",
                         "go1.21.11 X:boringcrypto"};

struct DemoCluster
{
    const char *name;
    const char *region;
    Release release;
};

constexpr DemoCluster demoClusters[] = {
        {"tokyo", "asia-northeast1", gke129},
        {"osaka", "asia-northeast2", gke129b},
        {"taiwan", "asia-east1", gke130},
        {"singapore", "asia-southeast1", gke129},
        {"frankfurt", "europe-west3", gke130},
        {"london", "europe-west2", gke129b},
        {"iowa", "us-central1", gke129},
        {"sao-paulo", "southamerica-east1", gke128},
};

// GCP regions (reference/regions.tsv), ordered so the first few already span the globe.
constexpr const char *testRegions[] = {
        "us-central1",
        "europe-west1",
        "asia-northeast1",
        "australia-southeast1",
        "southamerica-east1",
        "asia-south1",
        "europe-north1",
        "us-west1",
        "africa-south1",
        "me-west1",
        "northamerica-northeast1",
        "asia-southeast1",
        "europe-west3",
        "us-east4",
        "asia-east1",
        "europe-west2",
        "southamerica-west1",
        "asia-northeast3",
        "us-west2",
        "europe-southwest1",
        "asia-southeast2",
        "australia-southeast2",
        "me-central1",
        "northamerica-northeast2",
        "europe-west4",
        "us-east1",
        "asia-east2",
        "europe-central2",
        "us-south1",
        "asia-northeast2",
        "europe-west6",
        "us-west3",
        "asia-south2",
        "europe-west8",
        "us-east5",
        "europe-west9",
        "me-central2",
        "us-west4",
        "europe-west10",
        "northamerica-south1",
        "europe-north2",
        "europe-west12",
        "asia-southeast3",
};

constexpr int maxTestClusters = 200;

ClusterSpec makeCluster(const Options &options,
                        int index,
                        const QString &name,
                        const QString &region,
                        const Release &release,
                        int nodeCount)
{
    ClusterSpec spec;
    spec.name = name;
    spec.region = region;
    spec.seed = stableHash(options.seed, name);
    spec.watchHistory = qMax(1, options.watchHistory);
    spec.bookmarkIntervalMs = qMax(10, options.bookmarkIntervalMs);
    spec.servedJsonCache = options.servedJsonCache;
    spec.gitVersion = QString::fromLatin1(release.gitVersion);
    spec.buildDate = QString::fromLatin1(release.buildDate);
    spec.goVersion = QString::fromLatin1(release.goVersion);
    spec.instanceType = QStringLiteral("e2-standard-4");
    spec.cpuCores = 4;
    spec.memoryKi = 16393356;
    spec.created = SimClock::fixedEpoch().addDays(index * 3);

    Prng tokens(stableHash(options.seed, QString(u"token/" + name)));
    spec.token = QString::fromLatin1(tokens.hex(48));

    // GKE names nodes gke-<cluster>-<pool>-<instance group hash per zone>-<4 random chars>.
    Prng names(spec.seed);
    static constexpr char16_t zoneLetters[] = u"abc";
    for (int i = 0; i < nodeCount; ++i) {
        NodeSpec node;
        const QChar zoneLetter(zoneLetters[i % 3]);
        node.zone = region + u'-' + zoneLetter;
        Prng group(stableHash(spec.seed, node.zone));
        node.name = u"gke-" + name + u"-default-pool-" + QString::fromLatin1(group.hex(8)) + u'-'
                    + QString::fromLatin1(names.alphanumeric(4));
        node.uid = QString::fromLatin1(names.uuid());
        node.machineId = QString::fromLatin1(names.hex(32));
        node.internalIp = QStringLiteral("10.%1.0.%2").arg(128 + index % 100).arg(2 + i);
        // RFC 5737 documentation addresses: plausible-looking, never anyone's real machine.
        node.externalIp = QStringLiteral("203.0.113.%1").arg((index * 8 + i) % 250 + 1);
        node.podCidr = QStringLiteral("10.%1.%2.0/24").arg(index % 100).arg(i);
        node.created = spec.created.addSecs(600 + 17 * i);
        spec.nodes.append(node);
    }
    return spec;
}

} // namespace

Result<QList<ClusterSpec>> buildScenario(const Options &options)
{
    QList<ClusterSpec> clusters;
    if (options.scenario == u"demo") {
        int index = 0;
        for (const DemoCluster &demo : demoClusters) {
            ClusterSpec spec = makeCluster(options,
                                           index++,
                                           QString::fromLatin1(demo.name),
                                           QString::fromLatin1(demo.region),
                                           demo.release,
                                           3);
            if (spec.name == u"osaka")
                spec.auth = AuthMethod::ClientCertificate;
            else if (spec.name == u"taiwan" && !options.execCommand.isEmpty())
                spec.auth = AuthMethod::ExecPlugin;
            clusters.append(spec);
        }
        return clusters;
    }
    if (options.scenario == u"test") {
        const int count = options.clusters > 0 ? options.clusters : 3;
        if (count > maxTestClusters) {
            return Error{QStringLiteral("InvalidArgument"),
                         QStringLiteral("The test scenario serves at most %1 clusters; ask for "
                                        "fewer than %2.")
                                 .arg(maxTestClusters)
                                 .arg(count)};
        }
        constexpr int regionCount = static_cast<int>(std::size(testRegions));
        for (int i = 0; i < count; ++i) {
            const QString name = QStringLiteral("cluster-%1").arg(i + 1, 2, 10, QChar(u'0'));
            ClusterSpec spec = makeCluster(options,
                                           i,
                                           name,
                                           QString::fromLatin1(testRegions[i % regionCount]),
                                           gke129,
                                           2);
            // The second cluster needs a client certificate and the third runs the exec
            // plugin, so every authentication path is covered by three clusters.
            if (i == 1)
                spec.auth = AuthMethod::ClientCertificate;
            else if (i == 2 && !options.execCommand.isEmpty())
                spec.auth = AuthMethod::ExecPlugin;
            clusters.append(spec);
        }
        return clusters;
    }
    return Error{QStringLiteral("InvalidArgument"),
                 QStringLiteral("Unknown simulator scenario \"%1\"; use \"demo\" or \"test\".")
                         .arg(options.scenario)};
}

} // namespace Meridian::Sim

#pragma once

#include "core/geo/geopoint.h"
#include "core/geo/regiontable.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Meridian::Geo {

// Everything Meridian may know about where one cluster runs, gathered by whoever has it (the
// settings, the Karmada Cluster object, the node list, the kubeconfig). A plain value so the
// resolution order is testable without a cluster.
struct LocationInput
{
    QString overrideLocation;       // operator setting for this cluster: "lat,lon"
    QHash<QString, QString> labels; // cluster labels (Karmada Cluster or kubeconfig extension)
    QString karmadaRegion;          // cluster.karmada.io spec.region
    QStringList karmadaZones;       // spec.zones (or the older spec.zone)
    QString nodeRegion;             // topology.kubernetes.io/region (or failure-domain.beta...)
    QString nodeZone;               // topology.kubernetes.io/zone (or failure-domain.beta...)
    QString contextName;            // kubeconfig context, e.g. gke_proj_us-central1_prod
    QString clusterName;            // kubeconfig cluster entry, e.g. an EKS ARN
    QString serverUrl;              // https://ABC.gr7.us-east-1.eks.amazonaws.com
};

enum class LocationSource {
    None,
    Override,    // the operator's setting
    Label,       // meridian.dev/location
    Karmada,     // spec.region / spec.zones
    NodeLabels,  // topology labels on the nodes
    ContextName, // gke_<project>_<location>_<cluster>, arn:aws:eks:<region>:...
    ServerUrl,   // *.<region>.eks.amazonaws.com, *.<region>.azmk8s.io
};

struct ResolvedLocation
{
    LocationSource source = LocationSource::None;
    GeoPoint location;
    QString region; // the region id when the location came from one; empty for coordinates

    bool isValid() const { return source != LocationSource::None; }
};

// Where a cluster is, in the order of how much each source is trusted: what the operator says,
// then what the federation says, then what the nodes say, then what names suggest. A region id
// that the table does not know falls through to the next source; nothing ever lands at 0,0.
class LocationResolver final
{
public:
    static constexpr QStringView kLocationLabel = u"meridian.dev/location";

    explicit LocationResolver(RegionTable regions = {});

    ResolvedLocation resolve(const LocationInput &input) const;

    // "35.68,139.69" (lat,lon; spaces allowed); empty when malformed or out of range.
    static std::optional<GeoPoint> parseLatLon(QStringView text);
    // The region or zone a kubeconfig context, cluster name or server URL names, or empty.
    static QString regionFromContext(QStringView contextOrCluster);
    static QString regionFromServer(QStringView serverUrl);
    // Reads the GA topology labels, then the deprecated failure-domain ones.
    static void fillFromNodeLabels(const QHash<QString, QString> &nodeLabels, LocationInput &input);

    const RegionTable &regions() const { return m_regions; }

private:
    std::optional<ResolvedLocation> fromRegion(QStringView id, LocationSource source) const;

    RegionTable m_regions;
};

} // namespace Meridian::Geo

#include "locationresolver.h"

#include <QRegularExpression>
#include <QUrl>

namespace Meridian::Geo {

LocationResolver::LocationResolver(RegionTable regions)
    : m_regions(std::move(regions))
{}

std::optional<GeoPoint> LocationResolver::parseLatLon(QStringView text)
{
    const QList<QStringView> parts = text.trimmed().split(u',');
    if (parts.size() != 2)
        return std::nullopt;
    bool latOk = false;
    bool lonOk = false;
    const double lat = parts.at(0).trimmed().toDouble(&latOk);
    const double lon = parts.at(1).trimmed().toDouble(&lonOk);
    if (!latOk || !lonOk || lat < -90 || lat > 90 || lon < -180 || lon > 180)
        return std::nullopt;
    return GeoPoint{lon, lat};
}

QString LocationResolver::regionFromContext(QStringView name)
{
    name = name.trimmed();
    // GKE: gke_<project>_<location>_<cluster>; project ids cannot contain '_'.
    if (name.startsWith(u"gke_")) {
        const QList<QStringView> parts = name.split(u'_');
        if (parts.size() >= 4 && !parts.at(2).isEmpty())
            return parts.at(2).toString();
        return {};
    }
    // EKS: arn:aws:eks:<region>:<account>:cluster/<name> (also arn:aws-cn, arn:aws-us-gov).
    if (name.startsWith(u"arn:aws")) {
        const QList<QStringView> parts = name.split(u':');
        if (parts.size() >= 6 && parts.at(2) == u"eks")
            return parts.at(3).toString();
        return {};
    }
    // eksctl: <user>@<cluster>.<region>.eksctl.io
    static const QRegularExpression eksctl(
            QStringLiteral(R"(\.([a-z]{2}(?:-[a-z]+)+-\d+)\.eksctl\.io$)"));
    const QRegularExpressionMatch match = eksctl.match(name.toString());
    if (match.hasMatch())
        return match.captured(1);
    return {};
}

QString LocationResolver::regionFromServer(QStringView serverUrl)
{
    const QString host = QUrl(serverUrl.toString()).host().toLower();
    if (host.isEmpty())
        return {};
    const QList<QStringView> labels = QStringView(host).split(u'.');
    // <id>.<gr7>.<region>.eks.amazonaws.com
    if (host.endsWith(u".eks.amazonaws.com") && labels.size() >= 5)
        return labels.at(labels.size() - 4).toString();
    // <dns-prefix>.hcp.<region>.azmk8s.io or <dns-prefix>.privatelink.<region>.azmk8s.io
    if (host.endsWith(u".azmk8s.io") && labels.size() >= 3)
        return labels.at(labels.size() - 3).toString();
    return {};
}

void LocationResolver::fillFromNodeLabels(const QHash<QString, QString> &nodeLabels,
                                          LocationInput &input)
{
    const auto pick = [&](const QString &ga, const QString &beta) {
        const QString value = nodeLabels.value(ga);
        return value.isEmpty() ? nodeLabels.value(beta) : value;
    };
    input.nodeRegion = pick(QStringLiteral("topology.kubernetes.io/region"),
                            QStringLiteral("failure-domain.beta.kubernetes.io/region"));
    input.nodeZone = pick(QStringLiteral("topology.kubernetes.io/zone"),
                          QStringLiteral("failure-domain.beta.kubernetes.io/zone"));
}

std::optional<ResolvedLocation> LocationResolver::fromRegion(QStringView id,
                                                             LocationSource source) const
{
    if (id.trimmed().isEmpty())
        return std::nullopt;
    const std::optional<RegionInfo> info = m_regions.regionOrZone(id);
    if (!info)
        return std::nullopt;
    return ResolvedLocation{source, info->location, info->region};
}

ResolvedLocation LocationResolver::resolve(const LocationInput &input) const
{
    if (const auto point = parseLatLon(input.overrideLocation))
        return {LocationSource::Override, *point, {}};
    if (const auto point = parseLatLon(input.labels.value(kLocationLabel.toString())))
        return {LocationSource::Label, *point, {}};
    if (auto found = fromRegion(input.karmadaRegion, LocationSource::Karmada))
        return *found;
    for (const QString &zone : input.karmadaZones) {
        if (auto found = fromRegion(zone, LocationSource::Karmada))
            return *found;
    }
    if (auto found = fromRegion(input.nodeRegion, LocationSource::NodeLabels))
        return *found;
    if (auto found = fromRegion(input.nodeZone, LocationSource::NodeLabels))
        return *found;
    for (const QString &name : {input.contextName, input.clusterName}) {
        if (auto found = fromRegion(regionFromContext(name), LocationSource::ContextName))
            return *found;
    }
    if (auto found = fromRegion(regionFromServer(input.serverUrl), LocationSource::ServerUrl))
        return *found;
    return {};
}

} // namespace Meridian::Geo

#include "regiontable.h"

namespace Meridian::Geo {

RegionTable RegionTable::fromTsv(QStringView text)
{
    RegionTable table;
    for (QStringView line : text.split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QList<QStringView> fields = line.split(u'\t');
        bool latOk = false;
        bool lonOk = false;
        const double lat = fields.size() >= 6 ? fields.at(4).toDouble(&latOk) : 0.0;
        const double lon = fields.size() >= 6 ? fields.at(5).toDouble(&lonOk) : 0.0;
        if (!latOk || !lonOk || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            if (!(fields.size() >= 2 && fields.at(1) == u"region")) // the header
                ++table.m_skippedLines;
            continue;
        }
        RegionInfo info{fields.at(0).toString(),
                        fields.at(1).toString(),
                        fields.at(2).toString(),
                        fields.at(3).toString(),
                        {lon, lat}};
        table.m_byId.insert(info.region.toLower(), table.m_regions.size());
        table.m_regions.append(std::move(info));
    }
    return table;
}

std::optional<RegionInfo> RegionTable::region(QStringView id) const
{
    const auto it = m_byId.constFind(id.trimmed().toString().toLower());
    if (it == m_byId.cend())
        return std::nullopt;
    return m_regions.at(it.value());
}

QString RegionTable::regionOfZone(QStringView zone)
{
    zone = zone.trimmed();
    // GCP "asia-northeast1-a", AKS "eastus-1": a final "-<letter>" or "-<digit>".
    const qsizetype dash = zone.lastIndexOf(u'-');
    if (dash > 0 && dash == zone.size() - 2 && zone.back().isLetterOrNumber())
        return zone.left(dash).toString();
    // AWS "us-east-1a": the region ends in a digit and the zone appends one letter.
    if (zone.size() >= 3 && zone.back().isLetter() && zone.at(zone.size() - 2).isDigit())
        return zone.chopped(1).toString();
    return zone.toString();
}

std::optional<RegionInfo> RegionTable::regionOrZone(QStringView id) const
{
    if (auto exact = region(id))
        return exact;
    const QString parent = regionOfZone(id);
    if (parent.size() == id.trimmed().size())
        return std::nullopt;
    return region(parent);
}

} // namespace Meridian::Geo

#pragma once

#include "core/geo/geopoint.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Meridian::Geo {

struct RegionInfo
{
    QString provider; // "gcp", "aws", "azure"
    QString region;   // the provider's id, e.g. "asia-northeast1"
    QString city;
    QString country;
    GeoPoint location;
};

// Cloud region ids and where they are (resources/map/regions.tsv, FACTS §8). Region ids do not
// collide across the three providers, so lookups need no provider.
class RegionTable final
{
public:
    // Tab-separated: provider, region, city, country, lat, lon; a header line and lines that do
    // not parse are skipped (and counted), so one bad line never hides the rest of the table.
    static RegionTable fromTsv(QStringView text);

    bool isEmpty() const { return m_regions.isEmpty(); }
    qsizetype size() const { return m_regions.size(); }
    int skippedLines() const { return m_skippedLines; }

    // Exact region id, case-insensitive.
    std::optional<RegionInfo> region(QStringView id) const;
    // A region id or a zone of one: "asia-northeast1-a" (GCP), "us-east-1a" (AWS),
    // "eastus-1" (AKS); the region itself is tried first.
    std::optional<RegionInfo> regionOrZone(QStringView id) const;
    // The region part of a zone id, or the id itself when it is no zone.
    static QString regionOfZone(QStringView zone);

    const QList<RegionInfo> &regions() const { return m_regions; }

private:
    QList<RegionInfo> m_regions;
    QHash<QString, qsizetype> m_byId; // lower-case id → index
    int m_skippedLines = 0;
};

} // namespace Meridian::Geo

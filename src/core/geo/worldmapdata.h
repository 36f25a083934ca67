#pragma once

#include "core/geo/graticule.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>

namespace Meridian::Geo {

// Land and borders decoded from resources/map/world-*.bin (written by
// resources/map/tools/convert-world-atlas.mjs; the format is described there).
struct WorldMapData
{
    QList<GeoLine> land;    // closed rings; holes (lakes) are rings too, filled odd-even
    QList<GeoLine> borders; // open lines between two countries

    qsizetype pointCount() const;

    static Result<WorldMapData> parse(const QByteArray &bytes);
};

} // namespace Meridian::Geo

#include "worldmapdata.h"

#include <QCoreApplication>
#include <QtEndian>

namespace Meridian::Geo {

namespace {

constexpr char kMagic[] = "MRDNMAP1";
constexpr qsizetype kMagicSize = sizeof(kMagic) - 1;

class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_data(bytes.constData())
        , m_size(bytes.size())
    {}

    bool canRead(qsizetype n) const { return n >= 0 && m_size - m_at >= n; }
    quint32 u32()
    {
        const auto value = qFromLittleEndian<quint32>(m_data + m_at);
        m_at += 4;
        return value;
    }
    qint16 i16()
    {
        const auto value = qFromLittleEndian<qint16>(m_data + m_at);
        m_at += 2;
        return value;
    }
    void skip(qsizetype n) { m_at += n; }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
};

Error truncated()
{
    return {QStringLiteral("ParseError"),
            QCoreApplication::translate("Meridian::Geo::WorldMapData",
                                        "The built-in map data is damaged (truncated).")};
}

} // namespace

qsizetype WorldMapData::pointCount() const
{
    qsizetype n = 0;
    for (const GeoLine &line : land)
        n += line.size();
    for (const GeoLine &line : borders)
        n += line.size();
    return n;
}

Result<WorldMapData> WorldMapData::parse(const QByteArray &bytes)
{
    if (!bytes.startsWith(QByteArrayView(kMagic, kMagicSize)))
        return Error{QStringLiteral("ParseError"),
                     QCoreApplication::translate("Meridian::Geo::WorldMapData",
                                                 "The built-in map data has an unknown format.")};
    Reader in(bytes);
    in.skip(kMagicSize);
    if (!in.canRead(4))
        return truncated();
    const quint32 layers = in.u32();
    WorldMapData data;
    constexpr double kLonScale = 180.0 / 32767.0;
    constexpr double kLatScale = 90.0 / 32767.0;
    for (quint32 layer = 0; layer < layers; ++layer) {
        if (!in.canRead(8))
            return truncated();
        const quint32 kind = in.u32();
        const quint32 lineCount = in.u32();
        QList<GeoLine> *target = kind == 0 ? &data.land : kind == 1 ? &data.borders : nullptr;
        if (target)
            target->reserve(lineCount);
        for (quint32 i = 0; i < lineCount; ++i) {
            if (!in.canRead(4))
                return truncated();
            const quint32 points = in.u32();
            if (!in.canRead(qsizetype(points) * 4))
                return truncated();
            if (!target) { // a layer from a newer converter: skip it
                in.skip(qsizetype(points) * 4);
                continue;
            }
            GeoLine line;
            line.resize(points);
            for (quint32 p = 0; p < points; ++p) {
                const double lon = in.i16() * kLonScale;
                const double lat = in.i16() * kLatScale;
                line[p] = {lon, lat};
            }
            target->append(std::move(line));
        }
    }
    return data;
}

} // namespace Meridian::Geo

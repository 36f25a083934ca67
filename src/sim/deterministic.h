#pragma once

#include <QByteArray>
#include <QStringView>
#include <QtGlobal>

namespace Meridian::Sim {

// Names, uids and tokens derive from (seed, text) so two runs with one seed serve identical
// worlds; FNV-1a over UTF-8 is stable across platforms and Qt versions, unlike qHash.
quint64 stableHash(quint64 seed, QStringView text);

// splitmix64: tiny, fast and good enough for fault dice and generated names. Not cryptographic;
// simulated tokens are only meant to tell a right token from a wrong one.
class Prng final
{
public:
    explicit Prng(quint64 seed);

    quint64 next();
    double nextDouble(); // uniform in [0, 1)
    QByteArray hex(int digits);
    QByteArray alphanumeric(int length); // lowercase letters and digits, like GKE node suffixes
    QByteArray uuid();                   // RFC 4122 version 4 layout, like metadata.uid

private:
    quint64 m_state;
};

} // namespace Meridian::Sim

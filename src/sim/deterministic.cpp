#include "sim/deterministic.h"

#include <QString>

namespace Meridian::Sim {

quint64 stableHash(quint64 seed, QStringView text)
{
    quint64 hash = 14695981039346656037ULL;
    const auto mix = [&hash](quint8 byte) {
        hash ^= byte;
        hash *= 1099511628211ULL;
    };
    for (int i = 0; i < 8; ++i)
        mix(static_cast<quint8>(seed >> (8 * i)));
    for (const char byte : text.toUtf8())
        mix(static_cast<quint8>(byte));
    return hash;
}

Prng::Prng(quint64 seed)
    : m_state(seed)
{}

quint64 Prng::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double Prng::nextDouble()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

QByteArray Prng::hex(int digits)
{
    static constexpr char alphabet[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(digits);
    for (int i = 0; i < digits; ++i)
        out.append(alphabet[next() % 16]);
    return out;
}

QByteArray Prng::alphanumeric(int length)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(alphabet[next() % 36]);
    return out;
}

QByteArray Prng::uuid()
{
    QByteArray h = hex(32);
    h[12] = '4';
    h[16] = "89ab"[next() % 4];
    return h.left(8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' + h.mid(16, 4) + '-'
           + h.mid(20);
}

} // namespace Meridian::Sim

#include "timestamps.h"

#include <cstdio>

namespace Meridian::Logs {

namespace {

constexpr qint64 nsPerSecond = 1000000000;

// Howard Hinnant's days_from_civil.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

void civilFromDays(qint64 z, qint64 &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool digits(std::string_view s, std::size_t at, std::size_t count, int &value)
{
    if (at + count > s.size())
        return false;
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

} // namespace

std::optional<qint64> parseRfc3339(std::string_view s)
{
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, month)
        || s[7] != '-' || !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
        || !digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':'
        || !digits(s, 17, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    std::size_t i = 19;
    qint64 fraction = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        int count = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (count < 9) {
                fraction = fraction * 10 + (s[i] - '0');
                ++count;
            }
            ++i;
        }
        if (count == 0)
            return std::nullopt;
        for (; count < 9; ++count)
            fraction *= 10;
    }
    qint64 offsetSeconds = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int oh, om;
        if (!digits(s, i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':'
            || !digits(s, i + 4, 2, om))
            return std::nullopt;
        offsetSeconds = (s[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != s.size())
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * nsPerSecond + fraction;
}

std::optional<qint64> parseRfc3339(QStringView text)
{
    const QByteArray bytes = text.trimmed().toLatin1();
    return parseRfc3339(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

void appendRfc3339(qint64 ns, QByteArray &out)
{
    qint64 seconds = ns / nsPerSecond;
    qint64 fraction = ns % nsPerSecond;
    if (fraction < 0) {
        fraction += nsPerSecond;
        --seconds;
    }
    qint64 days = seconds / 86400;
    qint64 rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    qint64 y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buffer[48];
    const int n = std::snprintf(buffer,
                                sizeof buffer,
                                "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%09lldZ",
                                static_cast<long long>(y),
                                m,
                                d,
                                static_cast<long long>(rest / 3600),
                                static_cast<long long>(rest / 60 % 60),
                                static_cast<long long>(rest % 60),
                                static_cast<long long>(fraction));
    out.append(buffer, n);
}

QString formatRfc3339(qint64 ns)
{
    QByteArray out;
    appendRfc3339(ns, out);
    return QString::fromLatin1(out);
}

std::optional<qint64> parseDurationNs(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.size() < 2)
        return std::nullopt;
    bool ok = false;
    const qint64 n = t.left(t.size() - 1).toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    switch (t.back().unicode()) {
    case 's': return n * nsPerSecond;
    case 'm': return n * 60 * nsPerSecond;
    case 'h': return n * 3600 * nsPerSecond;
    case 'd': return n * 86400 * nsPerSecond;
    default: return std::nullopt;
    }
}

} // namespace Meridian::Logs

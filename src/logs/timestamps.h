#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>

namespace Meridian::Logs {

// RFC 3339 ("2026-11-27T10:00:00.123456789Z", "...+09:00", 0 to 9 fraction digits) to Unix
// nanoseconds, without allocating: the decoder parses a million of them.
std::optional<qint64> parseRfc3339(std::string_view text);
std::optional<qint64> parseRfc3339(QStringView text);
// "2026-11-27T10:00:00.123456789Z": always nine digits, as Cloud Logging writes them.
QString formatRfc3339(qint64 timestampNs);
// Appends the same to `out` (the exporters' hot path).
void appendRfc3339(qint64 timestampNs, QByteArray &out);
// "1h", "30m", "45s", "2d" for --since; nullopt otherwise.
std::optional<qint64> parseDurationNs(QStringView text);

} // namespace Meridian::Logs

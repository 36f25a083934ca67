#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <string_view>

namespace Meridian::Logs {

// Cloud Logging's LogSeverity stored in one byte: the API's number divided by 100, so ranks
// compare directly and a column of a million entries is a megabyte.
enum class Severity : quint8 {
    Default = 0,
    Debug = 1,
    Info = 2,
    Notice = 3,
    Warning = 4,
    Error = 5,
    Critical = 6,
    Alert = 7,
    Emergency = 8,
};
inline constexpr int severityCount = 9;

QString severityName(Severity severity); // "WARNING"
// The API's enum names or numbers ("warning", "400"), case-insensitive.
std::optional<Severity> severityFromName(QStringView name);
// The same for the bytes of a JSON value; no allocation (the decoder's hot path).
std::optional<Severity> severityFromBytes(std::string_view name);
// An application's level word as GKE's agent maps it: WARN -> WARNING, FATAL -> CRITICAL,
// TRACE -> DEBUG, ERR -> ERROR; nullopt for anything else.
std::optional<Severity> severityFromLevel(std::string_view level);
// What a container's text line implies when nothing says its severity (pod logs): the JSON
// "severity" of a JSON line, a level word near the start, or an access line's HTTP status
// (5xx ERROR, 4xx WARNING, otherwise INFO), as Cloud Logging shows the same line.
Severity severityOfLine(std::string_view line);

// The operator's floor, as meridianctl --severity takes it: ">=WARNING", "WARNING", ">ERROR",
// "=INFO" (exactly), "400". Returns the inclusive [low, high] range.
struct SeverityRange
{
    Severity low = Severity::Default;
    Severity high = Severity::Emergency;
    bool contains(Severity s) const { return s >= low && s <= high; }
    bool isAll() const { return low == Severity::Default && high == Severity::Emergency; }
    friend bool operator==(const SeverityRange &, const SeverityRange &) = default;
};
std::optional<SeverityRange> parseSeverityRange(QStringView spec);

} // namespace Meridian::Logs

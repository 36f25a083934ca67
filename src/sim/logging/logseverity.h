#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Meridian::Sim {

// Cloud Logging's LogSeverity; the values are the API's own numbers, so ranks compare directly.
enum class LogSeverity {
    Default = 0,
    Debug = 100,
    Info = 200,
    Notice = 300,
    Warning = 400,
    Error = 500,
    Critical = 600,
    Alert = 700,
    Emergency = 800,
};

QString severityName(LogSeverity severity); // "WARNING"
// The API's enum names or numbers, case-insensitive ("warning", "400").
std::optional<LogSeverity> severityFromName(QStringView name);
// An application's level word as GKE's agent maps it: WARN -> WARNING, FATAL -> CRITICAL,
// TRACE -> DEBUG; unknown words are DEFAULT.
LogSeverity severityFromLevel(QStringView level);

} // namespace Meridian::Sim

#include "sim/logging/logseverity.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

constexpr std::array<std::pair<LogSeverity, QStringView>, 9> names{{
        {LogSeverity::Default, u"DEFAULT"},
        {LogSeverity::Debug, u"DEBUG"},
        {LogSeverity::Info, u"INFO"},
        {LogSeverity::Notice, u"NOTICE"},
        {LogSeverity::Warning, u"WARNING"},
        {LogSeverity::Error, u"ERROR"},
        {LogSeverity::Critical, u"CRITICAL"},
        {LogSeverity::Alert, u"ALERT"},
        {LogSeverity::Emergency, u"EMERGENCY"},
}};

} // namespace

QString severityName(LogSeverity severity)
{
    for (const auto &[value, name] : names) {
        if (value == severity)
            return name.toString();
    }
    return u"DEFAULT"_s;
}

std::optional<LogSeverity> severityFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const auto &[value, text] : names) {
        if (trimmed.compare(text, Qt::CaseInsensitive) == 0)
            return value;
    }
    bool ok = false;
    const int number = trimmed.toInt(&ok);
    if (ok) {
        for (const auto &[value, text] : names) {
            if (static_cast<int>(value) == number)
                return value;
        }
    }
    return std::nullopt;
}

LogSeverity severityFromLevel(QStringView level)
{
    const QStringView word = level.trimmed();
    const auto is = [word](QStringView candidate) {
        return word.compare(candidate, Qt::CaseInsensitive) == 0;
    };
    if (is(u"TRACE") || is(u"FINE") || is(u"FINEST") || is(u"VERBOSE"))
        return LogSeverity::Debug;
    if (is(u"WARN"))
        return LogSeverity::Warning;
    if (is(u"ERR"))
        return LogSeverity::Error;
    if (is(u"FATAL") || is(u"PANIC") || is(u"CRIT"))
        return LogSeverity::Critical;
    return severityFromName(word).value_or(LogSeverity::Default);
}

} // namespace Meridian::Sim

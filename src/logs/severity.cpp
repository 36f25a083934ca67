#include "severity.h"

#include <array>
#include <cctype>

namespace Meridian::Logs {

namespace {

constexpr std::array<std::string_view, severityCount> names{"DEFAULT",
                                                            "DEBUG",
                                                            "INFO",
                                                            "NOTICE",
                                                            "WARNING",
                                                            "ERROR",
                                                            "CRITICAL",
                                                            "ALERT",
                                                            "EMERGENCY"};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i]))
            != std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

QString severityName(Severity severity)
{
    const auto index = static_cast<std::size_t>(severity);
    const std::string_view name = index < names.size() ? names[index] : names[0];
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

std::optional<Severity> severityFromBytes(std::string_view name)
{
    name = trimmed(name);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (equalsIgnoringCase(name, names[i]))
            return static_cast<Severity>(i);
    }
    if (name.empty() || name.size() > 3)
        return std::nullopt;
    int number = 0;
    for (const char c : name) {
        if (!isDigit(c))
            return std::nullopt;
        number = number * 10 + (c - '0');
    }
    if (number % 100 != 0 || number / 100 >= severityCount)
        return std::nullopt;
    return static_cast<Severity>(number / 100);
}

std::optional<Severity> severityFromName(QStringView name)
{
    const QByteArray bytes = name.toUtf8();
    return severityFromBytes(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

std::optional<Severity> severityFromLevel(std::string_view level)
{
    level = trimmed(level);
    const auto is = [level](std::string_view word) { return equalsIgnoringCase(level, word); };
    if (is("TRACE") || is("FINE") || is("FINEST") || is("VERBOSE"))
        return Severity::Debug;
    if (is("WARN"))
        return Severity::Warning;
    if (is("ERR"))
        return Severity::Error;
    if (is("FATAL") || is("PANIC") || is("CRIT"))
        return Severity::Critical;
    if (level.empty() || isDigit(level.front()))
        return std::nullopt;
    return severityFromBytes(level);
}

Severity severityOfLine(std::string_view line)
{
    // A JSON line: its "severity" (or "level") member, as GKE's agent lifts it.
    if (!line.empty() && line.front() == '{') {
        for (const std::string_view key :
             {std::string_view("\"severity\""), std::string_view("\"level\"")}) {
            const std::size_t at = line.find(key);
            if (at == std::string_view::npos)
                continue;
            std::size_t i = at + key.size();
            while (i < line.size() && (line[i] == ' ' || line[i] == ':'))
                ++i;
            if (i < line.size() && line[i] == '"') {
                const std::size_t end = line.find('"', i + 1);
                if (end != std::string_view::npos) {
                    if (auto s = severityFromLevel(line.substr(i + 1, end - i - 1)))
                        return *s;
                }
            }
        }
        return Severity::Info;
    }
    // An access line: `"GET /path HTTP/1.1" 404 ...`.
    const std::size_t http = line.find(" HTTP/");
    if (http != std::string_view::npos) {
        const std::size_t quote = line.find("\" ", http);
        if (quote != std::string_view::npos && quote + 5 <= line.size() && isDigit(line[quote + 2])
            && isDigit(line[quote + 3]) && isDigit(line[quote + 4])) {
            const char klass = line[quote + 2];
            return klass == '5'   ? Severity::Error
                   : klass == '4' ? Severity::Warning
                                  : Severity::Info;
        }
    }
    // An application line: a level word among the first three words.
    std::size_t i = 0;
    for (int word = 0; word < 3 && i < line.size(); ++word) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        std::size_t end = i;
        while (end < line.size() && line[end] != ' ')
            ++end;
        std::string_view token = line.substr(i, end - i);
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
            token = token.substr(1, token.size() - 2);
        if (token.size() >= 3 && token.size() <= 9) {
            if (auto s = severityFromLevel(token))
                return *s;
        }
        i = end;
    }
    return Severity::Default;
}

std::optional<SeverityRange> parseSeverityRange(QStringView spec)
{
    const QByteArray bytes = spec.trimmed().toUtf8();
    std::string_view s(bytes.constData(), std::size_t(bytes.size()));
    enum { Ge, Gt, Eq, Le, Lt } op = Ge;
    if (s.starts_with(">=")) {
        op = Ge;
        s.remove_prefix(2);
    } else if (s.starts_with("<=")) {
        op = Le;
        s.remove_prefix(2);
    } else if (s.starts_with('>')) {
        op = Gt;
        s.remove_prefix(1);
    } else if (s.starts_with('<')) {
        op = Lt;
        s.remove_prefix(1);
    } else if (s.starts_with('=')) {
        op = Eq;
        s.remove_prefix(1);
    }
    const std::optional<Severity> level = severityFromBytes(s);
    if (!level)
        return std::nullopt;
    const int rank = static_cast<int>(*level);
    SeverityRange range;
    switch (op) {
    case Ge: range.low = *level; break;
    case Gt:
        if (rank + 1 >= severityCount)
            return std::nullopt;
        range.low = static_cast<Severity>(rank + 1);
        break;
    case Eq: range.low = range.high = *level; break;
    case Le: range.high = *level; break;
    case Lt:
        if (rank == 0)
            return std::nullopt;
        range.high = static_cast<Severity>(rank - 1);
        break;
    }
    return range;
}

} // namespace Meridian::Logs

#pragma once

#include "core/result.h"
#include "sim/logging/logseverity.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace Meridian::Sim {

// The fields of one LogEntry that a filter can look at.
struct LogEntryView
{
    qint64 timestampNs = 0;
    LogSeverity severity = LogSeverity::Default;
    QString logName;
    QString insertId;
    QString resourceType;
    QHash<QString, QString> resourceLabels;
    QHash<QString, QString> labels;
    QString textPayload;
    QJsonObject jsonPayload;
    QJsonObject httpRequest;
};

// A subset of the Cloud Logging query language, parsed once and evaluated per entry:
// comparisons (= != < <= > >= : =~ !~) on resource.type, resource.labels.*, labels.* (quoted
// keys too), severity (by rank), timestamp (RFC 3339), logName, insertId, textPayload,
// jsonPayload.* and httpRequest.*; AND, OR, NOT, leading '-', juxtaposition as AND, parentheses,
// value alternatives (field = ("a" OR "b")), presence (field:*) and bare words or strings that
// search every field. As in Google's grammar, OR binds tighter than AND.
class LogFilter final
{
public:
    struct Node;

    // The empty filter matches everything. Errors carry code "InvalidArgument" and a message
    // "Invalid query: ..." naming line and column, as the API's 400 answer does.
    static Result<LogFilter> parse(const QString &text);

    LogFilter();
    ~LogFilter();
    LogFilter(const LogFilter &);
    LogFilter &operator=(const LogFilter &);
    LogFilter(LogFilter &&) noexcept;
    LogFilter &operator=(LogFilter &&) noexcept;

    bool matches(const LogEntryView &entry) const;
    // Only the top-level conditions that depend on resource.* and labels.* alone, evaluated on
    // an entry whose other fields are empty: false means no line of that container can match.
    bool mayMatchContainer(const LogEntryView &container) const;
    // The timestamp range the top-level conditions allow, in Unix nanoseconds, inclusive.
    qint64 earliestNs() const;
    qint64 latestNs() const;

private:
    std::shared_ptr<const Node> m_root; // immutable once parsed, so copies share it
    qint64 m_earliestNs;
    qint64 m_latestNs;
};

// RFC 3339 ("2024-05-01T00:00:00Z", "...T00:00:00.123456789+02:00") to Unix nanoseconds.
std::optional<qint64> parseRfc3339Nanos(QStringView text);

} // namespace Meridian::Sim

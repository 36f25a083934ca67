#pragma once

#include "logstore.h"

#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <atomic>
#include <limits>
#include <vector>

namespace Meridian::Logs {

// What the operator narrowed the view to. Every condition must hold (AND); an empty one holds
// for every entry.
struct LogFilter
{
    QSet<QString> clusters; // empty: every cluster
    QString namespaceName;  // exact
    QString workload;       // pod name prefix "<workload>-", or the pod's own name
    QString container;      // exact
    SeverityRange severity;
    QString text;    // case-insensitive substring of the message (ASCII letters fold)
    QString exclude; // case-insensitive substring the message must not contain
    QString regex;   // QRegularExpression (PCRE) on the message, case-insensitive
    qint64 fromNs = std::numeric_limits<qint64>::min(); // inclusive
    qint64 toNs = std::numeric_limits<qint64>::max();   // exclusive

    bool isEmpty() const;
    friend bool operator==(const LogFilter &, const LogFilter &) = default;
};

// The ids (LogStore numbering, ascending) of the snapshot's entries that pass the filter.
struct FilterResult
{
    std::vector<quint64> ids;
    bool cancelled = false;
    QString error; // a regex that does not compile; ids is empty then
};

// Runs the filter over a snapshot: conditions on columns first, then one case-insensitive
// Boyer-Moore-Horspool pass over each segment's message arena (not message by message), then
// the regex on what is left. Safe on any thread; `cancel` is polled between segments.
FilterResult runFilter(const LogSnapshot &snapshot,
                       const SourceTable &sources,
                       const LogFilter &filter,
                       const std::atomic_bool *cancel = nullptr);

// Case-insensitive (ASCII) substring search over bytes, the engine's matcher; exposed for the
// benchmark's plain scan.
class CaseInsensitiveSearcher final
{
public:
    explicit CaseInsensitiveSearcher(std::string_view needle);
    // The first match at or after `from`, or npos.
    std::size_t find(std::string_view haystack, std::size_t from = 0) const;
    bool isEmpty() const { return m_needle.empty(); }

private:
    std::string m_needle; // folded
    std::size_t m_shift[256];
};

} // namespace Meridian::Logs

#pragma once

#include "logfilter.h"
#include "severity.h"

#include <QString>
#include <QStringList>

namespace Meridian::Logs {

// What the operator asked for, as both sources understand it. The part a source can evaluate
// on the server is pushed down; the rest runs locally (toLocalFilter()), so both sources give
// exactly the same entries.
struct LogQuery
{
    QStringList clusters;  // empty: all
    QString namespaceName; // empty: all
    QString workload;      // pods "<workload>-..." (a Deployment's pods)
    SeverityRange severity;
    QString text;      // case-insensitive substring of the message
    qint64 fromNs = 0; // 0: open
    qint64 toNs = 0;   // 0: open (now)
    bool follow = false;

    LogFilter toLocalFilter() const;
};

// The Logging query language filter for entries:list (FACTS.md §7.5): resource.type,
// cluster_name alternatives, namespace_name, pod_name prefix (as ":"), severity range, timestamp
// range, and the text as a quoted global search. `afterNs` (follow mode) replaces fromNs with
// timestamp>=.
QString cloudLoggingFilter(const LogQuery &query, qint64 afterNs = 0);
// A Logging query language string literal: "a \"quoted\" \\ value".
QString quotedLiteral(const QString &value);

} // namespace Meridian::Logs

#include "logquery.h"

#include "timestamps.h"

namespace Meridian::Logs {

LogFilter LogQuery::toLocalFilter() const
{
    LogFilter f;
    for (const QString &c : clusters)
        f.clusters.insert(c);
    f.namespaceName = namespaceName;
    f.workload = workload;
    f.severity = severity;
    f.text = text;
    if (fromNs)
        f.fromNs = fromNs;
    if (toNs)
        f.toNs = toNs;
    return f;
}

QString quotedLiteral(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            out.append(u'\\');
        out.append(c);
    }
    out.append(u'"');
    return out;
}

QString cloudLoggingFilter(const LogQuery &query, qint64 afterNs)
{
    QStringList parts{QStringLiteral("resource.type=\"k8s_container\"")};
    if (!query.clusters.isEmpty()) {
        QStringList names;
        for (const QString &c : query.clusters)
            names.append(quotedLiteral(c));
        parts.append(QStringLiteral("resource.labels.cluster_name=(%1)")
                             .arg(names.join(QStringLiteral(" OR "))));
    }
    if (!query.namespaceName.isEmpty())
        parts.append(QStringLiteral("resource.labels.namespace_name=%1")
                             .arg(quotedLiteral(query.namespaceName)));
    if (!query.workload.isEmpty())
        parts.append(QStringLiteral("resource.labels.pod_name:%1")
                             .arg(quotedLiteral(query.workload + u'-')));
    if (query.severity.low != Severity::Default)
        parts.append(QStringLiteral("severity>=%1").arg(severityName(query.severity.low)));
    if (query.severity.high != Severity::Emergency)
        parts.append(QStringLiteral("severity<=%1").arg(severityName(query.severity.high)));
    if (afterNs)
        parts.append(QStringLiteral("timestamp>=\"%1\"").arg(formatRfc3339(afterNs)));
    else if (query.fromNs)
        parts.append(QStringLiteral("timestamp>=\"%1\"").arg(formatRfc3339(query.fromNs)));
    if (query.toNs)
        parts.append(QStringLiteral("timestamp<\"%1\"").arg(formatRfc3339(query.toNs)));
    if (!query.text.isEmpty())
        parts.append(quotedLiteral(query.text));
    return parts.join(QStringLiteral(" AND "));
}

} // namespace Meridian::Logs

#include "logexport.h"

#include "timestamps.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meridian::Logs {

namespace {

QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n')
        || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

Status exportEntries(const LogSnapshot &snapshot,
                     const SourceTable &sources,
                     const std::vector<quint64> &ids,
                     ExportFormat format,
                     QIODevice &out)
{
    QByteArray buffer;
    if (format == ExportFormat::Csv)
        buffer = "timestamp,cluster,namespace,pod,container,severity,message\r\n";
    std::size_t segment = 0;
    for (const quint64 id : ids) {
        while (segment + 1 < snapshot.segments.size()
               && snapshot.segmentFirstIds[segment + 1] <= id)
            ++segment;
        if (segment >= snapshot.segments.size() || id < snapshot.segmentFirstIds[segment])
            continue;
        const LogSegment &s = *snapshot.segments[segment];
        const std::size_t i = id - snapshot.segmentFirstIds[segment];
        if (i >= s.size())
            continue;
        const LogSource source = sources.source(s.sources[i]);
        const std::string_view m = s.message(i);
        const QString message = QString::fromUtf8(m.data(), qsizetype(m.size()));
        const QString timestamp = formatRfc3339(s.timestamps[i]);
        const QString severity = severityName(s.severities[i]);
        if (format == ExportFormat::Ndjson) {
            const QJsonObject line{{QStringLiteral("timestamp"), timestamp},
                                   {QStringLiteral("cluster"), source.cluster},
                                   {QStringLiteral("namespace"), source.namespaceName},
                                   {QStringLiteral("pod"), source.pod},
                                   {QStringLiteral("container"), source.container},
                                   {QStringLiteral("severity"), severity},
                                   {QStringLiteral("message"), message}};
            buffer += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        } else {
            buffer += csvField(timestamp) + ',' + csvField(source.cluster) + ','
                      + csvField(source.namespaceName) + ',' + csvField(source.pod) + ','
                      + csvField(source.container) + ',' + csvField(severity) + ','
                      + csvField(message) + "\r\n";
        }
        if (buffer.size() > (1 << 20)) {
            if (out.write(buffer) != buffer.size())
                return Error{QStringLiteral("WriteFailed"), out.errorString()};
            buffer.clear();
        }
    }
    if (out.write(buffer) != buffer.size())
        return Error{QStringLiteral("WriteFailed"), out.errorString()};
    return succeeded();
}

} // namespace Meridian::Logs

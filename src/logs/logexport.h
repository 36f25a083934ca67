#pragma once

#include "logstore.h"

#include "core/result.h"

#include <QIODevice>

#include <vector>

namespace Meridian::Logs {

enum class ExportFormat { Ndjson, Csv };

// Writes the entries `ids` (ascending store ids) of the snapshot: NDJSON lines with timestamp,
// cluster, namespace, pod, container, severity and message (as meridianctl logs -o ndjson), or
// CSV with those columns and RFC 4180 quoting. Safe in a job.
Status exportEntries(const LogSnapshot &snapshot,
                     const SourceTable &sources,
                     const std::vector<quint64> &ids,
                     ExportFormat format,
                     QIODevice &out);

} // namespace Meridian::Logs

#pragma once

#include "logstore.h"

#include "core/result.h"

#include <QByteArray>

#include <memory>
#include <string>
#include <vector>

namespace Meridian::Logs {

// One entries:list answer, decoded into a segment.
struct DecodedPage
{
    SegmentPtr segment; // nullptr when the page had no entries (that happens; keep paging)
    QByteArray nextPageToken;
    std::size_t entries = 0;
    qint64 newestNs = 0;                // the largest timestamp on the page
    std::vector<std::string> newestIds; // insertIds of the entries at newestNs (follow dedupe)
};

// Decodes Cloud Logging entries:list pages (LogEntry JSON, FACTS.md §7.3) with simdjson's
// on-demand parser straight into columns: one pass, no DOM, no QString per field. Holds its
// parser and buffers between pages; one decoder per thread.
class PageDecoder final
{
public:
    explicit PageDecoder(std::shared_ptr<SourceTable> sources);
    ~PageDecoder();
    PageDecoder(const PageDecoder &) = delete;
    PageDecoder &operator=(const PageDecoder &) = delete;

    // Entries with fields missing still decode (empty names, DEFAULT severity, the
    // receiveTimestamp or 0 for time). Invalid UTF-8 is replaced by U+FFFD. Fails only when the
    // page is not JSON or not an object.
    Result<DecodedPage> decode(const QByteArray &page);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meridian::Logs

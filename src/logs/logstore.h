#pragma once

#include "severity.h"

#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Meridian::Logs {

// Where a line comes from: one container stream of one pod in one cluster. Interned, so an entry
// carries a 4-byte id instead of seven strings.
struct LogSource
{
    QString cluster;
    QString namespaceName;
    QString pod;
    QString container;
    QString location;  // the cluster's zone or region (resource.labels.location)
    QString projectId; // empty for pod logs
    QString logName;   // "projects/P/logs/stdout"; empty for pod logs
    QByteArray labels; // compact JSON object of LogEntry.labels, or empty
};

// Every source and cluster seen so far. Append-only and thread-safe: decoders intern from any
// thread, the view reads from the GUI thread, filter jobs copy what they need up front.
class SourceTable final
{
public:
    struct Key
    {
        std::string_view cluster, namespaceName, pod, container, location, projectId, logName,
                labels;
    };
    quint32 intern(const Key &key);
    LogSource source(quint32 id) const;
    // The cluster index (into clusters()) of each source, indexed by source id.
    std::vector<quint16> clusterOfSources() const;
    quint16 clusterOf(quint32 sourceId) const;
    QStringList clusters() const; // in order of first appearance
    int size() const;

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, quint32> m_ids;
    std::vector<LogSource> m_sources;
    std::vector<quint16> m_clusterOf;
    QStringList m_clusters;
    QHash<QString, quint16> m_clusterIds;
    std::string m_key; // scratch, under the mutex
};

// A run of entries in columns. Built by one thread (a decoder, a pod stream), then shared as
// std::shared_ptr<const LogSegment> and never changed again, so filter jobs read it without locks.
struct LogSegment
{
    std::vector<qint64> timestamps; // Unix nanoseconds
    std::vector<quint32> sources;   // SourceTable ids
    std::vector<Severity> severities;
    std::vector<quint32> textEnd; // message i is text[textEnd[i-1] .. textEnd[i])
    std::vector<char> text;       // message bytes (UTF-8), back to back
    std::vector<quint32> extraEnd;
    std::vector<char> extras; // per entry: a compact JSON object of the fields not above, or ""

    std::size_t size() const { return timestamps.size(); }
    std::string_view message(std::size_t i) const
    {
        const quint32 begin = i == 0 ? 0 : textEnd[i - 1];
        return {text.data() + begin, textEnd[i] - begin};
    }
    std::string_view extra(std::size_t i) const
    {
        const quint32 begin = i == 0 ? 0 : extraEnd[i - 1];
        return {extras.data() + begin, extraEnd[i] - begin};
    }
    std::size_t textBegin(std::size_t i) const { return i == 0 ? 0 : textEnd[i - 1]; }
    // What the segment holds on the heap (capacities, not sizes).
    std::size_t memoryBytes() const;
};
using SegmentPtr = std::shared_ptr<const LogSegment>;

// Fills segments one entry at a time; take() hands over what is built.
class SegmentBuilder final
{
public:
    // Invalid UTF-8 in message or extra is replaced by U+FFFD; the store holds valid UTF-8 only.
    void append(qint64 timestampNs,
                quint32 source,
                Severity severity,
                std::string_view message,
                std::string_view extra = {});
    // The same for bytes known to be valid UTF-8 (the decoder's: simdjson validated the page).
    void appendValidUtf8(qint64 timestampNs,
                         quint32 source,
                         Severity severity,
                         std::string_view message,
                         std::string_view extra);
    std::size_t size() const { return m_segment ? m_segment->size() : 0; }
    // The entries so far as one segment (trimmed to size), or nullptr when there are none.
    SegmentPtr take();

private:
    std::unique_ptr<LogSegment> m_segment;
};

// Entries are numbered in order of arrival from 0 on; eviction drops the oldest, so the live
// ids are [firstId(), firstId() + size()).
struct LogSnapshot
{
    std::vector<SegmentPtr> segments;
    std::vector<quint64> segmentFirstIds;
    quint64 firstId = 0;
    quint64 endId = 0;
};

// The columnar log store, bounded by a memory budget. Not thread-safe: one owner (the model on
// the GUI thread, or the CLI) appends and reads; other threads get snapshot()s.
class LogStore final
{
public:
    explicit LogStore(std::shared_ptr<SourceTable> sources,
                      std::size_t memoryBudgetBytes = std::size_t(512) << 20);

    struct Appended
    {
        quint64 firstNewId = 0;
        std::size_t added = 0;
        quint64 evicted = 0; // entries evicted by this append
    };
    // Takes the segment over. Small segments (follow mode) are coalesced with the last one.
    Appended append(SegmentPtr segment);
    void clear(); // evicts nothing: forgets everything and counts nothing

    void setMemoryBudget(std::size_t bytes) { m_budget = bytes; }
    std::size_t memoryBudget() const { return m_budget; }
    std::size_t memoryBytes() const { return m_memory; }

    quint64 firstId() const { return m_firstId; }
    quint64 endId() const { return m_firstId + m_size; }
    std::size_t size() const { return m_size; }
    quint64 evictedCount() const { return m_evicted; }
    bool contains(quint64 id) const { return id >= m_firstId && id < endId(); }

    struct Ref
    {
        const LogSegment *segment = nullptr;
        std::size_t index = 0;
        explicit operator bool() const { return segment != nullptr; }
    };
    Ref at(quint64 id) const; // an empty Ref when id is not live

    LogSnapshot snapshot() const;
    const std::shared_ptr<SourceTable> &sources() const { return m_sources; }

private:
    void evictToBudget();

    std::shared_ptr<SourceTable> m_sources;
    std::size_t m_budget;
    std::vector<SegmentPtr> m_segments;
    std::vector<quint64> m_firstIds; // id of each segment's first entry
    quint64 m_firstId = 0;
    std::size_t m_size = 0;
    std::size_t m_memory = 0;
    quint64 m_evicted = 0;
};

// A stable colour per cluster name, as HSV hue; the view turns it into a QColor.
int clusterHue(QStringView cluster);

} // namespace Meridian::Logs

Q_DECLARE_METATYPE(Meridian::Logs::SegmentPtr)

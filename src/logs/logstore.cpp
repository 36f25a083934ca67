#include "logstore.h"

#include "core/softassert.h"

#include <simdjson.h>

#include <algorithm>

namespace Meridian::Logs {

namespace {

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

template<typename T>
std::size_t heapBytes(const std::vector<T> &v)
{
    return v.capacity() * sizeof(T);
}

// Coalesce follow-mode trickles into segments of at least this many entries.
// Copying the last segment costs the GUI thread time, so only trickles (follow mode, pod
// streams) are merged, and only up to a few thousand entries.
constexpr std::size_t smallSegment = 256;
constexpr std::size_t coalescedSegment = 4096;

void appendBytes(std::vector<char> &to, std::vector<quint32> &ends, std::string_view bytes)
{
    if (!bytes.empty() && !simdjson::validate_utf8(bytes.data(), bytes.size())) {
        const QByteArray clean = QString::fromUtf8(bytes.data(), qsizetype(bytes.size())).toUtf8();
        to.insert(to.end(), clean.constData(), clean.constData() + clean.size());
    } else {
        to.insert(to.end(), bytes.begin(), bytes.end());
    }
    ends.push_back(quint32(to.size()));
}

} // namespace

quint32 SourceTable::intern(const Key &key)
{
    std::lock_guard lock(m_mutex);
    m_key.clear();
    for (const std::string_view part : {key.cluster,
                                        key.namespaceName,
                                        key.pod,
                                        key.container,
                                        key.location,
                                        key.projectId,
                                        key.logName,
                                        key.labels}) {
        m_key.append(part);
        m_key.push_back('\x1f');
    }
    if (const auto it = m_ids.find(m_key); it != m_ids.end())
        return it->second;
    LogSource source{toQString(key.cluster),
                     toQString(key.namespaceName),
                     toQString(key.pod),
                     toQString(key.container),
                     toQString(key.location),
                     toQString(key.projectId),
                     toQString(key.logName),
                     QByteArray(key.labels.data(), qsizetype(key.labels.size()))};
    quint16 cluster = 0;
    if (const auto it = m_clusterIds.constFind(source.cluster); it != m_clusterIds.cend()) {
        cluster = it.value();
    } else {
        cluster = quint16(m_clusters.size());
        m_clusterIds.insert(source.cluster, cluster);
        m_clusters.append(source.cluster);
    }
    const auto id = quint32(m_sources.size());
    m_sources.push_back(std::move(source));
    m_clusterOf.push_back(cluster);
    m_ids.emplace(m_key, id);
    return id;
}

LogSource SourceTable::source(quint32 id) const
{
    std::lock_guard lock(m_mutex);
    MERIDIAN_ASSERT(id < m_sources.size(), return {});
    return m_sources[id];
}

std::vector<quint16> SourceTable::clusterOfSources() const
{
    std::lock_guard lock(m_mutex);
    return m_clusterOf;
}

quint16 SourceTable::clusterOf(quint32 sourceId) const
{
    std::lock_guard lock(m_mutex);
    MERIDIAN_ASSERT(sourceId < m_clusterOf.size(), return 0);
    return m_clusterOf[sourceId];
}

QStringList SourceTable::clusters() const
{
    std::lock_guard lock(m_mutex);
    return m_clusters;
}

int SourceTable::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_sources.size());
}

std::size_t LogSegment::memoryBytes() const
{
    return sizeof(LogSegment) + heapBytes(timestamps) + heapBytes(sources) + heapBytes(severities)
           + heapBytes(textEnd) + heapBytes(text) + heapBytes(extraEnd) + heapBytes(extras);
}

void SegmentBuilder::append(qint64 timestampNs,
                            quint32 source,
                            Severity severity,
                            std::string_view message,
                            std::string_view extra)
{
    if (!m_segment) {
        m_segment = std::make_unique<LogSegment>();
        m_segment->text.reserve(64 * 1024);
    }
    LogSegment &s = *m_segment;
    s.timestamps.push_back(timestampNs);
    s.sources.push_back(source);
    s.severities.push_back(severity);
    appendBytes(s.text, s.textEnd, message);
    appendBytes(s.extras, s.extraEnd, extra);
}

void SegmentBuilder::appendValidUtf8(qint64 timestampNs,
                                     quint32 source,
                                     Severity severity,
                                     std::string_view message,
                                     std::string_view extra)
{
    if (!m_segment) {
        m_segment = std::make_unique<LogSegment>();
        m_segment->text.reserve(64 * 1024);
    }
    LogSegment &s = *m_segment;
    s.timestamps.push_back(timestampNs);
    s.sources.push_back(source);
    s.severities.push_back(severity);
    s.text.insert(s.text.end(), message.begin(), message.end());
    s.textEnd.push_back(quint32(s.text.size()));
    s.extras.insert(s.extras.end(), extra.begin(), extra.end());
    s.extraEnd.push_back(quint32(s.extras.size()));
}

SegmentPtr SegmentBuilder::take()
{
    if (!m_segment || m_segment->size() == 0)
        return nullptr;
    LogSegment &s = *m_segment;
    s.timestamps.shrink_to_fit();
    s.sources.shrink_to_fit();
    s.severities.shrink_to_fit();
    s.textEnd.shrink_to_fit();
    s.text.shrink_to_fit();
    s.extraEnd.shrink_to_fit();
    s.extras.shrink_to_fit();
    return SegmentPtr(std::move(m_segment));
}

LogStore::LogStore(std::shared_ptr<SourceTable> sources, std::size_t memoryBudgetBytes)
    : m_sources(std::move(sources))
    , m_budget(memoryBudgetBytes)
{}

LogStore::Appended LogStore::append(SegmentPtr segment)
{
    Appended result;
    result.firstNewId = endId();
    if (!segment || segment->size() == 0)
        return result;
    result.added = segment->size();
    if (!m_segments.empty() && segment->size() < smallSegment
        && m_segments.back()->size() + segment->size() <= coalescedSegment) {
        // Merge into a copy of the last segment: readers holding the old one keep it intact.
        const SegmentPtr &last = m_segments.back();
        auto merged = std::make_shared<LogSegment>();
        const std::size_t n = last->size() + segment->size();
        merged->timestamps.reserve(n);
        merged->sources.reserve(n);
        merged->severities.reserve(n);
        merged->textEnd.reserve(n);
        merged->extraEnd.reserve(n);
        merged->text.reserve(last->text.size() + segment->text.size());
        merged->extras.reserve(last->extras.size() + segment->extras.size());
        merged->timestamps = last->timestamps;
        merged->sources = last->sources;
        merged->severities = last->severities;
        merged->textEnd = last->textEnd;
        merged->extraEnd = last->extraEnd;
        merged->text = last->text;
        merged->extras = last->extras;
        const auto textBase = quint32(merged->text.size());
        const auto extraBase = quint32(merged->extras.size());
        merged->timestamps.insert(merged->timestamps.end(),
                                  segment->timestamps.begin(),
                                  segment->timestamps.end());
        merged->sources.insert(merged->sources.end(),
                               segment->sources.begin(),
                               segment->sources.end());
        merged->severities.insert(merged->severities.end(),
                                  segment->severities.begin(),
                                  segment->severities.end());
        merged->text.insert(merged->text.end(), segment->text.begin(), segment->text.end());
        merged->extras.insert(merged->extras.end(), segment->extras.begin(), segment->extras.end());
        for (const quint32 end : segment->textEnd)
            merged->textEnd.push_back(textBase + end);
        for (const quint32 end : segment->extraEnd)
            merged->extraEnd.push_back(extraBase + end);
        m_memory -= last->memoryBytes();
        m_memory += merged->memoryBytes();
        m_segments.back() = std::move(merged);
    } else {
        m_firstIds.push_back(endId());
        m_memory += segment->memoryBytes();
        m_segments.push_back(std::move(segment));
    }
    m_size += result.added;
    const quint64 before = m_evicted;
    evictToBudget();
    result.evicted = m_evicted - before;
    return result;
}

void LogStore::evictToBudget()
{
    std::size_t drop = 0;
    while (m_memory > m_budget && m_segments.size() - drop > 1) {
        const SegmentPtr &oldest = m_segments[drop];
        m_memory -= oldest->memoryBytes();
        m_evicted += oldest->size();
        m_size -= oldest->size();
        m_firstId += oldest->size();
        ++drop;
    }
    if (drop > 0) {
        m_segments.erase(m_segments.begin(), m_segments.begin() + std::ptrdiff_t(drop));
        m_firstIds.erase(m_firstIds.begin(), m_firstIds.begin() + std::ptrdiff_t(drop));
    }
}

void LogStore::clear()
{
    m_firstId = endId();
    m_segments.clear();
    m_firstIds.clear();
    m_size = 0;
    m_memory = 0;
}

LogStore::Ref LogStore::at(quint64 id) const
{
    if (!contains(id))
        return {};
    const auto it = std::upper_bound(m_firstIds.begin(), m_firstIds.end(), id);
    const auto segment = std::size_t(it - m_firstIds.begin()) - 1;
    return Ref{m_segments[segment].get(), std::size_t(id - m_firstIds[segment])};
}

LogSnapshot LogStore::snapshot() const
{
    return LogSnapshot{m_segments, m_firstIds, m_firstId, endId()};
}

int clusterHue(QStringView cluster)
{
    // FNV-1a, spread over the hue circle in steps that keep neighbours apart.
    quint32 hash = 2166136261u;
    for (const QChar c : cluster) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return int((hash % 24u) * 15u);
}

} // namespace Meridian::Logs

#include "logfilter.h"

#include <algorithm>
#include <cstring>

namespace Meridian::Logs {

namespace {

constexpr unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

struct FoldTable
{
    unsigned char map[256];
    constexpr FoldTable()
        : map()
    {
        for (int i = 0; i < 256; ++i)
            map[i] = fold(static_cast<unsigned char>(i));
    }
};
constexpr FoldTable folded;

bool sourceMatches(const LogSource &source, const LogFilter &filter)
{
    if (!filter.clusters.isEmpty() && !filter.clusters.contains(source.cluster))
        return false;
    if (!filter.namespaceName.isEmpty() && source.namespaceName != filter.namespaceName)
        return false;
    if (!filter.container.isEmpty() && source.container != filter.container)
        return false;
    if (!filter.workload.isEmpty() && source.pod != filter.workload
        && !(source.pod.startsWith(filter.workload) && source.pod.size() > filter.workload.size()
             && source.pod.at(filter.workload.size()) == u'-'))
        return false;
    return true;
}

// Marks entries of `segment` whose message contains the needle: keep[i] = value where
// eligible[i]. Scans the arena in one pass when most bytes are eligible, else message by message.
void markMatches(const LogSegment &segment,
                 const CaseInsensitiveSearcher &searcher,
                 std::size_t needleSize,
                 std::vector<char> &flags,
                 char eligible,
                 char value)
{
    const std::size_t n = segment.size();
    const std::string_view arena(segment.text.data(), segment.text.size());
    std::size_t eligibleBytes = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (flags[i] == eligible)
            eligibleBytes += segment.textEnd[i] - segment.textBegin(i);
    }
    if (eligibleBytes == 0)
        return;
    if (eligibleBytes * 2 < arena.size()) {
        for (std::size_t i = 0; i < n; ++i) {
            if (flags[i] == eligible && searcher.find(segment.message(i)) != std::string_view::npos)
                flags[i] = value;
        }
        return;
    }
    std::size_t i = 0;
    std::size_t from = 0;
    while (i < n) {
        const std::size_t at = searcher.find(arena, from);
        if (at == std::string_view::npos)
            break;
        while (i < n && segment.textEnd[i] <= at)
            ++i;
        if (i >= n)
            break;
        if (at + needleSize <= segment.textEnd[i]) {
            if (flags[i] == eligible)
                flags[i] = value;
            from = segment.textEnd[i];
            ++i;
        } else {
            from = at + 1; // straddles two messages
        }
    }
}

} // namespace

bool LogFilter::isEmpty() const
{
    return clusters.isEmpty() && namespaceName.isEmpty() && workload.isEmpty()
           && container.isEmpty() && severity.isAll() && text.isEmpty() && exclude.isEmpty()
           && regex.isEmpty() && fromNs == std::numeric_limits<qint64>::min()
           && toNs == std::numeric_limits<qint64>::max();
}

CaseInsensitiveSearcher::CaseInsensitiveSearcher(std::string_view needle)
{
    m_needle.reserve(needle.size());
    for (const char c : needle)
        m_needle.push_back(static_cast<char>(folded.map[static_cast<unsigned char>(c)]));
    const std::size_t m = m_needle.size();
    std::fill(std::begin(m_shift), std::end(m_shift), m == 0 ? 1 : m);
    for (std::size_t i = 0; i + 1 < m; ++i)
        m_shift[static_cast<unsigned char>(m_needle[i])] = m - 1 - i;
}

std::size_t CaseInsensitiveSearcher::find(std::string_view haystack, std::size_t from) const
{
    const std::size_t m = m_needle.size();
    if (m == 0)
        return from <= haystack.size() ? from : std::string_view::npos;
    if (haystack.size() < m)
        return std::string_view::npos;
    const auto *h = reinterpret_cast<const unsigned char *>(haystack.data());
    const auto *needle = reinterpret_cast<const unsigned char *>(m_needle.data());
    const unsigned char last = needle[m - 1];
    const std::size_t end = haystack.size() - m;
    std::size_t pos = from;
    while (pos <= end) {
        const unsigned char c = folded.map[h[pos + m - 1]];
        if (c == last) {
            std::size_t j = 0;
            while (j + 1 < m && folded.map[h[pos + j]] == needle[j])
                ++j;
            if (j + 1 >= m)
                return pos;
        }
        pos += m_shift[c];
    }
    return std::string_view::npos;
}

FilterResult runFilter(const LogSnapshot &snapshot,
                       const SourceTable &sources,
                       const LogFilter &filter,
                       const std::atomic_bool *cancel)
{
    FilterResult result;
    QRegularExpression regex;
    if (!filter.regex.isEmpty()) {
        regex = QRegularExpression(filter.regex, QRegularExpression::CaseInsensitiveOption);
        if (!regex.isValid()) {
            result.error = QStringLiteral("%1 (at offset %2)")
                                   .arg(regex.errorString())
                                   .arg(regex.patternErrorOffset());
            return result;
        }
        regex.optimize();
    }
    // Per source and per severity: one lookup each per entry in the column pass.
    const int sourceCount = sources.size();
    std::vector<char> sourceOk(std::size_t(sourceCount), 0);
    for (int id = 0; id < sourceCount; ++id)
        sourceOk[std::size_t(id)] = sourceMatches(sources.source(quint32(id)), filter) ? 1 : 0;
    char severityOk[severityCount];
    for (int s = 0; s < severityCount; ++s)
        severityOk[s] = filter.severity.contains(static_cast<Severity>(s)) ? 1 : 0;

    const QByteArray text = filter.text.toUtf8();
    const QByteArray exclude = filter.exclude.toUtf8();
    const CaseInsensitiveSearcher textSearcher(
            std::string_view(text.constData(), std::size_t(text.size())));
    const CaseInsensitiveSearcher excludeSearcher(
            std::string_view(exclude.constData(), std::size_t(exclude.size())));

    std::vector<char> flags;
    for (std::size_t s = 0; s < snapshot.segments.size(); ++s) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            result.ids.clear();
            return result;
        }
        const LogSegment &segment = *snapshot.segments[s];
        const std::size_t n = segment.size();
        if (snapshot.segmentFirstIds[s] + n <= snapshot.firstId
            || snapshot.segmentFirstIds[s] >= snapshot.endId)
            continue; // outside the snapshot's live range (a tail re-run, or evicted)
        flags.assign(n, 0);
        const quint32 *src = segment.sources.data();
        const Severity *sev = segment.severities.data();
        const qint64 *ts = segment.timestamps.data();
        for (std::size_t i = 0; i < n; ++i) {
            const quint32 id = src[i];
            flags[i] = char((id < sourceOk.size() && sourceOk[id])
                            & severityOk[static_cast<int>(sev[i])] & (ts[i] >= filter.fromNs)
                            & (ts[i] < filter.toNs));
        }
        if (!text.isEmpty()) {
            // Candidates (1) that contain the text become 2; the rest are dropped below.
            markMatches(segment, textSearcher, std::size_t(text.size()), flags, 1, 2);
            for (char &f : flags)
                f = f == 2 ? 1 : 0;
        }
        if (!exclude.isEmpty())
            markMatches(segment, excludeSearcher, std::size_t(exclude.size()), flags, 1, 0);
        const quint64 base = snapshot.segmentFirstIds[s];
        for (std::size_t i = 0; i < n; ++i) {
            if (!flags[i])
                continue;
            if (!filter.regex.isEmpty()) {
                const std::string_view m = segment.message(i);
                if (!regex.match(QString::fromUtf8(m.data(), qsizetype(m.size()))).hasMatch())
                    continue;
            }
            const quint64 id = base + i;
            if (id >= snapshot.firstId && id < snapshot.endId)
                result.ids.push_back(id);
        }
    }
    return result;
}

} // namespace Meridian::Logs

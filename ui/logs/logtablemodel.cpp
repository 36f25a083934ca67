#include "logtablemodel.h"

#include "logs/timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Meridian::Logs {

namespace {

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

constexpr int displayedMessageChars = 500;

} // namespace

Histogram computeHistogram(const LogSnapshot &snapshot,
                           const SourceTable &sources,
                           const std::vector<quint64> *ids,
                           bool byCluster,
                           int buckets)
{
    Histogram h;
    h.buckets = qMax(1, buckets);
    qint64 lo = std::numeric_limits<qint64>::max();
    qint64 hi = std::numeric_limits<qint64>::min();
    const auto forEach = [&](auto &&visit) {
        if (ids) {
            std::size_t segment = 0;
            for (const quint64 id : *ids) {
                while (segment + 1 < snapshot.segments.size()
                       && snapshot.segmentFirstIds[segment + 1] <= id)
                    ++segment;
                if (segment >= snapshot.segments.size() || id < snapshot.segmentFirstIds[segment])
                    continue;
                const std::size_t i = id - snapshot.segmentFirstIds[segment];
                if (i < snapshot.segments[segment]->size())
                    visit(*snapshot.segments[segment], i);
            }
        } else {
            for (const SegmentPtr &segment : snapshot.segments) {
                for (std::size_t i = 0; i < segment->size(); ++i)
                    visit(*segment, i);
            }
        }
    };
    forEach([&](const LogSegment &s, std::size_t i) {
        lo = qMin(lo, s.timestamps[i]);
        hi = qMax(hi, s.timestamps[i]);
    });
    if (lo > hi)
        return h;
    h.fromNs = lo;
    h.bucketNs = qMax<qint64>(1, (hi - lo) / h.buckets + 1);
    std::vector<quint16> clusterOf;
    if (byCluster) {
        h.series = sources.clusters();
        clusterOf = sources.clusterOfSources();
    } else {
        for (int s = 0; s < severityCount; ++s)
            h.series.append(severityName(static_cast<Severity>(s)));
    }
    h.counts.assign(std::size_t(h.series.size()), std::vector<int>(std::size_t(h.buckets), 0));
    forEach([&](const LogSegment &s, std::size_t i) {
        const auto bucket = std::size_t((s.timestamps[i] - lo) / h.bucketNs);
        std::size_t series
                = byCluster ? (s.sources[i] < clusterOf.size() ? clusterOf[s.sources[i]] : 0)
                            : std::size_t(s.severities[i]);
        if (series < h.counts.size() && bucket < std::size_t(h.buckets))
            ++h.counts[series][bucket];
    });
    return h;
}

QJsonObject entryJson(const LogSegment &segment, std::size_t i, const SourceTable &sources)
{
    const LogSource source = sources.source(segment.sources[i]);
    QJsonObject labels{{QStringLiteral("cluster_name"), source.cluster},
                       {QStringLiteral("namespace_name"), source.namespaceName},
                       {QStringLiteral("pod_name"), source.pod},
                       {QStringLiteral("container_name"), source.container}};
    if (!source.location.isEmpty())
        labels.insert(QStringLiteral("location"), source.location);
    if (!source.projectId.isEmpty())
        labels.insert(QStringLiteral("project_id"), source.projectId);
    QJsonObject entry{{QStringLiteral("timestamp"), formatRfc3339(segment.timestamps[i])},
                      {QStringLiteral("severity"), severityName(segment.severities[i])},
                      {QStringLiteral("resource"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("k8s_container")},
                                   {QStringLiteral("labels"), labels}}}};
    if (!source.logName.isEmpty())
        entry.insert(QStringLiteral("logName"), source.logName);
    if (!source.labels.isEmpty())
        entry.insert(QStringLiteral("labels"), QJsonDocument::fromJson(source.labels).object());
    const std::string_view message = segment.message(i);
    const QByteArray bytes(message.data(), qsizetype(message.size()));
    const QJsonDocument payload
            = bytes.startsWith('{') ? QJsonDocument::fromJson(bytes) : QJsonDocument();
    if (payload.isObject())
        entry.insert(QStringLiteral("jsonPayload"), payload.object());
    else
        entry.insert(QStringLiteral("textPayload"), text(message));
    const std::string_view extra = segment.extra(i);
    if (!extra.empty()) {
        const QJsonObject more
                = QJsonDocument::fromJson(QByteArray(extra.data(), qsizetype(extra.size())))
                          .object();
        for (auto it = more.begin(); it != more.end(); ++it)
            entry.insert(it.key(), it.value());
    }
    return entry;
}

LogTableModel::LogTableModel(std::shared_ptr<SourceTable> sources,
                             std::size_t memoryBudgetBytes,
                             QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(std::move(sources), memoryBudgetBytes)
{
    connect(&m_watcher,
            &QFutureWatcher<FilterOutcome>::finished,
            this,
            &LogTableModel::onFilterDone);
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(100);
    connect(&m_batchTimer, &QTimer::timeout, this, &LogTableModel::flushPending);
}

LogTableModel::~LogTableModel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_all ? m_rowsShown : m_visible.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

quint64 LogTableModel::entryId(int row) const
{
    return m_all ? m_firstShown + quint64(row) : m_visible[std::size_t(row)];
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const quint64 id = entryId(index.row());
    const LogStore::Ref ref = m_store.at(id);
    if (!ref)
        return {};
    const LogSegment &s = *ref.segment;
    const std::size_t i = ref.index;
    switch (role) {
    case EntryIdRole: return QVariant::fromValue(id);
    case TimestampRole: return QVariant::fromValue(s.timestamps[i]);
    case SeverityRole: return int(s.severities[i]);
    case ClusterNameRole: return m_store.sources()->source(s.sources[i]).cluster;
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        switch (index.column()) {
        case TimeColumn: return formatRfc3339(s.timestamps[i]);
        case SeverityColumn: return severityName(s.severities[i]);
        case MessageColumn: {
            std::string_view m = s.message(i);
            if (role == Qt::DisplayRole) {
                // One line of a bounded length: a 1 MB line must not stall painting.
                const std::size_t newline = m.find('\n');
                m = m.substr(0, qMin(newline, std::size_t(displayedMessageChars * 4)));
                QString shown = text(m);
                if (shown.size() > displayedMessageChars)
                    shown = shown.left(displayedMessageChars) + QChar(0x2026);
                return shown;
            }
            return text(m.substr(0, 2000));
        }
        default: break;
        }
        const LogSource source = m_store.sources()->source(s.sources[i]);
        switch (index.column()) {
        case ClusterColumn: return source.cluster;
        case NamespaceColumn: return source.namespaceName;
        case PodColumn: return source.pod;
        case ContainerColumn: return source.container;
        default: return {};
        }
    }
    case Qt::DecorationRole:
        if (index.column() == ClusterColumn)
            return clusterColor(m_store.sources()->source(s.sources[i]).cluster);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return severityColor(s.severities[i]);
        return {};
    default: return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case ClusterColumn: return tr("Cluster");
    case NamespaceColumn: return tr("Namespace");
    case PodColumn: return tr("Pod");
    case ContainerColumn: return tr("Container");
    case SeverityColumn: return tr("Severity", "log entry");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

void LogTableModel::dropEvicted()
{
    if (m_all)
        return; // rows were removed in appendSegment
    const auto firstLive = std::lower_bound(m_visible.begin(), m_visible.end(), m_store.firstId());
    const auto gone = int(firstLive - m_visible.begin());
    if (gone == 0)
        return;
    beginRemoveRows({}, 0, gone - 1);
    m_visible.erase(m_visible.begin(), firstLive);
    endRemoveRows();
}

void LogTableModel::appendSegment(const SegmentPtr &segment)
{
    if (!segment || segment->size() == 0)
        return;
    m_pending.push_back(segment);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void LogTableModel::flushPending()
{
    m_batchTimer.stop();
    if (m_pending.empty())
        return;
    land(std::exchange(m_pending, {}));
}

void LogTableModel::land(const std::vector<SegmentPtr> &segments)
{
    std::vector<LogStore::Appended> appended;
    appended.reserve(segments.size());
    for (const SegmentPtr &segment : segments)
        appended.push_back(m_store.append(segment));
    if (m_all) {
        // The rows shown follow the store: evicted ones leave the top, new ones join the end.
        if (m_store.firstId() > m_firstShown) {
            const auto gone = int(qMin<quint64>(m_store.firstId() - m_firstShown, m_rowsShown));
            if (gone > 0) {
                beginRemoveRows({}, 0, gone - 1);
                m_firstShown += quint64(gone);
                m_rowsShown -= std::size_t(gone);
                endRemoveRows();
            }
            if (m_rowsShown == 0)
                m_firstShown = m_store.firstId(); // evicted before it was ever shown
        }
        const std::size_t now = std::size_t(m_store.endId() - m_firstShown);
        if (now > m_rowsShown) {
            beginInsertRows({}, int(m_rowsShown), int(now) - 1);
            m_rowsShown = now;
            endInsertRows();
        }
    } else {
        dropEvicted();
        // The new entries alone, filtered now: a few pages.
        LogSnapshot fresh;
        fresh.segments = segments;
        for (const LogStore::Appended &a : appended)
            fresh.segmentFirstIds.push_back(a.firstNewId);
        fresh.firstId = m_store.firstId();
        fresh.endId = m_store.endId();
        FilterResult kept = runFilter(fresh, *m_store.sources(), m_filter);
        if (!kept.ids.empty()) {
            const int first = int(m_visible.size());
            beginInsertRows({}, first, first + int(kept.ids.size()) - 1);
            m_visible.insert(m_visible.end(), kept.ids.begin(), kept.ids.end());
            endInsertRows();
        }
    }
    emit storeChanged();
}

void LogTableModel::clear()
{
    m_batchTimer.stop();
    m_pending.clear();
    beginResetModel();
    m_store.clear();
    m_visible.clear();
    m_firstShown = m_store.firstId();
    m_rowsShown = 0;
    endResetModel();
    emit storeChanged();
}

void LogTableModel::setFilter(const LogFilter &filter)
{
    m_filter = filter;
    ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    if (filter.isEmpty()) {
        beginResetModel();
        m_all = true;
        m_firstShown = m_store.firstId();
        m_rowsShown = m_store.size();
        m_visible.clear();
        m_visible.shrink_to_fit();
        endResetModel();
        emit filterFinished({});
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = m_generation;
    m_watcher.setFuture(QtConcurrent::run([snapshot = m_store.snapshot(),
                                           sources = m_store.sources(),
                                           filter,
                                           generation,
                                           cancel = m_cancel] {
        FilterOutcome outcome;
        outcome.generation = generation;
        outcome.endId = snapshot.endId;
        outcome.result = runFilter(snapshot, *sources, filter, cancel.get());
        return outcome;
    }));
}

void LogTableModel::onFilterDone()
{
    FilterOutcome outcome = m_watcher.result();
    if (outcome.generation != m_generation || outcome.result.cancelled)
        return; // stale: a newer job runs or ran
    if (!outcome.result.error.isEmpty()) {
        emit filterFinished(outcome.result.error);
        return;
    }
    beginResetModel();
    m_all = false;
    m_visible = std::move(outcome.result.ids);
    // Evicted while the job ran
    m_visible.erase(m_visible.begin(),
                    std::lower_bound(m_visible.begin(), m_visible.end(), m_store.firstId()));
    // Arrived while the job ran: filter them now (they are few, a page or two).
    if (outcome.endId < m_store.endId()) {
        LogSnapshot rest = m_store.snapshot();
        rest.firstId = qMax(outcome.endId, m_store.firstId());
        FilterResult tail = runFilter(rest, *m_store.sources(), m_filter);
        for (const quint64 id : tail.ids) {
            if (id >= rest.firstId)
                m_visible.push_back(id);
        }
    }
    endResetModel();
    emit filterFinished({});
}

std::vector<quint64> LogTableModel::visibleIds() const
{
    if (!m_all)
        return m_visible;
    std::vector<quint64> ids(m_rowsShown);
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = m_firstShown + i;
    return ids;
}

QJsonObject LogTableModel::entryJson(quint64 id) const
{
    const LogStore::Ref ref = m_store.at(id);
    if (!ref)
        return {};
    return Logs::entryJson(*ref.segment, ref.index, *m_store.sources());
}

QColor LogTableModel::clusterColor(const QString &cluster)
{
    return QColor::fromHsv(clusterHue(cluster), 170, 200);
}

QColor LogTableModel::severityColor(Severity severity)
{
    if (severity >= Severity::Error)
        return QColor(0xc6, 0x28, 0x28);
    if (severity == Severity::Warning)
        return QColor(0xb2, 0x6a, 0x00);
    if (severity <= Severity::Debug)
        return QColor(0x75, 0x75, 0x75);
    return {};
}

} // namespace Meridian::Logs

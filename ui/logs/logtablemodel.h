#pragma once

#include "logs/logfilter.h"
#include "logs/logstore.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace Meridian::Logs {

// Log volume over time, for the histogram: counts[series][bucket].
struct Histogram
{
    qint64 fromNs = 0;
    qint64 bucketNs = 1;
    int buckets = 0;
    QStringList series; // cluster names or severity names
    std::vector<std::vector<int>> counts;
};

// What a background filter job hands back.
struct FilterOutcome
{
    quint64 generation = 0;
    quint64 endId = 0; // the snapshot covered ids below this
    FilterResult result;
};

// Counts entries over [fromNs, toNs) in `buckets` buckets per cluster (byCluster) or per
// severity; ids == nullptr counts the whole snapshot. Pure: run it in a job.
Histogram computeHistogram(const LogSnapshot &snapshot,
                           const SourceTable &sources,
                           const std::vector<quint64> *ids,
                           bool byCluster,
                           int buckets);

// The entry as Cloud Logging would show it (resource, labels, payload and the rest).
QJsonObject entryJson(const LogSegment &segment, std::size_t index, const SourceTable &sources);

// The log table over the store: uniform rows (time, cluster with its colour, namespace, pod,
// container, severity, message) for the entries the filter lets through. Filtering runs as a
// cancellable QtConcurrent job that returns row ids; entries that arrive meanwhile are filtered
// on arrival (a page at a time). Evictions remove rows from the top. Lives on the GUI thread.
class LogTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableModel)

public:
    enum Column {
        TimeColumn,
        ClusterColumn,
        NamespaceColumn,
        PodColumn,
        ContainerColumn,
        SeverityColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { EntryIdRole = Qt::UserRole + 1, ClusterNameRole, SeverityRole, TimestampRole };

    explicit LogTableModel(std::shared_ptr<SourceTable> sources,
                           std::size_t memoryBudgetBytes = std::size_t(512) << 20,
                           QObject *parent = nullptr);
    ~LogTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Queues a decoded batch; queued batches land together at most every batchIntervalMs (one
    // beginInsertRows for all of them), so the view does its work a few times a second however
    // fast pages come. flushPending() lands them now.
    void appendSegment(const SegmentPtr &segment);
    void flushPending();
    void setBatchInterval(int ms) { m_batchTimer.setInterval(ms); }
    void clear();

    // Starts a background job; rows change when it finishes (filterFinished).
    void setFilter(const LogFilter &filter);
    const LogFilter &filter() const { return m_filter; }
    bool isFiltering() const { return m_watcher.isRunning(); }

    const LogStore &store() const { return m_store; }
    LogStore &store() { return m_store; }
    quint64 entryId(int row) const;
    // The visible ids (what export writes and the histogram counts), as of now.
    std::vector<quint64> visibleIds() const;
    bool showsAll() const { return m_all; }
    // The full entry as JSON, for the detail pane.
    QJsonObject entryJson(quint64 id) const;

    static QColor clusterColor(const QString &cluster);
    static QColor severityColor(Severity severity);

signals:
    void filterFinished(const QString &error);
    void storeChanged(); // counts, memory or evictions changed

private:
    void onFilterDone();
    void land(const std::vector<SegmentPtr> &segments);
    void dropEvicted();

    LogStore m_store;
    LogFilter m_filter;
    std::vector<quint64> m_visible; // unused while m_all: then row r is store id firstId + r
    bool m_all = true;
    quint64 m_firstShown = 0; // while m_all: row r is id m_firstShown + r
    std::size_t m_rowsShown = 0;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<FilterOutcome> m_watcher;
    std::vector<SegmentPtr> m_pending;
    QTimer m_batchTimer;
};

} // namespace Meridian::Logs

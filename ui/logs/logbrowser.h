#pragma once

#include "logs/logworker.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;
class QMenu;

namespace Meridian::Logs {

class LogTableModel;
class LogHistogramView;

// The log browser: a filter bar, the log table, a detail pane and a histogram of volume over
// time. Reads from a LogSourceConfig on the log thread; filters, histograms and exports run in
// background jobs, so the GUI thread only appends pages and paints.
class LogBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogBrowser)

public:
    explicit LogBrowser(QWidget *parent = nullptr);
    ~LogBrowser() override;

    // Starts reading: the last `sinceSeconds` and then new entries as they come.
    void setSource(const LogSourceConfig &config, qint64 sinceSeconds = 3600);
    // The workload whose pods a pod-log source reads (a Cloud Logging source reads every
    // cluster's entries and ignores it); an empty name waits for one.
    void setWorkload(const QString &namespaceName, const QString &name);
    // No source: stops reading, clears the table and says why.
    void setUnavailable(const QString &reason);
    LogTableModel *model() const { return m_model; }
    QTableView *view() const { return m_table; }
    // Writes what the filter shows; NDJSON unless the name ends in .csv. Runs in a job.
    void exportTo(const QString &fileName);

signals:
    // The operator asked to see this entry's cluster on the map.
    void clusterActivated(const QString &cluster);
    void exportFinished(bool ok, const QString &message);

private:
    void restart();
    void scheduleFilter();
    void applyFilter();
    void updateClusters();
    void updateStatus();
    void updateHistogram();
    void showDetail();
    void chooseExport();
    void setTimeRange(qint64 fromNs, qint64 toNs);

    std::shared_ptr<SourceTable> m_sources;
    LogThread *m_thread;
    LogTableModel *m_model;
    LogSourceConfig m_config;
    qint64 m_sinceSeconds = 3600;
    QString m_namespace; // pod logs: the selected workload's
    QString m_workload;
    bool m_unavailable = false;
    quint64 m_generation = 0;

    QToolButton *m_clusterButton;
    QMenu *m_clusterMenu;
    QHash<QString, QAction *> m_clusterActions;
    QComboBox *m_severity;
    QLineEdit *m_text;
    QLineEdit *m_regex;
    QLineEdit *m_exclude;
    QPushButton *m_clearRange;
    QComboBox *m_stackBy;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QPushButton *m_showOnMap;
    LogHistogramView *m_histogram;
    QLabel *m_status;
    QLabel *m_sourceStatus;
    QTimer *m_debounce;
    QTimer *m_histogramTimer;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
    QString m_detailCluster;
};

} // namespace Meridian::Logs

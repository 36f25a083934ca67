#include "logbrowser.h"

#include "loghistogramview.h"
#include "logtablemodel.h"

#include "logs/logexport.h"
#include "logs/timestamps.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Meridian::Logs {

namespace {

constexpr int histogramBuckets = 60;

} // namespace

LogBrowser::LogBrowser(QWidget *parent)
    : QWidget(parent)
    , m_sources(std::make_shared<SourceTable>())
    , m_thread(new LogThread(m_sources, this))
    , m_model(new LogTableModel(m_sources, std::size_t(512) << 20, this))
    , m_clusterButton(new QToolButton)
    , m_clusterMenu(new QMenu(this))
    , m_severity(new QComboBox)
    , m_text(new QLineEdit)
    , m_regex(new QLineEdit)
    , m_exclude(new QLineEdit)
    , m_clearRange(new QPushButton(tr("All Times")))
    , m_stackBy(new QComboBox)
    , m_table(new QTableView)
    , m_detail(new QPlainTextEdit)
    , m_showOnMap(new QPushButton(tr("Show Cluster on Map")))
    , m_histogram(new LogHistogramView)
    , m_status(new QLabel)
    , m_sourceStatus(new QLabel)
    , m_debounce(new QTimer(this))
    , m_histogramTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("logBrowser"));
    m_clusterButton->setText(tr("Clusters"));
    m_clusterButton->setPopupMode(QToolButton::InstantPopup);
    m_clusterButton->setMenu(m_clusterMenu);
    m_clusterButton->setToolTip(tr("Show the logs of the checked clusters only."));
    for (int s = 0; s < severityCount; ++s)
        m_severity->addItem(tr("%1 and above").arg(severityName(static_cast<Severity>(s))), s);
    m_severity->setToolTip(tr("The lowest severity shown."));
    m_severity->setObjectName(QStringLiteral("severityFloor"));
    m_text->setPlaceholderText(tr("Contains…"));
    m_text->setToolTip(tr("Show messages containing this text (case-insensitive)."));
    m_text->setClearButtonEnabled(true);
    m_regex->setPlaceholderText(tr("Regular expression…"));
    m_regex->setToolTip(tr("Show messages matching this regular expression (case-insensitive)."));
    m_regex->setClearButtonEnabled(true);
    m_exclude->setPlaceholderText(tr("Exclude…"));
    m_exclude->setToolTip(tr("Hide messages containing this text (case-insensitive)."));
    m_exclude->setClearButtonEnabled(true);
    m_clearRange->setEnabled(false);
    m_clearRange->setToolTip(tr("Drop the time range chosen on the histogram."));
    m_stackBy->addItem(tr("By Cluster"));
    m_stackBy->addItem(tr("By Severity"));
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setToolTip(tr("Save the entries the filter shows as NDJSON or CSV."));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_clusterButton);
    bar->addWidget(m_severity);
    bar->addWidget(m_text, 2);
    bar->addWidget(m_regex, 2);
    bar->addWidget(m_exclude, 1);
    bar->addWidget(m_clearRange);
    bar->addWidget(exportButton);

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(LogTableModel::TimeColumn,
                            m_table->fontMetrics().horizontalAdvance(
                                    QStringLiteral("2026-11-27T10:00:00.000000000Z"))
                                    + 16);
    m_table->setColumnWidth(LogTableModel::PodColumn, 200);

    m_detail->setReadOnly(true);
    m_detail->setObjectName(QStringLiteral("logDetail"));
    m_detail->setPlaceholderText(tr("Select an entry to see all of it."));
    m_showOnMap->setEnabled(false);
    auto *detailBox = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addWidget(m_showOnMap);

    auto *histogramBox = new QWidget;
    auto *histogramLayout = new QVBoxLayout(histogramBox);
    histogramLayout->setContentsMargins(0, 0, 0, 0);
    histogramLayout->addWidget(m_stackBy, 0, Qt::AlignLeft);
    histogramLayout->addWidget(m_histogram, 1);
    m_histogram->setMinimumHeight(140);

    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_table);
    lower->addWidget(detailBox);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(histogramBox);
    split->addWidget(lower);
    split->setStretchFactor(1, 3);

    auto *statusBar = new QHBoxLayout;
    statusBar->addWidget(m_status, 1);
    statusBar->addWidget(m_sourceStatus, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addLayout(statusBar);

    // Typing re-filters after a pause; a newer filter cancels the running job.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &LogBrowser::applyFilter);
    for (QLineEdit *edit : {m_text, m_regex, m_exclude})
        connect(edit, &QLineEdit::textChanged, this, &LogBrowser::scheduleFilter);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &LogBrowser::scheduleFilter);
    connect(m_clearRange, &QPushButton::clicked, this, [this] { setTimeRange(0, 0); });
    connect(m_stackBy, &QComboBox::currentIndexChanged, this, &LogBrowser::updateHistogram);
    connect(exportButton, &QPushButton::clicked, this, &LogBrowser::chooseExport);
    connect(m_histogram, &LogHistogramView::rangeSelected, this, &LogBrowser::setTimeRange);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &LogBrowser::showDetail);
    connect(m_showOnMap, &QPushButton::clicked, this, [this] {
        if (!m_detailCluster.isEmpty())
            emit clusterActivated(m_detailCluster);
    });
    connect(m_model, &LogTableModel::filterFinished, this, [this](const QString &error) {
        m_regex->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
        m_regex->setToolTip(
                error.isEmpty() ? tr("Show messages matching this regular expression "
                                     "(case-insensitive).")
                                : tr("This regular expression does not compile: %1").arg(error));
        updateStatus();
        updateHistogram();
    });
    connect(m_model, &LogTableModel::storeChanged, this, [this] {
        updateClusters();
        updateStatus();
        if (!m_histogramTimer->isActive())
            m_histogramTimer->start();
    });
    // The histogram follows arrivals at most twice a second.
    m_histogramTimer->setSingleShot(true);
    m_histogramTimer->setInterval(500);
    connect(m_histogramTimer, &QTimer::timeout, this, &LogBrowser::updateHistogram);

    LogWorker *worker = m_thread->worker();
    connect(worker,
            &LogWorker::entriesReceived,
            this,
            [this](quint64 generation, const SegmentPtr &segment) {
                if (generation == m_generation)
                    m_model->appendSegment(segment);
            });
    connect(worker, &LogWorker::progress, this, [this](quint64 generation, const QString &message) {
        if (generation == m_generation)
            m_sourceStatus->setText(message);
    });
    connect(worker, &LogWorker::caughtUp, this, [this](quint64 generation) {
        if (generation == m_generation)
            m_sourceStatus->setText(tr("Following new entries."));
    });
    connect(worker,
            &LogWorker::finished,
            this,
            [this](quint64 generation, bool ok, const QString &error) {
                if (generation != m_generation)
                    return;
                m_sourceStatus->setText(ok ? tr("Done.")
                                           : tr("Reading logs failed: %1").arg(error));
                m_sourceStatus->setToolTip(error);
            });
    updateStatus();
}

LogBrowser::~LogBrowser() = default;

void LogBrowser::setSource(const LogSourceConfig &config, qint64 sinceSeconds)
{
    m_config = config;
    m_sinceSeconds = sinceSeconds;
    restart();
}

void LogBrowser::setWorkload(const QString &namespaceName, const QString &name)
{
    if (namespaceName == m_namespace && name == m_workload)
        return;
    m_namespace = namespaceName;
    m_workload = name;
    if (m_config.kind == LogSourceConfig::Kind::Pods && !m_unavailable)
        restart();
}

void LogBrowser::setUnavailable(const QString &reason)
{
    m_config = {};
    m_thread->stop();
    m_generation = m_thread->generation();
    m_model->clear();
    m_sourceStatus->setText(reason);
    m_sourceStatus->setToolTip({});
    m_unavailable = true;
}

void LogBrowser::restart()
{
    m_unavailable = false;
    m_model->clear();
    LogQuery query;
    if (m_config.kind == LogSourceConfig::Kind::Pods) {
        // Every pod of every cluster would be too much to follow: one workload at a time.
        if (m_workload.isEmpty()) {
            m_thread->stop();
            m_generation = m_thread->generation(); // what the stopped read still says is stale
            m_sourceStatus->setText(
                    tr("Select a workload: its pods' logs are read from every cluster."));
            return;
        }
        query.namespaceName = m_namespace;
        query.workload = m_workload;
    }
    query.fromNs = (QDateTime::currentMSecsSinceEpoch() - m_sinceSeconds * 1000) * qint64(1000000);
    query.follow = true;
    m_sourceStatus->setText(tr("Reading logs…"));
    m_generation = m_thread->start(m_config, query);
}

void LogBrowser::scheduleFilter()
{
    m_debounce->start();
}

void LogBrowser::applyFilter()
{
    LogFilter filter;
    const QList<QAction *> actions = m_clusterActions.values();
    const bool allChecked = std::all_of(actions.begin(), actions.end(), [](QAction *a) {
        return a->isChecked();
    });
    if (!allChecked) {
        for (QAction *action : actions) {
            if (action->isChecked())
                filter.clusters.insert(action->data().toString());
        }
        if (filter.clusters.isEmpty())
            filter.clusters.insert(QStringLiteral("\x1f")); // none checked: show nothing
    }
    filter.severity.low = static_cast<Severity>(m_severity->currentData().toInt());
    filter.text = m_text->text();
    filter.regex = m_regex->text();
    filter.exclude = m_exclude->text();
    if (m_fromNs || m_toNs) {
        filter.fromNs = m_fromNs;
        filter.toNs = m_toNs;
    }
    if (filter == m_model->filter() && !filter.isEmpty())
        return;
    m_model->setFilter(filter);
    updateStatus();
}

void LogBrowser::setTimeRange(qint64 fromNs, qint64 toNs)
{
    m_fromNs = fromNs;
    m_toNs = toNs;
    m_clearRange->setEnabled(fromNs || toNs);
    m_clearRange->setText(
            fromNs || toNs ? tr("%1 – %2 ✕")
                                     .arg(QDateTime::fromMSecsSinceEpoch(fromNs / 1000000, Qt::UTC)
                                                  .toString(QStringLiteral("HH:mm:ss")),
                                          QDateTime::fromMSecsSinceEpoch(toNs / 1000000, Qt::UTC)
                                                  .toString(QStringLiteral("HH:mm:ss")))
                           : tr("All Times"));
    applyFilter();
}

void LogBrowser::updateClusters()
{
    const QStringList clusters = m_sources->clusters();
    if (clusters.size() == m_clusterActions.size())
        return;
    for (const QString &cluster : clusters) {
        if (m_clusterActions.contains(cluster))
            continue;
        QAction *action = m_clusterMenu->addAction(cluster);
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(cluster);
        QPixmap swatch(12, 12);
        swatch.fill(LogTableModel::clusterColor(cluster));
        action->setIcon(QIcon(swatch));
        connect(action, &QAction::toggled, this, &LogBrowser::scheduleFilter);
        m_clusterActions.insert(cluster, action);
    }
}

void LogBrowser::updateStatus()
{
    const LogStore &store = m_model->store();
    QString text = tr("%1 shown of %2 entries · %3 MB of %4 MB")
                           .arg(m_model->rowCount())
                           .arg(store.size())
                           .arg(double(store.memoryBytes()) / (1 << 20), 0, 'f', 1)
                           .arg(store.memoryBudget() >> 20);
    if (store.evictedCount() > 0)
        text += tr(" · %1 oldest evicted to stay within the memory budget")
                        .arg(store.evictedCount());
    if (m_model->isFiltering())
        text += tr(" · filtering…");
    m_status->setText(text);
}

void LogBrowser::updateHistogram()
{
    const bool byCluster = m_stackBy->currentIndex() == 0;
    auto *watcher = new QFutureWatcher<Histogram>(this);
    connect(watcher, &QFutureWatcher<Histogram>::finished, this, [this, watcher, byCluster] {
        watcher->deleteLater();
        m_histogram->setHistogram(watcher->result(), byCluster);
    });
    std::optional<std::vector<quint64>> ids;
    if (!m_model->showsAll())
        ids = m_model->visibleIds();
    watcher->setFuture(QtConcurrent::run([snapshot = m_model->store().snapshot(),
                                          sources = m_sources,
                                          ids = std::move(ids),
                                          byCluster] {
        return computeHistogram(snapshot,
                                *sources,
                                ids ? &*ids : nullptr,
                                byCluster,
                                histogramBuckets);
    }));
}

void LogBrowser::showDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        m_showOnMap->setEnabled(false);
        return;
    }
    const quint64 id = m_model->entryId(current.row());
    const QJsonObject entry = m_model->entryJson(id);
    m_detail->setPlainText(QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Indented)));
    m_detailCluster = current.siblingAtColumn(LogTableModel::ClusterColumn).data().toString();
    m_showOnMap->setEnabled(!m_detailCluster.isEmpty());
}

void LogBrowser::chooseExport()
{
    QString selected;
    const QString file = QFileDialog::getSaveFileName(this,
                                                      tr("Export Logs"),
                                                      QStringLiteral("logs.ndjson"),
                                                      tr("NDJSON (*.ndjson *.jsonl);;CSV (*.csv)"),
                                                      &selected);
    if (!file.isEmpty())
        exportTo(file);
}

void LogBrowser::exportTo(const QString &fileName)
{
    const ExportFormat format = fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                        ? ExportFormat::Csv
                                        : ExportFormat::Ndjson;
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, fileName] {
        watcher->deleteLater();
        const Status status = watcher->result();
        const QString message
                = status ? tr("Exported to %1.").arg(fileName)
                         : tr("Cannot export to %1: %2").arg(fileName, status.error().message);
        m_sourceStatus->setText(message);
        emit exportFinished(status.ok(), message);
    });
    watcher->setFuture(QtConcurrent::run([snapshot = m_model->store().snapshot(),
                                          sources = m_sources,
                                          ids = m_model->visibleIds(),
                                          fileName,
                                          format]() -> Status {
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly))
            return Error{QStringLiteral("WriteFailed"), file.errorString()};
        const Status written = exportEntries(snapshot, *sources, ids, format, file);
        if (!written)
            return written;
        if (!file.commit())
            return Error{QStringLiteral("WriteFailed"), file.errorString()};
        return succeeded();
    }));
}

} // namespace Meridian::Logs

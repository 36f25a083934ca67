#include "rolloutpanel.h"

#include "deploydialog.h"
#include "rolloutchart.h"
#include "workloadchangedialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Meridian {

namespace {

QTableWidgetItem *item(const QString &text, const QString &tip = {})
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    if (!tip.isEmpty())
        i->setToolTip(tip);
    return i;
}

} // namespace

RolloutPanel::RolloutPanel(ApiThread *api, QWidget *parent)
    : QWidget(parent)
    , m_worker(new Rollout::RolloutWorker)
    , m_workloadEdit(new QLineEdit(this))
    , m_clusters(new QTableWidget(0, 9, this))
    , m_chart(new RolloutChart(this))
    , m_history(new QTableWidget(0, 0, this))
    , m_status(new QLabel(this))
{
    // The worker joins the API worker thread: its connections live there, not here.
    QThread *thread = api->worker()->thread();
    m_worker->moveToThread(thread);
    connect(thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Rollout::RolloutWorker::opened, this, [this](const QStringList &clusters) {
        m_clusterNames = clusters;
        m_status->setText(clusters.size() == 1 ? tr("1 cluster.")
                                               : tr("%1 clusters.").arg(clusters.size()));
        if (m_deploy)
            m_deploy->setClusters(clusters);
        emit clustersChanged(clusters);
    });
    connect(m_worker, &Rollout::RolloutWorker::openFailed, this, [this](const QString &message) {
        m_status->setText(tr("Rollouts unavailable: %1").arg(message));
    });
    connect(m_worker, &Rollout::RolloutWorker::workloadUpdated, this, &RolloutPanel::onUpdated);
    connect(m_worker,
            &Rollout::RolloutWorker::actionFinished,
            this,
            &RolloutPanel::onActionFinished);

    m_workloadEdit->setPlaceholderText(tr("namespace/name"));
    m_workloadEdit->setObjectName(QStringLiteral("rolloutWorkload"));
    connect(m_workloadEdit, &QLineEdit::returnPressed, this, [this] {
        showWorkload(m_workloadEdit->text().trimmed());
    });
    auto *deploy = new QPushButton(tr("Deploy…"), this);
    auto *change = new QPushButton(tr("Change…"), this);
    auto *pauseButton = new QPushButton(tr("Pause"), this);
    auto *resumeButton = new QPushButton(tr("Resume"), this);
    auto *restartButton = new QPushButton(tr("Restart"), this);
    auto *undo = new QPushButton(tr("Roll Back"), this);
    undo->setToolTip(tr("Roll back to the previous revision (kubectl rollout undo)"));
    connect(deploy, &QPushButton::clicked, this, &RolloutPanel::openDeployDialog);
    connect(change, &QPushButton::clicked, this, &RolloutPanel::openChangeForm);
    connect(pauseButton, &QPushButton::clicked, this, &RolloutPanel::pause);
    connect(resumeButton, &QPushButton::clicked, this, &RolloutPanel::resume);
    connect(restartButton, &QPushButton::clicked, this, &RolloutPanel::restart);
    connect(undo, &QPushButton::clicked, this, &RolloutPanel::rollbackToPrevious);
    m_actionButtons = {change, pauseButton, resumeButton, restartButton, undo};

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Workload:"), this));
    bar->addWidget(m_workloadEdit, 1);
    bar->addWidget(deploy);
    for (QPushButton *b : std::as_const(m_actionButtons))
        bar->addWidget(b);

    m_clusters->setHorizontalHeaderLabels({tr("Cluster"),
                                           tr("State"),
                                           tr("Updated"),
                                           tr("Ready"),
                                           tr("Available"),
                                           tr("Desired"),
                                           tr("Revision"),
                                           tr("Images"),
                                           tr("Reason")});
    m_clusters->horizontalHeader()->setStretchLastSection(true);
    m_clusters->verticalHeader()->hide();
    m_clusters->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_clusters->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clusters->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_clusters->setToolTip(tr("Select clusters to act on only those; none selected: all."));
    m_clusters->setObjectName(QStringLiteral("rolloutClusters"));

    m_history->verticalHeader()->hide();
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setObjectName(QStringLiteral("rolloutHistory"));
    auto *rollbackRow = new QPushButton(tr("Roll Back to Selected Revision"), this);
    connect(rollbackRow, &QPushButton::clicked, this, &RolloutPanel::rollbackToSelectedRow);
    m_actionButtons.append(rollbackRow);
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(
            new QLabel(tr("History, aligned by pod template (* = running now):"), historyBox));
    historyLayout->addWidget(m_history);
    historyLayout->addWidget(rollbackRow, 0, Qt::AlignRight);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_chart);
    lower->addWidget(historyBox);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_clusters);
    splitter->addWidget(lower);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    setBusy(false);
}

RolloutPanel::~RolloutPanel()
{
    if (m_worker)
        m_worker->deleteLater(); // on its own thread
}

void RolloutPanel::openFederation(const FederationRequest &request)
{
    const Kube::LoadOptions load = request.load;
    const QStringList contexts = request.contexts;
    const bool karmada = request.engine == Federation::Engine::Karmada;
    m_worker->post([load, contexts, karmada](Rollout::RolloutWorker *w) {
        w->open(load, contexts, karmada);
        w->watch({}, {});
    });
    if (!m_name.isEmpty())
        showWorkload(m_ns + u'/' + m_name);
}

void RolloutPanel::showWorkload(const QString &key)
{
    const qsizetype slash = key.indexOf(u'/');
    const QString ns = slash > 0 ? key.left(slash) : u"default"_s;
    const QString name = slash > 0 ? key.mid(slash + 1) : key;
    if (name.isEmpty())
        return;
    if (ns != m_ns || name != m_name) {
        m_chart->clear();
        m_clusters->setRowCount(0);
        m_history->setRowCount(0);
    }
    m_ns = ns;
    m_name = name;
    m_workloadEdit->setText(ns + u'/' + name);
    m_worker->post([ns, name](Rollout::RolloutWorker *w) { w->watch(ns, name); });
    setBusy(false);
}

QString RolloutPanel::workload() const
{
    return m_name.isEmpty() ? QString() : m_ns + u'/' + m_name;
}

QString RolloutPanel::lastActionText() const
{
    return m_status->text();
}

DeployDialog *RolloutPanel::deployDialog()
{
    if (!m_deploy) {
        m_deploy = new DeployDialog(m_worker, this);
        m_deploy->setClusters(m_clusterNames);
    }
    return m_deploy;
}

void RolloutPanel::openDeployDialog()
{
    DeployDialog *dialog = deployDialog();
    dialog->show();
    dialog->raise();
}

QStringList RolloutPanel::selectedClusters() const
{
    QStringList clusters;
    const QList<QTableWidgetSelectionRange> ranges = m_clusters->selectedRanges();
    for (const QTableWidgetSelectionRange &range : ranges) {
        for (int row = range.topRow(); row <= range.bottomRow(); ++row)
            clusters.append(m_clusters->item(row, 0)->text());
    }
    return clusters;
}

bool RolloutPanel::confirm(const QString &what)
{
    if (m_name.isEmpty())
        return false;
    const QStringList clusters = selectedClusters();
    const QString where = clusters.isEmpty() ? tr("every cluster") : clusters.join(u", "_s);
    m_status->setText(tr("%1 %2/%3 on %4…").arg(what, m_ns, m_name, where));
    return true;
}

void RolloutPanel::setBusy(bool busy)
{
    for (QPushButton *b : std::as_const(m_actionButtons))
        b->setEnabled(!busy && !m_name.isEmpty());
}

void RolloutPanel::act(Rollout::RolloutWorker::Action action)
{
    static const char *const names[]
            = {QT_TR_NOOP("Pausing"), QT_TR_NOOP("Resuming"), QT_TR_NOOP("Restarting")};
    if (!confirm(tr(names[static_cast<int>(action)])))
        return;
    setBusy(true);
    const QString ns = m_ns;
    const QString name = m_name;
    const QStringList clusters = selectedClusters();
    m_worker->post([action, ns, name, clusters](Rollout::RolloutWorker *w) {
        w->act(action, ns, name, clusters);
    });
}

void RolloutPanel::pause()
{
    act(Rollout::RolloutWorker::Action::Pause);
}

void RolloutPanel::resume()
{
    act(Rollout::RolloutWorker::Action::Resume);
}

void RolloutPanel::restart()
{
    act(Rollout::RolloutWorker::Action::Restart);
}

void RolloutPanel::rollbackToPrevious()
{
    if (!confirm(tr("Rolling back")))
        return;
    setBusy(true);
    const QString ns = m_ns;
    const QString name = m_name;
    const QStringList clusters = selectedClusters();
    m_worker->post(
            [ns, name, clusters](Rollout::RolloutWorker *w) { w->undo(ns, name, clusters, {}); });
}

void RolloutPanel::rollbackToSelectedRow()
{
    const int row = m_history->currentRow();
    if (row < 0 || row >= m_view.history.size()) {
        m_status->setText(tr("Select a row of the history first."));
        return;
    }
    if (!confirm(tr("Rolling back to %1").arg(m_view.history.at(row).imagesText())))
        return;
    setBusy(true);
    const QString ns = m_ns;
    const QString name = m_name;
    const QStringList clusters = selectedClusters();
    const QString key = m_view.history.at(row).templateKey;
    m_worker->post([ns, name, clusters, key](Rollout::RolloutWorker *w) {
        w->undo(ns, name, clusters, key);
    });
}

void RolloutPanel::openChangeForm()
{
    if (m_name.isEmpty())
        return;
    // The current images (first cluster that has them) and the total desired replicas.
    QList<ContainerImage> images;
    qint64 total = 0;
    for (auto it = m_view.images.cbegin(); it != m_view.images.cend() && images.isEmpty(); ++it) {
        for (const QString &pair : it.value().split(u", "_s, Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(u'=');
            images.append({pair.left(eq), pair.mid(eq + 1)});
        }
    }
    for (const Rollout::RolloutState &s : std::as_const(m_view.states))
        total += s.desired;
    WorkloadChangeDialog dialog(images, total, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!confirm(tr("Changing")))
        return;
    setBusy(true);
    const Rollout::WorkloadChange change = dialog.change();
    const QString ns = m_ns;
    const QString name = m_name;
    const QStringList clusters = selectedClusters();
    m_worker->post([ns, name, clusters, change](Rollout::RolloutWorker *w) {
        w->change(ns, name, clusters, change);
    });
}

void RolloutPanel::onActionFinished(const QString &summary, bool ok)
{
    setBusy(false);
    m_status->setText(ok ? summary : tr("Failed:\n%1").arg(summary));
    emit actionFinished(summary, ok);
}

void RolloutPanel::onUpdated(const Rollout::WorkloadView &view)
{
    if (view.key != m_ns + u'/' + m_name)
        return;
    m_view = view;
    // Keep the operator's selection across refreshes.
    const QStringList selected = selectedClusters();
    m_clusters->setRowCount(static_cast<int>(view.clusters.size()));
    for (int row = 0; row < view.clusters.size(); ++row) {
        const QString &cluster = view.clusters.at(row);
        m_clusters->setItem(row, 0, item(cluster));
        if (view.errors.contains(cluster)) {
            m_clusters->setItem(row, 1, item(tr("Unreadable")));
            for (int c = 2; c < 8; ++c)
                m_clusters->setItem(row, c, item(QString()));
            m_clusters->setItem(row, 8, item(view.errors.value(cluster)));
            continue;
        }
        const Rollout::RolloutState s = view.states.value(cluster);
        m_clusters->setItem(row, 1, item(Rollout::phaseName(s.phase), s.message));
        m_clusters->setItem(row, 2, item(QString::number(s.updated)));
        m_clusters->setItem(row, 3, item(QString::number(s.ready)));
        m_clusters->setItem(row, 4, item(QString::number(s.available)));
        m_clusters->setItem(row, 5, item(QString::number(s.desired)));
        m_clusters->setItem(row, 6, item(s.revision));
        m_clusters->setItem(row, 7, item(view.images.value(cluster)));
        m_clusters->setItem(row,
                            8,
                            item(s.problems.isEmpty() ? s.message : s.problemSummary(), s.message));
        m_chart->addSample(cluster, view.at.toLocalTime(), s);
    }
    m_clusters->clearSelection();
    for (int row = 0; row < view.clusters.size(); ++row) {
        if (selected.contains(view.clusters.at(row)))
            m_clusters->selectRow(row);
    }

    const int current = m_history->currentRow();
    QStringList header{tr("Row")};
    for (const QString &c : view.clusters)
        header.append(c);
    header += QStringList{tr("Images"), tr("Change Cause")};
    m_history->setColumnCount(static_cast<int>(header.size()));
    m_history->setHorizontalHeaderLabels(header);
    m_history->setRowCount(static_cast<int>(view.history.size()));
    for (int row = 0; row < view.history.size(); ++row) {
        const Rollout::AlignedRevision &r = view.history.at(row);
        m_history->setItem(row, 0, item(QString::number(row + 1)));
        for (int c = 0; c < view.clusters.size(); ++c) {
            const qint64 n = r.revisionIn(view.clusters.at(c));
            QString text = n == 0 ? u"-"_s : QString::number(n);
            if (r.currentIn.contains(view.clusters.at(c)))
                text += u'*';
            m_history->setItem(row, c + 1, item(text));
        }
        m_history->setItem(row, static_cast<int>(view.clusters.size()) + 1, item(r.imagesText()));
        m_history->setItem(row,
                           static_cast<int>(view.clusters.size()) + 2,
                           item(r.changeCause.isEmpty() ? tr("<none>") : r.changeCause));
    }
    if (current >= 0 && current < m_history->rowCount())
        m_history->selectRow(current);
    m_history->horizontalHeader()->setStretchLastSection(true);
    emit workloadUpdated();
}

} // namespace Meridian

#include "mainwindow.h"

#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "ui/map/worldmapview.h"
#include "ui/rollout/rolloutpanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Meridian {

MainWindow::MainWindow(ApiThread *api, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_model(new ClusterModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView)
    , m_map(new WorldMapView)
    , m_clusterDock(new QDockWidget(tr("Clusters"), this))
    , m_workloads(new WorkloadModel(this))
    , m_workloadView(new QTreeView)
    , m_workloadDock(new QDockWidget(tr("Workloads"), this))
    , m_banner(new QLabel)
    , m_summary(new QLabel)
    , m_activity(new QLabel)
    , m_autoRefresh(new QTimer(this))
{
    setWindowTitle(tr("Meridian"));
    setObjectName(QStringLiteral("MainWindow"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ClusterModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("clusterView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // kubeconfig order until the operator sorts
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setAccessibleName(tr("Member clusters"));

    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("meridian:demo"))
            emit demoRequested();
    });
    m_banner->setStyleSheet(QStringLiteral("QLabel#banner { background: #fdecea; color: #611a15; "
                                           "padding: 8px; border-bottom: 1px solid #f5c2c0; }"));
    m_banner->hide();

    // The map is the centre; the cluster table docks below it and shares its selection.
    m_map->setObjectName(QStringLiteral("worldMap"));
    m_map->setModel(m_proxy);
    m_map->setSelectionModel(m_view->selectionModel());

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_map, 1);
    setCentralWidget(central);

    m_clusterDock->setObjectName(QStringLiteral("clusterDock"));
    m_clusterDock->setWidget(m_view);
    m_clusterDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_clusterDock);

    // Federated workloads: one row per namespace/name, its clusters as children.
    m_workloadView->setObjectName(QStringLiteral("workloadView"));
    m_workloadView->setModel(m_workloads);
    m_workloadView->setUniformRowHeights(true);
    m_workloadView->setAlternatingRowColors(true);
    m_workloadView->setAccessibleName(tr("Federated workloads"));
    m_workloadView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_workloadView->header()->setStretchLastSection(true);
    m_workloadDock->setObjectName(QStringLiteral("workloadDock"));
    m_workloadDock->setWidget(m_workloadView);
    m_workloadDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_workloadDock);
    tabifyDockWidget(m_clusterDock, m_workloadDock);
    m_clusterDock->raise();

    m_summary->setObjectName(QStringLiteral("summary"));
    m_activity->setObjectName(QStringLiteral("activity"));
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_activity);

    createActions();

    // Deploy, roll out and roll back (ui/rollout): one dock, tabbed with the workloads, and a menu.
    m_rollout = new RolloutPanel(m_api, this);
    auto *rolloutDock = new QDockWidget(tr("Rollout"), this);
    rolloutDock->setObjectName(QStringLiteral("rolloutDock"));
    rolloutDock->setWidget(m_rollout);
    rolloutDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, rolloutDock);
    tabifyDockWidget(m_workloadDock, rolloutDock);
    m_clusterDock->raise();
    QMenu *rolloutMenu = new QMenu(tr("&Rollout"), this);
    rolloutMenu->addAction(tr("&Deploy…"), m_rollout, &RolloutPanel::openDeployDialog);
    rolloutMenu->addAction(rolloutDock->toggleViewAction());
    menuBar()->insertMenu(menuBar()->actions().constLast(), rolloutMenu);

    ApiWorker *worker = m_api->worker();
    connect(worker, &ApiWorker::federationLoaded, this, &MainWindow::onFederationLoaded);
    connect(worker, &ApiWorker::federationFailed, this, &MainWindow::onFederationFailed);
    connect(worker, &ApiWorker::clusterStatusBatch, this, &MainWindow::onBatch);
    connect(worker, &ApiWorker::refreshFinished, this, &MainWindow::onRefreshFinished);
    connect(worker,
            &ApiWorker::workloadBatch,
            this,
            [this](quint64 generation,
                   const FederatedWorkloadList &changed,
                   const QStringList &removed) {
                if (generation != m_generation)
                    return;
                m_workloads->applyBatch(changed, removed);
                showSelectedWorkloadOnMap();
            });
    connect(m_workloadView->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) {
                const QModelIndex top = current.parent().isValid() ? current.parent() : current;
                m_selectedWorkload = top.data(WorkloadModel::KeyRole).toString();
                showSelectedWorkloadOnMap();
                if (!m_selectedWorkload.isEmpty())
                    m_rollout->showWorkload(m_selectedWorkload);
            });

    m_autoRefresh->setInterval(30000);
    connect(m_autoRefresh, &QTimer::timeout, this, &MainWindow::refresh);

    resize(1280, 800);
    resizeDocks({m_clusterDock}, {260}, Qt::Vertical);

    // Where the operator left the window, docks and theme (never credentials).
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    setDarkTheme(settings.value(QStringLiteral("map/dark"), false).toBool());
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Kubeconfig…"), this, &MainWindow::openKubeconfig);
    open->setShortcut(QKeySequence::Open);
    QAction *refresh = file->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_darkAction = view->addAction(tr("&Dark Map"));
    m_darkAction->setCheckable(true);
    connect(m_darkAction, &QAction::toggled, m_map, [this](bool on) {
        m_map->setTheme(on ? WorldMapView::Theme::Dark : WorldMapView::Theme::Light);
    });
    QAction *fit = view->addAction(tr("&Fit Clusters"), m_map, &WorldMapView::fitToClusters);
    fit->setShortcut(Qt::Key_Home);
    view->addAction(tr("&Whole World"), m_map, &WorldMapView::showWholeWorld);
    view->addSeparator();
    view->addAction(m_clusterDock->toggleViewAction());
    view->addAction(m_workloadDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Meridian"), this, &MainWindow::showAbout);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("map/dark"), m_darkAction->isChecked());
    QMainWindow::closeEvent(event);
}

void MainWindow::setDarkTheme(bool dark)
{
    m_darkAction->setChecked(dark);
    m_map->setTheme(dark ? WorldMapView::Theme::Dark : WorldMapView::Theme::Light);
}

bool MainWindow::selectWorkload(const QString &key)
{
    const int row = m_workloads->rowOfKey(key);
    if (row < 0)
        return false;
    m_workloadDock->raise();
    m_workloadView->setCurrentIndex(m_workloads->index(row, 0));
    m_workloadView->expand(m_workloads->index(row, 0));
    return true;
}

// Markers sized by the selected workload's replicas per cluster, with a ring while it rolls out.
void MainWindow::showSelectedWorkloadOnMap()
{
    QHash<QString, int> replicas;
    QHash<QString, WorldMapView::RolloutRing> rings;
    const int row = m_workloads->rowOfKey(m_selectedWorkload);
    if (row >= 0) {
        const FederatedWorkload &workload = m_workloads->workloads().at(row);
        for (auto it = workload.clusters.cbegin(); it != workload.clusters.cend(); ++it) {
            replicas.insert(it.key(), static_cast<int>(it->desired));
            if (it->updated < it->desired || it->unavailable > 0) {
                rings.insert(it.key(),
                             {static_cast<int>(it->updated),
                              static_cast<int>(std::max<qint64>(0, it->desired - it->updated)),
                              static_cast<int>(it->unavailable)});
            }
        }
    }
    m_map->setReplicaCounts(replicas);
    m_map->setRolloutRings(rings);
}

void MainWindow::openFederation(const FederationRequest &request, const QString &title)
{
    m_request = request;
    m_firstRefreshDone = false;
    m_refreshing = true;
    m_banner->hide();
    setWindowTitle(title.isEmpty() ? tr("Meridian") : tr("%1 — Meridian").arg(title));
    m_workloads->clear();
    showSelectedWorkloadOnMap();
    m_generation = m_api->connectFederation(request);
    m_rollout->openFederation(request);
    updateStatus();
}

void MainWindow::onFederationLoaded(quint64 generation, const ClusterStatusList &clusters)
{
    if (generation != m_generation)
        return;
    m_model->setClusters(clusters);
    for (int column = 0; column < ClusterModel::ReasonColumn; ++column)
        m_view->resizeColumnToContents(column);
    updateStatus();
}

void MainWindow::onFederationFailed(quint64 generation, const QString &message)
{
    if (generation != m_generation)
        return;
    m_refreshing = false;
    m_model->setClusters({});
    // What failed, and a way forward: another kubeconfig, or the demo federation.
    m_banner->setText(tr("Meridian could not open the federation: %1").arg(message.toHtmlEscaped())
                      + QStringLiteral("<br>")
                      + tr("Open another kubeconfig (Ctrl+O), or <a href=\"meridian:demo\">try the "
                           "demo federation</a>."));
    m_banner->show();
    updateStatus();
    emit federationFailed(message);
}

void MainWindow::onBatch(quint64 generation, const ClusterStatusList &batch)
{
    if (generation != m_generation)
        return;
    m_model->applyBatch(batch);
    if (!m_firstRefreshDone) {
        for (int column = 0; column < ClusterModel::ReasonColumn; ++column)
            m_view->resizeColumnToContents(column);
    }
    updateStatus();
}

void MainWindow::onRefreshFinished(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_refreshing = false;
    updateStatus();
    if (!m_autoRefresh->isActive())
        m_autoRefresh->start();
    if (!m_firstRefreshDone) {
        m_firstRefreshDone = true;
        emit firstRefreshFinished();
    }
}

void MainWindow::refresh()
{
    if (m_generation == 0 || m_refreshing)
        return;
    m_refreshing = true;
    m_api->refresh();
    updateStatus();
}

void MainWindow::openKubeconfig()
{
    const QString file = QFileDialog::getOpenFileName(this,
                                                      tr("Open Kubeconfig"),
                                                      QString(),
                                                      tr("Kubeconfig files (*)"));
    if (file.isEmpty())
        return;
    FederationRequest request;
    request.load = Kube::LoadOptions::fromEnvironment(file);
    openFederation(request, file);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this,
            tr("About Meridian"),
            tr("<h3>Meridian %1</h3>"
               "<p>One console for one workload on many Kubernetes clusters.</p>"
               "<p>Built with Qt %2, libcurl and yaml-cpp.</p>"
               "<p>Map data: Natural Earth (public domain), via the world-atlas package (ISC).</p>")
                    .arg(QStringLiteral(MERIDIAN_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::updateStatus()
{
    const auto counts = m_model->stateCounts();
    const int total = m_model->rowCount();
    QStringList parts;
    parts.append(tr("Clusters: %1").arg(total));
    for (ClusterState state : {ClusterState::Ready,
                               ClusterState::Degraded,
                               ClusterState::Connecting,
                               ClusterState::Unreachable,
                               ClusterState::Unauthorized,
                               ClusterState::Forbidden}) {
        if (const int n = counts.value(state))
            parts.append(
                    tr("%1 %2", "count, cluster state").arg(n).arg(ClusterModel::stateText(state)));
    }
    int insecure = 0;
    for (const ClusterStatus &c : m_model->clusters())
        insecure += c.insecureTls ? 1 : 0;
    if (insecure > 0)
        parts.append(tr("⚠ TLS verification is off for %1 of them").arg(insecure));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_activity->setText(m_refreshing ? tr("Refreshing…")
                                     : (m_generation ? tr("Updated %1")
                                                               .arg(QTime::currentTime().toString(
                                                                       QStringLiteral("HH:mm:ss")))
                                                     : QString()));
}

} // namespace Meridian

#include "mainwindow.h"

#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "ui/details/clusterhighlightdelegate.h"
#include "ui/details/consoleselection.h"
#include "ui/details/detailspane.h"
#include "ui/logs/logbrowser.h"
#include "ui/map/worldmapview.h"
#include "ui/placement/placementdock.h"
#include "ui/rollout/rolloutpanel.h"
#include "ui/settings/settingsdialog.h"
#include "ui/settings/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
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
    , m_workloads(new WorkloadModel(this))
    , m_workloadView(new QTreeView)
    , m_selection(new ConsoleSelection(this))
    , m_highlighter(new ClusterHighlightDelegate(m_selection, this))
    , m_details(new DetailsPane(m_selection, m_model, m_workloads, m_map))
    , m_settings(ConsoleSettings::load())
    , m_banner(new QLabel)
    , m_summary(new QLabel)
    , m_refreshBar(new QProgressBar)
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

    createActions();
    m_clusterDock = addPanel(m_view,
                             tr("Clusters"),
                             QStringLiteral("clusterDock"),
                             Qt::BottomDockWidgetArea);

    // Federated workloads: one row per namespace/name, its clusters as children.
    m_workloadView->setObjectName(QStringLiteral("workloadView"));
    m_workloadView->setModel(m_workloads);
    m_workloadView->setUniformRowHeights(true);
    m_workloadView->setAlternatingRowColors(true);
    m_workloadView->setAccessibleName(tr("Federated workloads"));
    m_workloadView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_workloadView->header()->setStretchLastSection(true);
    m_workloadView->setItemDelegate(m_highlighter);
    m_workloadDock = addPanel(m_workloadView,
                              tr("Workloads"),
                              QStringLiteral("workloadDock"),
                              Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_clusterDock, m_workloadDock);
    m_clusterDock->raise();

    // The selected cluster or workload in detail, beside the map.
    m_detailsDock = addPanel(m_details,
                             tr("Details"),
                             QStringLiteral("detailsDock"),
                             Qt::RightDockWidgetArea);

    // Where the selected workload's replicas run, edited beside the map (issue 8).
    m_placementDock = new PlacementDock(m_api, m_workloads, m_map, this);
    addDockWidget(Qt::RightDockWidgetArea, m_placementDock);
    m_placementDock->hide();
    m_panelsMenu->addAction(m_placementDock->toggleViewAction());
    QAction *placement
            = m_viewMenu->addAction(tr("Edit &Placement of the Selected Workload"), this, [this] {
                  if (!m_placementDock->editWorkload(m_selection->workload()))
                      statusBar()->showMessage(tr("Select a workload to edit "
                                                  "its placement."),
                                               5000);
              });
    placement->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));

    m_summary->setObjectName(QStringLiteral("summary"));
    m_activity->setObjectName(QStringLiteral("activity"));
    m_activity->setToolTip(tr("Clusters and workloads stay current through watches; every "
                              "cluster is probed again every 30 s. F5 probes now."));
    m_refreshBar->setObjectName(QStringLiteral("refreshIndicator"));
    m_refreshBar->setRange(0, 0); // busy
    m_refreshBar->setTextVisible(false);
    m_refreshBar->setFixedSize(80, 10);
    m_refreshBar->setAccessibleName(tr("Refreshing"));
    m_refreshBar->hide();
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_refreshBar);
    statusBar()->addPermanentWidget(m_activity);

    // Deploy, roll out and roll back (ui/rollout): one dock, tabbed with the workloads, and a menu.
    m_rollout = new RolloutPanel(m_api, this);
    QDockWidget *rolloutDock = addPanel(m_rollout,
                                        tr("Rollout"),
                                        QStringLiteral("rolloutDock"),
                                        Qt::LeftDockWidgetArea);
    tabifyDockWidget(m_workloadDock, rolloutDock);
    m_clusterDock->raise();
    QMenu *rolloutMenu = new QMenu(tr("&Rollout"), this);
    rolloutMenu->addAction(tr("&Deploy…"), m_rollout, &RolloutPanel::openDeployDialog);
    rolloutMenu->addAction(rolloutDock->toggleViewAction());
    menuBar()->insertMenu(menuBar()->actions().constLast(), rolloutMenu);

    // Aggregated logs (ui/logs), tabbed with the workloads too. Log entries name the cluster as
    // Cloud Logging does (cluster_name); most contexts carry the same name, else the cluster
    // column does.
    m_logs = new Logs::LogBrowser(this);
    QDockWidget *logDock
            = addPanel(m_logs, tr("Logs"), QStringLiteral("logDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(m_workloadDock, logDock);
    m_clusterDock->raise();
    connect(m_logs, &Logs::LogBrowser::clusterActivated, this, [this](const QString &name) {
        if (selectCluster(name))
            return;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, ClusterModel::NameColumn);
            if (index.data().toString() == name) {
                selectCluster(index.data(ClusterModel::ContextRole).toString());
                return;
            }
        }
    });

    ApiWorker *worker = m_api->worker();
    connect(worker, &ApiWorker::federationLoaded, this, &MainWindow::onFederationLoaded);
    connect(worker, &ApiWorker::federationFailed, this, &MainWindow::onFederationFailed);
    connect(worker, &ApiWorker::clusterStatusBatch, this, &MainWindow::onBatch);
    connect(worker,
            &ApiWorker::clustersRemoved,
            this,
            [this](quint64 generation, const QStringList &contexts) {
                if (generation != m_generation)
                    return;
                // Gone from Karmada: out of the selection, the list and the map.
                m_selection->removeClusters(contexts);
                m_model->removeClusters(contexts);
                updateStatus();
            });
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
    connect(worker,
            &ApiWorker::workloadsFailed,
            this,
            [this](quint64 generation, const QString &message) {
                if (generation != m_generation)
                    return;
                // The clusters still show; say why the workloads do not.
                m_banner->setText(tr("Meridian could not list the workloads: %1")
                                          .arg(message.toHtmlEscaped()));
                m_banner->show();
            });
    connect(worker, &ApiWorker::cachesSynced, this, [this](quint64 generation) {
        if (generation == m_generation)
            emit cachesSynced();
    });
    // The details pane's pods and events come from the worker's caches, for the shown workload.
    connect(m_details, &DetailsPane::insightWanted, m_api, &ApiThread::followInsight);
    connect(worker,
            &ApiWorker::workloadInsight,
            this,
            [this](quint64 generation, const WorkloadInsight &insight) {
                if (generation == m_generation)
                    m_details->setInsight(insight);
            });
    connectSelection();

    m_autoRefresh->setInterval(30000);
    connect(m_autoRefresh, &QTimer::timeout, this, &MainWindow::refresh);

    resize(1280, 800);
    resizeDocks({m_clusterDock}, {260}, Qt::Vertical);
    resizeDocks({m_detailsDock}, {400}, Qt::Horizontal);

    // Where the operator left the window and docks, the theme and locations (never credentials).
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_stateRestored = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    setTheme(m_settings.theme);
    applyLocationOverrides();
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
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcuts(QKeySequence::Preferences);
    if (settings->shortcuts().isEmpty())
        settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const std::pair<ThemeChoice, QString> choices[] = {
            {ThemeChoice::System, tr("&System", "theme")},
            {ThemeChoice::Light, tr("&Light", "theme")},
            {ThemeChoice::Dark, tr("&Dark", "theme")},
    };
    for (const auto &[choice, text] : choices) {
        QAction *action = theme->addAction(text);
        action->setCheckable(true);
        action->setData(static_cast<int>(choice));
        themes->addAction(action);
        m_themeActions.append(action);
        connect(action, &QAction::triggered, this, [this, choice = choice] {
            setTheme(choice);
            m_settings.theme = choice;
            m_settings.save();
        });
    }
    QAction *fit = m_viewMenu->addAction(tr("&Fit Clusters"), m_map, &WorldMapView::fitToClusters);
    fit->setShortcut(Qt::Key_Home);
    m_viewMenu->addAction(tr("&Whole World"), m_map, &WorldMapView::showWholeWorld);
    m_viewMenu->addSeparator();
    m_panelsMenu = m_viewMenu->addMenu(tr("&Panels"));
    // Keyboard: Ctrl+1 the map, Ctrl+2… the panels in the order they were added.
    m_goMenu = m_viewMenu->addMenu(tr("&Go To"));
    QAction *goMap = m_goMenu->addAction(tr("&Map"));
    goMap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(goMap, &QAction::triggered, m_map, [this] {
        m_map->setFocus(Qt::ShortcutFocusReason);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Meridian"), this, &MainWindow::showAbout);
}

QDockWidget *MainWindow::addPanel(QWidget *panel,
                                  const QString &title,
                                  const QString &objectName,
                                  Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                      | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    m_panelsMenu->addAction(dock->toggleViewAction());

    QAction *go = m_goMenu->addAction(title);
    const int number = static_cast<int>(m_goMenu->actions().size()); // the map is 1
    if (number <= 9)
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number)));
    connect(go, &QAction::triggered, dock, [dock, panel] {
        dock->show();
        dock->raise();
        // The panel itself, or its first child that takes keyboard focus.
        QWidget *target = panel->focusPolicy() & Qt::TabFocus ? panel : nullptr;
        for (QWidget *child : panel->findChildren<QWidget *>()) {
            if (target)
                break;
            if ((child->focusPolicy() & Qt::TabFocus) && child->isVisibleTo(panel))
                target = child;
        }
        (target ? target : panel)->setFocus(Qt::ShortcutFocusReason);
    });
    return dock;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    // First run: the details take about a third of the window's width, whatever its size.
    if (!m_stateRestored)
        resizeDocks({m_detailsDock}, {std::max(380, width() * 3 / 10)}, Qt::Horizontal);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::setDarkTheme(bool dark)
{
    setTheme(dark ? ThemeChoice::Dark : ThemeChoice::Light);
}

void MainWindow::setTheme(ThemeChoice theme)
{
    m_theme = theme;
    const bool dark = applyTheme(theme);
    for (QAction *action : std::as_const(m_themeActions))
        action->setChecked(action->data().toInt() == static_cast<int>(theme));
    m_map->setTheme(dark ? WorldMapView::Theme::Dark : WorldMapView::Theme::Light);
    m_banner->setStyleSheet(
            dark ? QStringLiteral("QLabel#banner { background: #4a1f1c; color: #fde2df; "
                                  "padding: 8px; border-bottom: 1px solid #7a302b; }")
                 : QStringLiteral("QLabel#banner { background: #fdecea; color: #611a15; "
                                  "padding: 8px; border-bottom: 1px solid #f5c2c0; }"));
}

void MainWindow::applyLocationOverrides()
{
    QHash<QString, Geo::LocationInput> hints;
    for (auto it = m_settings.locations.cbegin(); it != m_settings.locations.cend(); ++it)
        hints[it.key()].overrideLocation = it.value();
    m_map->setLocationHints(hints);
    m_details->scheduleRefresh();
}

void MainWindow::applySettings(const ConsoleSettings &settings)
{
    const bool reconnect = !settings.sameConnection(m_settings);
    m_settings = settings;
    m_settings.save();
    setTheme(settings.theme);
    applyLocationOverrides();
    if (reconnect) {
        QString title = settings.kubeconfigFiles.join(QStringLiteral(", "));
        if (title.isEmpty())
            title = qEnvironmentVariableIsEmpty("KUBECONFIG") ? QStringLiteral("~/.kube/config")
                                                              : qEnvironmentVariable("KUBECONFIG");
        openFederation(settings.request(), title);
    }
}

void MainWindow::showSettings()
{
    QStringList known;
    for (const ClusterStatus &c : m_model->clusters())
        known.append(c.context);
    auto *dialog = new SettingsDialog(m_settings, known, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    dialog->open();
}

bool MainWindow::selectWorkload(const QString &key)
{
    const int row = m_workloads->rowOfKey(key);
    if (row < 0)
        return false;
    m_workloadDock->raise();
    m_selection->setWorkload(key);
    m_workloadView->expand(m_workloads->index(row, 0));
    return true;
}

bool MainWindow::selectCluster(const QString &context)
{
    if (m_model->rowOfContext(context) < 0)
        return false;
    m_selection->setClusters({context}, context);
    return true;
}

void MainWindow::connectSelection()
{
    // The map and the cluster list share one QItemSelectionModel; it feeds the console's
    // selection, and the console's selection feeds it back when another view changed it.
    QItemSelectionModel *clusters = m_view->selectionModel();
    auto fromClusterViews = [this, clusters] {
        if (m_syncingSelection)
            return;
        QStringList contexts;
        for (const QModelIndex &row : clusters->selectedRows())
            contexts.append(row.data(ClusterModel::ContextRole).toString());
        const QModelIndex current = clusters->currentIndex();
        const QString now
                = current.isValid() && clusters->isRowSelected(current.row(), {})
                          ? current.siblingAtColumn(0).data(ClusterModel::ContextRole).toString()
                          : QString();
        m_syncingSelection = true;
        m_selection->setClusters(contexts, now);
        m_syncingSelection = false;
    };
    connect(clusters, &QItemSelectionModel::selectionChanged, this, fromClusterViews);
    connect(clusters, &QItemSelectionModel::currentChanged, this, fromClusterViews);
    connect(m_selection, &ConsoleSelection::clustersChanged, this, [this] {
        if (!m_syncingSelection)
            syncClusterViewsFromSelection();
        // Where the selected clusters appear among the workloads: open the rows that hold them.
        if (!m_selection->clusters().isEmpty() && m_workloads->rowCount() <= 50) {
            for (int row = 0; row < m_workloads->rowCount(); ++row) {
                const FederatedWorkload &w = m_workloads->workloads().at(row);
                for (const QString &context : m_selection->clusters()) {
                    if (w.clusters.contains(context)) {
                        m_workloadView->expand(m_workloads->index(row, 0));
                        break;
                    }
                }
            }
        }
        m_workloadView->viewport()->update();
    });

    // The workload tree: a workload row selects the workload; a member row selects the workload
    // and that cluster (the details keep showing the workload).
    connect(m_workloadView->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) {
                if (m_syncingSelection)
                    return;
                const QModelIndex top = current.parent().isValid() ? current.parent() : current;
                m_selection->setWorkload(top.data(WorkloadModel::KeyRole).toString());
                if (current.parent().isValid()) {
                    const QString context = current.data(WorkloadModel::ClusterRole).toString();
                    m_selection->setClusters({context}, context, false);
                }
            });
    connect(m_selection, &ConsoleSelection::workloadChanged, this, [this] {
        syncWorkloadViewFromSelection();
        showSelectedWorkloadOnMap();
        const QString key = m_selection->workload();
        if (!key.isEmpty())
            m_rollout->showWorkload(key);
        m_logs->setWorkload(key.section(u'/', 0, 0), key.section(u'/', 1));
    });
}

void MainWindow::syncClusterViewsFromSelection()
{
    QItemSelectionModel *clusters = m_view->selectionModel();
    QItemSelection rows;
    QModelIndex current;
    for (const QString &context : m_selection->clusters()) {
        const int sourceRow = m_model->rowOfContext(context);
        if (sourceRow < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        rows.select(index, index);
        if (context == m_selection->currentCluster())
            current = index;
    }
    m_syncingSelection = true;
    clusters->select(rows, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (current.isValid()) {
        clusters->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(current);
    }
    m_syncingSelection = false;
}

void MainWindow::syncWorkloadViewFromSelection()
{
    const QModelIndex current = m_workloadView->currentIndex();
    const QModelIndex top = current.parent().isValid() ? current.parent() : current;
    const QString key = m_selection->workload();
    if (top.isValid() && top.data(WorkloadModel::KeyRole).toString() == key)
        return;
    const int row = m_workloads->rowOfKey(key);
    m_syncingSelection = true;
    if (row >= 0) {
        const QModelIndex index = m_workloads->index(row, 0);
        m_workloadView->setCurrentIndex(index);
        m_workloadView->scrollTo(index);
    } else {
        m_workloadView->selectionModel()->clear();
    }
    m_syncingSelection = false;
}

// Markers sized by the selected workload's replicas per cluster, with a ring while it rolls out.
void MainWindow::showSelectedWorkloadOnMap()
{
    QHash<QString, int> replicas;
    QHash<QString, WorldMapView::RolloutRing> rings;
    const int row = m_workloads->rowOfKey(m_selection->workload());
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
    m_selection->clear();
    m_workloads->clear();
    showSelectedWorkloadOnMap();
    m_generation = m_api->connectFederation(request);
    m_rollout->openFederation(request);
    Logs::LogSourceConfig pods;
    pods.kind = Logs::LogSourceConfig::Kind::Pods;
    pods.kube = request.load;
    if (request.engine == Federation::Engine::Karmada) {
        // Through the control plane's cluster proxy; its Clusters are the members.
        pods.engine = Logs::LogSourceConfig::PodEngine::Karmada;
        pods.karmadaContext = request.contexts.value(0);
    } else {
        pods.contexts = request.contexts;
    }
    m_logs->setSource(pods);
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
    for (ClusterState state :
         {ClusterState::Ready, ClusterState::Degraded, ClusterState::Connecting}) {
        if (const int n = counts.value(state))
            parts.append(
                    tr("%1 %2", "count, cluster state").arg(n).arg(ClusterModel::stateText(state)));
    }
    // Failing: Meridian cannot read the cluster at all. Which and why in the tooltip.
    QStringList failing;
    int insecure = 0;
    for (const ClusterStatus &c : m_model->clusters()) {
        insecure += c.insecureTls ? 1 : 0;
        if (c.state == ClusterState::Unreachable || c.state == ClusterState::Unauthorized
            || c.state == ClusterState::Forbidden)
            failing.append(tr("%1: %2 — %3", "cluster: state — reason")
                                   .arg(c.context, ClusterModel::stateText(c.state), c.reason));
    }
    if (!failing.isEmpty())
        parts.append(tr("%n failing", nullptr, static_cast<int>(failing.size())));
    if (insecure > 0)
        parts.append(tr("⚠ TLS verification is off for %1 of them").arg(insecure));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_summary->setToolTip(failing.join(u'\n'));
    m_refreshBar->setVisible(m_refreshing);
    m_activity->setText(m_refreshing ? tr("Refreshing…")
                                     : (m_generation ? tr("Updated %1")
                                                               .arg(QTime::currentTime().toString(
                                                                       QStringLiteral("HH:mm:ss")))
                                                     : QString()));
}

} // namespace Meridian

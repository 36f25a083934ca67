#pragma once

#include "ui/settings/consolesettings.h"
#include "worker/apiworker.h"

#include <QMainWindow>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;
class QTimer;
class QAction;
class QDockWidget;
class QMenu;
class QProgressBar;

namespace Meridian::Logs {
class LogBrowser;
}

namespace Meridian {

class ClusterHighlightDelegate;
class ClusterModel;
class ConsoleSelection;
class DetailsPane;
class PlacementDock;
class RolloutPanel;
class WorkloadModel;
class WorldMapView;

// The console's main window: the member clusters, their state, and why any is not Ready.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(ApiThread *api, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows `request`'s clusters; the title names where they come from.
    void openFederation(const FederationRequest &request, const QString &title);

    ClusterModel *clusterModel() const { return m_model; }
    QTableView *clusterView() const { return m_view; }
    WorldMapView *mapView() const { return m_map; }
    WorkloadModel *workloadModel() const { return m_workloads; }
    QTreeView *workloadView() const { return m_workloadView; }
    DetailsPane *detailsPane() const { return m_details; }
    // The one selection the map, the cluster list, the workload tree and the details share.
    ConsoleSelection *selection() const { return m_selection; }
    ClusterHighlightDelegate *workloadHighlighter() const { return m_highlighter; }

    // Docks a panel and gives it an entry in View ▸ Panels; the one place docks are made, so
    // new panels (placement, rollout, logs) are one call each. `objectName` keys the saved
    // window state: keep it stable.
    QDockWidget *addPanel(QWidget *panel,
                          const QString &title,
                          const QString &objectName,
                          Qt::DockWidgetArea area);
    RolloutPanel *rolloutPanel() const { return m_rollout; }

    // Selects a workload by "namespace/name" (the map then sizes markers by its replicas);
    // false while it is not known yet.
    bool selectWorkload(const QString &key);
    // Selects a cluster by context (map, list, details); false while it is not known yet.
    bool selectCluster(const QString &context);
    // For this run only (--theme); Settings and View ▸ Theme save the choice.
    void setDarkTheme(bool dark);
    void setTheme(ThemeChoice theme);

    // The saved settings, and applying new ones: saved, theme and locations at once, and a new
    // connection when the kubeconfig, contexts or engine changed.
    const ConsoleSettings &settings() const { return m_settings; }
    void applySettings(const ConsoleSettings &settings);
    void showSettings();
    // The log browser, docked beside the cluster and workload tables. It reads the selected
    // workload's pod logs from every member (Direct: each context; Karmada: through the control
    // plane's cluster proxy); point it elsewhere (the demo's Cloud Logging) with setSource after
    // openFederation.
    Logs::LogBrowser *logBrowser() const { return m_logs; }

signals:
    // Every cluster of the current federation has answered or failed at least once.
    void firstRefreshFinished();
    // Every cache of the engine (pods and events too) was listed once, for the open federation.
    void cachesSynced();
    void federationFailed(const QString &message);
    // The operator asked for the embedded demo federation (offered when no federation opens).
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showSelectedWorkloadOnMap();
    void createActions();
    void connectSelection();
    void syncClusterViewsFromSelection();
    void syncWorkloadViewFromSelection();
    void applyLocationOverrides();
    void onFederationLoaded(quint64 generation, const ClusterStatusList &clusters);
    void onFederationFailed(quint64 generation, const QString &message);
    void onBatch(quint64 generation, const ClusterStatusList &batch);
    void onRefreshFinished(quint64 generation);
    void openKubeconfig();
    void refresh();
    void showAbout();
    void updateStatus();

    ApiThread *m_api;
    ClusterModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    WorldMapView *m_map;
    QDockWidget *m_clusterDock = nullptr;
    WorkloadModel *m_workloads;
    QTreeView *m_workloadView;
    QDockWidget *m_workloadDock = nullptr;
    ConsoleSelection *m_selection;
    ClusterHighlightDelegate *m_highlighter;
    DetailsPane *m_details;
    QDockWidget *m_detailsDock = nullptr;
    PlacementDock *m_placementDock = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QList<QAction *> m_themeActions;
    ConsoleSettings m_settings;
    ThemeChoice m_theme = ThemeChoice::System;
    bool m_syncingSelection = false;
    bool m_stateRestored = false; // the operator's dock layout from last time
    bool m_shown = false;
    RolloutPanel *m_rollout = nullptr;  // deploy, roll out, roll back (ui/rollout)
    Logs::LogBrowser *m_logs = nullptr; // aggregated logs (ui/logs)
    QLabel *m_banner;
    QLabel *m_summary;
    QProgressBar *m_refreshBar;
    QLabel *m_activity;
    QTimer *m_autoRefresh;
    FederationRequest m_request;
    quint64 m_generation = 0;
    bool m_firstRefreshDone = false;
    bool m_refreshing = false;
};

} // namespace Meridian

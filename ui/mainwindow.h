#pragma once

#include "worker/apiworker.h"

#include <QMainWindow>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;
class QTimer;
class QAction;
class QDockWidget;

namespace Meridian {

class ClusterModel;
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
    RolloutPanel *rolloutPanel() const { return m_rollout; }

    // Selects a workload by "namespace/name" (the map then sizes markers by its replicas);
    // false while it is not known yet.
    bool selectWorkload(const QString &key);
    void setDarkTheme(bool dark);

signals:
    // Every cluster of the current federation has answered or failed at least once.
    void firstRefreshFinished();
    void federationFailed(const QString &message);
    // The operator asked for the embedded demo federation (offered when no federation opens).
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showSelectedWorkloadOnMap();
    void createActions();
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
    QDockWidget *m_clusterDock;
    WorkloadModel *m_workloads;
    QTreeView *m_workloadView;
    QDockWidget *m_workloadDock;
    RolloutPanel *m_rollout = nullptr; // deploy, roll out, roll back (ui/rollout)
    QAction *m_darkAction = nullptr;
    QString m_selectedWorkload;
    QLabel *m_banner;
    QLabel *m_summary;
    QLabel *m_activity;
    QTimer *m_autoRefresh;
    FederationRequest m_request;
    quint64 m_generation = 0;
    bool m_firstRefreshDone = false;
    bool m_refreshing = false;
};

} // namespace Meridian

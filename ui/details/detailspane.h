#pragma once

#include "core/workload.h"
#include "core/workloadinsight.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QStackedWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace Meridian {

class ClusterModel;
class ConsoleSelection;
class WorkloadModel;
class WorldMapView;

// The selected cluster or workload in detail. A workload: per-cluster replica bars (desired,
// updated, ready, available), then each member's revision, images and drift, and the Deployment
// conditions, trouble first. A cluster: state and why, version, nodes, last success, where it is
// on the map and how that was found, and the workloads it runs. Follows ConsoleSelection; rows of
// the selected clusters are highlighted. Charts are created on first use: an operator who never
// selects a workload never pays for them.
class DetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    DetailsPane(ConsoleSelection *selection,
                ClusterModel *clusters,
                WorkloadModel *workloads,
                WorldMapView *map,
                QWidget *parent = nullptr);
    ~DetailsPane() override;

    // What the pane shows now (empty when it shows the other kind or nothing).
    QString shownCluster() const { return m_shownCluster; }
    QString shownWorkload() const { return m_shownWorkload; }
    // Members of the shown workload highlighted because they are selected on the map or list.
    QStringList highlightedMembers() const;
    // The replica chart, once a workload was shown.
    QChart *replicaChart() const { return m_chart; }

    // The pods and events shown for the workload (empty until the worker sent them).
    const WorkloadInsight &insight() const { return m_insight; }

public slots:
    // Shows the selection again soon (e.g. after locations changed); bursts coalesce.
    void scheduleRefresh();
    // The shown workload's pods and events from every member (ApiWorker::workloadInsight);
    // ignored unless it is about the workload asked for with insightWanted().
    void setInsight(const Meridian::WorkloadInsight &insight);

signals:
    // The workload whose pods and events the pane needs now ("namespace/name"; empty: none).
    void insightWanted(const QString &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void showCluster(const QString &context);
    void showWorkload(const QString &key);
    void updateChart(const FederatedWorkload &workload);
    void applyChartColors();
    void highlightMembers();
    void followInsight();
    void selectRowCluster(QTreeWidgetItem *item); // a member, pod or event row's cluster
    void showInsight();
    QWidget *createClusterPage();
    QWidget *createWorkloadPage();
    QIcon stateIcon(const QString &context) const;

    QPointer<ConsoleSelection> m_selection;
    QPointer<ClusterModel> m_clusters;
    QPointer<WorkloadModel> m_workloads;
    QPointer<WorldMapView> m_map;
    QTimer *m_refreshTimer;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QString m_shownCluster;
    QString m_shownWorkload;

    // The cluster page.
    QWidget *m_clusterPage = nullptr;
    QLabel *m_clusterTitle = nullptr;
    QLabel *m_clusterState = nullptr;
    QLabel *m_clusterReason = nullptr;
    QLabel *m_clusterContext = nullptr;
    QLabel *m_clusterServer = nullptr;
    QLabel *m_clusterVersion = nullptr;
    QLabel *m_clusterNodes = nullptr;
    QLabel *m_clusterLastSuccess = nullptr;
    QLabel *m_clusterLocation = nullptr;
    QLabel *m_clusterTls = nullptr;
    QTreeWidget *m_clusterWorkloads = nullptr;

    // The workload page.
    QWidget *m_workloadPage = nullptr;
    QLabel *m_workloadTitle = nullptr;
    QLabel *m_workloadSummary = nullptr;
    QLabel *m_workloadDrift = nullptr;
    QWidget *m_chartHolder = nullptr;
    QChartView *m_chartView = nullptr;
    QChart *m_chart = nullptr;
    FederatedWorkload m_chartWorkload;
    QTreeWidget *m_members = nullptr;
    QLabel *m_conditionsSummary = nullptr;
    QCheckBox *m_allConditions = nullptr;
    QTreeWidget *m_conditions = nullptr;
    QLabel *m_podsSummary = nullptr;
    QCheckBox *m_allPods = nullptr;
    QTreeWidget *m_pods = nullptr;
    QLabel *m_eventsSummary = nullptr;
    QCheckBox *m_normalEvents = nullptr;
    QTreeWidget *m_events = nullptr;
    QString m_followed; // the workload whose insight was asked for
    WorkloadInsight m_insight;
};

} // namespace Meridian

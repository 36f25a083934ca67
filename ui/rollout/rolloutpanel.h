#pragma once

#include "rollout/rolloutworker.h"
#include "worker/apiworker.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Meridian {

class DeployDialog;
class RolloutChart;

// The rollout dock: one federated Deployment's per-cluster progress (kubectl rollout status and
// the pods' stuck reason), a chart of availability over time, the history aligned by pod
// template with rollback to a row, and pause / resume / restart / change on the selected
// clusters (none selected: all). Its jobs run in a RolloutWorker on the API worker thread.
class RolloutPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutPanel)

public:
    explicit RolloutPanel(ApiThread *api, QWidget *parent = nullptr);
    ~RolloutPanel() override;

    void openFederation(const FederationRequest &request);
    // Shows and polls "namespace/name".
    void showWorkload(const QString &key);
    QString workload() const;

    Rollout::RolloutWorker *worker() const { return m_worker; }
    DeployDialog *deployDialog();
    QTableWidget *clusterTable() const { return m_clusters; }
    QTableWidget *historyTable() const { return m_history; }
    RolloutChart *chart() const { return m_chart; }
    QString lastActionText() const;
    QStringList selectedClusters() const; // empty: all

public slots:
    void openDeployDialog();
    void openChangeForm();
    void rollbackToSelectedRow();
    void rollbackToPrevious();
    void pause();
    void resume();
    void restart();

signals:
    void clustersChanged(const QStringList &clusters);
    void workloadUpdated();
    void actionFinished(const QString &summary, bool ok);

private:
    void onUpdated(const Rollout::WorkloadView &view);
    void onActionFinished(const QString &summary, bool ok);
    void act(Rollout::RolloutWorker::Action action);
    bool confirm(const QString &what);
    void setBusy(bool busy);

    QPointer<Rollout::RolloutWorker> m_worker;
    QLineEdit *m_workloadEdit;
    QTableWidget *m_clusters;
    RolloutChart *m_chart;
    QTableWidget *m_history;
    QLabel *m_status;
    QList<QPushButton *> m_actionButtons;
    DeployDialog *m_deploy = nullptr;
    QStringList m_clusterNames;
    Rollout::WorkloadView m_view;
    QString m_ns;
    QString m_name;
};

} // namespace Meridian

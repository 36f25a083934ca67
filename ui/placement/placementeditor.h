#pragma once

#include "core/workload.h"
#include "federation/backend.h"
#include "placement/draftstore.h"
#include "placement/placementapply.h"
#include "placement/placementeditormodel.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTableWidgetItem;
class QTimer;
class QToolButton;

namespace Meridian {

class ApiThread;
class DistributionBar;
class WorldMapView;

// Edits where one federated workload's replicas run: a table of clusters (and "*") with
// minReplicas, maxReplicas and weight, rebalance and the total; the exact planner re-runs on
// every edit and shows current → planned on a distribution bar and on the map, with warnings.
// Dragging a boundary on the bar, or from one marker onto another on the map, rebalances: the
// preferences are solved so the planner gives exactly the dragged distribution. Applies through
// the API worker with per-cluster progress; the draft is saved until it is applied.
class PlacementEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementEditor)

public:
    enum Column { ClusterColumn, MinColumn, MaxColumn, WeightColumn, CurrentColumn, PlannedColumn };

    explicit PlacementEditor(QWidget *parent = nullptr);
    ~PlacementEditor() override;

    void setApiThread(ApiThread *api);
    void setMapView(WorldMapView *map);
    void setDraftStore(const Placement::DraftStore &store);
    // Karmada: the context of the control plane the PropagationPolicy is written to; empty: the
    // worker's only context.
    void setKarmadaContext(const QString &context) { m_karmadaContext = context; }

    // Starts editing `workload`; restores a saved draft for it when there is one.
    void editWorkload(const FederatedWorkload &workload,
                      Federation::Engine engine,
                      const Federation::Capabilities &capabilities);
    // Fresh facts about the workload being edited (running replicas); the draft stays.
    void updateWorkload(const FederatedWorkload &workload);
    QString workloadKey() const { return m_workload.key(); }

    Placement::PlacementEditorModel *model() { return &m_model; }
    DistributionBar *distributionBar() const { return m_bar; }
    QTableWidget *table() const { return m_table; }
    int rowOf(const QString &cluster) const;

    // What applying writes, as the confirmation shows it.
    Placement::ApplyRequest applyRequest() const;
    QString applyDiffText() const;
    // Applies without asking (the Apply button asks first); `members` empty: all.
    void applyNow(const QStringList &members = {});
    Placement::MemberApplyResults lastApplyResults() const { return m_results.values(); }

signals:
    void applyFinished(const Meridian::Placement::MemberApplyResults &results);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void refresh();
    void refreshTable();
    void refreshMap();
    void onItemChanged(QTableWidgetItem *item);
    void onApplyClicked();
    void onImport();
    void onExport(Placement::PreferencesFormat format);
    void onRemoveEntry();
    void onMapDragStarted(const QString &from);
    void onMapDragged(const QString &from, const QString &to, int count);
    void onMapDropped(const QString &from, const QString &to, int count);
    void onMemberProgress(const Placement::MemberApplyResult &result);
    void onApplyDone(const Placement::MemberApplyResults &results);
    void applyToKarmada();
    void saveDraft();
    Placement::PlacementContext contextFor(const FederatedWorkload &workload) const;
    QStringList rowClusters() const;

    Placement::PlacementEditorModel m_model;
    Placement::DraftStore m_drafts;
    FederatedWorkload m_workload;
    // Each member's annotation when editing started: what a conflict is measured against.
    QMap<QString, QString> m_baseAnnotations;
    Federation::Engine m_engine = Federation::Engine::Direct;
    QPointer<ApiThread> m_api;
    QString m_karmadaContext;
    QPointer<WorldMapView> m_map;

    QLabel *m_title = nullptr;
    QLabel *m_draftNote = nullptr;
    QTableWidget *m_table = nullptr;
    QCheckBox *m_rebalance = nullptr;
    QSpinBox *m_total = nullptr;
    DistributionBar *m_bar = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_dragStatus = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_remove = nullptr;
    QTableWidget *m_progress = nullptr;

    bool m_refreshing = false;
    int m_editSession = 0;
    int m_totalSession = 0;
    QPair<int, int> m_sessionCell{-1, -1};
    int m_barDrag = 0;
    int m_mapDrag = 0;
    QMap<QString, qint64> m_mapDragStart;
    QMap<QString, Placement::MemberApplyResult> m_results;
    Placement::ApplyRequest m_lastRequest;
    bool m_applying = false;
    QTimer *m_draftTimer = nullptr; // saves are coalesced: a drag changes the draft per move
};

} // namespace Meridian

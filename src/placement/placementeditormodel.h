#pragma once

#include "core/placement/planner.h"
#include "core/result.h"
#include "federation/backend.h"
#include "placement/placementsolver.h"
#include "placement/preferencesformat.h"

#include <QObject>
#include <QUndoStack>

namespace Meridian::Placement {

// What the operator edits: the preferences and the federation-wide total N.
struct PlacementState
{
    ReplicaPreferences preferences;
    qint64 total = 0;

    friend bool operator==(const PlacementState &, const PlacementState &) = default;
};

// The workload being edited and everything the planner needs besides the preferences.
struct PlacementContext
{
    QString key; // "namespace/name", the Federation tie-break key
    Engine engine = Engine::Federation;
    Federation::Capabilities capabilities;
    QStringList clusters;              // the available members, in display order
    QMap<QString, qint64> current;     // replicas each member runs now (spec.replicas)
    QMap<QString, qint64> plannerBase; // what the planner takes as running / previous result
    QMap<QString, qint64> capacity;    // estimated capacity where known
};

// One cluster of the preview: current → planned.
struct ClusterPreview
{
    QString cluster;
    qint64 current = 0;
    qint64 planned = 0;
    qint64 overflow = 0;

    friend bool operator==(const ClusterPreview &, const ClusterPreview &) = default;
};

// Replicas leaving one cluster for another in the preview (arrows on the map).
struct ReplicaMove
{
    QString from;
    QString to;
    qint64 count = 0;

    friend bool operator==(const ReplicaMove &, const ReplicaMove &) = default;
};

struct PlacementWarning
{
    enum class Kind { Emptied, Overflow, BelowTotal, LargeMove };
    Kind kind = Kind::Emptied;
    QString cluster; // empty for warnings about the whole workload
    QString message;
};

// An error that belongs to one field: cluster "" and field "" for the whole preferences.
struct FieldError
{
    QString cluster;
    QString field; // "minReplicas", "maxReplicas", "weight", "total", ""
    QString message;
};

// The placement editor without widgets: the draft preferences, full undo/redo (every edit is a
// command; a drag merges into one and a drag back to where it started leaves none), the exact
// planner re-run on every change, warnings and errors, and drag-to-rebalance through
// solveForDistribution.
class PlacementEditorModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementEditorModel)

public:
    explicit PlacementEditorModel(QObject *parent = nullptr);
    ~PlacementEditorModel() override;

    // Starts editing: `base` is what the engine runs now. Clears the undo history.
    void load(const PlacementContext &context, const PlacementState &base);
    // New facts about the workload (replicas running now) while editing; keeps the draft.
    void setContext(const PlacementContext &context);
    // The draft was applied: it becomes the base; the history stays.
    void markApplied();
    // Replaces the draft (a restored draft), as one undoable step.
    void restoreDraft(const PlacementState &draft);

    const PlacementContext &context() const { return m_context; }
    const PlacementState &base() const { return m_base; }
    const PlacementState &state() const { return m_state; }
    bool isModified() const { return m_state != m_base; }
    QUndoStack *undoStack() { return &m_undo; }

    // What the engine lets the operator change.
    bool canEditMinMax() const;
    bool canEditRebalance() const;
    bool canEditWeights() const;

    // Edits; each is one undo step. Nothing is pushed when nothing changes. Edits that pass the
    // same session (from beginEditSession, e.g. one cell while the operator types) merge.
    int beginEditSession();
    void setClusterPreference(const QString &cluster,
                              const ClusterPreference &pref,
                              int session = 0);
    void addCluster(const QString &cluster);
    void removeCluster(const QString &cluster);
    void setRebalance(bool rebalance);
    void setTotal(qint64 total, int session = 0);
    void setPreferences(const ReplicaPreferences &prefs, const QString &text);

    // Drag-to-rebalance. Every dragTo() of one drag replaces the previous one in the same undo
    // step; targets are the planned replicas per cluster the operator dragged to.
    int beginDrag();
    Status dragTo(int drag, const QMap<QString, qint64> &targets);
    void endDrag(int drag);
    bool isDragging() const { return m_drag != 0; }

    // The live preview of the current draft.
    const Result<PlanResult> &plan() const { return m_plan; }
    QList<ClusterPreview> preview() const;
    QList<ReplicaMove> moves() const;
    QList<PlacementWarning> warnings() const;
    QList<FieldError> errors() const { return m_errors; }
    bool isValid() const { return m_errors.isEmpty() && m_plan.ok(); }

    // Import / export in the three formats; import is one undo step and returns the notes
    // (defaults applied, what did not carry over) or the parse error.
    Result<QStringList> importText(const QByteArray &text);
    QByteArray exportText(PreferencesFormat format, QStringList *lost = nullptr) const;

    PlanInput planInput(qint64 total) const;

    // Used by the undo commands.
    void applyState(const PlacementState &state);

signals:
    void changed();

private:
    void push(const PlacementState &after, const QString &text, int drag = 0);
    void recompute();

    PlacementContext m_context;
    PlacementState m_base;
    PlacementState m_state;
    QUndoStack m_undo;
    Result<PlanResult> m_plan{PlanResult{}};
    QList<FieldError> m_errors;
    int m_drag = 0;
    int m_nextDrag = 0;
    PlacementState m_dragStart;
    QMap<QString, qint64> m_dragStartPlan;
};

// Greedy pairing of the clusters that lose replicas with those that gain, largest first.
QList<ReplicaMove> replicaMoves(const QMap<QString, qint64> &from, const QMap<QString, qint64> &to);

} // namespace Meridian::Placement

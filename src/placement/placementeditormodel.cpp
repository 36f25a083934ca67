#include "placement/placementeditormodel.h"

#include "placement/preferencesconversion.h"
#include "placement/preferencesdocument.h"

#include <QUndoCommand>

#include <algorithm>

namespace Meridian::Placement {

namespace {

constexpr int dragCommandId = 0x504c; // "PL"

// One edit of the draft; the steps of one drag merge into one command.
class PlacementCommand final : public QUndoCommand
{
public:
    PlacementCommand(PlacementEditorModel *model,
                     PlacementState before,
                     PlacementState after,
                     const QString &text,
                     int drag)
        : m_model(model)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_drag(drag)
    {
        setText(text);
        setObsolete(m_before == m_after);
    }

    void undo() override { m_model->applyState(m_before); }
    void redo() override { m_model->applyState(m_after); }
    int id() const override { return m_drag != 0 ? dragCommandId : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const PlacementCommand *>(other);
        if (next->m_drag != m_drag)
            return false;
        m_after = next->m_after;
        setObsolete(m_before == m_after); // dragged back to where it started
        return true;
    }

private:
    PlacementEditorModel *m_model;
    PlacementState m_before;
    PlacementState m_after;
    int m_drag;
};

} // namespace

PlacementEditorModel::PlacementEditorModel(QObject *parent)
    : QObject(parent)
{}

PlacementEditorModel::~PlacementEditorModel()
{
    m_undo.clear(); // the commands call back into this model
}

void PlacementEditorModel::load(const PlacementContext &context, const PlacementState &base)
{
    m_drag = 0;
    m_undo.clear();
    m_context = context;
    m_base = base;
    m_state = base;
    recompute();
    emit changed();
}

void PlacementEditorModel::setContext(const PlacementContext &context)
{
    m_context = context;
    recompute();
    emit changed();
}

void PlacementEditorModel::markApplied()
{
    m_base = m_state;
    m_undo.setClean();
    emit changed();
}

void PlacementEditorModel::restoreDraft(const PlacementState &draft)
{
    push(draft, tr("Restore the saved draft"));
}

bool PlacementEditorModel::canEditMinMax() const
{
    return m_context.capabilities.perClusterMinMax;
}

bool PlacementEditorModel::canEditRebalance() const
{
    return m_context.capabilities.rebalance;
}

bool PlacementEditorModel::canEditWeights() const
{
    return m_context.capabilities.weights;
}

int PlacementEditorModel::beginEditSession()
{
    return ++m_nextDrag;
}

void PlacementEditorModel::setClusterPreference(const QString &cluster,
                                                const ClusterPreference &pref,
                                                int session)
{
    PlacementState after = m_state;
    after.preferences.clusters.insert(cluster, pref);
    push(after, tr("Edit %1").arg(cluster), session);
}

void PlacementEditorModel::addCluster(const QString &cluster)
{
    if (m_state.preferences.clusters.contains(cluster))
        return;
    PlacementState after = m_state;
    ClusterPreference pref;
    pref.weight = 1;
    after.preferences.clusters.insert(cluster, pref);
    push(after, tr("Add %1").arg(cluster));
}

void PlacementEditorModel::removeCluster(const QString &cluster)
{
    PlacementState after = m_state;
    if (!after.preferences.clusters.remove(cluster))
        return;
    push(after, tr("Remove %1").arg(cluster));
}

void PlacementEditorModel::setRebalance(bool rebalance)
{
    PlacementState after = m_state;
    after.preferences.rebalance = rebalance;
    push(after, rebalance ? tr("Allow rebalancing") : tr("Keep running replicas"));
}

void PlacementEditorModel::setTotal(qint64 total, int session)
{
    PlacementState after = m_state;
    after.total = total;
    push(after, tr("Set the total to %1").arg(total), session);
}

void PlacementEditorModel::setPreferences(const ReplicaPreferences &prefs, const QString &text)
{
    PlacementState after = m_state;
    after.preferences = prefs;
    push(after, text);
}

int PlacementEditorModel::beginDrag()
{
    m_drag = ++m_nextDrag;
    m_dragStart = m_state;
    m_dragStartPlan = m_plan ? m_plan->plan : QMap<QString, qint64>();
    return m_drag;
}

Status PlacementEditorModel::dragTo(int drag, const QMap<QString, qint64> &targets)
{
    if (drag == 0 || drag != m_drag)
        return Status::failure(QStringLiteral("NoDrag"), tr("No drag is in progress."));
    QMap<QString, qint64> full;
    for (const QString &c : std::as_const(m_context.clusters))
        full.insert(c, targets.value(c, 0));
    QMap<QString, qint64> startFull;
    for (const QString &c : std::as_const(m_context.clusters))
        startFull.insert(c, m_dragStartPlan.value(c, 0));
    if (full == startFull) {
        // Back where the drag started: exactly the state it started from, so no step is left.
        push(m_dragStart, tr("Drag replicas"), drag);
        return succeeded();
    }
    const Result<ReplicaPreferences> solved
            = solveForDistribution(m_dragStart.preferences, full, planInput(m_dragStart.total));
    if (!solved)
        return solved.error();
    PlacementState after = m_dragStart;
    after.preferences = *solved;
    push(after, tr("Drag replicas"), drag);
    return succeeded();
}

void PlacementEditorModel::endDrag(int drag)
{
    if (drag == m_drag)
        m_drag = 0;
}

void PlacementEditorModel::push(const PlacementState &after, const QString &text, int drag)
{
    if (after == m_state && (drag == 0 || m_undo.count() == 0))
        return;
    m_undo.push(new PlacementCommand(this, m_state, after, text, drag));
}

void PlacementEditorModel::applyState(const PlacementState &state)
{
    if (state == m_state)
        return;
    m_state = state;
    recompute();
    emit changed();
}

PlanInput PlacementEditorModel::planInput(qint64 total) const
{
    PlanInput input;
    input.engine = m_context.engine;
    input.total = total;
    input.clusters = m_context.clusters;
    input.current = m_context.plannerBase;
    input.capacity = m_context.capacity;
    input.key = m_context.key;
    return input;
}

void PlacementEditorModel::recompute()
{
    m_errors.clear();
    const ReplicaPreferences &prefs = m_state.preferences;
    if (m_state.total < 0)
        m_errors.append({QString(), QStringLiteral("total"), tr("must be an integer ≥ 0")});
    if (prefs.clusters.isEmpty()) {
        m_errors.append({QString(), QString(), tr("list at least one cluster or \"*\"")});
    }
    for (auto it = prefs.clusters.cbegin(); it != prefs.clusters.cend(); ++it) {
        const QString &c = it.key();
        if (c.trimmed().isEmpty())
            m_errors.append({c, QString(), tr("a cluster name cannot be empty")});
        if (it->minReplicas < 0)
            m_errors.append({c, QStringLiteral("minReplicas"), tr("must be an integer ≥ 0")});
        if (it->maxReplicas && *it->maxReplicas < 0)
            m_errors.append({c, QStringLiteral("maxReplicas"), tr("must be an integer ≥ 0")});
        if (it->weight < 0)
            m_errors.append({c, QStringLiteral("weight"), tr("must be an integer ≥ 0")});
        if (it->maxReplicas && *it->maxReplicas >= 0 && it->minReplicas > *it->maxReplicas) {
            m_errors.append({c,
                             QStringLiteral("minReplicas"),
                             tr("minReplicas (%1) is greater than maxReplicas (%2)")
                                     .arg(it->minReplicas)
                                     .arg(*it->maxReplicas)});
        }
    }
    if (m_errors.isEmpty()) {
        // Whatever else the engine's own parser rejects, in its words.
        const QByteArray text
                = PreferencesDocument::create(PreferencesFormat::FederationAnnotation, prefs)
                          .toText();
        const auto parsed = PreferencesDocument::parseAnnotation(text);
        if (!parsed)
            m_errors.append({QString(), QString(), parsed.error().message});
    }
    if (m_errors.isEmpty()) {
        m_plan = runPlanner(prefs, planInput(m_state.total));
        if (!m_plan)
            m_errors.append({QString(), QString(), m_plan.error().message});
    } else {
        m_plan = Result<PlanResult>::failure(QStringLiteral("InvalidPreferences"),
                                             m_errors.constFirst().message);
    }
}

QList<ClusterPreview> PlacementEditorModel::preview() const
{
    QList<ClusterPreview> rows;
    for (const QString &c : std::as_const(m_context.clusters)) {
        ClusterPreview row;
        row.cluster = c;
        row.current = m_context.current.value(c, 0);
        row.planned = m_plan ? m_plan->plan.value(c, 0) : row.current;
        row.overflow = m_plan ? m_plan->overflow.value(c, 0) : 0;
        rows.append(row);
    }
    return rows;
}

QList<ReplicaMove> PlacementEditorModel::moves() const
{
    if (!m_plan)
        return {};
    QMap<QString, qint64> current;
    for (const QString &c : std::as_const(m_context.clusters))
        current.insert(c, m_context.current.value(c, 0));
    return replicaMoves(current, m_plan->plan);
}

QList<PlacementWarning> PlacementEditorModel::warnings() const
{
    QList<PlacementWarning> result;
    if (!m_plan)
        return result;
    const PlanResult &plan = *m_plan;
    qint64 placed = 0;
    qint64 leaving = 0;
    qint64 running = 0;
    for (const QString &c : std::as_const(m_context.clusters)) {
        const qint64 now = m_context.current.value(c, 0);
        const qint64 planned = plan.plan.value(c, 0);
        placed += planned;
        running += now;
        leaving += std::max<qint64>(0, now - planned);
        if (now > 0 && planned == 0) {
            result.append({PlacementWarning::Kind::Emptied,
                           c,
                           tr("%1 is emptied completely (%2 → 0).").arg(c).arg(now)});
        }
    }
    for (auto it = plan.overflow.cbegin(); it != plan.overflow.cend(); ++it) {
        result.append(
                {PlacementWarning::Kind::Overflow,
                 it.key(),
                 tr("%1 is at capacity: %2 replicas overflow.").arg(it.key()).arg(it.value())});
    }
    if (placed < m_state.total) {
        result.append({PlacementWarning::Kind::BelowTotal,
                       QString(),
                       tr("Only %1 of %2 replicas are placed: the max limits leave no room for "
                          "the rest.")
                               .arg(placed)
                               .arg(m_state.total)});
    }
    const qint64 scale = std::max(running, m_state.total);
    if (scale > 0 && leaving * 2 > scale) {
        result.append(
                {PlacementWarning::Kind::LargeMove,
                 QString(),
                 tr("%1 of %2 replicas move at once (more than half).").arg(leaving).arg(scale)});
    }
    return result;
}

Result<QStringList> PlacementEditorModel::importText(const QByteArray &text)
{
    const Result<PreferencesDocument> doc = PreferencesDocument::parse(text);
    if (!doc)
        return doc.error();
    QStringList notes = doc->notes();
    const PreferencesFormat target = m_context.engine == Engine::Karmada
                                             ? PreferencesFormat::PropagationPolicy
                                             : PreferencesFormat::FederationAnnotation;
    const Conversion conversion = convertPreferences(doc->preferences(), target);
    notes += conversion.notCarried;
    PlacementState after = m_state;
    after.preferences = conversion.preferences;
    if (doc->preferences().totalReplicas)
        after.total = *doc->preferences().totalReplicas;
    after.preferences.totalReplicas.reset(); // N is the editor's total
    push(after, tr("Import %1").arg(formatName(doc->format())));
    return notes;
}

QByteArray PlacementEditorModel::exportText(PreferencesFormat format, QStringList *lost) const
{
    ReplicaPreferences prefs = m_state.preferences;
    if (format == PreferencesFormat::ReplicaSchedulingPreference)
        prefs.totalReplicas = m_state.total;
    PreferencesDocument doc = PreferencesDocument::create(format, prefs, lost);
    return doc.toText();
}

QList<ReplicaMove> replicaMoves(const QMap<QString, qint64> &from, const QMap<QString, qint64> &to)
{
    struct Delta
    {
        QString cluster;
        qint64 count;
    };
    QList<Delta> losers;
    QList<Delta> gainers;
    QStringList names = from.keys();
    for (const QString &c : to.keys()) {
        if (!from.contains(c))
            names.append(c);
    }
    for (const QString &c : std::as_const(names)) {
        const qint64 d = to.value(c, 0) - from.value(c, 0);
        if (d < 0)
            losers.append({c, -d});
        else if (d > 0)
            gainers.append({c, d});
    }
    const auto bigFirst = [](const Delta &a, const Delta &b) {
        return a.count != b.count ? a.count > b.count : a.cluster < b.cluster;
    };
    std::sort(losers.begin(), losers.end(), bigFirst);
    std::sort(gainers.begin(), gainers.end(), bigFirst);
    QList<ReplicaMove> moves;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < losers.size() && j < gainers.size()) {
        const qint64 n = std::min(losers[i].count, gainers[j].count);
        moves.append({losers[i].cluster, gainers[j].cluster, n});
        losers[i].count -= n;
        gainers[j].count -= n;
        if (losers[i].count == 0)
            ++i;
        if (gainers[j].count == 0)
            ++j;
    }
    return moves;
}

} // namespace Meridian::Placement

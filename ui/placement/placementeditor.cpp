#include "placementeditor.h"

#include "distributionbar.h"
#include "placement/policyapply.h"
#include "ui/map/worldmapview.h"
#include "worker/apiworker.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <limits>

namespace Meridian {

using namespace Placement;

namespace {

// Commits on every keystroke, so the planner runs and errors show while the operator types.
class LiveEditDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent,
                          const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            auto *self = const_cast<LiveEditDelegate *>(this);
            QObject::connect(line, &QLineEdit::textEdited, self, [self, line] {
                emit self->commitData(line);
            });
        }
        return editor;
    }
};

const QString wildcard = QString(wildcardCluster);

std::optional<qint64> parseCount(const QString &text, bool allowEmpty, bool *ok)
{
    const QString t = text.trimmed();
    *ok = true;
    if (t.isEmpty() || t == QLatin1String("∞")) {
        *ok = allowEmpty;
        return std::nullopt;
    }
    bool number = false;
    const qint64 value = t.toLongLong(&number);
    if (!number || value < 0) {
        *ok = false;
        return std::nullopt;
    }
    return value;
}

} // namespace

PlacementEditor::PlacementEditor(QWidget *parent)
    : QWidget(parent)
{
    buildUi();
    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(300);
    connect(m_draftTimer, &QTimer::timeout, this, &PlacementEditor::saveDraft);
    connect(&m_model, &PlacementEditorModel::changed, this, [this] {
        refresh();
        m_draftTimer->start();
    });
}

PlacementEditor::~PlacementEditor()
{
    if (m_draftTimer->isActive())
        saveDraft(); // nothing the operator edited is lost on close
    if (m_map) {
        m_map->setReplicaDragEnabled(false);
        m_map->setPlacementOverlay({}, {});
    }
}

void PlacementEditor::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    m_draftNote = new QLabel(this);
    m_draftNote->setWordWrap(true);
    m_draftNote->hide();
    layout->addWidget(m_draftNote);

    auto *tools = new QHBoxLayout;
    // Short labels; what would be undone or redone is in the tooltip.
    QUndoStack *stack = m_model.undoStack();
    auto *undoAction = new QAction(tr("Undo"), this);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    undoAction->setEnabled(false);
    connect(undoAction, &QAction::triggered, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undoAction, [undoAction](const QString &text) {
        undoAction->setToolTip(text.isEmpty() ? QString() : tr("Undo: %1").arg(text));
    });
    auto *redoAction = new QAction(tr("Redo"), this);
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redoAction->setEnabled(false);
    connect(redoAction, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
    connect(stack, &QUndoStack::redoTextChanged, redoAction, [redoAction](const QString &text) {
        redoAction->setToolTip(text.isEmpty() ? QString() : tr("Redo: %1").arg(text));
    });
    addAction(undoAction);
    addAction(redoAction);
    auto *undo = new QToolButton(this);
    undo->setDefaultAction(undoAction);
    auto *redo = new QToolButton(this);
    redo->setDefaultAction(redoAction);
    tools->addWidget(undo);
    tools->addWidget(redo);
    auto *import = new QPushButton(tr("Import…"), this);
    connect(import, &QPushButton::clicked, this, &PlacementEditor::onImport);
    tools->addWidget(import);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    for (PreferencesFormat f : {PreferencesFormat::FederationAnnotation,
                                PreferencesFormat::ReplicaSchedulingPreference,
                                PreferencesFormat::PropagationPolicy}) {
        exportMenu->addAction(formatName(f), this, [this, f] { onExport(f); });
    }
    exportButton->setMenu(exportMenu);
    tools->addWidget(exportButton);
    m_remove = new QPushButton(tr("Remove entry"), this);
    m_remove->setToolTip(tr("Remove the selected cluster's own entry (it then follows \"*\")"));
    connect(m_remove, &QPushButton::clicked, this, &PlacementEditor::onRemoveEntry);
    tools->addWidget(m_remove);
    tools->addStretch();
    layout->addLayout(tools);

    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels({tr("Cluster"),
                                        tr("Min replicas"),
                                        tr("Max replicas"),
                                        tr("Weight"),
                                        tr("Current"),
                                        tr("Planned")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setItemDelegate(new LiveEditDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    connect(m_table, &QTableWidget::itemChanged, this, &PlacementEditor::onItemChanged);
    connect(m_table->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        m_sessionCell = {-1, -1};
    });
    layout->addWidget(m_table, 1);

    auto *form = new QFormLayout;
    m_rebalance = new QCheckBox(tr("Allow moving running replicas (rebalance)"), this);
    connect(m_rebalance, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing)
            m_model.setRebalance(on);
    });
    form->addRow(m_rebalance);
    m_total = new QSpinBox(this);
    m_total->setRange(0, std::numeric_limits<qint32>::max());
    m_total->setAccessibleName(tr("Total replicas"));
    connect(m_total, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_refreshing)
            return;
        // Typing or spinning in the box is one step until it loses focus.
        if (!m_total->hasFocus() || m_totalSession == 0)
            m_totalSession = m_model.beginEditSession();
        m_model.setTotal(value, m_totalSession);
    });
    connect(m_total, &QSpinBox::editingFinished, this, [this] { m_totalSession = 0; });
    form->addRow(tr("Total replicas (N):"), m_total);
    layout->addLayout(form);

    m_bar = new DistributionBar(this);
    connect(m_bar, &DistributionBar::dragStarted, this, [this] {
        m_barDrag = m_model.beginDrag();
    });
    connect(m_bar, &DistributionBar::dragMoved, this, [this](const QMap<QString, qint64> &targets) {
        const Status status = m_model.dragTo(m_barDrag, targets);
        m_dragStatus->setText(status ? QString() : status.error().message);
    });
    connect(m_bar, &DistributionBar::dragFinished, this, [this] {
        m_model.endDrag(m_barDrag);
        m_barDrag = 0;
    });
    layout->addWidget(m_bar);

    m_dragStatus = new QLabel(this);
    m_dragStatus->setWordWrap(true);
    layout->addWidget(m_dragStatus);
    m_errors = new QLabel(this);
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    QPalette red = m_errors->palette();
    red.setColor(QPalette::WindowText, QColor(0xB0, 0x00, 0x20));
    m_errors->setPalette(red);
    layout->addWidget(m_errors);
    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    layout->addWidget(m_warnings);

    auto *applyRow = new QHBoxLayout;
    applyRow->addStretch();
    m_retry = new QPushButton(tr("Retry failed clusters"), this);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, [this] {
        QStringList failed;
        for (const MemberApplyResult &r : std::as_const(m_results)) {
            if (r.state == MemberApplyResult::State::Failed)
                failed.append(r.member);
        }
        applyNow(failed);
    });
    applyRow->addWidget(m_retry);
    m_apply = new QPushButton(tr("Apply…"), this);
    connect(m_apply, &QPushButton::clicked, this, &PlacementEditor::onApplyClicked);
    applyRow->addWidget(m_apply);
    layout->addLayout(applyRow);

    m_progress = new QTableWidget(0, 3, this);
    m_progress->setHorizontalHeaderLabels({tr("Cluster"), tr("Result"), tr("Details")});
    m_progress->verticalHeader()->hide();
    m_progress->horizontalHeader()->setStretchLastSection(true);
    m_progress->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_progress->hide();
    layout->addWidget(m_progress);
}

void PlacementEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshMap();
}

void PlacementEditor::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    refreshMap(); // the map pans again and shows no preview while the editor is away
}

void PlacementEditor::setApiThread(ApiThread *api)
{
    m_api = api;
}

void PlacementEditor::setMapView(WorldMapView *map)
{
    if (m_map)
        m_map->disconnect(this);
    m_map = map;
    if (!map)
        return;
    connect(map, &WorldMapView::markerDragStarted, this, &PlacementEditor::onMapDragStarted);
    connect(map, &WorldMapView::markerDragged, this, &PlacementEditor::onMapDragged);
    connect(map, &WorldMapView::markerDropped, this, &PlacementEditor::onMapDropped);
    refreshMap();
}

void PlacementEditor::setDraftStore(const DraftStore &store)
{
    m_drafts = store;
}

PlacementContext PlacementEditor::contextFor(const FederatedWorkload &w) const
{
    PlacementContext c;
    c.key = w.key();
    c.engine = m_engine == Federation::Engine::Karmada ? Engine::Karmada : Engine::Federation;
    c.clusters = w.plan.keys(); // the plan names every available member
    for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it) {
        c.current.insert(it.key(), it->desired);
        // Federation keeps what runs (ready, as the engine's own plan does); Karmada divides
        // relative to the previous assignment.
        c.plannerBase.insert(it.key(),
                             m_engine == Federation::Engine::Karmada ? it->desired : it->ready);
    }
    return c;
}

void PlacementEditor::editWorkload(const FederatedWorkload &workload,
                                   Federation::Engine engine,
                                   const Federation::Capabilities &capabilities)
{
    if (m_draftTimer->isActive()) {
        m_draftTimer->stop();
        saveDraft(); // the previous workload's draft
    }
    // Read before loading: loading an unmodified base would otherwise drop the saved draft.
    const std::optional<PlacementDraft> draft = m_drafts.load(workload.key());
    m_workload = workload;
    m_engine = engine;
    m_baseAnnotations.clear();
    for (auto it = workload.clusters.cbegin(); it != workload.clusters.cend(); ++it)
        m_baseAnnotations.insert(it.key(), it->preferences);
    PlacementContext context = contextFor(workload);
    context.capabilities = capabilities;
    PlacementState base;
    base.preferences = workload.preferences;
    base.preferences.totalReplicas.reset();
    base.total = workload.plannedTotal;
    m_results.clear();
    m_progress->hide();
    m_retry->hide();
    m_model.load(context, base);
    m_title->setText(workload.placementKind.isEmpty()
                             ? tr("Placement of %1 (%2 engine)")
                                       .arg(workload.key(), Federation::engineName(engine))
                             : tr("Placement of %1 (%2 engine; placed by %3 %4)")
                                       .arg(workload.key(),
                                            Federation::engineName(engine),
                                            workload.placementKind,
                                            workload.placementName));

    m_draftNote->hide();
    if (draft && draft->state != base) {
        m_model.restoreDraft(draft->state);
        m_draftNote->setText(
                draft->base == base
                        ? tr("Restored your unapplied draft from %1. Undo discards it.")
                                  .arg(QLocale().toString(draft->savedAt.toLocalTime(),
                                                          QLocale::ShortFormat))
                        : tr("Restored your unapplied draft from %1; the workload's placement "
                             "has changed since. Review it before applying; Undo discards it.")
                                  .arg(QLocale().toString(draft->savedAt.toLocalTime(),
                                                          QLocale::ShortFormat)));
        m_draftNote->show();
    }
    refresh();
}

void PlacementEditor::updateWorkload(const FederatedWorkload &workload)
{
    if (workload.key() != m_workload.key())
        return;
    bool preferencesChanged = false;
    for (auto it = workload.clusters.cbegin(); it != workload.clusters.cend(); ++it) {
        const auto base = m_baseAnnotations.constFind(it.key());
        if (base == m_baseAnnotations.cend())
            m_baseAnnotations.insert(it.key(), it->preferences); // a member that just appeared
        else if (!sameAnnotation(*base, it->preferences))
            preferencesChanged = true;
    }
    if (preferencesChanged && !m_model.isModified() && !m_applying) {
        // Nothing of the operator's is at stake: follow the change made elsewhere.
        editWorkload(workload, m_engine, m_model.context().capabilities);
        return;
    }
    if (preferencesChanged) {
        // The draft stays measured against what the operator started from, so applying reports
        // the conflict instead of overwriting the other change.
        m_draftNote->setText(tr("The preferences on the clusters were changed elsewhere since you "
                                "started editing; applying will report a conflict. Export your "
                                "draft and reopen the editor to start from the new preferences."));
        m_draftNote->show();
    }
    const PlacementContext old = m_model.context();
    m_workload = workload;
    PlacementContext context = contextFor(workload);
    context.capabilities = old.capabilities;
    if (context.clusters == old.clusters && context.current == old.current
        && context.plannerBase == old.plannerBase)
        return;
    m_model.setContext(context);
}

QStringList PlacementEditor::rowClusters() const
{
    QStringList rows = m_model.context().clusters;
    for (const QString &c : m_model.state().preferences.clusters.keys()) {
        if (c != wildcard && !rows.contains(c))
            rows.append(c);
    }
    rows.append(wildcard);
    return rows;
}

int PlacementEditor::rowOf(const QString &cluster) const
{
    return int(rowClusters().indexOf(cluster));
}

void PlacementEditor::refresh()
{
    m_refreshing = true;
    refreshTable();
    const PlacementState &state = m_model.state();
    m_rebalance->setChecked(state.preferences.rebalance);
    m_rebalance->setEnabled(m_model.canEditRebalance());
    if (m_total->value() != state.total)
        m_total->setValue(int(std::min<qint64>(state.total, std::numeric_limits<qint32>::max())));

    QMap<QString, qint64> planned;
    if (m_model.plan())
        planned = m_model.plan()->plan;
    m_bar->setDistribution(m_model.context().clusters, m_model.context().current, planned);
    m_bar->setEditable(m_model.canEditWeights() && m_model.plan().ok());

    QStringList errors;
    for (const FieldError &e : m_model.errors()) {
        errors.append(e.cluster.isEmpty() && e.field.isEmpty()
                              ? e.message
                              : QStringLiteral("%1 %2: %3").arg(e.cluster, e.field, e.message));
    }
    m_errors->setText(errors.join(u'\n'));
    QStringList warnings;
    for (const PlacementWarning &w : m_model.warnings())
        warnings.append(QStringLiteral("⚠ ") + w.message);
    m_warnings->setText(warnings.join(u'\n'));
    m_apply->setEnabled(m_model.isValid() && !m_applying && !m_workload.key().isEmpty());
    refreshMap();
    m_refreshing = false;
}

void PlacementEditor::refreshTable()
{
    const QStringList rows = rowClusters();
    const ReplicaPreferences &prefs = m_model.state().preferences;
    const auto wildcardPref = prefs.clusters.constFind(wildcard);
    QMap<QString, qint64> planned;
    if (m_model.plan())
        planned = m_model.plan()->plan;
    QHash<QPair<QString, QString>, QString> errors;
    for (const FieldError &e : m_model.errors())
        errors.insert({e.cluster, e.field}, e.message);

    const QSignalBlocker blocker(m_table);
    if (m_table->rowCount() != rows.size())
        m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const QString &c = rows.at(r);
        const auto own = prefs.clusters.constFind(c);
        const bool explicitEntry = own != prefs.clusters.cend();
        const bool available = m_model.context().clusters.contains(c);
        auto cell = [&](int column) {
            QTableWidgetItem *item = m_table->item(r, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, column, item);
            }
            return item;
        };
        QTableWidgetItem *name = cell(ClusterColumn);
        name->setText(c == wildcard ? tr("* (every other cluster)") : c);
        name->setData(Qt::UserRole, c);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        QFont font = name->font();
        font.setItalic(!explicitEntry);
        name->setFont(font);
        name->setToolTip(!explicitEntry ? (c == wildcard ? tr("No \"*\" entry: clusters without "
                                                              "their own entry get nothing")
                                                         : tr("No own entry: follows \"*\""))
                                        : QString());

        const bool minMaxEditable = m_model.canEditMinMax();
        const bool weightEditable = m_model.canEditWeights();
        const ClusterPreference shown = explicitEntry ? *own
                                        : wildcardPref != prefs.clusters.cend()
                                                ? *wildcardPref
                                                : ClusterPreference{};
        const struct
        {
            int column;
            QString field;
            QString text;
            bool editable;
        } fields[] = {{MinColumn,
                       QStringLiteral("minReplicas"),
                       QString::number(shown.minReplicas),
                       minMaxEditable},
                      {MaxColumn,
                       QStringLiteral("maxReplicas"),
                       shown.maxReplicas ? QString::number(*shown.maxReplicas) : QString(),
                       minMaxEditable},
                      {WeightColumn,
                       QStringLiteral("weight"),
                       QString::number(shown.weight),
                       weightEditable}};
        for (const auto &f : fields) {
            QTableWidgetItem *item = cell(f.column);
            const bool editingThis = m_sessionCell == qMakePair(r, f.column);
            const bool invalidText = item->data(Qt::UserRole + 1).toBool();
            if (!editingThis && !invalidText)
                item->setText(f.text);
            item->setFlags(f.editable
                                   ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                                   : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setForeground(explicitEntry ? palette().color(QPalette::Text)
                                              : palette().color(QPalette::PlaceholderText));
            const QString error = errors.value({c, f.field});
            if (!invalidText) {
                item->setBackground(error.isEmpty() ? QBrush() : QBrush(QColor(0xFF, 0xD6, 0xD6)));
                item->setToolTip(error.isEmpty() ? (f.column == MaxColumn ? tr("Empty: no maximum")
                                                                          : QString())
                                                 : error);
            }
        }
        QTableWidgetItem *current = cell(CurrentColumn);
        current->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        current->setText(available || m_model.context().current.contains(c)
                                 ? QString::number(m_model.context().current.value(c, 0))
                                 : QString());
        QTableWidgetItem *plan = cell(PlannedColumn);
        plan->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        plan->setText(available && m_model.plan() ? QString::number(planned.value(c, 0))
                                                  : QString());
        const qint64 overflow = m_model.plan() ? m_model.plan()->overflow.value(c, 0) : 0;
        plan->setToolTip(overflow > 0 ? tr("%1 replicas overflow").arg(overflow) : QString());
    }
}

void PlacementEditor::onItemChanged(QTableWidgetItem *item)
{
    if (m_refreshing)
        return;
    const int column = item->column();
    if (column != MinColumn && column != MaxColumn && column != WeightColumn)
        return;
    const QString cluster
            = m_table->item(item->row(), ClusterColumn)->data(Qt::UserRole).toString();
    bool ok = false;
    const std::optional<qint64> value = parseCount(item->text(), column == MaxColumn, &ok);
    if (!ok) {
        // Kept as typed, marked, and not given to the planner until it is a number.
        item->setData(Qt::UserRole + 1, true);
        item->setBackground(QColor(0xFF, 0xD6, 0xD6));
        item->setToolTip(column == MaxColumn ? tr("must be an integer ≥ 0, or empty for no maximum")
                                             : tr("must be an integer ≥ 0"));
        m_errors->setText(
                tr("%1: \"%2\" is not a valid %3")
                        .arg(cluster, item->text(), m_table->horizontalHeaderItem(column)->text()));
        return;
    }
    item->setData(Qt::UserRole + 1, false);
    const ReplicaPreferences &prefs = m_model.state().preferences;
    ClusterPreference pref = prefs.clusters.value(cluster, prefs.clusters.value(wildcard));
    if (column == MinColumn)
        pref.minReplicas = value.value_or(0);
    else if (column == MaxColumn)
        pref.maxReplicas = value;
    else
        pref.weight = value.value_or(0);
    const QPair<int, int> cell{item->row(), column};
    if (m_sessionCell != cell) {
        m_sessionCell = cell;
        m_editSession = m_model.beginEditSession();
    }
    m_model.setClusterPreference(cluster, pref, m_editSession);
}

void PlacementEditor::onRemoveEntry()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const QString cluster = m_table->item(row, ClusterColumn)->data(Qt::UserRole).toString();
    m_model.removeCluster(cluster);
}

void PlacementEditor::refreshMap()
{
    if (!m_map)
        return;
    const bool active = isVisible() && !m_workload.key().isEmpty();
    m_map->setReplicaDragEnabled(active && m_model.canEditWeights() && m_model.plan().ok());
    if (!active || !m_model.plan()) {
        m_map->setPlacementOverlay({}, {});
        return;
    }
    QHash<QString, int> planned;
    for (auto it = m_model.plan()->plan.cbegin(); it != m_model.plan()->plan.cend(); ++it)
        planned.insert(it.key(), int(it.value()));
    QList<WorldMapView::PlacementArrow> arrows;
    for (const ReplicaMove &m : m_model.moves())
        arrows.append({m.from, m.to, int(m.count)});
    m_map->setPlacementOverlay(planned, arrows);
}

void PlacementEditor::onMapDragStarted(const QString &from)
{
    m_mapDrag = m_model.beginDrag();
    m_mapDragStart = m_model.plan() ? m_model.plan()->plan : QMap<QString, qint64>();
    if (m_map)
        m_map->setReplicaDragMaximum(int(m_mapDragStart.value(from, 0)));
}

void PlacementEditor::onMapDragged(const QString &from, const QString &to, int count)
{
    if (m_mapDrag == 0)
        return;
    QMap<QString, qint64> targets = m_mapDragStart;
    if (!to.isEmpty() && targets.contains(to)) {
        const qint64 moved = std::min<qint64>(count, targets.value(from, 0));
        targets[from] -= moved;
        targets[to] += moved;
    }
    const Status status = m_model.dragTo(m_mapDrag, targets);
    m_dragStatus->setText(status ? (to.isEmpty() ? QString()
                                                 : tr("Moving %1 replicas from %2 to %3 (wheel "
                                                      "changes the count)")
                                                           .arg(count)
                                                           .arg(from, to))
                                 : status.error().message);
}

void PlacementEditor::onMapDropped(const QString &from, const QString &to, int count)
{
    onMapDragged(from, to, count);
    m_model.endDrag(m_mapDrag);
    m_mapDrag = 0;
}

void PlacementEditor::onImport()
{
    const QString path = QFileDialog::getOpenFileName(this,
                                                      tr("Import preferences"),
                                                      QString(),
                                                      tr("Preferences (*.json *.yaml *.yml);;"
                                                         "All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this,
                             tr("Import"),
                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    const Result<QStringList> notes = m_model.importText(file.read(4 << 20));
    if (!notes) {
        QMessageBox::warning(this,
                             tr("Import"),
                             tr("%1 cannot be imported: %2").arg(path, notes.error().message));
        return;
    }
    if (!notes->isEmpty())
        QMessageBox::information(this, tr("Import"), notes->join(u'\n'));
}

void PlacementEditor::onExport(PreferencesFormat format)
{
    const QString path
            = QFileDialog::getSaveFileName(this,
                                           tr("Export as %1").arg(formatName(format)),
                                           QString(),
                                           format == PreferencesFormat::FederationAnnotation
                                                   ? tr("JSON (*.json)")
                                                   : tr("YAML (*.yaml)"));
    if (path.isEmpty())
        return;
    QStringList lost;
    const QByteArray text = m_model.exportText(format, &lost);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        QMessageBox::warning(this,
                             tr("Export"),
                             tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    if (!lost.isEmpty()) {
        QMessageBox::information(this,
                                 tr("Export"),
                                 tr("Not carried over to %1:\n%2")
                                         .arg(formatName(format), lost.join(u'\n')));
    }
}

ApplyRequest PlacementEditor::applyRequest() const
{
    ApplyRequest request;
    request.ns = m_workload.ns;
    request.name = m_workload.name;
    request.annotation = annotationFor(m_model.state().preferences);
    QStringList members = m_workload.clusters.keys();
    request.baseAnnotations = m_baseAnnotations;
    if (m_model.plan()) {
        for (auto it = m_model.plan()->plan.cbegin(); it != m_model.plan()->plan.cend(); ++it) {
            if (m_engine == Federation::Engine::Direct)
                request.replicas.insert(it.key(), it.value());
            if (it.value() > 0 && !members.contains(it.key()))
                members.append(it.key());
        }
    }
    request.members = members;
    return request;
}

QString PlacementEditor::applyDiffText() const
{
    if (m_engine == Federation::Engine::Karmada) {
        QStringList lines;
        if (m_workload.placementKind.isEmpty()) {
            lines.append(tr("The PropagationPolicy selecting %1 gets this replica scheduling (its "
                            "other fields are kept); Karmada divides the replicas:")
                                 .arg(m_workload.key()));
        } else {
            lines.append(tr("%1 %2, which places %3, gets this replica scheduling (its other "
                            "fields are kept); Karmada divides the replicas:")
                                 .arg(m_workload.placementKind,
                                      m_workload.placementName,
                                      m_workload.key()));
        }
        lines.append(QString::fromUtf8(m_model.exportText(PreferencesFormat::PropagationPolicy)));
        if (m_model.state().total != m_model.base().total) {
            lines.append(tr("Deployment %1 on the control plane: replicas %2 → %3")
                                 .arg(m_workload.key())
                                 .arg(m_model.base().total)
                                 .arg(m_model.state().total));
        }
        lines.append(tr("Expected per cluster:"));
        if (m_model.plan()) {
            for (auto it = m_model.plan()->plan.cbegin(); it != m_model.plan()->plan.cend(); ++it) {
                lines.append(QStringLiteral("  %1: %2 → %3")
                                     .arg(it.key())
                                     .arg(m_model.context().current.value(it.key(), 0))
                                     .arg(it.value()));
            }
        }
        return lines.join(u'\n');
    }
    const ApplyRequest request = applyRequest();
    QStringList lines;
    lines.append(
            tr("Annotation %1 on %2/%3:")
                    .arg(QLatin1String(deploymentPreferencesAnnotation), request.ns, request.name));
    QStringList before;
    for (const QString &b : request.baseAnnotations) {
        if (!before.contains(b))
            before.append(b);
    }
    for (const QString &b : std::as_const(before))
        lines.append(QStringLiteral("- ") + (b.isEmpty() ? tr("(none)") : b));
    lines.append(QStringLiteral("+ ") + request.annotation);
    lines.append(QString());
    lines.append(tr("Replicas per cluster:"));
    for (const QString &member : request.members) {
        const auto target = request.replicas.constFind(member);
        const bool has = m_workload.clusters.contains(member);
        const QString now = has ? QString::number(m_workload.clusters.value(member).desired)
                                : tr("no Deployment");
        lines.append(
                target == request.replicas.cend()
                        ? tr("  %1: %2 (unchanged: not available to the plan)").arg(member, now)
                        : QStringLiteral("  %1: %2 → %3").arg(member, now).arg(*target));
    }
    return lines.join(u'\n');
}

void PlacementEditor::onApplyClicked()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Apply placement"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("This is what will be written:"), &dialog));
    auto *text = new QPlainTextEdit(applyDiffText(), &dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(640, 360);
    if (dialog.exec() == QDialog::Accepted)
        applyNow();
}

void PlacementEditor::applyNow(const QStringList &members)
{
    if (!m_api || m_applying)
        return;
    if (m_engine == Federation::Engine::Karmada) {
        applyToKarmada();
        return;
    }
    ApplyRequest request = members.isEmpty() ? applyRequest() : m_lastRequest;
    if (!members.isEmpty())
        request.members = members;
    m_lastRequest = request;
    m_applying = true;
    m_apply->setEnabled(false);
    m_retry->hide();
    for (const QString &member : std::as_const(request.members)) {
        MemberApplyResult r;
        r.member = member;
        m_results.insert(member, r);
    }
    m_progress->show();
    onMemberProgress({});
    qRegisterMetaType<MemberApplyResult>();
    qRegisterMetaType<MemberApplyResults>();
    QPointer<PlacementEditor> self(this);
    m_api->runWithClients([self, request](const QHash<QString, Kube::ApiClient *> &clients) {
        auto *job = new PlacementApplyJob(request, clients);
        if (self) {
            QObject::connect(job,
                             &PlacementApplyJob::memberProgress,
                             self.data(),
                             &PlacementEditor::onMemberProgress);
            QObject::connect(job,
                             &PlacementApplyJob::finished,
                             self.data(),
                             &PlacementEditor::onApplyDone);
        }
        job->start();
    });
}

void PlacementEditor::applyToKarmada()
{
    m_applying = true;
    m_apply->setEnabled(false);
    m_retry->hide();
    m_results.clear();
    MemberApplyResult pending;
    pending.member = m_workload.placementKind.isEmpty()
                             ? QStringLiteral("PropagationPolicy")
                             : m_workload.placementKind + u'/' + m_workload.placementName;
    pending.state = MemberApplyResult::State::Writing;
    m_results.insert(pending.member, pending);
    m_progress->show();
    onMemberProgress({});
    qRegisterMetaType<MemberApplyResults>();
    m_lastRequest = applyRequest();
    const std::optional<qint64> total = m_model.state().total != m_model.base().total
                                                ? std::optional<qint64>(m_model.state().total)
                                                : std::nullopt;
    QPointer<PlacementEditor> self(this);
    m_api->runWithClients([self,
                           context = m_karmadaContext,
                           ns = m_workload.ns,
                           name = m_workload.name,
                           base = m_model.base().preferences,
                           target = m_model.state().preferences,
                           total](const QHash<QString, Kube::ApiClient *> &clients) {
        Kube::ApiClient *client = context.isEmpty() && clients.size() == 1 ? *clients.cbegin()
                                                                           : clients.value(context);
        auto *job = new PolicyApplyJob(client, ns, name, base, target, total);
        if (self) {
            QObject::connect(job,
                             &PolicyApplyJob::finished,
                             self.data(),
                             [self](const MemberApplyResults &results) {
                                 if (!self)
                                     return;
                                 self->m_results.clear();
                                 self->onApplyDone(results);
                             });
        }
        job->start();
    });
}

void PlacementEditor::onMemberProgress(const MemberApplyResult &result)
{
    if (!result.member.isEmpty())
        m_results.insert(result.member, result);
    m_progress->setRowCount(int(m_results.size()));
    int row = 0;
    for (const MemberApplyResult &r : std::as_const(m_results)) {
        const QStringList values{r.member, applyStateName(r.state), r.message};
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(values.at(column));
            if (r.state == MemberApplyResult::State::Failed
                || r.state == MemberApplyResult::State::Conflict)
                item->setForeground(QColor(0xB0, 0x00, 0x20));
            item->setToolTip(r.message);
            m_progress->setItem(row, column, item);
        }
        ++row;
    }
}

void PlacementEditor::onApplyDone(const MemberApplyResults &results)
{
    m_applying = false;
    for (const MemberApplyResult &r : results) {
        m_results.insert(r.member, r);
        if (r.isSuccess())
            m_baseAnnotations.insert(r.member, m_lastRequest.annotation);
    }
    onMemberProgress({});
    bool allDone = true;
    bool anyFailed = false;
    for (const MemberApplyResult &r : std::as_const(m_results)) {
        allDone = allDone && r.isSuccess();
        anyFailed = anyFailed || r.state == MemberApplyResult::State::Failed;
    }
    m_retry->setVisible(anyFailed);
    if (allDone) {
        m_drafts.remove(m_workload.key());
        m_model.markApplied();
        m_draftNote->hide();
    }
    refresh();
    emit applyFinished(m_results.values());
}

void PlacementEditor::saveDraft()
{
    if (m_workload.key().isEmpty())
        return;
    if (!m_model.isModified()) {
        m_drafts.remove(m_workload.key());
        return;
    }
    PlacementDraft draft;
    draft.key = m_workload.key();
    draft.state = m_model.state();
    draft.base = m_model.base();
    draft.savedAt = QDateTime::currentDateTimeUtc();
    const Status saved = m_drafts.save(draft);
    if (!saved)
        m_dragStatus->setText(saved.error().message);
}

} // namespace Meridian

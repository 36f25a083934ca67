#include "detailspane.h"

#include "consoleselection.h"
#include "models/clustermodel.h"
#include "models/workloadmodel.h"
#include "ui/map/worldmapview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPainter>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Meridian {

namespace {

constexpr int kBarRowHeight = 30; // pixels per cluster in the replica chart

// The four replica counts, in the order of a rollout's progress. Okabe-Ito hues that stay
// apart from each other and from the map's state colours in both themes.
struct ReplicaSeries
{
    struct
    {
        const char *source;
        const char *comment;
    } text;
    QColor color;
};

const ReplicaSeries kSeries[] = {
        {QT_TRANSLATE_NOOP3("Meridian::DetailsPane", "Desired", "replicas"),
         QColor(0x8C, 0x96, 0xA3)},
        {QT_TRANSLATE_NOOP3("Meridian::DetailsPane", "Updated", "replicas"),
         QColor(0x00, 0x72, 0xB2)},
        {QT_TRANSLATE_NOOP3("Meridian::DetailsPane", "Ready", "replicas"),
         QColor(0x56, 0xB4, 0xE9)},
        {QT_TRANSLATE_NOOP3("Meridian::DetailsPane", "Available", "replicas"),
         QColor(0x00, 0x9E, 0x73)},
};

qint64 seriesValue(int series, const MemberStatus &m)
{
    switch (series) {
    case 0: return m.desired;
    case 1: return m.updated;
    case 2: return m.ready;
    default: return m.available;
    }
}

QLabel *makeValueLabel()
{
    auto *label = new QLabel;
    label->setTextInteractionFlags(Qt::TextSelectableByMouse); // no Tab stop per label
    label->setWordWrap(true);
    return label;
}

QTreeWidget *makeTable(const QStringList &headers, const QString &accessibleName)
{
    auto *table = new QTreeWidget;
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHeaderLabels(headers);
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setAlternatingRowColors(true);
    table->setAllColumnsShowFocus(true);
    table->setAccessibleName(accessibleName);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The long column comes last and is elided (full text in its tooltip): no sideways scrolling.
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setTextElideMode(Qt::ElideMiddle);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->header()->setStretchLastSection(true);
    return table;
}

// A table shows all its rows: the page scrolls, not the table.
void fitHeight(QTreeWidget *table)
{
    int height = table->header()->sizeHint().height() + 2 * table->frameWidth() + 2;
    const int rows = table->topLevelItemCount();
    if (rows > 0)
        height += rows * table->sizeHintForRow(0);
    table->setFixedHeight(std::max(height, table->header()->sizeHint().height() + 24));
}

QLabel *makeHeading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

QString locationSourceText(Geo::LocationSource source)
{
    switch (source) {
    case Geo::LocationSource::None: return {};
    case Geo::LocationSource::Override:
        return DetailsPane::tr("your setting (Settings ▸ Locations)");
    case Geo::LocationSource::Label: return DetailsPane::tr("the meridian.dev/location label");
    case Geo::LocationSource::Karmada: return DetailsPane::tr("the Karmada cluster's region");
    case Geo::LocationSource::NodeLabels: return DetailsPane::tr("the nodes' topology labels");
    case Geo::LocationSource::ContextName: return DetailsPane::tr("the kubeconfig context name");
    case Geo::LocationSource::ServerUrl: return DetailsPane::tr("the API server's address");
    }
    return {};
}

QString agoText(const QDateTime &when)
{
    const qint64 seconds = std::max<qint64>(0, when.secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds < 60)
        return DetailsPane::tr("%n s ago", nullptr, static_cast<int>(seconds));
    if (seconds < 3600)
        return DetailsPane::tr("%n min ago", nullptr, static_cast<int>(seconds / 60));
    return DetailsPane::tr("%n h ago", nullptr, static_cast<int>(seconds / 3600));
}

} // namespace

DetailsPane::DetailsPane(ConsoleSelection *selection,
                         ClusterModel *clusters,
                         WorkloadModel *workloads,
                         WorldMapView *map,
                         QWidget *parent)
    : QWidget(parent)
    , m_selection(selection)
    , m_clusters(clusters)
    , m_workloads(workloads)
    , m_map(map)
    , m_refreshTimer(new QTimer(this))
    , m_stack(new QStackedWidget)
    , m_empty(new QLabel)
{
    setObjectName(QStringLiteral("detailsPane"));
    setAccessibleName(tr("Details"));
    m_empty->setObjectName(QStringLiteral("detailsEmpty"));
    m_empty->setText(tr("Select a cluster on the map or in the list, or a workload, to see it "
                        "here."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(16);
    m_stack->addWidget(m_empty);

    auto scroll = [](QWidget *page) {
        auto *area = new QScrollArea;
        area->setWidget(page);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    m_stack->addWidget(scroll(createClusterPage()));
    m_stack->addWidget(scroll(createWorkloadPage()));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // Batches arrive up to every 50 ms per stream; one refresh per burst.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(40);
    connect(m_refreshTimer, &QTimer::timeout, this, &DetailsPane::refresh);

    connect(selection, &ConsoleSelection::focusChanged, this, &DetailsPane::refresh);
    connect(selection, &ConsoleSelection::workloadChanged, this, &DetailsPane::refresh);
    connect(selection, &ConsoleSelection::clustersChanged, this, &DetailsPane::refresh);
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(clusters),
                                      static_cast<QAbstractItemModel *>(workloads)}) {
        connect(model, &QAbstractItemModel::dataChanged, this, &DetailsPane::scheduleRefresh);
        connect(model, &QAbstractItemModel::rowsInserted, this, &DetailsPane::scheduleRefresh);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &DetailsPane::scheduleRefresh);
        connect(model, &QAbstractItemModel::modelReset, this, &DetailsPane::scheduleRefresh);
        connect(model, &QAbstractItemModel::layoutChanged, this, &DetailsPane::scheduleRefresh);
    }
    refresh();
}

DetailsPane::~DetailsPane() = default;

QWidget *DetailsPane::createClusterPage()
{
    m_clusterPage = new QWidget;
    m_clusterPage->setObjectName(QStringLiteral("clusterDetails"));
    auto *layout = new QVBoxLayout(m_clusterPage);
    m_clusterTitle = new QLabel;
    QFont big = m_clusterTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_clusterTitle->setFont(big);
    m_clusterTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clusterState = new QLabel;
    m_clusterState->setObjectName(QStringLiteral("clusterState"));
    m_clusterReason = makeValueLabel();
    m_clusterReason->setObjectName(QStringLiteral("clusterReason"));
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_clusterTitle);
    titleRow->addWidget(m_clusterState);
    titleRow->addStretch(1);
    layout->addLayout(titleRow);
    layout->addWidget(m_clusterReason);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_clusterContext = makeValueLabel();
    m_clusterServer = makeValueLabel();
    m_clusterVersion = makeValueLabel();
    m_clusterNodes = makeValueLabel();
    m_clusterLastSuccess = makeValueLabel();
    m_clusterLocation = makeValueLabel();
    m_clusterLocation->setObjectName(QStringLiteral("clusterLocation"));
    m_clusterTls = makeValueLabel();
    form->addRow(tr("Context:"), m_clusterContext);
    form->addRow(tr("API server:"), m_clusterServer);
    form->addRow(tr("Version:"), m_clusterVersion);
    form->addRow(tr("Nodes:"), m_clusterNodes);
    form->addRow(tr("Last success:"), m_clusterLastSuccess);
    form->addRow(tr("Location:"), m_clusterLocation);
    form->addRow(tr("TLS:"), m_clusterTls);
    layout->addLayout(form);

    layout->addWidget(makeHeading(tr("Workloads in this cluster")));
    m_clusterWorkloads = makeTable({tr("Namespace/Name"),
                                    tr("Ready", "replicas"),
                                    tr("Revision"),
                                    tr("Drift"),
                                    tr("Images")},
                                   tr("Workloads in this cluster"));
    m_clusterWorkloads->setObjectName(QStringLiteral("clusterWorkloads"));
    m_clusterWorkloads->setToolTip(tr("Enter or double-click shows the workload."));
    connect(m_clusterWorkloads, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (m_selection && item)
            m_selection->setWorkload(item->data(0, Qt::UserRole).toString());
    });
    layout->addWidget(m_clusterWorkloads);
    layout->addStretch(1);
    return m_clusterPage;
}

QWidget *DetailsPane::createWorkloadPage()
{
    m_workloadPage = new QWidget;
    m_workloadPage->setObjectName(QStringLiteral("workloadDetails"));
    auto *layout = new QVBoxLayout(m_workloadPage);
    m_workloadTitle = new QLabel;
    QFont big = m_workloadTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_workloadTitle->setFont(big);
    m_workloadTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_workloadSummary = makeValueLabel();
    m_workloadSummary->setObjectName(QStringLiteral("workloadSummary"));
    m_workloadDrift = makeValueLabel();
    m_workloadDrift->setObjectName(QStringLiteral("workloadDrift"));
    layout->addWidget(m_workloadTitle);
    layout->addWidget(m_workloadSummary);
    layout->addWidget(m_workloadDrift);

    layout->addWidget(makeHeading(tr("Replicas per cluster")));
    m_chartHolder = new QWidget;
    auto *chartLayout = new QVBoxLayout(m_chartHolder);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chartHolder);

    layout->addWidget(makeHeading(tr("Members")));
    // The bars above carry the four counts; the table stays narrow enough for a side dock.
    m_members = makeTable({tr("Cluster"),
                           tr("Ready", "replicas"),
                           tr("Revision"),
                           tr("Drift"),
                           tr("Images")},
                          tr("Members of the workload"));
    m_members->setObjectName(QStringLiteral("workloadMembers"));
    m_members->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_members->setToolTip(tr("Enter or double-click selects the cluster on the map."));
    m_members->headerItem()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    connect(m_members, &QTreeWidget::itemActivated, this, &DetailsPane::selectRowCluster);
    layout->addWidget(m_members);

    auto *conditionsRow = new QHBoxLayout;
    conditionsRow->addWidget(makeHeading(tr("Conditions")));
    conditionsRow->addStretch(1);
    m_allConditions = new QCheckBox(tr("Show &all"));
    m_allConditions->setObjectName(QStringLiteral("allConditions"));
    connect(m_allConditions, &QCheckBox::toggled, this, [this] {
        m_chartWorkload = {}; // rebuild the tables
        refresh();
    });
    conditionsRow->addWidget(m_allConditions);
    layout->addLayout(conditionsRow);
    m_conditionsSummary = makeValueLabel();
    m_conditionsSummary->setObjectName(QStringLiteral("conditionsSummary"));
    layout->addWidget(m_conditionsSummary);
    m_conditions = makeTable({tr("Cluster"),
                              tr("Condition"),
                              tr("Status", "condition"),
                              tr("Reason", "condition"),
                              tr("Message", "condition")},
                             tr("Deployment conditions"));
    m_conditions->setObjectName(QStringLiteral("workloadConditions"));
    layout->addWidget(m_conditions);

    auto *podsRow = new QHBoxLayout;
    podsRow->addWidget(makeHeading(tr("Pods")));
    podsRow->addStretch(1);
    m_allPods = new QCheckBox(tr("Show all &pods"));
    m_allPods->setObjectName(QStringLiteral("allPods"));
    connect(m_allPods, &QCheckBox::toggled, this, &DetailsPane::showInsight);
    podsRow->addWidget(m_allPods);
    layout->addLayout(podsRow);
    m_podsSummary = makeValueLabel();
    m_podsSummary->setObjectName(QStringLiteral("podsSummary"));
    layout->addWidget(m_podsSummary);
    m_pods = makeTable({tr("Cluster"),
                        tr("Pod"),
                        tr("Status", "pod"),
                        tr("Ready", "containers"),
                        tr("Restarts"),
                        tr("Revision"),
                        tr("Node"),
                        tr("Age")},
                       tr("Pods of the workload"));
    m_pods->setObjectName(QStringLiteral("workloadPods"));
    m_pods->setToolTip(tr("Enter or double-click selects the pod's cluster on the map."));
    connect(m_pods, &QTreeWidget::itemActivated, this, &DetailsPane::selectRowCluster);
    layout->addWidget(m_pods);

    auto *eventsRow = new QHBoxLayout;
    eventsRow->addWidget(makeHeading(tr("Events")));
    eventsRow->addStretch(1);
    m_normalEvents = new QCheckBox(tr("Show &normal events"));
    m_normalEvents->setObjectName(QStringLiteral("normalEvents"));
    connect(m_normalEvents, &QCheckBox::toggled, this, &DetailsPane::showInsight);
    eventsRow->addWidget(m_normalEvents);
    layout->addLayout(eventsRow);
    m_eventsSummary = makeValueLabel();
    m_eventsSummary->setObjectName(QStringLiteral("eventsSummary"));
    layout->addWidget(m_eventsSummary);
    m_events = makeTable({tr("Cluster"),
                          tr("Last seen"),
                          tr("Type", "event"),
                          tr("Reason", "event"),
                          tr("Object"),
                          tr("Message", "event")},
                         tr("Events of the workload"));
    m_events->setObjectName(QStringLiteral("workloadEvents"));
    m_events->setToolTip(tr("Enter or double-click selects the event's cluster on the map."));
    connect(m_events, &QTreeWidget::itemActivated, this, &DetailsPane::selectRowCluster);
    layout->addWidget(m_events);
    layout->addStretch(1);
    return m_workloadPage;
}

void DetailsPane::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void DetailsPane::refresh()
{
    m_refreshTimer->stop();
    if (!m_selection)
        return;
    switch (m_selection->focus()) {
    case ConsoleSelection::Focus::Cluster: showCluster(m_selection->currentCluster()); break;
    case ConsoleSelection::Focus::Workload: showWorkload(m_selection->workload()); break;
    case ConsoleSelection::Focus::None:
        m_shownCluster.clear();
        m_shownWorkload.clear();
        m_stack->setCurrentIndex(0);
        break;
    }
    followInsight();
}

void DetailsPane::selectRowCluster(QTreeWidgetItem *item)
{
    if (!m_selection || !item)
        return;
    const QString context = item->data(0, Qt::UserRole).toString();
    // Stay on the workload: the map and the list follow, the pane does not turn.
    m_selection->setClusters({context}, context, false);
}

void DetailsPane::followInsight()
{
    const QString wanted = m_stack->currentIndex() == 2 ? m_shownWorkload : QString();
    if (wanted == m_followed)
        return;
    m_followed = wanted;
    m_insight = {};
    showInsight();
    emit insightWanted(wanted);
}

void DetailsPane::setInsight(const WorkloadInsight &insight)
{
    if (insight.key() != m_followed || insight == m_insight)
        return;
    m_insight = insight;
    showInsight();
}

void DetailsPane::showInsight()
{
    if (!m_pods)
        return;
    constexpr int kMaxPodRows = 500;
    constexpr int kMaxEventRows = 50;
    const QColor trouble(0xD5, 0x5E, 0x00);
    const bool known = !m_followed.isEmpty() && m_insight.key() == m_followed;

    // Pods: the ones that need attention, or all of them.
    qsizetype ready = 0;
    qsizetype attention = 0;
    for (const PodInsight &p : std::as_const(m_insight.pods)) {
        ready += p.ready ? 1 : 0;
        attention += p.needsAttention() ? 1 : 0;
    }
    // One line per note, naming its clusters: "still listing pods and events: iowa, tokyo".
    QMap<QString, QStringList> clustersByNote;
    for (auto it = m_insight.notes.cbegin(); it != m_insight.notes.cend(); ++it)
        clustersByNote[it.value()].append(it.key());
    QStringList notes;
    for (auto it = clustersByNote.cbegin(); it != clustersByNote.cend(); ++it)
        notes.append(tr("%1 (%2)", "note (clusters)").arg(it.key(), it->join(QLatin1String(", "))));
    QString podsText;
    if (!known)
        podsText = tr("Reading pods and events…");
    else if (m_insight.pods.isEmpty() && m_insight.notes.isEmpty())
        podsText = tr("No pods.");
    else if (m_insight.pods.isEmpty())
        podsText = tr("No pods yet.");
    else
        podsText = tr("Pods: %1 · ready: %2 · need attention: %3")
                           .arg(m_insight.pods.size())
                           .arg(ready)
                           .arg(attention);
    if (!notes.isEmpty())
        podsText += u'\n' + notes.join(u'\n');
    m_podsSummary->setText(podsText);
    m_pods->clear();
    int podRows = 0;
    for (const PodInsight &p : std::as_const(m_insight.pods)) {
        if (!m_allPods->isChecked() && !p.needsAttention())
            continue;
        if (++podRows > kMaxPodRows)
            break;
        auto *item = new QTreeWidgetItem(m_pods);
        item->setText(0, p.cluster);
        item->setIcon(0, stateIcon(p.cluster));
        item->setData(0, Qt::UserRole, p.cluster);
        item->setText(1, p.name);
        item->setToolTip(1, p.name);
        item->setText(2, p.status);
        item->setText(3, tr("%1/%2", "ready/containers").arg(p.readyContainers).arg(p.containers));
        item->setText(4, QString::number(p.restarts));
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(5, p.revision);
        item->setText(6, p.node);
        item->setText(7, p.created.isValid() ? agoText(p.created) : QString());
        if (p.needsAttention()) {
            item->setForeground(2, trouble);
            item->setForeground(3, trouble);
        }
    }
    if (podRows > kMaxPodRows)
        m_podsSummary->setText(m_podsSummary->text() + u'\n'
                               + tr("The table shows the first %1.").arg(kMaxPodRows));
    m_pods->setVisible(m_pods->topLevelItemCount() > 0);
    fitHeight(m_pods);

    // Events: warnings, or every event, newest first.
    qsizetype warnings = 0;
    for (const EventInsight &e : std::as_const(m_insight.events))
        warnings += e.isWarning() ? 1 : 0;
    QString eventsText;
    if (known && m_insight.events.isEmpty())
        eventsText = tr("No events.");
    else if (known)
        eventsText = tr("Events: %1 · warnings: %2").arg(m_insight.events.size()).arg(warnings);
    if (m_insight.droppedEvents > 0)
        eventsText += u' ' + tr("Older events not shown: %1.").arg(m_insight.droppedEvents);
    m_eventsSummary->setText(eventsText);
    m_eventsSummary->setVisible(known);
    m_events->clear();
    for (const EventInsight &e : std::as_const(m_insight.events)) {
        if (!m_normalEvents->isChecked() && !e.isWarning())
            continue;
        if (m_events->topLevelItemCount() >= kMaxEventRows)
            break;
        auto *item = new QTreeWidgetItem(m_events);
        item->setText(0, e.cluster);
        item->setIcon(0, stateIcon(e.cluster));
        item->setData(0, Qt::UserRole, e.cluster);
        item->setText(1, e.lastSeen.isValid() ? agoText(e.lastSeen) : QString());
        item->setToolTip(1, QLocale().toString(e.lastSeen.toLocalTime(), QLocale::ShortFormat));
        item->setText(2, e.type);
        item->setText(3,
                      e.count > 1 ? tr("%1 (×%2)", "reason (count)").arg(e.reason).arg(e.count)
                                  : e.reason);
        item->setText(4, e.objectKind + u'/' + e.objectName);
        item->setToolTip(4, item->text(4));
        item->setText(5, e.message);
        item->setToolTip(5,
                         e.source.isEmpty() ? e.message
                                            : e.message + u'\n' + tr("from %1").arg(e.source));
        if (e.isWarning()) {
            item->setForeground(2, trouble);
            item->setForeground(3, trouble);
        }
    }
    m_events->setVisible(m_events->topLevelItemCount() > 0);
    fitHeight(m_events);
}

QIcon DetailsPane::stateIcon(const QString &context) const
{
    const int row = m_clusters ? m_clusters->rowOfContext(context) : -1;
    const QColor color = row >= 0 ? ClusterModel::stateColor(m_clusters->clusters().at(row).state)
                                  : QColor(0x99, 0x99, 0x99);
    const int size = 12;
    QPixmap dot(size * 2, size * 2);
    dot.setDevicePixelRatio(2.0);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(130), 1.0));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    return QIcon(dot);
}

void DetailsPane::showCluster(const QString &context)
{
    const int row = m_clusters ? m_clusters->rowOfContext(context) : -1;
    if (row < 0) {
        m_shownCluster.clear();
        m_shownWorkload.clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    m_shownCluster = context;
    m_shownWorkload.clear();
    m_stack->setCurrentIndex(1);
    const ClusterStatus &c = m_clusters->clusters().at(row);

    m_clusterTitle->setText(c.name.isEmpty() ? c.context : c.name);
    const QColor color = ClusterModel::stateColor(c.state);
    m_clusterState->setText(ClusterModel::stateText(c.state));
    // A chip in the map's colour for the state; white or black text, whichever reads.
    m_clusterState->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2; border-radius: 8px; "
                           "padding: 2px 8px; font-weight: bold; }")
                    .arg(color.name(),
                         color.lightness() > 150 ? QStringLiteral("#111111")
                                                 : QStringLiteral("#ffffff")));
    m_clusterReason->setText(c.reason);
    m_clusterReason->setVisible(!c.reason.isEmpty());
    m_clusterContext->setText(c.context);
    m_clusterServer->setText(c.server);
    m_clusterVersion->setText(c.version.isEmpty() ? tr("unknown", "version") : c.version);
    m_clusterNodes->setText(c.nodesTotal > 0
                                    ? tr("%1 of %2 Ready").arg(c.nodesReady).arg(c.nodesTotal)
                                    : tr("unknown", "nodes"));
    m_clusterLastSuccess->setText(
            c.lastSuccess.isValid()
                    ? tr("%1 (%2)", "time (how long ago)")
                              .arg(QLocale().toString(c.lastSuccess.toLocalTime().time(),
                                                      QLocale::LongFormat),
                                   agoText(c.lastSuccess))
                    : tr("never"));

    const Geo::ResolvedLocation where
            = m_map ? m_map->locationOf(context) : Geo::ResolvedLocation{};
    if (where.isValid()) {
        const QString point = QStringLiteral("%1, %2")
                                      .arg(where.location.lat, 0, 'f', 2)
                                      .arg(where.location.lon, 0, 'f', 2);
        const QString place = where.region.isEmpty()
                                      ? point
                                      : tr("%1 (%2)", "region (lat, lon)").arg(where.region, point);
        m_clusterLocation->setText(tr("%1 — from %2").arg(place, locationSourceText(where.source)));
    } else {
        m_clusterLocation->setText(tr("Unknown: the cluster sits in the Unplaced tray. Set its "
                                      "location in Settings ▸ Locations."));
    }
    m_clusterTls->setText(c.insecureTls
                                  ? tr("⚠ Verification is off (insecure-skip-tls-verify in the "
                                       "kubeconfig)")
                                  : tr("Verified"));

    // Rebuilt on every update; the row the operator is on stays current.
    const QString currentKey
            = m_clusterWorkloads->currentItem()
                      ? m_clusterWorkloads->currentItem()->data(0, Qt::UserRole).toString()
                      : QString();
    m_clusterWorkloads->clear();
    if (m_workloads) {
        for (const FederatedWorkload &w : m_workloads->workloads()) {
            const auto member = w.clusters.constFind(context);
            if (member == w.clusters.cend())
                continue;
            auto *item = new QTreeWidgetItem(m_clusterWorkloads);
            item->setText(0, w.key());
            item->setData(0, Qt::UserRole, w.key());
            item->setText(1, tr("%1/%2", "ready/desired").arg(member->ready).arg(member->desired));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(2, member->revision);
            item->setText(4, member->imagesText());
            item->setToolTip(4, member->imagesText());
            QStringList drift;
            if (member->templateDrift)
                drift.append(tr("pod template", "drift"));
            if (member->imageDrift)
                drift.append(tr("images", "drift"));
            if (member->replicaDrift)
                drift.append(tr("replicas", "drift"));
            item->setText(3, drift.join(QLatin1String(", ")));
            if (member->ready < member->desired)
                item->setForeground(1, QColor(0xD5, 0x5E, 0x00));
            if (w.key() == currentKey)
                m_clusterWorkloads->setCurrentItem(item, 0, QItemSelectionModel::NoUpdate);
        }
    }
    fitHeight(m_clusterWorkloads);
}

void DetailsPane::showWorkload(const QString &key)
{
    const int row = m_workloads ? m_workloads->rowOfKey(key) : -1;
    if (row < 0) {
        m_shownCluster.clear();
        m_shownWorkload.clear();
        m_stack->setCurrentIndex(0);
        return;
    }
    const FederatedWorkload &w = m_workloads->workloads().at(row);
    if (key == m_shownWorkload && m_stack->currentIndex() == 2 && w == m_chartWorkload) {
        // Same workload, same figures: keep the tables (and the operator's place in them);
        // only cluster states and the highlight may have changed.
        for (int i = 0; i < m_members->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_members->topLevelItem(i);
            item->setIcon(0, stateIcon(item->data(0, Qt::UserRole).toString()));
        }
        highlightMembers();
        return;
    }
    m_shownWorkload = key;
    m_shownCluster.clear();
    m_stack->setCurrentIndex(2);

    m_workloadTitle->setText(w.key());
    QStringList revisions;
    for (const MemberStatus &m : w.clusters)
        if (!m.revision.isEmpty() && !revisions.contains(m.revision))
            revisions.append(m.revision);
    m_workloadSummary->setText(
            tr("Clusters: %1").arg(w.clusters.size()) + QStringLiteral(" · ")
            + tr("%1 desired, %2 updated, %3 ready, %4 available")
                      .arg(w.totals.desired)
                      .arg(w.totals.updated)
                      .arg(w.totals.ready)
                      .arg(w.totals.available)
            + QStringLiteral(" · ")
            + (revisions.size() <= 1
                       ? tr("revision %1").arg(revisions.value(0, tr("unknown", "revision")))
                       : tr("revisions %1").arg(revisions.join(QLatin1String(", "))))
            + (w.placementKind.isEmpty()
                       ? QString()
                       : QStringLiteral(" · ")
                                 + tr("placed by %1 %2").arg(w.placementKind, w.placementName)));

    const QModelIndex workloadIndex = m_workloads->index(row, 0);
    if (w.hasDrift()) {
        m_workloadDrift->setText(
                tr("⚠ Drift (%1) in: %2")
                        .arg(workloadIndex.data(WorkloadModel::DriftTextRole).toString(),
                             w.driftedClusters().join(QLatin1String(", "))));
        m_workloadDrift->setStyleSheet(QStringLiteral("QLabel { color: #D55E00; }"));
        m_workloadDrift->show();
    } else {
        m_workloadDrift->hide();
    }

    updateChart(w);

    m_members->clear();
    int memberRow = 0;
    for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it, ++memberRow) {
        const MemberStatus &m = it.value();
        auto *item = new QTreeWidgetItem(m_members);
        item->setText(0, it.key());
        item->setIcon(0, stateIcon(it.key()));
        item->setData(0, Qt::UserRole, it.key());
        item->setText(1, tr("%1/%2", "ready/desired").arg(m.ready).arg(m.desired));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(1,
                         tr("Desired %1, updated %2, ready %3, available %4, planned %5")
                                 .arg(m.desired)
                                 .arg(m.updated)
                                 .arg(m.ready)
                                 .arg(m.available)
                                 .arg(m.planned ? QString::number(*m.planned)
                                                : QStringLiteral("—")));
        item->setText(2, m.revision);
        item->setText(4, m.imagesText());
        item->setToolTip(4, m.imagesText());
        const QModelIndex memberIndex = m_workloads->index(memberRow, 0, workloadIndex);
        item->setText(3, memberIndex.data(WorkloadModel::DriftTextRole).toString());
        if (m.hasDrift())
            item->setForeground(3, QColor(0xD5, 0x5E, 0x00));
        if (m.ready < m.desired)
            item->setForeground(1, QColor(0xD5, 0x5E, 0x00));
    }
    fitHeight(m_members);
    highlightMembers();

    // Conditions, trouble first: a condition that is not True, or a Progressing one that
    // stopped for a reason other than a finished rollout.
    struct Row
    {
        QString cluster;
        WorkloadCondition condition;
        bool trouble;
    };
    QList<Row> rows;
    for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it) {
        for (const WorkloadCondition &condition : it->conditions) {
            const bool trouble = condition.status != QLatin1String("True")
                                 || condition.reason == QLatin1String("ProgressDeadlineExceeded");
            rows.append({it.key(), condition, trouble});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.trouble && !b.trouble;
    });
    // Trouble is listed; conditions that are fine are summed up unless the operator asks.
    const qsizetype troubles
            = std::count_if(rows.cbegin(), rows.cend(), [](const Row &r) { return r.trouble; });
    QStringList fineTypes;
    for (const Row &r : std::as_const(rows))
        if (!r.trouble && !fineTypes.contains(r.condition.type))
            fineTypes.append(r.condition.type);
    if (rows.isEmpty())
        m_conditionsSummary->setText(tr("No conditions reported yet."));
    else if (troubles == 0)
        m_conditionsSummary->setText(tr("All conditions are fine in every cluster (%1).")
                                             .arg(fineTypes.join(QLatin1String(", "))));
    else
        m_conditionsSummary->setText(tr("Conditions that need attention: %1.").arg(troubles));
    m_conditions->clear();
    for (const Row &r : std::as_const(rows)) {
        if (!r.trouble && !m_allConditions->isChecked())
            continue;
        auto *item = new QTreeWidgetItem(m_conditions);
        item->setText(0, r.cluster);
        item->setIcon(0, stateIcon(r.cluster));
        item->setText(1, r.condition.type);
        item->setText(2, r.condition.status);
        item->setText(3, r.condition.reason);
        item->setText(4, r.condition.message);
        item->setToolTip(4, r.condition.message);
        if (r.trouble) {
            for (int column = 1; column <= 3; ++column)
                item->setForeground(column, QColor(0xD5, 0x5E, 0x00));
        }
    }
    m_conditions->setVisible(m_conditions->topLevelItemCount() > 0);
    fitHeight(m_conditions);
}

void DetailsPane::updateChart(const FederatedWorkload &workload)
{
    if (m_chart && workload == m_chartWorkload)
        return; // nothing the bars show changed: keep the chart (and the operator's hover)
    m_chartWorkload = workload;
    if (!m_chart) {
        m_chart = new QChart;
        m_chart->setAnimationOptions(QChart::NoAnimation);
        m_chart->setBackgroundVisible(false);
        m_chart->setMargins(QMargins(4, 4, 4, 4));
        m_chart->legend()->setAlignment(Qt::AlignTop);
        m_chartView = new QChartView(m_chart);
        m_chartView->setObjectName(QStringLiteral("replicaChart"));
        m_chartView->setRenderHint(QPainter::Antialiasing);
        m_chartView->setFrameShape(QFrame::NoFrame);
        m_chartView->setStyleSheet(QStringLiteral("background: transparent"));
        m_chartView->setAccessibleName(tr("Replicas per cluster"));
        m_chartView->setFocusPolicy(Qt::NoFocus);
        m_chartHolder->layout()->addWidget(m_chartView);
    }
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);

    // Horizontal bars list categories bottom-up; reversed, the first cluster is on top as in
    // the members table below.
    QStringList clusters = workload.clusters.keys();
    std::reverse(clusters.begin(), clusters.end());
    auto *series = new QHorizontalBarSeries;
    qint64 maximum = 1;
    for (int s = 0; s < 4; ++s) {
        auto *set = new QBarSet(tr(kSeries[s].text.source, kSeries[s].text.comment));
        set->setColor(kSeries[s].color);
        set->setBorderColor(kSeries[s].color.darker(115));
        for (const QString &cluster : std::as_const(clusters)) {
            const qint64 value = seriesValue(s, workload.clusters.value(cluster));
            maximum = std::max(maximum, value);
            set->append(static_cast<qreal>(value));
        }
        series->append(set);
    }
    series->setBarWidth(0.8);
    m_chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(clusters);
    m_chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%d"));
    values->setRange(0, static_cast<qreal>(maximum));
    values->setTickType(QValueAxis::TicksDynamic);
    values->setTickAnchor(0);
    values->setTickInterval(std::max<qint64>(1, (maximum + 4) / 5));
    m_chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    applyChartColors();
    m_chartView->setFixedHeight(
            std::max(160, 90 + kBarRowHeight * static_cast<int>(clusters.size())));
}

void DetailsPane::applyChartColors()
{
    if (!m_chart)
        return;
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setTitleBrush(text);
    }
}

void DetailsPane::highlightMembers()
{
    const QStringList selected = m_selection ? m_selection->clusters() : QStringList();
    for (int i = 0; i < m_members->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_members->topLevelItem(i);
        const bool on = selected.contains(item->data(0, Qt::UserRole).toString());
        item->setSelected(on);
        QFont font = item->font(0);
        font.setBold(on);
        item->setFont(0, font);
    }
}

QStringList DetailsPane::highlightedMembers() const
{
    QStringList members;
    for (const QTreeWidgetItem *item : m_members->selectedItems())
        members.append(item->data(0, Qt::UserRole).toString());
    return members;
}

void DetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyChartColors();
    QWidget::changeEvent(event);
}

} // namespace Meridian

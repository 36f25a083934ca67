#include "worldmapview.h"

#include "core/geo/equalearth.h"
#include "core/geo/fanout.h"
#include "mapassets.h"
#include "models/clustermodel.h"

#include <QAbstractItemModel>
#include <QFrame>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Meridian {

namespace {

constexpr double kMinZoom = 0.8; // of the whole-world fit
constexpr double kMaxZoom = 60.0;
constexpr double kFineDetailScale = 900.0; // px per unit above which 1:50m data is drawn
constexpr double kMergeDistance = 6.0;     // px: markers closer than this fan out
constexpr double kMarkerGap = 3.0;         // px between fanned-out markers
constexpr double kDefaultRadius = 6.0;
constexpr double kLabelGridCell = 48.0;
constexpr int kZoomAnimationMs = 140;
constexpr int kSettleMs = 120;
constexpr qreal kLabelPadX = 4.0;
constexpr qreal kLabelPadY = 1.5;

struct Palette
{
    QColor background;
    QColor ocean;
    QColor land;
    QColor coast;
    QColor border;
    QColor graticule;
    QColor text;
    QColor labelBack;
    QColor markerOutline;
    QColor selection;
    QColor hover;
    QColor attribution;
};

const Palette &paletteFor(WorldMapView::Theme theme)
{
    static const Palette light{QColor(0xEE, 0xF1, 0xF5),
                               QColor(0xD4, 0xE3, 0xEF),
                               QColor(0xFB, 0xFA, 0xF6),
                               QColor(0x9D, 0xB1, 0xC3),
                               QColor(0xCB, 0xD0, 0xD8),
                               QColor(0xC3, 0xD5, 0xE4),
                               QColor(0x1F, 0x29, 0x33),
                               QColor(255, 255, 255, 215),
                               QColor(255, 255, 255),
                               QColor(0x0B, 0x57, 0xD0),
                               QColor(0x1F, 0x29, 0x33, 60),
                               QColor(0x5A, 0x67, 0x75)};
    static const Palette dark{QColor(0x11, 0x14, 0x19),
                              QColor(0x18, 0x21, 0x2D),
                              QColor(0x2A, 0x32, 0x3F),
                              QColor(0x46, 0x55, 0x69),
                              QColor(0x3B, 0x45, 0x54),
                              QColor(0x22, 0x2E, 0x3E),
                              QColor(0xE6, 0xEA, 0xF0),
                              QColor(0x11, 0x16, 0x1D, 215),
                              QColor(0x11, 0x14, 0x19),
                              QColor(0x8A, 0xB4, 0xF8),
                              QColor(255, 255, 255, 70),
                              QColor(0x8A, 0x96, 0xA5)};
    return theme == WorldMapView::Theme::Dark ? dark : light;
}

quint64 gridKey(int cx, int cy)
{
    return (static_cast<quint64>(static_cast<quint32>(cx)) << 32) | static_cast<quint32>(cy);
}

} // namespace

WorldMapView::WorldMapView(QWidget *parent)
    : QWidget(parent)
    , m_assets(MapAssets::instance())
    , m_resolver(m_assets.regions)
    , m_zoomAnimation(new QVariantAnimation(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAccessibleName(tr("World map of clusters"));
    setObjectName(QStringLiteral("worldMap"));

    m_zoomAnimation->setDuration(kZoomAnimationMs);
    m_zoomAnimation->setEasingCurve(QEasingCurve::OutCubic);
    m_zoomAnimation->setStartValue(0.0);
    m_zoomAnimation->setEndValue(1.0);
    m_settleTimer = new QTimer(this);
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(kSettleMs);
    connect(m_settleTimer, &QTimer::timeout, this, [this] {
        if (m_zoomAnimation->state() == QAbstractAnimation::Running || m_dragging) {
            m_settleTimer->start();
            return;
        }
        m_interacting = false;
        update();
    });
    connect(m_zoomAnimation, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        // Interpolate in log space so every step of a zoom feels the same size.
        const double t = v.toDouble();
        const double scale = std::exp(std::log(m_zoomFrom) * (1 - t) + std::log(m_zoomTo) * t);
        const QPointF offset = m_zoomAnchorScreen - QPointF(width() / 2.0, height() / 2.0);
        setView(scale, m_zoomAnchorProjected - QPointF(offset.x() / scale, -offset.y() / scale));
    });

    m_tray = new QFrame(this);
    m_tray->setObjectName(QStringLiteral("unplacedTray"));
    m_tray->setFrameShape(QFrame::StyledPanel);
    m_tray->setAutoFillBackground(true);
    m_tray->setAccessibleName(tr("Unplaced clusters"));
    auto *trayLayout = new QVBoxLayout(m_tray);
    trayLayout->setContentsMargins(6, 4, 6, 6);
    trayLayout->setSpacing(2);
    m_trayTitle = new QLabel(m_tray);
    m_trayTitle->setToolTip(tr("Clusters whose location is unknown. Set a location in the "
                               "cluster settings or the meridian.dev/location label."));
    m_trayList = new QListWidget(m_tray);
    m_trayList->setAccessibleName(tr("Unplaced clusters"));
    m_trayList->setFrameShape(QFrame::NoFrame);
    m_trayList->setSelectionMode(QAbstractItemView::SingleSelection);
    trayLayout->addWidget(m_trayTitle);
    trayLayout->addWidget(m_trayList);
    m_tray->hide();
    connect(m_trayList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int index = m_markerByContext.value(item->data(Qt::UserRole).toString(), -1);
        if (index >= 0)
            selectRow(m_markers.at(index).row, false);
    });
}

WorldMapView::~WorldMapView() = default;

QSize WorldMapView::sizeHint() const
{
    return {960, 540};
}

QSize WorldMapView::minimumSizeHint() const
{
    return {240, 160};
}

void WorldMapView::setModel(QAbstractItemModel *model)
{
    if (m_model == model)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    if (m_model) {
        const auto changed = [this] { scheduleRebuild(); };
        m_modelConnections = {
                connect(m_model, &QAbstractItemModel::modelReset, this, changed),
                connect(m_model, &QAbstractItemModel::rowsInserted, this, changed),
                connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed),
                connect(m_model, &QAbstractItemModel::rowsMoved, this, changed),
                connect(m_model, &QAbstractItemModel::layoutChanged, this, changed),
                connect(m_model, &QAbstractItemModel::dataChanged, this, changed),
        };
    }
    m_fitPending = true;
    scheduleRebuild();
}

QAbstractItemModel *WorldMapView::model() const
{
    return m_model;
}

void WorldMapView::setSelectionModel(QItemSelectionModel *selectionModel)
{
    disconnect(m_selectionConnection);
    m_selection = selectionModel;
    if (m_selection) {
        m_selectionConnection
                = connect(m_selection, &QItemSelectionModel::selectionChanged, this, [this] {
                      invalidateLayout(); // selected labels come first
                      syncTray();
                  });
    }
    invalidateLayout();
}

QItemSelectionModel *WorldMapView::selectionModel() const
{
    return m_selection;
}

void WorldMapView::setTheme(Theme theme)
{
    if (m_theme == theme)
        return;
    m_theme = theme;
    m_sprites.clear();
    invalidateBase();
}

void WorldMapView::setReplicaCounts(const QHash<QString, int> &replicasByContext)
{
    m_replicas = replicasByContext;
    m_maxReplicas = 0;
    for (int replicas : replicasByContext)
        m_maxReplicas = std::max(m_maxReplicas, replicas);
    invalidateLayout();
}

void WorldMapView::setRolloutRings(const QHash<QString, RolloutRing> &ringsByContext)
{
    m_rings = ringsByContext;
    invalidateLayout();
}

void WorldMapView::setLocationHints(const QHash<QString, Geo::LocationInput> &hintsByContext)
{
    m_hints = hintsByContext;
    scheduleRebuild();
}

void WorldMapView::scheduleRebuild()
{
    m_markersDirty = true;
    invalidateLayout();
    // Batches arrive every ~50 ms; coalescing to one rebuild per event-loop turn keeps a burst
    // of dataChanged signals from resolving locations again and again.
    if (!m_rebuildScheduled) {
        m_rebuildScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_rebuildScheduled = false;
            ensureLayout();
        });
    }
}

void WorldMapView::invalidateLayout()
{
    m_layoutDirty = true;
    update();
}

void WorldMapView::invalidateBase()
{
    m_baseValid = false;
    invalidateLayout();
}

void WorldMapView::rebuildMarkers()
{
    m_markersDirty = false;
    QHash<QString, int> previous = m_markerByContext;
    const QString hoveredContext = m_hovered >= 0 && m_hovered < m_markers.size()
                                           ? m_markers.at(m_hovered).context
                                           : QString();
    QList<Marker> old = std::move(m_markers);
    m_markers.clear();
    m_markerByContext.clear();
    m_hovered = -1;
    const auto *clusters = qobject_cast<const ClusterModel *>(m_model.data());
    const int rows = m_model ? m_model->rowCount() : 0;
    m_markers.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const auto text = [&](int column) {
            return m_model->index(row, column).data(Qt::DisplayRole).toString();
        };
        Marker marker;
        marker.row = row;
        marker.context = m_model->index(row, 0).data(ClusterModel::ContextRole).toString();
        if (marker.context.isEmpty())
            marker.context = text(ClusterModel::ContextColumn);
        marker.name = text(ClusterModel::NameColumn);
        if (marker.name.isEmpty())
            marker.name = marker.context;
        marker.version = text(ClusterModel::VersionColumn);
        marker.nodes = text(ClusterModel::NodesColumn);
        marker.reason = text(ClusterModel::ReasonColumn);
        marker.state = m_model->index(row, 0).data(ClusterModel::StateRole).value<ClusterState>();

        Geo::LocationInput input = m_hints.value(marker.context);
        if (input.nodeRegion.isEmpty())
            input.nodeRegion = text(ClusterModel::RegionColumn);
        if (clusters) {
            const int sourceRow = clusters->rowOfContext(marker.context);
            if (sourceRow >= 0) {
                const ClusterStatus &status = clusters->clusters().at(sourceRow);
                if (input.nodeZone.isEmpty())
                    input.nodeZone = status.zone;
                // A Karmada Cluster's meridian.dev/location label, region and zones.
                if (!status.location.isEmpty()
                    && !input.labels.contains(Geo::LocationResolver::kLocationLabel.toString()))
                    input.labels.insert(Geo::LocationResolver::kLocationLabel.toString(),
                                        status.location);
                if (!status.provider.isEmpty() && input.karmadaRegion.isEmpty()) {
                    input.karmadaRegion = status.region;
                    input.karmadaZones = status.zones;
                }
            }
        }
        input.contextName = marker.context;
        if (input.clusterName.isEmpty())
            input.clusterName = marker.name;
        if (input.serverUrl.isEmpty())
            input.serverUrl = text(ClusterModel::ServerColumn);
        const Geo::ResolvedLocation where = m_resolver.resolve(input);
        marker.placed = where.isValid();
        marker.location = where.location;
        marker.source = where.source;
        marker.region = where.region;
        marker.projected = Geo::EqualEarth::project(where.location);

        // Reuse the prepared label when the name did not change: QStaticText layout is the
        // expensive part of a label.
        const int before = previous.value(marker.context, -1);
        if (before >= 0 && old.at(before).name == marker.name) {
            marker.label = old.at(before).label;
            marker.labelWidth = old.at(before).labelWidth;
        } else {
            marker.label = QStaticText(marker.name);
            marker.label.setTextFormat(Qt::PlainText);
            marker.label.setPerformanceHint(QStaticText::AggressiveCaching);
            marker.label.prepare(QTransform(), font());
            marker.labelWidth = marker.label.size().width();
        }
        m_markerByContext.insert(marker.context, static_cast<int>(m_markers.size()));
        m_markers.append(std::move(marker));
    }
    m_hovered = m_markerByContext.value(hoveredContext, -1);
    syncTray();
    updateAccessibleDescription();
    if (m_fitPending && std::any_of(m_markers.cbegin(), m_markers.cend(), [](const Marker &m) {
            return m.placed;
        })) {
        m_fitPending = false;
        fitToClusters();
    }
}

void WorldMapView::syncTray()
{
    QStringList unplaced;
    QList<int> indices;
    for (int i = 0; i < m_markers.size(); ++i) {
        if (!m_markers.at(i).placed) {
            unplaced.append(m_markers.at(i).name);
            indices.append(i);
        }
    }
    m_tray->setVisible(!unplaced.isEmpty());
    if (unplaced.isEmpty())
        return;
    m_trayTitle->setText(tr("Unplaced (%n)",
                            "clusters without a known location",
                            static_cast<int>(unplaced.size())));
    const QSignalBlocker blocker(m_trayList);
    if (m_trayList->count() != unplaced.size()) {
        m_trayList->clear();
        for (qsizetype i = 0; i < unplaced.size(); ++i)
            new QListWidgetItem(m_trayList);
    }
    int current = -1;
    for (int i = 0; i < indices.size(); ++i) {
        const Marker &marker = m_markers.at(indices.at(i));
        QListWidgetItem *item = m_trayList->item(i);
        item->setText(marker.name);
        item->setData(Qt::UserRole, marker.context);
        item->setToolTip(toolTipFor(marker));
        QPixmap dot(10, 10);
        dot.fill(Qt::transparent);
        {
            QPainter p(&dot);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(stateColor(marker.state));
            p.drawEllipse(QRectF(1, 1, 8, 8));
        }
        item->setIcon(QIcon(dot));
        if (isSelected(marker.row))
            current = i;
    }
    m_trayList->setCurrentRow(current);
    const int rowHeight = std::max(m_trayList->sizeHintForRow(0), fontMetrics().height());
    const int visibleRows = std::min<int>(static_cast<int>(unplaced.size()), 6);
    m_trayList->setFixedHeight(rowHeight * visibleRows + 4);
    m_tray->adjustSize();
    m_tray->setFixedWidth(std::max(m_tray->sizeHint().width(), 180));
    m_tray->move(12, 12);
}

void WorldMapView::updateAccessibleDescription()
{
    const auto placed = std::count_if(m_markers.cbegin(), m_markers.cend(), [](const Marker &m) {
        return m.placed;
    });
    setAccessibleDescription(
            tr("%n cluster(s) on the map", "", static_cast<int>(placed)) + QLatin1Char(' ')
            + tr("%n without a location", "clusters", static_cast<int>(m_markers.size() - placed)));
}

double WorldMapView::worldFitScale() const
{
    const double w = std::max(width(), 1);
    const double h = std::max(height(), 1);
    return 0.96 * std::min(w / (2 * Geo::EqualEarth::maxX()), h / (2 * Geo::EqualEarth::maxY()));
}

double WorldMapView::zoomFactor() const
{
    return m_scale / worldFitScale();
}

QPointF WorldMapView::toScreen(QPointF projected) const
{
    return {width() / 2.0 + (projected.x() - m_center.x()) * m_scale,
            height() / 2.0 - (projected.y() - m_center.y()) * m_scale};
}

QPointF WorldMapView::toProjected(QPointF screen) const
{
    return {m_center.x() + (screen.x() - width() / 2.0) / m_scale,
            m_center.y() - (screen.y() - height() / 2.0) / m_scale};
}

QPointF WorldMapView::mapToView(Geo::GeoPoint point) const
{
    return toScreen(Geo::EqualEarth::project(point));
}

void WorldMapView::setView(double scale, QPointF center)
{
    const double fit = worldFitScale();
    scale = std::clamp(scale, fit * kMinZoom, fit * kMaxZoom);
    // Keep some of the world in view: the centre may not leave the globe's bounding box.
    center.setX(std::clamp(center.x(), -Geo::EqualEarth::maxX(), Geo::EqualEarth::maxX()));
    center.setY(std::clamp(center.y(), -Geo::EqualEarth::maxY(), Geo::EqualEarth::maxY()));
    if (scale == m_scale && center == m_center)
        return;
    m_scale = scale;
    m_center = center;
    invalidateBase();
}

void WorldMapView::zoomAround(double factor, QPointF anchor, bool animated)
{
    const double fit = worldFitScale();
    const double base
            = m_zoomAnimation->state() == QAbstractAnimation::Running ? m_zoomTo : m_scale;
    const double target = std::clamp(base * factor, fit * kMinZoom, fit * kMaxZoom);
    m_zoomAnimation->stop();
    m_zoomFrom = m_scale;
    m_zoomTo = target;
    m_zoomAnchorScreen = anchor;
    m_zoomAnchorProjected = toProjected(anchor);
    beginInteraction();
    if (!animated) {
        m_zoomAnimation->setCurrentTime(kZoomAnimationMs); // applies the end value
        const QPointF offset = anchor - QPointF(width() / 2.0, height() / 2.0);
        setView(target, m_zoomAnchorProjected - QPointF(offset.x() / target, -offset.y() / target));
        return;
    }
    m_zoomAnimation->start();
}

void WorldMapView::beginInteraction()
{
    // While the view moves, the last base map is drawn moved and scaled; it is drawn again
    // sharply once the view has been still for a moment.
    m_interacting = true;
    m_settleTimer->start();
}

void WorldMapView::panBy(QPointF pixels)
{
    beginInteraction();
    setView(m_scale, m_center + QPointF(-pixels.x() / m_scale, pixels.y() / m_scale));
}

void WorldMapView::fitToClusters()
{
    m_zoomAnimation->stop();
    // QRectF::united() ignores empty rectangles, and a single point is one: track the extremes.
    double left = 0, right = 0, top = 0, bottom = 0;
    bool any = false;
    for (const Marker &marker : std::as_const(m_markers)) {
        if (!marker.placed)
            continue;
        const QPointF p = marker.projected;
        left = any ? std::min(left, p.x()) : p.x();
        right = any ? std::max(right, p.x()) : p.x();
        bottom = any ? std::min(bottom, p.y()) : p.y();
        top = any ? std::max(top, p.y()) : p.y();
        any = true;
    }
    if (!any) {
        showWholeWorld();
        return;
    }
    const QRectF bounds(QPointF(left, bottom), QPointF(right, top));
    // Room for markers and labels at the edges; a single region is shown with its surroundings.
    const double minSpan = 0.35;
    const double spanX = std::max(bounds.width(), minSpan);
    const double spanY = std::max(bounds.height(), minSpan * 0.6);
    const double scale = std::min((width() - 160.0) / spanX, (height() - 100.0) / spanY);
    setView(std::max(scale, 1.0), bounds.center());
}

void WorldMapView::showWholeWorld()
{
    m_zoomAnimation->stop();
    setView(worldFitScale(), QPointF(0, 0));
}

void WorldMapView::zoomIn()
{
    zoomAround(1.5, QPointF(width() / 2.0, height() / 2.0), true);
}

void WorldMapView::zoomOut()
{
    zoomAround(1 / 1.5, QPointF(width() / 2.0, height() / 2.0), true);
}

double WorldMapView::markerRadius(const Marker &marker) const
{
    if (m_replicas.isEmpty())
        return kDefaultRadius;
    const int replicas = m_replicas.value(marker.context, 0);
    if (replicas <= 0)
        return 3.5; // no replicas of this workload here: a small dot keeps the cluster visible
    // Area proportional to replicas, relative to the busiest cluster.
    const double ratio = std::sqrt(static_cast<double>(replicas) / std::max(m_maxReplicas, 1));
    return 5.0 + 11.0 * ratio;
}

void WorldMapView::ensureLayout()
{
    if (m_markersDirty)
        rebuildMarkers();
    if (!m_layoutDirty)
        return;
    m_layoutDirty = false;

    static thread_local QList<Geo::FanOutItem> items;
    static thread_local QList<QPointF> spread;
    static thread_local QList<int> placedIndices;
    items.clear();
    placedIndices.clear();
    double maxRadius = kDefaultRadius;
    for (int i = 0; i < m_markers.size(); ++i) {
        Marker &marker = m_markers[i];
        marker.radius = markerRadius(marker);
        marker.labelVisible = false;
        if (!marker.placed)
            continue;
        maxRadius = std::max(maxRadius, marker.radius);
        items.append({marker.context, toScreen(marker.projected)});
        placedIndices.append(i);
    }
    Geo::fanOut(items, kMergeDistance, 2 * maxRadius + kMarkerGap, spread);
    for (qsizetype k = 0; k < placedIndices.size(); ++k)
        m_markers[placedIndices.at(k)].screen = spread.at(k);

    // Draw order: small markers under big ones, selected and hovered on top.
    m_drawOrder = placedIndices;
    std::stable_sort(m_drawOrder.begin(), m_drawOrder.end(), [this](int a, int b) {
        const auto rank = [this](int i) {
            const Marker &m = m_markers.at(i);
            return std::make_tuple(isSelected(m.row) ? 1 : 0, m.radius);
        };
        return rank(a) < rank(b);
    });
    layoutLabels();
}

void WorldMapView::layoutLabels()
{
    const QRectF bounds = QRectF(rect()).adjusted(2, 2, -2, -2);
    const QFontMetricsF metrics(font());
    const qreal textHeight = metrics.height();
    m_labelGrid.clear();
    m_obstacles.clear();
    const auto cellsOf = [](const QRectF &r, auto &&visit) {
        const int x0 = static_cast<int>(std::floor(r.left() / kLabelGridCell));
        const int x1 = static_cast<int>(std::floor(r.right() / kLabelGridCell));
        const int y0 = static_cast<int>(std::floor(r.top() / kLabelGridCell));
        const int y1 = static_cast<int>(std::floor(r.bottom() / kLabelGridCell));
        for (int x = x0; x <= x1; ++x)
            for (int y = y0; y <= y1; ++y)
                visit(gridKey(x, y));
    };
    const auto addObstacle = [&](const QRectF &r) {
        const int id = static_cast<int>(m_obstacles.size());
        m_obstacles.append(r);
        cellsOf(r, [&](quint64 key) { m_labelGrid[key].append(id); });
    };
    const auto collides = [&](const QRectF &r) {
        bool hit = false;
        cellsOf(r, [&](quint64 key) {
            if (hit)
                return;
            const auto it = m_labelGrid.constFind(key);
            if (it == m_labelGrid.cend())
                return;
            for (int id : it.value()) {
                if (m_obstacles.at(id).intersects(r)) {
                    hit = true;
                    return;
                }
            }
        });
        return hit;
    };

    // Markers are obstacles for every label.
    for (int i : std::as_const(m_drawOrder)) {
        const Marker &m = m_markers.at(i);
        const double r = m.radius + (m_rings.contains(m.context) ? 4.0 : 1.0);
        addObstacle(QRectF(m.screen - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }
    // Labels in priority order: selected, hovered, then the biggest markers, then by name.
    static thread_local QList<int> order;
    order = m_drawOrder;
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        const Marker &ma = m_markers.at(a);
        const Marker &mb = m_markers.at(b);
        const bool sa = isSelected(ma.row) || a == m_hovered;
        const bool sb = isSelected(mb.row) || b == m_hovered;
        if (sa != sb)
            return sa;
        if (ma.radius != mb.radius)
            return ma.radius > mb.radius;
        return ma.name < mb.name;
    });
    for (int i : std::as_const(order)) {
        Marker &m = m_markers[i];
        const QSizeF size(m.labelWidth + 2 * kLabelPadX, textHeight + 2 * kLabelPadY);
        const double gap = m.radius + (m_rings.contains(m.context) ? 6.0 : 3.0);
        const QPointF c = m.screen;
        const double w = size.width();
        const double h = size.height();
        const double d = gap * 0.7071;
        // Right, left, above, below, then the four diagonals.
        const QPointF candidates[] = {
                {c.x() + gap, c.y() - h / 2},
                {c.x() - gap - w, c.y() - h / 2},
                {c.x() - w / 2, c.y() - gap - h},
                {c.x() - w / 2, c.y() + gap},
                {c.x() + d, c.y() - d - h},
                {c.x() + d, c.y() + d},
                {c.x() - d - w, c.y() - d - h},
                {c.x() - d - w, c.y() + d},
        };
        for (const QPointF &topLeft : candidates) {
            const QRectF r(topLeft, size);
            if (!bounds.contains(r) || collides(r))
                continue;
            m.labelRect = r;
            m.labelVisible = true;
            addObstacle(r);
            break;
        }
    }
}

void WorldMapView::renderBase()
{
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_base.size() != pixels)
        m_base = QPixmap(pixels);
    m_base.setDevicePixelRatio(dpr);
    const Palette &colors = paletteFor(m_theme);
    m_base.fill(colors.background);
    m_baseScale = m_scale;
    m_baseCenter = m_center;
    QPainter painter(&m_base);
    painter.setRenderHint(QPainter::Antialiasing);
    const QTransform transform(m_scale,
                               0,
                               0,
                               -m_scale,
                               width() / 2.0 - m_center.x() * m_scale,
                               height() / 2.0 + m_center.y() * m_scale);
    const bool fine = m_scale > kFineDetailScale && !m_assets.landFine.isEmpty();
    const QPainterPath &land = fine ? m_assets.landFine : m_assets.landCoarse;
    const QPainterPath &borders = fine ? m_assets.bordersFine : m_assets.bordersCoarse;

    painter.setTransform(transform);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colors.ocean);
    painter.drawPath(m_assets.sphere);

    QPen gratPen(colors.graticule, 0.8);
    gratPen.setCosmetic(true);
    painter.setPen(gratPen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(m_assets.graticule);

    QPen coastPen(colors.coast, fine ? 0.9 : 0.7);
    coastPen.setCosmetic(true);
    painter.setPen(coastPen);
    painter.setBrush(colors.land);
    painter.drawPath(land);

    QPen borderPen(colors.border, 0.6);
    borderPen.setCosmetic(true);
    painter.setPen(borderPen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(borders);
    m_baseValid = true;
}

const QPixmap &WorldMapView::markerSprite(ClusterState state, double radius) const
{
    const int halfPixels = static_cast<int>(std::lround(radius * 2)); // radius in 0.5 px steps
    const quint64 key = (static_cast<quint64>(state) << 32) | static_cast<quint32>(halfPixels);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return it.value();
    const qreal dpr = devicePixelRatioF();
    const double r = halfPixels / 2.0;
    const int side = static_cast<int>(std::ceil(2 * r + 4)) | 1; // odd: a pixel in the middle
    QPixmap sprite(QSize(side, side) * dpr);
    sprite.setDevicePixelRatio(dpr);
    sprite.fill(Qt::transparent);
    QPainter p(&sprite);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(paletteFor(m_theme).markerOutline, 1.5));
    p.setBrush(stateColor(state));
    p.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r);
    p.end();
    return m_sprites.insert(key, sprite).value();
}

QColor WorldMapView::stateColor(ClusterState state) const
{
    return ClusterModel::stateColor(state);
}

bool WorldMapView::isSelected(int row) const
{
    return m_selection && m_model && m_selection->model() == m_model
           && m_selection->isRowSelected(row, QModelIndex());
}

void WorldMapView::paintEvent(QPaintEvent *)
{
    ensureLayout();
    const bool sameSize = m_base.size() == (QSizeF(size()) * devicePixelRatioF()).toSize();
    QPainter painter(this);
    if (!m_baseValid && m_interacting && sameSize) {
        // The base map as last drawn, moved and scaled to the current view.
        const double k = m_scale / m_baseScale;
        const QPointF centre(width() / 2.0, height() / 2.0);
        const QPointF shift((m_baseCenter.x() - m_center.x()) * m_scale,
                            (m_center.y() - m_baseCenter.y()) * m_scale);
        painter.fillRect(rect(), paletteFor(m_theme).background);
        painter.save();
        painter.translate(centre + shift);
        painter.scale(k, k);
        painter.translate(-centre);
        painter.drawPixmap(0, 0, m_base);
        painter.restore();
    } else {
        if (!m_baseValid || !sameSize)
            renderBase();
        painter.drawPixmap(0, 0, m_base);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    paintMarkers(painter);
    paintPlacement(painter);
    paintOverlay(painter);
}

void WorldMapView::paintMarkers(QPainter &painter)
{
    const Palette &colors = paletteFor(m_theme);
    QPen selectionPen(colors.selection, 2.5);
    QPen ringPen(Qt::black, 3.0);
    ringPen.setCapStyle(Qt::FlatCap);
    const QColor updated(0x00, 0x72, 0xB2); // Okabe-Ito blue
    const QColor old = m_theme == Theme::Dark ? QColor(0x8A, 0x96, 0xA5) : QColor(0xA0, 0xA8, 0xB3);
    const QColor unavailable(0xD5, 0x5E, 0x00);

    for (int i : std::as_const(m_drawOrder)) {
        const Marker &m = m_markers.at(i);
        const bool selected = isSelected(m.row);
        const bool hovered = i == m_hovered;
        const double r = m.radius + (hovered ? 1.5 : 0.0);
        if (hovered || selected) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(selected ? QColor(colors.selection.red(),
                                               colors.selection.green(),
                                               colors.selection.blue(),
                                               60)
                                      : colors.hover);
            painter.drawEllipse(m.screen, r + 6, r + 6);
        }
        // Blitting a prepared sprite costs a fraction of rasterising an antialiased circle.
        const QPixmap &sprite = markerSprite(m.state, r);
        painter.drawPixmap(m.screen
                                   - QPointF(sprite.width(), sprite.height())
                                             / (2 * sprite.devicePixelRatio()),
                           sprite);
        const auto ring = m_rings.constFind(m.context);
        if (ring != m_rings.cend()) {
            const int total = ring->updated + ring->old + ring->unavailable;
            if (total > 0) {
                const double rr = r + 3.5;
                const QRectF box(m.screen - QPointF(rr, rr), QSizeF(2 * rr, 2 * rr));
                int start = 90 * 16; // 12 o'clock, clockwise
                const std::pair<int, QColor> parts[] = {{ring->updated, updated},
                                                        {ring->old, old},
                                                        {ring->unavailable, unavailable}};
                painter.setBrush(Qt::NoBrush);
                for (const auto &[count, color] : parts) {
                    if (count <= 0)
                        continue;
                    const int span = -static_cast<int>(std::lround(5760.0 * count / total));
                    ringPen.setColor(color);
                    painter.setPen(ringPen);
                    painter.drawArc(box, start, span);
                    start += span;
                }
            }
        }
        if (selected) {
            painter.setPen(selectionPen);
            painter.setBrush(Qt::NoBrush);
            const double rs = r + (ring != m_rings.cend() ? 6.5 : 3.0);
            painter.drawEllipse(m.screen, rs, rs);
        }
    }

    // Labels last, so no marker covers a label placed beside it.
    painter.setPen(Qt::NoPen);
    painter.setBrush(colors.labelBack);
    for (int i : std::as_const(m_drawOrder)) {
        const Marker &m = m_markers.at(i);
        if (m.labelVisible)
            painter.drawRoundedRect(m.labelRect, 3, 3);
    }
    painter.setPen(colors.text);
    for (int i : std::as_const(m_drawOrder)) {
        const Marker &m = m_markers.at(i);
        if (m.labelVisible)
            painter.drawStaticText(m.labelRect.topLeft() + QPointF(kLabelPadX, kLabelPadY),
                                   m.label);
    }
}

void WorldMapView::setPlacementOverlay(const QHash<QString, int> &plannedByContext,
                                       const QList<PlacementArrow> &arrows)
{
    m_placementPlanned = plannedByContext;
    m_placementArrows = arrows;
    update();
}

void WorldMapView::setReplicaDragEnabled(bool enabled)
{
    m_replicaDragEnabled = enabled;
    if (!enabled && m_replicaDragFrom >= 0) {
        m_replicaDragFrom = -1;
        unsetCursor();
        update();
    }
}

void WorldMapView::setReplicaDragMaximum(int maximum)
{
    m_replicaDragMaximum = std::max(1, maximum);
    m_replicaDragCount = std::clamp(m_replicaDragCount, 1, m_replicaDragMaximum);
}

QString WorldMapView::replicaDragTarget(QPointF position) const
{
    const int index = markerAt(position);
    if (index < 0 || index == m_replicaDragFrom)
        return {};
    return m_markers.at(index).context;
}

void WorldMapView::paintPlacement(QPainter &painter)
{
    if (m_placementPlanned.isEmpty() && m_placementArrows.isEmpty() && m_replicaDragFrom < 0)
        return;
    const Palette &colors = paletteFor(m_theme);
    painter.save();
    const QColor arrowColor(0xCC, 0x79, 0xA7); // Okabe-Ito reddish purple
    const auto drawArrow = [&](QPointF a, QPointF b, const QString &label, Qt::PenStyle style) {
        painter.setPen(QPen(arrowColor, 2.0, style, Qt::RoundCap));
        painter.drawLine(a, b);
        const QPointF d = b - a;
        const double length = std::hypot(d.x(), d.y());
        if (length > 1.0) {
            const QPointF u = d / length;
            const QPointF n(-u.y(), u.x());
            QPolygonF head;
            head << b << b - u * 10 + n * 5 << b - u * 10 - n * 5;
            painter.setBrush(arrowColor);
            painter.drawPolygon(head);
            painter.setBrush(Qt::NoBrush);
        }
        const QPointF mid = (a + b) / 2;
        const QRectF box(mid - QPointF(14, 9), QSizeF(28, 18));
        painter.setPen(Qt::NoPen);
        painter.setBrush(arrowColor);
        painter.drawRoundedRect(box, 4, 4);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, label);
    };
    for (auto it = m_placementPlanned.cbegin(); it != m_placementPlanned.cend(); ++it) {
        const auto index = m_markerByContext.constFind(it.key());
        if (index == m_markerByContext.cend() || !m_markers.at(*index).placed)
            continue;
        const Marker &m = m_markers.at(*index);
        painter.setPen(QPen(colors.selection, 1.5, Qt::DashLine));
        painter.drawEllipse(m.screen, m.radius + 6, m.radius + 6);
        painter.setPen(colors.selection);
        painter.drawText(QRectF(m.screen.x() + m.radius + 4, m.screen.y() - m.radius - 18, 60, 16),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("→ %1").arg(it.value()));
    }
    for (const PlacementArrow &arrow : std::as_const(m_placementArrows)) {
        const std::optional<QPointF> a = markerCenter(arrow.from);
        const std::optional<QPointF> b = markerCenter(arrow.to);
        if (a && b)
            drawArrow(*a, *b, QString::number(arrow.count), Qt::SolidLine);
    }
    if (m_replicaDragFrom >= 0) {
        const QPointF a = m_markers.at(m_replicaDragFrom).screen;
        const std::optional<QPointF> target
                = m_replicaDragTo.isEmpty() ? std::nullopt : markerCenter(m_replicaDragTo);
        drawArrow(a,
                  target.value_or(m_replicaDragPosition),
                  QString::number(m_replicaDragCount),
                  Qt::DashLine);
    }
    painter.restore();
}

void WorldMapView::paintOverlay(QPainter &painter)
{
    const Palette &colors = paletteFor(m_theme);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.8));
    painter.setFont(small);
    painter.setPen(colors.attribution);
    const QString credit = tr("Map data: Natural Earth");
    painter.drawText(QRectF(rect()).adjusted(8, 8, -8, -6),
                     Qt::AlignRight | Qt::AlignBottom,
                     credit);
    if (!m_assets.error.isEmpty()) {
        painter.drawText(QRectF(rect()).adjusted(8, 8, -8, -6),
                         Qt::AlignLeft | Qt::AlignBottom,
                         tr("The map outlines could not be loaded."));
    }
    if (hasFocus()) {
        QPen focus(colors.selection, 2);
        painter.setPen(focus);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void WorldMapView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Keep the same part of the world in view: scale with the widget.
    if (event->oldSize().isValid() && event->oldSize().width() > 0
        && event->oldSize().height() > 0) {
        const double oldFit = 0.96
                              * std::min(event->oldSize().width() / (2 * Geo::EqualEarth::maxX()),
                                         event->oldSize().height() / (2 * Geo::EqualEarth::maxY()));
        m_scale *= worldFitScale() / oldFit;
    } else {
        m_scale = worldFitScale();
    }
    setView(m_scale, m_center);
    if (m_fitPending && !m_markersDirty)
        fitToClusters();
    invalidateBase();
}

int WorldMapView::markerAt(QPointF position) const
{
    // Topmost first: the reverse of the draw order.
    for (auto it = m_drawOrder.crbegin(); it != m_drawOrder.crend(); ++it) {
        const Marker &m = m_markers.at(*it);
        const QPointF d = m.screen - position;
        const double r = m.radius + 3.0; // a little slack for small markers
        if (d.x() * d.x() + d.y() * d.y() <= r * r)
            return *it;
        if (m.labelVisible && m.labelRect.contains(position))
            return *it;
    }
    return -1;
}

std::optional<QPointF> WorldMapView::markerCenter(const QString &context) const
{
    const_cast<WorldMapView *>(this)->ensureLayout(); // callers expect the current model
    const int index = m_markerByContext.value(context, -1);
    if (index < 0 || !m_markers.at(index).placed)
        return std::nullopt;
    return m_markers.at(index).screen;
}

std::optional<double> WorldMapView::markerRadius(const QString &context) const
{
    const_cast<WorldMapView *>(this)->ensureLayout();
    const int index = m_markerByContext.value(context, -1);
    if (index < 0 || !m_markers.at(index).placed)
        return std::nullopt;
    return m_markers.at(index).radius;
}

Geo::ResolvedLocation WorldMapView::locationOf(const QString &context) const
{
    const_cast<WorldMapView *>(this)->ensureLayout();
    const int index = m_markerByContext.value(context, -1);
    if (index < 0 || !m_markers.at(index).placed)
        return {};
    const Marker &marker = m_markers.at(index);
    Geo::ResolvedLocation where;
    where.source = marker.source;
    where.location = marker.location;
    where.region = marker.region;
    return where;
}

QStringList WorldMapView::unplacedContexts() const
{
    const_cast<WorldMapView *>(this)->ensureLayout();
    QStringList contexts;
    for (const Marker &marker : m_markers) {
        if (!marker.placed)
            contexts.append(marker.context);
    }
    return contexts;
}

QString WorldMapView::contextAt(QPointF position) const
{
    const_cast<WorldMapView *>(this)->ensureLayout();
    const int index = markerAt(position);
    return index >= 0 ? m_markers.at(index).context : QString();
}

void WorldMapView::selectRow(int row, bool toggle)
{
    if (!m_selection || !m_model || row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, 0);
    const auto flags = (toggle ? QItemSelectionModel::Toggle : QItemSelectionModel::ClearAndSelect)
                       | QItemSelectionModel::Rows;
    m_selection->setCurrentIndex(index, flags);
}

QString WorldMapView::toolTipFor(const Marker &m) const
{
    QString tip = QStringLiteral("<b>%1</b>").arg(m.name.toHtmlEscaped());
    const auto line = [&tip](const QString &label, const QString &value) {
        if (!value.isEmpty())
            tip += QStringLiteral("<br>%1: %2").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    line(tr("State"), ClusterModel::stateText(m.state));
    line(tr("Version", "Kubernetes version"), m.version);
    line(tr("Nodes", "ready/total"), m.nodes);
    if (!m_replicas.isEmpty())
        line(tr("Replicas"), QString::number(m_replicas.value(m.context, 0)));
    const auto ring = m_rings.constFind(m.context);
    if (ring != m_rings.cend())
        line(tr("Rollout"),
             tr("%1 updated, %2 old, %3 unavailable")
                     .arg(ring->updated)
                     .arg(ring->old)
                     .arg(ring->unavailable));
    if (m.placed) {
        QString where = m.region;
        if (const auto info = m_resolver.regions().region(m.region))
            where = tr("%1 (%2, %3)", "region (city, country)")
                            .arg(m.region, info->city, info->country);
        if (where.isEmpty())
            where = tr("%1°, %2°", "latitude, longitude")
                            .arg(m.location.lat, 0, 'f', 2)
                            .arg(m.location.lon, 0, 'f', 2);
        line(tr("Location"), where);
    } else {
        line(tr("Location"), tr("unknown"));
    }
    if (!m.reason.isEmpty())
        tip += QStringLiteral("<br><i>%1</i>").arg(m.reason.toHtmlEscaped());
    return tip;
}

bool WorldMapView::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        ensureLayout();
        const int index = markerAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(m_markers.at(index)), this);
        else
            QToolTip::hideText();
        return true;
    }
    case QEvent::NativeGesture: {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAround(1.0 + gesture->value(), gesture->position(), false);
            return true;
        }
        break;
    }
    default: break;
    }
    return QWidget::event(event);
}

void WorldMapView::wheelEvent(QWheelEvent *event)
{
    if (m_replicaDragFrom >= 0) {
        const int steps = event->angleDelta().y() / 120;
        const int count
                = std::clamp(m_replicaDragCount + steps, 1, std::max(1, m_replicaDragMaximum));
        if (count != m_replicaDragCount) {
            m_replicaDragCount = count;
            emit markerDragged(m_markers.at(m_replicaDragFrom).context, m_replicaDragTo, count);
            update();
        }
        event->accept();
        return;
    }
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    if (!pixels.isNull() && !(event->modifiers() & Qt::ControlModifier)
        && event->source() != Qt::MouseEventNotSynthesized) {
        // A touchpad scrolls: two-finger scrolling pans, as in other map applications.
        panBy(QPointF(pixels));
    } else if (angle.y() != 0) {
        zoomAround(std::pow(1.0015, angle.y()), event->position(), true);
    }
    event->accept();
}

void WorldMapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (m_replicaDragEnabled) {
        ensureLayout();
        const int index = markerAt(event->position());
        if (index >= 0) {
            m_replicaDragFrom = index;
            m_replicaDragTo.clear();
            m_replicaDragCount = 1;
            m_replicaDragPosition = event->position();
            setCursor(Qt::DragMoveCursor);
            emit markerDragStarted(m_markers.at(index).context);
            event->accept();
            return;
        }
    }
    m_dragging = true;
    m_dragMoved = false;
    m_dragLast = event->position();
    m_pressPosition = event->position();
    event->accept();
}

void WorldMapView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_replicaDragFrom >= 0) {
        m_replicaDragPosition = event->position();
        const QString to = replicaDragTarget(event->position());
        if (to != m_replicaDragTo) {
            m_replicaDragTo = to;
            emit markerDragged(m_markers.at(m_replicaDragFrom).context, to, m_replicaDragCount);
        }
        update();
        return;
    }
    if (m_dragging) {
        const QPointF delta = event->position() - m_dragLast;
        if (!m_dragMoved && (event->position() - m_pressPosition).manhattanLength() < 4)
            return;
        m_dragMoved = true;
        setCursor(Qt::ClosedHandCursor);
        m_dragLast = event->position();
        panBy(delta);
        return;
    }
    ensureLayout();
    const int hovered = markerAt(event->position());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        setCursor(hovered >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        invalidateLayout(); // the hovered label is placed first
    }
}

void WorldMapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_replicaDragFrom >= 0 && event->button() == Qt::LeftButton) {
        const QString from = m_markers.at(m_replicaDragFrom).context;
        const QString to = replicaDragTarget(event->position());
        m_replicaDragFrom = -1;
        m_replicaDragTo.clear();
        unsetCursor();
        update();
        emit markerDropped(from, to, m_replicaDragCount);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_dragging) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    unsetCursor();
    if (!m_dragMoved) {
        ensureLayout();
        const int index = markerAt(event->position());
        if (index >= 0)
            selectRow(m_markers.at(index).row, event->modifiers() & Qt::ControlModifier);
        else if (m_selection && !(event->modifiers() & Qt::ControlModifier))
            m_selection->clearSelection();
    }
    event->accept();
}

void WorldMapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    ensureLayout();
    const int index = markerAt(event->position());
    if (index >= 0)
        emit clusterActivated(m_markers.at(index).context);
    else
        zoomAround(2.0, event->position(), true);
}

void WorldMapView::keyPressEvent(QKeyEvent *event)
{
    const double step = std::min(width(), height()) * 0.15;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_Left: panBy({step, 0}); break;
    case Qt::Key_Right: panBy({-step, 0}); break;
    case Qt::Key_Up: panBy({0, step}); break;
    case Qt::Key_Down: panBy({0, -step}); break;
    case Qt::Key_Home: fitToClusters(); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selection && m_selection->currentIndex().isValid()) {
            const int row = m_selection->currentIndex().row();
            for (const Marker &m : std::as_const(m_markers)) {
                if (m.row == row)
                    emit clusterActivated(m.context);
            }
        }
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void WorldMapView::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_hovered >= 0) {
        m_hovered = -1;
        invalidateLayout();
    }
}

void WorldMapView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        for (Marker &m : m_markers) {
            m.label.prepare(QTransform(), font());
            m.labelWidth = m.label.size().width();
        }
        invalidateLayout();
    } else if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("World map of clusters"));
        updateAccessibleDescription();
        syncTray();
    }
}

} // namespace Meridian

#pragma once

#include "core/cluster.h"
#include "core/geo/locationresolver.h"

#include <QHash>
#include <QPixmap>
#include <QPointer>
#include <QStaticText>
#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QFrame;
class QItemSelection;
class QItemSelectionModel;
class QLabel;
class QListWidget;
class QTimer;
class QVariantAnimation;

namespace Meridian {

struct MapAssets;

// Where the clusters run, on an Equal Earth world map. Reads ClusterModel's columns and roles
// (works through a proxy too), shares the selection with the cluster list, and paints itself:
// a cached base map (ocean, land, borders, graticule) plus markers and labels laid out once per
// view change, so a repaint of 500 clusters costs a few milliseconds.
class WorldMapView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorldMapView)

public:
    enum class Theme { Light, Dark };

    // Pods of the selected workload in one cluster during a rollout.
    struct RolloutRing
    {
        int updated = 0;
        int old = 0;
        int unavailable = 0;
    };

    explicit WorldMapView(QWidget *parent = nullptr);
    ~WorldMapView() override;

    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const;
    // Rows of the model; the view selects whole rows and follows outside changes.
    void setSelectionModel(QItemSelectionModel *selectionModel);
    QItemSelectionModel *selectionModel() const;

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }

    // Marker size by replicas of the selected workload, keyed by context; empty: one size.
    void setReplicaCounts(const QHash<QString, int> &replicasByContext);
    // Rings around markers; empty: none.
    void setRolloutRings(const QHash<QString, RolloutRing> &ringsByContext);
    // What else is known about where clusters run (operator overrides, Karmada, node labels),
    // keyed by context. The model's region, zone, context, cluster and server fill the rest.
    void setLocationHints(const QHash<QString, Geo::LocationInput> &hintsByContext);

    // Widget coordinates of a cluster's marker after fan-out; empty when unplaced or unknown.
    std::optional<QPointF> markerCenter(const QString &context) const;
    // The marker's radius in pixels (it grows with the selected workload's replicas); empty when
    // unplaced or unknown.
    std::optional<double> markerRadius(const QString &context) const;
    // Where a cluster was placed and from which source (invalid when unplaced or unknown).
    Geo::ResolvedLocation locationOf(const QString &context) const;
    const QHash<QString, int> &replicaCounts() const { return m_replicas; }
    // Where a geographic point is drawn now (before fan-out).
    QPointF mapToView(Geo::GeoPoint point) const;
    // Contexts without a location, in model order: the "Unplaced" tray.
    QStringList unplacedContexts() const;
    // The context under a widget position, or empty.
    QString contextAt(QPointF position) const;
    double zoomFactor() const; // 1 = the whole world fits

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Placement preview (the placement editor): a ghost ring with the planned count at each
    // marker, and arrows for replicas moving between clusters. Empty: none.
    struct PlacementArrow
    {
        QString from;
        QString to;
        int count = 0;
    };
    void setPlacementOverlay(const QHash<QString, int> &plannedByContext,
                             const QList<PlacementArrow> &arrows);
    // While on, dragging from one marker onto another moves replicas instead of panning; the
    // wheel changes the count while dragging, from 1 to the maximum.
    void setReplicaDragEnabled(bool enabled);
    void setReplicaDragMaximum(int maximum);
    int replicaDragCount() const { return m_replicaDragCount; }

public slots:
    void fitToClusters();
    void showWholeWorld();
    void zoomIn();
    void zoomOut();

signals:
    // Double click or Enter on a cluster.
    void clusterActivated(const QString &context);
    // Replica drag (setReplicaDragEnabled): `to` is empty while not over another marker.
    void markerDragStarted(const QString &from);
    void markerDragged(const QString &from, const QString &to, int count);
    void markerDropped(const QString &from, const QString &to, int count);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Marker
    {
        QString context;
        QString name;
        QString version;
        QString nodes;
        QString reason;
        QString region;
        ClusterState state = ClusterState::Connecting;
        int row = -1;
        bool placed = false;
        Geo::GeoPoint location;
        Geo::LocationSource source = Geo::LocationSource::None;
        QPointF projected;
        // Layout, in widget pixels.
        QPointF screen;
        double radius = 0.0;
        QRectF labelRect;
        bool labelVisible = false;
        QStaticText label;
        qreal labelWidth = 0.0;
    };

    void rebuildMarkers();
    void scheduleRebuild();
    void invalidateLayout();
    void invalidateBase();
    void ensureLayout();
    void layoutLabels();
    void renderBase();
    void paintMarkers(QPainter &painter);
    void paintOverlay(QPainter &painter);
    void paintPlacement(QPainter &painter);
    QString replicaDragTarget(QPointF position) const;
    void syncTray();
    void updateAccessibleDescription();

    double worldFitScale() const;
    void setView(double scale, QPointF center);
    void zoomAround(double factor, QPointF anchor, bool animated);
    void panBy(QPointF pixels);
    void beginInteraction();
    QPointF toScreen(QPointF projected) const;
    QPointF toProjected(QPointF screen) const;
    double markerRadius(const Marker &marker) const;
    int markerAt(QPointF position) const;
    bool isSelected(int row) const;
    void selectRow(int row, bool toggle);
    QString toolTipFor(const Marker &marker) const;
    QColor stateColor(ClusterState state) const;
    const QPixmap &markerSprite(ClusterState state, double radius) const;

    const MapAssets &m_assets;
    Geo::LocationResolver m_resolver;
    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    QList<QMetaObject::Connection> m_modelConnections;
    QMetaObject::Connection m_selectionConnection;

    Theme m_theme = Theme::Light;
    QHash<QString, int> m_replicas;
    int m_maxReplicas = 0;
    QHash<QString, RolloutRing> m_rings;
    QHash<QString, Geo::LocationInput> m_hints;

    QList<Marker> m_markers;
    QHash<QString, int> m_markerByContext;
    QList<int> m_drawOrder; // indices into m_markers, bottom to top
    bool m_markersDirty = true;
    bool m_layoutDirty = true;
    bool m_rebuildScheduled = false;
    bool m_fitPending = true; // fit to the clusters once the first ones are placed

    double m_scale = 100.0; // pixels per projected unit
    QPointF m_center;       // projected point at the widget centre
    QVariantAnimation *m_zoomAnimation = nullptr;
    double m_zoomFrom = 1.0;
    double m_zoomTo = 1.0;
    QPointF m_zoomAnchorScreen;
    QPointF m_zoomAnchorProjected;

    QPixmap m_base;
    double m_baseScale = 1.0;
    QPointF m_baseCenter;
    bool m_interacting = false;
    QTimer *m_settleTimer = nullptr;
    mutable QHash<quint64, QPixmap> m_sprites; // (state, radius) → marker, per theme
    bool m_baseValid = false;

    int m_hovered = -1;
    bool m_dragging = false;
    bool m_dragMoved = false;
    QPointF m_dragLast;
    QPointF m_pressPosition;

    QHash<QString, int> m_placementPlanned;
    QList<PlacementArrow> m_placementArrows;
    bool m_replicaDragEnabled = false;
    int m_replicaDragFrom = -1; // marker index while dragging replicas
    QString m_replicaDragTo;
    int m_replicaDragCount = 1;
    int m_replicaDragMaximum = 1;
    QPointF m_replicaDragPosition;

    QFrame *m_tray = nullptr;
    QLabel *m_trayTitle = nullptr;
    QListWidget *m_trayList = nullptr;

    // Scratch buffers reused by every layout pass.
    QList<QRectF> m_obstacles;
    QHash<quint64, QList<int>> m_labelGrid;
};

} // namespace Meridian

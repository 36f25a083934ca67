#pragma once

#include <QList>
#include <QPointF>
#include <QString>

namespace Meridian::Geo {

struct FanOutItem
{
    QString key;   // stable order inside a group: the cluster's context
    QPointF point; // where the cluster would be drawn on its own (screen pixels)
};

// Clusters in the same region share one point; drawn there they hide each other. Items closer
// than mergeDistance (transitively) form a group; a group of n > 1 is spread on a circle around
// its centroid, sorted by key and starting at 12 o'clock, with a radius that keeps neighbours at
// least spacing apart. Returns one point per item, in the input order; deterministic.
QList<QPointF> fanOut(const QList<FanOutItem> &items, double mergeDistance, double spacing);

// The same, writing into a caller-owned list so a view can reuse its buffers every frame.
void fanOut(const QList<FanOutItem> &items,
            double mergeDistance,
            double spacing,
            QList<QPointF> &result);

} // namespace Meridian::Geo

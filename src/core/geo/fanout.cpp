#include "fanout.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Meridian::Geo {

namespace {

int findRoot(QList<int> &parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

// Cells of mergeDistance: neighbours are in the 3×3 block around a cell, so grouping stays
// near-linear for hundreds of clusters instead of comparing every pair.
quint64 cellKey(qint64 cx, qint64 cy)
{
    return (static_cast<quint64>(cx) << 32) ^ static_cast<quint64>(cy & 0xffffffff);
}

} // namespace

void fanOut(const QList<FanOutItem> &items,
            double mergeDistance,
            double spacing,
            QList<QPointF> &result)
{
    const int n = static_cast<int>(items.size());
    result.resize(n);
    for (int i = 0; i < n; ++i)
        result[i] = items.at(i).point;
    if (n < 2)
        return;

    const double cell = std::max(mergeDistance, 1e-6);
    QHash<quint64, QList<int>> grid;
    grid.reserve(n);
    QList<int> parent(n);
    for (int i = 0; i < n; ++i) {
        parent[i] = i;
        const QPointF p = items.at(i).point;
        const auto cx = static_cast<qint64>(std::floor(p.x() / cell));
        const auto cy = static_cast<qint64>(std::floor(p.y() / cell));
        for (qint64 dx = -1; dx <= 1; ++dx) {
            for (qint64 dy = -1; dy <= 1; ++dy) {
                const auto it = grid.constFind(cellKey(cx + dx, cy + dy));
                if (it == grid.cend())
                    continue;
                for (int j : it.value()) {
                    const QPointF d = items.at(j).point - p;
                    if (d.x() * d.x() + d.y() * d.y() <= mergeDistance * mergeDistance)
                        parent[findRoot(parent, i)] = findRoot(parent, j);
                }
            }
        }
        grid[cellKey(cx, cy)].append(i);
    }

    QHash<int, QList<int>> groups;
    for (int i = 0; i < n; ++i)
        groups[findRoot(parent, i)].append(i);
    for (QList<int> &members : groups) {
        const auto size = members.size();
        if (size < 2)
            continue;
        std::sort(members.begin(), members.end(), [&](int a, int b) {
            const int byKey = QString::compare(items.at(a).key, items.at(b).key);
            return byKey != 0 ? byKey < 0 : a < b;
        });
        QPointF centre;
        for (int i : members)
            centre += items.at(i).point;
        centre /= static_cast<double>(size);
        // Neighbours on the circle are a chord 2 r sin(pi / n) apart.
        const double step = 2.0 * std::numbers::pi / static_cast<double>(size);
        const double radius
                = spacing / (2.0 * std::sin(std::numbers::pi / static_cast<double>(size)));
        for (qsizetype k = 0; k < size; ++k) {
            const double angle = -std::numbers::pi / 2.0 + step * static_cast<double>(k);
            result[members.at(k)]
                    = centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
        }
    }
}

QList<QPointF> fanOut(const QList<FanOutItem> &items, double mergeDistance, double spacing)
{
    QList<QPointF> result;
    fanOut(items, mergeDistance, spacing, result);
    return result;
}

} // namespace Meridian::Geo

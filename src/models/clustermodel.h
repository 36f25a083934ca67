#pragma once

#include "core/cluster.h"

#include <QAbstractTableModel>
#include <QMap>

namespace Meridian {

// The member clusters, one row each, keyed by kubeconfig context. Fed by batches from the API
// worker: one insert per batch, changed rows coalesced into one dataChanged range.
class ClusterModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterModel)

public:
    enum Column {
        NameColumn,
        ContextColumn,
        ServerColumn,
        VersionColumn,
        NodesColumn,
        RegionColumn,
        StateColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role { StateRole = Qt::UserRole + 1, ContextRole, SortRole, InsecureRole };

    explicit ClusterModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Replaces every row (a new kubeconfig or context selection).
    void setClusters(const ClusterStatusList &clusters);
    // Updates known contexts in place and appends unknown ones.
    void applyBatch(const ClusterStatusList &batch);
    // Removes the rows of these contexts (unknown ones are ignored): one beginRemoveRows per
    // contiguous run of rows, the last run first, so the rows that stay keep their order.
    void removeClusters(const QStringList &contexts);

    const ClusterStatusList &clusters() const { return m_clusters; }
    int rowOfContext(const QString &context) const;

    // Counts by state, for the status bar.
    QMap<ClusterState, int> stateCounts() const;

    static QString stateText(ClusterState state);
    static QColor stateColor(ClusterState state);

private:
    ClusterStatusList m_clusters;
    QHash<QString, int> m_rowByContext;
};

} // namespace Meridian

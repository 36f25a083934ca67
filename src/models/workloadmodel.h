#pragma once

#include "core/workload.h"

#include <QAbstractItemModel>
#include <QHash>

namespace Meridian {

// Federated workloads as a tree: one row per namespace/name, its children one row per member
// cluster. Fed by the worker's workload batches: one insert per batch, changed rows coalesced
// into one dataChanged range, removals grouped into contiguous ranges.
class WorkloadModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadModel)

public:
    enum Column {
        NameColumn, // "namespace/name" on workload rows, the cluster on member rows
        ClustersColumn,
        DesiredColumn,
        UpdatedColumn,
        ReadyColumn,
        AvailableColumn,
        ImagesColumn,
        RevisionColumn,
        DriftColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1, // "namespace/name"
        NamespaceRole,
        WorkloadNameRole,
        ClusterRole,   // member rows: the member (kubeconfig context)
        DriftRole,     // bool
        DriftTextRole, // what drifted, in words
        PlannedRole,   // member rows: planned replicas (invalid when not planned)
        MemberRole,    // member rows: the MemberStatus value
        WorkloadRole,  // workload rows: the FederatedWorkload value
        IsMemberRole,  // bool
    };

    explicit WorkloadModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Drops every row (a new federation generation).
    void clear();
    void applyBatch(const FederatedWorkloadList &changed, const QStringList &removedKeys);

    const FederatedWorkloadList &workloads() const { return m_rows; }
    int rowOfKey(const QString &key) const { return m_rowByKey.value(key, -1); }

private:
    void reindex();
    QString driftText(const MemberStatus &member) const;
    QString driftText(const FederatedWorkload &workload) const;
    QVariant workloadData(const FederatedWorkload &w, int column, int role) const;
    QVariant memberData(const QString &cluster, const MemberStatus &m, int column, int role) const;

    FederatedWorkloadList m_rows;
    QList<quintptr> m_ids; // stable per workload row: children's internalId names their parent
    QHash<QString, int> m_rowByKey;
    QHash<quintptr, int> m_rowById;
    quintptr m_nextId = 1;
};

} // namespace Meridian

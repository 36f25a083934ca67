#include "workloadmodel.h"

#include <QColor>

#include <algorithm>

namespace Meridian {

WorkloadModel::WorkloadModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

QModelIndex WorkloadModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    // Member rows carry their workload's stable id, which survives rows moving up.
    return createIndex(row, column, m_ids.at(parent.row()));
}

QModelIndex WorkloadModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = m_rowById.value(child.internalId(), -1);
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int WorkloadModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_rows.at(parent.row()).clusters.size());
}

int WorkloadModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant WorkloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return workloadData(m_rows.at(index.row()), index.column(), role);
    const int parentRow = m_rowById.value(index.internalId(), -1);
    if (parentRow < 0)
        return {};
    const FederatedWorkload &w = m_rows.at(parentRow);
    const auto it = std::next(w.clusters.cbegin(), index.row());
    QVariant value = memberData(it.key(), it.value(), index.column(), role);
    if (!value.isValid() && role >= KeyRole && role <= WorkloadNameRole)
        return workloadData(w, index.column(), role);
    return value;
}

QVariant WorkloadModel::workloadData(const FederatedWorkload &w, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return w.key();
        case ClustersColumn: return int(w.clusters.size());
        case DesiredColumn:
            return w.plannedTotal != w.totals.desired
                           ? tr("%1 (plan %2)").arg(w.totals.desired).arg(w.plannedTotal)
                           : QString::number(w.totals.desired);
        case UpdatedColumn: return w.totals.updated;
        case ReadyColumn: return w.totals.ready;
        case AvailableColumn: return w.totals.available;
        case ImagesColumn: {
            QStringList images;
            for (const MemberStatus &m : w.clusters) {
                const QString text = m.imagesText();
                if (!images.contains(text))
                    images.append(text);
            }
            return images.join(QLatin1String(" | "));
        }
        case RevisionColumn: {
            QStringList revisions;
            for (const MemberStatus &m : w.clusters) {
                if (!revisions.contains(m.revision))
                    revisions.append(m.revision);
            }
            return revisions.join(u',');
        }
        case DriftColumn: return driftText(w);
        }
        return {};
    case Qt::ToolTipRole: return column == NameColumn ? w.notes.join(u'\n') : QVariant();
    case Qt::ForegroundRole:
        return column == DriftColumn && w.hasDrift() ? QColor(0xb0, 0x60, 0x00) : QVariant();
    case KeyRole: return w.key();
    case NamespaceRole: return w.ns;
    case WorkloadNameRole: return w.name;
    case DriftRole: return w.hasDrift();
    case DriftTextRole: return driftText(w);
    case WorkloadRole: return QVariant::fromValue(w);
    case IsMemberRole: return false;
    }
    return {};
}

QVariant WorkloadModel::memberData(const QString &cluster,
                                   const MemberStatus &m,
                                   int column,
                                   int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return cluster;
        case ClustersColumn: return {};
        case DesiredColumn:
            return m.planned && *m.planned != m.desired
                           ? tr("%1 (plan %2)").arg(m.desired).arg(*m.planned)
                           : QString::number(m.desired);
        case UpdatedColumn: return m.updated;
        case ReadyColumn: return m.ready;
        case AvailableColumn: return m.available;
        case ImagesColumn: return m.imagesText();
        case RevisionColumn: return m.revision;
        case DriftColumn: return driftText(m);
        }
        return {};
    case Qt::ForegroundRole:
        return column == DriftColumn && m.hasDrift() ? QColor(0xb0, 0x60, 0x00) : QVariant();
    case ClusterRole: return cluster;
    case DriftRole: return m.hasDrift();
    case DriftTextRole: return driftText(m);
    case PlannedRole: return m.planned ? QVariant(*m.planned) : QVariant();
    case MemberRole: return QVariant::fromValue(m);
    case IsMemberRole: return true;
    }
    return {};
}

QString WorkloadModel::driftText(const MemberStatus &m) const
{
    QStringList parts;
    if (m.templateDrift)
        parts.append(tr("pod template", "drift"));
    if (m.imageDrift)
        parts.append(tr("images", "drift"));
    if (m.replicaDrift)
        parts.append(tr("replicas", "drift"));
    return parts.join(QLatin1String(", "));
}

QString WorkloadModel::driftText(const FederatedWorkload &w) const
{
    QStringList parts;
    if (w.templateDrift)
        parts.append(tr("pod template", "drift"));
    if (w.imageDrift)
        parts.append(tr("images", "drift"));
    if (w.replicaDrift)
        parts.append(tr("replicas", "drift"));
    return parts.join(QLatin1String(", "));
}

QVariant WorkloadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Namespace/Name");
    case ClustersColumn: return tr("Clusters");
    case DesiredColumn: return tr("Desired", "replicas");
    case UpdatedColumn: return tr("Updated", "replicas");
    case ReadyColumn: return tr("Ready", "replicas");
    case AvailableColumn: return tr("Available", "replicas");
    case ImagesColumn: return tr("Images");
    case RevisionColumn: return tr("Revision");
    case DriftColumn: return tr("Drift");
    }
    return {};
}

void WorkloadModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    reindex();
    endResetModel();
}

void WorkloadModel::reindex()
{
    m_rowByKey.clear();
    m_rowById.clear();
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rowByKey.insert(m_rows.at(row).key(), row);
        m_rowById.insert(m_ids.at(row), row);
    }
}

void WorkloadModel::applyBatch(const FederatedWorkloadList &changed, const QStringList &removedKeys)
{
    // Removals first, bottom up, one beginRemoveRows per contiguous range.
    QList<int> removed;
    for (const QString &key : removedKeys) {
        const int row = m_rowByKey.value(key, -1);
        if (row >= 0 && !removed.contains(row))
            removed.append(row);
    }
    std::sort(removed.begin(), removed.end(), std::greater<>());
    for (qsizetype i = 0; i < removed.size();) {
        const int last = removed.at(i);
        int first = last;
        ++i;
        while (i < removed.size() && removed.at(i) == first - 1)
            first = removed.at(i++);
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        m_ids.remove(first, last - first + 1);
        reindex();
        endRemoveRows();
    }

    FederatedWorkloadList added;
    int firstChanged = -1;
    int lastChanged = -1;
    for (const FederatedWorkload &w : changed) {
        const int row = m_rowByKey.value(w.key(), -1);
        if (row < 0) {
            // A key twice in one batch: the later value wins.
            const auto dup = std::find_if(added.begin(), added.end(), [&](const auto &a) {
                return a.key() == w.key();
            });
            if (dup != added.end())
                *dup = w;
            else
                added.append(w);
            continue;
        }
        const QModelIndex parentIndex = index(row, 0);
        const QStringList before = m_rows.at(row).clusters.keys();
        const QStringList after = w.clusters.keys();
        if (before != after) {
            // Members came or went: replace the children rather than diffing them.
            if (!before.isEmpty()) {
                beginRemoveRows(parentIndex, 0, int(before.size()) - 1);
                m_rows[row].clusters.clear();
                endRemoveRows();
            }
            if (!after.isEmpty()) {
                beginInsertRows(parentIndex, 0, int(after.size()) - 1);
                m_rows[row] = w;
                endInsertRows();
            }
        } else {
            m_rows[row] = w;
            if (!after.isEmpty()) {
                emit dataChanged(index(0, 0, parentIndex),
                                 index(int(after.size()) - 1, ColumnCount - 1, parentIndex));
            }
        }
        m_rows[row] = w;
        firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));

    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1); // mind the - 1
        for (const FederatedWorkload &w : std::as_const(added)) {
            m_rows.append(w);
            m_ids.append(m_nextId++);
        }
        reindex();
        endInsertRows();
    }
}

} // namespace Meridian

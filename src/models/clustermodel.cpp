#include "clustermodel.h"

#include <QColor>

#include <algorithm>

namespace Meridian {

ClusterModel::ClusterModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ClusterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clusters.size());
}

int ClusterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClusterModel::stateText(ClusterState state)
{
    switch (state) {
    case ClusterState::Connecting: return tr("Connecting", "cluster state");
    case ClusterState::Ready: return tr("Ready", "cluster state");
    case ClusterState::Degraded: return tr("Degraded", "cluster state");
    case ClusterState::Unreachable: return tr("Unreachable", "cluster state");
    case ClusterState::Unauthorized: return tr("Unauthorized", "cluster state");
    case ClusterState::Forbidden: return tr("Forbidden", "cluster state");
    }
    return {};
}

QColor ClusterModel::stateColor(ClusterState state)
{
    // Colour-blind-safe hues (Okabe-Ito), shared by the table and, later, the map.
    switch (state) {
    case ClusterState::Connecting: return QColor(0x99, 0x99, 0x99);
    case ClusterState::Ready: return QColor(0x00, 0x9E, 0x73);
    case ClusterState::Degraded: return QColor(0xE6, 0x9F, 0x00);
    case ClusterState::Unreachable: return QColor(0xD5, 0x5E, 0x00);
    case ClusterState::Unauthorized: return QColor(0xCC, 0x79, 0xA7);
    case ClusterState::Forbidden: return QColor(0xCC, 0x79, 0xA7);
    }
    return {};
}

QVariant ClusterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClusterStatus &c = m_clusters.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return c.name;
        case ContextColumn: return c.context;
        case ServerColumn: return c.server;
        case VersionColumn: return c.version;
        case NodesColumn:
            if (c.state == ClusterState::Connecting
                || (c.nodesTotal == 0 && !c.lastSuccess.isValid()))
                return QString();
            return tr("%1/%2", "nodes ready/total").arg(c.nodesReady).arg(c.nodesTotal);
        case RegionColumn: return c.region;
        case StateColumn: return stateText(c.state);
        case ReasonColumn:
            if (c.state == ClusterState::Ready && c.insecureTls)
                return tr("TLS verification is off (insecure-skip-tls-verify in the kubeconfig)");
            return c.state == ClusterState::Ready ? QString() : c.reason;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn || index.column() == StateColumn) {
            QString tip = c.reason;
            if (c.insecureTls)
                tip += (tip.isEmpty() ? QString() : QStringLiteral("\n"))
                       + tr("Warning: the kubeconfig turns TLS verification off for this cluster; "
                            "its identity is not checked.");
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        if (index.column() == ServerColumn)
            return c.server;
        return {};
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return stateColor(c.state);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ReasonColumn && (c.state != ClusterState::Ready || c.insecureTls))
            return QColor(0xB0, 0x3A, 0x00);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == NodesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StateRole: return QVariant::fromValue(c.state);
    case ContextRole: return c.context;
    case InsecureRole: return c.insecureTls;
    case SortRole:
        switch (index.column()) {
        case NodesColumn: return c.nodesTotal * 100000 + c.nodesReady;
        case StateColumn: return static_cast<int>(c.state);
        default: return data(index, Qt::DisplayRole);
        }
    default: return {};
    }
}

QVariant ClusterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Cluster");
    case ContextColumn: return tr("Context");
    case ServerColumn: return tr("API server");
    case VersionColumn: return tr("Version", "Kubernetes version");
    case NodesColumn: return tr("Nodes", "ready/total");
    case RegionColumn: return tr("Region");
    case StateColumn: return tr("State");
    case ReasonColumn: return tr("Reason");
    }
    return {};
}

void ClusterModel::setClusters(const ClusterStatusList &clusters)
{
    beginResetModel();
    m_clusters = clusters;
    m_rowByContext.clear();
    for (int row = 0; row < m_clusters.size(); ++row)
        m_rowByContext.insert(m_clusters.at(row).context, row);
    endResetModel();
}

void ClusterModel::applyBatch(const ClusterStatusList &batch)
{
    int firstChanged = -1;
    int lastChanged = -1;
    ClusterStatusList added;
    for (const ClusterStatus &status : batch) {
        const auto it = m_rowByContext.constFind(status.context);
        if (it == m_rowByContext.cend()) {
            added.append(status);
            continue;
        }
        ClusterStatus &row = m_clusters[it.value()];
        if (row == status)
            continue;
        row = status;
        firstChanged = firstChanged < 0 ? it.value() : std::min(firstChanged, it.value());
        lastChanged = std::max(lastChanged, it.value());
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    // Contexts can repeat within one batch; keep only the newest of each.
    ClusterStatusList fresh;
    for (const ClusterStatus &status : std::as_const(added)) {
        auto same = std::find_if(fresh.begin(), fresh.end(), [&](const ClusterStatus &s) {
            return s.context == status.context;
        });
        if (same != fresh.end())
            *same = status;
        else
            fresh.append(status);
    }
    if (fresh.isEmpty())
        return;
    const int first = static_cast<int>(m_clusters.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    for (const ClusterStatus &status : std::as_const(fresh)) {
        m_rowByContext.insert(status.context, static_cast<int>(m_clusters.size()));
        m_clusters.append(status);
    }
    endInsertRows();
}

void ClusterModel::removeClusters(const QStringList &contexts)
{
    QList<int> rows;
    for (const QString &context : contexts) {
        const int row = rowOfContext(context);
        if (row >= 0 && !rows.contains(row))
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // Runs of adjacent rows, removed from the bottom up so earlier rows keep their numbers.
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows.at(begin - 1) == rows.at(begin) - 1)
            --begin;
        const int first = rows.at(begin);
        const int last = rows.at(end - 1);
        beginRemoveRows({}, first, last);
        m_clusters.remove(first, last - first + 1);
        m_rowByContext.clear();
        for (int row = 0; row < m_clusters.size(); ++row)
            m_rowByContext.insert(m_clusters.at(row).context, row);
        endRemoveRows();
        end = begin;
    }
}

int ClusterModel::rowOfContext(const QString &context) const
{
    return m_rowByContext.value(context, -1);
}

QMap<ClusterState, int> ClusterModel::stateCounts() const
{
    QMap<ClusterState, int> counts;
    for (const ClusterStatus &c : m_clusters)
        ++counts[c.state];
    return counts;
}

} // namespace Meridian

#include "clusterhighlightdelegate.h"

#include "consoleselection.h"
#include "models/workloadmodel.h"

namespace Meridian {

ClusterHighlightDelegate::ClusterHighlightDelegate(ConsoleSelection *selection, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_selection(selection)
{}

bool ClusterHighlightDelegate::isHighlighted(const QModelIndex &index) const
{
    if (!m_selection || m_selection->clusters().isEmpty() || !index.isValid()
        || !index.data(WorkloadModel::IsMemberRole).toBool())
        return false;
    return m_selection->clusters().contains(index.data(WorkloadModel::ClusterRole).toString());
}

void ClusterHighlightDelegate::initStyleOption(QStyleOptionViewItem *option,
                                               const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!isHighlighted(index))
        return;
    QColor tint = option->palette.color(QPalette::Highlight);
    tint.setAlpha(60);
    option->backgroundBrush = tint;
    option->font.setBold(true);
}

} // namespace Meridian

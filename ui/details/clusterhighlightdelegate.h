#pragma once

#include <QPointer>
#include <QStyledItemDelegate>

namespace Meridian {

class ConsoleSelection;

// Paints the workload tree's member rows of the selected clusters highlighted (a tint of the
// selection colour and bold text), so choosing a cluster on the map shows where it appears
// among the workloads without taking the tree's own selection.
class ClusterHighlightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterHighlightDelegate)

public:
    explicit ClusterHighlightDelegate(ConsoleSelection *selection, QObject *parent = nullptr);

    bool isHighlighted(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QPointer<ConsoleSelection> m_selection;
};

} // namespace Meridian

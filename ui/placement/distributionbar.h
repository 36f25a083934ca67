#pragma once

#include <QMap>
#include <QStringList>
#include <QWidget>

namespace Meridian {

// One segment per cluster, as wide as its planned replicas, with the current distribution as a
// thin strip underneath. Dragging the boundary between two neighbours moves replicas from one to
// the other, one replica per step; the bar reports the targets and the editor decides.
class DistributionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistributionBar)

public:
    explicit DistributionBar(QWidget *parent = nullptr);
    ~DistributionBar() override;

    void setDistribution(const QStringList &clusters,
                         const QMap<QString, qint64> &current,
                         const QMap<QString, qint64> &planned);
    void setEditable(bool editable);

    QStringList clusters() const { return m_clusters; }
    // Widget x of the boundary after cluster `index` (between index and index + 1).
    int boundaryX(int index) const;
    QRect segmentRect(int index) const;
    static QColor colorFor(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void dragStarted();
    void dragMoved(const QMap<QString, qint64> &targets);
    void dragFinished();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect barRect() const;
    qint64 sum() const;
    int boundaryNear(int x) const;
    double xOfCount(qint64 count, qint64 total) const;

    QStringList m_clusters;
    QMap<QString, qint64> m_current;
    QMap<QString, qint64> m_planned;
    bool m_editable = true;
    int m_dragBoundary = -1;
    QMap<QString, qint64> m_dragStart;
    qint64 m_dragOffset = 0;
};

} // namespace Meridian

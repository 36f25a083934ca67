#include "distributionbar.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace Meridian {

namespace {

constexpr int grabDistance = 5;
constexpr int currentStrip = 6;

} // namespace

DistributionBar::DistributionBar(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAccessibleName(tr("Replica distribution"));
}

DistributionBar::~DistributionBar() = default;

QColor DistributionBar::colorFor(int index)
{
    // Okabe-Ito: distinguishable for colour-blind operators.
    static const QColor colors[] = {QColor(0x00, 0x72, 0xB2),
                                    QColor(0xE6, 0x9F, 0x00),
                                    QColor(0x00, 0x9E, 0x73),
                                    QColor(0xCC, 0x79, 0xA7),
                                    QColor(0x56, 0xB4, 0xE9),
                                    QColor(0xD5, 0x5E, 0x00),
                                    QColor(0xF0, 0xE4, 0x42),
                                    QColor(0x99, 0x99, 0x99)};
    return colors[index % int(std::size(colors))];
}

void DistributionBar::setDistribution(const QStringList &clusters,
                                      const QMap<QString, qint64> &current,
                                      const QMap<QString, qint64> &planned)
{
    m_clusters = clusters;
    m_current = current;
    m_planned = planned;
    QStringList parts;
    for (const QString &c : clusters) {
        parts.append(tr("%1: %2 → %3").arg(c).arg(current.value(c, 0)).arg(planned.value(c, 0)));
    }
    setAccessibleDescription(parts.join(QLatin1String(", ")));
    update();
}

void DistributionBar::setEditable(bool editable)
{
    m_editable = editable;
    if (!editable)
        m_dragBoundary = -1;
    unsetCursor();
}

QSize DistributionBar::sizeHint() const
{
    return {480, fontMetrics().height() * 2 + currentStrip + 12};
}

QSize DistributionBar::minimumSizeHint() const
{
    return {120, fontMetrics().height() + currentStrip + 8};
}

QRect DistributionBar::barRect() const
{
    return rect().adjusted(4, 4, -4, -(currentStrip + 6));
}

qint64 DistributionBar::sum() const
{
    qint64 total = 0;
    for (const QString &c : m_clusters)
        total += m_planned.value(c, 0);
    return total;
}

double DistributionBar::xOfCount(qint64 count, qint64 total) const
{
    const QRect bar = barRect();
    if (total <= 0)
        return bar.left();
    return bar.left() + double(bar.width()) * double(count) / double(total);
}

int DistributionBar::boundaryX(int index) const
{
    const QMap<QString, qint64> &values = m_planned;
    qint64 total = 0;
    qint64 before = 0;
    for (int i = 0; i < m_clusters.size(); ++i) {
        const qint64 v = values.value(m_clusters.at(i), 0);
        total += v;
        if (i <= index)
            before += v;
    }
    return int(std::lround(xOfCount(before, total)));
}

QRect DistributionBar::segmentRect(int index) const
{
    const QRect bar = barRect();
    const int left = index == 0 ? bar.left() : boundaryX(index - 1);
    const int right = boundaryX(index);
    return QRect(QPoint(left, bar.top()), QPoint(right, bar.bottom()));
}

int DistributionBar::boundaryNear(int x) const
{
    int best = -1;
    int bestDistance = grabDistance + 1;
    for (int i = 0; i + 1 < m_clusters.size(); ++i) {
        const int d = std::abs(boundaryX(i) - x);
        if (d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

void DistributionBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect bar = barRect();
    p.fillRect(bar, palette().color(QPalette::AlternateBase));
    const qint64 total = sum();
    for (int i = 0; i < m_clusters.size(); ++i) {
        const QRect r = segmentRect(i);
        if (r.width() <= 0)
            continue;
        p.fillRect(r, colorFor(i));
        const QString text = QStringLiteral("%1 %2")
                                     .arg(m_clusters.at(i))
                                     .arg(m_planned.value(m_clusters.at(i), 0));
        const QString shown = fontMetrics().elidedText(text, Qt::ElideRight, r.width() - 4);
        p.setPen(colorFor(i).lightness() > 150 ? Qt::black : Qt::white);
        p.drawText(r.adjusted(2, 0, -2, 0), Qt::AlignCenter, shown);
    }
    // The current distribution, for comparison.
    qint64 currentTotal = 0;
    for (const QString &c : m_clusters)
        currentTotal += m_current.value(c, 0);
    const QRect strip(bar.left(), bar.bottom() + 3, bar.width(), currentStrip);
    qint64 before = 0;
    for (int i = 0; i < m_clusters.size() && currentTotal > 0; ++i) {
        const qint64 v = m_current.value(m_clusters.at(i), 0);
        const double l
                = strip.left() + double(strip.width()) * double(before) / double(currentTotal);
        const double r
                = strip.left() + double(strip.width()) * double(before + v) / double(currentTotal);
        p.fillRect(QRectF(QPointF(l, strip.top()), QPointF(r, strip.bottom())),
                   colorFor(i).lighter(140));
        before += v;
    }
    if (m_editable && total > 0) {
        p.setPen(QPen(palette().color(QPalette::Base), 2));
        for (int i = 0; i + 1 < m_clusters.size(); ++i) {
            const int x = boundaryX(i);
            p.drawLine(x, bar.top(), x, bar.bottom());
        }
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void DistributionBar::mousePressEvent(QMouseEvent *event)
{
    if (!m_editable || event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int boundary = boundaryNear(int(event->position().x()));
    if (boundary < 0 || sum() <= 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragStart = m_planned;
    m_dragBoundary = boundary;
    m_dragOffset = 0;
    emit dragStarted();
    event->accept();
}

void DistributionBar::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragBoundary < 0) {
        if (m_editable)
            setCursor(boundaryNear(int(event->position().x())) >= 0 ? Qt::SplitHCursor
                                                                    : Qt::ArrowCursor);
        return;
    }
    const QString left = m_clusters.at(m_dragBoundary);
    const QString right = m_clusters.at(m_dragBoundary + 1);
    qint64 total = 0;
    qint64 before = 0;
    for (int i = 0; i < m_clusters.size(); ++i) {
        const qint64 v = m_dragStart.value(m_clusters.at(i), 0);
        total += v;
        if (i <= m_dragBoundary)
            before += v;
    }
    const QRect bar = barRect();
    const double perReplica = double(bar.width()) / double(total);
    const qint64 at = std::llround((event->position().x() - bar.left()) / perReplica);
    // Only the two neighbours trade replicas.
    const qint64 offset = std::clamp<qint64>(at - before,
                                             -m_dragStart.value(left, 0),
                                             m_dragStart.value(right, 0));
    if (offset == m_dragOffset)
        return;
    m_dragOffset = offset;
    QMap<QString, qint64> targets = m_dragStart;
    targets[left] = m_dragStart.value(left, 0) + offset;
    targets[right] = m_dragStart.value(right, 0) - offset;
    emit dragMoved(targets);
}

void DistributionBar::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragBoundary < 0 || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragBoundary = -1;
    emit dragFinished();
    update();
    event->accept();
}

bool DistributionBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (int i = 0; i < m_clusters.size(); ++i) {
            if (segmentRect(i).contains(help->pos())) {
                const QString &c = m_clusters.at(i);
                QToolTip::showText(help->globalPos(),
                                   tr("%1: %2 now, %3 planned")
                                           .arg(c)
                                           .arg(m_current.value(c, 0))
                                           .arg(m_planned.value(c, 0)),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace Meridian

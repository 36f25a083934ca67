#include "loghistogramview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QDateTime>
#include <QMouseEvent>
#include <QStackedBarSeries>
#include <QTimeZone>
#include <QValueAxis>

namespace Meridian::Logs {

LogHistogramView::LogHistogramView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing, false);
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setToolTip(tr("Drag across bars to show only that time range."));
}

LogHistogramView::~LogHistogramView() = default;

void LogHistogramView::setHistogram(const Histogram &histogram, bool byCluster)
{
    m_histogram = histogram;
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    if (histogram.buckets == 0 || histogram.counts.empty())
        return;
    auto *series = new QStackedBarSeries;
    series->setBarWidth(1.0);
    int top = 0;
    std::vector<int> totals(std::size_t(histogram.buckets), 0);
    for (qsizetype s = 0; s < histogram.series.size(); ++s) {
        const std::vector<int> &counts = histogram.counts[std::size_t(s)];
        if (std::all_of(counts.begin(), counts.end(), [](int n) { return n == 0; }))
            continue;
        auto *set = new QBarSet(histogram.series.at(s));
        set->setColor(byCluster ? LogTableModel::clusterColor(histogram.series.at(s)) : [&] {
            const QColor c = LogTableModel::severityColor(static_cast<Severity>(s));
            return c.isValid() ? c : QColor(0x42, 0x85, 0xf4);
        }());
        set->setBorderColor(set->color());
        for (int b = 0; b < histogram.buckets; ++b) {
            *set << counts[std::size_t(b)];
            totals[std::size_t(b)] += counts[std::size_t(b)];
        }
        series->append(set);
    }
    for (const int t : totals)
        top = qMax(top, t);
    c->addSeries(series);
    // Sixty bars have no room for sixty labels: the title gives the range and the bar width.
    QStringList categories;
    for (int b = 0; b < histogram.buckets; ++b)
        categories.append(QString::number(b));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsVisible(false);
    const auto clock = [](qint64 ns) {
        return QDateTime::fromMSecsSinceEpoch(ns / 1000000, QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    c->setTitle(tr("%1 – %2 UTC, %3 s a bar")
                        .arg(clock(histogram.fromNs),
                             clock(histogram.fromNs + histogram.buckets * histogram.bucketNs))
                        .arg(double(histogram.bucketNs) / 1e9, 0, 'g', 3));
    auto *y = new QValueAxis;
    y->setRange(0, qMax(1, top));
    y->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

int LogHistogramView::bucketAt(const QPointF &position) const
{
    if (m_histogram.buckets == 0)
        return -1;
    const QRectF area = chart()->plotArea();
    const QPointF scene = mapToScene(position.toPoint());
    const QPointF inChart = chart()->mapFromScene(scene);
    if (area.width() <= 0)
        return -1;
    const double fraction = (inChart.x() - area.left()) / area.width();
    return qBound(0, int(fraction * m_histogram.buckets), m_histogram.buckets - 1);
}

void LogHistogramView::mousePressEvent(QMouseEvent *event)
{
    m_pressBucket = bucketAt(event->position());
    QChartView::mousePressEvent(event);
}

void LogHistogramView::mouseReleaseEvent(QMouseEvent *event)
{
    const int release = bucketAt(event->position());
    if (m_pressBucket >= 0 && release >= 0) {
        const int first = qMin(m_pressBucket, release);
        const int last = qMax(m_pressBucket, release);
        emit rangeSelected(m_histogram.fromNs + first * m_histogram.bucketNs,
                           m_histogram.fromNs + (last + 1) * m_histogram.bucketNs);
    }
    m_pressBucket = -1;
    QChartView::mouseReleaseEvent(event);
}

} // namespace Meridian::Logs

#include "rolloutchart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace Meridian {

namespace {
constexpr qint64 windowMs = 10 * 60 * 1000;
}

RolloutChart::RolloutChart(QWidget *parent)
    : QChartView(parent)
    , m_time(new QDateTimeAxis)
    , m_value(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Available replicas, % of desired"));
    chart->legend()->setAlignment(Qt::AlignRight);
    m_time->setFormat(QStringLiteral("HH:mm:ss"));
    m_time->setTitleText(tr("Time"));
    m_value->setRange(0, 100);
    m_value->setLabelFormat(QStringLiteral("%d %"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_value, Qt::AlignLeft);
    const QDateTime now = QDateTime::currentDateTime();
    m_time->setRange(now.addSecs(-60), now);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
}

RolloutChart::~RolloutChart() = default;

QLineSeries *RolloutChart::seriesFor(const QString &cluster)
{
    if (QLineSeries *s = m_series.value(cluster))
        return s;
    auto *series = new QLineSeries;
    series->setName(cluster);
    chart()->addSeries(series);
    series->attachAxis(m_time);
    series->attachAxis(m_value);
    m_series.insert(cluster, series);
    return series;
}

void RolloutChart::addSample(const QString &cluster,
                             const QDateTime &at,
                             const Rollout::RolloutState &state)
{
    QLineSeries *series = seriesFor(cluster);
    const double percent
            = state.desired > 0 ? 100.0 * double(state.available) / double(state.desired)
                                : (state.phase == Rollout::RolloutState::Phase::Done ? 100.0 : 0.0);
    const qint64 t = at.toMSecsSinceEpoch();
    series->append(double(t), std::min(100.0, percent));
    // Keep the window; drop older points in one call.
    int old = 0;
    while (old < series->count() && series->at(old).x() < double(t - windowMs))
        ++old;
    if (old > 0)
        series->removePoints(0, old);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(
            static_cast<qint64>(series->count() > 0 ? series->at(0).x() : double(t)));
    QDateTime from = m_time->min() < start ? m_time->min() : start;
    if (from.msecsTo(at) > windowMs)
        from = at.addMSecs(-windowMs);
    m_time->setRange(from, at.addSecs(1));
}

void RolloutChart::clear()
{
    chart()->removeAllSeries();
    m_series.clear();
    const QDateTime now = QDateTime::currentDateTime();
    m_time->setRange(now.addSecs(-60), now);
}

int RolloutChart::seriesCount() const
{
    return static_cast<int>(m_series.size());
}

int RolloutChart::pointCount(const QString &cluster) const
{
    const QLineSeries *s = m_series.value(cluster);
    return s ? s->count() : 0;
}

} // namespace Meridian

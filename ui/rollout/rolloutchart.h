#pragma once

#include "rollout/rolloutstatus.h"

#include <QChartView>
#include <QDateTime>
#include <QHash>

class QLineSeries;
class QDateTimeAxis;
class QValueAxis;

namespace Meridian {

// Per-cluster rollout progress over time: updated and available replicas as a share of desired
// (0–100 %), one line per cluster, the last ten minutes.
class RolloutChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutChart)

public:
    explicit RolloutChart(QWidget *parent = nullptr);
    ~RolloutChart() override;

    void addSample(const QString &cluster, const QDateTime &at, const Rollout::RolloutState &state);
    void clear();
    int seriesCount() const;
    int pointCount(const QString &cluster) const;

private:
    QLineSeries *seriesFor(const QString &cluster);

    QHash<QString, QLineSeries *> m_series;
    QDateTimeAxis *m_time;
    QValueAxis *m_value;
};

} // namespace Meridian

#pragma once

#include "logtablemodel.h"

#include <QChartView>

namespace Meridian::Logs {

// Log volume over time as stacked bars (QtCharts); dragging across bars selects a time range.
class LogHistogramView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogHistogramView)

public:
    explicit LogHistogramView(QWidget *parent = nullptr);
    ~LogHistogramView() override;

    void setHistogram(const Histogram &histogram, bool byCluster);
    const Histogram &histogram() const { return m_histogram; }

signals:
    // [fromNs, toNs) of the buckets the operator dragged over.
    void rangeSelected(qint64 fromNs, qint64 toNs);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    int bucketAt(const QPointF &position) const;

    Histogram m_histogram;
    int m_pressBucket = -1;
};

} // namespace Meridian::Logs

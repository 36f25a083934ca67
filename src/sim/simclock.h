#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace Meridian::Sim {

// Simulated time: starts at the wall clock when the federation starts and runs timeScale times
// faster, so rollouts and log streams can be watched at demo speed. Objects created "before" the
// simulation began take their timestamps from fixedEpoch(), which keeps runs reproducible.
class SimClock final
{
public:
    explicit SimClock(double timeScale = 1.0);

    QDateTime now() const;
    double timeScale() const;
    static QDateTime fixedEpoch();

    static QString formatRfc3339(const QDateTime &time); // "2025-01-06T00:00:00Z"
    static QString humanDuration(qint64 seconds);        // kubectl's AGE column ("5d", "3h12m")

private:
    QDateTime m_start;
    QElapsedTimer m_elapsed;
    double m_timeScale;
};

} // namespace Meridian::Sim

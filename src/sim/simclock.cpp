#include "sim/simclock.h"

#include <QTimeZone>

namespace Meridian::Sim {

SimClock::SimClock(double timeScale)
    : m_start(QDateTime::currentDateTimeUtc())
    , m_timeScale(timeScale > 0 ? timeScale : 1.0)
{
    m_elapsed.start();
}

QDateTime SimClock::now() const
{
    const auto simulatedMs
            = static_cast<qint64>(static_cast<double>(m_elapsed.elapsed()) * m_timeScale);
    return m_start.addMSecs(simulatedMs);
}

double SimClock::timeScale() const
{
    return m_timeScale;
}

QDateTime SimClock::fixedEpoch()
{
    return QDateTime(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc());
}

QString SimClock::formatRfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// Mirrors k8s.io/apimachinery/pkg/util/duration.HumanDuration so tables look like a real server's.
QString SimClock::humanDuration(qint64 seconds)
{
    const auto n = [](qint64 v) { return QString::number(v); };
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 120)
        return n(seconds) + u's';
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QString(n(minutes) + u'm') : QString(n(minutes) + u'm' + n(s) + u's');
    }
    if (minutes < 180)
        return n(minutes) + u'm';
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QString(n(hours) + u'h') : QString(n(hours) + u'h' + n(m) + u'm');
    }
    if (hours < 48)
        return n(hours) + u'h';
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QString(n(hours / 24) + u'd') : QString(n(hours / 24) + u'd' + n(h) + u'h');
    }
    if (hours < 24 * 365 * 2)
        return n(hours / 24) + u'd';
    if (hours < 24 * 365 * 8) {
        const qint64 d = (hours / 24) % 365;
        const qint64 y = hours / 24 / 365;
        return d == 0 ? QString(n(y) + u'y') : QString(n(y) + u'y' + n(d) + u'd');
    }
    return n(hours / 24 / 365) + u'y';
}

} // namespace Meridian::Sim

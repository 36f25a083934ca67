#include "rollout/waves.h"

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

Result<QList<QStringList>> planWaves(const QStringList &clusters, const QStringList &firstWave)
{
    if (firstWave.isEmpty())
        return QList<QStringList>{clusters};
    QStringList first;
    for (const QString &c : firstWave) {
        if (!clusters.contains(c)) {
            return Error{u"Invalid"_s,
                         WaveSequencer::tr("--waves names \"%1\", which is not one of the "
                                           "clusters (%2)")
                                 .arg(c, clusters.join(u", "_s))};
        }
        if (first.contains(c))
            return Error{u"Invalid"_s, WaveSequencer::tr("--waves names \"%1\" twice").arg(c)};
        first.append(c);
    }
    QStringList rest;
    for (const QString &c : clusters) {
        if (!first.contains(c))
            rest.append(c);
    }
    QList<QStringList> waves{first};
    if (!rest.isEmpty())
        waves.append(rest);
    return waves;
}

WaveSequencer::WaveSequencer(QList<QStringList> waves, bool pauseBetweenWaves)
    : m_waves(std::move(waves))
    , m_pause(pauseBetweenWaves)
{
    m_waves.removeIf([](const QStringList &w) { return w.isEmpty(); });
    for (const QStringList &wave : std::as_const(m_waves)) {
        for (const QString &c : wave)
            m_outcomes.insert(c, Outcome::Pending);
    }
}

QStringList WaveSequencer::startWave(int wave)
{
    m_wave = wave;
    m_phase = Phase::Running;
    for (const QString &c : m_waves.at(wave))
        m_outcomes.insert(c, Outcome::Running);
    return m_waves.at(wave);
}

QStringList WaveSequencer::start()
{
    if (m_phase != Phase::NotStarted)
        return {};
    if (m_waves.isEmpty()) {
        m_phase = Phase::Succeeded;
        return {};
    }
    return startWave(0);
}

QStringList WaveSequencer::report(const QString &cluster, Outcome outcome, const QString &reason)
{
    if (m_phase != Phase::Running || !m_outcomes.contains(cluster)
        || m_outcomes.value(cluster) == Outcome::Pending)
        return {};
    m_outcomes.insert(cluster, outcome);
    if (outcome == Outcome::Failed) {
        m_phase = Phase::Failed;
        m_failure = reason.isEmpty() ? cluster : cluster + u": "_s + reason;
        return {};
    }
    for (const QString &c : m_waves.at(m_wave)) {
        if (m_outcomes.value(c) != Outcome::Available)
            return {};
    }
    if (m_wave + 1 >= m_waves.size()) {
        m_phase = Phase::Succeeded;
        return {};
    }
    if (m_pause) {
        m_phase = Phase::WaitingToContinue;
        return {};
    }
    return startWave(m_wave + 1);
}

QStringList WaveSequencer::proceed()
{
    if (m_phase != Phase::WaitingToContinue)
        return {};
    return startWave(m_wave + 1);
}

void WaveSequencer::abort()
{
    if (!isFinished())
        m_phase = Phase::Aborted;
}

WaveSequencer::Outcome WaveSequencer::outcome(const QString &cluster) const
{
    return m_outcomes.value(cluster, Outcome::Pending);
}

QStringList WaveSequencer::notStarted() const
{
    QStringList clusters;
    for (const QStringList &wave : m_waves) {
        for (const QString &c : wave) {
            if (m_outcomes.value(c) == Outcome::Pending)
                clusters.append(c);
        }
    }
    return clusters;
}

} // namespace Meridian::Rollout

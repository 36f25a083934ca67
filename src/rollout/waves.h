#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Meridian::Rollout {

// `--waves a,b` over clusters {a,b,c,d}: [[a,b],[c,d]]. No first wave: one wave of everything.
// An unknown or repeated cluster is an error naming it and the clusters there are.
Result<QList<QStringList>> planWaves(const QStringList &clusters, const QStringList &firstWave);

// The order of a rollout in waves, as a pure state machine the jobs and the GUI drive: it says
// which clusters to start, and when a wave is done (every cluster Available) whether to go on, to
// wait for the operator (pause between waves) or to stop (a cluster failed, or abort).
class WaveSequencer final
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Rollout::WaveSequencer)

public:
    enum class Phase { NotStarted, Running, WaitingToContinue, Succeeded, Failed, Aborted };
    enum class Outcome { Pending, Running, Available, Failed };

    explicit WaveSequencer(QList<QStringList> waves, bool pauseBetweenWaves = false);

    // The clusters of the first wave; Running.
    QStringList start();
    // A cluster's rollout reached `outcome`. Returns the clusters to start now (the next wave
    // when this completes one and no pause is wanted). A failure ends the run: Failed.
    QStringList report(const QString &cluster, Outcome outcome, const QString &reason = {});
    // After WaitingToContinue: the next wave's clusters.
    QStringList proceed();
    void abort();

    Phase phase() const { return m_phase; }
    int currentWave() const { return m_wave; } // 0-based; -1 before start
    const QList<QStringList> &waves() const { return m_waves; }
    Outcome outcome(const QString &cluster) const;
    QString failure() const { return m_failure; } // "cluster-01: <reason>"
    // Clusters that were never started (the waves after a failure or abort).
    QStringList notStarted() const;
    bool isFinished() const
    {
        return m_phase == Phase::Succeeded || m_phase == Phase::Failed || m_phase == Phase::Aborted;
    }

private:
    QStringList startWave(int wave);

    QList<QStringList> m_waves;
    bool m_pause = false;
    Phase m_phase = Phase::NotStarted;
    int m_wave = -1;
    QHash<QString, Outcome> m_outcomes;
    QString m_failure;
};

} // namespace Meridian::Rollout

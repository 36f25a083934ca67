#pragma once

#include "rollout/memberplan.h"
#include "rollout/rolloutclient.h"
#include "rollout/rolloutstatus.h"
#include "rollout/waves.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Meridian::Rollout {

// Applies a manifest to members in waves and gates each wave on its Deployments becoming
// Available within their progressDeadlineSeconds (the Deployment's own ProgressDeadlineExceeded
// condition, or, as a backstop, that many seconds of wall time since the wave started). Lives on
// the thread of the targets' ApiClients (the API worker); polls each Deployment of a running
// wave every `pollMs` and reports kubectl rollout status lines with the pods' stuck reasons.
class WaveRollout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaveRollout)

public:
    struct Options
    {
        bool dryRun = false; // apply with dryRun=All; no waiting
        bool wait = true;    // gate waves on Available (false: apply and finish)
        bool pauseBetweenWaves = false;
        bool forceConflicts = false;
        int pollMs = 500;
        double deadlineSlack = 1.25; // wall-clock backstop: deadline × slack
    };

    WaveRollout(QList<Target> targets,
                MemberPlan plan,
                QList<QStringList> waves,
                Options options,
                QObject *parent = nullptr);
    ~WaveRollout() override;

    void start();
    void proceed(); // after waitingToContinue
    void abort();   // stops polling; later waves are not started

    const WaveSequencer &sequencer() const { return m_sequencer; }

signals:
    void waveStarted(int wave, const QStringList &clusters);
    // "deployment.apps/web serverside-applied" (or the error) for one object in one cluster.
    void objectApplied(const QString &cluster, const QString &line, bool ok);
    void progress(const QString &cluster,
                  const QString &deployment,
                  const Meridian::Rollout::RolloutState &state);
    void waitingToContinue(int nextWave, const QStringList &clusters);
    void finished(bool ok, const QString &message);

private:
    struct ClusterRun;
    void startClusters(const QStringList &clusters);
    void applyNext(const QString &cluster);
    void poll();
    void pollCluster(const QString &cluster);
    void clusterDone(const QString &cluster, WaveSequencer::Outcome outcome, const QString &reason);
    void finishIfDone();
    const Target *target(const QString &cluster) const;

    QList<Target> m_targets;
    MemberPlan m_plan;
    Options m_options;
    WaveSequencer m_sequencer;
    QHash<QString, std::shared_ptr<ClusterRun>> m_runs;
    QTimer m_pollTimer;
    bool m_finished = false;
};

} // namespace Meridian::Rollout

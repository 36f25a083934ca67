#include "rollout/waverollout.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

struct WaveRollout::ClusterRun
{
    int nextObject = 0;
    bool applied = false;
    bool polling = false; // a poll is in flight
    bool done = false;
    QElapsedTimer started;
    QHash<QString, RolloutState> states; // by "namespace/name"
};

WaveRollout::WaveRollout(QList<Target> targets,
                         MemberPlan plan,
                         QList<QStringList> waves,
                         Options options,
                         QObject *parent)
    : QObject(parent)
    , m_targets(std::move(targets))
    , m_plan(std::move(plan))
    , m_options(options)
    , m_sequencer(std::move(waves), options.pauseBetweenWaves)
    , m_pollTimer(this)
{
    qRegisterMetaType<Meridian::Rollout::RolloutState>();
    m_pollTimer.setInterval(m_options.pollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &WaveRollout::poll);
}

WaveRollout::~WaveRollout() = default;

const Target *WaveRollout::target(const QString &cluster) const
{
    for (const Target &t : m_targets) {
        if (t.cluster == cluster)
            return &t;
    }
    return nullptr;
}

void WaveRollout::start()
{
    startClusters(m_sequencer.start());
    finishIfDone();
}

void WaveRollout::proceed()
{
    startClusters(m_sequencer.proceed());
}

void WaveRollout::abort()
{
    if (m_finished)
        return;
    m_sequencer.abort();
    m_pollTimer.stop();
    m_finished = true;
    const QStringList left = m_sequencer.notStarted();
    emit finished(false,
                  left.isEmpty() ? tr("aborted")
                                 : tr("aborted; not started: %1").arg(left.join(u", "_s)));
}

void WaveRollout::startClusters(const QStringList &clusters)
{
    if (clusters.isEmpty())
        return;
    emit waveStarted(m_sequencer.currentWave(), clusters);
    for (const QString &cluster : clusters) {
        auto run = std::make_shared<ClusterRun>();
        run->started.start();
        m_runs.insert(cluster, run);
    }
    for (const QString &cluster : clusters)
        applyNext(cluster);
}

void WaveRollout::applyNext(const QString &cluster)
{
    if (m_finished)
        return;
    const std::shared_ptr<ClusterRun> run = m_runs.value(cluster);
    const QList<ManifestObject> objects = m_plan.objects.value(cluster);
    if (run->nextObject >= objects.size()) {
        run->applied = true;
        if (!m_options.wait || m_options.dryRun) {
            clusterDone(cluster, WaveSequencer::Outcome::Available, {});
            return;
        }
        bool anyDeployment = false;
        for (const ManifestObject &o : objects)
            anyDeployment = anyDeployment || o.isDeployment();
        if (!anyDeployment) {
            clusterDone(cluster, WaveSequencer::Outcome::Available, {});
            return;
        }
        if (!m_pollTimer.isActive())
            m_pollTimer.start();
        pollCluster(cluster);
        return;
    }
    const Target *t = target(cluster);
    if (!t) {
        clusterDone(cluster, WaveSequencer::Outcome::Failed, tr("no connection to this cluster"));
        return;
    }
    const ManifestObject object = objects.at(run->nextObject);
    QPointer<WaveRollout> self(this);
    applyObject(*t,
                object,
                m_options.dryRun,
                m_options.forceConflicts,
                [self, cluster, object, run](const Result<QJsonObject> &result) {
                    if (!self || self->m_finished)
                        return;
                    if (!result) {
                        emit self->objectApplied(cluster,
                                                 u"Error from server (%1): %2"_s
                                                         .arg(result.error().code,
                                                              result.error().message),
                                                 false);
                        self->clusterDone(cluster,
                                          WaveSequencer::Outcome::Failed,
                                          object.displayName() + u": "_s + result.error().message);
                        return;
                    }
                    emit self->objectApplied(
                            cluster,
                            object.displayName()
                                    + (self->m_options.dryRun
                                               ? u" serverside-applied (server dry run)"_s
                                               : u" serverside-applied"_s),
                            true);
                    ++run->nextObject;
                    self->applyNext(cluster);
                });
}

void WaveRollout::poll()
{
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        if (it.value()->applied && !it.value()->done && !it.value()->polling)
            pollCluster(it.key());
    }
}

void WaveRollout::pollCluster(const QString &cluster)
{
    const std::shared_ptr<ClusterRun> run = m_runs.value(cluster);
    const Target *t = target(cluster);
    if (!run || !t || run->done)
        return;
    QList<ManifestObject> deployments;
    for (const ManifestObject &o : m_plan.objects.value(cluster)) {
        if (o.isDeployment())
            deployments.append(o);
    }
    run->polling = true;
    auto outstanding = std::make_shared<int>(static_cast<int>(deployments.size()));
    QPointer<WaveRollout> self(this);
    for (const ManifestObject &d : std::as_const(deployments)) {
        const QString key = d.nameSpace() + u'/' + d.name();
        fetchSnapshot(
                *t,
                d.nameSpace(),
                d.name(),
                true,
                [self, cluster, key, run, outstanding](const Result<Snapshot> &snapshot) {
                    if (!self || self->m_finished)
                        return;
                    RolloutState state;
                    if (snapshot) {
                        state = rolloutStatus(snapshot->deployment);
                        if (!state.isFinal())
                            state.problems = podProblems(snapshot->deployment,
                                                         snapshot->replicaSets,
                                                         snapshot->pods);
                    } else {
                        state.phase = RolloutState::Phase::Waiting;
                        state.message = snapshot.error().message;
                    }
                    run->states.insert(key, state);
                    emit self->progress(cluster, key, state);
                    if (--*outstanding > 0)
                        return;
                    run->polling = false;
                    // Every Deployment of this cluster answered: decide.
                    bool allAvailable = true;
                    for (auto it = run->states.cbegin(); it != run->states.cend(); ++it) {
                        const RolloutState &s = it.value();
                        if (s.phase == RolloutState::Phase::Failed) {
                            QString reason = s.message;
                            if (!s.problems.isEmpty())
                                reason += u" ("_s + s.problemSummary() + u')';
                            self->clusterDone(cluster, WaveSequencer::Outcome::Failed, reason);
                            return;
                        }
                        if (s.phase == RolloutState::Phase::Paused) {
                            // Nothing will roll out until someone resumes it.
                            self->clusterDone(cluster,
                                              WaveSequencer::Outcome::Failed,
                                              tr("%1 is paused; resume it first").arg(it.key()));
                            return;
                        }
                        allAvailable = allAvailable && s.phase == RolloutState::Phase::Done
                                       && s.availableCondition;
                    }
                    if (allAvailable) {
                        self->clusterDone(cluster, WaveSequencer::Outcome::Available, {});
                        return;
                    }
                    // The wall-clock backstop for a deadline the cluster does not report.
                    for (auto it = run->states.cbegin(); it != run->states.cend(); ++it) {
                        const qint64 limitMs
                                = static_cast<qint64>(it.value().progressDeadlineSeconds * 1000.0
                                                      * self->m_options.deadlineSlack);
                        if (it.value().phase != RolloutState::Phase::Paused
                            && run->started.elapsed() > limitMs) {
                            QString reason = tr("%1 was not Available within its progress deadline "
                                                "(%2 s)")
                                                     .arg(it.key())
                                                     .arg(it.value().progressDeadlineSeconds);
                            if (!it.value().problems.isEmpty())
                                reason += u" ("_s + it.value().problemSummary() + u')';
                            self->clusterDone(cluster, WaveSequencer::Outcome::Failed, reason);
                            return;
                        }
                    }
                });
    }
}

void WaveRollout::clusterDone(const QString &cluster,
                              WaveSequencer::Outcome outcome,
                              const QString &reason)
{
    const std::shared_ptr<ClusterRun> run = m_runs.value(cluster);
    if (!run || run->done)
        return;
    run->done = true;
    const QStringList next = m_sequencer.report(cluster, outcome, reason);
    if (m_sequencer.phase() == WaveSequencer::Phase::WaitingToContinue) {
        const int wave = m_sequencer.currentWave() + 1;
        emit waitingToContinue(wave, m_sequencer.waves().value(wave));
    }
    startClusters(next);
    finishIfDone();
}

void WaveRollout::finishIfDone()
{
    if (m_finished || !m_sequencer.isFinished())
        return;
    m_finished = true;
    m_pollTimer.stop();
    if (m_sequencer.phase() == WaveSequencer::Phase::Succeeded) {
        emit finished(true, {});
        return;
    }
    QString message = m_sequencer.failure();
    const QStringList left = m_sequencer.notStarted();
    if (!left.isEmpty())
        message += u"; "_s + tr("not started: %1").arg(left.join(u", "_s));
    emit finished(false, message);
}

} // namespace Meridian::Rollout

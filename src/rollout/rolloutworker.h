#pragma once

#include "kube/kubeconfig.h"
#include "rollout/history.h"
#include "rollout/rolloutpatches.h"
#include "rollout/rolloutsession.h"
#include "rollout/rolloutstatus.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Meridian::Rollout {

class WaveRollout;

// One federated Deployment as the rollout panel shows it: each cluster's rollout state, images
// and revision, and the history aligned by pod template.
struct WorkloadView
{
    QString key; // "namespace/name"
    QDateTime at;
    QStringList clusters; // every member asked, in order
    QMap<QString, RolloutState> states;
    QMap<QString, QString> images; // cluster → "web=nginx:1.27"
    QMap<QString, QString> errors; // cluster → why it could not be read
    QList<AlignedRevision> history;
};

// A change from the GUI form: images, env, and the federation's total replicas (divided over the
// chosen clusters with the Federation v1 planner, like apply).
struct WorkloadChange
{
    QList<ContainerImage> images;
    QList<EnvChange> env;
    std::optional<qint64> totalReplicas;
};

// The rollout jobs of the GUI. Lives on the API worker thread (ApiThread's), owns its own
// RolloutSession there; every public method is called through QMetaObject::invokeMethod
// (RolloutWorker::post), every result comes back as a value through a signal.
class RolloutWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutWorker)

public:
    explicit RolloutWorker(QObject *parent = nullptr);
    ~RolloutWorker() override;

    // Queues `call` onto the worker's thread.
    void post(std::function<void(RolloutWorker *)> call);

    void open(const Kube::LoadOptions &load, const QStringList &contexts, bool karmada);
    // Polls this workload on every member (about once a second); empty key: stop.
    void watch(const QString &ns, const QString &name);
    // Parses a manifest (off the GUI thread): `validated` with the error (and its line) or the
    // number of objects.
    void validate(quint64 generation, const QByteArray &yaml, const QString &source);
    void deploy(const QByteArray &yaml,
                const QString &source,
                const QStringList &firstWave,
                bool pauseBetweenWaves,
                bool dryRun);
    void proceed();
    void abort();
    // Rolls back to `templateKey`'s revision in each cluster (empty: the previous revision).
    void undo(const QString &ns,
              const QString &name,
              const QStringList &clusters,
              const QString &templateKey);
    enum class Action { Pause, Resume, Restart };
    void act(Action action, const QString &ns, const QString &name, const QStringList &clusters);
    void change(const QString &ns,
                const QString &name,
                const QStringList &clusters,
                const WorkloadChange &change);

signals:
    void opened(const QStringList &clusters);
    void openFailed(const QString &message);
    void workloadUpdated(const Meridian::Rollout::WorkloadView &view);
    void validated(quint64 generation, const QString &error, int line, int objects);
    void deployEvent(const QString &cluster, const QString &text, bool ok);
    void deployProgress(const QString &cluster, const Meridian::Rollout::RolloutState &state);
    void deployWaiting(int nextWave, const QStringList &clusters);
    void deployFinished(bool ok, const QString &message);
    // One line per cluster, kubectl's words ("cluster-01: deployment.apps/web rolled back").
    void actionFinished(const QString &summary, bool ok);

private:
    void poll();
    Result<QList<Target>> targetsFor(const QStringList &clusters) const;
    void finishAction(const QList<Target> &targets,
                      const QString &name,
                      const std::function<void(const Target &, MessageCallback)> &operation);

    std::unique_ptr<RolloutSession> m_session;
    QTimer m_pollTimer;
    QString m_ns;
    QString m_name;
    bool m_polling = false;
    WaveRollout *m_rollout = nullptr;
};

} // namespace Meridian::Rollout

Q_DECLARE_METATYPE(Meridian::Rollout::WorkloadView)

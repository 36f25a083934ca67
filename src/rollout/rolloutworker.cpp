#include "rollout/rolloutworker.h"

#include "core/placement/planner.h"
#include "placement/preferencesdocument.h"
#include "rollout/memberplan.h"
#include "rollout/objectdiff.h"
#include "rollout/undo.h"
#include "rollout/waverollout.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

RolloutWorker::RolloutWorker(QObject *parent)
    : QObject(parent)
    , m_pollTimer(this)
{
    qRegisterMetaType<Meridian::Rollout::WorkloadView>();
    qRegisterMetaType<Meridian::Rollout::RolloutState>();
    m_pollTimer.setInterval(1000);
    connect(&m_pollTimer, &QTimer::timeout, this, &RolloutWorker::poll);
}

RolloutWorker::~RolloutWorker()
{
    delete m_rollout;
}

void RolloutWorker::post(std::function<void(RolloutWorker *)> call)
{
    QMetaObject::invokeMethod(this, [this, call = std::move(call)] { call(this); });
}

void RolloutWorker::open(const Kube::LoadOptions &load, const QStringList &contexts, bool karmada)
{
    delete m_rollout;
    m_rollout = nullptr;
    m_session.reset();
    auto session = RolloutSession::open(load,
                                        contexts,
                                        karmada ? RolloutSession::Mode::Karmada
                                                : RolloutSession::Mode::Direct);
    if (!session) {
        emit openFailed(session.error().message);
        return;
    }
    m_session = std::move(*session);
    m_session->discoverMembers([this](const Status &status) {
        if (!status) {
            emit openFailed(status.error().message);
            return;
        }
        emit opened(m_session->clusterNames());
    });
}

Result<QList<Target>> RolloutWorker::targetsFor(const QStringList &clusters) const
{
    if (!m_session)
        return Error{u"Unavailable"_s, tr("no federation is open")};
    return m_session->members(clusters);
}

void RolloutWorker::watch(const QString &ns, const QString &name)
{
    m_ns = ns;
    m_name = name;
    if (name.isEmpty()) {
        m_pollTimer.stop();
        return;
    }
    m_pollTimer.start();
    poll();
}

void RolloutWorker::poll()
{
    if (m_polling || m_name.isEmpty() || !m_session)
        return;
    const auto targets = targetsFor({});
    if (!targets || targets->isEmpty())
        return;
    m_polling = true;
    struct Collect
    {
        WorkloadView view;
        QMap<QString, QList<Revision>> revisions;
        QMap<QString, QJsonObject> current;
        int outstanding = 0;
    };
    auto collect = std::make_shared<Collect>();
    collect->view.key = m_ns + u'/' + m_name;
    collect->outstanding = static_cast<int>(targets->size());
    for (const Target &t : *targets)
        collect->view.clusters.append(t.cluster);
    QPointer<RolloutWorker> self(this);
    const QString key = collect->view.key;
    for (const Target &t : *targets) {
        fetchSnapshot(t,
                      m_ns,
                      m_name,
                      true,
                      [self, collect, key, cluster = t.cluster](const Result<Snapshot> &s) {
                          if (!self)
                              return;
                          if (s) {
                              RolloutState state = rolloutStatus(s->deployment);
                              if (!state.isFinal())
                                  state.problems
                                          = podProblems(s->deployment, s->replicaSets, s->pods);
                              collect->view.states.insert(cluster, state);
                              const QJsonObject tmpl = s->deployment.value(u"spec")
                                                               .toObject()
                                                               .value(u"template")
                                                               .toObject();
                              QStringList images;
                              for (const ContainerImage &i : imagesOf(tmpl))
                                  images.append(i.container + u'=' + i.image);
                              collect->view.images.insert(cluster, images.join(u", "_s));
                              collect->revisions.insert(cluster,
                                                        revisionsOf(s->deployment, s->replicaSets));
                              collect->current.insert(cluster, tmpl);
                          } else {
                              collect->view.errors.insert(cluster, s.error().message);
                          }
                          if (--collect->outstanding > 0)
                              return;
                          self->m_polling = false;
                          if (key != self->m_ns + u'/' + self->m_name)
                              return; // the operator looks at another workload now
                          collect->view.history
                                  = alignHistory(collect->revisions, collect->current);
                          collect->view.at = QDateTime::currentDateTimeUtc();
                          emit self->workloadUpdated(collect->view);
                      });
    }
}

void RolloutWorker::validate(quint64 generation, const QByteArray &yaml, const QString &source)
{
    const auto objects = loadManifest(yaml, source);
    if (!objects) {
        // "src: document 2, line 14: ..." → line 14 for the editor's marker.
        int line = 0;
        static const QRegularExpression lineNumber(u"line (\\d+)"_s);
        const auto match = lineNumber.match(objects.error().message);
        if (match.hasMatch())
            line = match.captured(1).toInt();
        emit validated(generation, objects.error().message, line, 0);
        return;
    }
    emit validated(generation, {}, 0, static_cast<int>(objects->size()));
}

void RolloutWorker::deploy(const QByteArray &yaml,
                           const QString &source,
                           const QStringList &firstWave,
                           bool pauseBetweenWaves,
                           bool dryRun)
{
    auto fail = [this](const QString &message) { emit deployFinished(false, message); };
    if (!m_session) {
        fail(tr("no federation is open"));
        return;
    }
    if (m_rollout && !m_rollout->sequencer().isFinished()) {
        fail(tr("a rollout is still running; abort it first"));
        return;
    }
    const auto objects = loadManifest(yaml, source);
    if (!objects) {
        fail(objects.error().message);
        return;
    }
    QList<Target> targets;
    MemberPlan plan;
    if (m_session->mode() == RolloutSession::Mode::Karmada) {
        if (!firstWave.isEmpty()) {
            fail(tr("waves need the Direct engine; with Karmada the PropagationPolicy decides "
                    "where the template goes"));
            return;
        }
        targets = {m_session->controlPlane()};
        plan.objects.insert(targets.first().cluster, *objects);
    } else {
        targets = *m_session->members();
        const auto planned = planMembers(*objects, m_session->clusterNames());
        if (!planned) {
            fail(planned.error().message);
            return;
        }
        plan = *planned;
        for (const QString &note : std::as_const(plan.notes))
            emit deployEvent(QString(), note, true);
    }
    QStringList clusters;
    for (const Target &t : std::as_const(targets))
        clusters.append(t.cluster);
    if (dryRun) {
        // Live object, server dry run, diff — per cluster and object, reported as events.
        auto outstanding = std::make_shared<int>(0);
        auto allOk = std::make_shared<bool>(true);
        for (const Target &t : std::as_const(targets))
            *outstanding += static_cast<int>(plan.objects.value(t.cluster).size());
        if (*outstanding == 0) {
            emit deployFinished(true, {});
            return;
        }
        QPointer<RolloutWorker> self(this);
        for (const Target &t : std::as_const(targets)) {
            for (const ManifestObject &object : plan.objects.value(t.cluster)) {
                getObject(t, object.objectPath(), [=](const Result<QJsonObject> &live) {
                    const QJsonObject current = live ? *live : QJsonObject();
                    applyObject(t, object, true, false, [=](const Result<QJsonObject> &result) {
                        if (!self)
                            return;
                        if (!result) {
                            *allOk = false;
                            emit self->deployEvent(t.cluster, result.error().message, false);
                        } else {
                            const QString label = t.cluster + u' ' + object.displayName();
                            const QString diff = unifiedDiff(current,
                                                             *result,
                                                             label + u" (live)"_s,
                                                             label + u" (after apply)"_s);
                            emit self->deployEvent(t.cluster,
                                                   diff.isEmpty()
                                                           ? object.displayName() + tr(" unchanged")
                                                           : diff,
                                                   true);
                        }
                        if (--*outstanding == 0)
                            emit self->deployFinished(*allOk, {});
                    });
                });
            }
        }
        return;
    }
    const auto waves = planWaves(clusters, firstWave);
    if (!waves) {
        fail(waves.error().message);
        return;
    }
    WaveRollout::Options options;
    options.pauseBetweenWaves = pauseBetweenWaves;
    delete m_rollout;
    m_rollout = new WaveRollout(targets, plan, *waves, options, this);
    connect(m_rollout, &WaveRollout::objectApplied, this, &RolloutWorker::deployEvent);
    connect(m_rollout, &WaveRollout::waveStarted, this, [this](int wave, const QStringList &c) {
        emit deployEvent(QString(),
                         tr("wave %1 started: %2").arg(wave + 1).arg(c.join(u", "_s)),
                         true);
    });
    connect(m_rollout,
            &WaveRollout::progress,
            this,
            [this](const QString &cluster, const QString &, const RolloutState &state) {
                emit deployProgress(cluster, state);
            });
    connect(m_rollout, &WaveRollout::waitingToContinue, this, &RolloutWorker::deployWaiting);
    connect(m_rollout, &WaveRollout::finished, this, &RolloutWorker::deployFinished);
    m_rollout->start();
}

void RolloutWorker::proceed()
{
    if (m_rollout)
        m_rollout->proceed();
}

void RolloutWorker::abort()
{
    if (m_rollout)
        m_rollout->abort();
}

void RolloutWorker::finishAction(
        const QList<Target> &targets,
        const QString &name,
        const std::function<void(const Target &, MessageCallback)> &operation)
{
    struct Collect
    {
        QMap<QString, QString> lines;
        bool ok = true;
        int outstanding = 0;
    };
    auto collect = std::make_shared<Collect>();
    collect->outstanding = static_cast<int>(targets.size());
    if (targets.isEmpty()) {
        emit actionFinished(tr("no cluster chosen"), false);
        return;
    }
    QPointer<RolloutWorker> self(this);
    QStringList order;
    for (const Target &t : targets)
        order.append(t.cluster);
    for (const Target &t : targets) {
        operation(t, [self, collect, order, name, cluster = t.cluster](const Result<QString> &r) {
            if (!self)
                return;
            if (r) {
                collect->lines.insert(cluster,
                                      cluster + u": deployment.apps/"_s + name + u' ' + *r);
            } else {
                collect->ok = false;
                collect->lines.insert(cluster, cluster + u": error: "_s + r.error().message);
            }
            if (--collect->outstanding > 0)
                return;
            QStringList lines;
            for (const QString &c : order)
                lines.append(collect->lines.value(c));
            emit self->actionFinished(lines.join(u'\n'), collect->ok);
            self->poll();
        });
    }
}

void RolloutWorker::undo(const QString &ns,
                         const QString &name,
                         const QStringList &clusters,
                         const QString &templateKey)
{
    const auto targets = targetsFor(clusters);
    if (!targets) {
        emit actionFinished(targets.error().message, false);
        return;
    }
    finishAction(*targets, name, [=](const Target &t, MessageCallback done) {
        undoDeployment(t, ns, name, 0, templateKey, false, std::move(done));
    });
}

void RolloutWorker::act(Action action,
                        const QString &ns,
                        const QString &name,
                        const QStringList &clusters)
{
    const auto targets = targetsFor(clusters);
    if (!targets) {
        emit actionFinished(targets.error().message, false);
        return;
    }
    PatchBuilder build;
    switch (action) {
    case Action::Pause: build = pausePatch; break;
    case Action::Resume: build = resumePatch; break;
    case Action::Restart: {
        const QDateTime now = QDateTime::currentDateTime();
        build = [now](const QJsonObject &d) { return restartPatch(d, now); };
        break;
    }
    }
    finishAction(*targets, name, [=](const Target &t, MessageCallback done) {
        patchDeployment(t, ns, name, build, false, std::move(done));
    });
}

void RolloutWorker::change(const QString &ns,
                           const QString &name,
                           const QStringList &clusters,
                           const WorkloadChange &change)
{
    const auto targets = targetsFor(clusters);
    if (!targets) {
        emit actionFinished(targets.error().message, false);
        return;
    }
    if (!change.totalReplicas) {
        finishAction(*targets, name, [=](const Target &t, MessageCallback done) {
            patchDeployment(
                    t,
                    ns,
                    name,
                    [change](const QJsonObject &d) {
                        return changePatch(d, change.images, change.env, std::nullopt);
                    },
                    false,
                    std::move(done));
        });
        return;
    }
    // Replicas: read every chosen member first, then plan the total like apply does.
    struct Collect
    {
        QMap<QString, QJsonObject> deployments;
        int outstanding = 0;
    };
    auto collect = std::make_shared<Collect>();
    collect->outstanding = static_cast<int>(targets->size());
    QPointer<RolloutWorker> self(this);
    const QList<Target> list = *targets;
    for (const Target &t : list) {
        getObject(
                t,
                deploymentPath(ns, name),
                [=, cluster = t.cluster](const Result<QJsonObject> &d) {
                    if (!self)
                        return;
                    if (d)
                        collect->deployments.insert(cluster, *d);
                    if (--collect->outstanding > 0)
                        return;
                    ReplicaPreferences prefs = ReplicaPreferences::evenSpread();
                    QMap<QString, qint64> current;
                    QStringList clusters;
                    for (auto it = collect->deployments.cbegin(); it != collect->deployments.cend();
                         ++it) {
                        clusters.append(it.key());
                        current.insert(it.key(),
                                       it->value(u"spec")
                                               .toObject()
                                               .value(u"replicas")
                                               .toInteger());
                        const QString annotation
                                = it->value(u"metadata")
                                          .toObject()
                                          .value(u"annotations")
                                          .toObject()
                                          .value(u"federation.kubernetes.io/deployment-preferences")
                                          .toString();
                        if (!annotation.isEmpty()) {
                            const auto parsed = Placement::PreferencesDocument::parseAnnotation(
                                    annotation.toUtf8());
                            if (parsed)
                                prefs = parsed->preferences();
                        }
                    }
                    const PlanResult plan = planFederation(prefs,
                                                           *change.totalReplicas,
                                                           clusters,
                                                           current,
                                                           {},
                                                           ns + u'/' + name);
                    self->finishAction(list, name, [=](const Target &target, MessageCallback done) {
                        const qint64 replicas = plan.plan.value(target.cluster);
                        patchDeployment(
                                target,
                                ns,
                                name,
                                [change, replicas](const QJsonObject &deployment) {
                                    return changePatch(deployment,
                                                       change.images,
                                                       change.env,
                                                       replicas);
                                },
                                false,
                                std::move(done));
                    });
                });
    }
}

} // namespace Meridian::Rollout

#include "cli.h"
#include "output.h"
#include "rolloutcommon.h"

#include "rollout/history.h"
#include "rollout/rolloutpatches.h"
#include "rollout/rolloutstatus.h"
#include "rollout/undo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Meridian::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Cli", text);
}

using Outcomes = QMap<QString, Result<QString>>;

// Runs one per-cluster operation on every target at once and waits for all of them.
Outcomes forEachTarget(
        const QList<Rollout::Target> &targets,
        const std::function<void(const Rollout::Target &, Rollout::MessageCallback)> &operation)
{
    Outcomes outcomes;
    runUntilDone([&](const std::function<void()> &finish) {
        auto outstanding = std::make_shared<int>(static_cast<int>(targets.size()));
        for (const Rollout::Target &t : targets) {
            operation(t, [&, cluster = t.cluster, outstanding, finish](const Result<QString> &r) {
                outcomes.insert(cluster, r);
                if (--*outstanding == 0)
                    finish();
            });
        }
    });
    return outcomes;
}

// kubectl's lines, one per cluster: "cluster-01: deployment.apps/web paused" or
// "cluster-01: error: ...". Exit 1 when any cluster failed.
int printOutcomes(const QList<Rollout::Target> &targets,
                  const Outcomes &outcomes,
                  const QString &name,
                  QTextStream &out,
                  QTextStream &err)
{
    bool ok = true;
    for (const Rollout::Target &t : targets) {
        const Result<QString> &r = outcomes.value(t.cluster, Error{u"Internal"_s, tr("no answer")});
        if (r) {
            out << t.cluster << ": deployment.apps/" << name << ' ' << *r << '\n';
        } else {
            ok = false;
            if (r.error().code == u"NotFound" && r.error().message.startsWith(u"deployments.apps"))
                err << t.cluster << ": Error from server (NotFound): " << r.error().message << '\n';
            else
                err << t.cluster << ": error: " << r.error().message << '\n';
        }
    }
    return ok ? ExitOk : ExitFailure;
}

int runStatus(const QList<Rollout::Target> &targets,
              const QString &ns,
              const QString &name,
              qint64 revision,
              bool watch,
              int timeoutMs,
              QTextStream &out,
              QTextStream &err)
{
    struct ClusterWatch
    {
        QString last;
        bool finished = false;
        bool failed = false;
        bool polling = false;
    };
    QMap<QString, ClusterWatch> watches;
    for (const Rollout::Target &t : targets)
        watches.insert(t.cluster, {});
    QTimer timer;
    timer.setInterval(500);
    auto pollAll = [&](const std::function<void()> &finish) {
        for (const Rollout::Target &t : targets) {
            ClusterWatch &w = watches[t.cluster];
            if (w.finished || w.polling)
                continue;
            w.polling = true;
            Rollout::fetchSnapshot(
                    t,
                    ns,
                    name,
                    true,
                    [&, cluster = t.cluster, finish](const Result<Rollout::Snapshot> &s) {
                        ClusterWatch &cw = watches[cluster];
                        cw.polling = false;
                        QString line;
                        if (!s) {
                            cw.finished = true;
                            cw.failed = true;
                            line = s.error().code == u"NotFound"
                                           ? QString(u"Error from server (NotFound): "_s
                                                     + s.error().message)
                                           : QString(u"error: "_s + s.error().message);
                        } else {
                            Rollout::RolloutState state
                                    = Rollout::rolloutStatus(s->deployment, revision);
                            line = state.message;
                            if (state.phase == Rollout::RolloutState::Phase::Failed)
                                line = u"error: "_s + line;
                            if (!state.isFinal())
                                state.problems = Rollout::podProblems(s->deployment,
                                                                      s->replicaSets,
                                                                      s->pods);
                            if (!state.problems.isEmpty())
                                line += u"\n"_s + cluster + u": "_s
                                        + tr("warning: %1").arg(state.problemSummary());
                            cw.finished = state.isFinal() || !watch;
                            cw.failed = state.phase == Rollout::RolloutState::Phase::Failed;
                        }
                        if (line != cw.last) {
                            (cw.failed ? err : out) << cluster << ": " << line << '\n';
                            out.flush();
                            cw.last = line;
                        }
                        bool all = true;
                        for (const ClusterWatch &x : std::as_const(watches))
                            all = all && x.finished;
                        if (all)
                            finish();
                    });
        }
    };
    const bool finished = runUntilDone(
            [&](const std::function<void()> &finish) {
                QObject::connect(&timer, &QTimer::timeout, &timer, [&, finish] {
                    pollAll(finish);
                });
                timer.start();
                pollAll(finish);
            },
            timeoutMs);
    timer.stop();
    if (!finished) {
        err << tr("error: timed out waiting for the condition\n");
        return ExitFailure;
    }
    for (const ClusterWatch &w : std::as_const(watches)) {
        if (w.failed)
            return ExitFailure;
    }
    return ExitOk;
}

int runHistory(const QList<Rollout::Target> &targets,
               const QString &ns,
               const QString &name,
               QTextStream &out,
               QTextStream &err)
{
    QMap<QString, Result<Rollout::Snapshot>> snapshots;
    runUntilDone([&](const std::function<void()> &finish) {
        auto outstanding = std::make_shared<int>(static_cast<int>(targets.size()));
        for (const Rollout::Target &t : targets) {
            Rollout::fetchSnapshot(t,
                                   ns,
                                   name,
                                   false,
                                   [&, cluster = t.cluster, outstanding, finish](
                                           const Result<Rollout::Snapshot> &s) {
                                       snapshots.insert(cluster, s);
                                       if (--*outstanding == 0)
                                           finish();
                                   });
        }
    });
    bool ok = true;
    QMap<QString, QList<Rollout::Revision>> byCluster;
    QMap<QString, QJsonObject> current;
    for (const Rollout::Target &t : targets) {
        const Result<Rollout::Snapshot> &s = snapshots.value(t.cluster, Error{u"Internal"_s, {}});
        if (!s) {
            ok = false;
            err << t.cluster << ": Error from server (" << s.error().code
                << "): " << s.error().message << '\n';
            continue;
        }
        byCluster.insert(t.cluster, Rollout::revisionsOf(s->deployment, s->replicaSets));
        current.insert(t.cluster,
                       s->deployment.value(u"spec").toObject().value(u"template").toObject());
    }
    if (targets.size() == 1) {
        // One cluster: exactly what kubectl prints.
        if (byCluster.contains(targets.first().cluster))
            out << Rollout::formatHistory(name, byCluster.value(targets.first().cluster));
        return ok ? ExitOk : ExitFailure;
    }
    if (byCluster.isEmpty())
        return ExitFailure;
    // Aligned by pod template: one row per template, each cluster's own revision number,
    // "*" where the cluster runs that template now.
    const QList<Rollout::AlignedRevision> rows = Rollout::alignHistory(byCluster, current);
    out << "deployment.apps/" << name << '\n';
    QStringList header{tr("ROW")};
    for (auto it = byCluster.cbegin(); it != byCluster.cend(); ++it)
        header.append(it.key().toUpper());
    header += QStringList{tr("IMAGES"), tr("CHANGE-CAUSE")};
    QList<QStringList> table;
    int index = 0;
    for (const Rollout::AlignedRevision &row : rows) {
        QStringList cells{QString::number(++index)};
        for (auto it = byCluster.cbegin(); it != byCluster.cend(); ++it) {
            const qint64 n = row.revisionIn(it.key());
            QString cell = n == 0 ? u"-"_s : QString::number(n);
            if (row.currentIn.contains(it.key()))
                cell += u'*';
            cells.append(cell);
        }
        cells.append(row.imagesText());
        cells.append(row.changeCause.isEmpty() ? u"<none>"_s : row.changeCause);
        table.append(cells);
    }
    if (rows.isEmpty())
        out << "No rollout history found.\n";
    else
        printRows(header, table, out);
    return ok ? ExitOk : ExitFailure;
}

// Karmada: rolls back the control plane's template (the members follow) to the template of a
// member's revision, read through the cluster proxy.
void karmadaUndo(const Rollout::Target &controlPlane,
                 const QList<Rollout::Target> &members,
                 const QString &ns,
                 const QString &name,
                 qint64 toRevision,
                 bool dryRun,
                 Rollout::MessageCallback done)
{
    Rollout::getObject(
            controlPlane,
            Rollout::deploymentPath(ns, name),
            [=](const Result<QJsonObject> &templateObject) {
                if (!templateObject) {
                    done(templateObject.error());
                    return;
                }
                // Tries the members in turn; held only by the callback in flight.
                auto tryMember = std::make_shared<std::function<void(int)>>();
                std::weak_ptr<std::function<void(int)>> weak = tryMember;
                *tryMember = [=](int i) {
                    const std::shared_ptr<std::function<void(int)>> self = weak.lock();
                    if (!self)
                        return;
                    if (i >= members.size()) {
                        done(Error{u"NotFound"_s,
                                   u"no rollout history found for deployment \"%1\""_s.arg(name)});
                        return;
                    }
                    Rollout::fetchSnapshot(
                            members.at(i),
                            ns,
                            name,
                            false,
                            [=](const Result<Rollout::Snapshot> &s) {
                                if (!s) {
                                    (*self)(i + 1);
                                    return;
                                }
                                // The member's history, judged against the control plane's
                                // Deployment.
                                QJsonObject deployment = *templateObject;
                                QJsonObject metadata = deployment.value(u"metadata").toObject();
                                metadata.insert(u"uid"_s,
                                                s->deployment.value(u"metadata")
                                                        .toObject()
                                                        .value(u"uid"));
                                deployment.insert(u"metadata"_s, metadata);
                                const Result<Rollout::UndoPlan> plan
                                        = Rollout::planUndo(deployment, s->replicaSets, toRevision);
                                if (!plan) {
                                    done(plan.error());
                                    return;
                                }
                                if (plan->skipped) {
                                    done(plan->message);
                                    return;
                                }
                                const QString message = plan->message;
                                // The member's ReplicaSet carries what Karmada stamped on the
                                // member Deployment; the template keeps its own.
                                QJsonArray patch = QJsonDocument::fromJson(plan->patch).array();
                                QJsonObject op = patch.at(1).toObject();
                                QJsonObject annotations = op.value(u"value").toObject();
                                for (const QString &key : annotations.keys()) {
                                    if (key.contains(u"karmada.io/"))
                                        annotations.remove(key);
                                }
                                op.insert(u"value"_s, annotations);
                                // A template no controller annotates may have none at all:
                                // "replace" needs the member to exist, "add" sets it either way.
                                if (!metadata.contains(u"annotations"))
                                    op.insert(u"op"_s, u"add"_s);
                                patch.replace(1, op);
                                Rollout::patchObject(controlPlane,
                                                     Rollout::deploymentPath(ns, name),
                                                     Rollout::jsonPatch,
                                                     QJsonDocument(patch).toJson(
                                                             QJsonDocument::Compact),
                                                     dryRun,
                                                     [=](const Result<QJsonObject> &patched) {
                                                         if (!patched)
                                                             done(patched.error());
                                                         else
                                                             done(message);
                                                     });
                            });
                };
                (*tryMember)(0);
            });
}

} // namespace

int runRollout(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Manage the rollout of a federated Deployment on every member cluster (or those "
               "named with --clusters), with kubectl's semantics per cluster.\n\n"
               "  status    wait until each cluster's rollout is done (or failed)\n"
               "  history   revisions aligned by pod template across clusters\n"
               "  undo      roll back to the previous revision (or --to-revision, --to-row)\n"
               "  pause     stop rolling out template changes\n"
               "  resume    roll out again\n"
               "  restart   restart every pod (kubectl.kubernetes.io/restartedAt)"));
    parser.addPositionalArgument(u"action"_s,
                                 tr("status, history, undo, pause, resume or restart"));
    parser.addPositionalArgument(u"workload"_s, tr("NAMESPACE/NAME of the Deployment"));
    const QCommandLineOption toRevisionOption(u"to-revision"_s,
                                              tr("undo: the revision to roll back to in each "
                                                 "cluster (0: the previous one)."),
                                              tr("N"),
                                              u"0"_s);
    const QCommandLineOption toRowOption(u"to-row"_s,
                                         tr("undo: the row of the aligned history (its pod "
                                            "template); each cluster rolls back to its own "
                                            "revision of it."),
                                         tr("ROW"));
    const QCommandLineOption revisionOption(u"revision"_s,
                                            tr("status: require this revision."),
                                            tr("N"),
                                            u"0"_s);
    const QCommandLineOption watchOption(u"watch"_s,
                                         tr("status: keep watching until done (default true)."),
                                         tr("bool"),
                                         u"true"_s);
    const QCommandLineOption timeoutOption(u"timeout"_s,
                                           tr("status: give up after this many seconds."),
                                           tr("seconds"));
    const QCommandLineOption dryRunOption(u"dry-run"_s,
                                          tr("\"server\": send with dryRun=All."),
                                          tr("mode"));
    RolloutTargetOptions targetOptions;
    parser.addOptions({toRevisionOption,
                       toRowOption,
                       revisionOption,
                       watchOption,
                       timeoutOption,
                       dryRunOption});
    targetOptions.addTo(parser);
    if (const std::optional<int> answered
        = parseCommandLine(parser, QStringLiteral("rollout"), args, out, err))
        return *answered;
    const QStringList positional = parser.positionalArguments();
    static const QStringList actions{u"status"_s,
                                     u"history"_s,
                                     u"undo"_s,
                                     u"pause"_s,
                                     u"resume"_s,
                                     u"restart"_s};
    if (positional.size() != 2 || !actions.contains(positional.first())) {
        err << tr("meridianctl rollout: usage: rollout status|history|undo|pause|resume|restart "
                  "NAMESPACE/NAME [options]\n");
        return ExitUsage;
    }
    const QString action = positional.first();
    const auto ref = parseWorkloadRef(positional.at(1));
    if (!ref) {
        err << tr("meridianctl rollout: \"%1\" is not NAMESPACE/NAME\n").arg(positional.at(1));
        return ExitUsage;
    }
    const auto &[ns, name] = *ref;
    bool numberOk = false;
    const qint64 toRevision = parser.value(toRevisionOption).toLongLong(&numberOk);
    if (!numberOk) {
        err << tr("meridianctl rollout: --to-revision must be a number\n");
        return ExitUsage;
    }
    const qint64 revision = parser.value(revisionOption).toLongLong(&numberOk);
    if (!numberOk) {
        err << tr("meridianctl rollout: --revision must be a number\n");
        return ExitUsage;
    }
    if (parser.isSet(dryRunOption) && parser.value(dryRunOption) != u"server") {
        err << tr("meridianctl rollout: --dry-run must be \"server\"\n");
        return ExitUsage;
    }
    const bool dryRun = parser.isSet(dryRunOption);

    std::unique_ptr<Rollout::RolloutSession> session
            = openRolloutSession(parser, targetOptions, u"rollout"_s, err);
    if (!session)
        return ExitFailure;
    const auto selected = selectedTargets(parser, targetOptions, *session);
    if (!selected) {
        err << "meridianctl rollout: " << selected.error().message << '\n';
        return ExitUsage;
    }
    const QList<Rollout::Target> targets = *selected;
    const bool karmada = session->mode() == Rollout::RolloutSession::Mode::Karmada;

    if (action == u"status") {
        const int timeoutMs
                = parser.isSet(timeoutOption) ? parser.value(timeoutOption).toInt() * 1000 : 0;
        return runStatus(targets,
                         ns,
                         name,
                         revision,
                         parser.value(watchOption) != u"false",
                         timeoutMs,
                         out,
                         err);
    }
    if (action == u"history")
        return runHistory(targets, ns, name, out, err);

    if (action == u"undo") {
        if (karmada) {
            Result<QString> result = Error{u"Internal"_s, {}};
            runUntilDone([&](const std::function<void()> &finish) {
                karmadaUndo(session->controlPlane(),
                            targets,
                            ns,
                            name,
                            toRevision,
                            dryRun,
                            [&, finish](const Result<QString> &r) {
                                result = r;
                                finish();
                            });
            });
            const Rollout::Target cp = session->controlPlane();
            return printOutcomes({cp}, Outcomes{{cp.cluster, result}}, name, out, err);
        }
        QString templateKey;
        if (parser.isSet(toRowOption)) {
            // The row's pod template, from the aligned history of the selected clusters.
            QMap<QString, QList<Rollout::Revision>> byCluster;
            runUntilDone([&](const std::function<void()> &finish) {
                auto outstanding = std::make_shared<int>(static_cast<int>(targets.size()));
                for (const Rollout::Target &t : targets) {
                    Rollout::fetchSnapshot(t,
                                           ns,
                                           name,
                                           false,
                                           [&, cluster = t.cluster, outstanding, finish](
                                                   const Result<Rollout::Snapshot> &s) {
                                               if (s)
                                                   byCluster.insert(
                                                           cluster,
                                                           Rollout::revisionsOf(s->deployment,
                                                                                s->replicaSets));
                                               if (--*outstanding == 0)
                                                   finish();
                                           });
                }
            });
            const QList<Rollout::AlignedRevision> rows = Rollout::alignHistory(byCluster);
            const int row = parser.value(toRowOption).toInt(&numberOk);
            if (!numberOk || row < 1 || row > rows.size()) {
                err << tr("meridianctl rollout: --to-row must be a row of `rollout history` "
                          "(1 to %1)\n")
                                .arg(rows.size());
                return ExitUsage;
            }
            templateKey = rows.at(row - 1).templateKey;
        }
        const Outcomes outcomes
                = forEachTarget(targets,
                                [&](const Rollout::Target &t, Rollout::MessageCallback done) {
                                    Rollout::undoDeployment(t,
                                                            ns,
                                                            name,
                                                            toRevision,
                                                            templateKey,
                                                            dryRun,
                                                            std::move(done));
                                });
        return printOutcomes(targets, outcomes, name, out, err);
    }

    Rollout::PatchBuilder build;
    if (action == u"pause")
        build = Rollout::pausePatch;
    else if (action == u"resume")
        build = Rollout::resumePatch;
    else {
        const QDateTime now = QDateTime::currentDateTime();
        build = [now](const QJsonObject &d) { return Rollout::restartPatch(d, now); };
    }
    const QList<Rollout::Target> patchTargets
            = karmada ? QList<Rollout::Target>{session->controlPlane()} : targets;
    const Outcomes outcomes
            = forEachTarget(patchTargets,
                            [&](const Rollout::Target &t, Rollout::MessageCallback done) {
                                Rollout::patchDeployment(t,
                                                         ns,
                                                         name,
                                                         build,
                                                         dryRun,
                                                         std::move(done));
                            });
    return printOutcomes(patchTargets, outcomes, name, out, err);
}

int runSet(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Change a federated Deployment's images on every member cluster (or those named "
               "with --clusters), as kubectl set image does; this starts a rollout."));
    parser.addPositionalArgument(u"image"_s, tr("the word \"image\""));
    parser.addPositionalArgument(u"workload"_s, tr("NAMESPACE/NAME of the Deployment"));
    parser.addPositionalArgument(u"CONTAINER=IMAGE"_s, tr("one or more container images"));
    const QCommandLineOption dryRunOption(u"dry-run"_s,
                                          tr("\"server\": send with dryRun=All."),
                                          tr("mode"));
    RolloutTargetOptions targetOptions;
    parser.addOption(dryRunOption);
    targetOptions.addTo(parser);
    if (const std::optional<int> answered
        = parseCommandLine(parser, QStringLiteral("set"), args, out, err))
        return *answered;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 3 || positional.first() != u"image") {
        err << tr(
                "meridianctl set: usage: set image NAMESPACE/NAME CONTAINER=IMAGE... [options]\n");
        return ExitUsage;
    }
    const auto ref = parseWorkloadRef(positional.at(1));
    if (!ref) {
        err << tr("meridianctl set: \"%1\" is not NAMESPACE/NAME\n").arg(positional.at(1));
        return ExitUsage;
    }
    QList<ContainerImage> images;
    for (const QString &pair : positional.mid(2)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0 || eq == pair.size() - 1) {
            err << tr("meridianctl set: \"%1\" is not CONTAINER=IMAGE\n").arg(pair);
            return ExitUsage;
        }
        images.append({pair.left(eq), pair.mid(eq + 1)});
    }
    if (parser.isSet(dryRunOption) && parser.value(dryRunOption) != u"server") {
        err << tr("meridianctl set: --dry-run must be \"server\"\n");
        return ExitUsage;
    }
    std::unique_ptr<Rollout::RolloutSession> session
            = openRolloutSession(parser, targetOptions, u"set"_s, err);
    if (!session)
        return ExitFailure;
    const auto selected = selectedTargets(parser, targetOptions, *session);
    if (!selected) {
        err << "meridianctl set: " << selected.error().message << '\n';
        return ExitUsage;
    }
    const QList<Rollout::Target> targets = session->mode() == Rollout::RolloutSession::Mode::Karmada
                                                   ? QList<Rollout::Target>{session->controlPlane()}
                                                   : *selected;
    const auto &[ns, name] = *ref;
    const bool dryRun = parser.isSet(dryRunOption);
    const Outcomes outcomes
            = forEachTarget(targets, [&](const Rollout::Target &t, Rollout::MessageCallback done) {
                  Rollout::patchDeployment(
                          t,
                          ns,
                          name,
                          [images](const QJsonObject &d) {
                              return Rollout::setImagePatch(d, images);
                          },
                          dryRun,
                          std::move(done));
              });
    return printOutcomes(targets, outcomes, name, out, err);
}

} // namespace Meridian::Cli

#include "cli.h"
#include "output.h"
#include "rolloutcommon.h"

#include "rollout/manifest.h"
#include "rollout/memberplan.h"
#include "rollout/objectdiff.h"
#include "rollout/waverollout.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>

#include <memory>

using namespace Qt::StringLiterals;

namespace Meridian::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Cli", text);
}

Result<QList<Rollout::ManifestObject>> readManifests(const QStringList &files, const QString &ns)
{
    QList<Rollout::ManifestObject> all;
    for (const QString &name : files) {
        QFile file;
        QByteArray text;
        if (name == u"-") {
            if (!file.open(stdin, QIODevice::ReadOnly))
                return Error{u"IOError"_s, tr("cannot read standard input")};
            text = file.readAll();
        } else {
            file.setFileName(name);
            if (!file.open(QIODevice::ReadOnly))
                return Error{u"IOError"_s, tr("cannot read %1: %2").arg(name, file.errorString())};
            text = file.readAll();
        }
        Result<QList<Rollout::ManifestObject>> objects
                = Rollout::loadManifest(text, name == u"-" ? u"<stdin>"_s : name, ns);
        if (!objects)
            return objects.error();
        all += *objects;
    }
    return all;
}

// Server dry run of every object on one target, with a diff against the live object.
void dryRunTarget(const Rollout::Target &target,
                  const QList<Rollout::ManifestObject> &objects,
                  bool force,
                  std::function<void(const QString &text, bool ok)> done)
{
    struct Run
    {
        QString text;
        bool ok = true;
        int next = 0;
    };
    auto run = std::make_shared<Run>();
    // The step holds itself only through the callbacks in flight, so it ends with the last one.
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [=] {
        const std::shared_ptr<std::function<void()>> self = weak.lock();
        if (!self)
            return;
        if (run->next >= objects.size()) {
            done(run->text, run->ok);
            return;
        }
        const Rollout::ManifestObject object = objects.at(run->next++);
        Rollout::getObject(target, object.objectPath(), [=](const Result<QJsonObject> &live) {
            if (!live && live.error().code != u"NotFound") {
                run->text += target.cluster + u": "_s + object.displayName() + u": "_s
                             + live.error().message + u'\n';
                run->ok = false;
                (*self)();
                return;
            }
            const QJsonObject current = live ? *live : QJsonObject();
            Rollout::applyObject(
                    target, object, true, force, [=](const Result<QJsonObject> &result) {
                        if (!result) {
                            run->text += target.cluster + u": Error from server ("_s
                                         + result.error().code + u"): "_s + result.error().message
                                         + u'\n';
                            run->ok = false;
                        } else {
                            const QString label = target.cluster + u' ' + object.displayName();
                            run->text += Rollout::unifiedDiff(current,
                                                              *result,
                                                              label
                                                                      + (current.isEmpty()
                                                                                 ? u" (none)"_s
                                                                                 : u" (live)"_s),
                                                              label + u" (after apply)"_s);
                            run->text += target.cluster + u": "_s + object.displayName()
                                         + (current.isEmpty() ? u" created"_s
                                            : Rollout::comparable(current)
                                                            == Rollout::comparable(*result)
                                                    ? u" unchanged"_s
                                                    : u" serverside-applied"_s)
                                         + u" (server dry run)\n"_s;
                        }
                        (*self)();
                    });
        });
    };
    (*step)();
}

} // namespace

int runApply(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Apply a multi-document YAML manifest to the federation with server-side apply. "
               "Direct engine: to every member, each Deployment with its planned replicas "
               "(spec.replicas is the federation total, divided by the "
               "federation.kubernetes.io/deployment-preferences annotation, or evenly). Karmada "
               "engine: to the control plane, PropagationPolicies included."));
    const QCommandLineOption fileOption({u"f"_s, u"filename"_s},
                                        tr("The manifest (YAML or JSON; - for standard input). "
                                           "Repeat for more."),
                                        tr("file"));
    const QCommandLineOption dryRunOption(u"dry-run"_s,
                                          tr("\"server\": send with dryRun=All and show the diff "
                                             "against the live objects; nothing is changed."),
                                          tr("mode"));
    const QCommandLineOption wavesOption(u"waves"_s,
                                         tr("Roll out in waves: these clusters first, then the "
                                            "rest once they are Available within their progress "
                                            "deadline."),
                                         tr("c1,c2"));
    const QCommandLineOption waitOption(u"wait"_s,
                                        tr("Wait until every Deployment is Available (implied by "
                                           "--waves)."));
    const QCommandLineOption timeoutOption(u"timeout"_s,
                                           tr("Give up waiting after this many seconds (default: "
                                              "none; each wave is bounded by its progress "
                                              "deadline)."),
                                           tr("seconds"));
    const QCommandLineOption forceOption(u"force-conflicts"_s,
                                         tr("Take over fields another manager owns."));
    const QCommandLineOption namespaceOption({u"n"_s, u"namespace"_s},
                                             tr("Namespace for objects that name none (default: "
                                                "default)."),
                                             tr("namespace"),
                                             u"default"_s);
    RolloutTargetOptions targets;
    parser.addOptions({fileOption,
                       dryRunOption,
                       wavesOption,
                       waitOption,
                       timeoutOption,
                       forceOption,
                       namespaceOption});
    targets.addTo(parser);
    if (const std::optional<int> answered
        = parseCommandLine(parser, QStringLiteral("apply"), args, out, err))
        return *answered;
    if (!parser.isSet(fileOption)) {
        err << tr("meridianctl apply: say what to apply with -f FILE\n");
        return ExitUsage;
    }
    const bool dryRun = parser.isSet(dryRunOption);
    if (dryRun && parser.value(dryRunOption) != u"server") {
        err << tr("meridianctl apply: --dry-run must be \"server\" (the API server checks and "
                  "defaults the objects without storing them)\n");
        return ExitUsage;
    }
    QStringList firstWave;
    for (const QString &v : parser.values(wavesOption))
        firstWave += v.split(u',', Qt::SkipEmptyParts);
    if (parser.isSet(wavesOption) && firstWave.isEmpty()) {
        err << tr("meridianctl apply: --waves needs at least one cluster\n");
        return ExitUsage;
    }
    const bool karmada = parser.value(targets.engine) == u"karmada";
    if (karmada && !firstWave.isEmpty()) {
        err << tr("meridianctl apply: --waves needs the Direct engine; with Karmada, the "
                  "PropagationPolicy decides where the template goes\n");
        return ExitUsage;
    }

    const auto objects = readManifests(parser.values(fileOption), parser.value(namespaceOption));
    if (!objects) {
        err << "error: " << objects.error().message << '\n';
        return ExitFailure;
    }
    std::unique_ptr<Rollout::RolloutSession> session
            = openRolloutSession(parser, targets, u"apply"_s, err);
    if (!session)
        return ExitFailure;

    QList<Rollout::Target> members;
    Rollout::MemberPlan plan;
    if (karmada) {
        members = {session->controlPlane()};
        plan.objects.insert(members.first().cluster, *objects);
    } else {
        const auto selected = selectedTargets(parser, targets, *session);
        if (!selected) {
            err << "meridianctl apply: " << selected.error().message << '\n';
            return ExitUsage;
        }
        members = *selected;
        QStringList clusters;
        for (const Rollout::Target &t : members)
            clusters.append(t.cluster);
        const auto planned = Rollout::planMembers(*objects, clusters);
        if (!planned) {
            err << "error: " << planned.error().message << '\n';
            return ExitFailure;
        }
        plan = *planned;
        for (const QString &note : std::as_const(plan.notes))
            err << tr("note: %1\n").arg(note);
    }
    QStringList clusters;
    for (const Rollout::Target &t : std::as_const(members))
        clusters.append(t.cluster);

    if (dryRun) {
        QMap<QString, std::pair<QString, bool>> results;
        runUntilDone([&](const std::function<void()> &finish) {
            auto outstanding = std::make_shared<int>(static_cast<int>(members.size()));
            for (const Rollout::Target &t : std::as_const(members)) {
                dryRunTarget(t,
                             plan.objects.value(t.cluster),
                             parser.isSet(forceOption),
                             [&, t, outstanding, finish](const QString &text, bool ok) {
                                 results.insert(t.cluster, {text, ok});
                                 if (--*outstanding == 0)
                                     finish();
                             });
            }
        });
        bool ok = true;
        for (const QString &c : std::as_const(clusters)) {
            out << results.value(c).first;
            ok = ok && results.value(c).second;
        }
        return ok ? ExitOk : ExitFailure;
    }

    const auto waves = Rollout::planWaves(clusters, firstWave);
    if (!waves) {
        err << "meridianctl apply: " << waves.error().message << '\n';
        return ExitUsage;
    }
    Rollout::WaveRollout::Options options;
    options.wait = !firstWave.isEmpty() || parser.isSet(waitOption);
    options.forceConflicts = parser.isSet(forceOption);
    Rollout::WaveRollout rollout(members, plan, *waves, options);
    QHash<QString, QString> lastLine;
    QObject::connect(&rollout,
                     &Rollout::WaveRollout::waveStarted,
                     &rollout,
                     [&](int wave, const QStringList &started) {
                         if (waves->size() > 1)
                             out << tr("wave %1: %2\n").arg(wave + 1).arg(started.join(u", "_s));
                         out.flush();
                     });
    QObject::connect(&rollout,
                     &Rollout::WaveRollout::objectApplied,
                     &rollout,
                     [&](const QString &cluster, const QString &line, bool ok) {
                         (ok ? out : err) << cluster << ": " << line << '\n';
                         out.flush();
                     });
    QObject::connect(&rollout,
                     &Rollout::WaveRollout::progress,
                     &rollout,
                     [&](const QString &cluster,
                         const QString &,
                         const Rollout::RolloutState &state) {
                         QString line = state.message;
                         if (!state.problems.isEmpty())
                             line += u"\n"_s + cluster + u": "_s
                                     + tr("warning: %1").arg(state.problemSummary());
                         if (lastLine.value(cluster) == line)
                             return;
                         lastLine.insert(cluster, line);
                         out << cluster << ": " << line << '\n';
                         out.flush();
                     });
    bool ok = false;
    QString failure;
    const int timeoutMs
            = parser.isSet(timeoutOption) ? parser.value(timeoutOption).toInt() * 1000 : 0;
    const bool finished = runUntilDone(
            [&](const std::function<void()> &finish) {
                QObject::connect(&rollout,
                                 &Rollout::WaveRollout::finished,
                                 &rollout,
                                 [&, finish](bool success, const QString &message) {
                                     ok = success;
                                     failure = message;
                                     finish();
                                 });
                rollout.start();
            },
            timeoutMs);
    if (!finished) {
        rollout.abort();
        err << tr("error: timed out waiting for the rollout; not started: %1\n")
                        .arg(rollout.sequencer().notStarted().join(u", "_s));
        return ExitFailure;
    }
    if (!ok) {
        err << "error: " << failure << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace Meridian::Cli

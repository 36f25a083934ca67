#include "rolloutcommon.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Meridian::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Cli", text);
}

} // namespace

RolloutTargetOptions::RolloutTargetOptions()
    : kubeconfig(u"kubeconfig"_s,
                 QCoreApplication::translate(
                         "Meridian::Cli",
                         "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)."),
                 QCoreApplication::translate("Meridian::Cli", "file"))
    , context(u"context"_s,
              QCoreApplication::translate(
                      "Meridian::Cli",
                      "A member context (Direct; repeat for more, default: all) or the Karmada "
                      "control plane's context (default: karmada)."),
              QCoreApplication::translate("Meridian::Cli", "name"))
    , clusters(u"clusters"_s,
               QCoreApplication::translate(
                       "Meridian::Cli",
                       "Only these member clusters, comma-separated (default: all)."),
               QCoreApplication::translate("Meridian::Cli", "c1,c2"))
    , engine(u"engine"_s,
             QCoreApplication::translate("Meridian::Cli", "Federation engine: direct or karmada."),
             QCoreApplication::translate("Meridian::Cli", "engine"),
             u"direct"_s)
{}

void RolloutTargetOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({kubeconfig, context, clusters, engine});
}

std::unique_ptr<Rollout::RolloutSession> openRolloutSession(const QCommandLineParser &parser,
                                                            const RolloutTargetOptions &options,
                                                            const QString &command,
                                                            QTextStream &err)
{
    const QString engine = parser.value(options.engine);
    if (engine != u"direct" && engine != u"karmada") {
        err << tr("meridianctl %1: unknown engine \"%2\" (use direct or karmada)\n")
                        .arg(command, engine);
        return nullptr;
    }
    const auto mode = engine == u"karmada" ? Rollout::RolloutSession::Mode::Karmada
                                           : Rollout::RolloutSession::Mode::Direct;
    auto session = Rollout::RolloutSession::open(Kube::LoadOptions::fromEnvironment(
                                                         parser.value(options.kubeconfig)),
                                                 parser.values(options.context),
                                                 mode);
    if (!session) {
        err << "meridianctl " << command << ": " << session.error().message << '\n';
        return nullptr;
    }
    std::unique_ptr<Rollout::RolloutSession> opened = std::move(*session);
    if (mode == Rollout::RolloutSession::Mode::Karmada) {
        Status discovered = succeeded();
        const bool finished = runUntilDone(
                [&](const std::function<void()> &finish) {
                    opened->discoverMembers([&, finish](const Status &status) {
                        discovered = status;
                        finish();
                    });
                },
                30000);
        if (!finished || !discovered) {
            err << "meridianctl " << command << ": "
                << (finished ? discovered.error().message
                             : tr("the Karmada control plane did not answer within 30 s"))
                << '\n';
            return nullptr;
        }
    }
    return opened;
}

Result<QList<Rollout::Target>> selectedTargets(const QCommandLineParser &parser,
                                               const RolloutTargetOptions &options,
                                               const Rollout::RolloutSession &session)
{
    QStringList only;
    for (const QString &value : parser.values(options.clusters))
        only += value.split(u',', Qt::SkipEmptyParts);
    return session.members(only);
}

std::optional<std::pair<QString, QString>> parseWorkloadRef(const QString &text)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() == 1 && !parts.first().isEmpty())
        return std::pair{u"default"_s, parts.first()};
    if (parts.size() == 2 && !parts.at(0).isEmpty() && !parts.at(1).isEmpty())
        return std::pair{parts.at(0), parts.at(1)};
    return std::nullopt;
}

bool runUntilDone(const std::function<void(const std::function<void()> &finish)> &start,
                  int timeoutMs)
{
    // Shared, so a callback that fires after a timeout finds no loop instead of a dead one.
    struct State
    {
        bool done = false;
        QEventLoop *loop = nullptr;
    };
    auto state = std::make_shared<State>();
    QEventLoop loop;
    state->loop = &loop;
    start([state] {
        state->done = true;
        if (state->loop)
            state->loop->quit();
    });
    if (!state->done) {
        if (timeoutMs > 0)
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    state->loop = nullptr;
    return state->done;
}

} // namespace Meridian::Cli

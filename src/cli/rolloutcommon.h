#pragma once

#include "rollout/rolloutsession.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

#include <functional>
#include <memory>

namespace Meridian::Cli {

// What apply, rollout and set share: where the clusters are and which of them to touch.
struct RolloutTargetOptions
{
    QCommandLineOption kubeconfig;
    QCommandLineOption context;
    QCommandLineOption clusters;
    QCommandLineOption engine;

    RolloutTargetOptions();
    void addTo(QCommandLineParser &parser) const;
};

// Opens the session the options describe (Karmada: also finds its members). On failure prints
// "meridianctl COMMAND: <why>" to `err` and returns nullptr.
std::unique_ptr<Rollout::RolloutSession> openRolloutSession(const QCommandLineParser &parser,
                                                            const RolloutTargetOptions &options,
                                                            const QString &command,
                                                            QTextStream &err);
// The targets named by --clusters (comma-separated; all when absent).
Result<QList<Rollout::Target>> selectedTargets(const QCommandLineParser &parser,
                                               const RolloutTargetOptions &options,
                                               const Rollout::RolloutSession &session);

// "NAMESPACE/NAME" (or "NAME" in "default"); std::nullopt when malformed.
std::optional<std::pair<QString, QString>> parseWorkloadRef(const QString &text);

// Runs `start` and an event loop until `finish` is called (or `timeoutMs` passes: false).
bool runUntilDone(const std::function<void(const std::function<void()> &finish)> &start,
                  int timeoutMs = 0);

} // namespace Meridian::Cli

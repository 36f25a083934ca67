#pragma once

#include <QStringList>
#include <QTextStream>

namespace Meridian::Cli {

// Exit codes shared by every command, kubectl-style.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// meridianctl: `args` are the arguments after the program name. Needs a QCoreApplication.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

int runGet(const QStringList &args, QTextStream &out, QTextStream &err);
int runClusters(const QStringList &args, QTextStream &out, QTextStream &err);
int runLogs(const QStringList &args, QTextStream &out, QTextStream &err);
int runPlan(const QStringList &args, QTextStream &out, QTextStream &err);
int runApply(const QStringList &args, QTextStream &out, QTextStream &err);
int runRollout(const QStringList &args, QTextStream &out, QTextStream &err);
int runSet(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace Meridian::Cli

#pragma once

#include <QStringList>
#include <QTextStream>

namespace Meridian::Cli {

// `meridianctl plan`: previews where the engine puts the replicas. `args` are the arguments
// after the word "plan". Returns the process exit code: 0, or 2 for any error (on `err`).
int runPlan(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace Meridian::Cli

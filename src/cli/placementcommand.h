#pragma once

#include <QStringList>
#include <QTextStream>

namespace Meridian::Cli {

// `meridianctl placement get|set NAMESPACE/NAME ...`: shows a federated workload's preferences,
// plan and current replicas, or writes new preferences (and, in Direct mode, each member's
// replicas) through the same worker and apply job the app uses.
int runPlacement(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace Meridian::Cli

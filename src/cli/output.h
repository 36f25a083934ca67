#pragma once

#include "core/cluster.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace Meridian::Cli {

// kubectl's table layout: columns three spaces apart, the last one unpadded.
void printRows(const QStringList &header, const QList<QStringList> &rows, QTextStream &out);

// One cluster as `meridianctl clusters -o json` and `get clusters -o json` print it.
QJsonObject clusterStatusJson(const ClusterStatus &cluster);

// Adds --help and parses `args` as `meridianctl COMMAND`'s. A parse error or --help is answered
// here, and its exit code returned; nullopt means: go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser,
                                    const QString &command,
                                    const QStringList &args,
                                    QTextStream &out,
                                    QTextStream &err);

} // namespace Meridian::Cli

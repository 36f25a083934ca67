#pragma once

#include "core/cluster.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace Meridian::Cli {

// kubectl's table layout: columns three spaces apart, the last one unpadded.
void printRows(const QStringList &header, const QList<QStringList> &rows, QTextStream &out);

// One cluster as `meridianctl clusters -o json` and `get clusters -o json` print it.
QJsonObject clusterStatusJson(const ClusterStatus &cluster);

} // namespace Meridian::Cli

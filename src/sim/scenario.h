#pragma once

#include "core/result.h"
#include "sim/options.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Meridian::Sim {

struct NodeSpec
{
    QString name;
    QString zone;
    QString uid;
    QString internalIp;
    QString externalIp;
    QString podCidr;
    QString machineId;
    QDateTime created;
};

// Everything that makes one simulated member cluster what it is, fixed before any server starts.
struct ClusterSpec
{
    QString name;
    QString region;
    AuthMethod auth = AuthMethod::Token;
    QString token; // bearer token; for the exec-plugin cluster, the token the plugin hands out
    QString gitVersion;
    QString buildDate;
    QString goVersion;
    QString instanceType;
    int cpuCores = 4;
    qint64 memoryKi = 0;
    quint64 seed = 0; // per-cluster seed for uids, fault dice, future generated objects
    QDateTime created;
    QList<NodeSpec> nodes;
    int watchHistory = 1000;        // Options::watchHistory
    int bookmarkIntervalMs = 10000; // Options::bookmarkIntervalMs
    bool servedJsonCache = true;    // Options::servedJsonCache
};

// The "demo" world tour or the "test" federation, derived only from the options (and the seed).
Result<QList<ClusterSpec>> buildScenario(const Options &options);

} // namespace Meridian::Sim

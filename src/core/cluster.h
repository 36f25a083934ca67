#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Meridian {

// How Meridian can talk to a member cluster right now.
enum class ClusterState {
    Connecting,   // no answer yet
    Ready,        // reachable, authorised, every node Ready
    Degraded,     // reachable, but some nodes are not Ready
    Unreachable,  // refused, timed out, TLS failure, DNS failure
    Unauthorized, // 401: the credentials were rejected
    Forbidden,    // 403: authenticated, but not allowed to read what Meridian needs
};

QString clusterStateName(ClusterState state); // stable, untranslated ("Ready", ...)

// One member cluster as the console shows it. A plain value: it crosses threads by copy.
struct ClusterStatus
{
    QString name;    // the kubeconfig cluster entry
    QString context; // the kubeconfig context: Meridian's key for a member
    QString server;
    QString version; // gitVersion, e.g. v1.29.6-gke.1038001
    QString region;
    QString zone;
    int nodesReady = 0;
    int nodesTotal = 0;
    ClusterState state = ClusterState::Connecting;
    QString reason;           // why the state is not Ready; empty when Ready
    QDateTime lastSuccess;    // UTC time of the last successful refresh
    bool insecureTls = false; // the kubeconfig turned TLS verification off

    // What a federation control plane says about the member (Karmada's Cluster object); empty
    // for the Direct engine.
    QString provider;       // spec.provider
    QStringList zones;      // spec.zones (or the deprecated spec.zone)
    QString location;       // the meridian.dev/location label: a region id or "lat,lon"
    QString allocatableCpu; // status.resourceSummary.allocatable
    QString allocatableMemory;
    QString allocatablePods;

    friend bool operator==(const ClusterStatus &, const ClusterStatus &) = default;
};

using ClusterStatusList = QList<ClusterStatus>;

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::ClusterStatus)
Q_DECLARE_METATYPE(Meridian::ClusterStatusList)

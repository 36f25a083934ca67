#pragma once

#include "core/workloadinsight.h"

#include <QList>
#include <QString>

namespace Meridian::Kube {
class Informer;
class Projection;
} // namespace Meridian::Kube

namespace Meridian::Federation {

// One member's detail caches (ReplicaSets and pods indexed by owner, events by the object they
// are about), as both engines keep them: the Direct engine per namespace scope, Karmada through
// the cluster proxy for the followed namespace.
struct MemberDetails
{
    QList<Kube::Informer *> replicaSets;
    QList<Kube::Informer *> pods;
    QList<Kube::Informer *> events;

    QList<Kube::Informer *> all() const { return replicaSets + pods + events; }
    bool isEmpty() const { return replicaSets.isEmpty() && pods.isEmpty(); }
    // Every one of the informers has listed at least once.
    bool listed() const;
    // The pods and events of Deployment ns/name in this member, found through the indexes.
    MemberInsight read(const QString &cluster, const QString &ns, const QString &name) const;
};

// The projections the detail informers use, with their indexes; `trimmed` false keeps whole
// objects (still indexed).
Kube::Projection replicaSetDetails(bool trimmed);
Kube::Projection podDetails(bool trimmed);
Kube::Projection eventDetails(bool trimmed);

} // namespace Meridian::Federation

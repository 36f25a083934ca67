#include "memberdetails.h"

#include "kube/informer.h"
#include "kube/objecttrim.h"

namespace Meridian::Federation {

namespace {

// Everything, for untrimmed caches: still a projection, for its index.
const Kube::Projection &wholeObjects()
{
    static const Kube::Projection all = *Kube::Projection::parse("*");
    return all;
}

// The cached objects of `informers` in namespace `ns` whose index value is `value`.
QList<QJsonObject> indexed(const QList<Kube::Informer *> &informers,
                           const QString &ns,
                           const QString &value)
{
    QList<QJsonObject> out;
    const QString prefix = ns + u'/';
    for (const Kube::Informer *informer : informers) {
        for (const QString &key : informer->keysIndexedBy(value)) {
            if (!key.startsWith(prefix))
                continue;
            if (std::optional<QJsonObject> object = informer->object(key))
                out.append(std::move(*object));
        }
    }
    return out;
}

QString nameOf(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().value(u"name").toString();
}

} // namespace

bool MemberDetails::listed() const
{
    for (const Kube::Informer *informer : all()) {
        if (informer->listCount() == 0)
            return false;
    }
    return true;
}

MemberInsight MemberDetails::read(const QString &cluster,
                                  const QString &ns,
                                  const QString &name) const
{
    const QList<QJsonObject> rs = indexed(replicaSets, ns, name);
    QList<QJsonObject> podList;
    QList<QJsonObject> eventList = indexed(events, ns, name);
    for (const QJsonObject &r : rs) {
        podList += indexed(pods, ns, nameOf(r));
        eventList += indexed(events, ns, nameOf(r));
    }
    for (const QJsonObject &pod : std::as_const(podList))
        eventList += indexed(events, ns, nameOf(pod));
    return memberInsight(cluster, name, rs, podList, eventList);
}

Kube::Projection replicaSetDetails(bool trimmed)
{
    return (trimmed ? Kube::replicaSetProjection() : wholeObjects())
            .withIndex("metadata.ownerReferences.name");
}

Kube::Projection podDetails(bool trimmed)
{
    return (trimmed ? Kube::podProjection() : wholeObjects())
            .withIndex("metadata.ownerReferences.name");
}

Kube::Projection eventDetails(bool trimmed)
{
    return (trimmed ? Kube::eventProjection() : wholeObjects()).withIndex("involvedObject.name");
}

} // namespace Meridian::Federation

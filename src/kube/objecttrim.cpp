#include "objecttrim.h"

namespace Meridian::Kube {

namespace {

#define MERIDIAN_TRIM_METADATA \
    "name,namespace,uid,resourceVersion,generation,creationTimestamp,deletionTimestamp,labels," \
    "ownerReferences{kind,name,uid,controller}"

const Projection &checked(const Result<Projection> &projection)
{
    // The specs below are constants: a mistake in one is a programming error, caught by the
    // first test that trims anything.
    if (!projection.ok())
        qFatal("objecttrim: %s", qPrintable(projection.error().message));
    return projection.value();
}

} // namespace

const Projection &podProjection()
{
    static const Result<Projection> projection = Projection::parse(
            "metadata{" MERIDIAN_TRIM_METADATA "},"
            "spec{nodeName,containers{name,image}},"
            "status{phase,reason,podIP,hostIP,startTime,conditions{type,status,reason},"
            "containerStatuses{name,image,ready,started,restartCount,state{*{reason}}}}");
    return checked(projection);
}

const Projection &replicaSetProjection()
{
    static const Result<Projection> projection = Projection::parse(
            "metadata{" MERIDIAN_TRIM_METADATA ","
            "annotations{deployment.kubernetes.io/revision,kubernetes.io/change-cause}},"
            "spec{replicas,template{metadata{labels},spec{containers{name,image}}}},"
            "status");
    return checked(projection);
}

const Projection &eventProjection()
{
    static const Result<Projection> projection = Projection::parse(
            "metadata{name,namespace,uid,resourceVersion,creationTimestamp},"
            "involvedObject{kind,name,namespace,uid},reason,message,type,count,firstTimestamp,"
            "lastTimestamp,eventTime,series{count,lastObservedTime},source{component},"
            "reportingComponent");
    return checked(projection);
}

} // namespace Meridian::Kube

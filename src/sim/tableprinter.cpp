#include "sim/tableprinter.h"

#include "sim/simclock.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::TablePrinter {

namespace {

QJsonObject column(const QString &name,
                   const QString &type,
                   int priority,
                   const QString &description,
                   const QString &format = {})
{
    return QJsonObject{{u"name"_s, name},
                       {u"type"_s, type},
                       {u"format"_s, format},
                       {u"description"_s, description},
                       {u"priority"_s, priority}};
}

QString addressOf(const QJsonObject &node, const QString &type)
{
    for (const QJsonValue &address : node[u"status"][u"addresses"].toArray()) {
        if (address[u"type"].toString() == type)
            return address[u"address"].toString();
    }
    return u"<none>"_s;
}

QString nodeStatus(const QJsonObject &node)
{
    for (const QJsonValue &condition : node[u"status"][u"conditions"].toArray()) {
        if (condition[u"type"].toString() == u"Ready")
            return condition[u"status"].toString() == u"True" ? u"Ready"_s : u"NotReady"_s;
    }
    return u"Unknown"_s;
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? u"<none>"_s : text;
}

QString selectorText(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        parts.append(it.key() + u'=' + it.value().toString());
    return orNone(parts.join(u','));
}

void containersAndImages(const QJsonObject &podSpec, QString *names, QString *images)
{
    QStringList n, i;
    for (const QJsonValue &container : podSpec.value(u"containers").toArray()) {
        n.append(container[u"name"].toString());
        i.append(container[u"image"].toString());
    }
    *names = n.join(u',');
    *images = i.join(u',');
}

QString podStatus(const QJsonObject &pod)
{
    if (pod[u"metadata"].toObject().contains(u"deletionTimestamp"))
        return u"Terminating"_s;
    QString reason = pod[u"status"][u"reason"].toString();
    if (reason.isEmpty())
        reason = pod[u"status"][u"phase"].toString();
    for (const QJsonValue &status : pod[u"status"][u"containerStatuses"].toArray()) {
        const QString waiting = status[u"state"][u"waiting"][u"reason"].toString();
        const QString terminated = status[u"state"][u"terminated"][u"reason"].toString();
        if (!waiting.isEmpty())
            return waiting;
        if (!terminated.isEmpty())
            return terminated;
    }
    return reason;
}

QString servicePorts(const QJsonObject &spec)
{
    QStringList parts;
    for (const QJsonValue &port : spec.value(u"ports").toArray()) {
        QString text = QString::number(port[u"port"].toInteger());
        if (port[u"nodePort"].toInteger() > 0)
            text += u':' + QString::number(port[u"nodePort"].toInteger());
        parts.append(text + u'/' + port[u"protocol"].toString(u"TCP"_s));
    }
    return orNone(parts.join(u','));
}

} // namespace

QJsonObject table(const QString &resource,
                  const QList<QJsonObject> &objects,
                  const QDateTime &now,
                  const QString &resourceVersion,
                  bool withColumns)
{
    const auto age = [&now](const QString &timestamp) {
        if (timestamp.isEmpty())
            return u"<unknown>"_s;
        return SimClock::humanDuration(QDateTime::fromString(timestamp, Qt::ISODate).secsTo(now));
    };
    const QJsonObject nameColumn
            = column(u"Name"_s,
                     u"string"_s,
                     0,
                     u"Name must be unique within a namespace. Is required when creating "
                     u"resources, although some resources may allow a client to request the "
                     u"generation of an appropriate name automatically. Name is primarily "
                     u"intended for creation idempotence and configuration definition. Cannot be "
                     u"updated. More info: https://kubernetes.io/docs/concepts/overview/"
                     u"working-with-objects/names#names"_s,
                     u"name"_s);
    const QJsonObject ageColumn = column(u"Age"_s,
                                         u"string"_s,
                                         0,
                                         u"CreationTimestamp is a timestamp representing the "
                                         u"server time when this object was created."_s);
    const QJsonObject containersColumn = column(u"Containers"_s,
                                                u"string"_s,
                                                1,
                                                u"Names of each container in the template."_s);
    const QJsonObject imagesColumn
            = column(u"Images"_s,
                     u"string"_s,
                     1,
                     u"Images referenced by each container in the template."_s);
    const QJsonObject selectorColumn
            = column(u"Selector"_s, u"string"_s, 1, u"Label selector for pods."_s);

    QJsonArray columns;
    if (resource == u"nodes") {
        columns = {
                nameColumn,
                column(u"Status"_s, u"string"_s, 0, u"The status of the node"_s),
                column(u"Roles"_s, u"string"_s, 0, u"The roles of the node"_s),
                ageColumn,
                column(u"Version"_s, u"string"_s, 0, u"Kubelet Version reported by the node."_s),
                column(u"Internal-IP"_s,
                       u"string"_s,
                       1,
                       u"List of addresses reachable to the node. Queried from cloud provider, if "
                       u"available."_s),
                column(u"External-IP"_s,
                       u"string"_s,
                       1,
                       u"List of addresses reachable to the node. Queried from cloud provider, if "
                       u"available."_s),
                column(u"OS-Image"_s,
                       u"string"_s,
                       1,
                       u"OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux "
                       u"7 (wheezy))."_s),
                column(u"Kernel-Version"_s,
                       u"string"_s,
                       1,
                       u"Kernel Version reported by the node from 'uname -r' (e.g. "
                       u"3.16.0-0.bpo.4-amd64)."_s),
                column(u"Container-Runtime"_s,
                       u"string"_s,
                       1,
                       u"ContainerRuntime Version reported by the node through runtime remote API "
                       u"(e.g. containerd://1.4.2)."_s)};
    } else if (resource == u"namespaces") {
        columns = {nameColumn,
                   column(u"Status"_s, u"string"_s, 0, u"The status of the namespace"_s),
                   ageColumn};
    } else if (resource == u"pods") {
        columns = {nameColumn,
                   column(u"Ready"_s,
                          u"string"_s,
                          0,
                          u"The aggregate readiness state of this pod for accepting traffic."_s),
                   column(u"Status"_s,
                          u"string"_s,
                          0,
                          u"The aggregate status of the containers in this pod."_s),
                   column(u"Restarts"_s,
                          u"string"_s,
                          0,
                          u"The number of times the containers in this pod have been restarted and "
                          u"when the last container in this pod has restarted."_s),
                   ageColumn,
                   column(u"IP"_s,
                          u"string"_s,
                          1,
                          u"IP address allocated to the pod. Routable at least within the cluster. "
                          u"Empty if not yet allocated."_s),
                   column(u"Node"_s,
                          u"string"_s,
                          1,
                          u"NodeName is a request to schedule this pod onto a specific node."_s),
                   column(u"Nominated Node"_s,
                          u"string"_s,
                          1,
                          u"nominatedNodeName is set only when this pod preempts other pods on the "
                          u"node."_s),
                   column(u"Readiness Gates"_s,
                          u"string"_s,
                          1,
                          u"If specified, all readiness gates will be evaluated for pod "
                          u"readiness."_s)};
    } else if (resource == u"deployments.apps") {
        columns = {
                nameColumn,
                column(u"Ready"_s, u"string"_s, 0, u"Number of the pod with ready state"_s),
                column(u"Up-to-date"_s,
                       u"string"_s,
                       0,
                       u"Total number of non-terminated pods targeted by this deployment that have "
                       u"the desired template spec."_s),
                column(u"Available"_s,
                       u"string"_s,
                       0,
                       u"Total number of available pods (ready for at least minReadySeconds) "
                       u"targeted by this deployment."_s),
                ageColumn,
                containersColumn,
                imagesColumn,
                selectorColumn};
    } else if (resource == u"replicasets.apps") {
        columns = {nameColumn,
                   column(u"Desired"_s,
                          u"integer"_s,
                          0,
                          u"Replicas is the number of desired replicas."_s),
                   column(u"Current"_s,
                          u"integer"_s,
                          0,
                          u"Replicas is the most recently observed number of replicas."_s),
                   column(u"Ready"_s,
                          u"integer"_s,
                          0,
                          u"The number of ready replicas for this replica set."_s),
                   ageColumn,
                   containersColumn,
                   imagesColumn,
                   selectorColumn};
    } else if (resource == u"services") {
        columns = {
                nameColumn,
                column(u"Type"_s, u"string"_s, 0, u"type determines how the Service is exposed."_s),
                column(u"Cluster-IP"_s,
                       u"string"_s,
                       0,
                       u"clusterIP is the IP address of the service."_s),
                column(u"External-IP"_s,
                       u"string"_s,
                       0,
                       u"externalIPs is a list of IP addresses for which nodes in the cluster will "
                       u"also accept traffic for this service."_s),
                column(u"Port(s)"_s,
                       u"string"_s,
                       0,
                       u"The list of ports that are exposed by this service."_s),
                ageColumn,
                column(u"Selector"_s,
                       u"string"_s,
                       1,
                       u"Route service traffic to pods with label keys and values matching this "
                       u"selector."_s)};
    } else if (resource == u"events") {
        columns = {column(u"Last Seen"_s,
                          u"string"_s,
                          0,
                          u"The time at which the most recent occurrence of this event was "
                          u"recorded."_s),
                   column(u"Type"_s,
                          u"string"_s,
                          0,
                          u"Type of this event (Normal, Warning), new types could be added in the "
                          u"future."_s),
                   column(u"Reason"_s,
                          u"string"_s,
                          0,
                          u"This should be a short, machine understandable string that gives the "
                          u"reason for the transition into the object's current status."_s),
                   column(u"Object"_s, u"string"_s, 0, u"The object that this event is about."_s),
                   column(u"Subobject"_s,
                          u"string"_s,
                          1,
                          u"The subobject that this event is about."_s),
                   column(u"Source"_s, u"string"_s, 1, u"The component reporting this event."_s),
                   column(u"Message"_s,
                          u"string"_s,
                          0,
                          u"A human-readable description of the status of this operation."_s),
                   column(u"First Seen"_s,
                          u"string"_s,
                          1,
                          u"The time at which the event was first recorded."_s),
                   column(u"Count"_s,
                          u"string"_s,
                          1,
                          u"The number of times this event has occurred."_s),
                   column(u"Name"_s, u"string"_s, 1, u"Name of the event."_s)};
    } else {
        columns = {nameColumn, ageColumn};
    }

    QJsonArray rows;
    for (const QJsonObject &object : objects) {
        const QJsonObject metadata = object.value(u"metadata").toObject();
        const QJsonObject spec = object.value(u"spec").toObject();
        const QJsonObject status = object.value(u"status").toObject();
        const QString name = metadata.value(u"name").toString();
        const QString created = age(metadata.value(u"creationTimestamp").toString());
        QJsonArray cells;
        if (resource == u"nodes") {
            const QJsonObject info = status.value(u"nodeInfo").toObject();
            cells = {name,
                     nodeStatus(object),
                     u"<none>"_s,
                     created,
                     info[u"kubeletVersion"].toString(),
                     addressOf(object, u"InternalIP"_s),
                     addressOf(object, u"ExternalIP"_s),
                     info[u"osImage"].toString(),
                     info[u"kernelVersion"].toString(),
                     info[u"containerRuntimeVersion"].toString()};
        } else if (resource == u"namespaces") {
            cells = {name, status.value(u"phase").toString(), created};
        } else if (resource == u"pods") {
            const QJsonArray statuses = status.value(u"containerStatuses").toArray();
            int ready = 0;
            qint64 restarts = 0;
            for (const QJsonValue &s : statuses) {
                ready += s[u"ready"].toBool() ? 1 : 0;
                restarts += s[u"restartCount"].toInteger();
            }
            const qsizetype total = spec.value(u"containers").toArray().size();
            QStringList gates;
            for (const QJsonValue &gate : spec.value(u"readinessGates").toArray())
                gates.append(gate[u"conditionType"].toString());
            cells = {name,
                     u"%1/%2"_s.arg(ready).arg(total),
                     podStatus(object),
                     QString::number(restarts),
                     created,
                     orNone(status.value(u"podIP").toString()),
                     orNone(spec.value(u"nodeName").toString()),
                     orNone(status.value(u"nominatedNodeName").toString()),
                     gates.isEmpty() ? u"<none>"_s : u"0/%1"_s.arg(gates.size())};
        } else if (resource == u"deployments.apps" || resource == u"replicasets.apps") {
            QString containers, images;
            containersAndImages(spec[u"template"][u"spec"].toObject(), &containers, &images);
            const QString selector = selectorText(spec[u"selector"][u"matchLabels"].toObject());
            const qint64 desired = spec.value(u"replicas").toInteger();
            if (resource == u"deployments.apps") {
                cells = {name,
                         u"%1/%2"_s.arg(status.value(u"readyReplicas").toInteger()).arg(desired),
                         QJsonValue(status.value(u"updatedReplicas").toInteger()),
                         QJsonValue(status.value(u"availableReplicas").toInteger()),
                         created,
                         containers,
                         images,
                         selector};
            } else {
                cells = {name,
                         QJsonValue(desired),
                         QJsonValue(status.value(u"replicas").toInteger()),
                         QJsonValue(status.value(u"readyReplicas").toInteger()),
                         created,
                         containers,
                         images,
                         selector};
            }
        } else if (resource == u"services") {
            QStringList external;
            for (const QJsonValue &ip : spec.value(u"externalIPs").toArray())
                external.append(ip.toString());
            for (const QJsonValue &ingress : status[u"loadBalancer"][u"ingress"].toArray())
                external.append(ingress[u"ip"].toString());
            QString externalText = orNone(external.join(u','));
            if (external.isEmpty() && spec.value(u"type") == u"LoadBalancer"_s)
                externalText = u"<pending>"_s;
            cells = {name,
                     spec.value(u"type").toString(),
                     orNone(spec.value(u"clusterIP").toString()),
                     externalText,
                     servicePorts(spec),
                     created,
                     selectorText(spec.value(u"selector").toObject())};
        } else if (resource == u"events") {
            const QJsonObject involved = object.value(u"involvedObject").toObject();
            QString last = object.value(u"lastTimestamp").toString();
            if (last.isEmpty())
                last = object.value(u"eventTime").toString();
            QString first = object.value(u"firstTimestamp").toString();
            if (first.isEmpty())
                first = last;
            const QJsonObject source = object.value(u"source").toObject();
            QString sourceText = source.value(u"component").toString();
            if (!source.value(u"host").toString().isEmpty())
                sourceText += u", "_s + source.value(u"host").toString();
            cells = {QJsonValue(age(last)),
                     object.value(u"type").toString(),
                     object.value(u"reason").toString(),
                     QString(involved.value(u"kind").toString().toLower() + u'/'
                             + involved.value(u"name").toString()),
                     involved.value(u"fieldPath").toString(),
                     sourceText,
                     object.value(u"message").toString().trimmed(),
                     age(first),
                     QString::number(qMax<qint64>(1, object.value(u"count").toInteger())),
                     QJsonValue(name)};
        } else {
            cells = {name, created};
        }
        rows.append(QJsonObject{{u"cells"_s, cells},
                                {u"object"_s,
                                 QJsonObject{{u"kind"_s, u"PartialObjectMetadata"_s},
                                             {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
                                             {u"metadata"_s, metadata}}}});
    }
    QJsonObject out{{u"kind"_s, u"Table"_s},
                    {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
                    {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, resourceVersion}}},
                    {u"rows"_s, rows}};
    out.insert(u"columnDefinitions", withColumns ? columns : QJsonArray());
    return out;
}

} // namespace Meridian::Sim::TablePrinter

#include "sim/kubeapi.h"

#include "sim/clusterstate.h"
#include "sim/deterministic.h"
#include "sim/simclock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

QJsonArray toArray(const QStringList &strings)
{
    QJsonArray array;
    for (const QString &s : strings)
        array.append(s);
    return array;
}

QString groupVersionOf(const QString &group, const QString &version)
{
    return group.isEmpty() ? version : QString(group + u'/' + version);
}

QString pathPrefix(const QString &group, const QString &version)
{
    return group.isEmpty() ? QString(u"/api/"_s + version)
                           : QString(u"/apis/"_s + group + u'/' + version);
}

QJsonObject column(const QString &name,
                   const QString &type,
                   const QString &format,
                   int priority,
                   const QString &description)
{
    return QJsonObject{{u"name"_s, name},
                       {u"type"_s, type},
                       {u"format"_s, format},
                       {u"description"_s, description},
                       {u"priority"_s, priority}};
}

QString addressOf(const QJsonObject &node, const QString &type)
{
    const QJsonArray addresses = node[u"status"][u"addresses"].toArray();
    for (const QJsonValue &address : addresses) {
        if (address[u"type"].toString() == type)
            return address[u"address"].toString();
    }
    return u"<none>"_s;
}

QString nodeStatus(const QJsonObject &node)
{
    const QJsonArray conditions = node[u"status"][u"conditions"].toArray();
    for (const QJsonValue &condition : conditions) {
        if (condition[u"type"].toString() == u"Ready")
            return condition[u"status"].toString() == u"True" ? u"Ready"_s : u"NotReady"_s;
    }
    return u"Unknown"_s;
}

} // namespace

KubeApi::KubeApi(ClusterState *state, const SimClock *clock)
    : m_state(state)
    , m_clock(clock)
{}

QList<KubeApi::ResourceType> KubeApi::resourceTypes()
{
    return {
            {QString(),
             u"v1"_s,
             u"namespaces"_s,
             u"namespace"_s,
             u"Namespace"_s,
             false,
             {u"ns"_s},
             {}},
            {QString(), u"v1"_s, u"nodes"_s, u"node"_s, u"Node"_s, false, {u"no"_s}, {}},
            {QString(), u"v1"_s, u"pods"_s, u"pod"_s, u"Pod"_s, true, {u"po"_s}, {u"all"_s}},
            {u"apps"_s,
             u"v1"_s,
             u"deployments"_s,
             u"deployment"_s,
             u"Deployment"_s,
             true,
             {u"deploy"_s},
             {u"all"_s}},
            {u"apps"_s,
             u"v1"_s,
             u"replicasets"_s,
             u"replicaset"_s,
             u"ReplicaSet"_s,
             true,
             {u"rs"_s},
             {u"all"_s}},
    };
}

QString KubeApi::storageKey(const ResourceType &type)
{
    return type.group.isEmpty() ? type.name : QString(type.name + u'.' + type.group);
}

void KubeApi::registerRoutes(Router *router)
{
    router->add("GET", u"/version"_s, [this](const HttpRequest &, const PathParameters &) {
        return version();
    });
    for (const QString &probe : {u"/healthz"_s, u"/livez"_s, u"/readyz"_s}) {
        router->add("GET", probe, [](const HttpRequest &, const PathParameters &) {
            return HttpResponse{200, {{"Content-Type", "text/plain; charset=utf-8"}}, "ok"};
        });
    }
    router->add("GET", u"/api"_s, [this](const HttpRequest &, const PathParameters &) {
        return coreVersions();
    });
    router->add("GET", u"/apis"_s, [this](const HttpRequest &, const PathParameters &) {
        return groupList();
    });
    router->add("GET", u"/apis/{group}"_s, [this](const HttpRequest &, const PathParameters &p) {
        return group(p.value(u"group"_s));
    });
    QStringList groupVersions;
    for (const ResourceType &type : resourceTypes()) {
        const QString groupVersion = groupVersionOf(type.group, type.version);
        const QString prefix = pathPrefix(type.group, type.version);
        if (!groupVersions.contains(groupVersion)) {
            groupVersions.append(groupVersion);
            router->add("GET",
                        prefix,
                        [this, groupVersion](const HttpRequest &, const PathParameters &) {
                            return resourceList(groupVersion);
                        });
        }
        router->add("GET",
                    prefix + u'/' + type.name,
                    [this, type](const HttpRequest &request, const PathParameters &) {
                        return list(type, request, QString());
                    });
        if (type.namespaced) {
            router->add("GET",
                        prefix + u"/namespaces/{namespace}/"_s + type.name,
                        [this, type](const HttpRequest &request, const PathParameters &p) {
                            return list(type, request, p.value(u"namespace"_s));
                        });
            router->add("GET",
                        prefix + u"/namespaces/{namespace}/"_s + type.name + u"/{name}"_s,
                        [this, type](const HttpRequest &request, const PathParameters &p) {
                            return get(type, request, p.value(u"namespace"_s), p.value(u"name"_s));
                        });
        } else {
            router->add("GET",
                        prefix + u'/' + type.name + u"/{name}"_s,
                        [this, type](const HttpRequest &request, const PathParameters &p) {
                            return get(type, request, QString(), p.value(u"name"_s));
                        });
        }
    }
}

HttpResponse KubeApi::version() const
{
    const ClusterSpec &spec = m_state->spec();
    const QStringList parts = spec.gitVersion.mid(1).split(u'.');
    const QByteArray commit
            = QCryptographicHash::hash(spec.gitVersion.toUtf8(), QCryptographicHash::Sha1).toHex();
    return HttpResponse::json(200,
                              QJsonObject{{u"major"_s, parts.value(0)},
                                          {u"minor"_s, parts.value(1)},
                                          {u"gitVersion"_s, spec.gitVersion},
                                          {u"gitCommit"_s, QString::fromLatin1(commit)},
                                          {u"gitTreeState"_s, u"clean"_s},
                                          {u"buildDate"_s, spec.buildDate},
                                          {u"goVersion"_s, spec.goVersion},
                                          {u"compiler"_s, u"gc"_s},
                                          {u"platform"_s, u"linux/amd64"_s}});
}

HttpResponse KubeApi::coreVersions() const
{
    return HttpResponse::json(200,
                              QJsonObject{{u"kind"_s, u"APIVersions"_s},
                                          {u"versions"_s, QJsonArray{u"v1"_s}},
                                          {u"serverAddressByClientCIDRs"_s,
                                           QJsonArray{QJsonObject{{u"clientCIDR"_s, u"0.0.0.0/0"_s},
                                                                  {u"serverAddress"_s,
                                                                   u"127.0.0.1:443"_s}}}}});
}

HttpResponse KubeApi::groupList() const
{
    QJsonArray groups;
    QStringList seen;
    for (const ResourceType &type : resourceTypes()) {
        if (type.group.isEmpty() || seen.contains(type.group))
            continue;
        seen.append(type.group);
        const QJsonObject gv{{u"groupVersion"_s, groupVersionOf(type.group, type.version)},
                             {u"version"_s, type.version}};
        groups.append(QJsonObject{{u"name"_s, type.group},
                                  {u"versions"_s, QJsonArray{gv}},
                                  {u"preferredVersion"_s, gv}});
    }
    return HttpResponse::json(200,
                              QJsonObject{{u"kind"_s, u"APIGroupList"_s},
                                          {u"apiVersion"_s, u"v1"_s},
                                          {u"groups"_s, groups}});
}

HttpResponse KubeApi::group(const QString &name) const
{
    for (const ResourceType &type : resourceTypes()) {
        if (type.group != name || name.isEmpty())
            continue;
        const QJsonObject gv{{u"groupVersion"_s, groupVersionOf(type.group, type.version)},
                             {u"version"_s, type.version}};
        return HttpResponse::json(200,
                                  QJsonObject{{u"kind"_s, u"APIGroup"_s},
                                              {u"apiVersion"_s, u"v1"_s},
                                              {u"name"_s, name},
                                              {u"versions"_s, QJsonArray{gv}},
                                              {u"preferredVersion"_s, gv}});
    }
    return HttpResponse::notFound();
}

HttpResponse KubeApi::resourceList(const QString &groupVersion) const
{
    QJsonArray resources;
    for (const ResourceType &type : resourceTypes()) {
        if (groupVersionOf(type.group, type.version) != groupVersion)
            continue;
        // The hash only has to be stable per type; clients use it to notice storage changes.
        const QByteArray hash
                = QCryptographicHash::hash(storageKey(type).toUtf8(), QCryptographicHash::Sha256)
                          .left(8)
                          .toBase64();
        QJsonObject resource{{u"name"_s, type.name},
                             {u"singularName"_s, type.singularName},
                             {u"namespaced"_s, type.namespaced},
                             {u"kind"_s, type.kind},
                             // Only what the simulator serves today; grows with the simulator.
                             {u"verbs"_s, QJsonArray{u"get"_s, u"list"_s}},
                             {u"shortNames"_s, toArray(type.shortNames)},
                             {u"storageVersionHash"_s, QString::fromLatin1(hash)}};
        if (!type.categories.isEmpty())
            resource.insert(u"categories", toArray(type.categories));
        resources.append(resource);
    }
    QJsonObject list{{u"kind"_s, u"APIResourceList"_s},
                     {u"groupVersion"_s, groupVersion},
                     {u"resources"_s, resources}};
    if (groupVersion.contains(u'/'))
        list.insert(u"apiVersion", u"v1"_s);
    return HttpResponse::json(200, list);
}

HttpResponse KubeApi::list(const ResourceType &type,
                           const HttpRequest &request,
                           const QString &ns) const
{
    QList<QJsonObject> objects = m_state->list(storageKey(type), ns);
    for (QJsonObject &object : objects)
        object = served(type, object);
    if (request.wantsTable())
        return HttpResponse::json(200, table(type, objects));
    QJsonArray items;
    for (QJsonObject &object : objects) {
        // A typed list's items carry no kind or apiVersion of their own.
        object.remove(u"kind");
        object.remove(u"apiVersion");
        items.append(object);
    }
    return HttpResponse::json(200,
                              QJsonObject{{u"kind"_s, QString(type.kind + u"List")},
                                          {u"apiVersion"_s,
                                           groupVersionOf(type.group, type.version)},
                                          {u"metadata"_s,
                                           QJsonObject{{u"resourceVersion"_s,
                                                        m_state->resourceVersion()}}},
                                          {u"items"_s, items}});
}

HttpResponse KubeApi::get(const ResourceType &type,
                          const HttpRequest &request,
                          const QString &ns,
                          const QString &name) const
{
    const std::optional<QJsonObject> object = m_state->get(storageKey(type), ns, name);
    if (!object) {
        QByteArray details = R"({"name":)"
                             + QJsonDocument(QJsonArray{name})
                                       .toJson(QJsonDocument::Compact)
                                       .mid(1)
                                       .chopped(1);
        if (!type.group.isEmpty())
            details += R"(,"group":")" + type.group.toUtf8() + '"';
        details += R"(,"kind":")" + type.name.toUtf8() + "\"}";
        return HttpResponse::kubeStatus(404,
                                        u"NotFound"_s,
                                        storageKey(type) + u" \"" + name + u"\" not found",
                                        details);
    }
    if (request.wantsTable())
        return HttpResponse::json(200, table(type, {served(type, *object)}));
    return HttpResponse::json(200, served(type, *object));
}

// Fields that change with time rather than with writes are filled in when served.
QJsonObject KubeApi::served(const ResourceType &type, QJsonObject object) const
{
    if (type.name != u"nodes")
        return object;
    const QString now = SimClock::formatRfc3339(m_clock->now());
    QJsonObject status = object.value(u"status").toObject();
    QJsonArray conditions = status.value(u"conditions").toArray();
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject condition = conditions[i].toObject();
        condition.insert(u"lastHeartbeatTime", now);
        conditions[i] = condition;
    }
    status.insert(u"conditions", conditions);
    object.insert(u"status", status);
    return object;
}

// Server-side printing (meta.k8s.io/v1 Table), the columns kube-apiserver prints for each kind.
QJsonObject KubeApi::table(const ResourceType &type, const QList<QJsonObject> &objects) const
{
    const QDateTime now = m_clock->now();
    const auto age = [&now](const QJsonObject &object) {
        const QDateTime created
                = QDateTime::fromString(object[u"metadata"][u"creationTimestamp"].toString(),
                                        Qt::ISODate);
        return SimClock::humanDuration(created.secsTo(now));
    };
    const QString nameDescription
            = u"Name must be unique within a namespace. Is required when creating resources, "
              u"although "
              u"some resources may allow a client to request the generation of an appropriate name "
              u"automatically. Name is primarily intended for creation idempotence and "
              u"configuration "
              u"definition. Cannot be updated. More info: "
              u"https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"_s;
    const QJsonObject nameColumn = column(u"Name"_s, u"string"_s, u"name"_s, 0, nameDescription);
    const QJsonObject ageColumn = column(u"Age"_s,
                                         u"string"_s,
                                         QString(),
                                         0,
                                         u"CreationTimestamp is a timestamp representing the "
                                         u"server time when this object was created."_s);
    QJsonArray columns;
    if (type.name == u"nodes") {
        columns = {nameColumn,
                   column(u"Status"_s, u"string"_s, QString(), 0, u"The status of the node"_s),
                   column(u"Roles"_s, u"string"_s, QString(), 0, u"The roles of the node"_s),
                   ageColumn,
                   column(u"Version"_s,
                          u"string"_s,
                          QString(),
                          0,
                          u"Kubelet Version reported by the node."_s),
                   column(u"Internal-IP"_s,
                          u"string"_s,
                          QString(),
                          1,
                          u"List of addresses reachable to the node. Queried from cloud "
                          u"provider, if available."_s),
                   column(u"External-IP"_s,
                          u"string"_s,
                          QString(),
                          1,
                          u"List of addresses reachable to the node. Queried from cloud "
                          u"provider, if available."_s),
                   column(u"OS-Image"_s,
                          u"string"_s,
                          QString(),
                          1,
                          u"OS Image reported by the node from /etc/os-release (e.g. Debian "
                          u"GNU/Linux 7 (wheezy))."_s),
                   column(u"Kernel-Version"_s,
                          u"string"_s,
                          QString(),
                          1,
                          u"Kernel Version reported by the node from 'uname -r' (e.g. "
                          u"3.16.0-0.bpo.4-amd64)."_s),
                   column(u"Container-Runtime"_s,
                          u"string"_s,
                          QString(),
                          1,
                          u"ContainerRuntime Version reported by the node through runtime "
                          u"remote API (e.g. containerd://1.4.2)."_s)};
    } else if (type.name == u"namespaces") {
        columns = {nameColumn,
                   column(u"Status"_s, u"string"_s, QString(), 0, u"The status of the namespace"_s),
                   ageColumn};
    } else {
        columns = {nameColumn, ageColumn};
    }

    QJsonArray rows;
    for (const QJsonObject &object : objects) {
        const QString name = object[u"metadata"][u"name"].toString();
        QJsonArray cells;
        if (type.name == u"nodes") {
            const QJsonObject info = object[u"status"][u"nodeInfo"].toObject();
            cells = {name,
                     nodeStatus(object),
                     u"<none>"_s,
                     age(object),
                     info[u"kubeletVersion"].toString(),
                     addressOf(object, u"InternalIP"_s),
                     addressOf(object, u"ExternalIP"_s),
                     info[u"osImage"].toString(),
                     info[u"kernelVersion"].toString(),
                     info[u"containerRuntimeVersion"].toString()};
        } else if (type.name == u"namespaces") {
            cells = {name, object[u"status"][u"phase"].toString(), age(object)};
        } else {
            cells = {name, age(object)};
        }
        rows.append(QJsonObject{{u"cells"_s, cells},
                                {u"object"_s,
                                 QJsonObject{{u"kind"_s, u"PartialObjectMetadata"_s},
                                             {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
                                             {u"metadata"_s, object[u"metadata"].toObject()}}}});
    }
    return QJsonObject{{u"kind"_s, u"Table"_s},
                       {u"apiVersion"_s, u"meta.k8s.io/v1"_s},
                       {u"metadata"_s,
                        QJsonObject{{u"resourceVersion"_s, m_state->resourceVersion()}}},
                       {u"columnDefinitions"_s, columns},
                       {u"rows"_s, rows}};
}

} // namespace Meridian::Sim

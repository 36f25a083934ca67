#include "sim/kubeapi.h"

#include "sim/clusterlogs.h"
#include "sim/clusterstate.h"
#include "sim/deterministic.h"
#include "sim/httpconnection.h"
#include "sim/objectpatch.h"
#include "sim/objectrules.h"
#include "sim/podlogstream.h"
#include "sim/selector.h"
#include "sim/serverapply.h"
#include "sim/simclock.h"
#include "sim/tableprinter.h"
#include "sim/watchstream.h"
#include "sim/yamljson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

// labelSelector and fieldSelector of a list, watch or deletecollection, parsed once.
struct Selectors
{
    Selector labels;
    Selector fields;

    bool matches(const QJsonObject &object) const
    {
        return labels.matches(object) && fields.matches(object);
    }
    bool isEmpty() const { return labels.isEmpty() && fields.isEmpty(); }
};

Result<Selectors> selectorsOf(const HttpRequest &request, const QStringList &fieldLabels)
{
    auto labels = Selector::parseLabels(
            request.query.queryItemValue(u"labelSelector"_s, QUrl::FullyDecoded));
    if (!labels)
        return labels.error();
    auto fields = Selector::parseFields(request.query.queryItemValue(u"fieldSelector"_s,
                                                                     QUrl::FullyDecoded),
                                        fieldLabels);
    if (!fields)
        return fields.error();
    return Selectors{std::move(labels).value(), std::move(fields).value()};
}

constexpr int defaultWatchTimeoutSeconds = 1800;

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

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Status details in kube-apiserver's field order: name, group, kind, uid, causes.
QByteArray details(const QString &name,
                   const QString &group,
                   const QString &kind,
                   const QString &uid = {},
                   const QList<ObjectRules::Cause> &causes = {})
{
    QByteArray out = "{";
    if (!name.isEmpty())
        out += "\"name\":" + jsonString(name) + ',';
    if (!group.isEmpty())
        out += "\"group\":" + jsonString(group) + ',';
    out += "\"kind\":" + jsonString(kind);
    if (!uid.isEmpty())
        out += ",\"uid\":" + jsonString(uid);
    if (!causes.isEmpty()) {
        out += ",\"causes\":[";
        for (qsizetype i = 0; i < causes.size(); ++i) {
            const ObjectRules::Cause &cause = causes[i];
            out += (i ? ",{" : "{") + QByteArray("\"reason\":") + jsonString(cause.reason)
                   + ",\"message\":" + jsonString(cause.message);
            if (!cause.field.isEmpty())
                out += ",\"field\":" + jsonString(cause.field);
            out += '}';
        }
        out += ']';
    }
    return out + '}';
}

QString qualified(const KubeApi::ResourceType &type)
{
    return KubeApi::storageKey(type);
}

HttpResponse notFound(const KubeApi::ResourceType &type, const QString &name)
{
    return HttpResponse::kubeStatus(404,
                                    u"NotFound"_s,
                                    qualified(type) + u" \"" + name + u"\" not found",
                                    details(name, type.group, type.name));
}

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::kubeStatus(400, u"BadRequest"_s, message);
}

HttpResponse invalid(const KubeApi::ResourceType &type,
                     const QString &kind,
                     const QString &name,
                     const QList<ObjectRules::Cause> &causes)
{
    const QString qualifiedKind = type.group.isEmpty() ? kind : kind + u'.' + type.group;
    return HttpResponse::kubeStatus(422,
                                    u"Invalid"_s,
                                    ObjectRules::invalidMessage(qualifiedKind, name, causes),
                                    details(name, type.group, kind, {}, causes));
}

HttpResponse conflict(const KubeApi::ResourceType &type, const QString &name)
{
    return HttpResponse::kubeStatus(
            409,
            u"Conflict"_s,
            u"Operation cannot be fulfilled on "_s + qualified(type) + u" \"" + name
                    + u"\": the object has been modified; please apply your changes to the latest "
                      u"version and try again",
            details(name, type.group, type.name));
}

HttpResponse expired(const QString &message)
{
    return HttpResponse::kubeStatus(410, u"Expired"_s, message);
}

bool isDryRun(const HttpRequest &request)
{
    if (request.query.allQueryItemValues(u"dryRun"_s).contains(u"All"_s))
        return true;
    const QJsonArray body
            = QJsonDocument::fromJson(request.body).object().value(u"dryRun").toArray();
    return body.contains(u"All"_s);
}

// The most lines one /log answer carries without tailLines; see podLog().
constexpr qint64 maxLogLines = 5000;

// kubelet's --timestamps form: RFC3339Nano, which drops trailing zeros of the fraction (and the
// dot when nothing is left).
QByteArray kubeletTimestamp(qint64 timestampNs)
{
    QByteArray text = LogGenerator::rfc3339Nanos(timestampNs).toLatin1();
    const qsizetype dot = text.indexOf('.');
    if (dot < 0)
        return text;
    qsizetype end = text.size() - 1; // the 'Z'
    while (end > dot + 1 && text[end - 1] == '0')
        --end;
    if (end == dot + 1)
        return text.left(dot) + 'Z';
    return text.left(end) + 'Z';
}

bool queryFlag(const HttpRequest &request, const QString &name)
{
    const QString value = request.query.queryItemValue(name);
    return value == u"1" || value == u"true";
}

// The manager a write is recorded under: ?fieldManager, else the User-Agent's product name,
// as kube-apiserver derives it.
QString managerOf(const HttpRequest &request)
{
    const QString manager = request.query.queryItemValue(u"fieldManager"_s);
    if (!manager.isEmpty())
        return manager;
    const QString agent = QString::fromUtf8(request.header("user-agent"));
    return agent.section(u'/', 0, 0).left(128);
}

// Continue tokens look like upstream's: base64url of {"v":"meta.k8s.io/v1","rv":N,"start":K}.
QString continueToken(quint64 resourceVersion, const QString &start)
{
    const QByteArray json
            = "{\"v\":\"meta.k8s.io/v1\",\"rv\":" + QByteArray::number(resourceVersion)
              + ",\"start\":" + jsonString(start + QChar(u'\0')) + '}';
    return QString::fromLatin1(
            json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QPair<quint64, QString>> parseContinue(const QString &token)
{
    const auto decoded
            = QByteArray::fromBase64Encoding(token.toLatin1(),
                                             QByteArray::Base64UrlEncoding
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(*decoded).object();
    if (object.value(u"v").toString() != u"meta.k8s.io/v1" || !object.value(u"rv").isDouble())
        return std::nullopt;
    QString start = object.value(u"start").toString();
    if (start.endsWith(QChar(u'\0')))
        start.chop(1);
    return qMakePair(quint64(object.value(u"rv").toInteger()), start);
}

QString keyOf(const QJsonObject &object)
{
    return object[u"metadata"][u"namespace"].toString() + u'/'
           + object[u"metadata"][u"name"].toString();
}

} // namespace

KubeApi::KubeApi(ClusterState *state, const SimClock *clock, const LogGenerator *logs)
    : m_state(state)
    , m_clock(clock)
    , m_logs(logs)
{
    if (!m_logs) {
        LogGenerator::Options options;
        options.seed = state->spec().seed;
        m_ownLogs = std::make_unique<LogGenerator>(options);
        m_logs = m_ownLogs.get();
    }
}

KubeApi::~KubeApi() = default;

QList<KubeApi::ResourceType> KubeApi::resourceTypes()
{
    const QStringList all{u"create"_s,
                          u"delete"_s,
                          u"deletecollection"_s,
                          u"get"_s,
                          u"list"_s,
                          u"patch"_s,
                          u"update"_s,
                          u"watch"_s};
    QStringList noCollection = all;
    noCollection.removeAll(u"deletecollection"_s);
    return {
            {QString(),
             u"v1"_s,
             u"events"_s,
             u"event"_s,
             u"Event"_s,
             true,
             {u"ev"_s},
             {},
             all,
             {},
             {u"involvedObject.kind"_s,
              u"involvedObject.namespace"_s,
              u"involvedObject.name"_s,
              u"involvedObject.uid"_s,
              u"involvedObject.apiVersion"_s,
              u"involvedObject.resourceVersion"_s,
              u"involvedObject.fieldPath"_s,
              u"reason"_s,
              u"reportingComponent"_s,
              u"source"_s,
              u"type"_s}},
            {QString(),
             u"v1"_s,
             u"namespaces"_s,
             u"namespace"_s,
             u"Namespace"_s,
             false,
             {u"ns"_s},
             {},
             noCollection,
             {u"status"_s},
             {u"status.phase"_s}},
            {QString(),
             u"v1"_s,
             u"nodes"_s,
             u"node"_s,
             u"Node"_s,
             false,
             {u"no"_s},
             {},
             all,
             {u"status"_s},
             {u"spec.unschedulable"_s}},
            {QString(),
             u"v1"_s,
             u"pods"_s,
             u"pod"_s,
             u"Pod"_s,
             true,
             {u"po"_s},
             {u"all"_s},
             all,
             {u"log"_s, u"status"_s},
             {u"spec.nodeName"_s,
              u"spec.restartPolicy"_s,
              u"spec.schedulerName"_s,
              u"spec.serviceAccountName"_s,
              u"spec.hostNetwork"_s,
              u"status.phase"_s,
              u"status.podIP"_s,
              u"status.nominatedNodeName"_s}},
            {QString(),
             u"v1"_s,
             u"services"_s,
             u"service"_s,
             u"Service"_s,
             true,
             {u"svc"_s},
             {u"all"_s},
             noCollection,
             {u"status"_s},
             {}},
            {u"apps"_s,
             u"v1"_s,
             u"deployments"_s,
             u"deployment"_s,
             u"Deployment"_s,
             true,
             {u"deploy"_s},
             {u"all"_s},
             all,
             {u"scale"_s, u"status"_s},
             {}},
            {u"apps"_s,
             u"v1"_s,
             u"replicasets"_s,
             u"replicaset"_s,
             u"ReplicaSet"_s,
             true,
             {u"rs"_s},
             {u"all"_s},
             all,
             {u"scale"_s, u"status"_s},
             {u"status.replicas"_s}},
    };
}

QString KubeApi::storageKey(const ResourceType &type)
{
    return type.group.isEmpty() ? type.name : QString(type.name + u'.' + type.group);
}

QString KubeApi::now() const
{
    return SimClock::formatRfc3339(m_clock->now());
}

void KubeApi::registerRoutes(Router *router)
{
    router->add("GET", u"/version"_s, [this](const HttpRequest &, const PathParameters &) {
        return version();
    });
    for (const QString &probe : {u"/healthz"_s, u"/livez"_s, u"/readyz"_s}) {
        router->add("GET", probe, [](const HttpRequest &, const PathParameters &) {
            return HttpResponse{200, {{"Content-Type", "text/plain; charset=utf-8"}}, "ok", {}};
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
    router->add("GET", u"/openapi/v3"_s, [this](const HttpRequest &, const PathParameters &) {
        return openApiIndex();
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
            router->add("GET",
                        u"/openapi/v3"_s + prefix,
                        [this, groupVersion](const HttpRequest &, const PathParameters &) {
                            return openApiGroupVersion(groupVersion);
                        });
        }
        const auto nsOf = [](const PathParameters &p) { return p.value(u"namespace"_s); };
        // Cluster-wide list and watch exist for namespaced kinds too.
        router->add("GET",
                    prefix + u'/' + type.name,
                    [this, type](const HttpRequest &request, const PathParameters &) {
                        return list(type, request, QString());
                    });
        const QString collection
                = type.namespaced ? QString(prefix + u"/namespaces/{namespace}/"_s + type.name)
                                  : QString(prefix + u'/' + type.name);
        const QString item = collection + u"/{name}"_s;
        if (type.namespaced) {
            router->add("GET",
                        collection,
                        [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                            return list(type, request, nsOf(p));
                        });
        }
        router->add("POST",
                    collection,
                    [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                        return create(type, request, nsOf(p));
                    });
        if (type.verbs.contains(u"deletecollection"_s)) {
            router->add("DELETE",
                        collection,
                        [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                            return removeCollection(type, request, nsOf(p));
                        });
        }
        router->add("GET",
                    item,
                    [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                        return get(type, request, nsOf(p), p.value(u"name"_s), Subresource::None);
                    });
        router->add("PUT",
                    item,
                    [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                        return replace(type,
                                       request,
                                       nsOf(p),
                                       p.value(u"name"_s),
                                       Subresource::None);
                    });
        router->add("PATCH",
                    item,
                    [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                        return patch(type, request, nsOf(p), p.value(u"name"_s), Subresource::None);
                    });
        router->add("DELETE",
                    item,
                    [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                        return remove(type, request, nsOf(p), p.value(u"name"_s));
                    });
        for (const QString &sub : type.subresources) {
            if (sub == u"log") {
                router->add("GET",
                            item + u"/log"_s,
                            [this, nsOf](const HttpRequest &request, const PathParameters &p) {
                                return podLog(request, nsOf(p), p.value(u"name"_s));
                            });
                continue;
            }
            const Subresource which = sub == u"scale" ? Subresource::Scale : Subresource::Status;
            router->add("GET",
                        item + u'/' + sub,
                        [this, type, nsOf, which](const HttpRequest &request,
                                                  const PathParameters &p) {
                            return get(type, request, nsOf(p), p.value(u"name"_s), which);
                        });
            router->add("PUT",
                        item + u'/' + sub,
                        [this, type, nsOf, which](const HttpRequest &request,
                                                  const PathParameters &p) {
                            return replace(type, request, nsOf(p), p.value(u"name"_s), which);
                        });
            router->add("PATCH",
                        item + u'/' + sub,
                        [this, type, nsOf, which](const HttpRequest &request,
                                                  const PathParameters &p) {
                            return patch(type, request, nsOf(p), p.value(u"name"_s), which);
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
                             {u"verbs"_s, toArray(type.verbs)},
                             {u"storageVersionHash"_s, QString::fromLatin1(hash)}};
        if (!type.shortNames.isEmpty())
            resource.insert(u"shortNames", toArray(type.shortNames));
        if (!type.categories.isEmpty())
            resource.insert(u"categories", toArray(type.categories));
        resources.append(resource);
        for (const QString &sub : type.subresources) {
            QJsonObject subresource{{u"name"_s, QString(type.name + u'/' + sub)},
                                    {u"singularName"_s, QString()},
                                    {u"namespaced"_s, type.namespaced},
                                    {u"kind"_s, QJsonValue(type.kind)}};
            if (sub == u"scale") {
                subresource.insert(u"group", u"autoscaling"_s);
                subresource.insert(u"version", u"v1"_s);
                subresource.insert(u"kind", u"Scale"_s);
            }
            subresource.insert(u"verbs",
                               sub == u"log" ? QJsonArray{u"get"_s}
                                             : QJsonArray{u"get"_s, u"patch"_s, u"update"_s});
            resources.append(subresource);
        }
    }
    QJsonObject list{{u"kind"_s, u"APIResourceList"_s},
                     {u"groupVersion"_s, groupVersion},
                     {u"resources"_s, resources}};
    if (groupVersion.contains(u'/'))
        list.insert(u"apiVersion", u"v1"_s);
    return HttpResponse::json(200, list);
}

// kubectl validates manifests on the server when OpenAPI v3 says PATCH takes fieldValidation,
// and refuses to create or apply anything when it cannot download OpenAPI at all. These
// documents hold just that: the paths, their GVK extensions and the parameter; no schemas
// (so kubectl explain has nothing to show, and client-side apply computes its patches from its
// compiled-in types, as it does for any built-in kind).
HttpResponse KubeApi::openApiIndex() const
{
    QJsonObject paths;
    for (const ResourceType &type : resourceTypes()) {
        const QString relative = pathPrefix(type.group, type.version).mid(1);
        const QByteArray hash
                = QCryptographicHash::hash(relative.toUtf8(), QCryptographicHash::Sha512)
                          .toHex()
                          .toUpper()
                          .left(128);
        paths.insert(relative,
                     QJsonObject{{u"serverRelativeURL"_s,
                                  QString(u"/openapi/v3/"_s + relative + u"?hash="_s
                                          + QString::fromLatin1(hash))}});
    }
    return HttpResponse::json(200, QJsonObject{{u"paths"_s, paths}});
}

HttpResponse KubeApi::openApiGroupVersion(const QString &groupVersion) const
{
    QJsonObject paths;
    const QJsonArray parameters{QJsonObject{{u"name"_s, u"dryRun"_s},
                                            {u"in"_s, u"query"_s},
                                            {u"schema"_s, QJsonObject{{u"type"_s, u"string"_s}}}},
                                QJsonObject{{u"name"_s, u"fieldManager"_s},
                                            {u"in"_s, u"query"_s},
                                            {u"schema"_s, QJsonObject{{u"type"_s, u"string"_s}}}},
                                QJsonObject{{u"name"_s, u"fieldValidation"_s},
                                            {u"in"_s, u"query"_s},
                                            {u"schema"_s, QJsonObject{{u"type"_s, u"string"_s}}}}};
    for (const ResourceType &type : resourceTypes()) {
        if (groupVersionOf(type.group, type.version) != groupVersion)
            continue;
        const QString path = pathPrefix(type.group, type.version)
                             + (type.namespaced ? u"/namespaces/{namespace}/"_s : u"/"_s)
                             + type.name + u"/{name}"_s;
        const QJsonObject gvk{{u"group"_s, type.group},
                              {u"version"_s, type.version},
                              {u"kind"_s, type.kind}};
        const auto operation = [&](const QString &id) {
            return QJsonObject{{u"operationId"_s, QString(id + type.kind)},
                               {u"x-kubernetes-group-version-kind"_s, gvk},
                               {u"parameters"_s, parameters},
                               {u"responses"_s, QJsonObject()}};
        };
        paths.insert(path,
                     QJsonObject{{u"patch"_s, QJsonValue(operation(u"patch"_s))},
                                 {u"put"_s, QJsonValue(operation(u"replace"_s))}});
    }
    return HttpResponse::json(200,
                              QJsonObject{{u"openapi"_s, u"3.0.0"_s},
                                          {u"info"_s,
                                           QJsonObject{{u"title"_s, u"Kubernetes"_s},
                                                       {u"version"_s, m_state->spec().gitVersion}}},
                                          {u"paths"_s, paths},
                                          {u"components"_s,
                                           QJsonObject{{u"schemas"_s, QJsonObject()}}}});
}

HttpResponse KubeApi::list(const ResourceType &type, const HttpRequest &request, const QString &ns)
{
    if (queryFlag(request, u"watch"_s))
        return watch(type, request, ns);
    const auto selectors = selectorsOf(request, type.fieldLabels);
    if (!selectors)
        return badRequest(selectors.error().message);

    const QString token = request.query.queryItemValue(u"continue"_s);
    const QString rvParam = request.query.queryItemValue(u"resourceVersion"_s);
    const qint64 limit = request.query.queryItemValue(u"limit"_s).toLongLong();
    quint64 at = m_state->currentVersion();
    QString start;
    if (!token.isEmpty()) {
        if (!rvParam.isEmpty() && rvParam != u"0")
            return badRequest(u"specifying resource version is not allowed when using continue"_s);
        const auto parsed = parseContinue(token);
        if (!parsed)
            return badRequest(
                    u"continue key is not valid: incorrect encoded start resourceVersion (version "
                    u"meta.k8s.io/v1)"_s);
        at = parsed->first;
        start = parsed->second;
    } else if (limit > 0 && !rvParam.isEmpty() && rvParam != u"0") {
        at = rvParam.toULongLong();
        if (at > m_state->currentVersion()) {
            return HttpResponse::kubeStatus(504,
                                            u"Timeout"_s,
                                            u"Too large resource version: %1, current: %2"_s.arg(at)
                                                    .arg(m_state->currentVersion()),
                                            "{\"causes\":[{\"reason\":\"ResourceVersionTooLarge\","
                                            "\"message\":\"Too large resource version\"}],"
                                            "\"retryAfterSeconds\":1}");
        }
    }
    const auto snapshot = m_state->objectsAt(storageKey(type), at);
    if (!snapshot) {
        if (!token.isEmpty()) {
            return expired(
                    u"The provided continue parameter is too old to display a consistent list "
                    u"result. You can start a new list without the continue parameter, or use "
                    u"the continue token in this response to retrieve the remainder of the "
                    u"results. Continuing with the provided token results in an inconsistent "
                    u"list - objects that were created, modified, or deleted between the time "
                    u"the first chunk was returned and now may show up in the list."_s);
        }
        return expired(u"too old resource version: %1 (%2)"_s.arg(at).arg(
                m_state->oldestResumableVersion() + 1));
    }
    const QString resource = storageKey(type);
    const QString prefix = ns + u'/';
    // Keys are "namespace/name", in list order: a continue token resumes right after its key.
    const auto end = snapshot->cend();
    auto it = ns.isEmpty() ? snapshot->cbegin() : snapshot->lowerBound(prefix);
    if (!start.isEmpty() && it != end && it.key() <= start)
        it = snapshot->upperBound(start);
    const auto inScope = [&](const auto &position) {
        return position != end && (ns.isEmpty() || position.key().startsWith(prefix));
    };
    QList<decltype(it)> page;
    QString next;
    qint64 remaining = 0;
    for (; inScope(it); ++it) {
        if (!selectors->matches(it.value()))
            continue;
        if (limit > 0 && page.size() >= limit) {
            next = continueToken(at, page.last().key());
            // Only an unfiltered list tells how many are left, so only then count them.
            if (!selectors->isEmpty())
                break;
            for (; inScope(it); ++it)
                ++remaining;
            break;
        }
        page.append(it);
    }
    const QString resourceVersion = QString::number(at);
    if (request.wantsTable()) {
        QList<QJsonObject> objects;
        objects.reserve(page.size());
        for (const auto &entry : std::as_const(page))
            objects.append(served(type, entry.value()));
        QJsonObject table = TablePrinter::table(resource, objects, m_clock->now(), resourceVersion);
        if (!next.isEmpty()) {
            QJsonObject metadata = table.value(u"metadata").toObject();
            metadata.insert(u"continue", next);
            table.insert(u"metadata", metadata);
        }
        return HttpResponse::json(200, table);
    }
    if (!m_state->spec().servedJsonCache) {
        // Without the cache: one QJsonDocument for the whole list (the bytes are the same).
        QJsonArray items;
        for (const auto &entry : std::as_const(page)) {
            QJsonObject object = served(type, entry.value());
            object.remove(u"kind");
            object.remove(u"apiVersion");
            items.append(object);
        }
        QJsonObject metadata{{u"resourceVersion"_s, resourceVersion}};
        if (!next.isEmpty()) {
            metadata.insert(u"continue", next);
            if (selectors->isEmpty())
                metadata.insert(u"remainingItemCount", remaining);
        }
        return HttpResponse::json(200,
                                  QJsonObject{{u"kind"_s, QString(type.kind + u"List")},
                                              {u"apiVersion"_s,
                                               groupVersionOf(type.group, type.version)},
                                              {u"metadata"_s, metadata},
                                              {u"items"_s, items}});
    }
    ServedJsonCache &cache = m_servedJson[resource];
    cache.prune(*snapshot);
    // The list as QJsonDocument writes {"kind", "apiVersion", "metadata", "items"}: keys
    // sorted, compact, the items' bytes as they would be serialised on their own.
    QByteArrayList items;
    items.reserve(page.size());
    qsizetype size = 256 + next.size();
    for (const auto &entry : std::as_const(page)) {
        items.append(
                servedBytes(type, cache, entry.key(), entry.value(), ServedJsonCache::Form::Item));
        size += items.last().size() + 1;
    }
    QByteArray body;
    body.reserve(size);
    body += "{\"apiVersion\":";
    body += jsonString(groupVersionOf(type.group, type.version));
    body += ",\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            body += ',';
        body += items[i];
    }
    body += "],\"kind\":";
    body += jsonString(type.kind + u"List");
    body += ",\"metadata\":{";
    if (!next.isEmpty()) {
        body += "\"continue\":";
        body += jsonString(next);
        body += ',';
        if (selectors->isEmpty()) {
            body += "\"remainingItemCount\":";
            body += QByteArray::number(remaining);
            body += ',';
        }
    }
    body += "\"resourceVersion\":";
    body += jsonString(resourceVersion);
    body += "}}\n";
    return HttpResponse::json(200, std::move(body));
}

void KubeApi::prepareServedJson()
{
    if (!m_state->spec().servedJsonCache)
        return;
    for (const ResourceType &type : resourceTypes()) {
        if (type.name == u"nodes")
            continue;
        const QString resource = storageKey(type);
        const auto objects = m_state->objectsAt(resource, m_state->currentVersion());
        if (!objects || objects->isEmpty())
            continue;
        ServedJsonCache &cache = m_servedJson[resource];
        for (auto it = objects->cbegin(); it != objects->cend(); ++it)
            cache.bytes(it.key(), it.value(), ServedJsonCache::Form::Item);
    }
}

QByteArray KubeApi::servedBytes(const ResourceType &type,
                                ServedJsonCache &cache,
                                const QString &key,
                                const QJsonObject &object,
                                ServedJsonCache::Form form)
{
    // Nodes are served with a fresh heartbeat: never the same bytes twice.
    if (type.name == u"nodes")
        return ServedJsonCache::serialize(served(type, object), form);
    return cache.bytes(key, object, form);
}

HttpResponse KubeApi::watch(const ResourceType &type, const HttpRequest &request, const QString &ns)
{
    const auto selectors = selectorsOf(request, type.fieldLabels);
    if (!selectors)
        return badRequest(selectors.error().message);
    const QString rvParam = request.query.queryItemValue(u"resourceVersion"_s);
    const QString resource = storageKey(type);

    WatchStream::Setup setup;
    setup.resource = resource;
    setup.ns = ns;
    setup.matches = [selectors = *selectors](const QJsonObject &object) {
        return selectors.matches(object);
    };
    if (rvParam.isEmpty() || rvParam == u"0") {
        // "Get state and start at most recent": the current objects as synthetic ADDED events.
        for (const QJsonObject &object : m_state->list(resource, ns))
            setup.replay.append(Change{Change::Type::Added, resource, object, {}, 0});
    } else {
        const quint64 from = rvParam.toULongLong();
        const auto changes = m_state->changesSince(from);
        if (!changes) {
            return expired(u"too old resource version: %1 (%2)"_s.arg(rvParam).arg(
                    m_state->oldestResumableVersion() + 1));
        }
        setup.replay = *changes;
    }
    const qint64 timeout = request.query.hasQueryItem(u"timeoutSeconds"_s)
                                   ? request.query.queryItemValue(u"timeoutSeconds"_s).toLongLong()
                                   : defaultWatchTimeoutSeconds;
    setup.timeoutMs = int(qBound(qint64(0), timeout, qint64(24 * 3600)) * 1000);
    if (queryFlag(request, u"allowWatchBookmarks"_s))
        setup.bookmarkIntervalMs = m_state->spec().bookmarkIntervalMs;

    const bool table = request.wantsTable();
    const QString apiVersion = groupVersionOf(type.group, type.version);
    auto first = std::make_shared<bool>(true);
    setup.encode = [this, type, table, apiVersion, first](const QString &eventType,
                                                          const QJsonObject &object) -> QByteArray {
        QJsonObject payload;
        if (eventType == u"BOOKMARK") {
            payload = object;
            payload.insert(u"kind", table ? u"Table"_s : type.kind);
            payload.insert(u"apiVersion", table ? u"meta.k8s.io/v1"_s : apiVersion);
        } else if (table) {
            payload = TablePrinter::table(storageKey(type),
                                          {served(type, object)},
                                          m_clock->now(),
                                          object[u"metadata"][u"resourceVersion"].toString(),
                                          *first);
            *first = false;
        } else if (!m_state->spec().servedJsonCache) {
            payload = served(type, object);
        } else {
            const QString resource = storageKey(type);
            ServedJsonCache &cache = m_servedJson[resource];
            const QByteArray bytes = servedBytes(type,
                                                 cache,
                                                 keyOf(object),
                                                 object,
                                                 ServedJsonCache::Form::Object);
            if (eventType == u"DELETED")
                cache.prune(*m_state->objectsAt(resource, m_state->currentVersion()));
            // ADDED, MODIFIED or DELETED: nothing to escape.
            return "{\"type\":\"" + eventType.toLatin1() + "\",\"object\":" + bytes + '}';
        }
        return "{\"type\":" + jsonString(eventType) + ",\"object\":" + compact(payload) + '}';
    };
    ClusterState *state = m_state;
    return HttpResponse{200, {}, {}, [state, setup](HttpConnection *connection) {
                            WatchStream::start(connection, state, setup);
                        }};
}

HttpResponse KubeApi::get(const ResourceType &type,
                          const HttpRequest &request,
                          const QString &ns,
                          const QString &name,
                          Subresource subresource) const
{
    const std::optional<QJsonObject> object = m_state->get(storageKey(type), ns, name);
    if (!object)
        return notFound(type, name);
    if (subresource == Subresource::Scale)
        return HttpResponse::json(200, scaleOf(type, *object));
    if (request.wantsTable()) {
        return HttpResponse::json(200,
                                  TablePrinter::table(storageKey(type),
                                                      {served(type, *object)},
                                                      m_clock->now(),
                                                      m_state->resourceVersion()));
    }
    return HttpResponse::json(200, served(type, *object));
}

QJsonObject KubeApi::scaleOf(const ResourceType &type, const QJsonObject &object) const
{
    const QJsonObject metadata = object.value(u"metadata").toObject();
    QStringList selector;
    const QJsonObject matchLabels = object[u"spec"][u"selector"][u"matchLabels"].toObject();
    for (auto it = matchLabels.constBegin(); it != matchLabels.constEnd(); ++it)
        selector.append(it.key() + u'=' + it.value().toString());
    Q_UNUSED(type)
    return QJsonObject{{u"kind"_s, u"Scale"_s},
                       {u"apiVersion"_s, u"autoscaling/v1"_s},
                       {u"metadata"_s,
                        QJsonObject{{u"name"_s, metadata.value(u"name")},
                                    {u"namespace"_s, metadata.value(u"namespace")},
                                    {u"uid"_s, metadata.value(u"uid")},
                                    {u"resourceVersion"_s, metadata.value(u"resourceVersion")},
                                    {u"creationTimestamp"_s,
                                     metadata.value(u"creationTimestamp")}}},
                       {u"spec"_s,
                        QJsonObject{{u"replicas"_s, object[u"spec"][u"replicas"].toInteger()}}},
                       {u"status"_s,
                        QJsonObject{{u"replicas"_s, object[u"status"][u"replicas"].toInteger()},
                                    {u"selector"_s, selector.join(u',')}}}};
}

HttpResponse KubeApi::create(const ResourceType &type,
                             const HttpRequest &request,
                             const QString &ns)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (!document.isObject())
        return badRequest(u"the object provided is unrecognized (must be of type "_s + type.kind
                          + u"): "_s + error.errorString());
    QJsonObject object = document.object();
    QJsonObject metadata = object.value(u"metadata").toObject();
    const QString apiVersion = groupVersionOf(type.group, type.version);
    if (object.value(u"kind").toString(type.kind) != type.kind
        || object.value(u"apiVersion").toString(apiVersion) != apiVersion)
        return badRequest(
                u"the API version in the data (%1) does not match the expected API version (%2)"_s
                        .arg(object.value(u"apiVersion").toString(), apiVersion));
    if (type.namespaced) {
        const QString bodyNs = metadata.value(u"namespace").toString();
        if (!bodyNs.isEmpty() && bodyNs != ns)
            return badRequest(
                    u"the namespace of the provided object does not match the namespace sent on "
                    u"the request"_s);
        metadata.insert(u"namespace", ns);
        if (!m_state->get(u"namespaces"_s, QString(), ns)) {
            return HttpResponse::kubeStatus(404,
                                            u"NotFound"_s,
                                            u"namespaces \""_s + ns + u"\" not found",
                                            details(ns, QString(), u"namespaces"_s));
        }
    } else {
        metadata.remove(u"namespace");
    }
    if (metadata.value(u"name").toString().isEmpty()
        && !metadata.value(u"generateName").toString().isEmpty()) {
        // Five characters derived from the seed and the cluster's write count: deterministic.
        Prng suffix(
                stableHash(m_state->spec().seed,
                           QString(u"generateName/"_s + metadata.value(u"generateName").toString()
                                   + m_state->resourceVersion())));
        static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        QString name = metadata.value(u"generateName").toString();
        for (int i = 0; i < 5; ++i)
            name += QChar::fromLatin1(alphabet[suffix.next() % (sizeof alphabet - 1)]);
        metadata.insert(u"name", name);
    }
    if (metadata.contains(u"managedFields") && metadata.value(u"managedFields").toArray().isEmpty())
        metadata.remove(u"managedFields");
    // Server-set, whatever the client sent.
    for (const char16_t *field : {u"uid", u"creationTimestamp", u"resourceVersion", u"generation"})
        metadata.remove(field);
    object.insert(u"metadata", metadata);
    object.insert(u"kind", type.kind);
    object.insert(u"apiVersion", apiVersion);
    const QString name = metadata.value(u"name").toString();
    if (!name.isEmpty() && m_state->get(storageKey(type), ns, name)) {
        return HttpResponse::kubeStatus(409,
                                        u"AlreadyExists"_s,
                                        qualified(type) + u" \"" + name + u"\" already exists",
                                        details(name, type.group, type.name));
    }
    return commit(type, request, std::nullopt, object, true);
}

HttpResponse KubeApi::replace(const ResourceType &type,
                              const HttpRequest &request,
                              const QString &ns,
                              const QString &name,
                              Subresource subresource)
{
    const std::optional<QJsonObject> existing = m_state->get(storageKey(type), ns, name);
    if (!existing)
        return notFound(type, name);
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return badRequest(u"the object provided is unrecognized (must be of type "_s
                          + (subresource == Subresource::Scale ? u"Scale"_s : type.kind) + u')');
    QJsonObject body = document.object();
    const QString bodyName = body[u"metadata"][u"name"].toString();
    if (!bodyName.isEmpty() && bodyName != name)
        return badRequest(u"the name of the object (%1) does not match the name on the URL (%2)"_s
                                  .arg(bodyName, name));
    if (subresource == Subresource::Scale) {
        const QString rv = body[u"metadata"][u"resourceVersion"].toString();
        QJsonObject object = *existing;
        QJsonObject spec = object.value(u"spec").toObject();
        const QJsonValue replicas = body[u"spec"][u"replicas"];
        if (replicas.isDouble() && replicas.toDouble() < 0) {
            const QList<ObjectRules::Cause> causes{
                    {u"FieldValueInvalid"_s,
                     u"Invalid value: %1: must be greater than or equal to 0"_s.arg(
                             replicas.toInteger()),
                     u"spec.replicas"_s}};
            return HttpResponse::kubeStatus(
                    422,
                    u"Invalid"_s,
                    ObjectRules::invalidMessage(u"Scale.autoscaling"_s, name, causes),
                    details(name, u"autoscaling"_s, u"Scale"_s, {}, causes));
        }
        spec.insert(u"replicas", replicas.toInteger());
        object.insert(u"spec", spec);
        QJsonObject metadata = object.value(u"metadata").toObject();
        if (!rv.isEmpty())
            metadata.insert(u"resourceVersion", rv);
        object.insert(u"metadata", metadata);
        return commit(type, request, existing, object, true, Subresource::Scale);
    }
    QJsonObject metadata = body.value(u"metadata").toObject();
    metadata.insert(u"name", name);
    if (type.namespaced)
        metadata.insert(u"namespace", ns);
    body.insert(u"metadata", metadata);
    if (subresource == Subresource::Status) {
        // Only .status moves; everything else is the stored object (RV from the body).
        QJsonObject object = *existing;
        object.insert(u"status", body.value(u"status"));
        QJsonObject stored = object.value(u"metadata").toObject();
        if (metadata.contains(u"resourceVersion"))
            stored.insert(u"resourceVersion", metadata.value(u"resourceVersion"));
        object.insert(u"metadata", stored);
        return commit(type, request, existing, object, false, Subresource::Status);
    }
    if (metadata.value(u"managedFields").toArray().isEmpty())
        metadata.insert(u"managedFields", existing->value(u"metadata")[u"managedFields"]);
    body.insert(u"metadata", metadata);
    return commit(type, request, existing, body, true);
}

HttpResponse KubeApi::patch(const ResourceType &type,
                            const HttpRequest &request,
                            const QString &ns,
                            const QString &name,
                            Subresource subresource)
{
    const QByteArray contentType = request.header("content-type").split(';').first().trimmed();
    const std::optional<QJsonObject> existing = m_state->get(storageKey(type), ns, name);
    if (contentType == "application/apply-patch+yaml" && subresource == Subresource::None)
        return applyPatch(type, request, ns, name, existing);
    if (!existing)
        return notFound(type, name);
    const QJsonObject original
            = subresource == Subresource::Scale ? scaleOf(type, *existing) : *existing;
    QJsonObject patched;
    if (contentType == "application/json-patch+json"
        || contentType == "application/merge-patch+json"
        || contentType == "application/strategic-merge-patch+json") {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (document.isNull())
            return badRequest(u"error decoding patch: "_s + error.errorString());
        const QJsonValue patchValue
                = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        if (contentType == "application/json-patch+json") {
            const auto result = ObjectPatch::applyJsonPatch(original, patchValue);
            if (!result) {
                if (result.error().code == u"BadRequest")
                    return badRequest(result.error().message);
                // kube-apiserver answers a patch that does not apply (a failed "test", a missing
                // path) with errors.NewGenericServerResponse(422, ...): a generic message and
                // empty details; jsonpatch's own text never reaches the client.
                return HttpResponse::kubeStatus(
                        422,
                        u"Invalid"_s,
                        u"the server rejected our request due to an error in our request"_s,
                        QByteArrayLiteral("{}"));
            }
            patched = result->toObject();
        } else if (contentType == "application/merge-patch+json") {
            if (!patchValue.isObject())
                return badRequest(u"error decoding patch: a merge patch must be a JSON object"_s);
            patched = ObjectPatch::applyMergePatch(original, patchValue).toObject();
        } else {
            if (!patchValue.isObject())
                return badRequest(
                        u"error decoding patch: a strategic merge patch must be a JSON object"_s);
            const auto result
                    = ObjectPatch::applyStrategicMergePatch(original, patchValue.toObject());
            if (!result)
                return badRequest(result.error().message);
            patched = *result;
        }
    } else {
        return HttpResponse::kubeStatus(
                415,
                u"UnsupportedMediaType"_s,
                u"the body of the request was in an unknown format - accepted media types "
                u"include: application/json-patch+json, application/merge-patch+json, "
                u"application/apply-patch+yaml, application/strategic-merge-patch+json"_s);
    }
    if (subresource == Subresource::Scale) {
        HttpRequest put = request;
        put.body = compact(patched);
        return replace(type, put, ns, name, Subresource::Scale);
    }
    // The name and namespace come from the URL, whatever the patch did to them.
    QJsonObject metadata = patched.value(u"metadata").toObject();
    if (metadata.value(u"name").toString() != name)
        return badRequest(u"metadata.name: Invalid value: \"%1\": field is immutable"_s.arg(
                metadata.value(u"name").toString()));
    if (type.namespaced)
        metadata.insert(u"namespace", ns);
    patched.insert(u"metadata", metadata);
    if (subresource == Subresource::Status) {
        QJsonObject object = *existing;
        object.insert(u"status", patched.value(u"status"));
        return commit(type, request, existing, object, false, Subresource::Status);
    }
    return commit(type, request, existing, patched, true);
}

HttpResponse KubeApi::applyPatch(const ResourceType &type,
                                 const HttpRequest &request,
                                 const QString &ns,
                                 const QString &name,
                                 const std::optional<QJsonObject> &existing)
{
    const QString manager = request.query.queryItemValue(u"fieldManager"_s);
    if (manager.isEmpty())
        return badRequest(u"PATCH "_s + request.path
                          + u": fieldManager is required for apply requests"_s);
    const auto parsed = yamlToJson(request.body);
    if (!parsed)
        return badRequest(parsed.error().message);
    if (!parsed->isObject())
        return badRequest(u"error decoding YAML: the body is not an object"_s);
    QJsonObject config = parsed->toObject();
    QJsonObject metadata = config.value(u"metadata").toObject();
    if (metadata.contains(u"managedFields"))
        return badRequest(u"metadata.managedFields must be nil"_s);
    const QString apiVersion = groupVersionOf(type.group, type.version);
    if (config.value(u"kind").toString() != type.kind
        || config.value(u"apiVersion").toString() != apiVersion) {
        return badRequest(
                u"invalid object type: %1, Kind=%2"_s.arg(config.value(u"apiVersion").toString(),
                                                          config.value(u"kind").toString()));
    }
    if (metadata.value(u"name").toString() != name)
        return badRequest(u"the name of the object (%1) does not match the name on the URL (%2)"_s
                                  .arg(metadata.value(u"name").toString(), name));
    if (type.namespaced) {
        const QString bodyNs = metadata.value(u"namespace").toString();
        if (!bodyNs.isEmpty() && bodyNs != ns)
            return badRequest(
                    u"the namespace of the provided object does not match the namespace sent on "
                    u"the request"_s);
        metadata.insert(u"namespace", ns);
        config.insert(u"metadata", metadata);
    }
    const bool force = queryFlag(request, u"force"_s);
    QJsonObject live = existing.value_or(QJsonObject());
    const ServerApply::Applied applied = ServerApply::apply(live, config, manager, force, now());
    if (!applied.conflicts.isEmpty()) {
        QList<ObjectRules::Cause> causes;
        for (const ServerApply::Conflict &c : applied.conflicts) {
            causes.append({u"FieldManagerConflict"_s,
                           u"conflict with "_s + ServerApply::describeManager(c),
                           c.field});
        }
        return HttpResponse::kubeStatus(409,
                                        u"Conflict"_s,
                                        ServerApply::conflictMessage(applied.conflicts),
                                        details(name, type.group, type.name, {}, causes));
    }
    QJsonObject object = applied.object;
    object.insert(u"kind", type.kind);
    object.insert(u"apiVersion", apiVersion);
    if (existing) {
        // The applied config never carries the live resourceVersion: no precondition.
        QJsonObject m = object.value(u"metadata").toObject();
        m.insert(u"resourceVersion", existing->value(u"metadata")[u"resourceVersion"]);
        object.insert(u"metadata", m);
        object.insert(u"status", existing->value(u"status"));
    } else if (type.namespaced && !m_state->get(u"namespaces"_s, QString(), ns)) {
        return HttpResponse::kubeStatus(404,
                                        u"NotFound"_s,
                                        u"namespaces \""_s + ns + u"\" not found",
                                        details(ns, QString(), u"namespaces"_s));
    }
    return commit(type, request, existing, object, false);
}

HttpResponse KubeApi::commit(const ResourceType &type,
                             const HttpRequest &request,
                             const std::optional<QJsonObject> &existing,
                             QJsonObject object,
                             bool recordManagedFields,
                             Subresource subresource)
{
    const QString resource = storageKey(type);
    QJsonObject metadata = object.value(u"metadata").toObject();
    const QString name = metadata.value(u"name").toString();
    if (existing) {
        const QString want = metadata.value(u"resourceVersion").toString();
        const QString have = existing->value(u"metadata")[u"resourceVersion"].toString();
        if (!want.isEmpty() && want != have)
            return conflict(type, name);
        // The main resource never changes .status (that is what /status is for).
        if (subresource == Subresource::None && existing->contains(u"status")
            && type.subresources.contains(u"status"_s))
            object.insert(u"status", existing->value(u"status"));
    }
    object.insert(u"kind", type.kind);
    object.insert(u"apiVersion", groupVersionOf(type.group, type.version));
    object = ObjectRules::applyDefaults(resource, object, m_state->spec().seed);
    const QList<ObjectRules::Cause> causes = ObjectRules::validate(resource, object);
    if (!causes.isEmpty())
        return invalid(type, type.kind, name, causes);
    if (recordManagedFields) {
        object = ServerApply::recordUpdate(existing.value_or(QJsonObject()),
                                           object,
                                           managerOf(request),
                                           now(),
                                           subresource == Subresource::Scale ? u"scale"_s
                                                                             : QString());
    }
    if (existing) {
        // A write that changes nothing is not stored: same resourceVersion, no watch event
        // (kubectl then prints "patched (no change)").
        QJsonObject same = object;
        QJsonObject m = same.value(u"metadata").toObject();
        m.insert(u"resourceVersion", existing->value(u"metadata")[u"resourceVersion"]);
        same.insert(u"metadata", m);
        if (m_state->prepareUpdate(resource, same) == m_state->prepareUpdate(resource, *existing)) {
            if (subresource == Subresource::Scale)
                return HttpResponse::json(200, scaleOf(type, *existing));
            return HttpResponse::json(200, served(type, *existing));
        }
    }
    QJsonObject stored;
    if (isDryRun(request)) {
        stored = existing ? m_state->prepareUpdate(resource, object)
                          : m_state->prepareCreate(resource, object);
        if (existing) {
            QJsonObject m = stored.value(u"metadata").toObject();
            m.insert(u"resourceVersion", existing->value(u"metadata")[u"resourceVersion"]);
            stored.insert(u"metadata", m);
        }
    } else {
        stored = existing ? m_state->update(resource, object) : m_state->create(resource, object);
    }
    if (subresource == Subresource::Scale)
        return HttpResponse::json(200, scaleOf(type, stored));
    return HttpResponse::json(existing ? 200 : 201, served(type, stored));
}

void KubeApi::collectGarbage(const QString &ownerUid, const QString &ns)
{
    // Background cascading deletion, done at once: dependents whose ownerReferences name the
    // deleted object go too (ReplicaSets of a Deployment, Pods of a ReplicaSet).
    for (const ResourceType &type : resourceTypes()) {
        if (!type.namespaced)
            continue;
        for (const QJsonObject &object : m_state->list(storageKey(type), ns)) {
            for (const QJsonValue &owner : object[u"metadata"][u"ownerReferences"].toArray()) {
                if (owner[u"uid"].toString() != ownerUid)
                    continue;
                const QString name = object[u"metadata"][u"name"].toString();
                const QString uid = object[u"metadata"][u"uid"].toString();
                m_state->remove(storageKey(type), ns, name);
                collectGarbage(uid, ns);
                break;
            }
        }
    }
}

HttpResponse KubeApi::remove(const ResourceType &type,
                             const HttpRequest &request,
                             const QString &ns,
                             const QString &name)
{
    const QString resource = storageKey(type);
    const std::optional<QJsonObject> existing = m_state->get(resource, ns, name);
    if (!existing)
        return notFound(type, name);
    const QJsonObject options = QJsonDocument::fromJson(request.body).object();
    const QJsonObject preconditions = options.value(u"preconditions").toObject();
    const QJsonObject metadata = existing->value(u"metadata").toObject();
    const QString uid = metadata.value(u"uid").toString();
    if ((preconditions.contains(u"uid") && preconditions.value(u"uid").toString() != uid)
        || (preconditions.contains(u"resourceVersion")
            && preconditions.value(u"resourceVersion") != metadata.value(u"resourceVersion"))) {
        return HttpResponse::kubeStatus(
                409,
                u"Conflict"_s,
                u"Operation cannot be fulfilled on "_s + resource + u" \"" + name
                        + u"\": Precondition failed: UID in precondition: "_s
                        + preconditions.value(u"uid").toString() + u", UID in object meta: "_s
                        + uid,
                details(name, type.group, type.name));
    }
    QJsonObject gone = *existing;
    if (!isDryRun(request)) {
        gone = *m_state->remove(resource, ns, name);
        if (type.name == u"namespaces") {
            for (const ResourceType &t : resourceTypes()) {
                if (!t.namespaced)
                    continue;
                for (const QJsonObject &o : m_state->list(storageKey(t), name))
                    m_state->remove(storageKey(t), name, o[u"metadata"][u"name"].toString());
            }
        } else if (options.value(u"propagationPolicy").toString() != u"Orphan") {
            collectGarbage(uid, ns);
        }
    }
    // Kinds deleted gracefully (pods) or through finalizers (namespaces) answer with the object;
    // the rest with a Success Status, as kube-apiserver does.
    if (type.name == u"pods" || type.name == u"namespaces") {
        QJsonObject m = gone.value(u"metadata").toObject();
        m.insert(u"deletionTimestamp", now());
        if (type.name == u"pods")
            m.insert(u"deletionGracePeriodSeconds", 30);
        gone.insert(u"metadata", m);
        if (type.name == u"namespaces") {
            QJsonObject status = gone.value(u"status").toObject();
            status.insert(u"phase", u"Terminating"_s);
            gone.insert(u"status", status);
        }
        return HttpResponse::json(200, served(type, gone));
    }
    QByteArray body
            = R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":)"
              + details(name, type.group, type.name, uid) + '}';
    return HttpResponse::json(200, body);
}

HttpResponse KubeApi::removeCollection(const ResourceType &type,
                                       const HttpRequest &request,
                                       const QString &ns)
{
    const auto selectors = selectorsOf(request, type.fieldLabels);
    if (!selectors)
        return badRequest(selectors.error().message);
    QJsonArray items;
    for (const QJsonObject &object : m_state->list(storageKey(type), ns)) {
        if (!selectors->matches(object))
            continue;
        QJsonObject item = object;
        if (!isDryRun(request)) {
            const QString itemNs = object[u"metadata"][u"namespace"].toString();
            item = *m_state->remove(storageKey(type),
                                    itemNs,
                                    object[u"metadata"][u"name"].toString());
            collectGarbage(object[u"metadata"][u"uid"].toString(), itemNs);
        }
        item.remove(u"kind");
        item.remove(u"apiVersion");
        items.append(item);
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

HttpResponse KubeApi::podLog(const HttpRequest &request,
                             const QString &ns,
                             const QString &name) const
{
    const std::optional<QJsonObject> pod = m_state->get(u"pods"_s, ns, name);
    if (!pod) {
        return HttpResponse::kubeStatus(404,
                                        u"NotFound"_s,
                                        u"pods \""_s + name + u"\" not found",
                                        details(name, QString(), u"pods"_s));
    }
    QStringList containers;
    for (const QJsonValue &c : (*pod)[u"spec"][u"containers"].toArray())
        containers.append(c[u"name"].toString());
    QString container = request.query.queryItemValue(u"container"_s);
    if (container.isEmpty()) {
        if (containers.size() != 1)
            return badRequest(
                    u"a container name must be specified for pod %1, choose one of: [%2]"_s
                            .arg(name, containers.join(u' ')));
        container = containers.first();
    } else if (!containers.contains(container)) {
        return badRequest(u"container %1 is not valid for pod %2"_s.arg(container, name));
    }
    const bool previous = queryFlag(request, u"previous"_s);
    std::optional<PodIdentity> identity = ClusterLogs::containerIdentity(*m_state, *pod, container);
    qint64 toMs = m_clock->now().toMSecsSinceEpoch();
    const qint64 finishedMs = ClusterLogs::containerFinishedMs(*pod, container);
    if (previous) {
        // Only the run before the current one: its start and end are in lastState.terminated.
        QJsonObject terminated;
        for (const QJsonValue &status : (*pod)[u"status"][u"containerStatuses"].toArray()) {
            if (status[u"name"].toString() == container)
                terminated = status[u"lastState"][u"terminated"].toObject();
        }
        if (terminated.isEmpty() || !identity) {
            return badRequest(
                    u"previous terminated container \"%1\" in pod \"%2\" not found"_s.arg(container,
                                                                                          name));
        }
        identity->startedMs
                = QDateTime::fromString(terminated.value(u"startedAt").toString(), Qt::ISODate)
                          .toMSecsSinceEpoch();
        toMs = QDateTime::fromString(terminated.value(u"finishedAt").toString(), Qt::ISODate)
                       .toMSecsSinceEpoch();
    } else if (!identity) {
        return badRequest(u"container \"%1\" in pod \"%2\" is waiting to start: ContainerCreating"_s
                                  .arg(container, name));
    } else if (finishedMs > 0) {
        toMs = finishedMs; // waiting to restart: kubelet serves the last run's log
    }

    qint64 fromMs = identity->startedMs;
    bool ok = false;
    const qint64 sinceSeconds = request.query.queryItemValue(u"sinceSeconds"_s).toLongLong(&ok);
    if (ok && sinceSeconds > 0)
        fromMs = qMax(fromMs, m_clock->now().toMSecsSinceEpoch() - sinceSeconds * 1000);
    const QString sinceTime = request.query.queryItemValue(u"sinceTime"_s);
    if (!sinceTime.isEmpty()) {
        const QDateTime since = QDateTime::fromString(sinceTime, Qt::ISODateWithMs);
        if (!since.isValid())
            return badRequest(u"parsing time \"%1\" as \"2006-01-02T15:04:05Z07:00\": cannot "
                              u"parse \"%1\" as \"2006\""_s.arg(sinceTime));
        fromMs = qMax(fromMs, since.toMSecsSinceEpoch());
    }
    // Without tailLines the whole log, as far as kubelet keeps it: it rotates container logs
    // at 10 MiB, so an old pod's log starts long after the pod did. A line cap stands in for
    // that, and keeps one request from holding the simulator's thread.
    qint64 tail = request.query.queryItemValue(u"tailLines"_s).toLongLong(&ok);
    if (!ok || tail < 0 || tail > maxLogLines)
        tail = maxLogLines;
    const bool timestamps = queryFlag(request, u"timestamps"_s);
    const auto format = [timestamps](const QList<LogLine> &lines, qint64 fromMs) {
        QByteArray out;
        for (const LogLine &line : lines) {
            if (line.timestampMs() < fromMs)
                continue;
            if (timestamps)
                out += kubeletTimestamp(line.timestampNs) + ' ';
            out += line.text.toUtf8() + '\n';
        }
        return out;
    };
    const QByteArray body = format(m_logs->lastLines(*identity, toMs, int(tail)), fromMs);
    qint64 limitBytes = request.query.queryItemValue(u"limitBytes"_s).toLongLong(&ok);
    if (!ok || limitBytes <= 0)
        limitBytes = -1;
    if (queryFlag(request, u"follow"_s) && !previous && finishedMs == 0) {
        ClusterState *state = m_state;
        const SimClock *clock = m_clock;
        const LogGenerator *logs = m_logs;
        PodLogStream::Setup setup;
        setup.ns = ns;
        setup.pod = name;
        setup.container = container;
        setup.startedAt = SimClock::formatRfc3339(
                QDateTime::fromMSecsSinceEpoch(identity->startedMs, Qt::UTC));
        setup.already = body;
        setup.fromMs = toMs;
        setup.limitBytes = limitBytes;
        setup.lines = [logs, format, pod = *identity](qint64 from, qint64 to) {
            return format(logs->lines(pod, from, to), from);
        };
        return HttpResponse{200, {}, {}, [=](HttpConnection *connection) {
                                PodLogStream::start(connection, state, clock, setup);
                            }};
    }
    return HttpResponse{200,
                        {{"Content-Type", "text/plain"}},
                        limitBytes > 0 ? body.left(limitBytes) : body,
                        {}};
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

} // namespace Meridian::Sim

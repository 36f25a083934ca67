#include "sim/karmada/karmadacontrolplane.h"

#include "sim/certificateauthority.h"
#include "sim/deterministic.h"
#include "sim/httpconnection.h"
#include "sim/objectpatch.h"
#include "sim/selector.h"
#include "sim/simclock.h"
#include "sim/tableprinter.h"
#include "sim/watchstream.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

constexpr int handshakeTimeoutMs = 10000;
constexpr int defaultWatchTimeoutSeconds = 1800;

const QString proxyPrefix = u"/apis/cluster.karmada.io/v1alpha1/clusters/"_s;

QJsonArray toArray(const QStringList &strings)
{
    QJsonArray array;
    for (const QString &s : strings)
        array.append(s);
    return array;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray details(const QString &name, const QString &group, const QString &kind)
{
    return "{\"name\":" + jsonString(name) + ",\"group\":" + jsonString(group)
           + ",\"kind\":" + jsonString(kind) + '}';
}

bool queryFlag(const HttpRequest &request, const QString &name)
{
    const QString value = request.query.queryItemValue(name);
    return value == u"1" || value == u"true";
}

bool isDryRun(const HttpRequest &request)
{
    return request.query.allQueryItemValues(u"dryRun"_s).contains(u"All"_s);
}

QString conditionStatus(const QJsonObject &object, const QString &type)
{
    const QJsonArray conditions = object[u"status"][u"conditions"].toArray();
    for (const QJsonValue &condition : conditions) {
        if (condition[u"type"].toString() == type)
            return condition[u"status"].toString();
    }
    return u"Unknown"_s;
}

// The defaults Karmada's webhook gives a policy, so `kubectl get pp -o yaml` looks familiar.
QJsonObject defaultPolicy(QJsonObject policy)
{
    QJsonObject spec = policy.value(u"spec").toObject();
    if (!spec.contains(u"conflictResolution"))
        spec.insert(u"conflictResolution", u"Abort"_s);
    if (!spec.contains(u"preemption"))
        spec.insert(u"preemption", u"Never"_s);
    if (!spec.contains(u"priority"))
        spec.insert(u"priority", 0);
    if (!spec.contains(u"schedulerName"))
        spec.insert(u"schedulerName", u"default-scheduler"_s);
    QJsonObject placement = spec.value(u"placement").toObject();
    if (placement.contains(u"replicaScheduling")) {
        QJsonObject scheduling = placement.value(u"replicaScheduling").toObject();
        if (!scheduling.contains(u"replicaSchedulingType"))
            scheduling.insert(u"replicaSchedulingType", u"Divided"_s);
        placement.insert(u"replicaScheduling", scheduling);
    }
    if (!placement.contains(u"clusterTolerations")) {
        const auto toleration = [](const QString &key) {
            return QJsonObject{{u"effect"_s, u"NoExecute"_s},
                               {u"key"_s, key},
                               {u"operator"_s, u"Exists"_s},
                               {u"tolerationSeconds"_s, 300}};
        };
        placement.insert(u"clusterTolerations",
                         QJsonArray{toleration(u"cluster.karmada.io/not-ready"_s),
                                    toleration(u"cluster.karmada.io/unreachable"_s)});
    }
    spec.insert(u"placement", placement);
    policy.insert(u"spec", spec);
    return policy;
}

} // namespace

QString KarmadaControlPlane::ResourceType::storageKey() const
{
    return name + u'.' + group;
}

QString KarmadaControlPlane::ResourceType::groupVersion() const
{
    return group + u'/' + version;
}

QList<KarmadaControlPlane::ResourceType> KarmadaControlPlane::karmadaTypes()
{
    return {
            {u"cluster.karmada.io"_s,
             u"v1alpha1"_s,
             u"clusters"_s,
             u"cluster"_s,
             u"Cluster"_s,
             false,
             {},
             {},
             true},
            {u"policy.karmada.io"_s,
             u"v1alpha1"_s,
             u"clusterpropagationpolicies"_s,
             u"clusterpropagationpolicy"_s,
             u"ClusterPropagationPolicy"_s,
             false,
             {u"cpp"_s},
             {},
             false},
            {u"policy.karmada.io"_s,
             u"v1alpha1"_s,
             u"propagationpolicies"_s,
             u"propagationpolicy"_s,
             u"PropagationPolicy"_s,
             true,
             {u"pp"_s},
             {},
             false},
            {u"work.karmada.io"_s,
             u"v1alpha2"_s,
             u"clusterresourcebindings"_s,
             u"clusterresourcebinding"_s,
             u"ClusterResourceBinding"_s,
             false,
             {u"crb"_s},
             {},
             true},
            {u"work.karmada.io"_s,
             u"v1alpha2"_s,
             u"resourcebindings"_s,
             u"resourcebinding"_s,
             u"ResourceBinding"_s,
             true,
             {u"rb"_s},
             {},
             true},
    };
}

namespace {

ClusterSpec controlPlaneSpec(const KarmadaControlPlane::Options &options, const QString &token)
{
    ClusterSpec spec;
    spec.name = u"karmada-apiserver"_s;
    spec.token = token;
    // karmada-apiserver is a stock kube-apiserver; Karmada v1.10 ships v1.28.
    spec.gitVersion = u"v1.28.9"_s;
    spec.buildDate = u"2024-04-16T15:00:34Z"_s;
    spec.goVersion = u"go1.21.9"_s;
    spec.seed = stableHash(options.seed, u"karmada");
    spec.created = SimClock::fixedEpoch();
    spec.watchHistory = options.watchHistory;
    spec.bookmarkIntervalMs = options.bookmarkIntervalMs;
    return spec;
}

QString tokenFor(quint64 seed)
{
    Prng prng(stableHash(seed, u"karmada-token"));
    return QString::fromLatin1(prng.alphanumeric(32));
}

} // namespace

KarmadaControlPlane::KarmadaControlPlane(const CertificateAuthority &ca,
                                         QList<Member> members,
                                         Options options,
                                         QObject *parent)
    : QTcpServer(parent)
    , m_ca(ca)
    , m_options(std::move(options))
    , m_state(controlPlaneSpec(m_options, tokenFor(m_options.seed)))
    , m_api(&m_state, m_options.clock)
    , m_token(tokenFor(m_options.seed))
{
    setObjectName(u"karmada"_s);
    m_state.setClock(m_options.clock);
    for (const QString &ns : {u"karmada-system"_s, u"karmada-cluster"_s}) {
        Prng uid(stableHash(m_options.seed, QString(u"karmada-namespace/"_s + ns)));
        m_state.put(u"namespaces"_s,
                    QJsonObject{{u"kind"_s, u"Namespace"_s},
                                {u"apiVersion"_s, u"v1"_s},
                                {u"metadata"_s,
                                 QJsonObject{{u"name"_s, ns},
                                             {u"uid"_s, QString::fromLatin1(uid.uuid())},
                                             {u"creationTimestamp"_s,
                                              SimClock::formatRfc3339(SimClock::fixedEpoch())},
                                             {u"labels"_s,
                                              QJsonObject{
                                                      {u"kubernetes.io/metadata.name"_s, ns}}}}},
                                {u"spec"_s,
                                 QJsonObject{{u"finalizers"_s, QJsonArray{u"kubernetes"_s}}}},
                                {u"status"_s, QJsonObject{{u"phase"_s, u"Active"_s}}}});
    }
    m_api.registerRoutes(&m_kubeRouter);
    for (Member &member : members) {
        auto runtime = std::make_unique<MemberRuntime>();
        runtime->member = std::move(member);
        runtime->api
                = std::make_unique<KubeApi>(runtime->member.state, m_options.clock, m_options.logs);
        runtime->router = std::make_unique<Router>();
        runtime->api->registerRoutes(runtime->router.get());
        // Pods, nodes and Deployments of members feed Cluster and binding status.
        runtime->observer = runtime->member.state->observe([this](const Change &change) {
            if (change.resource == u"deployments.apps" || change.resource == u"nodes"
                || change.resource == u"pods")
                scheduleReconcile();
        });
        m_members.push_back(std::move(runtime));
    }
    registerRoutes();
    seedClusters();

    m_reconcileTimer.setSingleShot(true);
    m_reconcileTimer.setInterval(m_options.reconcileDelayMs);
    connect(&m_reconcileTimer, &QTimer::timeout, this, &KarmadaControlPlane::reconcile);
    m_statusTimer.setInterval(m_options.statusIntervalMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &KarmadaControlPlane::scheduleReconcile);
    m_observer = m_state.observe([this](const Change &change) {
        // Our own binding writes would only wake us for nothing. A Cluster written by someone
        // else (deleted, created, relabelled) reschedules, as Karmada's scheduler requeues the
        // bindings a cluster event affects; our own Cluster status writes happen while
        // reconciling.
        if (!m_reconciling && change.resource != u"resourcebindings.work.karmada.io")
            scheduleReconcile();
    });
}

KarmadaControlPlane::~KarmadaControlPlane()
{
    // Open watches and proxied watches observe stores; end them before we unobserve.
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(connections);
    for (const auto &runtime : m_members)
        runtime->member.state->unobserve(runtime->observer);
    m_state.unobserve(m_observer);
}

Status KarmadaControlPlane::start()
{
    if (!m_options.clock)
        return Error{u"InvalidArgument"_s, u"The Karmada control plane needs a clock."_s};
    Result<IssuedCertificate> issued = m_ca.issueServerCertificate(u"karmada-apiserver"_s);
    if (!issued)
        return issued.error();
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificate(QSslCertificate(issued->certificatePem, QSsl::Pem));
    m_tls.setPrivateKey(QSslKey(issued->privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (m_tls.localCertificate().isNull() || m_tls.privateKey().isNull()) {
        return Error{u"TlsError"_s,
                     u"Qt could not load the simulator's certificate for Karmada; check that Qt "
                     u"Network uses the OpenSSL TLS backend."_s};
    }
    if (!listen(QHostAddress::LocalHost, 0)) {
        return Error{u"ListenFailed"_s,
                     u"The simulated Karmada control plane could not listen on 127.0.0.1: %1"_s.arg(
                             errorString())};
    }
    m_statusTimer.start();
    scheduleReconcile();
    return succeeded();
}

QUrl KarmadaControlPlane::url() const
{
    return QUrl(u"https://127.0.0.1:"_s + QString::number(serverPort()));
}

QString KarmadaControlPlane::token() const
{
    return m_token;
}

ClusterState *KarmadaControlPlane::state()
{
    return &m_state;
}

void KarmadaControlPlane::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    auto *connection = new HttpConnection(
            socket,
            [this](HttpConnection *connection, HttpRequest request) {
                handle(connection, request);
            },
            this);
    socket->startServerEncryption();
    QTimer::singleShot(handshakeTimeoutMs, connection, [connection, socket] {
        if (!socket->isEncrypted())
            connection->abort();
    });
}

void KarmadaControlPlane::handle(HttpConnection *connection, const HttpRequest &request)
{
    const HttpResponse response = answer(request);
    if (response.stream) {
        if (request.path.startsWith(proxyPrefix)) {
            const QString member = request.path.mid(proxyPrefix.size()).section(u'/', 0, 0);
            m_proxiedStreams.insert(member, connection);
        }
        response.stream(connection);
    } else {
        connection->respond(response);
    }
}

void KarmadaControlPlane::dropProxiedStreams(const QString &member)
{
    const QList<QPointer<HttpConnection>> streams = m_proxiedStreams.values(member);
    m_proxiedStreams.remove(member);
    for (const QPointer<HttpConnection> &connection : streams) {
        if (connection)
            connection->abort();
    }
}

bool KarmadaControlPlane::authenticated(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    static constexpr QByteArrayView scheme = "bearer ";
    if (authorization.size() <= scheme.size()
        || authorization.left(scheme.size()).toLower() != scheme)
        return false;
    return authorization.mid(scheme.size()).trimmed() == m_token.toUtf8();
}

HttpResponse KarmadaControlPlane::answer(const HttpRequest &request)
{
    if (!authenticated(request))
        return HttpResponse::unauthorized();
    if (auto proxied = proxy(request))
        return *proxied;
    const bool ours = request.path == u"/apis" || request.path.startsWith(u"/openapi/")
                      || request.path.contains(u".karmada.io");
    if (!ours)
        return m_kubeRouter.dispatch(request);
    HttpResponse response = m_router.dispatch(request);
    // /openapi/v3/api/v1 and friends are KubeApi's.
    if (response.status == 404 && request.path.startsWith(u"/openapi/v3/"))
        return m_kubeRouter.dispatch(request);
    return response;
}

// /apis/cluster.karmada.io/v1alpha1/clusters/{name}/proxy/{path...}: answered by the member's
// own KubeApi in-process, so bodies, errors, watches and log streams are the member's bytes.
std::optional<HttpResponse> KarmadaControlPlane::proxy(const HttpRequest &request)
{
    if (!request.path.startsWith(proxyPrefix))
        return std::nullopt;
    const QString rest = request.path.mid(proxyPrefix.size());
    const qsizetype slash = rest.indexOf(u'/');
    const QString name = slash < 0 ? rest : rest.left(slash);
    const QString tail = slash < 0 ? QString() : rest.mid(slash);
    if (tail != u"/proxy" && !tail.startsWith(u"/proxy/"))
        return std::nullopt;
    for (const auto &runtime : m_members) {
        if (runtime->member.name != name)
            continue;
        // The aggregated apiserver proxies only to clusters it has a Cluster object for.
        if (!m_state.get(u"clusters.cluster.karmada.io"_s, {}, name))
            break;
        if (!memberHealthy(name)) {
            return HttpResponse::kubeStatus(503,
                                            u"ServiceUnavailable"_s,
                                            u"cluster(%1) is not reachable"_s.arg(name));
        }
        HttpRequest forwarded = request;
        forwarded.path = tail.mid(u"/proxy"_s.size());
        if (forwarded.path.isEmpty())
            forwarded.path = u"/"_s;
        return runtime->router->dispatch(forwarded);
    }
    return HttpResponse::kubeStatus(404,
                                    u"NotFound"_s,
                                    u"clusters.cluster.karmada.io \"%1\" not found"_s.arg(name),
                                    details(name, u"cluster.karmada.io"_s, u"clusters"_s));
}

void KarmadaControlPlane::registerRoutes()
{
    m_router.add("GET", u"/apis"_s, [this](const HttpRequest &request, const PathParameters &) {
        return groupList(request);
    });
    // kubectl's client-side apply of a kind it has not compiled in asks for OpenAPI v2 (as
    // protobuf) and gives up without it; an empty Document (swagger "2.0", info, no
    // definitions) makes it fall back to a JSON merge patch, as for a CRD without a schema.
    m_router.add("GET", u"/openapi/v2"_s, [this](const HttpRequest &, const PathParameters &) {
        const auto field = [](char tag, const QByteArray &bytes) -> QByteArray {
            return QByteArray(1, tag) + char(bytes.size()) + bytes;
        };
        const QByteArray info
                = field('\x0a', "Kubernetes") + field('\x12', m_state.spec().gitVersion.toUtf8());
        return HttpResponse{200,
                            {{"Content-Type",
                              "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"}},
                            field('\x0a', "2.0") + field('\x12', info),
                            {}};
    });
    m_router.add("GET",
                 u"/openapi/v3"_s,
                 [this](const HttpRequest &request, const PathParameters &) {
                     return openApiIndex(request);
                 });
    QStringList groups;
    QStringList groupVersions;
    for (const ResourceType &type : karmadaTypes()) {
        const QString groupVersion = type.groupVersion();
        if (!groups.contains(type.group)) {
            groups.append(type.group);
            m_router.add("GET",
                         u"/apis/"_s + type.group,
                         [type](const HttpRequest &, const PathParameters &) {
                             const QJsonObject gv{{u"groupVersion"_s, type.groupVersion()},
                                                  {u"version"_s, type.version}};
                             return HttpResponse::json(200,
                                                       QJsonObject{{u"kind"_s, u"APIGroup"_s},
                                                                   {u"apiVersion"_s, u"v1"_s},
                                                                   {u"name"_s, type.group},
                                                                   {u"versions"_s, QJsonArray{gv}},
                                                                   {u"preferredVersion"_s, gv}});
                         });
        }
        const QString prefix = u"/apis/"_s + groupVersion;
        if (!groupVersions.contains(groupVersion)) {
            groupVersions.append(groupVersion);
            m_router.add("GET",
                         prefix,
                         [this, groupVersion](const HttpRequest &, const PathParameters &) {
                             return resourceList(groupVersion);
                         });
            m_router.add("GET",
                         u"/openapi/v3"_s + prefix,
                         [this, groupVersion](const HttpRequest &, const PathParameters &) {
                             return openApiGroupVersion(groupVersion);
                         });
        }
        const auto nsOf = [](const PathParameters &p) { return p.value(u"namespace"_s); };
        m_router.add("GET",
                     prefix + u'/' + type.name,
                     [this, type](const HttpRequest &request, const PathParameters &) {
                         return list(type, request, QString());
                     });
        const QString collection
                = type.namespaced ? QString(prefix + u"/namespaces/{namespace}/"_s + type.name)
                                  : QString(prefix + u'/' + type.name);
        const QString item = collection + u"/{name}"_s;
        if (type.namespaced) {
            m_router.add("GET",
                         collection,
                         [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                             return list(type, request, nsOf(p));
                         });
        }
        m_router.add("POST",
                     collection,
                     [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                         return create(type, request, nsOf(p));
                     });
        m_router.add("GET",
                     item,
                     [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                         return get(type, request, nsOf(p), p.value(u"name"_s));
                     });
        m_router.add("PUT",
                     item,
                     [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                         return replace(type, request, nsOf(p), p.value(u"name"_s), false);
                     });
        m_router.add("PATCH",
                     item,
                     [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                         return patch(type, request, nsOf(p), p.value(u"name"_s), false);
                     });
        m_router.add("DELETE",
                     item,
                     [this, type, nsOf](const HttpRequest &, const PathParameters &p) {
                         return remove(type, nsOf(p), p.value(u"name"_s));
                     });
        if (type.hasStatus) {
            m_router.add("GET",
                         item + u"/status"_s,
                         [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                             return get(type, request, nsOf(p), p.value(u"name"_s));
                         });
            m_router.add("PUT",
                         item + u"/status"_s,
                         [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                             return replace(type, request, nsOf(p), p.value(u"name"_s), true);
                         });
            m_router.add("PATCH",
                         item + u"/status"_s,
                         [this, type, nsOf](const HttpRequest &request, const PathParameters &p) {
                             return patch(type, request, nsOf(p), p.value(u"name"_s), true);
                         });
        }
    }
}

HttpResponse KarmadaControlPlane::groupList(const HttpRequest &request) const
{
    const HttpResponse kube = m_kubeRouter.dispatch(request);
    QJsonObject list = QJsonDocument::fromJson(kube.body).object();
    QJsonArray groups = list.value(u"groups").toArray();
    QStringList seen;
    for (const ResourceType &type : karmadaTypes()) {
        if (seen.contains(type.group))
            continue;
        seen.append(type.group);
        const QJsonObject gv{{u"groupVersion"_s, type.groupVersion()},
                             {u"version"_s, type.version}};
        groups.append(QJsonObject{{u"name"_s, type.group},
                                  {u"versions"_s, QJsonArray{gv}},
                                  {u"preferredVersion"_s, gv}});
    }
    list.insert(u"groups", groups);
    return HttpResponse::json(200, list);
}

HttpResponse KarmadaControlPlane::openApiIndex(const HttpRequest &request) const
{
    const HttpResponse kube = m_kubeRouter.dispatch(request);
    QJsonObject index = QJsonDocument::fromJson(kube.body).object();
    QJsonObject paths = index.value(u"paths").toObject();
    for (const ResourceType &type : karmadaTypes()) {
        const QString relative = u"apis/"_s + type.groupVersion();
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
    index.insert(u"paths", paths);
    return HttpResponse::json(200, index);
}

// Like KubeApi's: paths, GVK extensions and the fieldValidation parameter, no schemas. kubectl
// then validates on the server and builds merge patches for these kinds, as for any CRD.
HttpResponse KarmadaControlPlane::openApiGroupVersion(const QString &groupVersion) const
{
    QJsonObject paths;
    QJsonArray parameters;
    for (const QString &name : {u"dryRun"_s, u"fieldManager"_s, u"fieldValidation"_s}) {
        parameters.append(QJsonObject{{u"name"_s, name},
                                      {u"in"_s, u"query"_s},
                                      {u"schema"_s, QJsonObject{{u"type"_s, u"string"_s}}}});
    }
    for (const ResourceType &type : karmadaTypes()) {
        if (type.groupVersion() != groupVersion)
            continue;
        const QString path = u"/apis/"_s + groupVersion
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
                                                       {u"version"_s, m_state.spec().gitVersion}}},
                                          {u"paths"_s, paths},
                                          {u"components"_s,
                                           QJsonObject{{u"schemas"_s, QJsonObject()}}}});
}

HttpResponse KarmadaControlPlane::resourceList(const QString &groupVersion) const
{
    QJsonArray resources;
    for (const ResourceType &type : karmadaTypes()) {
        if (type.groupVersion() != groupVersion)
            continue;
        const QByteArray hash
                = QCryptographicHash::hash(type.storageKey().toUtf8(), QCryptographicHash::Sha256)
                          .left(8)
                          .toBase64();
        QJsonObject resource{{u"name"_s, type.name},
                             {u"singularName"_s, type.singularName},
                             {u"namespaced"_s, type.namespaced},
                             {u"kind"_s, type.kind},
                             {u"verbs"_s,
                              toArray({u"create"_s,
                                       u"delete"_s,
                                       u"get"_s,
                                       u"list"_s,
                                       u"patch"_s,
                                       u"update"_s,
                                       u"watch"_s})},
                             {u"storageVersionHash"_s, QString::fromLatin1(hash)}};
        if (!type.shortNames.isEmpty())
            resource.insert(u"shortNames", toArray(type.shortNames));
        resources.append(resource);
        QStringList subresources;
        if (type.hasStatus)
            subresources.append(u"status"_s);
        if (type.name == u"clusters")
            subresources.append(u"proxy"_s);
        for (const QString &sub : subresources) {
            const bool isProxy = sub == u"proxy";
            resources.append(QJsonObject{
                    {u"name"_s, QString(type.name + u'/' + sub)},
                    {u"singularName"_s, QString()},
                    {u"namespaced"_s, type.namespaced},
                    {u"kind"_s, isProxy ? u"ClusterProxyOptions"_s : type.kind},
                    {u"verbs"_s,
                     isProxy ? toArray(
                             {u"create"_s, u"delete"_s, u"get"_s, u"patch"_s, u"update"_s})
                             : toArray({u"get"_s, u"patch"_s, u"update"_s})}});
        }
    }
    return HttpResponse::json(200,
                              QJsonObject{{u"kind"_s, u"APIResourceList"_s},
                                          {u"apiVersion"_s, u"v1"_s},
                                          {u"groupVersion"_s, groupVersion},
                                          {u"resources"_s, resources}});
}

QJsonObject KarmadaControlPlane::table(const ResourceType &type,
                                       const QList<QJsonObject> &objects,
                                       const QString &resourceVersion,
                                       bool withColumns) const
{
    // TablePrinter prints NAME and AGE for kinds it does not know; the printer columns of
    // Karmada's CRDs go around them.
    QJsonObject out = TablePrinter::table(type.storageKey(),
                                          objects,
                                          m_options.clock->now(),
                                          resourceVersion,
                                          withColumns);
    const auto column = [](const QString &name, const QString &description, int priority = 0) {
        return QJsonObject{{u"name"_s, name},
                           {u"type"_s, u"string"_s},
                           {u"format"_s, QString()},
                           {u"description"_s, description},
                           {u"priority"_s, priority}};
    };
    QJsonArray extra;
    std::function<QJsonArray(const QJsonObject &)> cells;
    if (type.name == u"clusters") {
        extra = {column(u"Version"_s,
                        u"KubernetesVersion represents version of the member "
                        u"cluster."_s),
                 column(u"Mode"_s,
                        u"SyncMode describes how a cluster syncs resources from "
                        u"karmada control plane."_s),
                 column(u"Ready"_s,
                        u"The aggregate readiness state of this cluster for "
                        u"accepting workloads."_s)};
        cells = [](const QJsonObject &object) {
            return QJsonArray{object[u"status"][u"kubernetesVersion"].toString(),
                              object[u"spec"][u"syncMode"].toString(),
                              conditionStatus(object, u"Ready"_s)};
        };
    } else if (type.name.endsWith(u"propagationpolicies")) {
        extra = {column(u"Conflict-Resolution"_s,
                        u"ConflictResolution declares how potential conflict should be handled "
                        u"when a resource that is being propagated already exists in the target "
                        u"cluster."_s),
                 column(u"Priority"_s,
                        u"The Priority of a policy, higher means more preferred."_s)};
        cells = [](const QJsonObject &object) {
            return QJsonArray{object[u"spec"][u"conflictResolution"].toString(),
                              object[u"spec"][u"priority"].toInteger()};
        };
    } else {
        extra = {column(u"Scheduled"_s, u"Scheduled condition status."_s),
                 column(u"FullyApplied"_s, u"FullyApplied condition status."_s)};
        cells = [](const QJsonObject &object) {
            return QJsonArray{conditionStatus(object, u"Scheduled"_s),
                              conditionStatus(object, u"FullyApplied"_s)};
        };
    }
    if (withColumns) {
        QJsonArray columns = out.value(u"columnDefinitions").toArray();
        QJsonArray merged{columns.at(0)};
        for (const QJsonValue &c : std::as_const(extra))
            merged.append(c);
        for (qsizetype i = 1; i < columns.size(); ++i)
            merged.append(columns.at(i));
        out.insert(u"columnDefinitions", merged);
    }
    QJsonArray rows = out.value(u"rows").toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject row = rows[i].toObject();
        const QJsonArray old = row.value(u"cells").toArray();
        QJsonArray merged{old.at(0)};
        for (const QJsonValue &cell : cells(objects.at(i)))
            merged.append(cell);
        for (qsizetype c = 1; c < old.size(); ++c)
            merged.append(old.at(c));
        row.insert(u"cells", merged);
        rows[i] = row;
    }
    out.insert(u"rows", rows);
    return out;
}

HttpResponse KarmadaControlPlane::list(const ResourceType &type,
                                       const HttpRequest &request,
                                       const QString &ns)
{
    if (queryFlag(request, u"watch"_s))
        return watch(type, request, ns);
    const auto labels = Selector::parseLabels(
            request.query.queryItemValue(u"labelSelector"_s, QUrl::FullyDecoded));
    if (!labels)
        return HttpResponse::kubeStatus(400, u"BadRequest"_s, labels.error().message);
    const auto fields = Selector::parseFields(request.query.queryItemValue(u"fieldSelector"_s,
                                                                           QUrl::FullyDecoded),
                                              {});
    if (!fields)
        return HttpResponse::kubeStatus(400, u"BadRequest"_s, fields.error().message);
    QList<QJsonObject> objects;
    for (const QJsonObject &object : m_state.list(type.storageKey(), ns)) {
        if (labels->matches(object) && fields->matches(object))
            objects.append(object);
    }
    const QString resourceVersion = m_state.resourceVersion();
    if (request.wantsTable())
        return HttpResponse::json(200, table(type, objects, resourceVersion, true));
    QJsonArray items;
    for (const QJsonObject &object : std::as_const(objects))
        items.append(object);
    return HttpResponse::json(200,
                              QJsonObject{{u"kind"_s, QString(type.kind + u"List")},
                                          {u"apiVersion"_s, type.groupVersion()},
                                          {u"metadata"_s,
                                           QJsonObject{{u"resourceVersion"_s, resourceVersion}}},
                                          {u"items"_s, items}});
}

HttpResponse KarmadaControlPlane::watch(const ResourceType &type,
                                        const HttpRequest &request,
                                        const QString &ns)
{
    const auto labels = Selector::parseLabels(
            request.query.queryItemValue(u"labelSelector"_s, QUrl::FullyDecoded));
    if (!labels)
        return HttpResponse::kubeStatus(400, u"BadRequest"_s, labels.error().message);
    const auto fields = Selector::parseFields(request.query.queryItemValue(u"fieldSelector"_s,
                                                                           QUrl::FullyDecoded),
                                              {});
    if (!fields)
        return HttpResponse::kubeStatus(400, u"BadRequest"_s, fields.error().message);
    const QString resource = type.storageKey();
    WatchStream::Setup setup;
    setup.resource = resource;
    setup.ns = ns;
    setup.matches = [labels = *labels, fields = *fields](const QJsonObject &object) {
        return labels.matches(object) && fields.matches(object);
    };
    const QString rvParam = request.query.queryItemValue(u"resourceVersion"_s);
    if (rvParam.isEmpty() || rvParam == u"0") {
        for (const QJsonObject &object : m_state.list(resource, ns))
            setup.replay.append(Change{Change::Type::Added, resource, object, {}, 0});
    } else {
        const auto changes = m_state.changesSince(rvParam.toULongLong());
        if (!changes) {
            return HttpResponse::kubeStatus(410,
                                            u"Expired"_s,
                                            u"too old resource version: %1 (%2)"_s.arg(rvParam).arg(
                                                    m_state.oldestResumableVersion() + 1));
        }
        setup.replay = *changes;
    }
    const qint64 timeout = request.query.hasQueryItem(u"timeoutSeconds"_s)
                                   ? request.query.queryItemValue(u"timeoutSeconds"_s).toLongLong()
                                   : defaultWatchTimeoutSeconds;
    setup.timeoutMs = int(qBound(qint64(0), timeout, qint64(24 * 3600)) * 1000);
    if (queryFlag(request, u"allowWatchBookmarks"_s))
        setup.bookmarkIntervalMs = m_options.bookmarkIntervalMs;
    const bool asTable = request.wantsTable();
    auto first = std::make_shared<bool>(true);
    setup.encode = [this, type, asTable, first](const QString &eventType,
                                                const QJsonObject &object) -> QByteArray {
        QJsonObject payload = object;
        if (eventType == u"BOOKMARK") {
            payload.insert(u"kind", asTable ? u"Table"_s : type.kind);
            payload.insert(u"apiVersion", asTable ? u"meta.k8s.io/v1"_s : type.groupVersion());
        } else if (asTable) {
            payload = table(type,
                            {object},
                            object[u"metadata"][u"resourceVersion"].toString(),
                            *first);
            *first = false;
        }
        return "{\"type\":" + jsonString(eventType)
               + ",\"object\":" + QJsonDocument(payload).toJson(QJsonDocument::Compact) + '}';
    };
    ClusterState *state = &m_state;
    return HttpResponse{200, {}, {}, [state, setup](HttpConnection *connection) {
                            WatchStream::start(connection, state, setup);
                        }};
}

namespace {

HttpResponse notFoundFor(const QString &resource,
                         const QString &group,
                         const QString &plural,
                         const QString &name)
{
    return HttpResponse::kubeStatus(404,
                                    u"NotFound"_s,
                                    resource + u" \"" + name + u"\" not found",
                                    details(name, group, plural));
}

} // namespace

HttpResponse KarmadaControlPlane::get(const ResourceType &type,
                                      const HttpRequest &request,
                                      const QString &ns,
                                      const QString &name) const
{
    const auto object = m_state.get(type.storageKey(), ns, name);
    if (!object)
        return notFoundFor(type.storageKey(), type.group, type.name, name);
    if (request.wantsTable())
        return HttpResponse::json(200, table(type, {*object}, m_state.resourceVersion(), true));
    return HttpResponse::json(200, *object);
}

HttpResponse KarmadaControlPlane::create(const ResourceType &type,
                                         const HttpRequest &request,
                                         const QString &ns)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return HttpResponse::kubeStatus(400, u"BadRequest"_s, u"the body is not a JSON object"_s);
    QJsonObject object = document.object();
    QJsonObject metadata = object.value(u"metadata").toObject();
    if (metadata.value(u"name").toString().isEmpty()
        && !metadata.value(u"generateName").toString().isEmpty()) {
        Prng suffix(
                stableHash(m_state.currentVersion(), metadata.value(u"generateName").toString()));
        metadata.insert(u"name",
                        QString(metadata.value(u"generateName").toString()
                                + QString::fromLatin1(suffix.alphanumeric(5))));
    }
    if (type.namespaced) {
        if (m_state.get(u"namespaces"_s, {}, ns) == std::nullopt) {
            return notFoundFor(u"namespaces"_s, {}, u"namespaces"_s, ns);
        }
        metadata.insert(u"namespace", ns);
    }
    object.insert(u"metadata", metadata);
    const QString name = metadata.value(u"name").toString();
    if (m_state.get(type.storageKey(), ns, name)) {
        return HttpResponse::kubeStatus(409,
                                        u"AlreadyExists"_s,
                                        type.storageKey() + u" \"" + name + u"\" already exists",
                                        details(name, type.group, type.name));
    }
    return store(type, request, std::nullopt, object, false);
}

HttpResponse KarmadaControlPlane::replace(const ResourceType &type,
                                          const HttpRequest &request,
                                          const QString &ns,
                                          const QString &name,
                                          bool status)
{
    const auto existing = m_state.get(type.storageKey(), ns, name);
    if (!existing)
        return notFoundFor(type.storageKey(), type.group, type.name, name);
    const QJsonObject object = QJsonDocument::fromJson(request.body).object();
    const QString rv = object[u"metadata"][u"resourceVersion"].toString();
    if (!rv.isEmpty() && rv != (*existing)[u"metadata"][u"resourceVersion"].toString()) {
        return HttpResponse::kubeStatus(
                409,
                u"Conflict"_s,
                u"Operation cannot be fulfilled on "_s + type.storageKey() + u" \"" + name
                        + u"\": the object has been modified; please apply your changes to the "
                          u"latest version and try again",
                details(name, type.group, type.name));
    }
    return store(type, request, existing, object, status);
}

HttpResponse KarmadaControlPlane::patch(const ResourceType &type,
                                        const HttpRequest &request,
                                        const QString &ns,
                                        const QString &name,
                                        bool status)
{
    const auto existing = m_state.get(type.storageKey(), ns, name);
    if (!existing)
        return notFoundFor(type.storageKey(), type.group, type.name, name);
    const QByteArray contentType = request.header("content-type").split(';').value(0).trimmed();
    const QJsonDocument body = QJsonDocument::fromJson(request.body);
    QJsonObject patched;
    if (contentType == "application/merge-patch+json") {
        patched = ObjectPatch::applyMergePatch(*existing, body.object()).toObject();
    } else if (contentType == "application/json-patch+json") {
        const auto result = ObjectPatch::applyJsonPatch(*existing, body.array());
        if (!result)
            return HttpResponse::kubeStatus(422, u"Invalid"_s, result.error().message);
        patched = result->toObject();
    } else {
        // As for any custom resource: no strategic merge, no server-side apply here.
        return HttpResponse::kubeStatus(
                415,
                u"UnsupportedMediaType"_s,
                u"the body of the request was in an unknown format - accepted media types "
                u"include: application/json-patch+json, application/merge-patch+json"_s);
    }
    return store(type, request, existing, patched, status);
}

HttpResponse KarmadaControlPlane::store(const ResourceType &type,
                                        const HttpRequest &request,
                                        const std::optional<QJsonObject> &existing,
                                        QJsonObject object,
                                        bool status)
{
    object.insert(u"apiVersion", type.groupVersion());
    object.insert(u"kind", type.kind);
    if (type.name.endsWith(u"propagationpolicies")) {
        if (object[u"spec"][u"resourceSelectors"].toArray().isEmpty()) {
            const QString name = object[u"metadata"][u"name"].toString();
            const QByteArray causes
                    = "{\"name\":" + jsonString(name)
                      + ",\"group\":\"policy.karmada.io\","
                        "\"kind\":"
                      + jsonString(type.kind)
                      + ",\"causes\":[{\"reason\":"
                        "\"FieldValueRequired\",\"message\":\"Required value\",\"field\":"
                        "\"spec.resourceSelectors\"}]}";
            return HttpResponse::kubeStatus(422,
                                            u"Invalid"_s,
                                            type.kind + u".policy.karmada.io \"" + name
                                                    + u"\" is invalid: spec.resourceSelectors: "
                                                      u"Required value",
                                            causes);
        }
        object = defaultPolicy(object);
    }
    QJsonObject metadata = object.value(u"metadata").toObject();
    if (existing) {
        const QJsonObject old = existing->value(u"metadata").toObject();
        // Status writes change only status; main-resource writes never change status.
        if (status) {
            QJsonObject merged = *existing;
            merged.insert(u"status", object.value(u"status"));
            object = merged;
            metadata = old;
        } else if (existing->contains(u"status")) {
            object.insert(u"status", existing->value(u"status"));
        } else {
            object.remove(u"status");
        }
        const qint64 generation = old.value(u"generation").toInteger(1);
        metadata.insert(u"generation",
                        existing->value(u"spec") == object.value(u"spec") ? generation
                                                                          : generation + 1);
        metadata.insert(u"uid", old.value(u"uid"));
        metadata.insert(u"creationTimestamp", old.value(u"creationTimestamp"));
    } else {
        metadata.insert(u"generation", 1);
        if (type.name != u"clusters")
            object.remove(u"status");
    }
    object.insert(u"metadata", metadata);
    if (existing && object == *existing)
        return HttpResponse::json(200, object);
    if (isDryRun(request)) {
        return HttpResponse::json(existing ? 200 : 201,
                                  existing ? m_state.prepareUpdate(type.storageKey(), object)
                                           : m_state.prepareCreate(type.storageKey(), object));
    }
    const QJsonObject stored = existing ? m_state.update(type.storageKey(), object)
                                        : m_state.create(type.storageKey(), object);
    return HttpResponse::json(existing ? 200 : 201, stored);
}

HttpResponse KarmadaControlPlane::remove(const ResourceType &type,
                                         const QString &ns,
                                         const QString &name)
{
    const auto removed = m_state.remove(type.storageKey(), ns, name);
    if (!removed)
        return notFoundFor(type.storageKey(), type.group, type.name, name);
    // Custom resources answer a DELETE with the object as it was.
    return HttpResponse::json(200, *removed);
}

} // namespace Meridian::Sim

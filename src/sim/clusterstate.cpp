#include "sim/clusterstate.h"

#include "sim/deterministic.h"
#include "sim/simclock.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

ClusterState::ClusterState(ClusterSpec spec)
    : m_spec(std::move(spec))
    , m_resourceVersion(1000 + m_spec.seed % 9000)
    , m_historyFloor(m_resourceVersion)
{
    seedObjects();
}

const ClusterSpec &ClusterState::spec() const
{
    return m_spec;
}

void ClusterState::setClock(const SimClock *clock)
{
    m_clock = clock;
}

QString ClusterState::keyOf(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata").toObject();
    return metadata.value(u"namespace").toString() + u'/' + metadata.value(u"name").toString();
}

bool ClusterState::hasGeneration(const QString &resource)
{
    return resource == u"deployments.apps" || resource == u"replicasets.apps";
}

void ClusterState::put(const QString &resource, QJsonObject object)
{
    QJsonObject metadata = object.value(u"metadata").toObject();
    metadata.insert(u"resourceVersion", QString::number(++m_resourceVersion));
    object.insert(u"metadata", metadata);
    const QString key = keyOf(object);
    auto &objects = m_objects[resource];
    const auto old = objects.constFind(key);
    Change change{old == objects.cend() ? Change::Type::Added : Change::Type::Modified,
                  resource,
                  object,
                  old == objects.cend() ? QJsonObject() : *old,
                  m_resourceVersion};
    objects.insert(key, std::move(object));
    record(std::move(change));
}

QJsonObject ClusterState::prepareCreate(const QString &resource, QJsonObject object) const
{
    QJsonObject metadata = object.value(u"metadata").toObject();
    // Derived from the seed, the object and a counter, so a run with one seed hands out the
    // same uids, and a dry run predicts the uid the real create will get.
    Prng uid(stableHash(m_spec.seed,
                        QString(u"uid/"_s + resource + u'/' + keyOf(object) + u'#'
                                + QString::number(m_created))));
    metadata.insert(u"uid", QString::fromLatin1(uid.uuid()));
    metadata.remove(u"resourceVersion");
    // Controllers stamp their objects with simulated time while seeding history; keep theirs.
    if (metadata.value(u"creationTimestamp").toString().isEmpty()) {
        metadata.insert(u"creationTimestamp",
                        SimClock::formatRfc3339(m_clock ? m_clock->now() : SimClock::fixedEpoch()));
    }
    if (hasGeneration(resource))
        metadata.insert(u"generation", 1);
    object.insert(u"metadata", metadata);
    return object;
}

QJsonObject ClusterState::create(const QString &resource, QJsonObject object)
{
    object = prepareCreate(resource, std::move(object));
    ++m_created;
    put(resource, object);
    return *get(resource,
                object[u"metadata"][u"namespace"].toString(),
                object[u"metadata"][u"name"].toString());
}

QJsonObject ClusterState::prepareUpdate(const QString &resource, QJsonObject object) const
{
    const QString key = keyOf(object);
    const QJsonObject old = m_objects.value(resource).value(key);
    QJsonObject metadata = object.value(u"metadata").toObject();
    const QJsonObject oldMetadata = old.value(u"metadata").toObject();
    for (const char16_t *field : {u"uid", u"creationTimestamp"}) {
        if (oldMetadata.contains(field))
            metadata.insert(field, oldMetadata.value(field));
    }
    if (hasGeneration(resource)) {
        const qint64 generation = oldMetadata.value(u"generation").toInteger(1);
        metadata.insert(u"generation",
                        old.value(u"spec") == object.value(u"spec") ? generation : generation + 1);
    }
    metadata.remove(u"resourceVersion");
    object.insert(u"metadata", metadata);
    return object;
}

QJsonObject ClusterState::update(const QString &resource, QJsonObject object)
{
    object = prepareUpdate(resource, std::move(object));
    put(resource, object);
    return m_objects.value(resource).value(keyOf(object));
}

std::optional<QJsonObject> ClusterState::updateStatus(const QString &resource,
                                                      const QString &ns,
                                                      const QString &name,
                                                      const QJsonObject &status)
{
    std::optional<QJsonObject> object = get(resource, ns, name);
    if (!object)
        return std::nullopt;
    object->insert(u"status", status);
    put(resource, *object);
    return get(resource, ns, name);
}

std::optional<QJsonObject> ClusterState::remove(const QString &resource,
                                                const QString &ns,
                                                const QString &name)
{
    auto objects = m_objects.find(resource);
    if (objects == m_objects.end())
        return std::nullopt;
    const auto it = objects->constFind(ns + u'/' + name);
    if (it == objects->cend())
        return std::nullopt;
    const QJsonObject previous = *it;
    objects->erase(it);
    QJsonObject object = previous;
    QJsonObject metadata = object.value(u"metadata").toObject();
    metadata.insert(u"resourceVersion", QString::number(++m_resourceVersion));
    object.insert(u"metadata", metadata);
    record(Change{Change::Type::Deleted, resource, object, previous, m_resourceVersion});
    return object;
}

void ClusterState::record(Change change)
{
    m_history.push_back(change);
    while (m_history.size() > size_t(qMax(1, m_spec.watchHistory))) {
        m_historyFloor = m_history.front().resourceVersion;
        m_history.pop_front();
    }
    // A copy: an observer may unobserve (a watch that ends) while we iterate.
    const QMap<int, Observer> observers = m_observers;
    for (auto it = observers.cbegin(); it != observers.cend(); ++it) {
        if (m_observers.contains(it.key()))
            it.value()(change);
    }
}

int ClusterState::observe(Observer observer)
{
    const int id = m_nextObserver++;
    m_observers.insert(id, std::move(observer));
    return id;
}

void ClusterState::unobserve(int id)
{
    m_observers.remove(id);
}

std::optional<QList<Change>> ClusterState::changesSince(quint64 after) const
{
    if (after < m_historyFloor)
        return std::nullopt;
    QList<Change> out;
    for (const Change &change : m_history) {
        if (change.resourceVersion > after)
            out.append(change);
    }
    return out;
}

quint64 ClusterState::oldestResumableVersion() const
{
    return m_historyFloor;
}

QList<QJsonObject> ClusterState::list(const QString &resource, const QString &ns) const
{
    const QMap<QString, QJsonObject> objects = m_objects.value(resource);
    if (ns.isEmpty())
        return objects.values();
    QList<QJsonObject> out;
    const QString prefix = ns + u'/';
    for (auto it = objects.lowerBound(prefix); it != objects.cend() && it.key().startsWith(prefix);
         ++it)
        out.append(it.value());
    return out;
}

std::optional<QList<QJsonObject>> ClusterState::listAt(const QString &resource,
                                                       const QString &ns,
                                                       quint64 at) const
{
    const auto objects = objectsAt(resource, at);
    if (!objects)
        return std::nullopt;
    QList<QJsonObject> out;
    const QString prefix = ns + u'/';
    for (auto it = objects->cbegin(); it != objects->cend(); ++it) {
        if (ns.isEmpty() || it.key().startsWith(prefix))
            out.append(it.value());
    }
    return out;
}

std::optional<QMap<QString, QJsonObject>> ClusterState::objectsAt(const QString &resource,
                                                                  quint64 at) const
{
    if (at < m_historyFloor)
        return std::nullopt;
    // Undo, newest first, every change made after `at`.
    QMap<QString, QJsonObject> objects = m_objects.value(resource);
    for (auto it = m_history.crbegin(); it != m_history.crend(); ++it) {
        if (it->resourceVersion <= at)
            break;
        if (it->resource != resource)
            continue;
        if (it->type == Change::Type::Added)
            objects.remove(keyOf(it->object));
        else
            objects.insert(keyOf(it->previous), it->previous);
    }
    return objects;
}

std::optional<QJsonObject> ClusterState::get(const QString &resource,
                                             const QString &ns,
                                             const QString &name) const
{
    const auto objects = m_objects.constFind(resource);
    if (objects == m_objects.cend())
        return std::nullopt;
    const auto it = objects->constFind(ns + u'/' + name);
    if (it == objects->cend())
        return std::nullopt;
    return *it;
}

QString ClusterState::resourceVersion() const
{
    return QString::number(m_resourceVersion);
}

quint64 ClusterState::currentVersion() const
{
    return m_resourceVersion;
}

void ClusterState::seedObjects()
{
    const QDateTime created = m_spec.created;
    for (const QString &ns : {QStringLiteral("default"),
                              QStringLiteral("kube-node-lease"),
                              QStringLiteral("kube-public"),
                              QStringLiteral("kube-system")})
        put(QStringLiteral("namespaces"), namespaceObject(ns, created));
    for (const NodeSpec &node : m_spec.nodes)
        put(QStringLiteral("nodes"), nodeObject(node));
}

QJsonObject ClusterState::namespaceObject(const QString &name, const QDateTime &created) const
{
    Prng uid(stableHash(m_spec.seed, QString(u"namespace/"_s + name)));
    return QJsonObject{
            {u"kind"_s, u"Namespace"_s},
            {u"apiVersion"_s, u"v1"_s},
            {u"metadata"_s,
             QJsonObject{{u"name"_s, name},
                         {u"uid"_s, QString::fromLatin1(uid.uuid())},
                         {u"creationTimestamp"_s, SimClock::formatRfc3339(created)},
                         {u"labels"_s, QJsonObject{{u"kubernetes.io/metadata.name"_s, name}}}}},
            {u"spec"_s, QJsonObject{{u"finalizers"_s, QJsonArray{u"kubernetes"_s}}}},
            {u"status"_s, QJsonObject{{u"phase"_s, u"Active"_s}}},
    };
}

QJsonObject ClusterState::nodeObject(const NodeSpec &node) const
{
    const QString created = SimClock::formatRfc3339(node.created);
    const auto condition = [&created](const QString &type,
                                      const QString &status,
                                      const QString &reason,
                                      const QString &message) {
        return QJsonObject{{u"type"_s, type},
                           {u"status"_s, status},
                           {u"lastHeartbeatTime"_s, created},
                           {u"lastTransitionTime"_s, created},
                           {u"reason"_s, reason},
                           {u"message"_s, message}};
    };
    const QString cpu = QString::number(m_spec.cpuCores);
    const QString allocatableCpu = QString::number(m_spec.cpuCores * 1000 - 80) + u'm';
    const QString memory = QString::number(m_spec.memoryKi) + u"Ki";
    const QString allocatableMemory = QString::number(m_spec.memoryKi * 81 / 100) + u"Ki";
    const QString kubeletVersion = m_spec.gitVersion;

    QJsonObject labels{
            {u"beta.kubernetes.io/arch"_s, u"amd64"_s},
            {u"beta.kubernetes.io/instance-type"_s, m_spec.instanceType},
            {u"beta.kubernetes.io/os"_s, u"linux"_s},
            {u"cloud.google.com/gke-nodepool"_s, u"default-pool"_s},
            {u"cloud.google.com/gke-os-distribution"_s, u"cos"_s},
            {u"cloud.google.com/machine-family"_s, u"e2"_s},
            {u"failure-domain.beta.kubernetes.io/region"_s, m_spec.region},
            {u"failure-domain.beta.kubernetes.io/zone"_s, node.zone},
            {u"kubernetes.io/arch"_s, u"amd64"_s},
            {u"kubernetes.io/hostname"_s, node.name},
            {u"kubernetes.io/os"_s, u"linux"_s},
            {u"node.kubernetes.io/instance-type"_s, m_spec.instanceType},
            {u"topology.kubernetes.io/region"_s, m_spec.region},
            {u"topology.kubernetes.io/zone"_s, node.zone},
    };
    return QJsonObject{
            {u"kind"_s, u"Node"_s},
            {u"apiVersion"_s, u"v1"_s},
            {u"metadata"_s,
             QJsonObject{{u"name"_s, node.name},
                         {u"uid"_s, node.uid},
                         {u"creationTimestamp"_s, created},
                         {u"labels"_s, labels},
                         {u"annotations"_s,
                          QJsonObject{{u"node.alpha.kubernetes.io/ttl"_s, u"0"_s},
                                      {u"volumes.kubernetes.io/controller-managed-attach-detach"_s,
                                       u"true"_s}}}}},
            {u"spec"_s,
             QJsonObject{{u"podCIDR"_s, node.podCidr},
                         {u"podCIDRs"_s, QJsonArray{node.podCidr}},
                         {u"providerID"_s,
                          QString(u"gce://meridian-sim/"_s + node.zone + u'/' + node.name)}}},
            {u"status"_s,
             QJsonObject{
                     {u"capacity"_s,
                      QJsonObject{{u"cpu"_s, cpu},
                                  {u"ephemeral-storage"_s, u"98831908Ki"_s},
                                  {u"memory"_s, memory},
                                  {u"pods"_s, u"110"_s}}},
                     {u"allocatable"_s,
                      QJsonObject{{u"cpu"_s, allocatableCpu},
                                  {u"ephemeral-storage"_s, u"47060071478"_s},
                                  {u"memory"_s, allocatableMemory},
                                  {u"pods"_s, u"110"_s}}},
                     {u"conditions"_s,
                      QJsonArray{
                              condition(u"MemoryPressure"_s,
                                        u"False"_s,
                                        u"KubeletHasSufficientMemory"_s,
                                        u"kubelet has sufficient memory available"_s),
                              condition(u"DiskPressure"_s,
                                        u"False"_s,
                                        u"KubeletHasNoDiskPressure"_s,
                                        u"kubelet has no disk pressure"_s),
                              condition(u"PIDPressure"_s,
                                        u"False"_s,
                                        u"KubeletHasSufficientPID"_s,
                                        u"kubelet has sufficient PID available"_s),
                              condition(u"Ready"_s,
                                        u"True"_s,
                                        u"KubeletReady"_s,
                                        u"kubelet is posting ready status. AppArmor enabled"_s),
                      }},
                     {u"addresses"_s,
                      QJsonArray{QJsonObject{{u"type"_s, u"InternalIP"_s},
                                             {u"address"_s, node.internalIp}},
                                 QJsonObject{{u"type"_s, u"ExternalIP"_s},
                                             {u"address"_s, node.externalIp}},
                                 QJsonObject{{u"type"_s, u"Hostname"_s},
                                             {u"address"_s, node.name}}}},
                     {u"daemonEndpoints"_s,
                      QJsonObject{{u"kubeletEndpoint"_s, QJsonObject{{u"Port"_s, 10250}}}}},
                     {u"nodeInfo"_s,
                      QJsonObject{{u"machineID"_s, node.machineId},
                                  {u"systemUUID"_s, node.uid},
                                  {u"bootID"_s, node.uid},
                                  {u"kernelVersion"_s, u"6.1.85+"_s},
                                  {u"osImage"_s, u"Container-Optimized OS from Google"_s},
                                  {u"containerRuntimeVersion"_s, u"containerd://1.7.15"_s},
                                  {u"kubeletVersion"_s, kubeletVersion},
                                  {u"kubeProxyVersion"_s, kubeletVersion},
                                  {u"operatingSystem"_s, u"linux"_s},
                                  {u"architecture"_s, u"amd64"_s}}},
             }},
    };
}

} // namespace Meridian::Sim

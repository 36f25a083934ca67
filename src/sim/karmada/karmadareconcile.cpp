// The controllers of the simulated Karmada control plane: cluster status, scheduling
// (Meridian's planKarmada), binding status, propagation to members and status aggregation.

#include "sim/karmada/karmadacontrolplane.h"

#include "core/placement/karmadadivision.h"
#include "sim/deterministic.h"
#include "sim/objectrules.h"
#include "sim/selector.h"
#include "sim/simclock.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

const QString deploymentsKey = u"deployments.apps"_s;
const QString clustersKey = u"clusters.cluster.karmada.io"_s;
const QString bindingsKey = u"resourcebindings.work.karmada.io"_s;
const QString policiesKey = u"propagationpolicies.policy.karmada.io"_s;
const QString clusterPoliciesKey = u"clusterpropagationpolicies.policy.karmada.io"_s;

const QString managedLabel = u"karmada.io/managed"_s;
const QString policyNameKey = u"propagationpolicy.karmada.io/name"_s;
const QString policyNamespaceKey = u"propagationpolicy.karmada.io/namespace"_s;
const QString clusterPolicyNameKey = u"clusterpropagationpolicy.karmada.io/name"_s;
const QString bindingNameKey = u"resourcebinding.karmada.io/name"_s;
const QString bindingNamespaceKey = u"resourcebinding.karmada.io/namespace"_s;
const QString workNameKey = u"work.karmada.io/name"_s;
const QString workNamespaceKey = u"work.karmada.io/namespace"_s;

// Quantities: CPU in millicores, everything else in whole units (bytes, pods).
qint64 parseQuantity(const QString &text, bool cpu)
{
    static const QList<QPair<QString, double>> suffixes{
            {u"Ki"_s, 1024.0},
            {u"Mi"_s, 1024.0 * 1024},
            {u"Gi"_s, 1024.0 * 1024 * 1024},
            {u"Ti"_s, 1024.0 * 1024 * 1024 * 1024},
            {u"k"_s, 1e3},
            {u"M"_s, 1e6},
            {u"G"_s, 1e9},
            {u"T"_s, 1e12},
            {u"m"_s, 1e-3},
    };
    QString number = text.trimmed();
    double factor = 1;
    for (const auto &[suffix, value] : suffixes) {
        if (number.endsWith(suffix)) {
            number.chop(suffix.size());
            factor = value;
            break;
        }
    }
    const double amount = number.toDouble() * factor;
    return qRound64(cpu ? amount * 1000 : amount);
}

QString formatCpu(qint64 millis)
{
    return millis % 1000 == 0 ? QString::number(millis / 1000) : QString::number(millis) + u'm';
}

QString formatBytes(qint64 bytes)
{
    return bytes % 1024 == 0 && bytes != 0 ? QString::number(bytes / 1024) + u"Ki"
                                           : QString::number(bytes);
}

struct Resources
{
    qint64 cpuMillis = 0;
    qint64 memoryBytes = 0;
    qint64 pods = 0;

    void add(const QJsonObject &list)
    {
        cpuMillis += parseQuantity(list.value(u"cpu").toString(), true);
        memoryBytes += parseQuantity(list.value(u"memory").toString(), false);
    }
    QJsonObject toJson() const
    {
        return QJsonObject{{u"cpu"_s, formatCpu(cpuMillis)},
                           {u"memory"_s, formatBytes(memoryBytes)},
                           {u"pods"_s, QString::number(pods)}};
    }
};

// The requests of one pod (or pod template): the sum over its containers.
Resources podRequests(const QJsonObject &podSpec)
{
    Resources total;
    for (const QJsonValue &container : podSpec.value(u"containers").toArray())
        total.add(container[u"resources"][u"requests"].toObject());
    total.pods = 1;
    return total;
}

QString labelSelectorText(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        parts.append(it.key() + u'=' + it.value().toString());
    for (const QJsonValue &expression : selector.value(u"matchExpressions").toArray()) {
        const QString key = expression[u"key"].toString();
        const QString op = expression[u"operator"].toString();
        QStringList values;
        for (const QJsonValue &value : expression[u"values"].toArray())
            values.append(value.toString());
        if (op == u"In")
            parts.append(key + u" in (" + values.join(u',') + u')');
        else if (op == u"NotIn")
            parts.append(key + u" notin (" + values.join(u',') + u')');
        else if (op == u"Exists")
            parts.append(key);
        else if (op == u"DoesNotExist")
            parts.append(u'!' + key);
    }
    return parts.join(u',');
}

bool labelSelectorMatches(const QJsonObject &selector, const QJsonObject &object)
{
    const auto parsed = Selector::parseLabels(labelSelectorText(selector));
    return parsed && parsed->matches(object);
}

// A ClusterAffinity term (clusterNames, exclude, labelSelector, fieldSelector on
// provider/region/zone) against one Cluster object.
bool affinityMatches(const QJsonObject &affinity, const QJsonObject &cluster)
{
    const QString name = cluster[u"metadata"][u"name"].toString();
    const QJsonArray names = affinity.value(u"clusterNames").toArray();
    if (!names.isEmpty() && !names.contains(name))
        return false;
    if (affinity.value(u"exclude").toArray().contains(name))
        return false;
    if (affinity.contains(u"labelSelector")
        && !labelSelectorMatches(affinity.value(u"labelSelector").toObject(), cluster))
        return false;
    const QJsonObject spec = cluster.value(u"spec").toObject();
    for (const QJsonValue &expression : affinity[u"fieldSelector"][u"matchExpressions"].toArray()) {
        const QString key = expression[u"key"].toString();
        QStringList actual;
        if (key == u"zone") {
            for (const QJsonValue &zone : spec.value(u"zones").toArray())
                actual.append(zone.toString());
        } else {
            actual.append(spec.value(key).toString());
        }
        const QJsonArray values = expression[u"values"].toArray();
        bool any = false;
        for (const QString &value : std::as_const(actual))
            any = any || values.contains(value);
        const QString op = expression[u"operator"].toString();
        if ((op == u"In" && !any) || (op == u"NotIn" && any))
            return false;
    }
    return true;
}

bool hasAffinityTerms(const QJsonObject &affinity)
{
    return affinity.contains(u"clusterNames") || affinity.contains(u"labelSelector")
           || affinity.contains(u"fieldSelector");
}

// How specific a selector is, Karmada's implicit priority: name > labelSelector > kind only.
int selectorMatch(const QJsonObject &policy, const QJsonObject &deployment, bool clusterScoped)
{
    const QJsonObject metadata = deployment.value(u"metadata").toObject();
    int best = 0;
    for (const QJsonValue &value : policy[u"spec"][u"resourceSelectors"].toArray()) {
        const QJsonObject selector = value.toObject();
        if (selector.value(u"apiVersion").toString() != u"apps/v1"
            || selector.value(u"kind").toString() != u"Deployment")
            continue;
        if (clusterScoped && selector.contains(u"namespace")
            && selector.value(u"namespace").toString() != metadata.value(u"namespace").toString())
            continue;
        int score = 1;
        if (selector.contains(u"name")) {
            if (selector.value(u"name").toString() != metadata.value(u"name").toString())
                continue;
            score = 3;
        } else if (selector.contains(u"labelSelector")) {
            if (!labelSelectorMatches(selector.value(u"labelSelector").toObject(), deployment))
                continue;
            score = 2;
        }
        best = qMax(best, score);
    }
    return best;
}

QJsonObject condition(const QString &type,
                      bool status,
                      const QString &reason,
                      const QString &message,
                      const QJsonObject &previous,
                      const QString &now,
                      qint64 generation = -1)
{
    const QString statusText = status ? u"True"_s : u"False"_s;
    QString since = now;
    for (const QJsonValue &old : previous[u"conditions"].toArray()) {
        if (old[u"type"].toString() == type && old[u"status"].toString() == statusText)
            since = old[u"lastTransitionTime"].toString();
    }
    QJsonObject out{{u"type"_s, type},
                    {u"status"_s, statusText},
                    {u"reason"_s, reason},
                    {u"message"_s, message},
                    {u"lastTransitionTime"_s, since}};
    if (generation >= 0)
        out.insert(u"observedGeneration", generation);
    return out;
}

} // namespace

QString KarmadaControlPlane::now() const
{
    return SimClock::formatRfc3339(m_options.clock ? m_options.clock->now()
                                                   : SimClock::fixedEpoch());
}

bool KarmadaControlPlane::memberHealthy(const QString &name) const
{
    return !m_options.memberHealthy || m_options.memberHealthy(name);
}

void KarmadaControlPlane::seedClusters()
{
    for (const auto &runtime : m_members) {
        const Member &member = runtime->member;
        const auto kubeSystem = member.state->get(u"namespaces"_s, {}, u"kube-system"_s);
        QJsonArray zones;
        for (const QString &zone : member.zones)
            zones.append(zone);
        QJsonObject cluster{{u"apiVersion"_s, u"cluster.karmada.io/v1alpha1"_s},
                            {u"kind"_s, u"Cluster"_s},
                            {u"metadata"_s,
                             QJsonObject{{u"name"_s, member.name},
                                         {u"creationTimestamp"_s,
                                          SimClock::formatRfc3339(SimClock::fixedEpoch())},
                                         {u"finalizers"_s,
                                          QJsonArray{u"karmada.io/cluster-controller"_s}}}},
                            {u"spec"_s,
                             QJsonObject{{u"apiEndpoint"_s, member.apiUrl.toString()},
                                         {u"id"_s,
                                          kubeSystem ? (*kubeSystem)[u"metadata"][u"uid"].toString()
                                                     : QString()},
                                         {u"impersonatorSecretRef"_s,
                                          QJsonObject{{u"name"_s,
                                                       QString(member.name + u"-impersonator")},
                                                      {u"namespace"_s, u"karmada-cluster"_s}}},
                                         {u"provider"_s, member.provider},
                                         {u"region"_s, member.region},
                                         {u"secretRef"_s,
                                          QJsonObject{{u"name"_s, member.name},
                                                      {u"namespace"_s, u"karmada-cluster"_s}}},
                                         {u"syncMode"_s, u"Push"_s},
                                         {u"zones"_s, zones}}},
                            {u"status"_s, clusterStatus(*runtime, {})}};
        QJsonObject metadata = cluster.value(u"metadata").toObject();
        metadata.insert(u"generation", 1);
        cluster.insert(u"metadata", metadata);
        m_state.create(clustersKey, cluster);
    }
}

QJsonObject KarmadaControlPlane::clusterStatus(const MemberRuntime &runtime,
                                               const QJsonObject &previous) const
{
    const Member &member = runtime.member;
    if (!memberHealthy(member.name) && !previous.isEmpty()) {
        // Karmada keeps the last summaries of a cluster it cannot reach.
        QJsonObject status = previous;
        status.insert(u"conditions",
                      QJsonArray{condition(u"Ready"_s,
                                           false,
                                           u"ClusterNotReachable"_s,
                                           u"cluster is not reachable"_s,
                                           previous,
                                           now())});
        return status;
    }
    Resources allocatable;
    int readyNodes = 0;
    const QList<QJsonObject> nodes = member.state->list(u"nodes"_s);
    for (const QJsonObject &node : nodes) {
        const QJsonObject alloc = node[u"status"][u"allocatable"].toObject();
        allocatable.add(alloc);
        allocatable.pods += alloc.value(u"pods").toString().toLongLong();
        for (const QJsonValue &c : node[u"status"][u"conditions"].toArray()) {
            if (c[u"type"].toString() == u"Ready" && c[u"status"].toString() == u"True")
                ++readyNodes;
        }
    }
    Resources allocated;
    Resources allocating;
    for (const QJsonObject &pod : member.state->list(u"pods"_s)) {
        const QString phase = pod[u"status"][u"phase"].toString();
        if (phase == u"Succeeded" || phase == u"Failed")
            continue;
        const Resources requests = podRequests(pod.value(u"spec").toObject());
        Resources &into = pod[u"spec"][u"nodeName"].toString().isEmpty() ? allocating : allocated;
        into.cpuMillis += requests.cpuMillis;
        into.memoryBytes += requests.memoryBytes;
        into.pods += 1;
    }
    QJsonArray enablements;
    QMap<QString, QJsonArray> byGroupVersion;
    for (const KubeApi::ResourceType &type : KubeApi::resourceTypes()) {
        const QString gv
                = type.group.isEmpty() ? type.version : QString(type.group + u'/' + type.version);
        byGroupVersion[gv].append(QJsonObject{{u"kind"_s, type.kind}, {u"name"_s, type.name}});
    }
    for (auto it = byGroupVersion.cbegin(); it != byGroupVersion.cend(); ++it)
        enablements.append(QJsonObject{{u"groupVersion"_s, it.key()}, {u"resources"_s, *it}});
    return QJsonObject{{u"apiEnablements"_s, enablements},
                       {u"conditions"_s,
                        QJsonArray{condition(u"Ready"_s,
                                             true,
                                             u"ClusterReady"_s,
                                             u"cluster is healthy and ready to accept workloads"_s,
                                             previous,
                                             now())}},
                       {u"kubernetesVersion"_s, member.kubernetesVersion},
                       {u"nodeSummary"_s,
                        QJsonObject{{u"readyNum"_s, readyNodes}, {u"totalNum"_s, nodes.size()}}},
                       {u"resourceSummary"_s,
                        QJsonObject{{u"allocatable"_s, allocatable.toJson()},
                                    {u"allocated"_s, allocated.toJson()},
                                    {u"allocating"_s, allocating.toJson()}}}};
}

void KarmadaControlPlane::scheduleReconcile()
{
    if (!m_reconcileTimer.isActive())
        m_reconcileTimer.start();
}

void KarmadaControlPlane::reconcileNow()
{
    m_reconcileTimer.stop();
    reconcile();
}

std::optional<QJsonObject> KarmadaControlPlane::policyFor(const QJsonObject &deployment) const
{
    const QString ns = deployment[u"metadata"][u"namespace"].toString();
    // Namespaced policies win over cluster-wide ones; then explicit priority, then how
    // specifically the selector names the resource, then the policy name.
    for (const auto &[key, clusterScoped] :
         {qMakePair(policiesKey, false), qMakePair(clusterPoliciesKey, true)}) {
        std::optional<QJsonObject> best;
        qint64 bestPriority = 0;
        int bestScore = 0;
        for (const QJsonObject &policy : m_state.list(key, clusterScoped ? QString() : ns)) {
            const int score = selectorMatch(policy, deployment, clusterScoped);
            if (score == 0)
                continue;
            const qint64 priority = policy[u"spec"][u"priority"].toInteger();
            if (!best || priority > bestPriority
                || (priority == bestPriority && score > bestScore)) {
                best = policy;
                bestPriority = priority;
                bestScore = score;
            }
        }
        if (best)
            return best;
    }
    return std::nullopt;
}

QStringList KarmadaControlPlane::candidateClusters(const QJsonObject &placement,
                                                   const QMap<QString, qint64> &previous) const
{
    const QJsonObject affinity = placement.value(u"clusterAffinity").toObject();
    QStringList out;
    for (const QJsonObject &cluster : m_state.list(clustersKey)) {
        const QString name = cluster[u"metadata"][u"name"].toString();
        if (!affinityMatches(affinity, cluster))
            continue;
        // A NotReady cluster carries a NoSchedule taint: no new replicas, but what is there
        // stays (failover is off by default).
        if (!memberHealthy(name) && !previous.contains(name))
            continue;
        out.append(name);
    }
    return out;
}

qint64 KarmadaControlPlane::availableReplicas(const MemberRuntime &runtime,
                                              const QJsonObject &deployment) const
{
    const QJsonObject status = m_state.get(clustersKey, {}, runtime.member.name)
                                       .value_or(QJsonObject())
                                       .value(u"status")
                                       .toObject();
    const QJsonObject summary = status.value(u"resourceSummary").toObject();
    const auto left = [&](const QString &resource, bool cpu) {
        return parseQuantity(summary[u"allocatable"][resource].toString(), cpu)
               - parseQuantity(summary[u"allocated"][resource].toString(), cpu)
               - parseQuantity(summary[u"allocating"][resource].toString(), cpu);
    };
    qint64 available = qMax<qint64>(0, left(u"pods"_s, false));
    const Resources request = podRequests(deployment[u"spec"][u"template"][u"spec"].toObject());
    if (request.cpuMillis > 0)
        available = qMin(available, qMax<qint64>(0, left(u"cpu"_s, true)) / request.cpuMillis);
    if (request.memoryBytes > 0) {
        available
                = qMin(available, qMax<qint64>(0, left(u"memory"_s, false)) / request.memoryBytes);
    }
    return available;
}

QJsonObject KarmadaControlPlane::memberDeployment(const QJsonObject &deployment,
                                                  const QJsonObject &policy,
                                                  const QString &binding,
                                                  const QString &cluster,
                                                  qint64 replicas) const
{
    const QJsonObject source = deployment.value(u"metadata").toObject();
    const QString ns = source.value(u"namespace").toString();
    const bool clusterPolicy = policy.value(u"kind").toString() == u"ClusterPropagationPolicy";
    const QString policyName = policy[u"metadata"][u"name"].toString();
    QJsonObject labels = source.value(u"labels").toObject();
    labels.insert(managedLabel, u"true"_s);
    QJsonObject annotations = source.value(u"annotations").toObject();
    // The last-applied annotation belongs to whoever applied the template, not to the member.
    annotations.remove(u"kubectl.kubernetes.io/last-applied-configuration");
    if (clusterPolicy) {
        labels.insert(clusterPolicyNameKey, policyName);
        annotations.insert(clusterPolicyNameKey, policyName);
    } else {
        labels.insert(policyNameKey, policyName);
        labels.insert(policyNamespaceKey, ns);
        annotations.insert(policyNameKey, policyName);
        annotations.insert(policyNamespaceKey, ns);
    }
    annotations.insert(bindingNameKey, binding);
    annotations.insert(bindingNamespaceKey, ns);
    annotations.insert(workNameKey,
                       QString(binding + u'-'
                               + QString::number(stableHash(0, QString(ns + u'/' + binding))
                                                 % 10000000000ULL)));
    annotations.insert(workNamespaceKey, QString(u"karmada-es-"_s + cluster));
    QJsonObject spec = deployment.value(u"spec").toObject();
    spec.insert(u"replicas", replicas);
    return QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                       {u"kind"_s, u"Deployment"_s},
                       {u"metadata"_s,
                        QJsonObject{{u"name"_s, source.value(u"name")},
                                    {u"namespace"_s, ns},
                                    {u"labels"_s, labels},
                                    {u"annotations"_s, annotations}}},
                       {u"spec"_s, spec}};
}

QString KarmadaControlPlane::propagate(MemberRuntime &runtime,
                                       const QJsonObject &desired,
                                       bool overwrite)
{
    ClusterState *state = runtime.member.state;
    const quint64 seed = state->spec().seed;
    const QString ns = desired[u"metadata"][u"namespace"].toString();
    const QString name = desired[u"metadata"][u"name"].toString();
    if (!state->get(u"namespaces"_s, {}, ns)) {
        // Karmada's namespace controller propagates every namespace to every member.
        state->create(u"namespaces"_s,
                      ObjectRules::applyDefaults(
                              u"namespaces"_s,
                              QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                          {u"kind"_s, u"Namespace"_s},
                                          {u"metadata"_s,
                                           QJsonObject{{u"name"_s, ns},
                                                       {u"labels"_s,
                                                        QJsonObject{{managedLabel, u"true"_s}}}}}},
                              seed));
    }
    const QJsonObject wanted = ObjectRules::applyDefaults(deploymentsKey, desired, seed);
    const auto existing = state->get(deploymentsKey, ns, name);
    if (!existing) {
        state->create(deploymentsKey, wanted);
        return {};
    }
    if ((*existing)[u"metadata"][u"labels"][managedLabel].toString() != u"true" && !overwrite) {
        return u"Failed to apply all manifests (0/1): the same resource exists in the member "
               u"cluster and is not managed by Karmada (conflictResolution: Abort)"_s;
    }
    QJsonObject updated = *existing;
    QJsonObject metadata = updated.value(u"metadata").toObject();
    // Karmada retains what the member itself added (RetainLabels/RetainAnnotations): the
    // deployment controller's deployment.kubernetes.io/revision stays; the template's keys win.
    auto retained = [&](const QString &field) {
        QJsonObject merged = metadata.value(field).toObject();
        const QJsonObject fromTemplate = wanted[u"metadata"][field].toObject();
        for (auto it = fromTemplate.begin(); it != fromTemplate.end(); ++it)
            merged.insert(it.key(), it.value());
        return merged;
    };
    metadata.insert(u"labels", retained(u"labels"_s));
    metadata.insert(u"annotations", retained(u"annotations"_s));
    updated.insert(u"metadata", metadata);
    updated.insert(u"spec", wanted.value(u"spec"));
    if (updated != *existing)
        state->update(deploymentsKey, updated);
    return {};
}

void KarmadaControlPlane::writeIfChanged(const QString &resource, const QJsonObject &desired)
{
    const QString ns = desired[u"metadata"][u"namespace"].toString();
    const QString name = desired[u"metadata"][u"name"].toString();
    const auto existing = m_state.get(resource, ns, name);
    if (!existing) {
        m_state.create(resource, desired);
        return;
    }
    QJsonObject updated = *existing;
    QJsonObject metadata = updated.value(u"metadata").toObject();
    const QJsonObject wanted = desired.value(u"metadata").toObject();
    for (const QString &key : {u"labels"_s, u"annotations"_s, u"ownerReferences"_s})
        metadata.insert(key, wanted.value(key));
    if (existing->value(u"spec") != desired.value(u"spec"))
        metadata.insert(u"generation", metadata.value(u"generation").toInteger(1) + 1);
    updated.insert(u"metadata", metadata);
    updated.insert(u"spec", desired.value(u"spec"));
    if (updated != *existing)
        m_state.update(resource, updated);
    if (desired.contains(u"status")
        && m_state.get(resource, ns, name)->value(u"status") != desired.value(u"status"))
        m_state.updateStatus(resource, ns, name, desired.value(u"status").toObject());
}

void KarmadaControlPlane::reconcile()
{
    if (m_reconciling)
        return;
    m_reconciling = true;
    const QString timestamp = now();

    // 1. Cluster status, written only when something but the clock changed.
    for (const auto &runtime : m_members) {
        const auto cluster = m_state.get(clustersKey, {}, runtime->member.name);
        if (!cluster)
            continue;
        const QJsonObject previous = cluster->value(u"status").toObject();
        const QJsonObject status = clusterStatus(*runtime, previous);
        if (status != previous)
            m_state.updateStatus(clustersKey, {}, runtime->member.name, status);
    }

    // 2. One binding per Deployment a policy selects; propagation; status aggregation.
    QSet<QString> wantedBindings;                 // "ns/name"
    QHash<QString, QSet<QString>> wantedInMember; // member -> "ns/name" of deployments
    for (const QJsonObject &deployment : m_state.list(deploymentsKey)) {
        const QJsonObject metadata = deployment.value(u"metadata").toObject();
        const QString ns = metadata.value(u"namespace").toString();
        const QString name = metadata.value(u"name").toString();
        const auto policy = policyFor(deployment);
        if (!policy)
            continue;
        const QString bindingName = name + u"-deployment";
        wantedBindings.insert(ns + u'/' + bindingName);
        const auto existing = m_state.get(bindingsKey, ns, bindingName);
        QMap<QString, qint64> previous;
        for (const QJsonValue &target :
             existing.value_or(QJsonObject())[u"spec"][u"clusters"].toArray())
            previous.insert(target[u"name"].toString(), target[u"replicas"].toInteger());

        const QJsonObject placement = (*policy)[u"spec"][u"placement"].toObject();
        const QJsonObject scheduling = placement.value(u"replicaScheduling").toObject();
        const qint64 replicas = deployment[u"spec"][u"replicas"].toInteger(1);
        const QStringList candidates = candidateClusters(placement, previous);

        ReplicaPreferences prefs;
        prefs.schedulingType = !placement.contains(u"replicaScheduling")
                                               || scheduling[u"replicaSchedulingType"].toString()
                                                          == u"Duplicated"
                                       ? ReplicaSchedulingType::Duplicated
                                       : ReplicaSchedulingType::Divided;
        prefs.division = scheduling[u"replicaDivisionPreference"].toString() == u"Aggregated"
                                 ? ReplicaDivision::Aggregated
                                 : ReplicaDivision::Weighted;
        const QJsonObject weights = scheduling.value(u"weightPreference").toObject();
        prefs.weightSource = weights.value(u"dynamicWeight").toString() == u"AvailableReplicas"
                                     ? WeightSource::AvailableReplicas
                                     : WeightSource::Static;
        for (const QJsonValue &rule : weights.value(u"staticWeightList").toArray()) {
            const QJsonObject target = rule[u"targetCluster"].toObject();
            const qint64 weight = rule[u"weight"].toInteger();
            const auto raise = [&](const QString &cluster) {
                ClusterPreference &pref = prefs.clusters[cluster];
                pref.weight = qMax(pref.weight, weight);
            };
            if (!hasAffinityTerms(target) && !target.contains(u"exclude")) {
                raise(QString(wildcardCluster));
                continue;
            }
            for (const QString &cluster : candidates) {
                const auto object = m_state.get(clustersKey, {}, cluster);
                if (object && affinityMatches(target, *object))
                    raise(cluster);
            }
        }
        QMap<QString, qint64> available;
        for (const auto &runtime : m_members) {
            if (candidates.contains(runtime->member.name))
                available.insert(runtime->member.name, availableReplicas(*runtime, deployment));
        }
        const Result<PlanResult> plan
                = planKarmada(prefs, replicas, candidates, previous, available);
        QMap<QString, qint64> assignment = previous;
        const bool scheduled = plan.ok();
        if (scheduled) {
            assignment.clear();
            for (auto it = plan->plan.cbegin(); it != plan->plan.cend(); ++it) {
                if (*it > 0 || prefs.schedulingType == ReplicaSchedulingType::Duplicated)
                    assignment.insert(it.key(), *it);
            }
        }
        QJsonArray clusters;
        for (auto it = assignment.cbegin(); it != assignment.cend(); ++it)
            clusters.append(QJsonObject{{u"name"_s, it.key()}, {u"replicas"_s, *it}});

        // Propagation and aggregated status.
        QJsonArray aggregated;
        bool fullyApplied = true;
        QJsonObject sums;
        bool allObserved = true;
        for (const auto &runtime : m_members) {
            const QString member = runtime->member.name;
            if (!assignment.contains(member))
                continue;
            wantedInMember[member].insert(ns + u'/' + name);
            QJsonObject item{{u"clusterName"_s, member}};
            if (!memberHealthy(member)) {
                fullyApplied = false;
                item.insert(u"applied", false);
                item.insert(u"appliedMessage", u"cluster is not reachable"_s);
                item.insert(u"health", u"Unknown"_s);
                aggregated.append(item);
                continue;
            }
            // conflictResolution: Overwrite takes over a Deployment the member already had.
            const QString failure = propagate(*runtime,
                                              memberDeployment(deployment,
                                                               *policy,
                                                               bindingName,
                                                               member,
                                                               assignment[member]),
                                              (*policy)[u"spec"][u"conflictResolution"].toString()
                                                      == u"Overwrite");
            const auto copy = runtime->member.state->get(deploymentsKey, ns, name);
            if (!failure.isEmpty() || !copy) {
                fullyApplied = false;
                item.insert(u"applied", false);
                item.insert(u"appliedMessage", failure);
                item.insert(u"health", u"Unknown"_s);
                aggregated.append(item);
                continue;
            }
            const QJsonObject status = copy->value(u"status").toObject();
            const qint64 generation = (*copy)[u"metadata"][u"generation"].toInteger(1);
            const qint64 want = (*copy)[u"spec"][u"replicas"].toInteger();
            QJsonObject reported;
            for (const QString &field : {u"replicas"_s,
                                         u"readyReplicas"_s,
                                         u"updatedReplicas"_s,
                                         u"availableReplicas"_s,
                                         u"unavailableReplicas"_s}) {
                if (status.contains(field)) {
                    reported.insert(field, status.value(field));
                    sums.insert(field,
                                sums.value(field).toInteger() + status.value(field).toInteger());
                }
            }
            const bool observed = status.value(u"observedGeneration").toInteger() >= generation;
            allObserved = allObserved && observed;
            // Karmada's Deployment health interpreter.
            const bool healthy = observed && status.value(u"updatedReplicas").toInteger() == want
                                 && status.value(u"availableReplicas").toInteger() == want;
            item.insert(u"status", reported);
            item.insert(u"applied", true);
            item.insert(u"health", healthy ? u"Healthy"_s : u"Unhealthy"_s);
            aggregated.append(item);
        }

        const QJsonObject previousStatus
                = existing.value_or(QJsonObject()).value(u"status").toObject();
        const qint64 bindingGeneration
                = existing.value_or(QJsonObject())[u"metadata"][u"generation"].toInteger(1);
        QJsonObject requirements;
        const Resources request = podRequests(deployment[u"spec"][u"template"][u"spec"].toObject());
        if (request.cpuMillis > 0 || request.memoryBytes > 0) {
            QJsonObject resourceRequest;
            if (request.cpuMillis > 0)
                resourceRequest.insert(u"cpu", formatCpu(request.cpuMillis));
            if (request.memoryBytes > 0)
                resourceRequest.insert(u"memory", formatBytes(request.memoryBytes));
            requirements.insert(u"resourceRequest", resourceRequest);
        }
        const bool clusterPolicy = policy->value(u"kind").toString() == u"ClusterPropagationPolicy";
        const QString policyName = (*policy)[u"metadata"][u"name"].toString();
        QJsonObject labels;
        QJsonObject annotations;
        if (clusterPolicy) {
            labels.insert(clusterPolicyNameKey, policyName);
            annotations.insert(clusterPolicyNameKey, policyName);
        } else {
            labels.insert(policyNameKey, policyName);
            labels.insert(policyNamespaceKey, ns);
            annotations.insert(policyNameKey, policyName);
            annotations.insert(policyNamespaceKey, ns);
        }
        QJsonObject spec{{u"resource"_s,
                          QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                      {u"kind"_s, u"Deployment"_s},
                                      {u"namespace"_s, ns},
                                      {u"name"_s, name},
                                      {u"uid"_s, metadata.value(u"uid")},
                                      {u"resourceVersion"_s, metadata.value(u"resourceVersion")}}},
                         {u"replicas"_s, replicas},
                         {u"clusters"_s, clusters},
                         {u"placement"_s, placement},
                         {u"schedulerName"_s, u"default-scheduler"_s},
                         {u"conflictResolution"_s,
                          (*policy)[u"spec"][u"conflictResolution"].toString(u"Abort"_s)}};
        if (!requirements.isEmpty())
            spec.insert(u"replicaRequirements", requirements);
        const qint64 nextGeneration = existing && existing->value(u"spec") != spec
                                              ? bindingGeneration + 1
                                              : bindingGeneration;
        QJsonArray conditions{
                scheduled ? condition(u"Scheduled"_s,
                                      true,
                                      u"Success"_s,
                                      u"Binding has been scheduled successfully."_s,
                                      previousStatus,
                                      timestamp)
                          : condition(u"Scheduled"_s,
                                      false,
                                      plan.error().code,
                                      plan.error().message,
                                      previousStatus,
                                      timestamp),
                fullyApplied ? condition(u"FullyApplied"_s,
                                         true,
                                         u"FullyAppliedSuccess"_s,
                                         u"All works have been successfully applied"_s,
                                         previousStatus,
                                         timestamp)
                             : condition(u"FullyApplied"_s,
                                         false,
                                         u"FullyAppliedFailed"_s,
                                         u"Failed to apply all works, see status.aggregatedStatus "
                                         u"for details"_s,
                                         previousStatus,
                                         timestamp)};
        QJsonObject bindingStatus{{u"conditions"_s, conditions},
                                  {u"schedulerObservedGeneration"_s, nextGeneration},
                                  {u"lastScheduledTime"_s,
                                   previousStatus.value(u"lastScheduledTime").toString(timestamp)}};
        if (!aggregated.isEmpty())
            bindingStatus.insert(u"aggregatedStatus", aggregated);
        const QJsonObject
                binding{{u"apiVersion"_s, u"work.karmada.io/v1alpha2"_s},
                        {u"kind"_s, u"ResourceBinding"_s},
                        {u"metadata"_s,
                         QJsonObject{{u"name"_s, bindingName},
                                     {u"namespace"_s, ns},
                                     {u"labels"_s, labels},
                                     {u"annotations"_s, annotations},
                                     {u"ownerReferences"_s,
                                      QJsonArray{QJsonObject{{u"apiVersion"_s, u"apps/v1"_s},
                                                             {u"kind"_s, u"Deployment"_s},
                                                             {u"name"_s, name},
                                                             {u"uid"_s, metadata.value(u"uid")},
                                                             {u"controller"_s, true},
                                                             {u"blockOwnerDeletion"_s, true}}}},
                                     {u"generation"_s, 1}}},
                        {u"spec"_s, spec},
                        {u"status"_s, bindingStatus}};
        writeIfChanged(bindingsKey, binding);

        // The template's status is the sum of its members', as Karmada's aggregation hook does.
        QJsonObject templateStatus = deployment.value(u"status").toObject();
        for (auto it = sums.begin(); it != sums.end(); ++it)
            templateStatus.insert(it.key(), *it);
        if (allObserved)
            templateStatus.insert(u"observedGeneration", metadata.value(u"generation"));
        if (templateStatus != deployment.value(u"status").toObject())
            m_state.updateStatus(deploymentsKey, ns, name, templateStatus);
    }

    // 3. Bindings nobody wants any more, and member copies no binding targets.
    for (const QJsonObject &binding : m_state.list(bindingsKey)) {
        const QString ns = binding[u"metadata"][u"namespace"].toString();
        const QString name = binding[u"metadata"][u"name"].toString();
        if (!wantedBindings.contains(ns + u'/' + name))
            m_state.remove(bindingsKey, ns, name);
    }
    for (const auto &runtime : m_members) {
        if (!memberHealthy(runtime->member.name))
            continue;
        const QSet<QString> wanted = wantedInMember.value(runtime->member.name);
        for (const QJsonObject &copy : runtime->member.state->list(deploymentsKey)) {
            const QJsonObject metadata = copy.value(u"metadata").toObject();
            if (metadata[u"labels"][managedLabel].toString() != u"true"
                || !metadata[u"annotations"].toObject().contains(bindingNameKey))
                continue;
            const QString ns = metadata.value(u"namespace").toString();
            const QString name = metadata.value(u"name").toString();
            if (wanted.contains(ns + u'/' + name))
                continue;
            // Through the member's API, so its ReplicaSets and pods go with it (background
            // cascading), as when Karmada's execution controller deletes the manifest.
            HttpRequest request;
            request.method = "DELETE";
            request.path = u"/apis/apps/v1/namespaces/%1/deployments/%2"_s.arg(ns, name);
            request.headers.append(qMakePair(QByteArray("user-agent"),
                                             QByteArray("karmada-controller-manager/v1.10.0")));
            runtime->router->dispatch(request);
        }
    }
    m_reconciling = false;
}

} // namespace Meridian::Sim

#include "sim/controllers/replicasetcontroller.h"

#include "sim/controllers/eventrecorder.h"
#include "sim/controllers/kubeobject.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers {

namespace {

const QString kReplicaSets = u"replicasets.apps"_s;
const QString kPods = u"pods"_s;

int phaseRank(const QJsonObject &pod)
{
    const QString phase = Kube::value(pod, u"status.phase").toString();
    if (phase == u"Pending")
        return 0;
    if (phase == u"Unknown")
        return 1;
    return 2;
}

int restarts(const QJsonObject &pod)
{
    int total = 0;
    for (const QJsonValue &c : Kube::value(pod, u"status.containerStatuses").toArray())
        total += c.toObject().value(u"restartCount").toInt();
    return total;
}

// controller.ActivePods ordering: the pod that should go first sorts first.
bool deleteBefore(const QJsonObject &a, const QJsonObject &b)
{
    const bool aBound = !Kube::value(a, u"spec.nodeName").toString().isEmpty();
    const bool bBound = !Kube::value(b, u"spec.nodeName").toString().isEmpty();
    if (aBound != bBound)
        return !aBound;
    if (phaseRank(a) != phaseRank(b))
        return phaseRank(a) < phaseRank(b);
    const QJsonObject sa = a.value(u"status").toObject();
    const QJsonObject sb = b.value(u"status").toObject();
    const bool aReady = Kube::conditionTrue(sa, u"Ready"_s);
    const bool bReady = Kube::conditionTrue(sb, u"Ready"_s);
    if (aReady != bReady)
        return !aReady;
    if (aReady) {
        const QDateTime ta
                = Kube::parseTime(Kube::condition(sa, u"Ready"_s)->value(u"lastTransitionTime"));
        const QDateTime tb
                = Kube::parseTime(Kube::condition(sb, u"Ready"_s)->value(u"lastTransitionTime"));
        if (ta != tb)
            return ta > tb;
    }
    if (restarts(a) != restarts(b))
        return restarts(a) > restarts(b);
    const QDateTime ca = Kube::creationTimestamp(a);
    const QDateTime cb = Kube::creationTimestamp(b);
    if (ca != cb)
        return ca > cb;
    return Kube::name(a) > Kube::name(b);
}

// What the apiserver's defaulting would add to a pod made from a template.
QJsonObject defaultedPodSpec(QJsonObject spec)
{
    const auto setDefault = [](QJsonObject &o, const QString &key, const QJsonValue &v) {
        if (!o.contains(key))
            o.insert(key, v);
    };
    setDefault(spec, u"restartPolicy"_s, u"Always"_s);
    setDefault(spec, u"terminationGracePeriodSeconds"_s, 30);
    setDefault(spec, u"dnsPolicy"_s, u"ClusterFirst"_s);
    setDefault(spec, u"schedulerName"_s, u"default-scheduler"_s);
    setDefault(spec, u"serviceAccountName"_s, u"default"_s);
    setDefault(spec, u"serviceAccount"_s, spec.value(u"serviceAccountName"));
    setDefault(spec, u"securityContext"_s, QJsonObject{});
    setDefault(spec, u"enableServiceLinks"_s, true);
    setDefault(spec, u"priority"_s, 0);
    setDefault(spec, u"preemptionPolicy"_s, u"PreemptLowerPriority"_s);
    setDefault(spec,
               u"tolerations"_s,
               QJsonArray{QJsonObject{{u"key"_s, u"node.kubernetes.io/not-ready"_s},
                                      {u"operator"_s, u"Exists"_s},
                                      {u"effect"_s, u"NoExecute"_s},
                                      {u"tolerationSeconds"_s, 300}},
                          QJsonObject{{u"key"_s, u"node.kubernetes.io/unreachable"_s},
                                      {u"operator"_s, u"Exists"_s},
                                      {u"effect"_s, u"NoExecute"_s},
                                      {u"tolerationSeconds"_s, 300}}});
    QJsonArray containers;
    for (const QJsonValue &c : spec.value(u"containers").toArray()) {
        QJsonObject container = c.toObject();
        const QString image = container.value(u"image").toString();
        const bool latest = !image.section(u'/', -1).contains(u':') || image.endsWith(u":latest");
        setDefault(container, u"imagePullPolicy"_s, latest ? u"Always"_s : u"IfNotPresent"_s);
        setDefault(container, u"terminationMessagePath"_s, u"/dev/termination-log"_s);
        setDefault(container, u"terminationMessagePolicy"_s, u"File"_s);
        setDefault(container, u"resources"_s, QJsonObject{});
        containers.append(container);
    }
    spec.insert(u"containers", containers);
    return spec;
}

} // namespace

ReplicaSetController::ReplicaSetController(EventRecorder *events, const ControllerOptions &options)
    : m_events(events)
    , m_options(options)
    , m_names(options.seed ^ 0x5eed5eedULL)
{}

void ReplicaSetController::reconcile(ObjectStore &store, const QDateTime &now)
{
    for (const QJsonObject &rs : store.list(kReplicaSets, {}))
        syncReplicaSet(store, now, rs);
}

QJsonObject ReplicaSetController::newPod(const QJsonObject &rs)
{
    // rand.String(5) draws from the same consonant-and-digit alphabet as SafeEncodeString.
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString suffix;
    for (int i = 0; i < 5; ++i)
        suffix.append(QLatin1Char(alphabet[m_names.next() % (sizeof(alphabet) - 1)]));
    const QJsonObject podTemplate = Kube::value(rs, u"spec.template").toObject();
    const QJsonObject templateMeta = podTemplate.value(u"metadata").toObject();
    QJsonObject metadata{{u"name"_s, QString(Kube::name(rs) + u'-' + suffix)},
                         {u"generateName"_s, QString(Kube::name(rs) + u'-')},
                         {u"namespace"_s, Kube::ns(rs)},
                         {u"labels"_s, templateMeta.value(u"labels")},
                         {u"ownerReferences"_s,
                          QJsonArray{Kube::ownerReference(rs, u"apps/v1"_s, u"ReplicaSet"_s)}}};
    if (templateMeta.contains(u"annotations"))
        metadata.insert(u"annotations", templateMeta.value(u"annotations"));
    const QJsonObject spec = defaultedPodSpec(podTemplate.value(u"spec").toObject());
    return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                       {u"kind"_s, u"Pod"_s},
                       {u"metadata"_s, metadata},
                       {u"spec"_s, spec},
                       {u"status"_s,
                        QJsonObject{{u"phase"_s, u"Pending"_s},
                                    {u"qosClass"_s, Kube::qosClass(spec)}}}};
}

void ReplicaSetController::syncReplicaSet(ObjectStore &store, const QDateTime &now, QJsonObject rs)
{
    if (!Kube::value(rs, u"metadata.deletionTimestamp").isUndefined())
        return;
    const QJsonObject selector = Kube::value(rs, u"spec.selector").toObject();
    QList<QJsonObject> pods;
    for (const QJsonObject &pod : store.list(kPods, Kube::ns(rs))) {
        if (Kube::isControlledBy(pod, rs) && Kube::podActive(pod)
            && Kube::selectorMatches(selector, Kube::labels(pod)))
            pods.append(pod);
    }
    const int desired = static_cast<int>(Kube::intValue(rs, u"spec.replicas", 1));
    const EventRecorder::Source source{u"replicaset-controller"_s, {}};
    const qsizetype diff = pods.size() - desired;
    if (diff < 0) {
        // Upstream creates in slow-start batches; every pod is created at once here.
        for (qsizetype i = 0; i < -diff; ++i) {
            QJsonObject pod = newPod(rs);
            while (store.get(kPods, Kube::ns(rs), Kube::name(pod)))
                pod = newPod(rs);
            Kube::setMetadataField(pod, u"creationTimestamp"_s, Kube::formatTime(now));
            const QJsonObject created = store.create(kPods, pod);
            pods.append(created);
            m_events->record(store,
                             now,
                             source,
                             rs,
                             u"Normal"_s,
                             u"SuccessfulCreate"_s,
                             u"Created pod: "_s + Kube::name(created));
        }
    } else if (diff > 0) {
        std::stable_sort(pods.begin(), pods.end(), deleteBefore);
        for (qsizetype i = 0; i < diff; ++i) {
            const QJsonObject &victim = pods.at(i);
            // Deletion is immediate: the simulated kubelet has no graceful termination.
            store.remove(kPods, Kube::ns(victim), Kube::name(victim));
            m_events->record(store,
                             now,
                             source,
                             rs,
                             u"Normal"_s,
                             u"SuccessfulDelete"_s,
                             u"Deleted pod: "_s + Kube::name(victim));
        }
        pods = pods.mid(diff);
    }

    const qint64 minReady = Kube::intValue(rs, u"spec.minReadySeconds", 0);
    const QJsonObject templateLabels = Kube::value(rs, u"spec.template.metadata.labels").toObject();
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    for (const QJsonObject &pod : std::as_const(pods)) {
        const QJsonObject labels = Kube::labels(pod);
        bool labeled = true;
        for (auto it = templateLabels.begin(); it != templateLabels.end(); ++it)
            labeled = labeled && labels.value(it.key()) == *it;
        fullyLabeled += labeled ? 1 : 0;
        ready += Kube::conditionTrue(pod.value(u"status").toObject(), u"Ready"_s) ? 1 : 0;
        available += Kube::podAvailable(pod, minReady, now) ? 1 : 0;
    }
    QJsonObject status = rs.value(u"status").toObject();
    const QJsonObject before = status;
    status.insert(u"replicas", pods.size());
    const auto setOrRemove = [&status](const QString &key, qint64 v) {
        if (v == 0)
            status.remove(key);
        else
            status.insert(key, v);
    };
    setOrRemove(u"fullyLabeledReplicas"_s, fullyLabeled);
    setOrRemove(u"readyReplicas"_s, ready);
    setOrRemove(u"availableReplicas"_s, available);
    status.insert(u"observedGeneration", Kube::generation(rs));
    if (status == before)
        return;
    rs.insert(u"status", status);
    store.updateStatus(kReplicaSets, rs);
}

} // namespace Meridian::Sim::Controllers

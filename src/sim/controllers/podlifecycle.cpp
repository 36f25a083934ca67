#include "sim/controllers/podlifecycle.h"

#include "sim/controllers/eventrecorder.h"
#include "sim/controllers/kubeobject.h"
#include "sim/deterministic.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers {

namespace {

const QString kCrashAnnotation = u"sim.meridian.dev/crash"_s;

QString imageTag(const QString &image)
{
    const QString last = image.section(u'/', -1);
    return last.contains(u':') ? last.section(u':', -1) : QString();
}

// containerd reports fully qualified references: "nginx:1.25" -> "docker.io/library/nginx:1.25".
QString normalizedImage(const QString &image)
{
    QString ref = image;
    const QString first = ref.section(u'/', 0, 0);
    const bool hasRegistry
            = ref.contains(u'/')
              && (first.contains(u'.') || first.contains(u':') || first == u"localhost");
    if (!hasRegistry)
        ref = u"docker.io/"_s + (ref.contains(u'/') ? QString() : u"library/"_s) + ref;
    if (imageTag(ref).isEmpty() && !ref.contains(u'@'))
        ref += u":latest"_s;
    return ref;
}

QString imageId(const QString &image)
{
    const QString ref = normalizedImage(image);
    const QString repository = ref.left(ref.size() - imageTag(ref).size() - 1);
    Prng digest(stableHash(0, ref));
    return repository + u"@sha256:"_s + QString::fromLatin1(digest.hex(64));
}

QString pullError(const QString &image)
{
    const QString ref = normalizedImage(image);
    return u"rpc error: code = NotFound desc = failed to pull and unpack image \"%1\": failed to "
           "resolve reference \"%1\": %1: not found"_s.arg(ref);
}

// Go's time.Duration.String() for whole seconds: "10s", "1m20s", "5m0s".
QString goDuration(qint64 seconds)
{
    if (seconds < 60)
        return QString::number(seconds) + u's';
    return QString::number(seconds / 60) + u'm' + QString::number(seconds % 60) + u's';
}

QDateTime addSeconds(const QDateTime &t, double seconds)
{
    return t.addMSecs(static_cast<qint64>(std::llround(seconds * 1000)));
}

QString pullDuration(double seconds)
{
    return QString::number(seconds, 'g', 4) + u's';
}

} // namespace

PodLifecycle::PodLifecycle(EventRecorder *events, const ControllerOptions &options)
    : m_events(events)
    , m_options(options)
{}

double PodLifecycle::backOffSeconds(int step) const
{
    return std::min(m_options.backOffMaxSeconds,
                    m_options.backOffInitialSeconds * std::pow(2.0, std::min(step, 16)));
}

void PodLifecycle::event(ObjectStore &store,
                         const QJsonObject &pod,
                         const Container &c,
                         const QDateTime &at,
                         const QString &type,
                         const QString &reason,
                         const QString &message)
{
    const QString node = Kube::value(pod, u"spec.nodeName").toString();
    m_events->record(store,
                     at,
                     {u"kubelet"_s, node},
                     pod,
                     type,
                     reason,
                     message,
                     u"spec.containers{%1}"_s.arg(c.name));
}

void PodLifecycle::enter(
        ObjectStore &store, const QJsonObject &pod, Container &c, Stage stage, const QDateTime &at)
{
    c.stage = stage;
    c.stageSince = at;
    const QString quoted = u'"' + c.image + u'"';
    switch (stage) {
    case Stage::Pulling:
        event(store, pod, c, at, u"Normal"_s, u"Pulling"_s, u"Pulling image "_s + quoted);
        c.next = addSeconds(at, m_options.imagePullSeconds);
        break;
    case Stage::ErrImagePull:
        event(store,
              pod,
              c,
              at,
              u"Warning"_s,
              u"Failed"_s,
              u"Failed to pull image %1: %2"_s.arg(quoted, pullError(c.image)));
        event(store, pod, c, at, u"Warning"_s, u"Failed"_s, u"Error: ErrImagePull"_s);
        c.next = addSeconds(at, 1);
        break;
    case Stage::ImagePullBackOff:
        event(store, pod, c, at, u"Normal"_s, u"BackOff"_s, u"Back-off pulling image "_s + quoted);
        event(store, pod, c, at, u"Warning"_s, u"Failed"_s, u"Error: ImagePullBackOff"_s);
        c.next = addSeconds(at, backOffSeconds(c.backOffSteps++));
        break;
    case Stage::Running: {
        Prng id(stableHash(m_options.seed,
                           QString(Kube::uid(pod) + c.name + QString::number(c.restarts))));
        c.containerId = u"containerd://"_s + QString::fromLatin1(id.hex(64));
        c.startedAt = at;
        // Deterministic jitter per pod and restart keeps readiness from arriving in lockstep.
        const double span = m_options.readyDelayMaxSeconds - m_options.readyDelayMinSeconds;
        const double delay = m_options.readyDelayMinSeconds + span * id.nextDouble();
        c.readyAt = addSeconds(at, delay);
        c.next = c.crashes ? addSeconds(at, m_options.crashAfterSeconds) : QDateTime();
        if (c.next.isValid() && c.readyAt >= c.next)
            c.readyAt = {};
        break;
    }
    case Stage::CrashLoopBackOff: {
        const qint64 backOff = static_cast<qint64>(backOffSeconds(c.backOffSteps++));
        event(store,
              pod,
              c,
              at,
              u"Warning"_s,
              u"BackOff"_s,
              u"Back-off restarting failed container %1 in pod %2_%3(%4)"_s.arg(c.name,
                                                                                Kube::name(pod),
                                                                                Kube::ns(pod),
                                                                                Kube::uid(pod)));
        c.next = at.addSecs(backOff);
        break;
    }
    }
}

void PodLifecycle::advance(ObjectStore &store,
                           const QJsonObject &pod,
                           Container &c,
                           const QDateTime &now)
{
    // Catch up on every transition that fell due since the last tick, at its own time.
    while (c.next.isValid() && c.next <= now) {
        const QDateTime at = c.next;
        const QString quoted = u'"' + c.image + u'"';
        switch (c.stage) {
        case Stage::Pulling:
            if (c.broken) {
                enter(store, pod, c, Stage::ErrImagePull, at);
            } else {
                const QString took = pullDuration(m_options.imagePullSeconds);
                event(store,
                      pod,
                      c,
                      at,
                      u"Normal"_s,
                      u"Pulled"_s,
                      u"Successfully pulled image %1 in %2 (%2 including waiting)"_s.arg(quoted,
                                                                                         took));
                event(store,
                      pod,
                      c,
                      at,
                      u"Normal"_s,
                      u"Created"_s,
                      u"Created container "_s + c.name);
                event(store,
                      pod,
                      c,
                      at,
                      u"Normal"_s,
                      u"Started"_s,
                      u"Started container "_s + c.name);
                enter(store, pod, c, Stage::Running, at);
            }
            break;
        case Stage::ErrImagePull: enter(store, pod, c, Stage::ImagePullBackOff, at); break;
        case Stage::ImagePullBackOff: enter(store, pod, c, Stage::Pulling, at); break;
        case Stage::Running:
            c.lastTerminated = QJsonObject{{u"exitCode"_s, 1},
                                           {u"reason"_s, u"Error"_s},
                                           {u"startedAt"_s, Kube::formatTime(c.startedAt)},
                                           {u"finishedAt"_s, Kube::formatTime(at)},
                                           {u"containerID"_s, c.containerId}};
            c.restarts += 1;
            enter(store, pod, c, Stage::CrashLoopBackOff, at);
            break;
        case Stage::CrashLoopBackOff:
            event(store,
                  pod,
                  c,
                  at,
                  u"Normal"_s,
                  u"Pulled"_s,
                  u"Container image %1 already present on machine"_s.arg(quoted));
            event(store, pod, c, at, u"Normal"_s, u"Created"_s, u"Created container "_s + c.name);
            event(store, pod, c, at, u"Normal"_s, u"Started"_s, u"Started container "_s + c.name);
            enter(store, pod, c, Stage::Running, at);
            break;
        }
    }
}

PodLifecycle::Pod PodLifecycle::startPod(ObjectStore &store,
                                         const QJsonObject &pod,
                                         const QDateTime &now)
{
    Pod state;
    const QJsonObject status = pod.value(u"status").toObject();
    const auto scheduled = Kube::condition(status, u"PodScheduled"_s);
    state.scheduledAt = scheduled ? Kube::parseTime(scheduled->value(u"lastTransitionTime")) : now;
    if (!state.scheduledAt.isValid() || state.scheduledAt > now)
        state.scheduledAt = now;
    const QString nodeName = Kube::value(pod, u"spec.nodeName").toString();
    if (const auto node = store.get(u"nodes"_s, {}, nodeName)) {
        for (const QJsonValue &a : Kube::value(*node, u"status.addresses").toArray()) {
            if (a.toObject().value(u"type").toString() == u"InternalIP")
                state.hostIp = a.toObject().value(u"address").toString();
        }
        state.podIp = status.value(u"podIP").toString();
        if (state.podIp.isEmpty()) {
            // The lowest free address of the node's pod CIDR, as host-local IPAM hands them out.
            QSet<QString> used;
            for (const QJsonObject &other : store.list(u"pods"_s, {})) {
                if (Kube::value(other, u"spec.nodeName").toString() == nodeName)
                    used.insert(Kube::value(other, u"status.podIP").toString());
            }
            for (const Pod &known : std::as_const(m_pods))
                used.insert(known.podIp);
            const QString cidr = Kube::value(*node, u"spec.podCIDR").toString();
            const QString base = cidr.section(u'/', 0, 0).section(u'.', 0, 2);
            for (int host = 2; host < 255 && state.podIp.isEmpty(); ++host) {
                const QString ip = base + u'.' + QString::number(host);
                if (!used.contains(ip))
                    state.podIp = ip;
            }
        }
    }

    const bool crashAnnotation = Kube::annotation(pod, kCrashAnnotation) == u"true";
    const QJsonArray existing = status.value(u"containerStatuses").toArray();
    for (const QJsonValue &spec : Kube::value(pod, u"spec.containers").toArray()) {
        Container c;
        c.name = spec.toObject().value(u"name").toString();
        c.image = spec.toObject().value(u"image").toString();
        c.broken = imageTag(c.image) == u"broken";
        c.crashes = crashAnnotation || imageTag(c.image) == u"crashloop";
        QJsonObject previous;
        for (const QJsonValue &e : existing) {
            if (e.toObject().value(u"name").toString() == c.name)
                previous = e.toObject();
        }
        const QJsonObject running = Kube::value(previous, u"state.running").toObject();
        if (!running.isEmpty()) {
            // Pick up a pod that was already running before this controller existed.
            c.stage = Stage::Running;
            c.restarts = previous.value(u"restartCount").toInt();
            c.containerId = previous.value(u"containerID").toString();
            c.startedAt = Kube::parseTime(running.value(u"startedAt"));
            c.readyAt = previous.value(u"ready").toBool() ? c.startedAt : addSeconds(now, 1);
            c.next = c.crashes ? addSeconds(now, m_options.crashAfterSeconds) : QDateTime();
            c.lastTerminated = Kube::value(previous, u"lastState.terminated").toObject();
        } else {
            enter(store, pod, c, Stage::Pulling, state.scheduledAt);
        }
        state.containers.append(c);
    }
    return state;
}

QJsonObject PodLifecycle::podStatus(const QJsonObject &pod,
                                    const Pod &state,
                                    const QDateTime &now) const
{
    const QJsonObject old = pod.value(u"status").toObject();
    QJsonObject status = old;
    const QString scheduledAt = Kube::formatTime(state.scheduledAt);
    bool anyStarted = false;
    bool allReady = !state.containers.isEmpty();
    QDateTime readySince;
    QStringList unready;
    QJsonArray containerStatuses;
    for (const Container &c : state.containers) {
        const bool ready = c.stage == Stage::Running && c.readyAt.isValid() && c.readyAt <= now;
        anyStarted = anyStarted || c.startedAt.isValid();
        if (ready)
            readySince = std::max(readySince.isValid() ? readySince : c.readyAt, c.readyAt);
        else
            unready.append(c.name);
        allReady = allReady && ready;
        QJsonObject cs{{u"name"_s, c.name},
                       {u"image"_s, normalizedImage(c.image)},
                       {u"imageID"_s, c.startedAt.isValid() ? imageId(c.image) : QString()},
                       {u"ready"_s, ready},
                       {u"started"_s, c.stage == Stage::Running},
                       {u"restartCount"_s, c.restarts},
                       {u"lastState"_s, QJsonObject{}}};
        if (!c.containerId.isEmpty())
            cs.insert(u"containerID", c.containerId);
        if (!c.lastTerminated.isEmpty())
            cs.insert(u"lastState", QJsonObject{{u"terminated"_s, c.lastTerminated}});
        const auto waiting = [](const QString &reason, const QString &message) {
            QJsonObject w{{u"reason"_s, reason}};
            if (!message.isEmpty())
                w.insert(u"message", message);
            return QJsonObject{{u"waiting"_s, w}};
        };
        switch (c.stage) {
        case Stage::Pulling:
            cs.insert(u"state",
                      c.backOffSteps > 0 ? waiting(u"ImagePullBackOff"_s,
                                                   u"Back-off pulling image \"%1\""_s.arg(c.image))
                                         : waiting(u"ContainerCreating"_s, {}));
            break;
        case Stage::ErrImagePull:
            cs.insert(u"state", waiting(u"ErrImagePull"_s, pullError(c.image)));
            break;
        case Stage::ImagePullBackOff:
            cs.insert(u"state",
                      waiting(u"ImagePullBackOff"_s,
                              u"Back-off pulling image \"%1\""_s.arg(c.image)));
            break;
        case Stage::Running:
            cs.insert(u"state",
                      QJsonObject{{u"running"_s,
                                   QJsonObject{{u"startedAt"_s, Kube::formatTime(c.startedAt)}}}});
            break;
        case Stage::CrashLoopBackOff:
            cs.insert(u"state",
                      waiting(u"CrashLoopBackOff"_s,
                              u"back-off %1 restarting failed container=%2 pod=%3_%4(%5)"_s
                                      .arg(goDuration(c.stageSince.secsTo(c.next)),
                                           c.name,
                                           Kube::name(pod),
                                           Kube::ns(pod),
                                           Kube::uid(pod))));
            break;
        }
        containerStatuses.append(cs);
    }

    const auto previousTime = [&old](const QString &type, const QString &value) -> QString {
        const auto c = Kube::condition(old, type);
        if (c && c->value(u"status").toString() == value)
            return c->value(u"lastTransitionTime").toString();
        return {};
    };
    const QString readyValue = allReady ? u"True"_s : u"False"_s;
    QString readyTime = previousTime(u"Ready"_s, readyValue);
    if (readyTime.isEmpty())
        readyTime = Kube::formatTime(allReady ? readySince : now);
    const auto condition = [](const QString &type, const QString &value, const QString &time) {
        return QJsonObject{{u"type"_s, type},
                           {u"status"_s, value},
                           {u"lastProbeTime"_s, QJsonValue::Null},
                           {u"lastTransitionTime"_s, time}};
    };
    QJsonObject readyCondition = condition(u"Ready"_s, readyValue, readyTime);
    QJsonObject containersReady = condition(u"ContainersReady"_s, readyValue, readyTime);
    if (!allReady) {
        const QString message = u"containers with unready status: [%1]"_s.arg(unready.join(u' '));
        for (QJsonObject *c : {&readyCondition, &containersReady}) {
            c->insert(u"reason", u"ContainersNotReady"_s);
            c->insert(u"message", message);
        }
    }
    QJsonArray conditions;
    if (m_options.kubeMinor >= 29)
        conditions.append(condition(u"PodReadyToStartContainers"_s, u"True"_s, scheduledAt));
    conditions.append(condition(u"Initialized"_s, u"True"_s, scheduledAt));
    conditions.append(readyCondition);
    conditions.append(containersReady);
    const auto scheduled = Kube::condition(old, u"PodScheduled"_s);
    conditions.append(scheduled ? *scheduled
                                : condition(u"PodScheduled"_s, u"True"_s, scheduledAt));
    status.insert(u"conditions", conditions);
    status.insert(u"phase", anyStarted ? u"Running"_s : u"Pending"_s);
    status.insert(u"hostIP", state.hostIp);
    status.insert(u"hostIPs", QJsonArray{QJsonObject{{u"ip"_s, state.hostIp}}});
    if (!state.podIp.isEmpty()) {
        status.insert(u"podIP", state.podIp);
        status.insert(u"podIPs", QJsonArray{QJsonObject{{u"ip"_s, state.podIp}}});
    }
    status.insert(u"startTime", scheduledAt);
    status.insert(u"containerStatuses", containerStatuses);
    if (!status.contains(u"qosClass"))
        status.insert(u"qosClass", Kube::qosClass(pod.value(u"spec").toObject()));
    return status;
}

void PodLifecycle::reconcile(ObjectStore &store, const QDateTime &now)
{
    QSet<QString> live;
    for (QJsonObject pod : store.list(u"pods"_s, {})) {
        const QString uid = Kube::uid(pod);
        live.insert(uid);
        if (Kube::value(pod, u"spec.nodeName").toString().isEmpty() || !Kube::podActive(pod))
            continue;
        auto it = m_pods.find(uid);
        if (it == m_pods.end())
            it = m_pods.insert(uid, startPod(store, pod, now));
        // The crash annotation may be added to a pod that is already running (the demo breaks
        // one pod of a healthy Deployment): its container then starts crashing too.
        const bool crashAnnotation = Kube::annotation(pod, kCrashAnnotation) == u"true";
        for (Container &c : it->containers) {
            if (crashAnnotation && !c.crashes) {
                c.crashes = true;
                if (c.stage == Stage::Running && !c.next.isValid())
                    c.next = addSeconds(now, m_options.crashAfterSeconds);
            }
            advance(store, pod, c, now);
        }
        const QJsonObject status = podStatus(pod, *it, now);
        if (status == pod.value(u"status").toObject())
            continue;
        pod.insert(u"status", status);
        store.updateStatus(u"pods"_s, pod);
    }
    for (auto it = m_pods.begin(); it != m_pods.end();) {
        if (live.contains(it.key()))
            ++it;
        else
            it = m_pods.erase(it);
    }
}

} // namespace Meridian::Sim::Controllers

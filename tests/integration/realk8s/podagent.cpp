// meridian-realk8s-agent: the kubelet stand-in of the real-Kubernetes test tier, in the spirit of
// KWOK. The clusters have fake Nodes and no kubelet, so without it every pod stays Pending and no
// rollout completes. For every context of a kubeconfig it keeps an informer on all pods and
//   - moves a pod the scheduler has bound (spec.nodeName set) to Running with every container
//     started and ready and the Ready/ContainersReady/Initialized conditions True, as a kubelet
//     reports a pod without probes whose images are present;
//   - except when a container's image has the tag "broken" (meridian-sim's rule, e.g.
//     nginx:broken): that pod stays Pending with the container waiting in ImagePullBackOff and
//     Ready False, as a kubelet reports an image that cannot be pulled, so rollouts of it stall
//     and run into their progress deadline;
//   - finishes the deletion of a pod that has a deletionTimestamp (the kubelet's final DELETE with
//     gracePeriodSeconds 0), so ReplicaSets scale down and rollouts finish.
// It writes one line per action to stdout and never prints credentials.
#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/informer.h"
#include "kube/kubeconfig.h"
#include "net/transport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Meridian;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

// The tag of an image reference ("" without one), as meridian-sim reads it.
QString imageTag(const QString &image)
{
    const QString last = image.section(u'/', -1);
    return last.contains(u':') ? last.section(u':', -1) : QString();
}

bool isBroken(const QJsonObject &container)
{
    return imageTag(str(container, "image")) == QLatin1String("broken");
}

bool hasBrokenImage(const QJsonObject &pod)
{
    for (const QJsonValue &v : obj(pod, "spec").value(QLatin1String("containers")).toArray()) {
        if (isBroken(v.toObject()))
            return true;
    }
    return false;
}

// Whether the pod already reports ImagePullBackOff for every broken container.
bool reportsPullBackOff(const QJsonObject &pod)
{
    const QJsonArray statuses
            = obj(pod, "status").value(QLatin1String("containerStatuses")).toArray();
    if (statuses.isEmpty())
        return false;
    for (const QJsonValue &v : statuses) {
        const QJsonObject cs = v.toObject();
        if (imageTag(str(cs, "image")) == QLatin1String("broken")
            && str(obj(obj(cs, "state"), "waiting"), "reason") != QLatin1String("ImagePullBackOff"))
            return false;
    }
    return true;
}

bool isRunningAndReady(const QJsonObject &pod)
{
    const QJsonObject status = obj(pod, "status");
    if (str(status, "phase") != QLatin1String("Running"))
        return false;
    for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject condition = c.toObject();
        if (str(condition, "type") == QLatin1String("Ready"))
            return str(condition, "status") == QLatin1String("True");
    }
    return false;
}

QString podIp(const QString &uid)
{
    const QByteArray h = QCryptographicHash::hash(uid.toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("10.244.%1.%2").arg(quint8(h[0])).arg(quint8(h[1]) % 253 + 1);
}

// A pod that runs (every container started and ready) or, with a broken image, one whose
// broken containers wait in ImagePullBackOff (phase Pending, Ready False).
QJsonObject podStatus(const QJsonObject &pod)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QJsonObject meta = obj(pod, "metadata");
    const QString ip = podIp(str(meta, "uid"));
    QJsonArray containerStatuses;
    QStringList unready;
    for (const QJsonValue &v : obj(pod, "spec").value(QLatin1String("containers")).toArray()) {
        const QJsonObject c = v.toObject();
        if (isBroken(c)) {
            unready.append(str(c, "name"));
            containerStatuses.append(
                    QJsonObject{{QStringLiteral("name"), str(c, "name")},
                                {QStringLiteral("image"), str(c, "image")},
                                {QStringLiteral("imageID"), QString()},
                                {QStringLiteral("ready"), false},
                                {QStringLiteral("started"), false},
                                {QStringLiteral("restartCount"), QJsonValue(0)},
                                {QStringLiteral("lastState"), QJsonObject{}},
                                {QStringLiteral("state"),
                                 QJsonObject{{QStringLiteral("waiting"),
                                              QJsonObject{{QStringLiteral("reason"),
                                                           QStringLiteral("ImagePullBackOff")},
                                                          {QStringLiteral("message"),
                                                           QStringLiteral(
                                                                   "Back-off pulling image \"%1\"")
                                                                   .arg(str(c, "image"))}}}}}});
            continue;
        }
        containerStatuses.append(
                QJsonObject{{QStringLiteral("name"), str(c, "name")},
                            {QStringLiteral("image"), str(c, "image")},
                            {QStringLiteral("imageID"),
                             QString(QStringLiteral("fake://") + str(c, "image"))},
                            {QStringLiteral("containerID"),
                             QStringLiteral("fake://%1/%2").arg(str(meta, "uid"), str(c, "name"))},
                            {QStringLiteral("ready"), true},
                            {QStringLiteral("started"), true},
                            {QStringLiteral("restartCount"), QJsonValue(0)},
                            {QStringLiteral("lastState"), QJsonObject{}},
                            {QStringLiteral("state"),
                             QJsonObject{{QStringLiteral("running"),
                                          QJsonObject{{QStringLiteral("startedAt"), now}}}}}});
    }
    const bool ready = unready.isEmpty();
    const QString notReady
            = QStringLiteral("containers with unready status: [%1]").arg(unready.join(u' '));
    auto condition = [&](const char *type, bool isTrue = true) {
        QJsonObject c{{QStringLiteral("type"), QString::fromLatin1(type)},
                      {QStringLiteral("status"),
                       isTrue ? QStringLiteral("True") : QStringLiteral("False")},
                      {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                      {QStringLiteral("lastTransitionTime"), now}};
        if (!isTrue) {
            c.insert(QStringLiteral("reason"), QStringLiteral("ContainersNotReady"));
            c.insert(QStringLiteral("message"), notReady);
        }
        return c;
    };
    return QJsonObject{{QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"),
                                     ready ? QStringLiteral("Running") : QStringLiteral("Pending")},
                                    {QStringLiteral("hostIP"), QStringLiteral("127.0.0.1")},
                                    {QStringLiteral("podIP"), ip},
                                    {QStringLiteral("podIPs"),
                                     QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}}},
                                    {QStringLiteral("startTime"), now},
                                    {QStringLiteral("qosClass"), QStringLiteral("BestEffort")},
                                    {QStringLiteral("conditions"),
                                     QJsonArray{condition("Initialized"),
                                                condition("Ready", ready),
                                                condition("ContainersReady", ready),
                                                condition("PodScheduled")}},
                                    {QStringLiteral("containerStatuses"), containerStatuses}}}};
}

class PodAgent final : public QObject
{
public:
    PodAgent(const Kube::Kubeconfig &config, const QStringList &contexts)
    {
        for (const QString &name : contexts) {
            Result<Kube::ResolvedContext> context = config.resolve(name);
            if (!context)
                qFatal("context %s: %s", qPrintable(name), qPrintable(context.error().message));
            auto member = std::make_unique<Member>();
            member->name = name;
            member->client = new Kube::ApiClient(*context, &m_transport, &m_credentials, this);
            member->informer
                    = new Kube::Informer(member->client, QStringLiteral("/api/v1/pods"), this);
            member->informer->setBackoff(200, 2000);
            Member *m = member.get();
            connect(member->informer,
                    &Kube::Informer::synced,
                    this,
                    [this, m](const QList<QJsonObject> &items) {
                        for (const QJsonObject &pod : items)
                            handle(*m, pod);
                    });
            connect(member->informer,
                    &Kube::Informer::changed,
                    this,
                    [this, m](const QList<Kube::WatchEvent> &events) {
                        for (const Kube::WatchEvent &event : events) {
                            if (event.type != Kube::WatchEvent::Type::Deleted)
                                handle(*m, event.object);
                        }
                    });
            connect(member->informer,
                    &Kube::Informer::failed,
                    this,
                    [m](const QString &reason, int status) {
                        say(QStringLiteral("%1: pods informer failed (%2): %3")
                                    .arg(m->name)
                                    .arg(status)
                                    .arg(reason));
                    });
            m_members.push_back(std::move(member));
        }
        // A write that failed is retried on the next pass over the caches.
        connect(&m_resync, &QTimer::timeout, this, [this] {
            for (auto &m : m_members) {
                for (const QJsonObject &pod : m->informer->cache())
                    handle(*m, pod);
            }
        });
        m_resync.start(2000);
    }

    void start()
    {
        for (auto &m : m_members)
            m->informer->start();
    }

private:
    struct Member
    {
        QString name;
        Kube::ApiClient *client = nullptr;
        Kube::Informer *informer = nullptr;
        QSet<QString> inFlight; // uids with a write on the wire
    };

    void handle(Member &m, const QJsonObject &pod)
    {
        const QJsonObject meta = obj(pod, "metadata");
        const QString uid = str(meta, "uid");
        if (uid.isEmpty() || m.inFlight.contains(uid))
            return;
        const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2")
                                     .arg(str(meta, "namespace"), str(meta, "name"));
        if (meta.contains(QLatin1String("deletionTimestamp"))) {
            const QJsonObject options{{QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                                      {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                      {QStringLiteral("gracePeriodSeconds"), QJsonValue(0)},
                                      {QStringLiteral("preconditions"),
                                       QJsonObject{{QStringLiteral("uid"), uid}}}};
            send(m, uid, "DELETE", path, options, "application/json", QStringLiteral("deleted"));
            return;
        }
        if (str(obj(pod, "spec"), "nodeName").isEmpty())
            return;
        const bool broken = hasBrokenImage(pod);
        if (broken ? reportsPullBackOff(pod) : isRunningAndReady(pod))
            return;
        const QString node = str(obj(pod, "spec"), "nodeName");
        send(m,
             uid,
             "PATCH",
             path + QStringLiteral("/status"),
             podStatus(pod),
             "application/merge-patch+json",
             broken ? QStringLiteral("ImagePullBackOff on %1").arg(node)
                    : QStringLiteral("running and ready on %1").arg(node));
    }

    void send(Member &m,
              const QString &uid,
              const QByteArray &method,
              const QString &path,
              const QJsonObject &body,
              const QByteArray &contentType,
              const QString &what)
    {
        Net::Request request = m.client->requestFor(path);
        request.method = method;
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
        m.inFlight.insert(uid);
        Member *member = &m;
        m.client->send(request, [member, uid, path, what](const Net::Response &response) {
            member->inFlight.remove(uid);
            if (response.isHttpSuccess() || response.httpStatus == 404
                || response.httpStatus == 409) {
                // 404/409: the pod is gone or was replaced meanwhile; nothing left to do.
                if (response.isHttpSuccess())
                    say(QStringLiteral("%1: %2 %3").arg(member->name, path, what));
                return;
            }
            const Kube::ApiError error = Kube::apiErrorFrom(response);
            say(QStringLiteral("%1: %2 failed (%3 %4): %5")
                        .arg(member->name, path)
                        .arg(error.httpStatus)
                        .arg(error.reason, error.message));
        });
    }

    Net::Transport m_transport;
    Kube::ExecCredentialProvider m_credentials;
    std::vector<std::unique_ptr<Member>> m_members;
    QTimer m_resync;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString kubeconfigPath;
    QStringList contexts;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--kubeconfig") && i + 1 < args.size()) {
            kubeconfigPath = args[++i];
        } else if (args[i] == QLatin1String("--context") && i + 1 < args.size()) {
            contexts.append(args[++i]);
        } else {
            std::fprintf(stderr,
                         "usage: meridian-realk8s-agent --kubeconfig FILE [--context NAME]...\n");
            return 2;
        }
    }
    if (kubeconfigPath.isEmpty()) {
        std::fprintf(stderr, "meridian-realk8s-agent: --kubeconfig is required\n");
        return 2;
    }
    Kube::LoadOptions load;
    load.explicitPath = kubeconfigPath;
    Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
    if (!config) {
        std::fprintf(stderr, "meridian-realk8s-agent: %s\n", qPrintable(config.error().message));
        return 2;
    }
    if (contexts.isEmpty())
        contexts = config->contextNames();
    Net::Transport::globalInit();
    PodAgent agent(*config, contexts);
    agent.start();
    say(QStringLiteral("watching pods in %1").arg(contexts.join(QStringLiteral(", "))));
    return app.exec();
}

#include "testcluster.h"

#include "sim/controllers/kubeobject.h"

#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers::Testing {

TestCluster::TestCluster(int nodes, quint64 seed, const QString &nodeCpu)
    : now(QDateTime(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc()))
{
    options.seed = seed;
    store.setNow(now);
    const QStringList zones{u"us-central1-a"_s, u"us-central1-b"_s, u"us-central1-c"_s};
    for (int i = 0; i < nodes; ++i) {
        const QString name = u"gke-test-default-pool-%1"_s.arg(i);
        store.create(u"nodes"_s,
                     QJsonObject{
                             {u"apiVersion"_s, u"v1"_s},
                             {u"kind"_s, u"Node"_s},
                             {u"metadata"_s,
                              QJsonObject{{u"name"_s, name},
                                          {u"labels"_s,
                                           QJsonObject{{u"topology.kubernetes.io/zone"_s,
                                                        zones.at(i % zones.size())},
                                                       {u"kubernetes.io/hostname"_s, name}}}}},
                             {u"spec"_s, QJsonObject{{u"podCIDR"_s, u"10.4.%1.0/24"_s.arg(i)}}},
                             {u"status"_s,
                              QJsonObject{{u"allocatable"_s,
                                           QJsonObject{{u"cpu"_s, nodeCpu},
                                                       {u"memory"_s, u"13278736Ki"_s},
                                                       {u"pods"_s, u"110"_s}}},
                                          {u"conditions"_s,
                                           QJsonArray{QJsonObject{{u"type"_s, u"Ready"_s},
                                                                  {u"status"_s, u"True"_s}}}},
                                          {u"addresses"_s,
                                           QJsonArray{
                                                   QJsonObject{{u"type"_s, u"InternalIP"_s},
                                                               {u"address"_s,
                                                                u"10.128.0.%1"_s.arg(i + 2)}}}}}},
                     });
    }
    manager = std::make_unique<ControllerManager>(&store, options);
}

void TestCluster::step(double seconds, const std::function<void()> &check)
{
    const QDateTime end = now.addMSecs(static_cast<qint64>(seconds * 1000));
    while (now < end) {
        now = std::min(now.addMSecs(250), end);
        store.setNow(now);
        manager->reconcile(now);
        if (check)
            check();
    }
}

bool TestCluster::stepUntil(const std::function<bool()> &predicate, double maxSeconds)
{
    const QDateTime end = now.addMSecs(static_cast<qint64>(maxSeconds * 1000));
    store.setNow(now);
    manager->reconcile(now);
    while (!predicate()) {
        if (now >= end)
            return false;
        step(0.25);
    }
    return true;
}

QJsonObject TestCluster::deployment(const QString &name, int replicas, const QString &image)
{
    const QJsonObject labels{{u"app"_s, name}};
    const QJsonObject container{{u"name"_s, name},
                                {u"image"_s, image},
                                {u"resources"_s,
                                 QJsonObject{{u"requests"_s,
                                              QJsonObject{{u"cpu"_s, u"100m"_s},
                                                          {u"memory"_s, u"64Mi"_s}}}}}};
    return QJsonObject{
            {u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"Deployment"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, u"default"_s}}},
            {u"spec"_s,
             QJsonObject{{u"replicas"_s, replicas},
                         {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                         {u"template"_s,
                          QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                      {u"spec"_s,
                                       QJsonObject{{u"containers"_s, QJsonArray{container}}}}}}}},
    };
}

QJsonObject TestCluster::create(const QJsonObject &deployment)
{
    store.setNow(now);
    return store.create(u"deployments.apps"_s, deployment);
}

QJsonObject TestCluster::get(const QString &name) const
{
    return store.get(u"deployments.apps"_s, u"default"_s, name).value_or(QJsonObject{});
}

QJsonObject TestCluster::update(const QJsonObject &deployment)
{
    return store.update(u"deployments.apps"_s, deployment);
}

void TestCluster::setImage(const QString &deployment,
                           const QString &image,
                           const QString &changeCause)
{
    QJsonObject d = get(deployment);
    QJsonObject podTemplate = Kube::value(d, u"spec.template").toObject();
    QJsonArray containers = Kube::value(podTemplate, u"spec.containers").toArray();
    QJsonObject first = containers.at(0).toObject();
    first.insert(u"image", image);
    containers.replace(0, first);
    Kube::setValue(d, u"spec.template.spec.containers", containers);
    if (!changeCause.isEmpty())
        Kube::setAnnotation(d, u"kubernetes.io/change-cause"_s, changeCause);
    update(d);
}

QList<QJsonObject> TestCluster::replicaSets(const QString &deployment) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &rs : store.list(u"replicasets.apps"_s, u"default"_s)) {
        if (Kube::name(rs).startsWith(deployment + u'-'))
            out.append(rs);
    }
    std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return Kube::annotation(a, u"deployment.kubernetes.io/revision"_s).toInt()
               < Kube::annotation(b, u"deployment.kubernetes.io/revision"_s).toInt();
    });
    return out;
}

QList<QJsonObject> TestCluster::pods(const QString &prefix) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &pod : store.list(u"pods"_s, {})) {
        if (Kube::name(pod).startsWith(prefix))
            out.append(pod);
    }
    return out;
}

QList<QJsonObject> TestCluster::events(const QString &reason) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &e : store.list(u"events"_s, {})) {
        if (reason.isEmpty() || e.value(u"reason").toString() == reason)
            out.append(e);
    }
    std::stable_sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"firstTimestamp").toString() < b.value(u"firstTimestamp").toString();
    });
    return out;
}

QStringList TestCluster::eventMessages(const QString &reason) const
{
    QStringList out;
    for (const QJsonObject &e : events(reason))
        out.append(e.value(u"message").toString());
    return out;
}

std::optional<QJsonObject> TestCluster::condition(const QString &deployment,
                                                  const QString &type) const
{
    return Kube::condition(get(deployment).value(u"status").toObject(), type);
}

bool TestCluster::rolledOut(const QString &deployment) const
{
    const QJsonObject d = get(deployment);
    const QJsonObject status = d.value(u"status").toObject();
    const int replicas = static_cast<int>(Kube::intValue(d, u"spec.replicas", 1));
    return status.value(u"observedGeneration").toInteger() >= Kube::generation(d)
           && status.value(u"updatedReplicas").toInt() == replicas
           && status.value(u"replicas").toInt() == replicas
           && status.value(u"availableReplicas").toInt() == replicas;
}

} // namespace Meridian::Sim::Controllers::Testing

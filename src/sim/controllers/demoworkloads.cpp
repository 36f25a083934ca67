#include "sim/controllers/demoworkloads.h"

#include "sim/controllers/controllermanager.h"
#include "sim/controllers/kubeobject.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers {

namespace {

struct Revision
{
    QString tag;
    QString changeCause;
};

struct Workload
{
    QString ns;
    QString name;
    QString image; // without tag
    QString cpu;
    QString memory;
    QList<Revision> revisions;
};

QJsonObject deploymentObject(const Workload &w, int replicas, const Revision &revision)
{
    const QJsonObject labels{{u"app"_s, w.name}};
    const QJsonObject container{
            {u"name"_s, w.name},
            {u"image"_s, QString(w.image + u':' + revision.tag)},
            {u"ports"_s,
             QJsonArray{QJsonObject{{u"containerPort"_s, 8080}, {u"protocol"_s, u"TCP"_s}}}},
            {u"resources"_s,
             QJsonObject{{u"requests"_s, QJsonObject{{u"cpu"_s, w.cpu}, {u"memory"_s, w.memory}}},
                         {u"limits"_s, QJsonObject{{u"memory"_s, w.memory}}}}},
            {u"imagePullPolicy"_s, u"IfNotPresent"_s},
            {u"terminationMessagePath"_s, u"/dev/termination-log"_s},
            {u"terminationMessagePolicy"_s, u"File"_s},
    };
    return QJsonObject{
            {u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"Deployment"_s},
            {u"metadata"_s,
             QJsonObject{{u"name"_s, w.name},
                         {u"namespace"_s, w.ns},
                         {u"labels"_s, labels},
                         {u"annotations"_s,
                          QJsonObject{{u"kubernetes.io/change-cause"_s, revision.changeCause}}}}},
            {u"spec"_s,
             QJsonObject{
                     {u"replicas"_s, replicas},
                     {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                     {u"strategy"_s,
                      QJsonObject{{u"type"_s, u"RollingUpdate"_s},
                                  {u"rollingUpdate"_s,
                                   QJsonObject{{u"maxSurge"_s, u"25%"_s},
                                               {u"maxUnavailable"_s, u"25%"_s}}}}},
                     {u"revisionHistoryLimit"_s, 10},
                     {u"progressDeadlineSeconds"_s, 600},
                     {u"template"_s,
                      QJsonObject{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                  {u"spec"_s,
                                   QJsonObject{{u"containers"_s, QJsonArray{container}},
                                               {u"restartPolicy"_s, u"Always"_s},
                                               {u"terminationGracePeriodSeconds"_s, 30},
                                               {u"dnsPolicy"_s, u"ClusterFirst"_s},
                                               {u"schedulerName"_s, u"default-scheduler"_s},
                                               {u"securityContext"_s, QJsonObject{}}}}}},
             }},
    };
}

bool rolledOut(const QJsonObject &d)
{
    const QJsonObject status = d.value(u"status").toObject();
    const int replicas = static_cast<int>(Kube::intValue(d, u"spec.replicas", 1));
    return status.value(u"observedGeneration").toInteger() >= Kube::generation(d)
           && status.value(u"updatedReplicas").toInt() == replicas
           && status.value(u"replicas").toInt() == replicas
           && status.value(u"availableReplicas").toInt() == replicas;
}

} // namespace

QDateTime seedDemoWorkloads(ControllerManager &manager,
                            const QDateTime &start,
                            const DemoWorkloadOptions &options)
{
    const QList<Workload> workloads{
            {u"default"_s,
             u"web"_s,
             u"example.com/web"_s,
             u"100m"_s,
             u"128Mi"_s,
             {{u"1.3.0"_s, u"initial release"_s},
              {u"1.4.0"_s, u"kubectl set image deployment/web web=example.com/web:1.4.0"_s},
              {u"1.5.0"_s, u"kubectl set image deployment/web web=example.com/web:1.5.0"_s}}},
            {u"default"_s,
             u"api"_s,
             u"example.com/api"_s,
             u"250m"_s,
             u"256Mi"_s,
             {{u"2.0.0"_s, u"initial release"_s},
              {u"2.1.0"_s, u"kubectl set image deployment/api api=example.com/api:2.1.0"_s}}},
            {u"default"_s,
             u"worker"_s,
             u"example.com/worker"_s,
             u"200m"_s,
             u"256Mi"_s,
             {{u"0.9.0"_s, u"initial release"_s}}},
            {u"shop"_s,
             u"cart"_s,
             u"example.com/shop/cart"_s,
             u"100m"_s,
             u"128Mi"_s,
             {{u"3.2.0"_s, u"initial release"_s},
              {u"3.2.1"_s, u"kubectl apply --filename=cart.yaml --record=true"_s}}},
    };
    ObjectStore *store = manager.store();
    if (!store->get(u"namespaces"_s, {}, u"shop"_s)) {
        store->create(u"namespaces"_s,
                      QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                  {u"kind"_s, u"Namespace"_s},
                                  {u"metadata"_s,
                                   QJsonObject{{u"name"_s, u"shop"_s},
                                               {u"creationTimestamp"_s, Kube::formatTime(start)},
                                               {u"labels"_s,
                                                QJsonObject{{u"kubernetes.io/metadata.name"_s,
                                                             u"shop"_s}}}}},
                                  {u"spec"_s,
                                   QJsonObject{{u"finalizers"_s, QJsonArray{u"kubernetes"_s}}}},
                                  {u"status"_s, QJsonObject{{u"phase"_s, u"Active"_s}}}});
    }

    QDateTime now = start;
    qsizetype rounds = 0;
    for (const Workload &w : workloads)
        rounds = std::max(rounds, w.revisions.size());
    for (qsizetype round = 0; round < rounds; ++round) {
        for (const Workload &w : workloads) {
            if (round >= w.revisions.size())
                continue;
            const int replicas = options.perWorkload.value(w.ns + u'/' + w.name, options.replicas);
            const QJsonObject wanted = deploymentObject(w, replicas, w.revisions.at(round));
            if (auto existing = store->get(u"deployments.apps"_s, w.ns, w.name)) {
                existing->insert(u"spec", wanted.value(u"spec"));
                Kube::setAnnotation(*existing,
                                    u"kubernetes.io/change-cause"_s,
                                    w.revisions.at(round).changeCause);
                store->update(u"deployments.apps"_s, *existing);
            } else {
                QJsonObject created = wanted;
                Kube::setMetadataField(created, u"creationTimestamp"_s, Kube::formatTime(now));
                store->create(u"deployments.apps"_s, created);
            }
        }
        // Let the rollouts finish, then leave a realistic gap (a day) before the next release.
        const QDateTime deadline = now.addSecs(900);
        bool done = false;
        while (!done && now < deadline) {
            now = manager.advance(now, 1000, 500);
            done = true;
            for (const QJsonObject &d : store->list(u"deployments.apps"_s, {}))
                done = done && rolledOut(d);
        }
        if (round + 1 < rounds)
            now = now.addDays(1);
    }
    return now;
}

} // namespace Meridian::Sim::Controllers

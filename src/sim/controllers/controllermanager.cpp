#include "sim/controllers/controllermanager.h"

#include "sim/controllers/kubeobject.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers {

ControllerManager::CountingStore::CountingStore(ObjectStore *innerStore)
    : inner(innerStore)
{}

QList<QJsonObject> ControllerManager::CountingStore::list(const QString &resource,
                                                          const QString &ns) const
{
    return inner->list(resource, ns);
}

std::optional<QJsonObject> ControllerManager::CountingStore::get(const QString &resource,
                                                                 const QString &ns,
                                                                 const QString &name) const
{
    return inner->get(resource, ns, name);
}

QJsonObject ControllerManager::CountingStore::create(const QString &resource, QJsonObject object)
{
    writes += resource == u"events" ? 0 : 1;
    return inner->create(resource, std::move(object));
}

QJsonObject ControllerManager::CountingStore::update(const QString &resource, QJsonObject object)
{
    writes += resource == u"events" ? 0 : 1;
    return inner->update(resource, std::move(object));
}

QJsonObject ControllerManager::CountingStore::updateStatus(const QString &resource,
                                                           QJsonObject object)
{
    writes += 1;
    return inner->updateStatus(resource, std::move(object));
}

void ControllerManager::CountingStore::remove(const QString &resource,
                                              const QString &ns,
                                              const QString &name)
{
    writes += resource == u"events" ? 0 : 1;
    inner->remove(resource, ns, name);
}

ControllerManager::ControllerManager(ObjectStore *store, const ControllerOptions &options)
    : m_store(store)
    , m_deployments(&m_events, options)
    , m_replicaSets(&m_events, options)
    , m_scheduler(&m_events, options)
    , m_kubelet(&m_events, options)
{}

ObjectStore *ControllerManager::store() const
{
    return m_store.inner;
}

void ControllerManager::reconcile(const QDateTime &now)
{
    // Real controllers react to each other's writes within milliseconds; a few passes at one
    // instant give the same effect without a work queue.
    for (int pass = 0; pass < 4; ++pass) {
        const quint64 before = m_store.writes;
        m_deployments.reconcile(m_store, now);
        m_replicaSets.reconcile(m_store, now);
        m_scheduler.reconcile(m_store, now);
        m_kubelet.reconcile(m_store, now);
        m_replicaSets.reconcile(m_store, now);
        m_deployments.reconcile(m_store, now);
        collectGarbage();
        if (m_store.writes == before)
            break;
    }
    EventRecorder::pruneExpired(m_store, now);
}

QDateTime ControllerManager::advance(const QDateTime &from, qint64 durationMs, qint64 stepMs)
{
    QDateTime now = from;
    const QDateTime end = from.addMSecs(durationMs);
    reconcile(now);
    while (now < end) {
        now = std::min(now.addMSecs(stepMs), end);
        reconcile(now);
    }
    return now;
}

// The garbage collector's cascading delete, without finalizers or orphan propagation.
void ControllerManager::collectGarbage()
{
    const auto owned = [](const QJsonObject &object, const QString &kind) {
        for (const QJsonValue &ref : Kube::value(object, u"metadata.ownerReferences").toArray()) {
            if (ref.toObject().value(u"kind").toString() == kind)
                return ref.toObject().value(u"uid").toString();
        }
        return QString();
    };
    QSet<QString> deployments;
    for (const QJsonObject &d : m_store.list(u"deployments.apps"_s, {}))
        deployments.insert(Kube::uid(d));
    QSet<QString> replicaSets;
    for (const QJsonObject &rs : m_store.list(u"replicasets.apps"_s, {})) {
        const QString owner = owned(rs, u"Deployment"_s);
        if (!owner.isEmpty() && !deployments.contains(owner))
            m_store.remove(u"replicasets.apps"_s, Kube::ns(rs), Kube::name(rs));
        else
            replicaSets.insert(Kube::uid(rs));
    }
    for (const QJsonObject &pod : m_store.list(u"pods"_s, {})) {
        const QString owner = owned(pod, u"ReplicaSet"_s);
        if (!owner.isEmpty() && !replicaSets.contains(owner))
            m_store.remove(u"pods"_s, Kube::ns(pod), Kube::name(pod));
    }
}

} // namespace Meridian::Sim::Controllers

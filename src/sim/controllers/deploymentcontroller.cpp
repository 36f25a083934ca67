#include "sim/controllers/deploymentcontroller.h"

#include "sim/controllers/eventrecorder.h"
#include "sim/controllers/kubeobject.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers {

namespace {

const QString kDeployments = u"deployments.apps"_s;
const QString kReplicaSets = u"replicasets.apps"_s;
const QString kRevision = u"deployment.kubernetes.io/revision"_s;
const QString kRevisionHistory = u"deployment.kubernetes.io/revision-history"_s;
const QString kDesiredReplicas = u"deployment.kubernetes.io/desired-replicas"_s;
const QString kMaxReplicas = u"deployment.kubernetes.io/max-replicas"_s;
const QString kHashLabel = u"pod-template-hash"_s;
constexpr int kMaxRevisionHistoryChars = 2000;

bool skipCopyAnnotation(const QString &key)
{
    return key == u"kubectl.kubernetes.io/last-applied-configuration" || key == kRevision
           || key == kRevisionHistory || key == kDesiredReplicas || key == kMaxReplicas
           || key == u"deprecated.deployment.rollback.to";
}

int specReplicas(const QJsonObject &object)
{
    return static_cast<int>(Kube::intValue(object, u"spec.replicas", 1));
}

int statusInt(const QJsonObject &object, QStringView field)
{
    return static_cast<int>(object.value(u"status").toObject().value(field).toInteger());
}

qint64 revisionOf(const QJsonObject &rs)
{
    bool ok = false;
    const qint64 v = Kube::annotation(rs, kRevision).toLongLong(&ok);
    return ok ? v : 0;
}

QJsonObject templateWithoutHash(QJsonObject podTemplate)
{
    QJsonObject labels = Kube::value(podTemplate, u"metadata.labels").toObject();
    labels.remove(kHashLabel);
    Kube::setValue(podTemplate, u"metadata.labels", labels);
    return podTemplate;
}

bool equalIgnoreHash(const QJsonObject &a, const QJsonObject &b)
{
    return templateWithoutHash(a) == templateWithoutHash(b);
}

bool isRolling(const QJsonObject &d)
{
    return Kube::value(d, u"spec.strategy.type").toString() != u"Recreate";
}

// deploymentutil.ResolveFenceposts: surge rounds up, unavailable rounds down, never both zero.
std::pair<int, int> resolveFenceposts(const QJsonObject &d)
{
    const int desired = specReplicas(d);
    QJsonValue surge = Kube::value(d, u"spec.strategy.rollingUpdate.maxSurge");
    QJsonValue unavailable = Kube::value(d, u"spec.strategy.rollingUpdate.maxUnavailable");
    if (surge.isUndefined() || surge.isNull())
        surge = u"25%"_s;
    if (unavailable.isUndefined() || unavailable.isNull())
        unavailable = u"25%"_s;
    const int s = Kube::scaledValue(surge, desired, true);
    int u = Kube::scaledValue(unavailable, desired, false);
    if (s == 0 && u == 0)
        u = 1;
    return {s, u};
}

int maxSurge(const QJsonObject &d)
{
    return isRolling(d) ? resolveFenceposts(d).first : 0;
}

int maxUnavailable(const QJsonObject &d)
{
    const int replicas = specReplicas(d);
    if (!isRolling(d) || replicas == 0)
        return 0;
    return std::min(resolveFenceposts(d).second, replicas);
}

bool setReplicasAnnotations(QJsonObject &rs, int desired, int max)
{
    bool changed = false;
    const QString desiredText = QString::number(desired);
    const QString maxText = QString::number(max);
    if (Kube::annotation(rs, kDesiredReplicas) != desiredText) {
        Kube::setAnnotation(rs, kDesiredReplicas, desiredText);
        changed = true;
    }
    if (Kube::annotation(rs, kMaxReplicas) != maxText) {
        Kube::setAnnotation(rs, kMaxReplicas, maxText);
        changed = true;
    }
    return changed;
}

bool replicasAnnotationsNeedUpdate(const QJsonObject &rs, int desired, int max)
{
    return Kube::annotation(rs, kDesiredReplicas) != QString::number(desired)
           || Kube::annotation(rs, kMaxReplicas) != QString::number(max);
}

QJsonObject newCondition(const QString &type,
                         const QString &status,
                         const QString &reason,
                         const QString &message,
                         const QDateTime &now)
{
    const QString stamp = Kube::formatTime(now);
    return QJsonObject{{u"type"_s, type},
                       {u"status"_s, status},
                       {u"lastUpdateTime"_s, stamp},
                       {u"lastTransitionTime"_s, stamp},
                       {u"reason"_s, reason},
                       {u"message"_s, message}};
}

void removeCondition(QJsonObject &status, const QString &type)
{
    QJsonArray kept;
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() != type)
            kept.append(c);
    }
    status.insert(u"conditions", kept);
}

// deploymentutil.SetDeploymentCondition: same status and reason is a no-op; same status keeps
// the original lastTransitionTime.
void setCondition(QJsonObject &status, QJsonObject condition)
{
    const QString type = condition.value(u"type").toString();
    if (const auto current = Kube::condition(status, type)) {
        if (current->value(u"status") == condition.value(u"status")
            && current->value(u"reason") == condition.value(u"reason"))
            return;
        if (current->value(u"status") == condition.value(u"status"))
            condition.insert(u"lastTransitionTime", current->value(u"lastTransitionTime"));
    }
    removeCondition(status, type);
    QJsonArray conditions = status.value(u"conditions").toArray();
    conditions.append(condition);
    status.insert(u"conditions", conditions);
}

void setIntOmitEmpty(QJsonObject &status, const QString &field, qint64 value)
{
    if (value == 0)
        status.remove(field);
    else
        status.insert(field, value);
}

bool byCreation(const QJsonObject &a, const QJsonObject &b)
{
    const QDateTime ta = Kube::creationTimestamp(a);
    const QDateTime tb = Kube::creationTimestamp(b);
    if (ta != tb)
        return ta < tb;
    return Kube::name(a) < Kube::name(b);
}

// One sync of one Deployment: the functions of pkg/controller/deployment with the same names.
class DeploymentSync final
{
public:
    DeploymentSync(ObjectStore &store,
                   EventRecorder &events,
                   const ControllerOptions &options,
                   const QDateTime &now,
                   QJsonObject deployment)
        : m_store(store)
        , m_events(events)
        , m_options(options)
        , m_now(now)
        , m_d(std::move(deployment))
    {}

    void run();

private:
    QJsonObject &rs(const QString &name) { return m_rs[name]; }
    QList<QJsonObject> rsObjects(const QStringList &names) const;
    QStringList oldSortedByCreation() const;
    void loadReplicaSets();
    void getAllReplicaSetsAndSyncRevision(bool createIfNotExisted);
    bool setNewReplicaSetAnnotations(QJsonObject &replicaSet,
                                     const QString &newRevision,
                                     bool exists) const;
    void createNewReplicaSet(const QString &newRevision);
    int newRSNewReplicas(const QJsonObject &newRS) const;
    bool scaleReplicaSetAndRecordEvent(const QString &name, int newScale);
    bool scaleReplicaSet(const QString &name, int newScale, const QString &operation);
    void writeDeployment(bool metadataChanged, bool statusChanged);

    void checkPausedConditions();
    bool isScalingEvent();
    void sync();
    void scale();
    void rolloutRolling();
    void rolloutRecreate();
    bool reconcileNewReplicaSet();
    bool reconcileOldReplicaSets();
    int cleanupUnhealthyReplicas(QStringList &oldNames, int maxCleanupCount);
    int scaleDownOldReplicaSetsForRollingUpdate();
    bool oldPodsRunning() const;
    void cleanupDeployment();
    QJsonObject calculateStatus() const;
    void syncDeploymentStatus();
    void syncRolloutStatus();
    bool deploymentComplete(const QJsonObject &status) const;
    bool deploymentProgressing(const QJsonObject &status) const;
    bool deploymentTimedOut(const QJsonObject &status) const;
    bool hasProgressDeadline() const;
    int sumReplicas(const QStringList &names, bool status, QStringView field = {}) const;
    QStringList allNames() const;
    void recordScaling(const QString &message);

    ObjectStore &m_store;
    EventRecorder &m_events;
    const ControllerOptions &m_options;
    QDateTime m_now;
    QJsonObject m_d;
    QMap<QString, QJsonObject> m_rs; // replica sets controlled by m_d, by name
    QString m_new;                   // empty while there is no new replica set
    QStringList m_old;
};

QList<QJsonObject> DeploymentSync::rsObjects(const QStringList &names) const
{
    QList<QJsonObject> out;
    for (const QString &n : names)
        out.append(m_rs.value(n));
    return out;
}

QStringList DeploymentSync::oldSortedByCreation() const
{
    QList<QJsonObject> objects = rsObjects(m_old);
    std::stable_sort(objects.begin(), objects.end(), byCreation);
    QStringList out;
    for (const QJsonObject &o : objects)
        out.append(Kube::name(o));
    return out;
}

QStringList DeploymentSync::allNames() const
{
    QStringList out = m_old;
    if (!m_new.isEmpty())
        out.append(m_new);
    return out;
}

int DeploymentSync::sumReplicas(const QStringList &names, bool status, QStringView field) const
{
    int total = 0;
    for (const QString &n : names)
        total += status ? statusInt(m_rs.value(n), field) : specReplicas(m_rs.value(n));
    return total;
}

void DeploymentSync::loadReplicaSets()
{
    m_rs.clear();
    for (const QJsonObject &candidate : m_store.list(kReplicaSets, Kube::ns(m_d))) {
        // Adoption of orphans is not simulated: only replica sets this Deployment controls.
        if (Kube::isControlledBy(candidate, m_d))
            m_rs.insert(Kube::name(candidate), candidate);
    }
}

void DeploymentSync::recordScaling(const QString &message)
{
    m_events.record(m_store,
                    m_now,
                    {u"deployment-controller"_s, {}},
                    m_d,
                    u"Normal"_s,
                    u"ScalingReplicaSet"_s,
                    message);
}

bool DeploymentSync::setNewReplicaSetAnnotations(QJsonObject &replicaSet,
                                                 const QString &newRevision,
                                                 bool exists) const
{
    bool changed = false;
    const QJsonObject deploymentAnnotations = Kube::annotations(m_d);
    for (auto it = deploymentAnnotations.begin(); it != deploymentAnnotations.end(); ++it) {
        if (skipCopyAnnotation(it.key()) || Kube::annotations(replicaSet).value(it.key()) == *it)
            continue;
        Kube::setAnnotation(replicaSet, it.key(), it->toString());
        changed = true;
    }
    const bool hadRevision = Kube::annotations(replicaSet).contains(kRevision);
    const QString oldRevision = Kube::annotation(replicaSet, kRevision);
    bool ok = true;
    const qint64 oldRevisionInt = oldRevision.isEmpty() ? 0 : oldRevision.toLongLong(&ok);
    if (!ok)
        return false;
    if (oldRevisionInt < newRevision.toLongLong()) {
        Kube::setAnnotation(replicaSet, kRevision, newRevision);
        changed = true;
        // Moving an existing revision forward is a rollback: keep the numbers it used to have.
        if (hadRevision) {
            const QString history = Kube::annotation(replicaSet, kRevisionHistory);
            if (history.isEmpty()) {
                Kube::setAnnotation(replicaSet, kRevisionHistory, oldRevision);
            } else {
                QStringList old = history.split(u',');
                qsizetype total = history.size() + oldRevision.size() + 1;
                qsizetype start = 0;
                while (total > kMaxRevisionHistoryChars && start < old.size())
                    total -= old[start++].size() + 1;
                if (total <= kMaxRevisionHistoryChars) {
                    old = old.mid(start);
                    old.append(oldRevision);
                    Kube::setAnnotation(replicaSet, kRevisionHistory, old.join(u','));
                }
            }
        }
    }
    if (!exists
        && setReplicasAnnotations(replicaSet, specReplicas(m_d), specReplicas(m_d) + maxSurge(m_d)))
        changed = true;
    return changed;
}

void DeploymentSync::writeDeployment(bool metadataChanged, bool statusChanged)
{
    if (metadataChanged) {
        const QJsonObject status = m_d.value(u"status").toObject();
        m_d = m_store.update(kDeployments, m_d);
        m_d.insert(u"status", status);
    }
    if (statusChanged || metadataChanged)
        m_d = m_store.updateStatus(kDeployments, m_d);
}

void DeploymentSync::getAllReplicaSetsAndSyncRevision(bool createIfNotExisted)
{
    QList<QJsonObject> all = m_rs.values();
    std::stable_sort(all.begin(), all.end(), byCreation);
    const QJsonObject podTemplate = Kube::value(m_d, u"spec.template").toObject();
    m_new.clear();
    m_old.clear();
    for (const QJsonObject &r : all) {
        if (m_new.isEmpty()
            && equalIgnoreHash(Kube::value(r, u"spec.template").toObject(), podTemplate))
            m_new = Kube::name(r);
        else
            m_old.append(Kube::name(r));
    }
    qint64 maxOld = 0;
    for (const QString &n : m_old)
        maxOld = std::max(maxOld, revisionOf(m_rs.value(n)));
    const QString newRevision = QString::number(maxOld + 1);

    if (!m_new.isEmpty()) {
        QJsonObject copy = m_rs.value(m_new);
        bool changed = setNewReplicaSetAnnotations(copy, newRevision, true);
        const QJsonValue minReady = Kube::value(m_d, u"spec.minReadySeconds");
        if (Kube::value(copy, u"spec.minReadySeconds") != minReady) {
            Kube::setValue(copy, u"spec.minReadySeconds", minReady);
            changed = true;
        }
        if (changed)
            rs(m_new) = m_store.update(kReplicaSets, copy);
        bool metadataChanged = false;
        const QString current = Kube::annotation(rs(m_new), kRevision);
        if (Kube::annotation(m_d, kRevision) != current) {
            Kube::setAnnotation(m_d, kRevision, current);
            metadataChanged = true;
        }
        bool statusChanged = false;
        QJsonObject status = m_d.value(u"status").toObject();
        if (hasProgressDeadline() && !Kube::condition(status, u"Progressing"_s)) {
            setCondition(status,
                         newCondition(u"Progressing"_s,
                                      u"True"_s,
                                      u"FoundNewReplicaSet"_s,
                                      u"Found new replica set \"%1\""_s.arg(m_new),
                                      m_now));
            m_d.insert(u"status", status);
            statusChanged = true;
        }
        writeDeployment(metadataChanged, statusChanged);
        return;
    }
    if (createIfNotExisted)
        createNewReplicaSet(newRevision);
}

void DeploymentSync::createNewReplicaSet(const QString &newRevision)
{
    const QJsonValue collision = Kube::value(m_d, u"status.collisionCount");
    const std::optional<int> collisionCount
            = collision.isDouble() ? std::optional<int>(collision.toInt()) : std::nullopt;
    QJsonObject podTemplate = Kube::value(m_d, u"spec.template").toObject();
    const QString hash = DeploymentController::computeHash(podTemplate, collisionCount);
    QJsonObject labels = Kube::value(podTemplate, u"metadata.labels").toObject();
    labels.insert(kHashLabel, hash);
    Kube::setValue(podTemplate, u"metadata.labels", labels);
    QJsonObject selector = Kube::value(m_d, u"spec.selector").toObject();
    QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
    matchLabels.insert(kHashLabel, hash);
    selector.insert(u"matchLabels", matchLabels);

    const QString rsName = Kube::name(m_d) + u'-' + hash;
    QJsonObject spec{{u"replicas"_s, 0}, {u"selector"_s, selector}, {u"template"_s, podTemplate}};
    const QJsonValue minReady = Kube::value(m_d, u"spec.minReadySeconds");
    if (!minReady.isUndefined())
        spec.insert(u"minReadySeconds", minReady);
    QJsonObject newRS{
            {u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, u"ReplicaSet"_s},
            {u"metadata"_s,
             QJsonObject{{u"name"_s, rsName},
                         {u"namespace"_s, Kube::ns(m_d)},
                         {u"creationTimestamp"_s, Kube::formatTime(m_now)},
                         {u"labels"_s, labels},
                         {u"ownerReferences"_s,
                          QJsonArray{Kube::ownerReference(m_d, u"apps/v1"_s, u"Deployment"_s)}}}},
            {u"spec"_s, spec},
    };
    const int newReplicas = newRSNewReplicas(newRS);
    Kube::setValue(newRS, u"spec.replicas", newReplicas);
    setNewReplicaSetAnnotations(newRS, newRevision, false);

    bool alreadyExists = false;
    if (const auto existing = m_store.get(kReplicaSets, Kube::ns(m_d), rsName)) {
        // A name collision with a different template bumps collisionCount and retries on the
        // next pass, exactly as upstream does with its hash collisions.
        if (!Kube::isControlledBy(*existing, m_d)
            || !equalIgnoreHash(Kube::value(*existing, u"spec.template").toObject(),
                                Kube::value(m_d, u"spec.template").toObject())) {
            QJsonObject status = m_d.value(u"status").toObject();
            status.insert(u"collisionCount", collisionCount.value_or(0) + 1);
            m_d.insert(u"status", status);
            m_d = m_store.updateStatus(kDeployments, m_d);
            return;
        }
        alreadyExists = true;
        m_rs.insert(rsName, *existing);
    } else {
        m_rs.insert(rsName, m_store.create(kReplicaSets, newRS));
    }
    m_new = rsName;
    if (!alreadyExists && newReplicas > 0)
        recordScaling(u"Scaled up replica set %1 to %2"_s.arg(rsName).arg(newReplicas));

    bool metadataChanged = false;
    if (Kube::annotation(m_d, kRevision) != newRevision) {
        Kube::setAnnotation(m_d, kRevision, newRevision);
        metadataChanged = true;
    }
    bool statusChanged = false;
    if (!alreadyExists && hasProgressDeadline()) {
        QJsonObject status = m_d.value(u"status").toObject();
        setCondition(status,
                     newCondition(u"Progressing"_s,
                                  u"True"_s,
                                  u"NewReplicaSetCreated"_s,
                                  u"Created new replica set \"%1\""_s.arg(rsName),
                                  m_now));
        m_d.insert(u"status", status);
        statusChanged = true;
    }
    writeDeployment(metadataChanged, statusChanged);
}

int DeploymentSync::newRSNewReplicas(const QJsonObject &newRS) const
{
    if (!isRolling(m_d))
        return specReplicas(m_d);
    // m_old never holds newRS, whether it is being created or already exists.
    const int current = sumReplicas(m_old, false) + specReplicas(newRS);
    const int maxTotal = specReplicas(m_d) + maxSurge(m_d);
    if (current >= maxTotal)
        return specReplicas(newRS);
    const int scaleUp = std::min(maxTotal - current, specReplicas(m_d) - specReplicas(newRS));
    return specReplicas(newRS) + scaleUp;
}

bool DeploymentSync::scaleReplicaSetAndRecordEvent(const QString &name, int newScale)
{
    const int current = specReplicas(rs(name));
    if (current == newScale)
        return false;
    return scaleReplicaSet(name, newScale, current < newScale ? u"up"_s : u"down"_s);
}

bool DeploymentSync::scaleReplicaSet(const QString &name, int newScale, const QString &operation)
{
    QJsonObject copy = rs(name);
    const int oldScale = specReplicas(copy);
    const bool sizeNeedsUpdate = oldScale != newScale;
    const int desired = specReplicas(m_d);
    const int max = desired + maxSurge(m_d);
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(copy, desired, max))
        return false;
    Kube::setValue(copy, u"spec.replicas", newScale);
    setReplicasAnnotations(copy, desired, max);
    rs(name) = m_store.update(kReplicaSets, copy);
    if (!sizeNeedsUpdate)
        return false;
    // kube 1.26 added the previous size to the message.
    QString message = u"Scaled %1 replica set %2 to %3"_s.arg(operation, name).arg(newScale);
    if (m_options.kubeMinor >= 26)
        message += u" from %1"_s.arg(oldScale);
    recordScaling(message);
    return true;
}

bool DeploymentSync::hasProgressDeadline() const
{
    const QJsonValue v = Kube::value(m_d, u"spec.progressDeadlineSeconds");
    // apps/v1 defaults it to 600; MaxInt32 means "no deadline".
    return !(v.isDouble() && v.toInteger() == 2147483647);
}

void DeploymentSync::checkPausedConditions()
{
    if (!hasProgressDeadline())
        return;
    QJsonObject status = m_d.value(u"status").toObject();
    const auto cond = Kube::condition(status, u"Progressing"_s);
    if (cond && cond->value(u"reason").toString() == u"ProgressDeadlineExceeded")
        return;
    const bool paused = Kube::value(m_d, u"spec.paused").toBool();
    const bool pausedCondition = cond && cond->value(u"reason").toString() == u"DeploymentPaused";
    if (paused && !pausedCondition) {
        setCondition(status,
                     newCondition(u"Progressing"_s,
                                  u"Unknown"_s,
                                  u"DeploymentPaused"_s,
                                  u"Deployment is paused"_s,
                                  m_now));
    } else if (!paused && pausedCondition) {
        setCondition(status,
                     newCondition(u"Progressing"_s,
                                  u"Unknown"_s,
                                  u"DeploymentResumed"_s,
                                  u"Deployment is resumed"_s,
                                  m_now));
    } else {
        return;
    }
    m_d.insert(u"status", status);
    m_d = m_store.updateStatus(kDeployments, m_d);
}

bool DeploymentSync::isScalingEvent()
{
    getAllReplicaSetsAndSyncRevision(false);
    for (const QString &n : allNames()) {
        const QJsonObject &r = m_rs[n];
        if (specReplicas(r) <= 0)
            continue;
        bool ok = false;
        const int desired = Kube::annotation(r, kDesiredReplicas).toInt(&ok);
        if (ok && desired != specReplicas(m_d))
            return true;
    }
    return false;
}

void DeploymentSync::sync()
{
    getAllReplicaSetsAndSyncRevision(false);
    scale();
    if (Kube::value(m_d, u"spec.paused").toBool())
        cleanupDeployment();
    syncDeploymentStatus();
}

// deployment/sync.go scale(): proportional scaling of every active replica set when the
// Deployment is resized in the middle of a rollout.
void DeploymentSync::scale()
{
    QStringList active;
    for (const QString &n : allNames()) {
        if (specReplicas(m_rs[n]) > 0)
            active.append(n);
    }
    // FindActiveOrLatest
    QString only;
    if (active.isEmpty()) {
        if (!m_new.isEmpty())
            only = m_new;
        else if (!m_old.isEmpty())
            only = oldSortedByCreation().constLast();
    } else if (active.size() == 1) {
        only = active.constFirst();
    }
    const int desired = specReplicas(m_d);
    if (!only.isEmpty()) {
        if (specReplicas(rs(only)) != desired)
            scaleReplicaSetAndRecordEvent(only, desired);
        return;
    }
    // IsSaturated: the new replica set carries the whole Deployment; old ones go to zero.
    if (!m_new.isEmpty()) {
        const QJsonObject &n = rs(m_new);
        if (specReplicas(n) == desired
            && Kube::annotation(n, kDesiredReplicas) == QString::number(desired)
            && statusInt(n, u"availableReplicas") == desired) {
            for (const QString &o : m_old)
                scaleReplicaSetAndRecordEvent(o, 0);
            return;
        }
    }
    if (!isRolling(m_d))
        return;
    const int allReplicas = sumReplicas(active, false);
    const int allowed = desired > 0 ? desired + maxSurge(m_d) : 0;
    const int toAdd = allowed - allReplicas;
    QList<QJsonObject> ordered = rsObjects(active);
    // ReplicaSetsBySizeNewer when growing, BySizeOlder when shrinking: larger first.
    std::stable_sort(ordered.begin(),
                     ordered.end(),
                     [toAdd](const QJsonObject &a, const QJsonObject &b) {
                         if (specReplicas(a) != specReplicas(b))
                             return specReplicas(a) > specReplicas(b);
                         return toAdd > 0 ? byCreation(b, a) : byCreation(a, b);
                     });
    QMap<QString, int> sizes;
    int added = 0;
    for (const QJsonObject &r : ordered) {
        int proportion = 0;
        if (toAdd != 0 && specReplicas(r) != 0 && toAdd != added) {
            // getReplicaSetFraction
            int fraction = -specReplicas(r);
            if (desired != 0) {
                bool ok = false;
                int annotated = Kube::annotation(r, kMaxReplicas).toInt(&ok);
                if (!ok)
                    annotated = statusInt(m_d, u"replicas");
                const int deploymentReplicas = desired + maxSurge(m_d);
                const double newSize
                        = annotated == 0 ? 0.0
                                         : double(specReplicas(r)) * deploymentReplicas / annotated;
                fraction = static_cast<int>(std::lround(newSize)) - specReplicas(r);
            }
            const int allowedLeft = toAdd - added;
            proportion
                    = toAdd > 0 ? std::min(fraction, allowedLeft) : std::max(fraction, allowedLeft);
        }
        sizes.insert(Kube::name(r), specReplicas(r) + proportion);
        added += proportion;
    }
    if (toAdd != added && !ordered.isEmpty()) {
        const QString first = Kube::name(ordered.constFirst());
        sizes[first] = std::max(0, sizes[first] + toAdd - added);
    }
    for (const QJsonObject &r : std::as_const(ordered)) {
        const QString n = Kube::name(r);
        const int target = sizes.value(n);
        const int current = specReplicas(rs(n));
        scaleReplicaSet(n, target, current < target ? u"up"_s : u"down"_s);
    }
}

void DeploymentSync::rolloutRolling()
{
    getAllReplicaSetsAndSyncRevision(true);
    if (m_new.isEmpty()) { // collision: retry on the next pass
        syncRolloutStatus();
        return;
    }
    if (reconcileNewReplicaSet() || reconcileOldReplicaSets()) {
        syncRolloutStatus();
        return;
    }
    if (deploymentComplete(m_d.value(u"status").toObject()))
        cleanupDeployment();
    syncRolloutStatus();
}

bool DeploymentSync::reconcileNewReplicaSet()
{
    const int desired = specReplicas(m_d);
    const int current = specReplicas(rs(m_new));
    if (current == desired)
        return false;
    if (current > desired)
        return scaleReplicaSetAndRecordEvent(m_new, desired);
    return scaleReplicaSetAndRecordEvent(m_new, newRSNewReplicas(rs(m_new)));
}

bool DeploymentSync::reconcileOldReplicaSets()
{
    if (sumReplicas(m_old, false) == 0)
        return false;
    const int allPods = sumReplicas(allNames(), false);
    const int minAvailable = specReplicas(m_d) - maxUnavailable(m_d);
    const QJsonObject &n = rs(m_new);
    const int newUnavailable = specReplicas(n) - statusInt(n, u"availableReplicas");
    const int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0)
        return false;
    QStringList oldNames = oldSortedByCreation();
    const int cleaned = cleanupUnhealthyReplicas(oldNames, maxScaledDown);
    const int scaledDown = scaleDownOldReplicaSetsForRollingUpdate();
    return cleaned + scaledDown > 0;
}

int DeploymentSync::cleanupUnhealthyReplicas(QStringList &oldNames, int maxCleanupCount)
{
    int total = 0;
    for (const QString &name : oldNames) {
        if (total >= maxCleanupCount)
            break;
        const QJsonObject &r = rs(name);
        const int replicas = specReplicas(r);
        const int available = statusInt(r, u"availableReplicas");
        if (replicas == 0 || replicas == available)
            continue;
        const int count = std::min(maxCleanupCount - total, replicas - available);
        scaleReplicaSetAndRecordEvent(name, replicas - count);
        total += count;
    }
    return total;
}

int DeploymentSync::scaleDownOldReplicaSetsForRollingUpdate()
{
    const int minAvailable = specReplicas(m_d) - maxUnavailable(m_d);
    const int available = sumReplicas(allNames(), true, u"availableReplicas");
    if (available <= minAvailable)
        return 0;
    const int totalScaleDown = available - minAvailable;
    int total = 0;
    for (const QString &name : oldSortedByCreation()) {
        if (total >= totalScaleDown)
            break;
        const int replicas = specReplicas(rs(name));
        if (replicas == 0)
            continue;
        const int count = std::min(replicas, totalScaleDown - total);
        scaleReplicaSetAndRecordEvent(name, replicas - count);
        total += count;
    }
    return total;
}

bool DeploymentSync::oldPodsRunning() const
{
    if (sumReplicas(m_old, true, u"replicas") > 0)
        return true;
    QStringList oldUids;
    for (const QString &n : m_old)
        oldUids.append(Kube::uid(m_rs.value(n)));
    for (const QJsonObject &pod : m_store.list(u"pods"_s, Kube::ns(m_d))) {
        if (!oldUids.contains(Kube::controllerUid(pod)))
            continue;
        const QString phase = Kube::value(pod, u"status.phase").toString();
        if (phase != u"Succeeded" && phase != u"Failed")
            return true;
    }
    return false;
}

void DeploymentSync::rolloutRecreate()
{
    getAllReplicaSetsAndSyncRevision(false);
    bool scaledDown = false;
    for (const QString &o : m_old) {
        if (specReplicas(rs(o)) > 0)
            scaledDown = scaleReplicaSetAndRecordEvent(o, 0) || scaledDown;
    }
    if (scaledDown || oldPodsRunning()) {
        syncRolloutStatus();
        return;
    }
    if (m_new.isEmpty())
        getAllReplicaSetsAndSyncRevision(true);
    if (!m_new.isEmpty())
        scaleReplicaSetAndRecordEvent(m_new, specReplicas(m_d));
    if (deploymentComplete(m_d.value(u"status").toObject()))
        cleanupDeployment();
    syncRolloutStatus();
}

void DeploymentSync::cleanupDeployment()
{
    const QJsonValue limitValue = Kube::value(m_d, u"spec.revisionHistoryLimit");
    const int limit = limitValue.isDouble() ? limitValue.toInt() : 10;
    QList<QJsonObject> cleanable = rsObjects(m_old);
    const qsizetype diff = cleanable.size() - limit;
    if (diff <= 0)
        return;
    std::stable_sort(cleanable.begin(),
                     cleanable.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         if (revisionOf(a) != revisionOf(b))
                             return revisionOf(a) < revisionOf(b);
                         return byCreation(a, b);
                     });
    for (qsizetype i = 0; i < diff; ++i) {
        const QJsonObject &r = cleanable[i];
        if (statusInt(r, u"replicas") != 0 || specReplicas(r) != 0
            || Kube::generation(r) > statusInt(r, u"observedGeneration"))
            continue;
        m_store.remove(kReplicaSets, Kube::ns(r), Kube::name(r));
        m_rs.remove(Kube::name(r));
        m_old.removeAll(Kube::name(r));
    }
}

QJsonObject DeploymentSync::calculateStatus() const
{
    const QStringList all = allNames();
    const int available = sumReplicas(all, true, u"availableReplicas");
    const int total = sumReplicas(all, false);
    QJsonObject status = m_d.value(u"status").toObject();
    status.insert(u"observedGeneration", Kube::generation(m_d));
    setIntOmitEmpty(status, u"replicas"_s, sumReplicas(all, true, u"replicas"));
    setIntOmitEmpty(status,
                    u"updatedReplicas"_s,
                    m_new.isEmpty() ? 0 : statusInt(m_rs.value(m_new), u"replicas"));
    setIntOmitEmpty(status, u"readyReplicas"_s, sumReplicas(all, true, u"readyReplicas"));
    setIntOmitEmpty(status, u"availableReplicas"_s, available);
    setIntOmitEmpty(status, u"unavailableReplicas"_s, std::max(0, total - available));
    if (available >= specReplicas(m_d) - maxUnavailable(m_d))
        setCondition(status,
                     newCondition(u"Available"_s,
                                  u"True"_s,
                                  u"MinimumReplicasAvailable"_s,
                                  u"Deployment has minimum availability."_s,
                                  m_now));
    else
        setCondition(status,
                     newCondition(u"Available"_s,
                                  u"False"_s,
                                  u"MinimumReplicasUnavailable"_s,
                                  u"Deployment does not have minimum availability."_s,
                                  m_now));
    return status;
}

void DeploymentSync::syncDeploymentStatus()
{
    const QJsonObject status = calculateStatus();
    if (status == m_d.value(u"status").toObject())
        return;
    m_d.insert(u"status", status);
    m_d = m_store.updateStatus(kDeployments, m_d);
}

bool DeploymentSync::deploymentComplete(const QJsonObject &status) const
{
    const int desired = specReplicas(m_d);
    return status.value(u"updatedReplicas").toInt() == desired
           && status.value(u"replicas").toInt() == desired
           && status.value(u"availableReplicas").toInt() == desired
           && status.value(u"observedGeneration").toInteger() >= Kube::generation(m_d);
}

bool DeploymentSync::deploymentProgressing(const QJsonObject &status) const
{
    const QJsonObject old = m_d.value(u"status").toObject();
    const auto i = [](const QJsonObject &s, QStringView f) { return s.value(f).toInt(); };
    const int oldOld = i(old, u"replicas") - i(old, u"updatedReplicas");
    const int newOld = i(status, u"replicas") - i(status, u"updatedReplicas");
    return i(status, u"updatedReplicas") > i(old, u"updatedReplicas") || newOld < oldOld
           || i(status, u"readyReplicas") > i(old, u"readyReplicas")
           || i(status, u"availableReplicas") > i(old, u"availableReplicas");
}

bool DeploymentSync::deploymentTimedOut(const QJsonObject &status) const
{
    if (!hasProgressDeadline())
        return false;
    const auto cond = Kube::condition(status, u"Progressing"_s);
    if (!cond)
        return false;
    const QString reason = cond->value(u"reason").toString();
    if (reason == u"NewReplicaSetAvailable")
        return false;
    if (reason == u"ProgressDeadlineExceeded")
        return true;
    const qint64 deadline = Kube::intValue(m_d, u"spec.progressDeadlineSeconds", 600);
    const QDateTime from = Kube::parseTime(cond->value(u"lastUpdateTime"));
    return from.isValid() && from.addSecs(deadline) < m_now;
}

void DeploymentSync::syncRolloutStatus()
{
    QJsonObject status = calculateStatus();
    if (!hasProgressDeadline())
        removeCondition(status, u"Progressing"_s);
    const auto current = Kube::condition(status, u"Progressing"_s);
    const bool complete
            = status.value(u"replicas").toInt() == status.value(u"updatedReplicas").toInt()
              && current && current->value(u"reason").toString() == u"NewReplicaSetAvailable";
    const QString subject = m_new.isEmpty() ? u"Deployment \"%1\""_s.arg(Kube::name(m_d))
                                            : u"ReplicaSet \"%1\""_s.arg(m_new);
    if (hasProgressDeadline() && !complete) {
        if (deploymentComplete(status)) {
            setCondition(status,
                         newCondition(u"Progressing"_s,
                                      u"True"_s,
                                      u"NewReplicaSetAvailable"_s,
                                      subject + u" has successfully progressed."_s,
                                      m_now));
        } else if (deploymentProgressing(status)) {
            QJsonObject c = newCondition(u"Progressing"_s,
                                         u"True"_s,
                                         u"ReplicaSetUpdated"_s,
                                         subject + u" is progressing."_s,
                                         m_now);
            // Progress refreshes lastUpdateTime (the deadline clock) but keeps the transition.
            if (current && current->value(u"status").toString() == u"True")
                c.insert(u"lastTransitionTime", current->value(u"lastTransitionTime"));
            removeCondition(status, u"Progressing"_s);
            setCondition(status, c);
        } else if (deploymentTimedOut(status)) {
            setCondition(status,
                         newCondition(u"Progressing"_s,
                                      u"False"_s,
                                      u"ProgressDeadlineExceeded"_s,
                                      subject + u" has timed out progressing."_s,
                                      m_now));
        }
    }
    if (status == m_d.value(u"status").toObject())
        return;
    m_d.insert(u"status", status);
    m_d = m_store.updateStatus(kDeployments, m_d);
}

void DeploymentSync::run()
{
    if (!Kube::value(m_d, u"metadata.deletionTimestamp").isUndefined()) {
        loadReplicaSets();
        getAllReplicaSetsAndSyncRevision(false);
        syncDeploymentStatus();
        return;
    }
    const QJsonObject selector = Kube::value(m_d, u"spec.selector").toObject();
    if (selector.value(u"matchLabels").toObject().isEmpty()
        && selector.value(u"matchExpressions").toArray().isEmpty())
        return; // upstream refuses to select everything
    loadReplicaSets();
    checkPausedConditions();
    if (Kube::value(m_d, u"spec.paused").toBool()) {
        sync();
        return;
    }
    if (isScalingEvent()) {
        sync();
        return;
    }
    if (isRolling(m_d))
        rolloutRolling();
    else
        rolloutRecreate();
}

} // namespace

DeploymentController::DeploymentController(EventRecorder *events, const ControllerOptions &options)
    : m_events(events)
    , m_options(options)
{}

void DeploymentController::reconcile(ObjectStore &store, const QDateTime &now)
{
    for (const QJsonObject &d : store.list(kDeployments, {}))
        DeploymentSync(store, *m_events, m_options, now, d).run();
}

QString DeploymentController::computeHash(const QJsonObject &podTemplate,
                                          std::optional<int> collisionCount)
{
    QByteArray bytes = Kube::canonicalJson(templateWithoutHash(podTemplate));
    if (collisionCount) {
        // binary.LittleEndian.PutUint32 into an 8-byte slice, as upstream writes it.
        const auto c = static_cast<quint32>(*collisionCount);
        const char le[8] = {char(c & 0xff),
                            char((c >> 8) & 0xff),
                            char((c >> 16) & 0xff),
                            char((c >> 24) & 0xff),
                            0,
                            0,
                            0,
                            0};
        bytes.append(le, 8);
    }
    quint32 hash = 2166136261u;
    for (const char byte : std::as_const(bytes)) {
        hash ^= static_cast<quint8>(byte);
        hash *= 16777619u;
    }
    return safeEncodeString(QByteArray::number(hash));
}

QString DeploymentController::safeEncodeString(const QByteArray &text)
{
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (const char byte : text)
        out.append(QLatin1Char(alphabet[static_cast<quint8>(byte) % (sizeof(alphabet) - 1)]));
    return out;
}

} // namespace Meridian::Sim::Controllers

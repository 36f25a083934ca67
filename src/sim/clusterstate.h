#pragma once

#include "sim/scenario.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

namespace Meridian::Sim {

class SimClock;

// One write to a ClusterState, as watches and controllers see it.
struct Change
{
    enum class Type { Added, Modified, Deleted };

    Type type = Type::Added;
    QString resource;     // "pods", "deployments.apps", ...
    QJsonObject object;   // after the write; for Deleted the last state, with the deletion RV
    QJsonObject previous; // before the write; empty for Added
    quint64 resourceVersion = 0;
};

// The objects one simulated cluster stores, keyed like etcd (resource, then namespace/name) so
// lists come back in the order a real apiserver returns them. Every write takes the next
// resourceVersion, is remembered in a bounded history (watch resumption, consistent paged lists)
// and is told to every observer, synchronously and on the simulator thread.
//
// This is deliberately a store, not an API server: it does no validation, defaulting or
// conflict checks (KubeApi does those). Controllers use get/list/create/update/remove and
// updateStatus, and learn about everyone else's writes through observe().
class ClusterState final
{
public:
    using Observer = std::function<void(const Change &)>;

    explicit ClusterState(ClusterSpec spec);

    const ClusterSpec &spec() const;
    // Source of creationTimestamp for new objects; SimClock::fixedEpoch() until set.
    void setClock(const SimClock *clock);

    // resource: plural name, qualified by group for non-core groups ("deployments.apps").
    std::optional<QJsonObject> get(const QString &resource,
                                   const QString &ns,
                                   const QString &name) const;
    QList<QJsonObject> list(const QString &resource, const QString &ns = {}) const;
    // The list as it was right after resourceVersion `at`; nullopt if that is older than the
    // retained history (the caller answers 410 Expired).
    std::optional<QList<QJsonObject>> listAt(const QString &resource,
                                             const QString &ns,
                                             quint64 at) const;
    // The resource's objects at `at` keyed "namespace/name" ("/name" when cluster-scoped), in
    // list order; nullopt past the retained history. Shares the live map (no copy) when nothing
    // of the resource changed after `at`.
    std::optional<QMap<QString, QJsonObject>> objectsAt(const QString &resource, quint64 at) const;
    QString resourceVersion() const;
    quint64 currentVersion() const;

    // Stores a new object (the caller made sure the name is free): sets uid, resourceVersion,
    // creationTimestamp unless it has one, and, for kinds that have one, generation 1.
    QJsonObject create(const QString &resource, QJsonObject object);
    // Replaces an existing object: keeps uid and creationTimestamp, bumps generation when the
    // spec changed, sets a new resourceVersion.
    QJsonObject update(const QString &resource, QJsonObject object);
    // For controllers: replaces only .status; the generation never changes.
    std::optional<QJsonObject> updateStatus(const QString &resource,
                                            const QString &ns,
                                            const QString &name,
                                            const QJsonObject &status);
    // Returns the deleted object carrying the deletion's resourceVersion.
    std::optional<QJsonObject> remove(const QString &resource,
                                      const QString &ns,
                                      const QString &name);
    // What create()/update() would store, without storing it (dryRun=All). No resourceVersion.
    QJsonObject prepareCreate(const QString &resource, QJsonObject object) const;
    QJsonObject prepareUpdate(const QString &resource, QJsonObject object) const;

    // Stores an object as given (apart from its resourceVersion); used to seed the world.
    void put(const QString &resource, QJsonObject object);

    // Observers are called after every write; returns an id for unobserve().
    int observe(Observer observer);
    void unobserve(int id);
    // Changes after resourceVersion `after`, oldest first; nullopt if `after` is older than
    // the retained history.
    std::optional<QList<Change>> changesSince(quint64 after) const;
    // The oldest resourceVersion a watch may still start from.
    quint64 oldestResumableVersion() const;

private:
    static QString keyOf(const QJsonObject &object);
    static bool hasGeneration(const QString &resource);
    void record(Change change);
    void seedObjects();
    QJsonObject nodeObject(const NodeSpec &node) const;
    QJsonObject namespaceObject(const QString &name, const QDateTime &created) const;

    ClusterSpec m_spec;
    const SimClock *m_clock = nullptr;
    QHash<QString, QMap<QString, QJsonObject>> m_objects;
    quint64 m_resourceVersion;
    quint64 m_historyFloor; // changes after this RV are all in m_history
    quint64 m_created = 0;  // objects created so far: feeds deterministic uids
    std::deque<Change> m_history;
    QMap<int, Observer> m_observers;
    int m_nextObserver = 1;
};

} // namespace Meridian::Sim

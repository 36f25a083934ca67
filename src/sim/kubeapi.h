#pragma once

#include "sim/router.h"

#include <QJsonObject>

namespace Meridian::Sim {

class ClusterState;
class SimClock;

// The Kubernetes API of one member cluster: /version, discovery, and read access to the
// resources in its ClusterState, shaped like kube-apiserver's JSON (and Table, for kubectl).
class KubeApi final
{
public:
    KubeApi(ClusterState *state, const SimClock *clock);

    void registerRoutes(Router *router);

private:
    struct ResourceType
    {
        QString group; // "" for the core group
        QString version;
        QString name;
        QString singularName;
        QString kind;
        bool namespaced = false;
        QStringList shortNames;
        QStringList categories;
    };

    static QList<ResourceType> resourceTypes();
    static QString storageKey(const ResourceType &type);

    HttpResponse version() const;
    HttpResponse coreVersions() const;
    HttpResponse groupList() const;
    HttpResponse group(const QString &name) const;
    HttpResponse resourceList(const QString &groupVersion) const;
    HttpResponse list(const ResourceType &type,
                      const HttpRequest &request,
                      const QString &ns) const;
    HttpResponse get(const ResourceType &type,
                     const HttpRequest &request,
                     const QString &ns,
                     const QString &name) const;

    QJsonObject served(const ResourceType &type, QJsonObject object) const;
    QJsonObject table(const ResourceType &type, const QList<QJsonObject> &objects) const;

    ClusterState *m_state;
    const SimClock *m_clock;
};

} // namespace Meridian::Sim

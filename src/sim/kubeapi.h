#pragma once

#include "sim/router.h"
#include "sim/servedjsoncache.h"

#include <QHash>

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace Meridian::Sim {

class ClusterState;
class HttpConnection;
class LogGenerator;
class SimClock;

// The Kubernetes API of one member cluster, shaped like kube-apiserver's JSON (and Table, for
// kubectl): /version, discovery, and create/get/list/watch/update/patch/delete on the
// resources in its ClusterState, with the scale, status and log subresources. Validation,
// defaulting, optimistic concurrency, server-side apply and dry runs happen here; ClusterState
// only stores.
class KubeApi final
{
public:
    // logs: the federation's shared generator, so pod logs match Cloud Logging; without one
    // the API makes its own from the cluster's seed.
    KubeApi(ClusterState *state, const SimClock *clock, const LogGenerator *logs = nullptr);
    ~KubeApi();
    KubeApi(const KubeApi &) = delete;
    KubeApi &operator=(const KubeApi &) = delete;

    void registerRoutes(Router *router);
    // Serialises every stored object now (nodes aside) as lists serve it, so that the first
    // list of a world seeded at start costs what later ones do. Nothing without the cache.
    void prepareServedJson();

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
        QStringList verbs;
        QStringList subresources; // "scale", "status", "log"
        QStringList fieldLabels;  // beyond metadata.name and metadata.namespace
    };

    static QList<ResourceType> resourceTypes();
    static QString storageKey(const ResourceType &type);

private:
    enum class Subresource { None, Status, Scale };

    HttpResponse version() const;
    HttpResponse coreVersions() const;
    HttpResponse groupList() const;
    HttpResponse group(const QString &name) const;
    HttpResponse resourceList(const QString &groupVersion) const;
    HttpResponse openApiIndex() const;
    HttpResponse openApiGroupVersion(const QString &groupVersion) const;

    HttpResponse list(const ResourceType &type, const HttpRequest &request, const QString &ns);
    HttpResponse watch(const ResourceType &type, const HttpRequest &request, const QString &ns);
    HttpResponse get(const ResourceType &type,
                     const HttpRequest &request,
                     const QString &ns,
                     const QString &name,
                     Subresource subresource) const;
    HttpResponse create(const ResourceType &type, const HttpRequest &request, const QString &ns);
    HttpResponse replace(const ResourceType &type,
                         const HttpRequest &request,
                         const QString &ns,
                         const QString &name,
                         Subresource subresource);
    HttpResponse patch(const ResourceType &type,
                       const HttpRequest &request,
                       const QString &ns,
                       const QString &name,
                       Subresource subresource);
    HttpResponse remove(const ResourceType &type,
                        const HttpRequest &request,
                        const QString &ns,
                        const QString &name);
    HttpResponse removeCollection(const ResourceType &type,
                                  const HttpRequest &request,
                                  const QString &ns);
    HttpResponse podLog(const HttpRequest &request, const QString &ns, const QString &name) const;

    // The shared tail of every write: precondition, defaulting, validation, managed fields,
    // dry run, store. `existing` is empty for a create.
    HttpResponse commit(const ResourceType &type,
                        const HttpRequest &request,
                        const std::optional<QJsonObject> &existing,
                        QJsonObject object,
                        bool recordManagedFields,
                        Subresource subresource = Subresource::None);
    HttpResponse applyPatch(const ResourceType &type,
                            const HttpRequest &request,
                            const QString &ns,
                            const QString &name,
                            const std::optional<QJsonObject> &existing);
    void collectGarbage(const QString &ownerUid, const QString &ns);

    QJsonObject served(const ResourceType &type, QJsonObject object) const;
    // served()'s compact JSON, from the resource's cache where it may be reused.
    QByteArray servedBytes(const ResourceType &type,
                           ServedJsonCache &cache,
                           const QString &key,
                           const QJsonObject &object,
                           ServedJsonCache::Form form);
    QJsonObject scaleOf(const ResourceType &type, const QJsonObject &object) const;
    QString now() const;

    ClusterState *m_state;
    const SimClock *m_clock;
    const LogGenerator *m_logs;
    std::unique_ptr<LogGenerator> m_ownLogs;
    QHash<QString, ServedJsonCache> m_servedJson; // by storage key
};

} // namespace Meridian::Sim

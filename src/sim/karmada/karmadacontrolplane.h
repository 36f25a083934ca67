#pragma once

#include "core/result.h"
#include "sim/clusterstate.h"
#include "sim/kubeapi.h"
#include "sim/router.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringList>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Meridian::Sim {

class CertificateAuthority;
class HttpConnection;
class LogGenerator;
class SimClock;

// A Karmada control plane (karmada-apiserver plus the aggregated apiserver, the scheduler and the
// binding/execution/status controllers, in one) on 127.0.0.1 over HTTPS with a bearer token.
// It has an object store of its own: core/v1 and apps/v1 are served by KubeApi exactly as a
// member serves them, the Karmada groups by this class. Members are the federation's
// ClusterStates, which must outlive it; it writes their Deployments directly, on the simulator
// thread, as Karmada's execution controller would through their APIs. See docs/KARMADA-SIM.md.
class KarmadaControlPlane final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KarmadaControlPlane)

public:
    struct Member
    {
        QString name;
        ClusterState *state = nullptr;
        QString region;
        QStringList zones;
        QString provider = QStringLiteral("gcp");
        QString kubernetesVersion; // "v1.29.6-gke.1038001"
        QUrl apiUrl;
    };

    struct Options
    {
        quint64 seed = 1;
        const SimClock *clock = nullptr; // required
        // The members' container logs, as their own servers generate them (so pods/NAME/log
        // through the proxy gives the member's lines); null: one seeded per member.
        const LogGenerator *logs = nullptr;
        // Whether a member's API server answers (no Down or Reset fault); empty: always.
        std::function<bool(const QString &member)> memberHealthy;
        int statusIntervalMs = 2000; // how often Cluster status is refreshed, like Karmada's 10s
        int reconcileDelayMs = 20;   // changes within this window are handled in one pass
        int watchHistory = 1000;
        int bookmarkIntervalMs = 10000;
    };

    KarmadaControlPlane(const CertificateAuthority &ca,
                        QList<Member> members,
                        Options options,
                        QObject *parent);
    ~KarmadaControlPlane() override;

    // Issues the server certificate and binds 127.0.0.1 on a free port.
    Status start();
    QUrl url() const;
    QString token() const;
    // The control plane's own objects (Deployments, policies, bindings, clusters).
    ClusterState *state();
    // Runs one reconcile pass now (tests and the lead's wiring may want a synchronous pass).
    void reconcileNow();
    // Ends every stream (watch, log follow) proxied to `member`, as a broken connection to the
    // member ends them in Karmada's aggregated apiserver. Call when the member goes down.
    void dropProxiedStreams(const QString &member);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct ResourceType
    {
        QString group;
        QString version;
        QString name;
        QString singularName;
        QString kind;
        bool namespaced = false;
        QStringList shortNames;
        QStringList categories;
        bool hasStatus = false;

        QString storageKey() const;
        QString groupVersion() const;
    };
    struct MemberRuntime
    {
        Member member;
        std::unique_ptr<KubeApi> api; // serves the proxy in-process
        std::unique_ptr<Router> router;
        int observer = 0;
    };

    static QList<ResourceType> karmadaTypes();

    // API (karmadacontrolplane.cpp)
    void registerRoutes();
    HttpResponse answer(const HttpRequest &request);
    void handle(HttpConnection *connection, const HttpRequest &request);
    bool authenticated(const HttpRequest &request) const;
    std::optional<HttpResponse> proxy(const HttpRequest &request);
    HttpResponse groupList(const HttpRequest &request) const;
    HttpResponse openApiIndex(const HttpRequest &request) const;
    HttpResponse openApiGroupVersion(const QString &groupVersion) const;
    HttpResponse resourceList(const QString &groupVersion) const;
    HttpResponse list(const ResourceType &type, const HttpRequest &request, const QString &ns);
    HttpResponse watch(const ResourceType &type, const HttpRequest &request, const QString &ns);
    HttpResponse get(const ResourceType &type,
                     const HttpRequest &request,
                     const QString &ns,
                     const QString &name) const;
    HttpResponse create(const ResourceType &type, const HttpRequest &request, const QString &ns);
    HttpResponse replace(const ResourceType &type,
                         const HttpRequest &request,
                         const QString &ns,
                         const QString &name,
                         bool status);
    HttpResponse patch(const ResourceType &type,
                       const HttpRequest &request,
                       const QString &ns,
                       const QString &name,
                       bool status);
    HttpResponse remove(const ResourceType &type, const QString &ns, const QString &name);
    HttpResponse store(const ResourceType &type,
                       const HttpRequest &request,
                       const std::optional<QJsonObject> &existing,
                       QJsonObject object,
                       bool status);
    QJsonObject table(const ResourceType &type,
                      const QList<QJsonObject> &objects,
                      const QString &resourceVersion,
                      bool withColumns) const;

    // Controllers (karmadareconcile.cpp)
    void seedClusters();
    void scheduleReconcile();
    void reconcile();
    bool memberHealthy(const QString &name) const;
    QJsonObject clusterStatus(const MemberRuntime &runtime, const QJsonObject &previous) const;
    std::optional<QJsonObject> policyFor(const QJsonObject &deployment) const;
    QStringList candidateClusters(const QJsonObject &placement,
                                  const QMap<QString, qint64> &previous) const;
    qint64 availableReplicas(const MemberRuntime &runtime, const QJsonObject &deployment) const;
    QJsonObject memberDeployment(const QJsonObject &deployment,
                                 const QJsonObject &policy,
                                 const QString &binding,
                                 const QString &cluster,
                                 qint64 replicas) const;
    // Creates or updates the member's copy; returns an empty string or why it was not applied.
    QString propagate(MemberRuntime &runtime, const QJsonObject &desired, bool overwrite);
    void writeIfChanged(const QString &resource, const QJsonObject &desired);
    QString now() const;

    const CertificateAuthority &m_ca;
    Options m_options;
    ClusterState m_state;
    KubeApi m_api;
    Router m_router;     // the Karmada groups and merged discovery
    Router m_kubeRouter; // core/v1 and apps/v1 of the control plane itself
    std::vector<std::unique_ptr<MemberRuntime>> m_members;
    QSslConfiguration m_tls;
    QString m_token;
    QTimer m_reconcileTimer;
    QTimer m_statusTimer;
    int m_observer = 0;
    bool m_reconciling = false;
    QMultiHash<QString, QPointer<HttpConnection>> m_proxiedStreams; // by member
};

} // namespace Meridian::Sim

#pragma once

// Helpers shared by the real-Kubernetes tests: the environment realk8s.sh sets up, synchronous
// calls through Meridian's ApiClient (on the test's thread, as a second client would), and kubectl.

#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "net/transport.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace Meridian::RealK8s {

// The variables realk8s.sh exports; empty when a test runs outside it.
struct Environment
{
    QString kubeconfig;       // REALK8S_KUBECONFIG: admin, one context per cluster
    QString viewerKubeconfig; // REALK8S_VIEWER_KUBECONFIG: the RBAC-restricted user "viewer"
    QString state;            // REALK8S_STATE
    QString script;           // REALK8S_SCRIPT
    QString kubectl;          // REALK8S_KUBECTL: kubectl 1.20.2 from the same source
    QString missing;          // what is missing, or empty when complete

    static Environment fromProcess();
};

// Runs realk8s.sh with these arguments after the state directory (restart-apiserver, ...).
bool control(const Environment &env, const QStringList &arguments, QString *output = nullptr);

struct Reply
{
    int status = 0;
    QJsonObject body; // the object, list or Status
    QByteArray raw;
};

// Every context of one kubeconfig, with one ApiClient each.
class Clients final
{
public:
    explicit Clients(const QByteArray &kubeconfig, const QString &name);
    ~Clients();
    Q_DISABLE_COPY_MOVE(Clients)

    QString error() const { return m_error; }
    QStringList contexts;
    Kube::ApiClient *client(const QString &context) const { return m_clients.value(context); }

    Reply call(const QString &context,
               const QByteArray &method,
               const QString &path,
               const QByteArray &body = {},
               const QByteArray &contentType = QByteArrayLiteral("application/json"));
    Reply call(const QString &context,
               const QByteArray &method,
               const QString &path,
               const QJsonObject &body,
               const QByteArray &contentType = QByteArrayLiteral("application/json"));

private:
    Net::Transport m_transport;
    Kube::ExecCredentialProvider m_credentials;
    QHash<QString, Kube::ApiClient *> m_clients;
    QString m_error;
};

struct KubectlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

KubectlRun kubectl(const QString &program, const QString &kubeconfig, const QStringList &arguments);

QJsonObject deploymentManifest(const QString &name, int replicas, const QString &image);

} // namespace Meridian::RealK8s

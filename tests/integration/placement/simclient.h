#pragma once

// Reads and writes Deployments on meridian-sim members through Meridian's own ApiClient, the
// way an operator's other tools (or a colleague) would change them behind Meridian's back.

#include "kube/apiclient.h"
#include "kube/credentials.h"
#include "kube/kubeconfig.h"
#include "net/transport.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace Meridian::Test {

class SimClients
{
public:
    explicit SimClients(const QByteArray &kubeconfig)
    {
        Kube::LoadOptions load;
        load.inlineContent = kubeconfig;
        Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
        if (!config)
            return;
        for (const QString &context : config->contextNames()) {
            auto resolved = config->resolve(context);
            if (resolved)
                m_clients.insert(context, new Kube::ApiClient(*resolved, &m_transport, &m_creds));
        }
    }
    ~SimClients() { qDeleteAll(m_clients); }
    SimClients(const SimClients &) = delete;
    SimClients &operator=(const SimClients &) = delete;

    QHash<QString, Kube::ApiClient *> clients() const { return m_clients; }
    Kube::ApiClient *client(const QString &context) const { return m_clients.value(context); }

    static QString path(const QString &ns, const QString &name = {})
    {
        QString p = QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(ns);
        if (!name.isEmpty())
            p += u'/' + name;
        return p;
    }

    Net::Response call(const QString &context,
                       const QByteArray &method,
                       const QString &path,
                       const QJsonObject &body = {},
                       const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        Kube::ApiClient *c = client(context);
        Net::Response result;
        if (!c)
            return result;
        Net::Request request = c->requestFor(path);
        request.method = method;
        if (!body.isEmpty()) {
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
        }
        QEventLoop loop;
        c->send(request, [&](const Net::Response &response) {
            result = response;
            loop.quit();
        });
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        return result;
    }

    int createDeployment(const QString &context,
                         const QString &ns,
                         const QString &name,
                         int replicas,
                         const QString &annotation = {})
    {
        const QJsonObject labels{{QStringLiteral("app"), name}};
        const QJsonObject container{{QStringLiteral("name"), QStringLiteral("app")},
                                    {QStringLiteral("image"), QStringLiteral("nginx:1.27")}};
        QJsonObject metadata{{QStringLiteral("name"), name}};
        if (!annotation.isEmpty()) {
            metadata.insert(QStringLiteral("annotations"),
                            QJsonObject{{QStringLiteral(
                                                 "federation.kubernetes.io/deployment-preferences"),
                                         annotation}});
        }
        const QJsonObject
                body{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                     {QStringLiteral("kind"), QStringLiteral("Deployment")},
                     {QStringLiteral("metadata"), metadata},
                     {QStringLiteral("spec"),
                      QJsonObject{{QStringLiteral("replicas"), replicas},
                                  {QStringLiteral("selector"),
                                   QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                  {QStringLiteral("template"),
                                   QJsonObject{{QStringLiteral("metadata"),
                                                QJsonObject{{QStringLiteral("labels"), labels}}},
                                               {QStringLiteral("spec"),
                                                QJsonObject{{QStringLiteral("containers"),
                                                             QJsonArray{container}}}}}}}}};
        return call(context, "POST", path(ns), body).httpStatus;
    }

    QJsonObject deployment(const QString &context, const QString &ns, const QString &name)
    {
        const Net::Response r = call(context, "GET", path(ns, name));
        return QJsonDocument::fromJson(r.body).object();
    }

    qint64 replicas(const QString &context, const QString &ns, const QString &name)
    {
        const QJsonObject d = deployment(context, ns, name);
        if (d.isEmpty())
            return -1;
        return d.value(u"spec").toObject().value(u"replicas").toInteger(-1);
    }

    QString annotation(const QString &context, const QString &ns, const QString &name)
    {
        return deployment(context, ns, name)
                .value(u"metadata")
                .toObject()
                .value(u"annotations")
                .toObject()
                .value(u"federation.kubernetes.io/deployment-preferences")
                .toString();
    }

    // Changes the Deployment the way another tool would: read, edit, write back.
    int edit(const QString &context,
             const QString &ns,
             const QString &name,
             const std::function<void(QJsonObject &)> &change)
    {
        QJsonObject d = deployment(context, ns, name);
        change(d);
        d.remove(u"status");
        return call(context, "PUT", path(ns, name), d).httpStatus;
    }

    // One request, no resourceVersion precondition: lands whenever the server handles it.
    int mergePatch(const QString &context,
                   const QString &ns,
                   const QString &name,
                   const QJsonObject &patch)
    {
        return call(context,
                    "PATCH",
                    path(ns, name),
                    patch,
                    QByteArrayLiteral("application/merge-patch+json"))
                .httpStatus;
    }

private:
    Net::Transport m_transport;
    Kube::ExecCredentialProvider m_creds;
    QHash<QString, Kube::ApiClient *> m_clients;
};

} // namespace Meridian::Test

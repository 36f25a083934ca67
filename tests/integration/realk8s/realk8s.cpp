#include "realk8s.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

namespace Meridian::RealK8s {

Environment Environment::fromProcess()
{
    Environment env;
    const QProcessEnvironment process = QProcessEnvironment::systemEnvironment();
    QStringList missing;
    auto take = [&](const char *name, QString &into) {
        into = process.value(QLatin1String(name));
        if (into.isEmpty())
            missing.append(QLatin1String(name));
    };
    take("REALK8S_KUBECONFIG", env.kubeconfig);
    take("REALK8S_VIEWER_KUBECONFIG", env.viewerKubeconfig);
    take("REALK8S_STATE", env.state);
    take("REALK8S_SCRIPT", env.script);
    take("REALK8S_KUBECTL", env.kubectl);
    if (!missing.isEmpty())
        env.missing = QStringLiteral("%1 not set: run this test through `realk8s.sh run -- TEST` "
                                     "(ctest does)")
                              .arg(missing.join(QStringLiteral(", ")));
    return env;
}

bool control(const Environment &env, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{arguments.value(0), env.state};
    args += arguments.mid(1);
    process.start(env.script, args);
    const bool finished = process.waitForFinished(240000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

Clients::Clients(const QByteArray &kubeconfig, const QString &name)
{
    Kube::LoadOptions load;
    load.inlineContent = kubeconfig;
    load.inlineName = name;
    Result<Kube::Kubeconfig> config = Kube::loadKubeconfig(load);
    if (!config) {
        m_error = config.error().message;
        return;
    }
    for (const QString &context : config->contextNames()) {
        Result<Kube::ResolvedContext> resolved = config->resolve(context);
        if (!resolved) {
            m_error = resolved.error().message;
            return;
        }
        contexts.append(context);
        m_clients.insert(context, new Kube::ApiClient(*resolved, &m_transport, &m_credentials));
    }
}

Clients::~Clients()
{
    qDeleteAll(m_clients);
}

Reply Clients::call(const QString &context,
                    const QByteArray &method,
                    const QString &path,
                    const QByteArray &body,
                    const QByteArray &contentType)
{
    Reply reply;
    Kube::ApiClient *c = m_clients.value(context);
    if (!c)
        return reply;
    Net::Request request = c->requestFor(path);
    request.method = method;
    request.body = body;
    if (!body.isEmpty())
        request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    QEventLoop loop;
    bool done = false;
    c->send(request, [&](const Net::Response &response) {
        reply.status = response.httpStatus;
        reply.raw = response.body;
        reply.body = QJsonDocument::fromJson(response.body).object();
        done = true;
        loop.quit();
    });
    if (!done) {
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return reply;
}

Reply Clients::call(const QString &context,
                    const QByteArray &method,
                    const QString &path,
                    const QJsonObject &body,
                    const QByteArray &contentType)
{
    return call(context,
                method,
                path,
                QJsonDocument(body).toJson(QJsonDocument::Compact),
                contentType);
}

KubectlRun kubectl(const QString &program, const QString &kubeconfig, const QStringList &arguments)
{
    KubectlRun run;
    QTemporaryDir home;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("KUBECACHEDIR"), home.path() + QStringLiteral("/cache"));
    env.remove(QStringLiteral("KUBECONFIG"));
    process.setProcessEnvironment(env);
    process.start(program, QStringList{QStringLiteral("--kubeconfig"), kubeconfig} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("kubectl did not finish in 60 s");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject deploymentManifest(const QString &name, int replicas, const QString &image)
{
    const QJsonObject labels{{QStringLiteral("app"), name}};
    const QJsonObject container{{QStringLiteral("name"), QStringLiteral("app")},
                                {QStringLiteral("image"), image}};
    const QJsonObject podSpec{{QStringLiteral("containers"), QJsonArray{container}}};
    const QJsonObject podTemplate{{QStringLiteral("metadata"),
                                   QJsonObject{{QStringLiteral("labels"), labels}}},
                                  {QStringLiteral("spec"), podSpec}};
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Deployment")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                       {QStringLiteral("spec"),
                        QJsonObject{{QStringLiteral("replicas"), replicas},
                                    {QStringLiteral("selector"),
                                     QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                    {QStringLiteral("template"), podTemplate}}}};
}

} // namespace Meridian::RealK8s

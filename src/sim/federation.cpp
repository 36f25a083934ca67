#include "sim/federation.h"

#include "sim/certificateauthority.h"
#include "sim/clusterserver.h"
#include "sim/kubeconfigwriter.h"
#include "sim/scenario.h"
#include "sim/simclock.h"

#include <QJsonValue>
#include <QMutex>
#include <QSslCertificate>
#include <QSslKey>
#include <QThread>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

struct Federation::Private
{
    Options options;
    std::optional<Error> setupError;
    QList<ClusterSpec> specs;

    std::optional<CertificateAuthority> ca;
    std::unique_ptr<SimClock> clock;
    QThread thread;
    QObject *host = nullptr; // lives on thread; parent of every server
    QHash<QString, ClusterServer *> servers;
    QByteArray kubeconfig;
    QByteArray caPem;
    QJsonObject endpoints;
    bool started = false;

    Result<QSslConfiguration> serverTls(const ClusterSpec &spec) const;
};

Federation::Federation(Options options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    Result<QList<ClusterSpec>> specs = buildScenario(d->options);
    if (specs)
        d->specs = std::move(specs).value();
    else
        d->setupError = specs.error();
}

Federation::~Federation()
{
    if (!d->thread.isRunning())
        return;
    QMetaObject::invokeMethod(
            d->host,
            [this] {
                // Servers, connections and TLS sockets go while their thread still runs.
                qDeleteAll(d->host->children());
                // OpenSSL frees its per-thread RNG state in a pthread destructor, which may run
                // after wait() has returned and the process has already exited; free it now.
                OPENSSL_thread_stop();
            },
            Qt::BlockingQueuedConnection);
    d->servers.clear();
    d->thread.quit();
    d->thread.wait();
}

Result<QSslConfiguration> Federation::Private::serverTls(const ClusterSpec &spec) const
{
    Result<IssuedCertificate> issued = ca->issueServerCertificate(spec.name);
    if (!issued)
        return issued.error();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(issued->certificatePem, QSsl::Pem));
    tls.setPrivateKey(QSslKey(issued->privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCaCertificates({QSslCertificate(caPem, QSsl::Pem)});
    tls.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    // Like kube-apiserver: ask every client for a certificate but let token clients in without
    // one; the client-certificate cluster then checks the chain itself and answers 401.
    tls.setPeerVerifyMode(spec.auth == AuthMethod::ClientCertificate ? QSslSocket::QueryPeer
                                                                     : QSslSocket::VerifyNone);
    if (tls.localCertificate().isNull() || tls.privateKey().isNull()) {
        return Error{u"TlsError"_s,
                     u"Qt could not load the simulator's certificate for %1; check that Qt "
                     u"Network uses the OpenSSL TLS backend."_s.arg(spec.name)};
    }
    return tls;
}

Status Federation::start()
{
    if (d->setupError)
        return *d->setupError;
    if (d->started)
        return Error{u"AlreadyStarted"_s, u"The simulated federation is already running."_s};
    if (!QSslSocket::supportsSsl()) {
        return Error{u"TlsError"_s,
                     u"Qt Network has no TLS backend; the simulator needs the "
                     u"OpenSSL backend."_s};
    }
    for (auto it = d->options.faults.cbegin(); it != d->options.faults.cend(); ++it) {
        if (!clusterNames().contains(it.key())) {
            return Error{u"InvalidArgument"_s,
                         u"A fault names cluster \"%1\", which the %2 scenario does not have; "
                         u"clusters are: %3."_s.arg(it.key(),
                                                    d->options.scenario,
                                                    clusterNames().join(u", "))};
        }
    }

    Result<CertificateAuthority> ca = CertificateAuthority::create(u"meridian-sim CA"_s);
    if (!ca)
        return ca.error();
    d->ca.emplace(std::move(ca).value());
    d->caPem = d->ca->certificatePem();
    Result<IssuedCertificate> admin
            = d->ca->issueClientCertificate(u"meridian-admin"_s, u"system:masters"_s);
    if (!admin)
        return admin.error();

    QList<QSslConfiguration> tls;
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        Result<QSslConfiguration> config = d->serverTls(spec);
        if (!config)
            return config.error();
        tls.append(*config);
    }

    d->clock = std::make_unique<SimClock>(d->options.timeScale);
    d->host = new QObject;
    d->host->moveToThread(&d->thread);
    QObject::connect(&d->thread, &QThread::finished, d->host, &QObject::deleteLater);
    d->thread.setObjectName(u"meridian-sim"_s);
    d->thread.start();

    Status status = succeeded();
    QMetaObject::invokeMethod(
            d->host,
            [this, &tls, &status] {
                for (qsizetype i = 0; i < d->specs.size() && status.ok(); ++i) {
                    auto *server = new ClusterServer(d->specs[i],
                                                     tls[i],
                                                     &*d->ca,
                                                     d->clock.get(),
                                                     d->host);
                    d->servers.insert(d->specs[i].name, server);
                    status = server->start();
                    const auto fault = d->options.faults.constFind(d->specs[i].name);
                    if (fault != d->options.faults.cend())
                        server->setFault(*fault);
                }
            },
            Qt::BlockingQueuedConnection);
    if (!status)
        return status;

    QList<KubeconfigEntry> entries;
    QJsonObject clusters;
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        const QString url = u"https://127.0.0.1:"_s
                            + QString::number(d->servers.value(spec.name)->boundPort());
        entries.append(KubeconfigEntry{&spec, url});
        clusters.insert(spec.name, url);
    }
    d->kubeconfig = writeKubeconfig(entries,
                                    KubeconfigCredentials{d->caPem,
                                                          admin->certificatePem,
                                                          admin->privateKeyPem,
                                                          d->options.execCommand});
    d->endpoints = QJsonObject{{u"clusters"_s, clusters},
                               {u"karmada"_s, QJsonValue::Null},
                               {u"logging"_s, QJsonValue::Null},
                               {u"token"_s, QJsonValue::Null},
                               {u"admin"_s, QJsonValue::Null}};
    d->started = true;
    return succeeded();
}

QByteArray Federation::kubeconfig() const
{
    return d->kubeconfig;
}

QByteArray Federation::caCertificatePem() const
{
    return d->caPem;
}

QJsonObject Federation::endpoints() const
{
    return d->endpoints;
}

QStringList Federation::clusterNames() const
{
    QStringList names;
    for (const ClusterSpec &spec : std::as_const(d->specs))
        names.append(spec.name);
    return names;
}

QString Federation::tokenFor(const QString &cluster) const
{
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        if (spec.name == cluster)
            return spec.auth == AuthMethod::ClientCertificate ? QString() : spec.token;
    }
    return {};
}

std::optional<AuthMethod> Federation::authFor(const QString &cluster) const
{
    for (const ClusterSpec &spec : std::as_const(d->specs)) {
        if (spec.name == cluster)
            return spec.auth;
    }
    return std::nullopt;
}

void Federation::setFault(const QString &cluster, std::optional<Fault> fault)
{
    if (!d->started) {
        if (fault)
            d->options.faults.insert(cluster, *fault);
        else
            d->options.faults.remove(cluster);
        return;
    }
    ClusterServer *server = d->servers.value(cluster);
    if (!server) {
        qWarning("meridian-sim: no cluster named %s; fault ignored", qUtf8Printable(cluster));
        return;
    }
    if (QThread::currentThread() == &d->thread)
        server->setFault(fault);
    else
        QMetaObject::invokeMethod(
                server, [server, fault] { server->setFault(fault); }, Qt::BlockingQueuedConnection);
}

} // namespace Meridian::Sim

#include "logworker.h"

#include "podlogsource.h"

#include "kube/credentials.h"
#include "net/transport.h"

namespace Meridian::Logs {

LogWorker::LogWorker(std::shared_ptr<SourceTable> sources, QObject *parent)
    : QObject(parent)
    , m_sources(std::move(sources))
{}

LogWorker::~LogWorker()
{
    stop();
    delete m_cloud;
    delete m_pods;
    delete m_credentials;
    delete m_transport;
}

void LogWorker::start(const LogSourceConfig &config, const LogQuery &query, quint64 generation)
{
    stop();
    delete m_cloud;
    m_cloud = nullptr;
    delete m_pods;
    m_pods = nullptr;
    if (!m_transport)
        m_transport = new Net::Transport(this);
    if (config.kind == LogSourceConfig::Kind::Cloud) {
        m_cloud = new CloudLoggingClient(config.cloud,
                                         config.credentials,
                                         m_sources,
                                         m_transport,
                                         this);
        connect(m_cloud,
                &CloudLoggingClient::entriesReceived,
                this,
                [this, generation](const SegmentPtr &s) { emit entriesReceived(generation, s); });
        connect(m_cloud, &CloudLoggingClient::caughtUp, this, [this, generation] {
            emit caughtUp(generation);
        });
        connect(m_cloud, &CloudLoggingClient::progress, this, [this, generation](const QString &m) {
            emit progress(generation, m);
        });
        connect(m_cloud,
                &CloudLoggingClient::finished,
                this,
                [this, generation](bool ok, const QString &e) {
                    emit finished(generation, ok, e);
                });
        m_cloud->start(query);
        return;
    }
    if (!m_credentials)
        m_credentials = new Kube::ExecCredentialProvider(this);
    m_pods = new PodLogSource(m_sources, m_transport, m_credentials, this);
    const Status loaded = config.engine == LogSourceConfig::PodEngine::Karmada
                                  ? m_pods->setKarmada(config.kube, config.karmadaContext)
                                  : m_pods->setKubeconfig(config.kube, config.contexts);
    if (!loaded) {
        emit finished(generation, false, loaded.error().message);
        return;
    }
    connect(m_pods, &PodLogSource::entriesReceived, this, [this, generation](const SegmentPtr &s) {
        emit entriesReceived(generation, s);
    });
    connect(m_pods, &PodLogSource::caughtUp, this, [this, generation] {
        emit caughtUp(generation);
    });
    connect(m_pods, &PodLogSource::progress, this, [this, generation](const QString &m) {
        emit progress(generation, m);
    });
    connect(m_pods, &PodLogSource::finished, this, [this, generation](bool ok, const QString &e) {
        emit finished(generation, ok, e);
    });
    m_pods->start(query);
}

void LogWorker::stop()
{
    if (m_cloud)
        m_cloud->stop();
    if (m_pods)
        m_pods->stop();
}

LogThread::LogThread(std::shared_ptr<SourceTable> sources, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SegmentPtr>();
    qRegisterMetaType<LogSourceConfig>();
    qRegisterMetaType<LogQuery>();
    m_thread.setObjectName(QStringLiteral("Meridian logs"));
    m_worker = new LogWorker(std::move(sources));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LogThread::~LogThread()
{
    QMetaObject::invokeMethod(m_worker, &LogWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint64 LogThread::start(const LogSourceConfig &config, const LogQuery &query)
{
    const quint64 generation = ++m_generation;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, config, query, generation] {
        worker->start(config, query, generation);
    });
    return generation;
}

void LogThread::stop()
{
    ++m_generation;
    QMetaObject::invokeMethod(m_worker, &LogWorker::stop);
}

} // namespace Meridian::Logs

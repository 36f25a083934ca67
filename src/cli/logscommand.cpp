// meridianctl logs: Cloud Logging or pod logs of every cluster, merged, filtered, as text or
// NDJSON. The same src/logs code the log browser runs.
#include "cli.h"
#include "output.h"

#include "federation/backend.h"
#include "kube/credentials.h"
#include "logs/cloudloggingclient.h"
#include "logs/logfilter.h"
#include "logs/podlogsource.h"
#include "logs/timestamps.h"
#include "net/transport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meridian::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Cli", text);
}

// Prints what passes the local filter, as soon as it arrives.
class Printer
{
public:
    Printer(const Logs::SourceTable &sources, Logs::LogFilter filter, bool ndjson, QTextStream &out)
        : m_sources(sources)
        , m_filter(std::move(filter))
        , m_ndjson(ndjson)
        , m_out(out)
    {}

    void print(const Logs::SegmentPtr &segment)
    {
        Logs::LogSnapshot one;
        one.segments = {segment};
        one.segmentFirstIds = {0};
        one.endId = segment->size();
        const Logs::FilterResult kept = Logs::runFilter(one, m_sources, m_filter);
        for (const quint64 i : kept.ids) {
            const Logs::LogSource source = m_sources.source(segment->sources[i]);
            const std::string_view m = segment->message(i);
            const QString message = QString::fromUtf8(m.data(), qsizetype(m.size()));
            const QString timestamp = Logs::formatRfc3339(segment->timestamps[i]);
            const QString severity = Logs::severityName(segment->severities[i]);
            if (m_ndjson) {
                const QJsonObject line{{QStringLiteral("timestamp"), timestamp},
                                       {QStringLiteral("cluster"), source.cluster},
                                       {QStringLiteral("namespace"), source.namespaceName},
                                       {QStringLiteral("pod"), source.pod},
                                       {QStringLiteral("container"), source.container},
                                       {QStringLiteral("severity"), severity},
                                       {QStringLiteral("message"), message}};
                m_out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
            } else {
                m_out << timestamp << ' ' << source.cluster << ' ' << source.namespaceName << '/'
                      << source.pod << '/' << source.container << ' ' << severity << ' ' << message
                      << '\n';
            }
            ++m_printed;
        }
        m_out.flush();
    }
    qint64 printed() const { return m_printed; }

private:
    const Logs::SourceTable &m_sources;
    Logs::LogFilter m_filter;
    bool m_ndjson;
    QTextStream &m_out;
    qint64 m_printed = 0;
};

} // namespace

int runLogs(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Show the logs of every cluster, merged in timestamp order: from Google Cloud "
               "Logging (entries:list, resource type k8s_container) or straight from the pods. "
               "Credentials for Cloud Logging: --credentials, else "
               "$GOOGLE_APPLICATION_CREDENTIALS, else `gcloud auth print-access-token`, else "
               "the metadata server."));
    const QCommandLineOption source(QStringLiteral("source"),
                                    tr("cloud (Cloud Logging, the default) or pods."),
                                    tr("source"),
                                    QStringLiteral("cloud"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     tr("Google Cloud project (default: the key file's)."),
                                     tr("id"));
    const QCommandLineOption credentials(QStringLiteral("credentials"),
                                         tr("Service-account key file (JSON)."),
                                         tr("file"));
    const QCommandLineOption endpoint(QStringLiteral("logging-endpoint"),
                                      tr("Cloud Logging endpoint (default: "
                                         "https://logging.googleapis.com)."),
                                      tr("url"),
                                      QStringLiteral("https://logging.googleapis.com"));
    const QCommandLineOption cacert(QStringLiteral("cacert"),
                                    tr("A CA certificate (PEM) to trust for the endpoint and its "
                                       "token URI, besides the system's."),
                                    tr("file"));
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"),
                                        tr("Kubeconfig file for --source pods (default: "
                                           "$KUBECONFIG, then ~/.kube/config)."),
                                        tr("file"));
    const QCommandLineOption cluster(QStringLiteral("cluster"),
                                     tr("Only this cluster (Cloud Logging's cluster_name; for "
                                        "pods a kubeconfig context, or with --engine karmada a "
                                        "Karmada member cluster); repeatable."),
                                     tr("name"));
    const QCommandLineOption engine(QStringLiteral("engine"),
                                    tr("For --source pods: direct (every kubeconfig context, the "
                                       "default) or karmada (the members of a Karmada control "
                                       "plane, through its cluster proxy)."),
                                    tr("engine"),
                                    QStringLiteral("direct"));
    const QCommandLineOption context(QStringLiteral("context"),
                                     tr("With --engine karmada: the control plane's context "
                                        "(default: \"karmada\", else the current context)."),
                                     tr("name"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")},
                                tr("Only this namespace."),
                                tr("namespace"));
    const QCommandLineOption workload(QStringLiteral("workload"),
                                      tr("Only the pods of this workload (pods named "
                                         "WORKLOAD-...)."),
                                      tr("name"));
    const QCommandLineOption severity(QStringLiteral("severity"),
                                      tr("Severity, e.g. '>=WARNING', 'ERROR' (a floor), "
                                         "'=INFO'."),
                                      tr("spec"));
    const QCommandLineOption grep(QStringLiteral("grep"),
                                  tr("Only messages containing TEXT (case-insensitive)."),
                                  tr("text"));
    const QCommandLineOption since(QStringLiteral("since"),
                                   tr("How far back: 30s, 15m, 1h, 2d (default 1h)."),
                                   tr("duration"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  tr("Start time, RFC 3339 (e.g. 2026-11-27T10:00:00Z)."),
                                  tr("time"));
    const QCommandLineOption to(QStringLiteral("to"),
                                tr("End time, RFC 3339 (exclusive)."),
                                tr("time"));
    const QCommandLineOption follow({QStringLiteral("f"), QStringLiteral("follow")},
                                    tr("Keep printing new entries."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Output format: text or ndjson."),
                                    tr("format"),
                                    QStringLiteral("text"));
    parser.addOptions({source,
                       project,
                       credentials,
                       endpoint,
                       cacert,
                       kubeconfig,
                       engine,
                       context,
                       cluster,
                       ns,
                       workload,
                       severity,
                       grep,
                       since,
                       from,
                       to,
                       follow,
                       output});
    if (const std::optional<int> answered
        = parseCommandLine(parser, QStringLiteral("logs"), args, out, err))
        return *answered;
    const auto usage = [&err](const QString &message) {
        err << "meridianctl logs: " << message << '\n';
        return ExitUsage;
    };
    if (!parser.positionalArguments().isEmpty())
        return usage(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    const QString sourceName = parser.value(source);
    if (sourceName != QLatin1String("cloud") && sourceName != QLatin1String("pods"))
        return usage(tr("--source is cloud or pods, not \"%1\"").arg(sourceName));
    const QString format = parser.value(output);
    if (format != QLatin1String("text") && format != QLatin1String("ndjson"))
        return usage(tr("-o is text or ndjson, not \"%1\"").arg(format));
    const std::optional<Federation::Engine> podEngine
            = Federation::engineFromName(parser.value(engine));
    if (!podEngine)
        return usage(tr("--engine is direct or karmada, not \"%1\"").arg(parser.value(engine)));
    const bool karmada = *podEngine == Federation::Engine::Karmada;
    if ((parser.isSet(engine) || parser.isSet(context)) && sourceName != QLatin1String("pods"))
        return usage(tr("--engine and --context choose how --source pods reads; Cloud Logging "
                        "has neither"));
    if (parser.isSet(context) && !karmada)
        return usage(tr("--context names a Karmada control plane (--engine karmada); with the "
                        "direct engine, choose members with --cluster"));

    Logs::LogQuery query;
    query.clusters = parser.values(cluster);
    query.namespaceName = parser.value(ns);
    query.workload = parser.value(workload);
    query.text = parser.value(grep);
    query.follow = parser.isSet(follow);
    if (parser.isSet(severity)) {
        const auto range = Logs::parseSeverityRange(parser.value(severity));
        if (!range)
            return usage(tr("--severity \"%1\" is not a severity; use e.g. '>=WARNING', "
                            "'ERROR' or '=INFO' (DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, "
                            "CRITICAL, ALERT, EMERGENCY)")
                                 .arg(parser.value(severity)));
        query.severity = *range;
    }
    if (parser.isSet(since) && (parser.isSet(from) || parser.isSet(to)))
        return usage(tr("give either --since or --from/--to, not both"));
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
    if (parser.isSet(from) || parser.isSet(to)) {
        for (const auto &[option, target] :
             {std::pair{&from, &query.fromNs}, std::pair{&to, &query.toNs}}) {
            if (!parser.isSet(*option))
                continue;
            const auto t = Logs::parseRfc3339(QStringView(parser.value(*option)));
            if (!t)
                return usage(tr("--%1 \"%2\" is not an RFC 3339 time such as "
                                "2026-11-27T10:00:00Z")
                                     .arg(option->names().first(), parser.value(*option)));
            *target = *t;
        }
        if (query.fromNs && query.toNs && query.fromNs >= query.toNs)
            return usage(tr("--from must be before --to"));
    } else {
        const QString text = parser.isSet(since) ? parser.value(since) : QStringLiteral("1h");
        const auto span = Logs::parseDurationNs(text);
        if (!span)
            return usage(
                    tr("--since \"%1\" is not a duration such as 30s, 15m, 1h or 2d").arg(text));
        query.fromNs = nowNs - *span;
    }
    if (query.follow && query.toNs)
        return usage(tr("-f follows new entries; it cannot have --to"));

    Net::Transport transport;
    auto sources = std::make_shared<Logs::SourceTable>();
    Printer printer(*sources, query.toLocalFilter(), format == QLatin1String("ndjson"), out);
    QEventLoop loop;
    bool ok = true;
    bool done = false;
    QString failure;
    const auto onFinished = [&](bool success, const QString &error) {
        done = true;
        ok = success;
        failure = error;
        loop.quit();
    };
    const auto onProgress = [&err](const QString &message) {
        err << "meridianctl logs: " << message << '\n';
        err.flush();
    };

    std::unique_ptr<Logs::CloudLoggingClient> cloud;
    std::unique_ptr<Kube::ExecCredentialProvider> execCredentials;
    std::unique_ptr<Logs::PodLogSource> pods;
    if (sourceName == QLatin1String("cloud")) {
        Logs::CloudLoggingOptions options;
        options.endpoint = QUrl(parser.value(endpoint));
        if (!options.endpoint.isValid() || options.endpoint.scheme().isEmpty()
            || options.endpoint.host().isEmpty())
            return usage(tr("--logging-endpoint \"%1\" is not a URL such as "
                            "https://logging.googleapis.com")
                                 .arg(parser.value(endpoint)));
        if (parser.isSet(cacert)) {
            QFile file(parser.value(cacert));
            if (!file.open(QIODevice::ReadOnly)) {
                err << tr("meridianctl logs: cannot read --cacert %1: %2\n")
                                .arg(file.fileName(), file.errorString());
                return ExitFailure;
            }
            options.caPem = file.readAll();
            if (!options.caPem.contains("-----BEGIN CERTIFICATE-----")) {
                err << tr("meridianctl logs: --cacert %1 holds no PEM certificate\n")
                                .arg(file.fileName());
                return ExitFailure;
            }
        }
        options.project = parser.value(project);
        Logs::CredentialSource credentialSource;
        credentialSource.keyFile = parser.value(credentials);
        cloud = std::make_unique<Logs::CloudLoggingClient>(options,
                                                           credentialSource,
                                                           sources,
                                                           &transport);
        QObject::connect(cloud.get(),
                         &Logs::CloudLoggingClient::entriesReceived,
                         &loop,
                         [&printer](const Logs::SegmentPtr &s) { printer.print(s); });
        QObject::connect(cloud.get(), &Logs::CloudLoggingClient::progress, &loop, onProgress);
        QObject::connect(cloud.get(), &Logs::CloudLoggingClient::finished, &loop, onFinished);
        cloud->start(query);
    } else {
        execCredentials = std::make_unique<Kube::ExecCredentialProvider>();
        pods = std::make_unique<Logs::PodLogSource>(sources, &transport, execCredentials.get());
        const Kube::LoadOptions load = Kube::LoadOptions::fromEnvironment(parser.value(kubeconfig));
        const Status loaded = karmada ? pods->setKarmada(load, parser.value(context))
                                      : pods->setKubeconfig(load, {});
        if (!loaded) {
            err << "meridianctl logs: " << loaded.error().message << '\n';
            return ExitFailure;
        }
        QObject::connect(pods.get(),
                         &Logs::PodLogSource::entriesReceived,
                         &loop,
                         [&printer](const Logs::SegmentPtr &s) { printer.print(s); });
        QObject::connect(pods.get(), &Logs::PodLogSource::progress, &loop, onProgress);
        QObject::connect(pods.get(), &Logs::PodLogSource::finished, &loop, onFinished);
        pods->start(query);
    }
    if (!done)
        loop.exec();
    if (!ok) {
        err << "meridianctl logs: " << failure << '\n';
        return ExitFailure;
    }
    if (!failure.isEmpty())
        err << "meridianctl logs: " << failure << '\n';
    return ExitOk;
}

} // namespace Meridian::Cli

#include "cli.h"
#include "output.h"

#include "core/cluster.h"
#include "worker/apiworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meridian::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Cli", text);
}

void printTable(const ClusterStatusList &clusters, QTextStream &out)
{
    const QStringList header = {tr("NAME"),
                                tr("CONTEXT"),
                                tr("VERSION"),
                                tr("NODES"),
                                tr("REGION"),
                                tr("STATE"),
                                tr("REASON")};
    QList<QStringList> rows;
    for (const ClusterStatus &c : clusters) {
        rows.append({c.name,
                     c.context,
                     c.version.isEmpty() ? QStringLiteral("-") : c.version,
                     c.lastSuccess.isValid()
                             ? QStringLiteral("%1/%2").arg(c.nodesReady).arg(c.nodesTotal)
                             : QStringLiteral("-"),
                     c.region.isEmpty() ? QStringLiteral("-") : c.region,
                     clusterStateName(c.state),
                     c.reason});
    }
    printRows(header, rows, out);
}

} // namespace

int runClusters(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the member clusters of a kubeconfig, each queried "
                                        "in parallel, with version, nodes, region and state."));
    const QCommandLineOption
            kubeconfigOption(QStringLiteral("kubeconfig"),
                             tr("Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)."),
                             tr("file"));
    const QCommandLineOption
            contextOption(QStringLiteral("context"),
                          tr("A context to query; repeat for more (default: all)."),
                          tr("name"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          tr("Output format: table or json."),
                                          tr("format"),
                                          QStringLiteral("table"));
    parser.addOptions({kubeconfigOption, contextOption, outputOption});
    if (const std::optional<int> answered
        = parseCommandLine(parser, QStringLiteral("clusters"), args, out, err))
        return *answered;
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("meridianctl clusters: unexpected argument \"%1\"\n")
                        .arg(parser.positionalArguments().first());
        return ExitUsage;
    }
    const QString format = parser.value(outputOption);
    if (format != QLatin1String("table") && format != QLatin1String("json")) {
        err << tr("meridianctl clusters: unknown output format \"%1\" (use table or json)\n")
                        .arg(format);
        return ExitUsage;
    }

    FederationRequest request;
    request.load = Kube::LoadOptions::fromEnvironment(parser.value(kubeconfigOption));
    request.contexts = parser.values(contextOption);
    request.watch = false; // one refresh is the answer; no live updates needed

    // The same worker thread and code path as the GUI.
    ApiThread api;
    ClusterStatusList clusters;
    QString failure;
    QEventLoop loop;
    ApiWorker *worker = api.worker();
    QObject::connect(worker,
                     &ApiWorker::federationLoaded,
                     &loop,
                     [&](quint64, const ClusterStatusList &initial) { clusters = initial; });
    QObject::connect(worker,
                     &ApiWorker::clusterStatusBatch,
                     &loop,
                     [&](quint64, const ClusterStatusList &batch) {
                         for (const ClusterStatus &status : batch) {
                             for (ClusterStatus &c : clusters) {
                                 if (c.context == status.context)
                                     c = status;
                             }
                         }
                     });
    QObject::connect(worker, &ApiWorker::refreshFinished, &loop, [&] { loop.quit(); });
    QObject::connect(worker,
                     &ApiWorker::federationFailed,
                     &loop,
                     [&](quint64, const QString &message) {
                         failure = message;
                         loop.quit();
                     });
    api.connectFederation(request);
    loop.exec();

    if (!failure.isEmpty()) {
        err << "meridianctl clusters: " << failure << '\n';
        return ExitUsage;
    }
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const ClusterStatus &c : std::as_const(clusters))
            array.append(clusterStatusJson(c));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        printTable(clusters, out);
    }
    return ExitOk;
}

} // namespace Meridian::Cli

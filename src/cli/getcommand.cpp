#include "cli.h"
#include "output.h"

#include "core/cluster.h"
#include "core/workload.h"
#include "worker/apiworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimer>

namespace Meridian::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Cli", text);
}

QString dash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QJsonObject workloadJson(const FederatedWorkload &w)
{
    QJsonObject clusters;
    for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it) {
        QJsonObject images;
        for (const ContainerImage &image : it->images)
            images.insert(image.container, image.image);
        QJsonObject member{{QStringLiteral("desired"), it->desired},
                           {QStringLiteral("updated"), it->updated},
                           {QStringLiteral("ready"), it->ready},
                           {QStringLiteral("available"), it->available},
                           {QStringLiteral("images"), images},
                           {QStringLiteral("revision"), it->revision}};
        if (it->planned)
            member.insert(QStringLiteral("planned"), *it->planned);
        clusters.insert(it.key(), member);
    }
    const QJsonObject totals{{QStringLiteral("desired"), w.totals.desired},
                             {QStringLiteral("updated"), w.totals.updated},
                             {QStringLiteral("ready"), w.totals.ready},
                             {QStringLiteral("available"), w.totals.available}};
    QJsonArray drifted;
    for (const QString &c : w.driftedClusters())
        drifted.append(c);
    return QJsonObject{{QStringLiteral("namespace"), w.ns},
                       {QStringLiteral("name"), w.name},
                       {QStringLiteral("clusters"), clusters},
                       {QStringLiteral("total"), w.plannedTotal}, // what the plan divides
                       {QStringLiteral("totals"), totals},
                       {QStringLiteral("drift"), drifted}};
}

QString driftText(const FederatedWorkload &w)
{
    QStringList parts;
    if (w.templateDrift)
        parts.append(tr("template"));
    if (w.imageDrift)
        parts.append(tr("images"));
    if (w.replicaDrift)
        parts.append(tr("replicas"));
    return dash(parts.join(u','));
}

void printWorkloads(const FederatedWorkloadList &workloads, bool wide, QTextStream &out)
{
    QStringList header = {tr("NAMESPACE"),
                          tr("NAME"),
                          tr("CLUSTERS"),
                          tr("DESIRED"),
                          tr("UPDATED"),
                          tr("READY"),
                          tr("AVAILABLE"),
                          tr("DRIFT")};
    if (wide)
        header += QStringList{tr("IMAGES"), tr("REVISIONS"), tr("PLAN")};
    QList<QStringList> rows;
    for (const FederatedWorkload &w : workloads) {
        QStringList row = {w.ns,
                           w.name,
                           QString::number(w.clusters.size()),
                           QString::number(w.totals.desired),
                           QString::number(w.totals.updated),
                           QString::number(w.totals.ready),
                           QString::number(w.totals.available),
                           driftText(w)};
        if (wide) {
            QStringList images;
            QStringList revisions;
            QStringList plan;
            for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it) {
                if (!images.contains(it->imagesText()))
                    images.append(it->imagesText());
                revisions.append(it.key() + u'=' + dash(it->revision));
            }
            for (auto it = w.plan.cbegin(); it != w.plan.cend(); ++it)
                plan.append(it.key() + u'=' + QString::number(it.value()));
            row += QStringList{dash(images.join(QLatin1String(" | "))),
                               revisions.join(u','),
                               dash(plan.join(u','))};
        }
        rows.append(row);
    }
    printRows(header, rows, out);
}

void printClusters(const ClusterStatusList &clusters, bool wide, QTextStream &out)
{
    QStringList header = {tr("NAME"),
                          tr("CONTEXT"),
                          tr("VERSION"),
                          tr("NODES"),
                          tr("REGION"),
                          tr("STATE"),
                          tr("REASON")};
    if (wide)
        header.insert(6, tr("SERVER"));
    QList<QStringList> rows;
    for (const ClusterStatus &c : clusters) {
        QStringList row = {c.name,
                           c.context,
                           dash(c.version),
                           c.lastSuccess.isValid()
                                   ? QStringLiteral("%1/%2").arg(c.nodesReady).arg(c.nodesTotal)
                                   : QStringLiteral("-"),
                           dash(c.region),
                           clusterStateName(c.state),
                           c.reason};
        if (wide)
            row.insert(6, c.server);
        rows.append(row);
    }
    printRows(header, rows, out);
}

} // namespace

int runGet(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the member clusters, or the federated workloads "
                                        "(Deployments sharing a namespace and name across the "
                                        "members), with per-cluster status and drift."));
    parser.addPositionalArgument(QStringLiteral("resource"), tr("clusters or workloads"));
    const QCommandLineOption
            kubeconfigOption(QStringLiteral("kubeconfig"),
                             tr("Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)."),
                             tr("file"));
    const QCommandLineOption
            contextOption(QStringLiteral("context"),
                          tr("A member context; repeat for more (default: all). With --engine "
                             "karmada: the control plane's context (default: "
                             "\"karmada\", else the current context)."),
                          tr("name"));
    const QCommandLineOption namespaceOption({QStringLiteral("n"), QStringLiteral("namespace")},
                                             tr("Namespace of the workloads (default: default)."),
                                             tr("namespace"));
    const QCommandLineOption allOption({QStringLiteral("A"), QStringLiteral("all-namespaces")},
                                       tr("Workloads of every namespace."));
    const QCommandLineOption engineOption(QStringLiteral("engine"),
                                          tr("Federation engine: direct or karmada."),
                                          tr("engine"),
                                          QStringLiteral("direct"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          tr("Output format: table, wide or json."),
                                          tr("format"),
                                          QStringLiteral("table"));
    parser.addOptions({kubeconfigOption,
                       contextOption,
                       namespaceOption,
                       allOption,
                       engineOption,
                       outputOption});
    if (const std::optional<int> answered
        = parseCommandLine(parser, QStringLiteral("get"), args, out, err))
        return *answered;
    const QStringList positional = parser.positionalArguments();
    const QString resource = positional.value(0);
    const bool workloads
            = resource == QLatin1String("workloads") || resource == QLatin1String("workload");
    if (positional.size() != 1 || (!workloads && resource != QLatin1String("clusters"))) {
        err << tr("meridianctl get: say what to get: clusters or workloads\n");
        return ExitUsage;
    }
    const QString format = parser.value(outputOption);
    if (format != QLatin1String("table") && format != QLatin1String("json")
        && format != QLatin1String("wide")) {
        err << tr("meridianctl get: unknown output format \"%1\" (use table, wide or json)\n")
                        .arg(format);
        return ExitUsage;
    }
    const std::optional<Federation::Engine> engine
            = Federation::engineFromName(parser.value(engineOption));
    if (!engine) {
        err << tr("meridianctl get: unknown engine \"%1\" (use direct or karmada)\n")
                        .arg(parser.value(engineOption));
        return ExitUsage;
    }
    if (parser.isSet(allOption) && parser.isSet(namespaceOption)) {
        err << tr("meridianctl get: -n and -A exclude each other\n");
        return ExitUsage;
    }

    FederationRequest request;
    request.load = Kube::LoadOptions::fromEnvironment(parser.value(kubeconfigOption));
    request.contexts = parser.values(contextOption);
    request.engine = *engine;
    request.watch = workloads; // clusters need only the probe
    if (!parser.isSet(allOption)) {
        request.namespaces = {parser.isSet(namespaceOption) ? parser.value(namespaceOption)
                                                            : QStringLiteral("default")};
    }

    // The same worker thread and code path as the GUI.
    ApiThread api;
    ClusterStatusList clusters;
    QMap<QString, FederatedWorkload> byKey;
    QString failure;
    bool probed = false;
    bool synced = !workloads;
    QEventLoop loop;
    ApiWorker *worker = api.worker();
    auto quitWhenDone = [&] {
        if (probed && synced)
            loop.quit();
    };
    QObject::connect(worker,
                     &ApiWorker::federationLoaded,
                     &loop,
                     [&](quint64, const ClusterStatusList &initial) { clusters = initial; });
    QObject::connect(worker,
                     &ApiWorker::clusterStatusBatch,
                     &loop,
                     [&](quint64, const ClusterStatusList &batch) {
                         for (const ClusterStatus &status : batch) {
                             bool known = false;
                             for (ClusterStatus &c : clusters) {
                                 if (c.context == status.context) {
                                     c = status;
                                     known = true;
                                 }
                             }
                             // Karmada's members arrive in batches, not in the first list.
                             if (!known)
                                 clusters.append(status);
                         }
                     });
    QObject::connect(worker,
                     &ApiWorker::workloadBatch,
                     &loop,
                     [&](quint64,
                         const FederatedWorkloadList &changed,
                         const QStringList &removed) {
                         for (const QString &key : removed)
                             byKey.remove(key);
                         for (const FederatedWorkload &w : changed)
                             byKey.insert(w.key(), w);
                     });
    QObject::connect(worker, &ApiWorker::refreshFinished, &loop, [&] {
        probed = true;
        quitWhenDone();
    });
    QObject::connect(worker, &ApiWorker::workloadsSynced, &loop, [&] {
        synced = true;
        quitWhenDone();
    });
    auto fail = [&](quint64, const QString &message) {
        failure = message;
        loop.quit();
    };
    QObject::connect(worker, &ApiWorker::federationFailed, &loop, fail);
    QObject::connect(worker, &ApiWorker::workloadsFailed, &loop, fail);
    api.connectFederation(request);
    loop.exec();

    if (!failure.isEmpty()) {
        err << "meridianctl get: " << failure << '\n';
        return ExitFailure;
    }
    const bool wide = format == QLatin1String("wide");
    if (!workloads) {
        if (format == QLatin1String("json")) {
            QJsonArray array;
            for (const ClusterStatus &c : std::as_const(clusters))
                array.append(clusterStatusJson(c));
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        } else {
            printClusters(clusters, wide, out);
        }
        return ExitOk;
    }
    const FederatedWorkloadList list = byKey.values();
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const FederatedWorkload &w : list)
            array.append(workloadJson(w));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        printWorkloads(list, wide, out);
    }
    // Members that could not be read are named, so an empty table is not mistaken for "none".
    for (const ClusterStatus &c : std::as_const(clusters)) {
        if (c.state == ClusterState::Unreachable || c.state == ClusterState::Unauthorized
            || c.state == ClusterState::Forbidden) {
            err << tr("warning: %1 could not be read: %2\n").arg(c.context, c.reason);
        }
    }
    return ExitOk;
}

} // namespace Meridian::Cli

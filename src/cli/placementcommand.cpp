#include "placementcommand.h"

#include "cli.h"
#include "output.h"

#include "core/placement/karmadadivision.h"
#include "core/workload.h"
#include "kube/karmadapaths.h"
#include "kube/kubeconfig.h"
#include "placement/placementapply.h"
#include "placement/policyapply.h"
#include "placement/preferencesconversion.h"
#include "placement/preferencesdocument.h"
#include "worker/apiworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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

struct Options
{
    QString kubeconfig;
    QStringList contexts;
    Federation::Engine engine = Federation::Engine::Direct;
    QString ns;
    QString name;
};

struct Loaded
{
    FederatedWorkload workload;
    bool found = false;
    QString failure;
    ClusterStatusList unreadable; // members whose Deployments could not be read
};

// Connects like `get workloads` does and waits for the first full sync of the namespace.
Loaded loadWorkload(ApiThread &api, const Options &options)
{
    FederationRequest request;
    request.load = Kube::LoadOptions::fromEnvironment(options.kubeconfig);
    request.contexts = options.contexts;
    request.engine = options.engine;
    request.namespaces = {options.ns};
    Loaded loaded;
    QMap<QString, FederatedWorkload> byKey;
    bool probed = false;
    bool synced = false;
    QEventLoop loop;
    ApiWorker *worker = api.worker();
    auto quitWhenDone = [&] {
        if (probed && synced)
            loop.quit();
    };
    QObject::connect(worker,
                     &ApiWorker::workloadBatch,
                     &loop,
                     [&](quint64, const FederatedWorkloadList &changed, const QStringList &gone) {
                         for (const QString &key : gone)
                             byKey.remove(key);
                         for (const FederatedWorkload &w : changed)
                             byKey.insert(w.key(), w);
                     });
    QMap<QString, ClusterStatus> statuses;
    QObject::connect(worker,
                     &ApiWorker::clusterStatusBatch,
                     &loop,
                     [&](quint64, const ClusterStatusList &batch) {
                         for (const ClusterStatus &c : batch)
                             statuses.insert(c.context, c);
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
        loaded.failure = message;
        loop.quit();
    };
    QObject::connect(worker, &ApiWorker::federationFailed, &loop, fail);
    QObject::connect(worker, &ApiWorker::workloadsFailed, &loop, fail);
    api.connectFederation(request);
    loop.exec();
    for (const ClusterStatus &c : std::as_const(statuses)) {
        if (c.state == ClusterState::Unreachable || c.state == ClusterState::Unauthorized
            || c.state == ClusterState::Forbidden)
            loaded.unreadable.append(c);
    }
    const QString key = options.ns + u'/' + options.name;
    if (byKey.contains(key)) {
        loaded.workload = byKey.value(key);
        loaded.found = true;
    }
    return loaded;
}

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QMap<QString, qint64> currentOf(const FederatedWorkload &w)
{
    QMap<QString, qint64> current;
    for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it)
        current.insert(it.key(), it->desired);
    return current;
}

// What the planner takes as running, exactly as the engine's own plan does (aggregateWorkload).
QMap<QString, qint64> runningOf(const FederatedWorkload &w)
{
    QMap<QString, qint64> running;
    for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it)
        running.insert(it.key(), it->ready);
    return running;
}

void printPlanTable(const QMap<QString, qint64> &current,
                    const QMap<QString, qint64> &plan,
                    const QMap<QString, qint64> &overflow,
                    QTextStream &out)
{
    QStringList clusters = current.keys();
    for (const QString &c : plan.keys()) {
        if (!clusters.contains(c))
            clusters.append(c);
    }
    clusters.sort();
    QList<QStringList> rows;
    for (const QString &c : std::as_const(clusters)) {
        rows.append({c,
                     current.contains(c) ? QString::number(current.value(c)) : QStringLiteral("-"),
                     plan.contains(c) ? QString::number(plan.value(c)) : QStringLiteral("-"),
                     QString::number(overflow.value(c, 0))});
    }
    printRows({tr("CLUSTER"), tr("CURRENT"), tr("PLAN"), tr("OVERFLOW")}, rows, out);
}

bool parseTarget(const QString &text, Options &options)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return false;
    options.ns = parts.at(0);
    options.name = parts.at(1);
    return true;
}

int runGetPlacement(const Options &options,
                    const QString &format,
                    QTextStream &out,
                    QTextStream &err)
{
    ApiThread api;
    const Loaded loaded = loadWorkload(api, options);
    if (!loaded.failure.isEmpty()) {
        err << "meridianctl placement get: " << loaded.failure << '\n';
        return ExitFailure;
    }
    if (!loaded.found) {
        err << tr("meridianctl placement get: no member has a Deployment %1/%2\n")
                        .arg(options.ns, options.name);
        return ExitFailure;
    }
    const FederatedWorkload &w = loaded.workload;
    for (const QString &note : w.notes)
        err << tr("note: %1\n").arg(note);
    for (const ClusterStatus &c : loaded.unreadable)
        err << tr("warning: %1 could not be read: %2\n").arg(c.context, c.reason);
    const QString annotation = Placement::annotationFor(w.preferences);
    if (format == QLatin1String("json")) {
        const QJsonObject result{{QStringLiteral("preferences"),
                                  QJsonDocument::fromJson(annotation.toUtf8()).object()},
                                 {QStringLiteral("plan"), countsJson(w.plan)},
                                 {QStringLiteral("current"), countsJson(currentOf(w))},
                                 {QStringLiteral("total"), w.plannedTotal},
                                 {QStringLiteral("overflow"), countsJson(w.overflow)}};
        out << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << tr("Preferences: %1\n").arg(annotation);
    out << tr("Total: %1\n").arg(w.plannedTotal);
    printPlanTable(currentOf(w), w.plan, w.overflow, out);
    return ExitOk;
}

int runKarmadaSet(const Options &options,
                  const ReplicaPreferences &prefs,
                  std::optional<qint64> replicas,
                  bool dryRun,
                  QTextStream &out,
                  QTextStream &err);

int runSetPlacement(const Options &options,
                    const QString &prefsFile,
                    std::optional<qint64> replicas,
                    bool dryRun,
                    QTextStream &out,
                    QTextStream &err)
{
    const QString command = QStringLiteral("meridianctl placement set: ");
    QFile file(prefsFile);
    const bool opened = prefsFile == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                        : file.open(QIODevice::ReadOnly);
    if (!opened) {
        err << command << tr("cannot read %1: %2\n").arg(prefsFile, file.errorString());
        return ExitUsage;
    }
    const Result<Placement::PreferencesDocument> doc
            = Placement::PreferencesDocument::parse(file.readAll());
    if (!doc) {
        err << command << prefsFile << ": " << doc.error().message << '\n';
        return ExitUsage;
    }
    for (const QString &note : doc->notes())
        err << tr("note: %1\n").arg(note);
    if (options.engine == Federation::Engine::Karmada)
        return runKarmadaSet(options, doc->preferences(), replicas, dryRun, out, err);
    const Placement::Conversion conversion
            = Placement::convertPreferences(doc->preferences(),
                                            Placement::PreferencesFormat::FederationAnnotation);
    for (const QString &lost : conversion.notCarried)
        err << tr("note: not carried over: %1\n").arg(lost);
    const ReplicaPreferences prefs = conversion.preferences;

    ApiThread api;
    const Loaded loaded = loadWorkload(api, options);
    if (!loaded.failure.isEmpty()) {
        err << command << loaded.failure << '\n';
        return ExitFailure;
    }
    if (!loaded.found) {
        err << command << tr("no member has a Deployment %1/%2\n").arg(options.ns, options.name);
        return ExitFailure;
    }
    const FederatedWorkload &w = loaded.workload;
    for (const ClusterStatus &c : loaded.unreadable) {
        err << tr("warning: %1 could not be read (%2): it is left out of the plan and not "
                  "written\n")
                        .arg(c.context, c.reason);
    }
    const QMap<QString, qint64> current = currentOf(w);
    const qint64 total = replicas.value_or(prefs.totalReplicas.value_or(w.totals.desired));
    const QStringList available = w.plan.keys(); // the plan names every available member
    const PlanResult plan = planFederation(prefs, total, available, runningOf(w), {}, w.key());

    const QString annotation = Placement::annotationFor(prefs);
    QMap<QString, QString> base;
    for (auto it = w.clusters.cbegin(); it != w.clusters.cend(); ++it)
        base.insert(it.key(), it->preferences);
    out << tr("Preferences (%1):\n").arg(QLatin1String(Placement::deploymentPreferencesAnnotation));
    QStringList before;
    for (auto it = base.cbegin(); it != base.cend(); ++it) {
        if (!before.contains(it.value()))
            before.append(it.value());
    }
    for (const QString &b : std::as_const(before))
        out << "- " << (b.isEmpty() ? tr("(none)") : b) << '\n';
    out << "+ " << annotation << '\n';
    out << tr("Total: %1\n").arg(total);
    printPlanTable(current, plan.plan, plan.overflow, out);
    qint64 placed = 0;
    for (qint64 n : plan.plan)
        placed += n;
    if (placed < total)
        err << tr("warning: only %1 of %2 replicas are placed (max limits)\n")
                        .arg(placed)
                        .arg(total);
    for (const QString &c : w.clusters.keys()) {
        if (!available.contains(c))
            err << tr("warning: %1 is not available; its replicas are left as they are\n").arg(c);
    }
    if (dryRun) {
        out << tr("(dry run: nothing was written)\n");
        return ExitOk;
    }

    Placement::ApplyRequest request;
    request.ns = options.ns;
    request.name = options.name;
    request.annotation = annotation;
    request.baseAnnotations = base;
    QStringList members = w.clusters.keys();
    for (auto it = plan.plan.cbegin(); it != plan.plan.cend(); ++it) {
        if (options.engine == Federation::Engine::Direct)
            request.replicas.insert(it.key(), it.value());
        if (it.value() > 0 && !members.contains(it.key()))
            members.append(it.key()); // reported: the Deployment must exist there first
    }
    request.members = members;

    qRegisterMetaType<Placement::MemberApplyResults>();
    Placement::MemberApplyResults results;
    QEventLoop loop;
    QObject receiver;
    api.runWithClients([&receiver, &loop, &results, request](
                               const QHash<QString, Kube::ApiClient *> &clients) {
        auto *job = new Placement::PlacementApplyJob(request, clients);
        QObject::connect(job,
                         &Placement::PlacementApplyJob::finished,
                         &receiver,
                         [&loop, &results](const Placement::MemberApplyResults &r) {
                             results = r;
                             loop.quit();
                         });
        job->start();
    });
    loop.exec();

    QList<QStringList> rows;
    int exit = ExitOk;
    for (const Placement::MemberApplyResult &r : std::as_const(results)) {
        rows.append({r.member,
                     Placement::applyStateName(r.state),
                     request.replicas.contains(r.member)
                             ? QString::number(request.replicas.value(r.member))
                             : QStringLiteral("-"),
                     r.message.isEmpty() ? QStringLiteral("-") : r.message});
        if (!r.isSuccess())
            exit = ExitFailure;
    }
    printRows({tr("CLUSTER"), tr("RESULT"), tr("REPLICAS"), tr("MESSAGE")}, rows, out);
    if (exit != ExitOk)
        err << tr("meridianctl placement set: some members were not written; run the same "
                  "command again to retry them\n");
    return exit;
}

// Karmada: the placement lives in a PropagationPolicy or ClusterPropagationPolicy on the control
// plane, which Karmada itself divides; the CLI reads and writes it through the same worker and
// ApiClient.
struct KarmadaRun
{
    Result<Placement::KarmadaPlacement> placement{Error{}};
    QString context;
};

QString karmadaContext(const Options &options, QString *failure)
{
    if (!options.contexts.isEmpty())
        return options.contexts.constFirst();
    const Result<Kube::Kubeconfig> config
            = Kube::loadKubeconfig(Kube::LoadOptions::fromEnvironment(options.kubeconfig));
    if (!config) {
        *failure = config.error().message;
        return {};
    }
    const QString context = Kube::defaultKarmadaContext(*config);
    if (context.isEmpty())
        *failure = tr("say which context is the Karmada control plane (--context)");
    return context;
}

// Connects to the control plane's context only (no member watches) and reads the placement.
bool readKarmada(ApiThread &api, const Options &options, KarmadaRun &run, QString *failure)
{
    run.context = karmadaContext(options, failure);
    if (run.context.isEmpty())
        return false;
    FederationRequest request;
    request.load = Kube::LoadOptions::fromEnvironment(options.kubeconfig);
    request.contexts = {run.context};
    request.engine = Federation::Engine::Karmada;
    request.watch = false;
    QEventLoop loop;
    bool connected = false;
    QObject::connect(api.worker(), &ApiWorker::refreshFinished, &loop, [&] {
        connected = true;
        loop.quit();
    });
    QObject::connect(api.worker(),
                     &ApiWorker::federationFailed,
                     &loop,
                     [&](quint64, const QString &m) {
                         *failure = m;
                         loop.quit();
                     });
    api.connectFederation(request);
    loop.exec();
    if (!connected)
        return false;
    bool done = false;
    api.runWithClients([&, ns = options.ns, name = options.name, context = run.context](
                               const QHash<QString, Kube::ApiClient *> &clients) {
        Kube::ApiClient *client = clients.value(context);
        auto deliver = [&](const Result<Placement::KarmadaPlacement> &result) {
            QMetaObject::invokeMethod(&loop, [&, result] {
                run.placement = result;
                done = true;
                loop.quit();
            });
        };
        if (!client) {
            deliver(Error{QStringLiteral("NotFound"),
                          tr("context %1 could not be connected").arg(context)});
            return;
        }
        Placement::readKarmadaPlacement(client, ns, name, deliver);
    });
    loop.exec();
    if (!done || !run.placement) {
        *failure = done ? run.placement.error().message : tr("interrupted");
        return false;
    }
    return true;
}

int runKarmadaGet(const Options &options, const QString &format, QTextStream &out, QTextStream &err)
{
    ApiThread api;
    KarmadaRun run;
    QString failure;
    if (!readKarmada(api, options, run, &failure)) {
        err << "meridianctl placement get: " << failure << '\n';
        return ExitFailure;
    }
    const Placement::KarmadaPlacement &k = *run.placement;
    const Result<PlanResult> plan = planKarmada(k.preferences, k.total, k.clusters, k.previous, {});
    if (!plan) {
        err << "meridianctl placement get: " << plan.error().message << '\n';
        return ExitFailure;
    }
    const Placement::Conversion asAnnotation
            = Placement::convertPreferences(k.preferences,
                                            Placement::PreferencesFormat::FederationAnnotation);
    for (const QString &lost : asAnnotation.notCarried)
        err << tr("note: not carried over to the annotation form: %1\n").arg(lost);
    const QString annotation = Placement::annotationFor(asAnnotation.preferences);
    if (format == QLatin1String("json")) {
        const QJsonObject result{{QStringLiteral("preferences"),
                                  QJsonDocument::fromJson(annotation.toUtf8()).object()},
                                 {QStringLiteral("plan"), countsJson(plan->plan)},
                                 {QStringLiteral("current"), countsJson(k.previous)},
                                 {QStringLiteral("total"), k.total},
                                 {QStringLiteral("policy"), k.policyName},
                                 {QStringLiteral("policyKind"), k.policyKind}};
        out << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << tr("Placed by: %1 %2\n").arg(k.policyKind, k.policyName);
    out << tr("Preferences: %1\n").arg(annotation);
    out << tr("Total: %1\n").arg(k.total);
    printPlanTable(k.previous, plan->plan, {}, out);
    return ExitOk;
}

int runKarmadaSet(const Options &options,
                  const ReplicaPreferences &prefs,
                  std::optional<qint64> replicas,
                  bool dryRun,
                  QTextStream &out,
                  QTextStream &err)
{
    const QString command = QStringLiteral("meridianctl placement set: ");
    ApiThread api;
    KarmadaRun run;
    QString failure;
    if (!readKarmada(api, options, run, &failure)) {
        err << command << failure << '\n';
        return ExitFailure;
    }
    const Placement::KarmadaPlacement &k = *run.placement;
    if (const std::optional<QString> shared = k.sharedWith(options.ns, options.name)) {
        err << command << *shared << '\n';
        return ExitFailure;
    }
    const Placement::Conversion conversion
            = Placement::convertPreferences(prefs, Placement::PreferencesFormat::PropagationPolicy);
    for (const QString &lost : conversion.notCarried)
        err << tr("note: not carried over: %1\n").arg(lost);
    const qint64 total = replicas.value_or(k.total);
    const Result<PlanResult> plan
            = planKarmada(conversion.preferences, total, k.clusters, k.previous, {});
    if (!plan) {
        err << command << plan.error().message << '\n';
        return ExitFailure;
    }
    out << (k.policyKind == QLatin1String("ClusterPropagationPolicy")
                    ? tr("ClusterPropagationPolicy %1 (Karmada divides):\n").arg(k.policyName)
                    : tr("PropagationPolicy %1/%2 (Karmada divides):\n")
                              .arg(options.ns, k.policyName));
    out << "- "
        << Placement::annotationFor(
                   Placement::convertPreferences(k.preferences,
                                                 Placement::PreferencesFormat::FederationAnnotation)
                           .preferences)
        << '\n';
    out << "+ "
        << Placement::annotationFor(
                   Placement::convertPreferences(conversion.preferences,
                                                 Placement::PreferencesFormat::FederationAnnotation)
                           .preferences)
        << '\n';
    out << tr("Total: %1\n").arg(total);
    printPlanTable(k.previous, plan->plan, {}, out);
    if (dryRun) {
        out << tr("(dry run: nothing was written)\n");
        return ExitOk;
    }
    qRegisterMetaType<Placement::MemberApplyResults>();
    Placement::MemberApplyResults results;
    QEventLoop loop;
    QObject receiver;
    const std::optional<qint64> newTotal = replicas;
    api.runWithClients(
            [&,
             ns = options.ns,
             name = options.name,
             context = run.context,
             base = k.preferences,
             target = conversion.preferences](const QHash<QString, Kube::ApiClient *> &clients) {
                auto *job = new Placement::PolicyApplyJob(clients.value(context),
                                                          ns,
                                                          name,
                                                          base,
                                                          target,
                                                          newTotal);
                QObject::connect(job,
                                 &Placement::PolicyApplyJob::finished,
                                 &receiver,
                                 [&](const Placement::MemberApplyResults &r) {
                                     results = r;
                                     loop.quit();
                                 });
                job->start();
            });
    loop.exec();
    QList<QStringList> rows;
    int exit = ExitOk;
    for (const Placement::MemberApplyResult &r : std::as_const(results)) {
        rows.append({r.member,
                     Placement::applyStateName(r.state),
                     r.message.isEmpty() ? QStringLiteral("-") : r.message});
        if (!r.isSuccess())
            exit = ExitFailure;
    }
    printRows({tr("OBJECT"), tr("RESULT"), tr("MESSAGE")}, rows, out);
    return exit;
}

} // namespace

int runPlacement(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Show or change where a federated workload's replicas run.\n"
               "  placement get NAMESPACE/NAME [-o json]\n"
               "  placement set NAMESPACE/NAME --prefs FILE [--replicas N] [--dry-run]"));
    parser.addPositionalArgument(QStringLiteral("action"), tr("get or set"));
    parser.addPositionalArgument(QStringLiteral("workload"), tr("NAMESPACE/NAME"));
    const QCommandLineOption
            kubeconfigOption(QStringLiteral("kubeconfig"),
                             tr("Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)."),
                             tr("file"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           tr("A member context; repeat for more (default: all)."),
                                           tr("name"));
    const QCommandLineOption engineOption(QStringLiteral("engine"),
                                          tr("Federation engine: direct or karmada."),
                                          tr("engine"),
                                          QStringLiteral("direct"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          tr("Output format of get: table or json."),
                                          tr("format"),
                                          QStringLiteral("table"));
    const QCommandLineOption prefsOption(QStringLiteral("prefs"),
                                         tr("Preferences file (annotation JSON, KubeFed RSP or "
                                            "Karmada policy; - reads stdin)."),
                                         tr("file"));
    const QCommandLineOption replicasOption(QStringLiteral("replicas"),
                                            tr("Federation-wide total (default: the current sum "
                                               "of the members)."),
                                            tr("N"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          tr("Show what would be written; write nothing."));
    parser.addOptions({kubeconfigOption,
                       contextOption,
                       engineOption,
                       outputOption,
                       prefsOption,
                       replicasOption,
                       dryRunOption});
    if (const std::optional<int> answered
        = parseCommandLine(parser, QStringLiteral("placement"), args, out, err))
        return *answered;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 2
        || (action != QLatin1String("get") && action != QLatin1String("set"))) {
        err << tr("meridianctl placement: say get or set and NAMESPACE/NAME\n");
        return ExitUsage;
    }
    Options options;
    if (!parseTarget(positional.at(1), options)) {
        err << tr("meridianctl placement: \"%1\" is not NAMESPACE/NAME\n").arg(positional.at(1));
        return ExitUsage;
    }
    options.kubeconfig = parser.value(kubeconfigOption);
    options.contexts = parser.values(contextOption);
    const std::optional<Federation::Engine> engine
            = Federation::engineFromName(parser.value(engineOption));
    if (!engine) {
        err << tr("meridianctl placement: unknown engine \"%1\" (use direct or karmada)\n")
                        .arg(parser.value(engineOption));
        return ExitUsage;
    }
    options.engine = *engine;

    if (action == QLatin1String("get")) {
        const QString format = parser.value(outputOption);
        if (format != QLatin1String("table") && format != QLatin1String("json")) {
            err << tr("meridianctl placement get: unknown output format \"%1\" (use table or "
                      "json)\n")
                            .arg(format);
            return ExitUsage;
        }
        if (parser.isSet(prefsOption) || parser.isSet(replicasOption)
            || parser.isSet(dryRunOption)) {
            err << tr("meridianctl placement get: --prefs, --replicas and --dry-run belong to "
                      "set\n");
            return ExitUsage;
        }
        if (options.engine == Federation::Engine::Karmada)
            return runKarmadaGet(options, format, out, err);
        return runGetPlacement(options, format, out, err);
    }
    if (!parser.isSet(prefsOption)) {
        err << tr("meridianctl placement set: --prefs FILE is required\n");
        return ExitUsage;
    }
    std::optional<qint64> replicas;
    if (parser.isSet(replicasOption)) {
        bool ok = false;
        const qint64 n = parser.value(replicasOption).toLongLong(&ok);
        if (!ok || n < 0 || n > std::numeric_limits<qint32>::max()) {
            err << tr("meridianctl placement set: --replicas: must be an integer from 0 to %1, "
                      "got \"%2\"\n")
                            .arg(std::numeric_limits<qint32>::max())
                            .arg(parser.value(replicasOption));
            return ExitUsage;
        }
        replicas = n;
    }
    return runSetPlacement(options,
                           parser.value(prefsOption),
                           replicas,
                           parser.isSet(dryRunOption),
                           out,
                           err);
}

} // namespace Meridian::Cli

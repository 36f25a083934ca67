#include "cli.h"
#include "placementcommand.h"

#include <QCoreApplication>

namespace Meridian::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Cli", text);
}

QString usage()
{
    return tr(
            "Usage: meridianctl COMMAND [options]\n"
            "\n"
            "Commands:\n"
            "  clusters   List the member clusters of a kubeconfig with their state\n"
            "  get        Show clusters or federated workloads (get clusters|workloads)\n"
            "  logs       Show the logs of every cluster (Cloud Logging or pods)\n"
            "  plan       Compute a replica placement plan from preferences\n"
            "  placement  Show or set a workload's placement (placement get|set NS/NAME)\n"
            "  apply      Apply a manifest to the federation (-f FILE, --waves, --dry-run=server)\n"
            "  rollout    status|history|undo|pause|resume|restart of a federated Deployment\n"
            "  set        set image NAMESPACE/NAME CONTAINER=IMAGE on the members\n"
            "\n"
            "Options:\n"
            "  --version  Print the version\n"
            "  --help     Print this help; COMMAND --help prints a command's help\n");
}

} // namespace

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty()) {
        err << usage();
        return ExitUsage;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        out << "meridianctl " << MERIDIAN_VERSION << '\n';
        return ExitOk;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        out << usage();
        return ExitOk;
    }
    if (command == QLatin1String("clusters"))
        return runClusters(rest, out, err);
    if (command == QLatin1String("get"))
        return runGet(rest, out, err);
    if (command == QLatin1String("logs"))
        return runLogs(rest, out, err);
    if (command == QLatin1String("plan"))
        return runPlan(rest, out, err);
    if (command == QLatin1String("placement"))
        return runPlacement(rest, out, err);
    if (command == QLatin1String("apply"))
        return runApply(rest, out, err);
    if (command == QLatin1String("rollout"))
        return runRollout(rest, out, err);
    if (command == QLatin1String("set"))
        return runSet(rest, out, err);
    err << tr("meridianctl: unknown command \"%1\"\n\n").arg(command) << usage();
    return ExitUsage;
}

} // namespace Meridian::Cli

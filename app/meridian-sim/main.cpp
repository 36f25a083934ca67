// meridian-sim: runs the simulated federation until SIGINT/SIGTERM, or acts as the exec
// credential plugin for the kubeconfig it wrote. Only wiring lives here; see src/sim.

#include "sim/federation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "meridian-sim: %s\n", qUtf8Printable(message));
}

// The ExecCredential protocol (client.authentication.k8s.io): answer in the apiVersion we were
// asked in, with the token the kubeconfig's env handed us.
int execCredential()
{
    const QByteArray token = qgetenv("MERIDIAN_SIM_TOKEN");
    if (token.isEmpty()) {
        printError(u"exec-credential: MERIDIAN_SIM_TOKEN is not set. This command is the exec "
                   u"credential plugin of a kubeconfig written by meridian-sim; kubectl or "
                   u"Meridian run it with that variable from the kubeconfig's exec.env."_s);
        return 1;
    }
    QString apiVersion = u"client.authentication.k8s.io/v1"_s;
    const QByteArray info = qgetenv("KUBERNETES_EXEC_INFO");
    if (!info.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(info);
        const QString requested = document.object().value(u"apiVersion").toString();
        if (!requested.isEmpty())
            apiVersion = requested;
    }
    const QString expiry = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    const QJsonObject credential{{u"apiVersion"_s, apiVersion},
                                 {u"kind"_s, u"ExecCredential"_s},
                                 {u"status"_s,
                                  QJsonObject{{u"token"_s, QString::fromUtf8(token)},
                                              {u"expirationTimestamp"_s, expiry}}}};
    const QByteArray out = QJsonDocument(credential).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(out.constData(), 1, static_cast<size_t>(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}

// kubeconfig and CA files hold credentials: owner read/write only, from the first byte on.
bool writePrivateFile(const QString &path, const QByteArray &contents)
{
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly)
        || !file.setPermissions(ownerOnly) || file.write(contents) != contents.size()
        || !file.flush()) {
        printError(u"cannot write %1: %2"_s.arg(path, file.errorString()));
        return false;
    }
    return true;
}

std::optional<Meridian::Sim::Fault> parseFault(const QString &spec, QString *cluster)
{
    using Meridian::Sim::Fault;
    const qsizetype equals = spec.indexOf(u'=');
    if (equals <= 0)
        return std::nullopt;
    *cluster = spec.left(equals);
    const QString kind = spec.mid(equals + 1).section(u':', 0, 0);
    const QString value = spec.mid(equals + 1).section(u':', 1);
    bool ok = false;
    if (kind == u"latency") {
        const int ms = value.toInt(&ok);
        if (ok && ms >= 0)
            return Fault{Fault::Kind::Latency, ms, 0};
    } else if (kind == u"error-rate") {
        const double rate = value.toDouble(&ok);
        if (ok && rate >= 0 && rate <= 1)
            return Fault{Fault::Kind::ErrorRate, 0, rate};
    } else if (kind == u"reset" && value.isEmpty()) {
        return Fault{Fault::Kind::Reset, 0, 0};
    } else if (kind == u"down" && value.isEmpty()) {
        return Fault{Fault::Kind::Down, 0, 0};
    }
    return std::nullopt;
}

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// Signal handlers may not touch Qt; they write a byte that the event loop reads.
bool quitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier] {
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, nullptr) == 0 && sigaction(SIGTERM, &action, nullptr) == 0;
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 2 && qstrcmp(argv[1], "exec-credential") == 0)
        return execCredential();

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"meridian-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MERIDIAN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Simulated Kubernetes federation on 127.0.0.1 for Meridian demos and tests.\n"
            u"Prints one JSON line with the endpoints once every server listens, then runs until "
            u"SIGINT or SIGTERM.\n`meridian-sim exec-credential` is the exec credential plugin of "
            u"the kubeconfig it writes."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption scenario(u"scenario"_s,
                                      u"demo (8 clusters) or test."_s,
                                      u"name"_s,
                                      u"demo"_s);
    const QCommandLineOption clusters(u"clusters"_s,
                                      u"Number of clusters for the test scenario (default 3)."_s,
                                      u"N"_s,
                                      u"0"_s);
    const QCommandLineOption seed(u"seed"_s,
                                  u"Seed for names, tokens and fault dice."_s,
                                  u"S"_s,
                                  u"1"_s);
    const QCommandLineOption timeScale(u"time-scale"_s,
                                       u"Simulated seconds per real second."_s,
                                       u"X"_s,
                                       u"1"_s);
    const QCommandLineOption fault(
            u"fault"_s,
            u"Inject a fault: CLUSTER=latency:MS, CLUSTER=error-rate:P (0..1), CLUSTER=reset or "
            u"CLUSTER=down. Repeatable."_s,
            u"spec"_s);
    const QCommandLineOption kubeconfigOut(u"kubeconfig-out"_s,
                                           u"Write the kubeconfig here (mode 0600)."_s,
                                           u"file"_s);
    const QCommandLineOption caOut(u"ca-out"_s,
                                   u"Write the CA certificate here (mode 0600)."_s,
                                   u"file"_s);
    const QCommandLineOption watchHistory(
            u"watch-history"_s,
            u"Changes each cluster remembers for watch resumption and list continue tokens; "
            u"older resourceVersions get 410 Expired."_s,
            u"N"_s,
            u"1000"_s);
    const QCommandLineOption
            workloads(u"workloads"_s,
                      u"Seed the Deployments web, api, worker and shop/cart (default for demo)."_s);
    const QCommandLineOption noWorkloads(u"no-workloads"_s,
                                         u"Start with empty namespaces (default for test)."_s);
    const QCommandLineOption
            cloudLogging(u"cloud-logging"_s,
                         u"Serve Cloud Logging entries:list and the OAuth token endpoint."_s);
    const QCommandLineOption serviceAccountOut(
            u"service-account-out"_s,
            u"Write the Cloud Logging service-account key file here (mode 0600); implies "
            u"--cloud-logging."_s,
            u"file"_s);
    const QCommandLineOption karmada(u"karmada"_s,
                                     u"Serve a Karmada control plane (not yet supported)."_s);
    parser.addOptions({scenario,
                       clusters,
                       seed,
                       timeScale,
                       fault,
                       kubeconfigOut,
                       caOut,
                       watchHistory,
                       workloads,
                       noWorkloads,
                       cloudLogging,
                       serviceAccountOut,
                       karmada});
    parser.process(app);

    Meridian::Sim::Options options;
    options.scenario = parser.value(scenario);
    bool ok = false;
    options.clusters = parser.value(clusters).toInt(&ok);
    if (!ok || options.clusters < 0) {
        printError(u"--clusters wants a whole number, got \"%1\""_s.arg(parser.value(clusters)));
        return 2;
    }
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        printError(u"--seed wants an unsigned number, got \"%1\""_s.arg(parser.value(seed)));
        return 2;
    }
    options.timeScale = parser.value(timeScale).toDouble(&ok);
    if (!ok || options.timeScale <= 0) {
        printError(
                u"--time-scale wants a positive number, got \"%1\""_s.arg(parser.value(timeScale)));
        return 2;
    }
    options.watchHistory = parser.value(watchHistory).toInt(&ok);
    if (!ok || options.watchHistory < 1) {
        printError(u"--watch-history wants a positive whole number, got \"%1\""_s.arg(
                parser.value(watchHistory)));
        return 2;
    }
    for (const QString &spec : parser.values(fault)) {
        QString cluster;
        const std::optional<Meridian::Sim::Fault> parsed = parseFault(spec, &cluster);
        if (!parsed) {
            printError(u"cannot parse --fault \"%1\"; use CLUSTER=latency:MS, "
                       u"CLUSTER=error-rate:P, CLUSTER=reset or CLUSTER=down"_s.arg(spec));
            return 2;
        }
        options.faults.insert(cluster, *parsed);
    }
    if (parser.isSet(workloads) && parser.isSet(noWorkloads)) {
        printError(u"--workloads and --no-workloads contradict each other"_s);
        return 2;
    }
    if (parser.isSet(workloads))
        options.workloads = true;
    else if (parser.isSet(noWorkloads))
        options.workloads = false;
    options.cloudLogging = parser.isSet(cloudLogging) || parser.isSet(serviceAccountOut);
    options.karmada = parser.isSet(karmada);
    options.execCommand = QCoreApplication::applicationFilePath();

#ifdef Q_OS_UNIX
    if (!quitOnSignals(&app))
        printError(u"cannot install SIGINT/SIGTERM handlers; stop me with SIGKILL"_s);
#endif

    Meridian::Sim::Federation federation(options);
    const Meridian::Status started = federation.start();
    if (!started) {
        printError(started.error().message);
        return 1;
    }
    if (parser.isSet(kubeconfigOut)
        && !writePrivateFile(parser.value(kubeconfigOut), federation.kubeconfig()))
        return 1;
    if (parser.isSet(caOut)
        && !writePrivateFile(parser.value(caOut), federation.caCertificatePem()))
        return 1;
    if (parser.isSet(serviceAccountOut)
        && !writePrivateFile(parser.value(serviceAccountOut), federation.serviceAccountKeyJson()))
        return 1;

    const QByteArray line
            = QJsonDocument(federation.endpoints()).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
    return QCoreApplication::exec();
}

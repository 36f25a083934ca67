#include "core/i18n.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "ui/logs/logbrowser.h"
#include "ui/mainwindow.h"
#include "ui/map/worldmapview.h"
#include "ui/settings/consolesettings.h"
#include "worker/apiworker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

bool wantsScreenshot(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

void fail(const QString &message)
{
    std::fprintf(stderr, "meridian: %s\n", qPrintable(message));
}

// --report-startup: milliseconds since main() at the first painted frame, when every cluster had
// answered, and when the workloads were listed (read by tests/bench/startup).
class StartupReporter final : public QObject
{
public:
    explicit StartupReporter(const QElapsedTimer &clock)
        : m_clock(clock)
    {}

    void report(const char *what)
    {
        std::printf("startup: %s %.1f ms\n",
                    what,
                    static_cast<double>(m_clock.nsecsElapsed()) / 1e6);
        std::fflush(stdout);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            // After this paint event (and the others of the same frame) went to the screen.
            QTimer::singleShot(0, this, [this] { report("first-paint"); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    Meridian::Net::Transport::globalInit();
    if (!hasDisplay()) {
        // Without a display Qt would abort; a screenshot needs none, so render offscreen.
        if (wantsScreenshot(argc, argv)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        } else {
            bool versionOrHelp = false;
            for (int i = 1; i < argc; ++i) {
                const QByteArray arg(argv[i]);
                versionOrHelp
                        |= arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h";
            }
            if (versionOrHelp)
                qputenv("QT_QPA_PLATFORM", "offscreen");
            else {
                std::fprintf(
                        stderr,
                        "meridian: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                        "To render the window to a picture instead, run for example:\n"
                        "  meridian --demo --screenshot meridian.png\n");
                return 1;
            }
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Meridian"));
    QApplication::setOrganizationName(QStringLiteral("Meridian"));
    QApplication::setOrganizationDomain(QStringLiteral("meridian.dev"));
    QApplication::setApplicationVersion(QStringLiteral(MERIDIAN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.meridian.Meridian"));
    // The language chosen in Settings, unless $MERIDIAN_LANG says otherwise for this run.
    const Meridian::ConsoleSettings saved = Meridian::ConsoleSettings::load();
    if (qEnvironmentVariableIsEmpty("MERIDIAN_LANG") && !saved.language.isEmpty())
        qputenv("MERIDIAN_LANG", saved.language.toUtf8());
    Meridian::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
            "main", "Meridian: one console for one workload on many Kubernetes clusters."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
            QStringLiteral("demo"),
            QApplication::translate("main",
                                    "Start the embedded demo federation and connect to it."));
    const QCommandLineOption kubeconfigOption(
            QStringLiteral("kubeconfig"),
            QApplication::translate(
                    "main",
                    "Kubeconfig file (default: the files in Settings, else $KUBECONFIG, "
                    "then ~/.kube/config)."),
            QApplication::translate("main", "file"));
    const QCommandLineOption contextOption(
            QStringLiteral("context"),
            QApplication::translate("main", "A context to show; repeat for more (default: all)."),
            QApplication::translate("main", "name"));
    const QCommandLineOption screenshotOption(
            QStringLiteral("screenshot"),
            QApplication::translate(
                    "main",
                    "Render the window to a PNG once every cluster has answered, then exit."),
            QApplication::translate("main", "file"));
    const QCommandLineOption
            sizeOption(QStringLiteral("size"),
                       QApplication::translate("main",
                                               "Window size for --screenshot, as WIDTHxHEIGHT."),
                       QApplication::translate("main", "size"),
                       QStringLiteral("1280x720"));
    const QCommandLineOption
            themeOption(QStringLiteral("theme"),
                        QApplication::translate("main", "Theme for this run: light or dark."),
                        QApplication::translate("main", "theme"));
    const QCommandLineOption workloadOption(
            QStringLiteral("select-workload"),
            QApplication::translate("main",
                                    "Select a workload (NAMESPACE/NAME): the map shows where its "
                                    "replicas run."),
            QApplication::translate("main", "workload"));
    QCommandLineOption reportStartupOption(QStringLiteral("report-startup"),
                                           QStringLiteral("Print start-up timings (benchmarks)."));
    reportStartupOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(reportStartupOption);
    const QCommandLineOption clusterOption(
            QStringLiteral("select-cluster"),
            QApplication::translate("main",
                                    "Select a cluster by its context: the details show it."),
            QApplication::translate("main", "context"));
    const QCommandLineOption engineOption(
            QStringLiteral("engine"),
            QApplication::translate("main",
                                    "Federation engine: direct (every context is a member) or "
                                    "karmada (the context is a Karmada control plane)."),
            QApplication::translate("main", "engine"),
            QStringLiteral("direct"));
    parser.addOptions({demoOption,
                       kubeconfigOption,
                       contextOption,
                       screenshotOption,
                       sizeOption,
                       themeOption,
                       workloadOption,
                       clusterOption,
                       engineOption});
    parser.process(app);

    QSize size;
    {
        const QStringList parts = parser.value(sizeOption).split(u'x');
        bool okW = false;
        bool okH = false;
        if (parts.size() == 2)
            size = QSize(parts[0].toInt(&okW), parts[1].toInt(&okH));
        if (!okW || !okH || size.width() < 320 || size.height() < 240) {
            fail(QApplication::translate("main",
                                         "--size \"%1\" is not WIDTHxHEIGHT (at least 320x240)")
                         .arg(parser.value(sizeOption)));
            return 2;
        }
    }

    std::unique_ptr<Meridian::Sim::Federation> demo;
    Meridian::FederationRequest request;
    QString title;
    if (!parser.isSet(demoOption)) {
        if (!parser.isSet(kubeconfigOption) && !parser.isSet(contextOption)) {
            // What Settings hold: kubeconfig files, enabled contexts, engine.
            request = saved.request();
            title = saved.kubeconfigFiles.join(QStringLiteral(", "));
        } else {
            request.load
                    = Meridian::Kube::LoadOptions::fromEnvironment(parser.value(kubeconfigOption));
            request.contexts = parser.values(contextOption);
            title = parser.value(kubeconfigOption);
        }
    }
    if (parser.isSet(demoOption) || parser.isSet(engineOption)) {
        // Settings' engine applies only when the window opens what Settings name.
        if (const auto engine = Meridian::Federation::engineFromName(parser.value(engineOption))) {
            request.engine = *engine;
        } else {
            fail(QApplication::translate("main", "--engine \"%1\" is neither direct nor karmada")
                         .arg(parser.value(engineOption)));
            return 2;
        }
    }

    const QString theme = parser.value(themeOption);
    if (!theme.isEmpty() && theme != QLatin1String("light") && theme != QLatin1String("dark")) {
        fail(QApplication::translate("main", "--theme \"%1\" is neither light nor dark")
                     .arg(theme));
        return 2;
    }
    const QString workload = parser.value(workloadOption);
    if (!workload.isEmpty() && workload.count(u'/') != 1) {
        fail(QApplication::translate("main", "--select-workload \"%1\" is not NAMESPACE/NAME")
                     .arg(workload));
        return 2;
    }

    Meridian::ApiThread api;
    Meridian::MainWindow window(&api);
    StartupReporter startup(sinceStart);
    if (parser.isSet(reportStartupOption)) {
        window.mapView()->installEventFilter(&startup);
        QObject::connect(&window, &Meridian::MainWindow::firstRefreshFinished, &startup, [&] {
            startup.report("clusters-answered");
        });
        QObject::connect(api.worker(),
                         &Meridian::ApiWorker::workloadsSynced,
                         &startup,
                         [&startup, reported = false](quint64) mutable {
                             if (!reported)
                                 startup.report("workloads-listed");
                             reported = true;
                         });
    }
    if (!theme.isEmpty())
        window.setDarkTheme(theme == QLatin1String("dark"));
    // Select the workload and the cluster as soon as they are known (workloads arrive after the
    // first cluster refresh); the cluster last, so the details show it.
    QTimer selectWorkload;
    const QString cluster = parser.value(clusterOption);
    if (!workload.isEmpty() || !cluster.isEmpty()) {
        selectWorkload.setInterval(100);
        QObject::connect(&selectWorkload, &QTimer::timeout, &window, [&] {
            if ((workload.isEmpty() || window.selectWorkload(workload))
                && (cluster.isEmpty() || window.selectCluster(cluster)))
                selectWorkload.stop();
        });
        selectWorkload.start();
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        window.resize(size);
        window.show();
        auto shoot = [&window, file] {
            const QPixmap picture = window.grab();
            if (!picture.save(file, "PNG")) {
                fail(QApplication::translate("main", "cannot write the screenshot to %1")
                             .arg(file));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        };
        // After the first refresh and once every cache (pods, events) was listed, and once the
        // selected workload (if any) is on the map; its pods and events follow within a second.
        auto shootWhenReady = std::make_shared<std::function<void()>>();
        auto refreshed = std::make_shared<bool>(false);
        auto cached = std::make_shared<bool>(false);
        const QDateTime asked = QDateTime::currentDateTimeUtc();
        *shootWhenReady = [shoot,
                           &selectWorkload,
                           asked,
                           refreshed,
                           cached,
                           next = std::weak_ptr(shootWhenReady)] {
            const bool late = asked.secsTo(QDateTime::currentDateTimeUtc()) >= 20;
            if (!*refreshed || (!*cached && !late))
                return; // called again by the other signal, or the timer below
            if (selectWorkload.isActive() && !late) {
                if (auto again = next.lock())
                    QTimer::singleShot(100, *again);
                return;
            }
            QTimer::singleShot(selectWorkload.isActive() || late ? 300 : 1000, shoot);
        };
        QObject::connect(&window,
                         &Meridian::MainWindow::firstRefreshFinished,
                         &app,
                         [shootWhenReady, refreshed] {
                             *refreshed = true;
                             (*shootWhenReady)();
                         });
        QObject::connect(&window,
                         &Meridian::MainWindow::cachesSynced,
                         &app,
                         [shootWhenReady, cached] {
                             if (std::exchange(*cached, true))
                                 return;
                             (*shootWhenReady)();
                         });
        QTimer::singleShot(20000, &app, [shootWhenReady, cached] {
            if (!*cached)
                (*shootWhenReady)(); // some member never listed its pods: shoot anyway
        });
        QObject::connect(&window,
                         &Meridian::MainWindow::federationFailed,
                         &app,
                         [](const QString &message) {
                             fail(message);
                             QApplication::exit(1);
                         });
        QTimer::singleShot(120000, &app, [] {
            fail(QApplication::translate(
                    "main", "not every cluster answered within 120 s; no screenshot written"));
            QApplication::exit(1);
        });
    } else {
        window.show();
    }
    QFutureWatcher<Meridian::Status> demoStarted;
    QObject::connect(&demoStarted,
                     &QFutureWatcher<Meridian::Status>::finished,
                     &window,
                     [&demoStarted, &demo, &window, request]() mutable {
                         const Meridian::Status started = demoStarted.result();
                         if (!started) {
                             fail(QApplication::translate("main",
                                                          "the demo federation could not start: %1")
                                          .arg(started.error().message));
                             QApplication::exit(1);
                             return;
                         }
                         const Meridian::Federation::Engine engine = request.engine;
                         request = {}; // the demo, whatever Settings name, through --engine
                         request.engine = engine;
                         request.load.inlineContent = demo->kubeconfig();
                         request.load.inlineName
                                 = QApplication::translate("main", "demo federation");
                         window.openFederation(request,
                                               QApplication::translate("main", "Demo federation"));
                         // The log browser reads the simulator's Cloud Logging with its own
                         // service-account key (in memory) and CA: no set-up.
                         Meridian::Logs::LogSourceConfig logs;
                         logs.cloud.endpoint = QUrl(
                                 demo->endpoints().value(QStringLiteral("logging")).toString());
                         logs.cloud.caPem = demo->caCertificatePem();
                         logs.credentials.keyJson = demo->serviceAccountKeyJson();
                         window.logBrowser()->setSource(logs, 15 * 60);
                     });
    // Seeding the demo's workloads takes a moment: the window shows at once, the simulator starts
    // on a pool thread, and the federation opens when it listens.
    const bool karmadaDemo = request.engine == Meridian::Federation::Engine::Karmada;
    auto startDemo = [&demo, &demoStarted, &window, karmadaDemo] {
        if (demo)
            return; // already running (or starting)
        Meridian::Sim::Options options;
        options.karmada = karmadaDemo; // the demo's members behind a Karmada control plane
        options.cloudLogging = true;   // the log browser's source
        options.yieldToInterface = true;
        const QString sim
                = QDir(QApplication::applicationDirPath()).filePath(QStringLiteral("meridian-sim"));
        if (QFileInfo(sim).isExecutable())
            options.execCommand = sim; // the exec-plugin cluster needs the plugin binary
        demo = std::make_unique<Meridian::Sim::Federation>(options);
        window.setWindowTitle(
                QApplication::translate("main", "Starting the demo federation… — Meridian"));
        Meridian::Sim::Federation *federation = demo.get();
        demoStarted.setFuture(QtConcurrent::run([federation] { return federation->start(); }));
    };
    QObject::connect(&window, &Meridian::MainWindow::demoRequested, &window, startDemo);
    if (parser.isSet(demoOption))
        startDemo();
    else
        window.openFederation(request, title);
    const int code = app.exec();
    demoStarted.waitForFinished();
    return code;
}

#include "core/i18n.h"
#include "net/transport.h"
#include "sim/federation.h"
#include "ui/logs/logbrowser.h"
#include "ui/mainwindow.h"
#include "worker/apiworker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
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

} // namespace

int main(int argc, char *argv[])
{
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
            QApplication::translate("main",
                                    "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)."),
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
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QApplication::translate("main",
                                                                 "Map theme: light or dark."),
                                         QApplication::translate("main", "theme"));
    const QCommandLineOption workloadOption(
            QStringLiteral("select-workload"),
            QApplication::translate("main",
                                    "Select a workload (NAMESPACE/NAME): the map shows where its "
                                    "replicas run."),
            QApplication::translate("main", "workload"));
    parser.addOptions({demoOption,
                       kubeconfigOption,
                       contextOption,
                       screenshotOption,
                       sizeOption,
                       themeOption,
                       workloadOption});
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
        request.load = Meridian::Kube::LoadOptions::fromEnvironment(parser.value(kubeconfigOption));
        title = parser.value(kubeconfigOption);
    }
    request.contexts = parser.values(contextOption);

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
    if (!theme.isEmpty())
        window.setDarkTheme(theme == QLatin1String("dark"));
    // Select the workload as soon as it is known (it arrives after the first cluster refresh).
    QTimer selectWorkload;
    if (!workload.isEmpty()) {
        selectWorkload.setInterval(100);
        QObject::connect(&selectWorkload, &QTimer::timeout, &window, [&] {
            if (window.selectWorkload(workload))
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
        // After the first refresh, and once the selected workload (if any) is on the map.
        auto shootWhenReady = std::make_shared<std::function<void()>>();
        const QDateTime asked = QDateTime::currentDateTimeUtc();
        *shootWhenReady = [shoot, &selectWorkload, asked, next = std::weak_ptr(shootWhenReady)] {
            if (selectWorkload.isActive() && asked.secsTo(QDateTime::currentDateTimeUtc()) < 20) {
                if (auto again = next.lock())
                    QTimer::singleShot(100, *again);
                return;
            }
            QTimer::singleShot(300, shoot);
        };
        QObject::connect(&window,
                         &Meridian::MainWindow::firstRefreshFinished,
                         &app,
                         [shootWhenReady] { (*shootWhenReady)(); });
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
                         request.load = {};
                         request.contexts.clear();
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
                         auto *browser = new Meridian::Logs::LogBrowser;
                         window.addLogBrowser(browser);
                         browser->setSource(logs, 15 * 60);
                     });
    // Seeding the demo's workloads takes a moment: the window shows at once, the simulator starts
    // on a pool thread, and the federation opens when it listens.
    auto startDemo = [&demo, &demoStarted, &window] {
        if (demo)
            return; // already running (or starting)
        Meridian::Sim::Options options;
        options.cloudLogging = true; // the log browser's source
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

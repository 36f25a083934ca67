// Start-up and idle memory of the console against a real simulator process: meridian-sim (the
// demo scenario) runs as its own process and writes a kubeconfig; `meridian --kubeconfig <it>
// --report-startup` is started and timed to its first painted frame and to the data, then left
// idle and its resident memory read from /proc. The reference in the same run is this program
// itself showing an empty QMainWindow of the same size, measured the same way: what any Qt
// Widgets window costs on this machine. Figures go to docs/PERFORMANCE.md ("Start-up").
//
// Usage: bench_startup [--runs N] [--idle-ms MS] [--meridian PATH] [--sim PATH] [--arg A]...
//        (--arg passes A on to meridian, e.g. --arg --select-workload --arg default/web)
//        bench_startup --reference-window   (the reference child; not for direct use)
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

QElapsedTimer g_sinceStart;

// The reference child: a bare window, reporting its first paint like meridian does.
class PaintReporter final : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, this, [] {
                std::printf("startup: first-paint %.1f ms\n", g_sinceStart.nsecsElapsed() / 1e6);
                std::fflush(stdout);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

int referenceWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *central = new QLabel(QStringLiteral("reference"));
    window.setCentralWidget(central);
    window.statusBar()->showMessage(QStringLiteral("reference"));
    window.resize(1280, 800);
    PaintReporter reporter;
    central->installEventFilter(&reporter);
    window.show();
    return QApplication::exec();
}

struct Memory
{
    double rssMb = 0;
    double anonMb = 0;
    double fileMb = 0;
    double peakMb = 0;
};

std::optional<Memory> readMemory(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return std::nullopt;
    Memory m;
    const auto kb = [](const QByteArray &line) {
        return line.mid(line.indexOf(':') + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    };
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            m.rssMb = kb(line);
        else if (line.startsWith("RssAnon:"))
            m.anonMb = kb(line);
        else if (line.startsWith("RssFile:"))
            m.fileMb = kb(line);
        else if (line.startsWith("VmHWM:"))
            m.peakMb = kb(line);
    }
    return m;
}

struct Run
{
    double firstPaintWall = -1; // from QProcess::start to the line on our side
    double firstPaintSelf = -1; // what the program measured since its main()
    double clustersSelf = -1;
    double workloadsSelf = -1;
    Memory idle;
    QString error;
};

// Starts `program`, waits for the lines in `waitFor` (at most 30 s), idles, reads memory.
Run measure(const QString &program,
            const QStringList &args,
            const QStringList &waitFor,
            int idleMs,
            const QProcessEnvironment &env)
{
    Run run;
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer wall;
    wall.start();
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        run.error = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return run;
    }
    QStringList pending = waitFor;
    QByteArray buffer;
    while (!pending.isEmpty() && wall.elapsed() < 30000) {
        if (!process.waitForReadyRead(200) && process.state() != QProcess::Running)
            break;
        buffer += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(newline).trimmed();
            buffer.remove(0, newline + 1);
            if (!line.startsWith("startup: "))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() < 3)
                continue;
            const QString what = QString::fromUtf8(parts.at(1));
            const double ms = parts.at(2).toDouble();
            if (what == QLatin1String("first-paint")) {
                run.firstPaintWall = static_cast<double>(wall.nsecsElapsed()) / 1e6;
                run.firstPaintSelf = ms;
            } else if (what == QLatin1String("clusters-answered")) {
                run.clustersSelf = ms;
            } else if (what == QLatin1String("workloads-listed")) {
                run.workloadsSelf = ms;
            }
            pending.removeAll(what);
        }
    }
    if (!pending.isEmpty()) {
        run.error = QStringLiteral("%1 did not report %2 within 30 s; stderr: %3")
                            .arg(program,
                                 pending.join(QStringLiteral(", ")),
                                 QString::fromUtf8(process.readAllStandardError().left(2000)));
    } else {
        QThread::msleep(static_cast<unsigned long>(idleMs));
        QCoreApplication::processEvents();
        if (const auto m = readMemory(process.processId()))
            run.idle = *m;
    }
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(2000);
    }
    return run;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    g_sinceStart.start();
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--reference-window") == 0)
            return referenceWindow(argc, argv);
    }
    QCoreApplication app(argc, argv);
    int runs = 3;
    int idleMs = 3000;
    const QString binDir = qEnvironmentVariableIsSet("MERIDIAN_BIN_DIR")
                                   ? qEnvironmentVariable("MERIDIAN_BIN_DIR")
                                   : QDir(QCoreApplication::applicationDirPath())
                                             .filePath(QStringLiteral("../bin"));
    QString meridian = QDir(binDir).filePath(QStringLiteral("meridian"));
    QString sim = qEnvironmentVariableIsSet("MERIDIAN_SIM")
                          ? qEnvironmentVariable("MERIDIAN_SIM")
                          : QDir(binDir).filePath(QStringLiteral("meridian-sim"));
    QStringList extra;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--arg"))
            extra.append(args.at(++i));
        else if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--idle-ms"))
            idleMs = std::max(0, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--meridian"))
            meridian = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--sim"))
            sim = args.at(i + 1);
    }

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    // The console's settings and caches stay in the temporary folder.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("KUBECONFIG"));
    if (!env.contains(QStringLiteral("DISPLAY")) || env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"),
                   env.value(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")));
    const QString platform = env.value(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));

    // The simulator: its own process, the demo scenario, a kubeconfig that points at it.
    const QString kubeconfig = dir.filePath(QStringLiteral("sim.kubeconfig"));
    QProcess simProcess;
    simProcess.setProcessEnvironment(env);
    simProcess.start(sim,
                     {QStringLiteral("--scenario"),
                      QStringLiteral("demo"),
                      QStringLiteral("--kubeconfig-out"),
                      kubeconfig});
    if (!simProcess.waitForStarted(10000)) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(sim));
        return 1;
    }
    QElapsedTimer simClock;
    simClock.start();
    while (!simProcess.canReadLine() && simClock.elapsed() < 60000) {
        if (!simProcess.waitForReadyRead(500) && simProcess.state() != QProcess::Running) {
            std::fprintf(stderr,
                         "meridian-sim stopped: %s\n",
                         simProcess.readAllStandardError().constData());
            return 1;
        }
    }
    if (!QFile::exists(kubeconfig)) {
        std::fprintf(stderr, "meridian-sim wrote no kubeconfig\n");
        return 1;
    }
    // Let the demo's controllers settle (pods Ready) so each run sees the same federation.
    QThread::msleep(1500);

    QList<double> paintWall, paintSelf, clusters, workloads, rss, anon, file, peak;
    QList<double> refPaintWall, refPaintSelf, refRss, refAnon, refFile;
    for (int i = 0; i < runs; ++i) {
        const Run m = measure(meridian,
                              QStringList{QStringLiteral("--kubeconfig"),
                                          kubeconfig,
                                          QStringLiteral("--report-startup")}
                                      + extra,
                              {QStringLiteral("first-paint"),
                               QStringLiteral("clusters-answered"),
                               QStringLiteral("workloads-listed")},
                              idleMs,
                              env);
        if (!m.error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(m.error));
            return 1;
        }
        paintWall.append(m.firstPaintWall);
        paintSelf.append(m.firstPaintSelf);
        clusters.append(m.clustersSelf);
        workloads.append(m.workloadsSelf);
        rss.append(m.idle.rssMb);
        anon.append(m.idle.anonMb);
        file.append(m.idle.fileMb);
        peak.append(m.idle.peakMb);

        const Run r = measure(QCoreApplication::applicationFilePath(),
                              {QStringLiteral("--reference-window")},
                              {QStringLiteral("first-paint")},
                              idleMs,
                              env);
        if (!r.error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error));
            return 1;
        }
        refPaintWall.append(r.firstPaintWall);
        refPaintSelf.append(r.firstPaintSelf);
        refRss.append(r.idle.rssMb);
        refAnon.append(r.idle.anonMb);
        refFile.append(r.idle.fileMb);
    }
    simProcess.terminate();
    if (!simProcess.waitForFinished(5000))
        simProcess.kill();

    const auto row = [](const char *what,
                        double value,
                        double reference,
                        const char *unit,
                        const char *target,
                        bool pass) {
        std::printf("%-44s %9.1f %-3s %9.1f %-3s %6.2fx  %-10s %s\n",
                    what,
                    value,
                    unit,
                    reference,
                    unit,
                    reference > 0 ? value / reference : 0.0,
                    target,
                    *target ? (pass ? "ok" : "OVER") : "");
    };
    std::printf("meridian --kubeconfig <meridian-sim demo> %s vs an empty QMainWindow "
                "(reference), QT_QPA_PLATFORM=%s, median of %d run(s), idle %d ms\n",
                qPrintable(extra.join(u' ')),
                qPrintable(platform),
                runs,
                idleMs);
    std::printf("%-44s %13s %13s %7s  %-10s\n",
                "measure",
                "meridian",
                "reference",
                "ratio",
                "target");
    const double paint = median(paintWall);
    row("first paint, from exec (wall)",
        paint,
        median(refPaintWall),
        "ms",
        "<= 500 ms",
        paint <= 500);
    row("first paint, from main()", median(paintSelf), median(refPaintSelf), "ms", "", true);
    std::printf("%-44s %9.1f ms\n", "every cluster answered, from main()", median(clusters));
    std::printf("%-44s %9.1f ms\n", "workloads listed, from main()", median(workloads));
    const double idle = median(rss);
    row("idle resident memory (VmRSS)", idle, median(refRss), "MB", "<= 80 MB", idle <= 80);
    row("  of which anonymous (heap, stacks)", median(anon), median(refAnon), "MB", "", true);
    row("  of which file-backed (libraries, fonts)", median(file), median(refFile), "MB", "", true);
    std::printf("%-44s %9.1f MB\n", "peak resident memory (VmHWM)", median(peak));
    return 0;
}

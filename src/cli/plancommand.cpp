#include "cli/plancommand.h"

#include "core/placement/karmadadivision.h"
#include "core/placement/planner.h"
#include "placement/preferencesconversion.h"
#include "placement/preferencesdocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <optional>

namespace Meridian::Cli {

namespace {

constexpr int usageError = 2;

QString usage()
{
    return QCoreApplication::translate(
            "Meridian::Cli",
            "usage: meridianctl plan --prefs FILE|- --total N --clusters A,B,C "
            "[--current A=4,B=8] [--capacity B=10] [--key NAMESPACE/NAME] "
            "[--engine federation|karmada] [-o json|table]");
}

struct Options
{
    QString prefs;
    std::optional<qint64> total;
    QStringList clusters;
    QMap<QString, qint64> current;
    QMap<QString, qint64> capacity;
    QString key;
    std::optional<Placement::Engine> engine;
    QString output = QStringLiteral("json");
};

Result<qint64> parseCount(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < 0) {
        return Error{QStringLiteral("UsageError"),
                     QCoreApplication::translate("Meridian::Cli",
                                                 "%1: must be an integer ≥ 0, got \"%2\"")
                             .arg(what, text)};
    }
    return n;
}

Result<QStringList> parseClusters(const QString &text)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &part : text.split(u',')) {
        const QString name = part.trimmed();
        if (name.isEmpty()) {
            return Error{QStringLiteral("UsageError"),
                         QCoreApplication::translate("Meridian::Cli",
                                                     "--clusters: empty cluster name in \"%1\"")
                                 .arg(text)};
        }
        if (seen.contains(name)) {
            return Error{QStringLiteral("UsageError"),
                         QCoreApplication::translate("Meridian::Cli",
                                                     "--clusters: %1 is listed twice")
                                 .arg(name)};
        }
        seen.insert(name);
        out.append(name);
    }
    return out;
}

Result<QMap<QString, qint64>> parseCounts(const QString &text, const QString &option)
{
    QMap<QString, qint64> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        const QString name = part.left(eq).trimmed();
        if (eq <= 0 || name.isEmpty()) {
            return Error{QStringLiteral("UsageError"),
                         QCoreApplication::translate("Meridian::Cli",
                                                     "%1: expected CLUSTER=N, got \"%2\"")
                                 .arg(option, part)};
        }
        if (out.contains(name)) {
            return Error{QStringLiteral("UsageError"),
                         QCoreApplication::translate("Meridian::Cli", "%1: %2 is given twice")
                                 .arg(option, name)};
        }
        const auto n = parseCount(part.mid(eq + 1).trimmed(), option + u' ' + name);
        if (!n)
            return n.error();
        out.insert(name, *n);
    }
    return out;
}

Result<Options> parseArguments(const QStringList &args)
{
    Options o;
    bool havePrefs = false;
    bool haveClusters = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args.at(i);
        QString value;
        bool inlineValue = false;
        if (name.startsWith(QLatin1String("--")) && name.contains(u'=')) {
            value = name.mid(name.indexOf(u'=') + 1);
            name = name.left(name.indexOf(u'='));
            inlineValue = true;
        }
        static const QStringList known = {QStringLiteral("--prefs"),
                                          QStringLiteral("--total"),
                                          QStringLiteral("--clusters"),
                                          QStringLiteral("--current"),
                                          QStringLiteral("--capacity"),
                                          QStringLiteral("--key"),
                                          QStringLiteral("--engine"),
                                          QStringLiteral("-o"),
                                          QStringLiteral("--output")};
        if (!known.contains(name))
            return Error{QStringLiteral("UsageError"),
                         QCoreApplication::translate("Meridian::Cli", "unknown argument \"%1\"")
                                 .arg(name)};
        if (!inlineValue) {
            if (i + 1 >= args.size())
                return Error{QStringLiteral("UsageError"),
                             QCoreApplication::translate("Meridian::Cli", "%1 needs a value")
                                     .arg(name)};
            value = args.at(++i);
        }
        if (name == u"--prefs") {
            o.prefs = value;
            havePrefs = true;
        } else if (name == u"--total") {
            const auto n = parseCount(value, name);
            if (!n)
                return n.error();
            o.total = *n;
        } else if (name == u"--clusters") {
            const auto c = parseClusters(value);
            if (!c)
                return c.error();
            o.clusters = *c;
            haveClusters = true;
        } else if (name == u"--current" || name == u"--capacity") {
            const auto m = parseCounts(value, name);
            if (!m)
                return m.error();
            (name == u"--current" ? o.current : o.capacity) = *m;
        } else if (name == u"--key") {
            o.key = value;
        } else if (name == u"--engine") {
            if (value == u"federation")
                o.engine = Placement::Engine::Federation;
            else if (value == u"karmada")
                o.engine = Placement::Engine::Karmada;
            else
                return Error{QStringLiteral("UsageError"),
                             QCoreApplication::translate(
                                     "Meridian::Cli",
                                     "--engine: must be federation or karmada, got \"%1\"")
                                     .arg(value)};
        } else {
            if (value != u"json" && value != u"table")
                return Error{QStringLiteral("UsageError"),
                             QCoreApplication::translate("Meridian::Cli",
                                                         "-o: must be json or table, got \"%1\"")
                                     .arg(value)};
            o.output = value;
        }
    }
    if (!havePrefs)
        return Error{QStringLiteral("UsageError"),
                     QCoreApplication::translate("Meridian::Cli", "--prefs is required")};
    if (!haveClusters)
        return Error{QStringLiteral("UsageError"),
                     QCoreApplication::translate("Meridian::Cli", "--clusters is required")};
    for (const auto *map : {&o.current, &o.capacity}) {
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            if (!o.clusters.contains(it.key())) {
                return Error{QStringLiteral("UsageError"),
                             QCoreApplication::translate("Meridian::Cli",
                                                         "%1: %2 is not in --clusters")
                                     .arg(map == &o.current ? QStringLiteral("--current")
                                                            : QStringLiteral("--capacity"),
                                          it.key())};
            }
        }
    }
    return o;
}

Result<QByteArray> readPrefs(const QString &path)
{
    QFile file;
    const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                     : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        return Error{QStringLiteral("IoError"),
                     QCoreApplication::translate("Meridian::Cli", "--prefs: cannot read %1: %2")
                             .arg(path, file.errorString())};
    }
    return file.readAll();
}

void writeTable(const PlanResult &result, const QStringList &clusters, QTextStream &out)
{
    const QString headers[3] = {QCoreApplication::translate("Meridian::Cli", "CLUSTER"),
                                QCoreApplication::translate("Meridian::Cli", "PLAN"),
                                QCoreApplication::translate("Meridian::Cli", "OVERFLOW")};
    qsizetype widths[3] = {headers[0].size(), headers[1].size(), headers[2].size()};
    for (const QString &name : clusters) {
        widths[0] = std::max(widths[0], name.size());
        widths[1] = std::max(widths[1], QString::number(result.plan.value(name)).size());
        widths[2] = std::max(widths[2], QString::number(result.overflow.value(name)).size());
    }
    const auto row = [&](const QString &a, const QString &b, const QString &c) {
        out << a.leftJustified(widths[0]) << "  " << b.rightJustified(widths[1]) << "  "
            << c.rightJustified(widths[2]) << '\n';
    };
    row(headers[0], headers[1], headers[2]);
    for (const QString &name : clusters) {
        row(name,
            QString::number(result.plan.value(name)),
            QString::number(result.overflow.value(name)));
    }
}

void writeJson(const PlanResult &result, const QStringList &clusters, QTextStream &out)
{
    QJsonObject plan;
    for (const QString &name : clusters)
        plan.insert(name, result.plan.value(name));
    QJsonObject overflow;
    for (auto it = result.overflow.cbegin(); it != result.overflow.cend(); ++it) {
        if (it.value() != 0)
            overflow.insert(it.key(), it.value());
    }
    QJsonObject root;
    root.insert(QStringLiteral("plan"), plan);
    root.insert(QStringLiteral("overflow"), overflow);
    out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

int fail(QTextStream &err, const QString &message)
{
    err << QCoreApplication::translate("Meridian::Cli", "meridianctl plan: %1").arg(message)
        << '\n';
    err.flush();
    return usageError;
}

} // namespace

int runPlan(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const auto options = parseArguments(args);
    if (!options)
        return fail(err, options.error().message + u'\n' + usage());
    const auto text = readPrefs(options->prefs);
    if (!text)
        return fail(err, text.error().message);
    const auto doc = Placement::PreferencesDocument::parse(*text);
    if (!doc) {
        const QString source
                = options->prefs == u"-"
                          ? QCoreApplication::translate("Meridian::Cli", "standard input")
                          : options->prefs;
        return fail(err,
                    QCoreApplication::translate("Meridian::Cli", "%1: %2")
                            .arg(source, doc.error().message));
    }
    for (const QString &note : doc->notes())
        err << QCoreApplication::translate("Meridian::Cli", "meridianctl plan: note: %1").arg(note)
            << '\n';

    const ReplicaPreferences &prefs = doc->preferences();
    const auto total = options->total ? options->total : prefs.totalReplicas;
    if (!total)
        return fail(err,
                    QCoreApplication::translate(
                            "Meridian::Cli",
                            "--total is required (the preferences do not give a total)"));
    const Placement::Engine engine = options->engine.value_or(Placement::engineFor(doc->format()));

    PlanResult result;
    if (engine == Placement::Engine::Federation) {
        if (doc->format() == Placement::PreferencesFormat::PropagationPolicy) {
            // Planning Karmada preferences with the Federation planner: say what is lost.
            const auto converted = Placement::convertPreferences(
                    prefs, Placement::PreferencesFormat::ReplicaSchedulingPreference);
            for (const QString &line : converted.notCarried)
                err << QCoreApplication::translate("Meridian::Cli",
                                                   "meridianctl plan: note: not carried over: %1")
                                .arg(line)
                    << '\n';
            result = planFederation(converted.preferences,
                                    *total,
                                    options->clusters,
                                    options->current,
                                    options->capacity,
                                    options->key);
        } else {
            result = planFederation(prefs,
                                    *total,
                                    options->clusters,
                                    options->current,
                                    options->capacity,
                                    options->key);
        }
    } else {
        ReplicaPreferences karmadaPrefs = prefs;
        if (doc->format() != Placement::PreferencesFormat::PropagationPolicy) {
            const auto converted = Placement::convertPreferences(
                    prefs, Placement::PreferencesFormat::PropagationPolicy);
            for (const QString &line : converted.notCarried)
                err << QCoreApplication::translate("Meridian::Cli",
                                                   "meridianctl plan: note: not carried over: %1")
                                .arg(line)
                    << '\n';
            karmadaPrefs = converted.preferences;
        }
        const auto planned = planKarmada(karmadaPrefs,
                                         *total,
                                         options->clusters,
                                         options->current,
                                         options->capacity);
        if (!planned)
            return fail(err, planned.error().message);
        result = *planned;
    }
    err.flush();

    if (options->output == u"table")
        writeTable(result, options->clusters, out);
    else
        writeJson(result, options->clusters, out);
    out.flush();
    return 0;
}

} // namespace Meridian::Cli

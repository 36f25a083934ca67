#include "output.h"

#include "cli.h"

#include <QCommandLineParser>
#include <QJsonArray>

#include <algorithm>

namespace Meridian::Cli {

void printRows(const QStringList &header, const QList<QStringList> &rows, QTextStream &out)
{
    QList<qsizetype> widths(header.size());
    for (qsizetype i = 0; i < header.size(); ++i)
        widths[i] = header[i].size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto print = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 == row.size() ? row[i] : row[i].leftJustified(widths[i] + 3);
        out << line.trimmed() << '\n';
    };
    print(header);
    for (const QStringList &row : rows)
        print(row);
}

QJsonObject clusterStatusJson(const ClusterStatus &c)
{
    QJsonObject json{{QStringLiteral("name"), c.name},
                     {QStringLiteral("context"), c.context},
                     {QStringLiteral("server"), c.server},
                     {QStringLiteral("version"), c.version},
                     {QStringLiteral("nodesReady"), c.nodesReady},
                     {QStringLiteral("nodesTotal"), c.nodesTotal},
                     {QStringLiteral("region"), c.region},
                     {QStringLiteral("state"), clusterStateName(c.state)},
                     {QStringLiteral("reason"), c.reason}};
    // What a Karmada Cluster object adds (absent for the Direct engine).
    if (!c.provider.isEmpty())
        json.insert(QStringLiteral("provider"), c.provider);
    if (!c.zones.isEmpty())
        json.insert(QStringLiteral("zones"), QJsonArray::fromStringList(c.zones));
    if (!c.location.isEmpty())
        json.insert(QStringLiteral("location"), c.location);
    if (!c.allocatableCpu.isEmpty() || !c.allocatableMemory.isEmpty()
        || !c.allocatablePods.isEmpty()) {
        json.insert(QStringLiteral("allocatable"),
                    QJsonObject{{QStringLiteral("cpu"), c.allocatableCpu},
                                {QStringLiteral("memory"), c.allocatableMemory},
                                {QStringLiteral("pods"), c.allocatablePods}});
    }
    return json;
}

std::optional<int> parseCommandLine(QCommandLineParser &parser,
                                    const QString &command,
                                    const QStringList &args,
                                    QTextStream &out,
                                    QTextStream &err)
{
    parser.addHelpOption();
    const QString name = QStringLiteral("meridianctl ") + command;
    if (!parser.parse(QStringList{name} + args)) {
        err << name << ": " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace Meridian::Cli

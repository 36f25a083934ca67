#include "output.h"

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
    return QJsonObject{{QStringLiteral("name"), c.name},
                       {QStringLiteral("context"), c.context},
                       {QStringLiteral("server"), c.server},
                       {QStringLiteral("version"), c.version},
                       {QStringLiteral("nodesReady"), c.nodesReady},
                       {QStringLiteral("nodesTotal"), c.nodesTotal},
                       {QStringLiteral("region"), c.region},
                       {QStringLiteral("state"), clusterStateName(c.state)},
                       {QStringLiteral("reason"), c.reason}};
}

} // namespace Meridian::Cli

#include "rollout/objectdiff.h"

#include <QJsonDocument>

#include <vector>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

QJsonObject comparable(QJsonObject object)
{
    QJsonObject metadata = object.value(u"metadata").toObject();
    for (const char *key :
         {"managedFields", "resourceVersion", "uid", "generation", "creationTimestamp"})
        metadata.remove(QLatin1String(key));
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    annotations.remove(u"deployment.kubernetes.io/revision"_s);
    if (annotations.isEmpty())
        metadata.remove(u"annotations"_s);
    else
        metadata.insert(u"annotations"_s, annotations);
    object.insert(u"metadata"_s, metadata);
    object.remove(u"status"_s);
    return object;
}

QStringList diffLines(const QStringList &a, const QStringList &b)
{
    // Longest common subsequence on lines; manifests are small (a few hundred lines).
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> lcs(static_cast<size_t>(n + 1),
                                      std::vector<int>(static_cast<size_t>(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            const auto ui = static_cast<size_t>(i);
            const auto uj = static_cast<size_t>(j);
            lcs[ui][uj] = a.at(i) == b.at(j) ? lcs[ui + 1][uj + 1] + 1
                                             : std::max(lcs[ui + 1][uj], lcs[ui][uj + 1]);
        }
    }
    QStringList script;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            script.append(u' ' + a.at(i));
            ++i;
            ++j;
        } else if (i < n
                   && (j == m
                       || lcs[static_cast<size_t>(i + 1)][static_cast<size_t>(j)]
                                  >= lcs[static_cast<size_t>(i)][static_cast<size_t>(j + 1)])) {
            script.append(u'-' + a.at(i)); // removals before additions, as diff -u prints them
            ++i;
        } else {
            script.append(u'+' + b.at(j));
            ++j;
        }
    }
    return script;
}

QString unifiedDiff(const QJsonObject &live,
                    const QJsonObject &proposed,
                    const QString &liveLabel,
                    const QString &proposedLabel)
{
    auto lines = [](const QJsonObject &object) {
        if (object.isEmpty())
            return QStringList();
        QString text = QString::fromUtf8(
                QJsonDocument(comparable(object)).toJson(QJsonDocument::Indented));
        QStringList list = text.split(u'\n');
        if (!list.isEmpty() && list.last().isEmpty())
            list.removeLast();
        return list;
    };
    const QStringList script = diffLines(lines(live), lines(proposed));
    QList<qsizetype> changed;
    for (qsizetype k = 0; k < script.size(); ++k) {
        if (!script.at(k).startsWith(u' '))
            changed.append(k);
    }
    if (changed.isEmpty())
        return {};
    QString out = u"--- "_s + liveLabel + u"\n+++ "_s + proposedLabel + u'\n';
    constexpr qsizetype context = 3;
    qsizetype k = 0;
    while (k < changed.size()) {
        const qsizetype from = std::max<qsizetype>(0, changed.at(k) - context);
        qsizetype to = changed.at(k);
        while (k + 1 < changed.size() && changed.at(k + 1) - to <= 2 * context)
            to = changed.at(++k);
        to = std::min(script.size() - 1, to + context);
        out += u"@@\n"_s;
        for (qsizetype l = from; l <= to; ++l)
            out += script.at(l) + u'\n';
        ++k;
    }
    return out;
}

} // namespace Meridian::Rollout

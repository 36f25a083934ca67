#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Meridian::Rollout {

// The object without what the server keeps for itself (managedFields, resourceVersion, uid,
// generation, creationTimestamp, status), so a diff shows only what applying changes.
QJsonObject comparable(QJsonObject object);

// A unified diff (3 lines of context, "@@" between hunks) of two objects as indented JSON;
// empty when they are equal. An empty `live` is a new object: every line added.
QString unifiedDiff(const QJsonObject &live,
                    const QJsonObject &proposed,
                    const QString &liveLabel,
                    const QString &proposedLabel);

// Line diff: the edit script over two line lists (' ' kept, '-' removed, '+' added).
QStringList diffLines(const QStringList &a, const QStringList &b);

} // namespace Meridian::Rollout

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace Meridian::Rollout {

// What `kubectl rollout undo` would do to one Deployment (FACTS.md §4.3).
struct UndoPlan
{
    bool skipped = false;      // the template already matches: nothing to send
    qint64 targetRevision = 0; // the revision rolled back to
    QString message;  // kubectl's words after "deployment.apps/NAME ": "rolled back", "skipped
                      // rollback (...)"
    QByteArray patch; // JSON Patch (application/json-patch+json); empty when skipped
    QJsonObject targetTemplate; // the ReplicaSet's template, pod-template-hash removed
};

// The annotations kubectl keeps from the Deployment instead of copying the ReplicaSet's.
const QStringList &undoSkippedAnnotations();

// kubectl's client-side undo, step for step: N < 0 and an unknown revision are errors, N == 0
// is the previous (second-highest) revision, a paused Deployment is refused with the upstream
// message, an equal template (pod-template-hash ignored) is skipped, otherwise a JSON Patch
// replaces /spec/template and /metadata/annotations. Error codes: NotFound, Paused, Invalid.
Result<UndoPlan> planUndo(const QJsonObject &deployment,
                          const QList<QJsonObject> &replicaSets,
                          qint64 toRevision);

// The revision of `deployment`'s history whose template has `templateKey` (history alignment
// picks rows by template; each cluster then rolls back to its own number). 0 when none.
qint64 revisionForTemplate(const QJsonObject &deployment,
                           const QList<QJsonObject> &replicaSets,
                           const QString &templateKey);

} // namespace Meridian::Rollout

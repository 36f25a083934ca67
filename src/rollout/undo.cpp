#include "rollout/undo.h"

#include "rollout/history.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

const QStringList &undoSkippedAnnotations()
{
    static const QStringList keys = {u"kubectl.kubernetes.io/last-applied-configuration"_s,
                                     u"deployment.kubernetes.io/revision"_s,
                                     u"deployment.kubernetes.io/revision-history"_s,
                                     u"deployment.kubernetes.io/desired-replicas"_s,
                                     u"deployment.kubernetes.io/max-replicas"_s,
                                     u"deprecated.deployment.rollback.to"_s};
    return keys;
}

Result<UndoPlan> planUndo(const QJsonObject &deployment,
                          const QList<QJsonObject> &replicaSets,
                          qint64 toRevision)
{
    const QJsonObject metadata = deployment.value(u"metadata").toObject();
    const QString name = metadata.value(u"name").toString();
    // Upstream messages, untranslated so scripts can match them as they match kubectl's.
    if (toRevision < 0)
        return Error{u"NotFound"_s,
                     u"unable to find specified revision %1 in history"_s.arg(toRevision)};
    const QList<Revision> revisions = revisionsOf(deployment, replicaSets);
    const Revision *target = nullptr;
    if (toRevision == 0) {
        if (revisions.size() < 2)
            return Error{u"NotFound"_s,
                         u"no rollout history found for deployment \"%1\""_s.arg(name)};
        target = &revisions.at(revisions.size() - 2);
    } else {
        for (const Revision &r : revisions) {
            if (r.number == toRevision)
                target = &r;
        }
        if (!target)
            return Error{u"NotFound"_s,
                         u"unable to find specified revision %1 in history"_s.arg(toRevision)};
    }
    const QJsonObject spec = deployment.value(u"spec").toObject();
    if (spec.value(u"paused").toBool()) {
        // FACTS.md 4.3 and kubectl 1.20 (tests/integration/realk8s) word for word; kubectl 1.32
        // leaves "deployment/NAME" out of its advice.
        return Error{u"Paused"_s,
                     u"you cannot rollback a paused deployment; resume it first with 'kubectl "
                     "rollout resume deployment/%1' and try again"_s.arg(name)};
    }
    UndoPlan plan;
    plan.targetRevision = target->number;
    plan.targetTemplate = withoutTemplateHash(target->podTemplate);
    if (templateKey(target->podTemplate) == templateKey(spec.value(u"template").toObject())) {
        plan.skipped = true;
        plan.message = u"skipped rollback (current template already matches revision %1)"_s.arg(
                toRevision);
        return plan;
    }
    const QJsonObject current = metadata.value(u"annotations").toObject();
    QJsonObject annotations;
    for (const QString &key : undoSkippedAnnotations()) {
        if (current.contains(key))
            annotations.insert(key, current.value(key));
    }
    for (auto it = target->annotations.begin(); it != target->annotations.end(); ++it) {
        if (!undoSkippedAnnotations().contains(it.key()))
            annotations.insert(it.key(), it.value());
    }
    const QJsonArray patch{
            QJsonObject{{u"op"_s, u"replace"_s},
                        {u"path"_s, u"/spec/template"_s},
                        {u"value"_s, plan.targetTemplate}},
            QJsonObject{{u"op"_s, u"replace"_s},
                        {u"path"_s, u"/metadata/annotations"_s},
                        {u"value"_s, annotations}},
    };
    plan.patch = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    plan.message = u"rolled back"_s;
    return plan;
}

qint64 revisionForTemplate(const QJsonObject &deployment,
                           const QList<QJsonObject> &replicaSets,
                           const QString &key)
{
    qint64 found = 0;
    for (const Revision &r : revisionsOf(deployment, replicaSets)) {
        if (r.templateKey == key)
            found = std::max(found, r.number);
    }
    return found;
}

} // namespace Meridian::Rollout

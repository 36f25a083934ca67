#include "rollout/memberplan.h"

#include "core/placement/planner.h"
#include "placement/preferencesdocument.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Rollout", text);
}

} // namespace

Result<MemberPlan> planMembers(const QList<ManifestObject> &objects,
                               const QStringList &clusters,
                               const QMap<QString, QMap<QString, qint64>> &current)
{
    MemberPlan plan;
    for (const QString &c : clusters)
        plan.objects.insert(c, {});
    for (const ManifestObject &object : objects) {
        if (object.isPropagationPolicy()) {
            return Error{u"Invalid"_s,
                         tr("%1: document %2, line %3: %4 is for the Karmada engine; apply it "
                            "with --engine karmada (Direct mode plans replicas from the "
                            "deployment-preferences annotation)")
                                 .arg(object.source)
                                 .arg(object.document)
                                 .arg(object.line)
                                 .arg(object.kind())};
        }
        if (!object.isDeployment()) {
            for (const QString &c : clusters)
                plan.objects[c].append(object);
            continue;
        }
        const QJsonObject metadata = object.object.value(u"metadata").toObject();
        const QJsonObject annotations = metadata.value(u"annotations").toObject();
        QString annotation
                = annotations.value(u"federation.kubernetes.io/deployment-preferences").toString();
        QString annotationKey
                = u"metadata.annotations.federation.kubernetes.io/deployment-preferences"_s;
        if (annotation.isEmpty()) {
            annotation = annotations.value(u"federation.kubernetes.io/replica-set-preferences")
                                 .toString();
            annotationKey
                    = u"metadata.annotations.federation.kubernetes.io/replica-set-preferences"_s;
        }
        const QString key = object.nameSpace() + u'/' + object.name();
        ReplicaPreferences prefs = ReplicaPreferences::evenSpread();
        if (annotation.isEmpty()) {
            plan.notes.append(tr("%1: no deployment-preferences annotation; spec.replicas is "
                                 "spread evenly over the members")
                                      .arg(object.displayName()));
        } else {
            const auto parsed
                    = Placement::PreferencesDocument::parseAnnotation(annotation.toUtf8());
            if (!parsed) {
                return Error{u"Invalid"_s,
                             tr("%1: document %2, line %3: %4: %5")
                                     .arg(object.source)
                                     .arg(object.document)
                                     .arg(object.lines.value(annotationKey, object.line))
                                     .arg(annotationKey, parsed.error().message)};
            }
            prefs = parsed->preferences();
        }
        const QJsonObject spec = object.object.value(u"spec").toObject();
        const qint64 total = prefs.totalReplicas.value_or(spec.value(u"replicas").toInteger(1));
        const PlanResult result
                = planFederation(prefs, total, clusters, current.value(key), {}, key);
        for (const QString &c : clusters) {
            ManifestObject member = object;
            QJsonObject memberSpec = spec;
            const qint64 replicas = result.plan.value(c);
            memberSpec.insert(u"replicas"_s, replicas);
            member.object.insert(u"spec"_s, memberSpec);
            plan.objects[c].append(member);
            plan.replicas[key].insert(c, replicas);
        }
        if (!result.overflow.isEmpty())
            plan.notes.append(tr("%1: some replicas could not be placed (the preferences' "
                                 "maxReplicas are too low)")
                                      .arg(object.displayName()));
    }
    return plan;
}

} // namespace Meridian::Rollout

#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Meridian::Sim {

// Field ownership the way kube-apiserver keeps it in metadata.managedFields (FieldsV1 sets with
// "f:" fields, "k:{...}" list elements by merge key and "." for an element itself), and
// server-side apply on top of it.
namespace ServerApply {

struct Conflict
{
    QString manager;
    QString operation; // "Apply" or "Update"
    QString apiVersion;
    QString subresource;
    QString field; // ".spec.replicas", ".spec.template.spec.containers[name=\"web\"].image"
};

struct Applied
{
    QJsonObject object; // the merged object, managedFields updated; invalid when conflicts
    QList<Conflict> conflicts;
};

// The FieldsV1 set an object's own fields make (status and server-set metadata excluded).
QJsonObject fieldsOf(const QJsonObject &object);

// After a create, update or non-apply patch by `manager`: it now owns the fields it changed,
// which nobody else owns any more; fields that are gone leave every set.
// `subresource` ("scale", "status") is recorded in the entry, as upstream does.
QJsonObject recordUpdate(const QJsonObject &before,
                         QJsonObject after,
                         const QString &manager,
                         const QString &time,
                         const QString &subresource = {});

// Server-side apply of `config` by `manager` onto `live` (empty: the object is new). Fields
// `manager` applied before and left out now are removed unless someone else owns them. A field
// another manager owns with a different value is a conflict unless `force`, which takes it over.
Applied apply(const QJsonObject &live,
              const QJsonObject &config,
              const QString &manager,
              bool force,
              const QString &time);

// kube-apiserver's message for a failed apply: "Apply failed with 1 conflict: conflict with ..."
QString conflictMessage(const QList<Conflict> &conflicts);
// How upstream names a manager in conflicts: "alice" for an applier, "kubectl-patch" using
// apps/v1 for an updater, with subresource "scale" when it wrote through one.
QString describeManager(const Conflict &conflict);

} // namespace ServerApply

} // namespace Meridian::Sim

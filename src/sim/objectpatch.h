#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Meridian::Sim {

// The four PATCH flavours kube-apiserver accepts, applied to JSON values. Errors carry the
// text upstream puts in its Status message; Error::code is "BadRequest" (malformed patch) or
// "Invalid" (a well-formed patch that cannot apply, like a failed "test").
namespace ObjectPatch {

// RFC 6902: add, remove, replace, move, copy, test.
Result<QJsonValue> applyJsonPatch(const QJsonValue &document, const QJsonValue &patch);
// RFC 7386: objects merge recursively, null deletes, everything else replaces.
QJsonValue applyMergePatch(const QJsonValue &target, const QJsonValue &patch);
// Kubernetes strategic merge patch for the built-in kinds: lists with a merge key (containers
// by name, ports by containerPort, volumeMounts by mountPath, ...) merge element-wise; the
// $patch (merge/replace/delete), $retainKeys, $setElementOrder and $deleteFromPrimitiveList
// directives are understood.
Result<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonObject &patch);

// The merge key of a list field in the built-in kinds ("name" for containers), empty when the
// list is atomic. `sample` is an element of the list, used to tell a Service port ("port") from
// a container port ("containerPort").
QString mergeKey(const QString &field, const QJsonValue &sample = {});
// Lists of scalars that strategic merge unions instead of replacing (finalizers).
bool isMergedScalarList(const QString &field);

} // namespace ObjectPatch

} // namespace Meridian::Sim

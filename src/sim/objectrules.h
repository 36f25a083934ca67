#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Meridian::Sim {

// What kube-apiserver does to an object before it stores it: defaulting and validation, for the
// kinds the simulator serves. `resource` is the storage key ("deployments.apps", "pods").
namespace ObjectRules {

struct Cause
{
    QString reason;  // FieldValueInvalid, FieldValueRequired, FieldValueNotSupported, ...
    QString message; // "Invalid value: -1: must be greater than or equal to 0"
    QString field;   // "spec.replicas"
};

QJsonObject applyDefaults(const QString &resource, QJsonObject object, quint64 seed);
QList<Cause> validate(const QString &resource, const QJsonObject &object);
// "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be ...", with
// the causes in brackets when there are several, as upstream's aggregate error prints them.
QString invalidMessage(const QString &qualifiedKind,
                       const QString &name,
                       const QList<Cause> &causes);

} // namespace ObjectRules

} // namespace Meridian::Sim

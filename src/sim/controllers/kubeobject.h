#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Meridian::Sim::Controllers {

// Small accessors over Kubernetes objects held as JSON, so controller code reads like the Go it
// mirrors (rs.Spec.Replicas, metav1.IsControlledBy ...) without a typed model of every kind.
namespace Kube {

QString name(const QJsonObject &object);
QString ns(const QJsonObject &object);
QString uid(const QJsonObject &object);
QDateTime creationTimestamp(const QJsonObject &object);
qint64 generation(const QJsonObject &object);
QJsonObject labels(const QJsonObject &object);
QJsonObject annotations(const QJsonObject &object);
QString annotation(const QJsonObject &object, const QString &key);
void setAnnotation(QJsonObject &object, const QString &key, const QString &value);
void setMetadataField(QJsonObject &object, const QString &field, const QJsonValue &value);

// Dotted paths through nested objects: value(d, u"spec.strategy.type").
QJsonValue value(const QJsonObject &object, QStringView path);
void setValue(QJsonObject &object, QStringView path, const QJsonValue &value);
qint64 intValue(const QJsonObject &object, QStringView path, qint64 fallback = 0);

QJsonObject ownerReference(const QJsonObject &owner,
                           const QString &apiVersion,
                           const QString &kind);
// metav1.GetControllerOf: the uid of the controlling owner, empty if none.
QString controllerUid(const QJsonObject &object);
bool isControlledBy(const QJsonObject &object, const QJsonObject &owner);

// matchLabels (and the simple matchExpressions operators) against a label map.
bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels);

QString formatTime(const QDateTime &time); // RFC 3339, second precision, "Z"
QDateTime parseTime(const QJsonValue &value);

// Conditions, as metav1/apps conditions: a list of {type, status, reason, message, times}.
std::optional<QJsonObject> condition(const QJsonObject &status, const QString &type);
bool conditionTrue(const QJsonObject &status, const QString &type);

// Resource quantities ("250m", "1", "128Mi", "1G") as milli-units, for cpu and memory requests.
qint64 parseQuantityMilli(const QJsonValue &value);

// Sum of container requests (limits when no request is given, as the apiserver defaults them).
qint64 podRequestMilli(const QJsonObject &podSpec, const QString &resource);
// core/v1 PodQOSClass: Guaranteed, Burstable or BestEffort.
QString qosClass(const QJsonObject &podSpec);
// Ready for at least minReadySeconds (podutil.IsPodAvailable).
bool podAvailable(const QJsonObject &pod, qint64 minReadySeconds, const QDateTime &now);
bool podActive(const QJsonObject &pod); // not terminal, not being deleted

// intstr.IntOrString scaled as upstream GetScaledValueFromIntOrPercent.
int scaledValue(const QJsonValue &intOrPercent, int total, bool roundUp);

// Canonical serialisation: QJsonObject keeps keys sorted, so compact JSON is stable.
QByteArray canonicalJson(const QJsonObject &object);

} // namespace Kube

} // namespace Meridian::Sim::Controllers

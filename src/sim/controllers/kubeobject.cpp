#include "sim/controllers/kubeobject.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::Controllers::Kube {

static QJsonObject metadata(const QJsonObject &object)
{
    return object.value(u"metadata").toObject();
}

QString name(const QJsonObject &object)
{
    return metadata(object).value(u"name").toString();
}

QString ns(const QJsonObject &object)
{
    return metadata(object).value(u"namespace").toString();
}

QString uid(const QJsonObject &object)
{
    return metadata(object).value(u"uid").toString();
}

QDateTime creationTimestamp(const QJsonObject &object)
{
    return parseTime(metadata(object).value(u"creationTimestamp"));
}

qint64 generation(const QJsonObject &object)
{
    return metadata(object).value(u"generation").toInteger();
}

QJsonObject labels(const QJsonObject &object)
{
    return metadata(object).value(u"labels").toObject();
}

QJsonObject annotations(const QJsonObject &object)
{
    return metadata(object).value(u"annotations").toObject();
}

QString annotation(const QJsonObject &object, const QString &key)
{
    return annotations(object).value(key).toString();
}

void setAnnotation(QJsonObject &object, const QString &key, const QString &value)
{
    QJsonObject a = annotations(object);
    a.insert(key, value);
    setMetadataField(object, u"annotations"_s, a);
}

void setMetadataField(QJsonObject &object, const QString &field, const QJsonValue &value)
{
    QJsonObject m = metadata(object);
    m.insert(field, value);
    object.insert(u"metadata", m);
}

QJsonValue value(const QJsonObject &object, QStringView path)
{
    QJsonValue current = object;
    for (const QStringView part : path.split(u'.')) {
        if (!current.isObject())
            return {};
        current = current.toObject().value(part);
    }
    return current;
}

static QJsonObject withValue(QJsonObject object,
                             const QList<QStringView> &parts,
                             qsizetype index,
                             const QJsonValue &value)
{
    if (index == parts.size() - 1) {
        if (value.isUndefined())
            object.remove(parts[index]);
        else
            object.insert(parts[index], value);
        return object;
    }
    const QJsonObject child = object.value(parts[index]).toObject();
    object.insert(parts[index], withValue(child, parts, index + 1, value));
    return object;
}

void setValue(QJsonObject &object, QStringView path, const QJsonValue &value)
{
    object = withValue(object, path.split(u'.'), 0, value);
}

qint64 intValue(const QJsonObject &object, QStringView path, qint64 fallback)
{
    const QJsonValue v = value(object, path);
    return v.isDouble() ? v.toInteger(fallback) : fallback;
}

QJsonObject ownerReference(const QJsonObject &owner, const QString &apiVersion, const QString &kind)
{
    return QJsonObject{{u"apiVersion"_s, apiVersion},
                       {u"kind"_s, kind},
                       {u"name"_s, name(owner)},
                       {u"uid"_s, uid(owner)},
                       {u"controller"_s, true},
                       {u"blockOwnerDeletion"_s, true}};
}

QString controllerUid(const QJsonObject &object)
{
    const QJsonArray refs = metadata(object).value(u"ownerReferences").toArray();
    for (const QJsonValue &ref : refs) {
        if (ref.toObject().value(u"controller").toBool())
            return ref.toObject().value(u"uid").toString();
    }
    return {};
}

bool isControlledBy(const QJsonObject &object, const QJsonObject &owner)
{
    const QString owned = controllerUid(object);
    return !owned.isEmpty() && owned == uid(owner);
}

bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels)
{
    const QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
    const QJsonArray expressions = selector.value(u"matchExpressions").toArray();
    // An empty selector selects nothing for controllers (upstream treats it as an error).
    if (matchLabels.isEmpty() && expressions.isEmpty())
        return false;
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            return false;
    }
    for (const QJsonValue &e : expressions) {
        const QJsonObject expr = e.toObject();
        const QString key = expr.value(u"key").toString();
        const QString op = expr.value(u"operator").toString();
        const QJsonArray values = expr.value(u"values").toArray();
        const bool has = labels.contains(key);
        const bool in = has && values.contains(labels.value(key));
        if ((op == u"In" && !in) || (op == u"NotIn" && in) || (op == u"Exists" && !has)
            || (op == u"DoesNotExist" && has))
            return false;
    }
    return true;
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QDateTime parseTime(const QJsonValue &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (t.isValid())
        t = t.toTimeZone(QTimeZone::utc());
    return t;
}

std::optional<QJsonObject> condition(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == type)
            return c.toObject();
    }
    return std::nullopt;
}

bool conditionTrue(const QJsonObject &status, const QString &type)
{
    const auto c = condition(status, type);
    return c && c->value(u"status").toString() == u"True";
}

qint64 parseQuantityMilli(const QJsonValue &value)
{
    if (value.isDouble())
        return static_cast<qint64>(std::llround(value.toDouble() * 1000));
    QString text = value.toString().trimmed();
    if (text.isEmpty())
        return 0;
    struct Suffix
    {
        QStringView text;
        double factor;
    };
    static const Suffix suffixes[] = {
            {u"Ki", 1024.0},
            {u"Mi", 1048576.0},
            {u"Gi", 1073741824.0},
            {u"Ti", 1099511627776.0},
            {u"m", 0.001},
            {u"k", 1e3},
            {u"M", 1e6},
            {u"G", 1e9},
            {u"T", 1e12},
    };
    double factor = 1.0;
    for (const Suffix &s : suffixes) {
        if (text.endsWith(s.text)) {
            factor = s.factor;
            text.chop(s.text.size());
            break;
        }
    }
    return static_cast<qint64>(std::llround(text.toDouble() * factor * 1000));
}

qint64 podRequestMilli(const QJsonObject &podSpec, const QString &resource)
{
    qint64 total = 0;
    for (const QJsonValue &c : podSpec.value(u"containers").toArray()) {
        const QJsonObject resources = c.toObject().value(u"resources").toObject();
        QJsonValue v = resources.value(u"requests").toObject().value(resource);
        if (v.isUndefined())
            v = resources.value(u"limits").toObject().value(resource);
        total += parseQuantityMilli(v);
    }
    return total;
}

QString qosClass(const QJsonObject &podSpec)
{
    bool anySet = false;
    bool guaranteed = true;
    for (const QJsonValue &c : podSpec.value(u"containers").toArray()) {
        const QJsonObject resources = c.toObject().value(u"resources").toObject();
        const QJsonObject requests = resources.value(u"requests").toObject();
        const QJsonObject limits = resources.value(u"limits").toObject();
        if (!requests.isEmpty() || !limits.isEmpty())
            anySet = true;
        for (const QString &r : {u"cpu"_s, u"memory"_s}) {
            const QJsonValue limit = limits.value(r);
            const QJsonValue request = requests.contains(r) ? requests.value(r) : limit;
            if (limit.isUndefined() || parseQuantityMilli(limit) != parseQuantityMilli(request))
                guaranteed = false;
        }
    }
    if (!anySet)
        return u"BestEffort"_s;
    return guaranteed ? u"Guaranteed"_s : u"Burstable"_s;
}

bool podAvailable(const QJsonObject &pod, qint64 minReadySeconds, const QDateTime &now)
{
    const auto ready = condition(pod.value(u"status").toObject(), u"Ready"_s);
    if (!ready || ready->value(u"status").toString() != u"True")
        return false;
    if (minReadySeconds <= 0)
        return true;
    const QDateTime since = parseTime(ready->value(u"lastTransitionTime"));
    return since.isValid() && since.addSecs(minReadySeconds) <= now;
}

bool podActive(const QJsonObject &pod)
{
    const QString phase = value(pod, u"status.phase").toString();
    return phase != u"Succeeded" && phase != u"Failed"
           && value(pod, u"metadata.deletionTimestamp").isUndefined();
}

int scaledValue(const QJsonValue &intOrPercent, int total, bool roundUp)
{
    if (intOrPercent.isDouble())
        return intOrPercent.toInt();
    QString text = intOrPercent.toString();
    if (!text.endsWith(u'%'))
        return text.toInt();
    text.chop(1);
    const double v = text.toDouble() * total / 100.0;
    return static_cast<int>(roundUp ? std::ceil(v) : std::floor(v));
}

QByteArray canonicalJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace Meridian::Sim::Controllers::Kube

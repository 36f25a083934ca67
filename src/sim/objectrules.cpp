#include "sim/objectrules.h"

#include "sim/deterministic.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::ObjectRules {

namespace {

void setDefault(QJsonObject &object, const QString &key, const QJsonValue &value)
{
    if (!object.contains(key) || object.value(key).isNull())
        object.insert(key, value);
}

QString imagePullPolicyFor(const QString &image)
{
    // Upstream: Always for ":latest" or no tag, IfNotPresent otherwise (digests count as tags).
    const QString last = image.section(u'/', -1);
    if (image.contains(u'@'))
        return u"IfNotPresent"_s;
    if (!last.contains(u':') || last.endsWith(u":latest"))
        return u"Always"_s;
    return u"IfNotPresent"_s;
}

QJsonArray containerDefaults(QJsonArray containers)
{
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject container = containers.at(i).toObject();
        setDefault(container, u"terminationMessagePath"_s, u"/dev/termination-log"_s);
        setDefault(container, u"terminationMessagePolicy"_s, u"File"_s);
        setDefault(container,
                   u"imagePullPolicy"_s,
                   imagePullPolicyFor(container.value(u"image").toString()));
        setDefault(container, u"resources"_s, QJsonObject());
        if (container.contains(u"ports")) {
            QJsonArray ports = container.value(u"ports").toArray();
            for (qsizetype p = 0; p < ports.size(); ++p) {
                QJsonObject port = ports.at(p).toObject();
                setDefault(port, u"protocol"_s, u"TCP"_s);
                ports.replace(p, port);
            }
            container.insert(u"ports", ports);
        }
        containers.replace(i, container);
    }
    return containers;
}

QJsonObject podSpecDefaults(QJsonObject spec)
{
    for (const QString &list : {u"containers"_s, u"initContainers"_s}) {
        if (spec.contains(list))
            spec.insert(list, containerDefaults(spec.value(list).toArray()));
    }
    setDefault(spec, u"restartPolicy"_s, u"Always"_s);
    setDefault(spec, u"terminationGracePeriodSeconds"_s, 30);
    setDefault(spec, u"dnsPolicy"_s, u"ClusterFirst"_s);
    setDefault(spec, u"securityContext"_s, QJsonObject());
    setDefault(spec, u"schedulerName"_s, u"default-scheduler"_s);
    return spec;
}

QJsonObject templateDefaults(QJsonObject podTemplate)
{
    QJsonObject metadata = podTemplate.value(u"metadata").toObject();
    setDefault(metadata, u"creationTimestamp"_s, QJsonValue::Null);
    podTemplate.insert(u"metadata", metadata);
    podTemplate.insert(u"spec", podSpecDefaults(podTemplate.value(u"spec").toObject()));
    return podTemplate;
}

QString goQuote(const QString &text)
{
    return u'"' + QString(text).replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s) + u'"';
}

QString goMap(const QJsonObject &map)
{
    QStringList parts;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        parts.append(goQuote(it.key()) + u':' + goQuote(it.value().toString()));
    return u"map[string]string{"_s + parts.join(u", "_s) + u'}';
}

Cause required(const QString &field, const QString &detail = {})
{
    return Cause{u"FieldValueRequired"_s,
                 detail.isEmpty() ? u"Required value"_s : u"Required value: "_s + detail,
                 field};
}

Cause invalid(const QString &field, const QString &value, const QString &detail)
{
    return Cause{u"FieldValueInvalid"_s, u"Invalid value: "_s + value + u": "_s + detail, field};
}

const QRegularExpression &dns1123Subdomain()
{
    static const QRegularExpression re(
            u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"_s);
    return re;
}

const QRegularExpression &dns1123Label()
{
    static const QRegularExpression re(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"_s);
    return re;
}

void validateName(const QString &resource, const QJsonObject &metadata, QList<Cause> *causes)
{
    const QString name = metadata.value(u"name").toString();
    if (name.isEmpty()) {
        causes->append(required(u"metadata.name"_s, u"name or generateName is required"_s));
        return;
    }
    if (resource == u"namespaces" || resource == u"services") {
        if (name.size() > 63 || !dns1123Label().match(name).hasMatch()) {
            causes->append(invalid(
                    u"metadata.name"_s,
                    goQuote(name),
                    u"a lowercase RFC 1123 label must consist of lower case alphanumeric "
                    u"characters or '-', and must start and end with an alphanumeric character "
                    u"(e.g. 'my-name',  or '123-abc', regex used for validation is "
                    u"'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"_s));
        }
        return;
    }
    if (name.size() > 253 || !dns1123Subdomain().match(name).hasMatch()) {
        causes->append(invalid(
                u"metadata.name"_s,
                goQuote(name),
                u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                u"characters, '-' or '.', and must start and end with an alphanumeric character "
                u"(e.g. 'example.com', regex used for validation is "
                u"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"_s));
    }
}

void validatePodSpec(const QJsonObject &spec, const QString &path, QList<Cause> *causes)
{
    const QJsonArray containers = spec.value(u"containers").toArray();
    if (containers.isEmpty()) {
        causes->append(required(path + u".containers"_s));
        return;
    }
    QStringList seen;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QJsonObject container = containers.at(i).toObject();
        const QString at = path + u".containers[%1]"_s.arg(i);
        const QString name = container.value(u"name").toString();
        if (name.isEmpty()) {
            causes->append(required(at + u".name"_s));
        } else if (!dns1123Label().match(name).hasMatch()) {
            causes->append(
                    invalid(at + u".name"_s,
                            goQuote(name),
                            u"a lowercase RFC 1123 label must consist of lower case "
                            u"alphanumeric characters or '-', and must start and end with "
                            u"an alphanumeric character (e.g. 'my-name',  or '123-abc', "
                            u"regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"_s));
        } else if (seen.contains(name)) {
            causes->append(Cause{u"FieldValueDuplicate"_s,
                                 u"Duplicate value: "_s + goQuote(name),
                                 at + u".name"_s});
        }
        seen.append(name);
        if (container.value(u"image").toString().trimmed().isEmpty())
            causes->append(required(at + u".image"_s));
    }
}

void validateWorkload(const QJsonObject &object, QList<Cause> *causes)
{
    const QJsonObject spec = object.value(u"spec").toObject();
    const QJsonValue replicas = spec.value(u"replicas");
    if (replicas.isDouble() && replicas.toDouble() < 0) {
        causes->append(invalid(u"spec.replicas"_s,
                               QString::number(replicas.toInteger()),
                               u"must be greater than or equal to 0"_s));
    }
    const QJsonObject selector = spec.value(u"selector").toObject();
    const QJsonObject templateLabels = spec[u"template"][u"metadata"][u"labels"].toObject();
    if (selector.isEmpty()) {
        causes->append(required(u"spec.selector"_s));
    } else {
        const QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
        if (matchLabels.isEmpty() && selector.value(u"matchExpressions").toArray().isEmpty()) {
            causes->append(invalid(u"spec.selector"_s,
                                   u"v1.LabelSelector{MatchLabels:map[string]string(nil), "
                                   u"MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"_s,
                                   u"empty selector is invalid for deployment"_s));
        }
        bool matches = true;
        for (auto it = matchLabels.constBegin(); it != matchLabels.constEnd(); ++it)
            matches = matches && templateLabels.value(it.key()) == it.value();
        if (!matches) {
            causes->append(invalid(u"spec.template.metadata.labels"_s,
                                   goMap(templateLabels),
                                   u"`selector` does not match template `labels`"_s));
        }
    }
    validatePodSpec(spec[u"template"][u"spec"].toObject(), u"spec.template.spec"_s, causes);
}

} // namespace

QJsonObject applyDefaults(const QString &resource, QJsonObject object, quint64 seed)
{
    QJsonObject spec = object.value(u"spec").toObject();
    if (resource == u"deployments.apps") {
        setDefault(spec, u"replicas"_s, 1);
        QJsonObject strategy = spec.value(u"strategy").toObject();
        setDefault(strategy, u"type"_s, u"RollingUpdate"_s);
        if (strategy.value(u"type") == u"RollingUpdate"_s) {
            QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
            setDefault(rolling, u"maxUnavailable"_s, u"25%"_s);
            setDefault(rolling, u"maxSurge"_s, u"25%"_s);
            strategy.insert(u"rollingUpdate", rolling);
        }
        spec.insert(u"strategy", strategy);
        setDefault(spec, u"revisionHistoryLimit"_s, 10);
        setDefault(spec, u"progressDeadlineSeconds"_s, 600);
        spec.insert(u"template", templateDefaults(spec.value(u"template").toObject()));
        setDefault(object, u"status"_s, QJsonObject());
    } else if (resource == u"replicasets.apps") {
        setDefault(spec, u"replicas"_s, 1);
        spec.insert(u"template", templateDefaults(spec.value(u"template").toObject()));
        setDefault(object, u"status"_s, QJsonObject{{u"replicas"_s, 0}});
    } else if (resource == u"pods") {
        spec = podSpecDefaults(spec);
        setDefault(spec, u"enableServiceLinks"_s, true);
        setDefault(spec, u"preemptionPolicy"_s, u"PreemptLowerPriority"_s);
        setDefault(spec, u"priority"_s, 0);
        setDefault(spec, u"serviceAccountName"_s, u"default"_s);
        setDefault(spec, u"serviceAccount"_s, u"default"_s);
        QJsonObject status = object.value(u"status").toObject();
        setDefault(status, u"phase"_s, u"Pending"_s);
        setDefault(status, u"qosClass"_s, u"BestEffort"_s);
        object.insert(u"status", status);
    } else if (resource == u"services") {
        setDefault(spec, u"type"_s, u"ClusterIP"_s);
        setDefault(spec, u"sessionAffinity"_s, u"None"_s);
        QJsonArray ports = spec.value(u"ports").toArray();
        for (qsizetype i = 0; i < ports.size(); ++i) {
            QJsonObject port = ports.at(i).toObject();
            setDefault(port, u"protocol"_s, u"TCP"_s);
            setDefault(port, u"targetPort"_s, port.value(u"port"));
            ports.replace(i, port);
        }
        if (!ports.isEmpty())
            spec.insert(u"ports", ports);
        if (spec.value(u"clusterIP").toString().isEmpty()) {
            // Derived from the name so a seed always gives one Service the same address.
            Prng ip(stableHash(seed,
                               QString(u"clusterIP/"_s
                                       + object[u"metadata"][u"namespace"].toString() + u'/'
                                       + object[u"metadata"][u"name"].toString())));
            const quint64 n = ip.next();
            const QString address = u"10.96.%1.%2"_s.arg((n >> 8) % 256).arg(n % 253 + 2);
            spec.insert(u"clusterIP", address);
            spec.insert(u"clusterIPs", QJsonArray{address});
        }
        setDefault(spec, u"ipFamilies"_s, QJsonArray{u"IPv4"_s});
        setDefault(spec, u"ipFamilyPolicy"_s, u"SingleStack"_s);
        setDefault(spec, u"internalTrafficPolicy"_s, u"Cluster"_s);
        setDefault(object, u"status"_s, QJsonObject{{u"loadBalancer"_s, QJsonObject()}});
    } else if (resource == u"namespaces") {
        QJsonObject metadata = object.value(u"metadata").toObject();
        QJsonObject labels = metadata.value(u"labels").toObject();
        labels.insert(u"kubernetes.io/metadata.name", metadata.value(u"name"));
        metadata.insert(u"labels", labels);
        object.insert(u"metadata", metadata);
        setDefault(spec, u"finalizers"_s, QJsonArray{u"kubernetes"_s});
        QJsonObject status = object.value(u"status").toObject();
        setDefault(status, u"phase"_s, u"Active"_s);
        object.insert(u"status", status);
    }
    if (!spec.isEmpty() || object.contains(u"spec"))
        object.insert(u"spec", spec);
    return object;
}

QList<Cause> validate(const QString &resource, const QJsonObject &object)
{
    QList<Cause> causes;
    validateName(resource, object.value(u"metadata").toObject(), &causes);
    if (resource == u"deployments.apps" || resource == u"replicasets.apps")
        validateWorkload(object, &causes);
    else if (resource == u"pods")
        validatePodSpec(object.value(u"spec").toObject(), u"spec"_s, &causes);
    return causes;
}

QString invalidMessage(const QString &qualifiedKind,
                       const QString &name,
                       const QList<Cause> &causes)
{
    QStringList parts;
    for (const Cause &cause : causes)
        parts.append(cause.field + u": "_s + cause.message);
    const QString list = parts.size() == 1 ? parts.first() : u'[' + parts.join(u", "_s) + u']';
    return qualifiedKind + u" \""_s + name + u"\" is invalid: "_s + list;
}

} // namespace Meridian::Sim::ObjectRules

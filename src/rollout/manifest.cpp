#include "rollout/manifest.h"

#include "yaml/yamljson.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Rollout", text);
}

struct KnownKind
{
    const char *apiVersion;
    const char *kind;
    ResourceMapping mapping;
};

const QList<KnownKind> &knownKinds()
{
    static const QList<KnownKind> kinds = {
            {"apps/v1", "Deployment", {u"apps"_s, u"v1"_s, u"deployments"_s, true}},
            {"apps/v1", "StatefulSet", {u"apps"_s, u"v1"_s, u"statefulsets"_s, true}},
            {"apps/v1", "DaemonSet", {u"apps"_s, u"v1"_s, u"daemonsets"_s, true}},
            {"v1", "Service", {QString(), u"v1"_s, u"services"_s, true}},
            {"v1", "ConfigMap", {QString(), u"v1"_s, u"configmaps"_s, true}},
            {"v1", "Secret", {QString(), u"v1"_s, u"secrets"_s, true}},
            {"v1", "ServiceAccount", {QString(), u"v1"_s, u"serviceaccounts"_s, true}},
            {"v1", "Namespace", {QString(), u"v1"_s, u"namespaces"_s, false}},
            {"policy.karmada.io/v1alpha1",
             "PropagationPolicy",
             {u"policy.karmada.io"_s, u"v1alpha1"_s, u"propagationpolicies"_s, true}},
            {"policy.karmada.io/v1alpha1",
             "ClusterPropagationPolicy",
             {u"policy.karmada.io"_s, u"v1alpha1"_s, u"clusterpropagationpolicies"_s, false}},
    };
    return kinds;
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return tr("nothing (null)");
    case QJsonValue::Bool: return tr("the boolean %1").arg(value.toBool() ? u"true"_s : u"false"_s);
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return tr("the number %1")
                .arg(d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(value.toInteger())
                                                              : QString::number(d));
    }
    case QJsonValue::String: return tr("the string \"%1\"").arg(value.toString());
    case QJsonValue::Array: return tr("a list");
    case QJsonValue::Object: return tr("a mapping");
    case QJsonValue::Undefined: return tr("nothing");
    }
    return {};
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return d == std::floor(d);
}

class Checker
{
    // lupdate files the messages of a class under the class: make tr() agree at run time.
    Q_DECLARE_TR_FUNCTIONS(Meridian::Rollout::Checker)

public:
    Checker(const QString &source, const Yaml::Document &document)
        : m_source(source)
        , m_document(document)
    {}

    std::optional<Error> error;

    void failAt(const QString &path, const QString &message)
    {
        if (error)
            return;
        const QString field = path.isEmpty() ? QString() : path + u": "_s;
        error = Error{u"Invalid"_s,
                      tr("%1: document %2, line %3: %4%5")
                              .arg(m_source)
                              .arg(m_document.index)
                              .arg(m_document.lineOf(path))
                              .arg(field, message)};
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }

    // Returns false (and records the error) when present with the wrong type.
    bool expectString(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isString())
            return true;
        failAt(join(path, key),
               value.isDouble() || value.isBool()
                       ? tr("expected a string, got %1 (put it in quotes)").arg(describe(value))
                       : tr("expected a string, got %1").arg(describe(value)));
        return false;
    }

    bool requireString(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().isEmpty())) {
            failAt(value.isUndefined() ? path : join(path, key), tr("%1 is required").arg(key));
            return false;
        }
        return expectString(object, path, key);
    }

    bool expectInteger(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull() || isInteger(value))
            return true;
        bool numeric = false;
        value.toString().toLongLong(&numeric);
        failAt(join(path, key),
               numeric ? tr("expected an integer, got %1 (remove the quotes)").arg(describe(value))
                       : tr("expected an integer, got %1").arg(describe(value)));
        return false;
    }

    bool expectObject(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull() || value.isObject())
            return true;
        failAt(join(path, key), tr("expected a mapping, got %1").arg(describe(value)));
        return false;
    }

    bool expectArray(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull() || value.isArray())
            return true;
        failAt(join(path, key), tr("expected a list, got %1").arg(describe(value)));
        return false;
    }

    void stringMap(const QJsonObject &object, const QString &path, const QString &key)
    {
        if (!expectObject(object, path, key))
            return;
        const QJsonObject map = object.value(key).toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!expectString(map, join(path, key), it.key()))
                return;
        }
    }

    void metadata(const QJsonObject &meta, const QString &path, bool needName)
    {
        static const QRegularExpression dns1123(
                u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"_s);
        if (needName) {
            if (!meta.contains(u"generateName") && !requireString(meta, path, u"name"_s))
                return;
            const QString name = meta.value(u"name").toString();
            if (!name.isEmpty() && (name.size() > 253 || !dns1123.match(name).hasMatch())) {
                failAt(join(path, u"name"_s),
                       tr("\"%1\" is not a valid name: lower case letters, digits, '-' and '.', "
                          "starting and ending with a letter or digit")
                               .arg(name));
                return;
            }
            if (!expectString(meta, path, u"namespace"_s))
                return;
        }
        stringMap(meta, path, u"labels"_s);
        stringMap(meta, path, u"annotations"_s);
    }

    void container(const QJsonObject &c, const QString &path)
    {
        if (!requireString(c, path, u"name"_s) || !requireString(c, path, u"image"_s))
            return;
        expectArray(c, path, u"env"_s);
        const QJsonArray env = c.value(u"env").toArray();
        for (int i = 0; i < env.size() && !error; ++i) {
            const QString p = path + u".env["_s + QString::number(i) + u']';
            if (!env.at(i).isObject()) {
                failAt(p,
                       tr("expected a mapping with name and value, got %1")
                               .arg(describe(env.at(i))));
                return;
            }
            const QJsonObject e = env.at(i).toObject();
            requireString(e, p, u"name"_s);
            expectString(e, p, u"value"_s);
        }
        expectArray(c, path, u"ports"_s);
        const QJsonArray ports = c.value(u"ports").toArray();
        for (int i = 0; i < ports.size() && !error; ++i) {
            const QString p = path + u".ports["_s + QString::number(i) + u']';
            const QJsonObject port = ports.at(i).toObject();
            if (!port.contains(u"containerPort")) {
                failAt(p, tr("containerPort is required"));
                return;
            }
            expectInteger(port, p, u"containerPort"_s);
        }
        expectArray(c, path, u"args"_s);
        expectArray(c, path, u"command"_s);
        for (const QString &list : {u"args"_s, u"command"_s}) {
            const QJsonArray items = c.value(list).toArray();
            for (int i = 0; i < items.size() && !error; ++i) {
                if (!items.at(i).isString()) {
                    failAt(path + u'.' + list + u'[' + QString::number(i) + u']',
                           tr("expected a string, got %1 (put it in quotes)")
                                   .arg(describe(items.at(i))));
                }
            }
        }
    }

    void podTemplate(const QJsonObject &spec, const QString &specPath)
    {
        if (!spec.contains(u"template")) {
            failAt(specPath, tr("template is required"));
            return;
        }
        if (!expectObject(spec, specPath, u"template"_s))
            return;
        const QString path = join(specPath, u"template"_s);
        const QJsonObject tmpl = spec.value(u"template").toObject();
        if (!expectObject(tmpl, path, u"metadata"_s))
            return;
        metadata(tmpl.value(u"metadata").toObject(), join(path, u"metadata"_s), false);
        if (error || !expectObject(tmpl, path, u"spec"_s))
            return;
        const QString podPath = join(path, u"spec"_s);
        const QJsonObject pod = tmpl.value(u"spec").toObject();
        if (!pod.contains(u"containers") || pod.value(u"containers").toArray().isEmpty()) {
            if (expectArray(pod, podPath, u"containers"_s))
                failAt(pod.contains(u"containers") ? join(podPath, u"containers"_s) : podPath,
                       tr("at least one container is required"));
            return;
        }
        if (!expectArray(pod, podPath, u"containers"_s))
            return;
        for (const QString &list : {u"initContainers"_s, u"containers"_s}) {
            if (!expectArray(pod, podPath, list))
                return;
            const QJsonArray containers = pod.value(list).toArray();
            QStringList names;
            for (int i = 0; i < containers.size() && !error; ++i) {
                const QString p = podPath + u'.' + list + u'[' + QString::number(i) + u']';
                if (!containers.at(i).isObject()) {
                    failAt(p,
                           tr("expected a container (a mapping), got %1")
                                   .arg(describe(containers.at(i))));
                    return;
                }
                container(containers.at(i).toObject(), p);
                const QString name = containers.at(i).toObject().value(u"name").toString();
                if (!error && names.contains(name))
                    failAt(p + u".name"_s, tr("duplicate container name \"%1\"").arg(name));
                names.append(name);
            }
        }
    }

    void workload(const QJsonObject &object)
    {
        if (!expectObject(object, QString(), u"spec"_s))
            return;
        if (!object.contains(u"spec")) {
            failAt(QString(), tr("spec is required"));
            return;
        }
        const QJsonObject spec = object.value(u"spec").toObject();
        if (!expectInteger(spec, u"spec"_s, u"replicas"_s))
            return;
        if (spec.value(u"replicas").toInteger() < 0) {
            failAt(u"spec.replicas"_s, tr("must be 0 or more"));
            return;
        }
        for (const QString &key :
             {u"progressDeadlineSeconds"_s, u"minReadySeconds"_s, u"revisionHistoryLimit"_s}) {
            if (!expectInteger(spec, u"spec"_s, key))
                return;
        }
        if (!expectObject(spec, u"spec"_s, u"selector"_s))
            return;
        const QJsonObject selector = spec.value(u"selector").toObject();
        stringMap(selector, u"spec.selector"_s, u"matchLabels"_s);
        if (error)
            return;
        podTemplate(spec, u"spec"_s);
        if (error)
            return;
        // The selector must select the template (the API server's own rule, caught earlier).
        const QJsonObject labels = spec.value(u"template")
                                           .toObject()
                                           .value(u"metadata")
                                           .toObject()
                                           .value(u"labels")
                                           .toObject();
        const QJsonObject match = selector.value(u"matchLabels").toObject();
        for (auto it = match.begin(); it != match.end(); ++it) {
            if (labels.value(it.key()) != it.value()) {
                failAt(u"spec.template.metadata.labels"_s,
                       tr("the selector's %1=%2 does not match the template's labels")
                               .arg(it.key(), it.value().toString()));
                return;
            }
        }
    }

    void service(const QJsonObject &object)
    {
        const QJsonArray ports = object.value(u"spec").toObject().value(u"ports").toArray();
        for (int i = 0; i < ports.size() && !error; ++i) {
            const QString p = u"spec.ports["_s + QString::number(i) + u']';
            const QJsonObject port = ports.at(i).toObject();
            expectInteger(port, p, u"port"_s);
        }
    }

private:
    QString m_source;
    const Yaml::Document &m_document;
};

} // namespace

QString ResourceMapping::kindPrefix(const QString &kind) const
{
    return group.isEmpty() ? kind.toLower() : kind.toLower() + u'.' + group;
}

QString ResourceMapping::qualifiedResource() const
{
    return group.isEmpty() ? resource : resource + u'.' + group;
}

std::optional<ResourceMapping> mappingFor(const QString &apiVersion, const QString &kind)
{
    for (const KnownKind &known : knownKinds()) {
        if (apiVersion == QLatin1String(known.apiVersion) && kind == QLatin1String(known.kind))
            return known.mapping;
    }
    return std::nullopt;
}

QString ManifestObject::apiVersion() const
{
    return object.value(u"apiVersion").toString();
}

QString ManifestObject::kind() const
{
    return object.value(u"kind").toString();
}

QString ManifestObject::name() const
{
    return object.value(u"metadata").toObject().value(u"name").toString();
}

QString ManifestObject::nameSpace() const
{
    return object.value(u"metadata").toObject().value(u"namespace").toString();
}

QString ManifestObject::displayName() const
{
    return mapping.kindPrefix(kind()) + u'/' + name();
}

QString ManifestObject::collectionPath() const
{
    QString path = mapping.group.isEmpty()
                           ? QString(u"/api/"_s + mapping.version)
                           : QString(u"/apis/"_s + mapping.group + u'/' + mapping.version);
    if (mapping.namespaced)
        path += u"/namespaces/"_s + nameSpace();
    return path + u'/' + mapping.resource;
}

QString ManifestObject::objectPath() const
{
    return collectionPath() + u'/' + name();
}

bool ManifestObject::isDeployment() const
{
    return kind() == u"Deployment" && apiVersion() == u"apps/v1";
}

bool ManifestObject::isPropagationPolicy() const
{
    return mapping.group == u"policy.karmada.io";
}

Result<QList<ManifestObject>> loadManifest(const QByteArray &text,
                                           const QString &source,
                                           const QString &defaultNamespace)
{
    Result<QList<Yaml::Document>> documents = Yaml::parseDocuments(text);
    if (!documents)
        return Error{u"ParseError"_s, source + u": "_s + documents.error().message};
    QList<ManifestObject> objects;
    for (const Yaml::Document &document : std::as_const(*documents)) {
        Checker check(source, document);
        if (!document.value.isObject()) {
            check.failAt(QString(),
                         tr("expected an object with apiVersion and kind, got %1")
                                 .arg(describe(document.value)));
            return *check.error;
        }
        QList<std::pair<QJsonObject, QString>> items{{document.value.toObject(), QString()}};
        const QJsonObject root = document.value.toObject();
        if (root.value(u"kind").toString() == u"List" && root.value(u"items").isArray()) {
            items.clear();
            const QJsonArray array = root.value(u"items").toArray();
            for (int i = 0; i < array.size(); ++i)
                items.append({array.at(i).toObject(), u"items["_s + QString::number(i) + u']'});
        }
        for (const auto &[object, prefix] : std::as_const(items)) {
            auto at = [&](const QString &path) -> QString {
                if (prefix.isEmpty())
                    return path;
                return path.isEmpty() ? prefix : QString(prefix + u'.' + path);
            };
            if (!check.requireString(object, at(QString()), u"apiVersion"_s)
                || !check.requireString(object, at(QString()), u"kind"_s))
                return *check.error;
            const QString apiVersion = object.value(u"apiVersion").toString();
            const QString kind = object.value(u"kind").toString();
            const std::optional<ResourceMapping> mapping = mappingFor(apiVersion, kind);
            if (!mapping) {
                QStringList known;
                for (const KnownKind &k : knownKinds())
                    known.append(QLatin1String(k.apiVersion) + u' ' + QLatin1String(k.kind));
                check.failAt(at(u"kind"_s),
                             tr("Meridian does not apply %1 %2; it applies %3")
                                     .arg(apiVersion, kind, known.join(u", "_s)));
                return *check.error;
            }
            if (!object.contains(u"metadata")) {
                check.failAt(at(QString()), tr("metadata is required"));
                return *check.error;
            }
            if (!check.expectObject(object, at(QString()), u"metadata"_s))
                return *check.error;
            check.metadata(object.value(u"metadata").toObject(), at(u"metadata"_s), true);
            if (!check.error && prefix.isEmpty()) {
                if (kind == u"Deployment" || kind == u"StatefulSet" || kind == u"DaemonSet")
                    check.workload(object);
                else if (kind == u"Service")
                    check.service(object);
            }
            if (check.error)
                return *check.error;
            if (object.value(u"metadata").toObject().contains(u"managedFields")) {
                check.failAt(at(u"metadata.managedFields"_s),
                             tr("remove managedFields: an applied object must not carry them"));
                return *check.error;
            }

            ManifestObject item;
            item.source = source;
            item.document = document.index;
            item.line = document.lineOf(prefix);
            item.object = object;
            item.mapping = *mapping;
            item.lines = document.lines;
            QJsonObject meta = object.value(u"metadata").toObject();
            if (mapping->namespaced && meta.value(u"namespace").toString().isEmpty()) {
                meta.insert(u"namespace"_s, defaultNamespace);
                item.object.insert(u"metadata"_s, meta);
            } else if (!mapping->namespaced) {
                meta.remove(u"namespace"_s);
                item.object.insert(u"metadata"_s, meta);
            }
            objects.append(std::move(item));
        }
    }
    if (objects.isEmpty())
        return Error{u"Invalid"_s, tr("%1: no objects to apply").arg(source)};
    return objects;
}

} // namespace Meridian::Rollout

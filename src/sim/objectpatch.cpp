#include "sim/objectpatch.h"

#include <QJsonDocument>
#include <QStringList>

#include <functional>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::ObjectPatch {

namespace {

Error badRequest(const QString &message)
{
    return Error{u"BadRequest"_s, message};
}

Error invalid(const QString &message)
{
    return Error{u"Invalid"_s, message};
}

std::optional<QStringList> pointerTokens(const QString &pointer)
{
    if (pointer.isEmpty())
        return QStringList();
    if (!pointer.startsWith(u'/'))
        return std::nullopt;
    QStringList tokens = pointer.mid(1).split(u'/');
    for (QString &token : tokens)
        token = token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
    return tokens;
}

std::optional<qsizetype> arrayIndex(const QString &token, qsizetype size, bool allowEnd)
{
    if (allowEnd && token == u"-")
        return size;
    bool ok = false;
    const qsizetype index = token.toLongLong(&ok);
    if (!ok || index < 0 || index > (allowEnd ? size : size - 1)
        || (token.size() > 1 && token.startsWith(u'0')))
        return std::nullopt;
    return index;
}

std::optional<QJsonValue> valueAt(const QJsonValue &root, const QStringList &tokens)
{
    QJsonValue node = root;
    for (const QString &token : tokens) {
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            if (!object.contains(token))
                return std::nullopt;
            node = object.value(token);
        } else if (node.isArray()) {
            const QJsonArray array = node.toArray();
            const auto index = arrayIndex(token, array.size(), false);
            if (!index)
                return std::nullopt;
            node = array.at(*index);
        } else {
            return std::nullopt;
        }
    }
    return node;
}

// Runs `edit` on the container holding the last token and writes the changed copies back up.
using Edit = std::function<std::optional<QString>(QJsonValue &container, const QString &token)>;

std::optional<QString> editAt(QJsonValue &node,
                              const QStringList &tokens,
                              qsizetype depth,
                              const Edit &edit)
{
    if (depth + 1 == tokens.size())
        return edit(node, tokens[depth]);
    const QString &token = tokens[depth];
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (!object.contains(token))
            return u"missing value"_s;
        QJsonValue child = object.value(token);
        if (auto error = editAt(child, tokens, depth + 1, edit))
            return error;
        object.insert(token, child);
        node = object;
        return std::nullopt;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const auto index = arrayIndex(token, array.size(), false);
        if (!index)
            return u"invalid index referenced: "_s + token;
        QJsonValue child = array.at(*index);
        if (auto error = editAt(child, tokens, depth + 1, edit))
            return error;
        array.replace(*index, child);
        node = array;
        return std::nullopt;
    }
    return u"invalid path"_s;
}

std::optional<QString> addValue(QJsonValue &root,
                                const QStringList &tokens,
                                const QJsonValue &value)
{
    if (tokens.isEmpty()) {
        root = value;
        return std::nullopt;
    }
    return editAt(root, tokens, 0, [&value](QJsonValue &container, const QString &token) {
        if (container.isObject()) {
            QJsonObject object = container.toObject();
            object.insert(token, value);
            container = object;
            return std::optional<QString>();
        }
        if (container.isArray()) {
            QJsonArray array = container.toArray();
            const auto index = arrayIndex(token, array.size(), true);
            if (!index)
                return std::optional<QString>(u"invalid index referenced: "_s + token);
            array.insert(*index, value);
            container = array;
            return std::optional<QString>();
        }
        return std::optional<QString>(u"invalid path"_s);
    });
}

std::optional<QString> removeValue(QJsonValue &root, const QStringList &tokens)
{
    if (tokens.isEmpty())
        return u"cannot remove the whole document"_s;
    return editAt(root, tokens, 0, [](QJsonValue &container, const QString &token) {
        if (container.isObject()) {
            QJsonObject object = container.toObject();
            if (!object.contains(token))
                return std::optional<QString>(u"missing value"_s);
            object.remove(token);
            container = object;
            return std::optional<QString>();
        }
        if (container.isArray()) {
            QJsonArray array = container.toArray();
            const auto index = arrayIndex(token, array.size(), false);
            if (!index)
                return std::optional<QString>(u"invalid index referenced: "_s + token);
            array.removeAt(*index);
            container = array;
            return std::optional<QString>();
        }
        return std::optional<QString>(u"invalid path"_s);
    });
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// Two JSON values are equal as JSON, where 1 and 1.0 are the same number.
bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

QJsonValue strategicValue(const QString &field,
                          const QJsonValue &original,
                          const QJsonValue &patch);

QJsonArray mergeLists(const QString &field, const QJsonArray &original, const QJsonArray &patch)
{
    if (isMergedScalarList(field)) {
        QJsonArray out = original;
        for (const QJsonValue &value : patch) {
            if (!out.contains(value))
                out.append(value);
        }
        return out;
    }
    const QString key = mergeKey(field, patch.isEmpty() ? original.first() : patch.first());
    if (key.isEmpty())
        return patch;
    // {"$patch": "replace"} anywhere in the list: the rest of the patch list is the new list.
    for (const QJsonValue &element : patch) {
        if (element.toObject().value(u"$patch").toString() == u"replace") {
            QJsonArray out;
            for (const QJsonValue &e : patch) {
                if (e.toObject().value(u"$patch").toString() != u"replace")
                    out.append(e);
            }
            return out;
        }
    }
    QJsonArray out = original;
    const auto find = [&out, &key](const QJsonValue &value) -> qsizetype {
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (sameJson(out.at(i).toObject().value(key), value))
                return i;
        }
        return -1;
    };
    for (const QJsonValue &element : patch) {
        QJsonObject item = element.toObject();
        const qsizetype at = find(item.value(key));
        if (item.value(u"$patch").toString() == u"delete") {
            if (at >= 0)
                out.removeAt(at);
            continue;
        }
        if (at >= 0) {
            out.replace(at, strategicValue(field, out.at(at), item));
        } else {
            item.remove(u"$patch");
            out.append(strategicValue(field, QJsonObject(), item));
        }
    }
    return out;
}

QJsonObject mergeObjects(const QJsonObject &original, const QJsonObject &patch)
{
    QJsonObject out = original;
    const QString directive = patch.value(u"$patch").toString();
    if (directive == u"replace") {
        QJsonObject replaced = patch;
        replaced.remove(u"$patch");
        return replaced;
    }
    if (patch.contains(u"$retainKeys")) {
        const QJsonArray keep = patch.value(u"$retainKeys").toArray();
        for (const QString &key : out.keys()) {
            if (!keep.contains(key))
                out.remove(key);
        }
    }
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"$patch" || key == u"$retainKeys" || key.startsWith(u"$setElementOrder/"))
            continue;
        if (key.startsWith(u"$deleteFromPrimitiveList/")) {
            const QString field = key.mid(25);
            QJsonArray list = out.value(field).toArray();
            for (const QJsonValue &gone : it.value().toArray()) {
                for (qsizetype i = list.size() - 1; i >= 0; --i) {
                    if (list.at(i) == gone)
                        list.removeAt(i);
                }
            }
            out.insert(field, list);
            continue;
        }
        if (it.value().isNull()) {
            out.remove(key);
            continue;
        }
        if (it.value().isObject() && it.value().toObject().value(u"$patch") == u"delete"_s) {
            out.remove(key);
            continue;
        }
        out.insert(key, strategicValue(key, out.value(key), it.value()));
    }
    // $setElementOrder/<list>: the order the client wants for the merged list.
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (!it.key().startsWith(u"$setElementOrder/"))
            continue;
        const QString field = it.key().mid(17);
        const QJsonArray merged = out.value(field).toArray();
        const QJsonArray order = it.value().toArray();
        const QString key = mergeKey(field, merged.isEmpty() ? QJsonValue() : merged.first());
        QJsonArray sorted;
        QList<bool> used(merged.size(), false);
        for (const QJsonValue &want : order) {
            for (qsizetype i = 0; i < merged.size(); ++i) {
                const bool match = key.isEmpty() ? merged.at(i) == want
                                                 : sameJson(merged.at(i).toObject().value(key),
                                                            want.toObject().value(key));
                if (!used[i] && match) {
                    used[i] = true;
                    sorted.append(merged.at(i));
                    break;
                }
            }
        }
        for (qsizetype i = 0; i < merged.size(); ++i) {
            if (!used[i])
                sorted.append(merged.at(i));
        }
        if (out.contains(field))
            out.insert(field, sorted);
    }
    return out;
}

QJsonValue strategicValue(const QString &field, const QJsonValue &original, const QJsonValue &patch)
{
    if (patch.isObject()) {
        return mergeObjects(original.isObject() ? original.toObject() : QJsonObject(),
                            patch.toObject());
    }
    if (patch.isArray() && original.isArray())
        return mergeLists(field, original.toArray(), patch.toArray());
    if (patch.isArray()) {
        // New list: still strip directives from its elements.
        return mergeLists(field, QJsonArray(), patch.toArray());
    }
    return patch;
}

} // namespace

QString mergeKey(const QString &field, const QJsonValue &sample)
{
    static const QHash<QString, QString> keys{
            {u"containers"_s, u"name"_s},
            {u"initContainers"_s, u"name"_s},
            {u"ephemeralContainers"_s, u"name"_s},
            {u"env"_s, u"name"_s},
            {u"volumes"_s, u"name"_s},
            {u"volumeMounts"_s, u"mountPath"_s},
            {u"volumeDevices"_s, u"devicePath"_s},
            {u"imagePullSecrets"_s, u"name"_s},
            {u"conditions"_s, u"type"_s},
            {u"ownerReferences"_s, u"uid"_s},
            {u"hostAliases"_s, u"ip"_s},
            {u"topologySpreadConstraints"_s, u"topologyKey"_s},
            {u"resourceClaims"_s, u"name"_s},
            {u"addresses"_s, u"type"_s},
    };
    if (field == u"ports") {
        const QJsonObject port = sample.toObject();
        return port.contains(u"containerPort") || !port.contains(u"port") ? u"containerPort"_s
                                                                          : u"port"_s;
    }
    return keys.value(field);
}

bool isMergedScalarList(const QString &field)
{
    return field == u"finalizers";
}

Result<QJsonValue> applyJsonPatch(const QJsonValue &document, const QJsonValue &patch)
{
    if (!patch.isArray())
        return badRequest(u"json: cannot unmarshal object into Go value of type jsonpatch.Patch"_s);
    QJsonValue root = document;
    for (const QJsonValue &opValue : patch.toArray()) {
        const QJsonObject op = opValue.toObject();
        const QString name = op.value(u"op").toString();
        const QString path = op.value(u"path").toString();
        const auto tokens = pointerTokens(path);
        if (!tokens)
            return invalid(u"Unable to parse path: "_s + path);
        std::optional<QString> error;
        if (name == u"add") {
            if (!op.contains(u"value"))
                return invalid(u"add operation does not apply: doc is missing value"_s);
            error = addValue(root, *tokens, op.value(u"value"));
        } else if (name == u"remove") {
            error = removeValue(root, *tokens);
        } else if (name == u"replace") {
            if (!valueAt(root, *tokens))
                return invalid(u"replace operation does not apply: doc is missing key: "_s + path);
            if (tokens->isEmpty()) {
                root = op.value(u"value");
            } else {
                error = removeValue(root, *tokens);
                if (!error)
                    error = addValue(root, *tokens, op.value(u"value"));
            }
        } else if (name == u"move" || name == u"copy") {
            const QString from = op.value(u"from").toString();
            const auto fromTokens = pointerTokens(from);
            const auto value = fromTokens ? valueAt(root, *fromTokens) : std::nullopt;
            if (!value)
                return invalid(name + u" operation does not apply: doc is missing from path: "_s
                               + from);
            if (name == u"move")
                error = removeValue(root, *fromTokens);
            if (!error)
                error = addValue(root, *tokens, *value);
        } else if (name == u"test") {
            const auto value = valueAt(root, *tokens);
            if (!value || !sameJson(*value, op.value(u"value")))
                return invalid(u"testing value "_s + path + u" failed: test failed"_s);
        } else {
            return badRequest(u"Unexpected kind: "_s + name);
        }
        if (error) {
            return invalid(name + u" operation does not apply: doc is missing path: "_s + path
                           + u": "_s + *error);
        }
    }
    return root;
}

QJsonValue applyMergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject out = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject changes = patch.toObject();
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (it.value().isNull())
            out.remove(it.key());
        else
            out.insert(it.key(), applyMergePatch(out.value(it.key()), it.value()));
    }
    return out;
}

Result<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonObject &patch)
{
    if (patch.value(u"$patch").toString() == u"delete")
        return QJsonObject();
    const QJsonValue directive = patch.value(u"$patch");
    if (!directive.isUndefined() && directive != u"replace"_s && directive != u"merge"_s
        && directive != u"delete"_s)
        return badRequest(u"Unknown patch type: "_s + compact(directive));
    return mergeObjects(original, patch);
}

} // namespace Meridian::Sim::ObjectPatch

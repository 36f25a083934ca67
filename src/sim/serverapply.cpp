#include "sim/serverapply.h"

#include "sim/objectpatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Meridian::Sim::ServerApply {

namespace {

using FieldSet = QSet<QString>; // paths, segments joined with '\n'

constexpr QChar separator = u'\n';

const QStringList serverMetadata{u"name"_s,
                                 u"namespace"_s,
                                 u"uid"_s,
                                 u"resourceVersion"_s,
                                 u"generation"_s,
                                 u"creationTimestamp"_s,
                                 u"deletionTimestamp"_s,
                                 u"managedFields"_s,
                                 u"selfLink"_s};

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Fields whose value is a map of arbitrary keys, which own themselves (".") like list elements.
bool isMapField(const QString &field)
{
    return field == u"labels" || field == u"annotations" || field == u"matchLabels"
           || field == u"nodeSelector" || field == u"selector" || field == u"data";
}

void collect(const QJsonValue &value, const QString &field, const QString &path, FieldSet *out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        if (isMapField(field))
            out->insert(path + separator + u'.');
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString child = path.isEmpty() ? QString(u"f:"_s + it.key())
                                                 : QString(path + separator + u"f:"_s + it.key());
            collect(it.value(), it.key(), child, out);
        }
        return;
    }
    if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        const QString key = ObjectPatch::mergeKey(field, array.first());
        if (!key.isEmpty()) {
            for (const QJsonValue &element : array) {
                QJsonObject keyObject{{key, element.toObject().value(key)}};
                // Ports are keyed by port and protocol upstream.
                if (field == u"ports")
                    keyObject.insert(u"protocol",
                                     element.toObject().value(u"protocol").toString(u"TCP"_s));
                const QString item = path + separator + u"k:"_s + compactJson(keyObject);
                out->insert(item + separator + u'.');
                collect(element, QString(), item, out);
            }
            return;
        }
        if (ObjectPatch::isMergedScalarList(field)) {
            for (const QJsonValue &element : array) {
                const QByteArray wrapped
                        = QJsonDocument(QJsonArray{element}).toJson(QJsonDocument::Compact);
                out->insert(path + separator + u"v:"_s
                            + QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2)));
            }
            return;
        }
    }
    // Nulls are "unset" (a template's creationTimestamp: null is nobody's field).
    if (!path.isEmpty() && !value.isNull())
        out->insert(path);
}

FieldSet fieldSet(const QJsonObject &object)
{
    QJsonObject own = object;
    own.remove(u"apiVersion");
    own.remove(u"kind");
    own.remove(u"status");
    QJsonObject metadata = own.value(u"metadata").toObject();
    for (const QString &field : serverMetadata)
        metadata.remove(field);
    if (metadata.isEmpty())
        own.remove(u"metadata");
    else
        own.insert(u"metadata", metadata);
    FieldSet out;
    collect(own, QString(), QString(), &out);
    return out;
}

QJsonObject toFieldsV1(const FieldSet &fields)
{
    // Built bottom-up from the sorted paths; Qt's JSON objects are values, so recurse.
    std::function<QJsonObject(const QList<QStringList> &)> build
            = [&build](const QList<QStringList> &paths) {
                  QMap<QString, QList<QStringList>> children;
                  QJsonObject node;
                  for (const QStringList &path : paths) {
                      if (path.isEmpty())
                          continue;
                      children[path.first()].append(path.mid(1));
                  }
                  for (auto it = children.cbegin(); it != children.cend(); ++it)
                      node.insert(it.key(), build(it.value()));
                  return node;
              };
    QList<QStringList> paths;
    for (const QString &path : fields)
        paths.append(path.split(separator));
    return build(paths);
}

void fromFieldsV1(const QJsonObject &node, const QString &path, FieldSet *out)
{
    for (auto it = node.constBegin(); it != node.constEnd(); ++it) {
        const QString child = path.isEmpty() ? it.key() : path + separator + it.key();
        const QJsonObject below = it.value().toObject();
        if (below.isEmpty())
            out->insert(child);
        else
            fromFieldsV1(below, child, out);
    }
}

// The value a path names; "." names the element (or map) that holds it.
std::optional<QJsonValue> valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue node = object;
    for (const QString &segment : path.split(separator)) {
        if (segment == u".")
            return node;
        if (segment.startsWith(u"f:")) {
            const QJsonObject current = node.toObject();
            if (!current.contains(segment.mid(2)))
                return std::nullopt;
            node = current.value(segment.mid(2));
        } else if (segment.startsWith(u"k:")) {
            const QJsonObject key = QJsonDocument::fromJson(segment.mid(2).toUtf8()).object();
            bool found = false;
            for (const QJsonValue &element : node.toArray()) {
                bool match = true;
                for (auto it = key.constBegin(); it != key.constEnd() && match; ++it) {
                    const QJsonValue have = element.toObject().value(it.key());
                    match = it.key() == u"protocol"
                                    ? have.toString(u"TCP"_s) == it.value()
                                    : have.toDouble() == it.value().toDouble()
                                              && have.toString() == it.value().toString();
                }
                if (match) {
                    node = element;
                    found = true;
                    break;
                }
            }
            if (!found)
                return std::nullopt;
        } else if (segment.startsWith(u"v:")) {
            const QJsonValue wanted
                    = QJsonDocument::fromJson(u"["_s.append(segment.mid(2)).append(u']').toUtf8())
                              .array()
                              .first();
            if (!node.toArray().contains(wanted))
                return std::nullopt;
            return wanted;
        }
    }
    return node;
}

// Removes what a path names from the object ("." removes the element or map itself).
QJsonValue removedAt(const QJsonValue &node, const QStringList &segments, qsizetype depth)
{
    if (depth >= segments.size())
        return node;
    const QString &segment = segments[depth];
    const bool last = depth + 1 == segments.size()
                      || (depth + 2 == segments.size() && segments.last() == u".");
    if (segment.startsWith(u"f:")) {
        QJsonObject object = node.toObject();
        const QString field = segment.mid(2);
        if (!object.contains(field))
            return node;
        if (last)
            object.remove(field);
        else
            object.insert(field, removedAt(object.value(field), segments, depth + 1));
        return object;
    }
    QJsonArray array = node.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QJsonObject single;
        single.insert(u"x"_s, QJsonArray{array.at(i)});
        if (!valueAt(single, u"f:x"_s + separator + segment))
            continue;
        if (last)
            array.removeAt(i);
        else
            array.replace(i, removedAt(array.at(i), segments, depth + 1));
        break;
    }
    return array;
}

QString readablePath(const QString &path)
{
    QString out;
    for (const QString &segment : path.split(separator)) {
        if (segment.startsWith(u"f:")) {
            out += u'.' + segment.mid(2);
        } else if (segment.startsWith(u"k:")) {
            const QJsonObject key = QJsonDocument::fromJson(segment.mid(2).toUtf8()).object();
            QStringList parts;
            for (auto it = key.constBegin(); it != key.constEnd(); ++it) {
                const QString value = it.value().isString()
                                              ? u'"' + it.value().toString() + u'"'
                                              : QString::number(it.value().toInteger());
                parts.append(it.key() + u'=' + value);
            }
            out += u'[' + parts.join(u',') + u']';
        } else if (segment.startsWith(u"v:")) {
            out += u'[' + segment.mid(2) + u']';
        }
    }
    return out;
}

struct Entry
{
    QJsonObject fields; // the entry without fieldsV1
    FieldSet set;
};

QList<Entry> entriesOf(const QJsonObject &object)
{
    QList<Entry> entries;
    for (const QJsonValue &value : object[u"metadata"][u"managedFields"].toArray()) {
        Entry entry{value.toObject(), {}};
        fromFieldsV1(entry.fields.value(u"fieldsV1").toObject(), QString(), &entry.set);
        entry.fields.remove(u"fieldsV1");
        entries.append(entry);
    }
    return entries;
}

QJsonObject withEntries(QJsonObject object, const QList<Entry> &entries)
{
    QJsonArray array;
    for (const Entry &entry : entries) {
        if (entry.set.isEmpty())
            continue;
        QJsonObject out = entry.fields;
        out.insert(u"fieldsType", u"FieldsV1"_s);
        out.insert(u"fieldsV1", toFieldsV1(entry.set));
        array.append(out);
    }
    QJsonObject metadata = object.value(u"metadata").toObject();
    if (array.isEmpty())
        metadata.remove(u"managedFields");
    else
        metadata.insert(u"managedFields", array);
    object.insert(u"metadata", metadata);
    return object;
}

Entry &entryFor(QList<Entry> &entries,
                const QString &manager,
                const QString &operation,
                const QString &apiVersion,
                const QString &time,
                const QString &subresource = {})
{
    for (Entry &entry : entries) {
        if (entry.fields.value(u"manager").toString() == manager
            && entry.fields.value(u"operation").toString() == operation
            && entry.fields.value(u"subresource").toString() == subresource) {
            entry.fields.insert(u"apiVersion", apiVersion);
            entry.fields.insert(u"time", time);
            return entry;
        }
    }
    QJsonObject fields{{u"manager"_s, manager},
                       {u"operation"_s, operation},
                       {u"apiVersion"_s, apiVersion},
                       {u"time"_s, time}};
    if (!subresource.isEmpty())
        fields.insert(u"subresource", subresource);
    entries.append(Entry{fields, {}});
    return entries.last();
}

} // namespace

QJsonObject fieldsOf(const QJsonObject &object)
{
    return toFieldsV1(fieldSet(object));
}

QJsonObject recordUpdate(const QJsonObject &before,
                         QJsonObject after,
                         const QString &manager,
                         const QString &time,
                         const QString &subresource)
{
    QList<Entry> entries = entriesOf(before);
    const FieldSet now = fieldSet(after);
    FieldSet changed;
    for (const QString &path : now) {
        // An element or map is "changed" only when it appears; its fields speak for the rest.
        const bool self = path.endsWith(u'.');
        if (self ? !valueAt(before, path) : valueAt(before, path) != valueAt(after, path))
            changed.insert(path);
    }
    for (Entry &entry : entries) {
        entry.set.intersect(now);
        if (!manager.isEmpty())
            entry.set.subtract(changed);
    }
    if (!manager.isEmpty() && !changed.isEmpty()) {
        Entry &mine = entryFor(entries,
                               manager,
                               u"Update"_s,
                               after.value(u"apiVersion").toString(),
                               time,
                               subresource);
        mine.set.unite(changed);
    }
    return withEntries(std::move(after), entries);
}

Applied apply(const QJsonObject &live,
              const QJsonObject &config,
              const QString &manager,
              bool force,
              const QString &time)
{
    QList<Entry> entries = entriesOf(live);
    const FieldSet applied = fieldSet(config);
    Applied result;
    for (Entry &entry : entries) {
        const bool self = entry.fields.value(u"manager").toString() == manager
                          && entry.fields.value(u"operation").toString() == u"Apply";
        if (self)
            continue;
        for (const QString &path : applied) {
            if (!entry.set.contains(path) || path.endsWith(u'.'))
                continue;
            if (valueAt(live, path) == valueAt(config, path))
                continue; // same value: both managers own it
            if (force) {
                entry.set.remove(path);
            } else {
                result.conflicts.append(Conflict{entry.fields.value(u"manager").toString(),
                                                 entry.fields.value(u"operation").toString(),
                                                 entry.fields.value(u"apiVersion").toString(),
                                                 entry.fields.value(u"subresource").toString(),
                                                 readablePath(path)});
            }
        }
    }
    if (!result.conflicts.isEmpty()) {
        // Set order, as structured-merge-diff reports them.
        std::sort(result.conflicts.begin(),
                  result.conflicts.end(),
                  [](const Conflict &a, const Conflict &b) {
                      return std::tie(a.manager, a.field) < std::tie(b.manager, b.field);
                  });
        return result;
    }

    Entry &mine
            = entryFor(entries, manager, u"Apply"_s, config.value(u"apiVersion").toString(), time);
    const FieldSet previous = mine.set;
    FieldSet othersOwn;
    for (const Entry &entry : std::as_const(entries)) {
        if (&entry != &mine)
            othersOwn.unite(entry.set);
    }
    QJsonValue merged = live;
    // Deepest paths first, so an element goes after its fields have been looked at.
    QStringList dropped;
    for (const QString &path : previous) {
        if (!applied.contains(path) && !othersOwn.contains(path))
            dropped.append(path);
    }
    std::sort(dropped.begin(), dropped.end(), [](const QString &a, const QString &b) {
        return a.count(separator) > b.count(separator);
    });
    for (const QString &path : std::as_const(dropped))
        merged = removedAt(merged, path.split(separator), 0);
    QJsonObject patch = config;
    const Result<QJsonObject> out = ObjectPatch::applyStrategicMergePatch(merged.toObject(), patch);
    const QJsonObject object = out ? *out : merged.toObject();
    const auto withoutManaged = [](QJsonObject o) {
        QJsonObject metadata = o.value(u"metadata").toObject();
        metadata.remove(u"managedFields");
        o.insert(u"metadata", metadata);
        return o;
    };
    if (previous == applied && withoutManaged(object) == withoutManaged(live)) {
        // A repeated apply changes nothing, not even the entry's time: no write at all.
        result.object = live;
        return result;
    }
    mine.set = applied;
    result.object = withEntries(object, entries);
    return result;
}

QString describeManager(const Conflict &conflict)
{
    QString out = u'"' + conflict.manager + u'"';
    if (!conflict.subresource.isEmpty())
        out += u" with subresource \""_s + conflict.subresource + u'"';
    if (conflict.operation == u"Update")
        out += u" using "_s + conflict.apiVersion;
    return out;
}

QString conflictMessage(const QList<Conflict> &conflicts)
{
    if (conflicts.size() == 1) {
        return u"Apply failed with 1 conflict: conflict with %1: %2"_s
                .arg(describeManager(conflicts.first()), conflicts.first().field);
    }
    // Grouped by manager, managers sorted, as structured-merge-diff prints them.
    QMap<QString, QStringList> byManager;
    for (const Conflict &c : conflicts)
        byManager[describeManager(c)].append(c.field);
    QStringList lines;
    for (auto it = byManager.cbegin(); it != byManager.cend(); ++it) {
        lines.append(u"conflicts with %1:"_s.arg(it.key()));
        for (const QString &field : it.value())
            lines.append(u"- "_s + field);
    }
    return u"Apply failed with %1 conflicts: %2"_s.arg(conflicts.size()).arg(lines.join(u'\n'));
}

} // namespace Meridian::Sim::ServerApply

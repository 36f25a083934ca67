#include "yaml/yamljson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Meridian::Yaml {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Yaml", text);
}

constexpr int maxDepth = 200;
constexpr qint64 maxNodes = 2'000'000; // alias expansion ("billion laughs") stops here

struct Failure
{
    int line = 0; // 0-based, in the document's text
    int column = 0;
    QString message;
};

class Converter
{
    // lupdate files the messages of a class under the class: make tr() agree at run time.
    Q_DECLARE_TR_FUNCTIONS(Meridian::Yaml::Converter)

public:
    QHash<QString, int> *lines = nullptr;
    int lineOffset = 0;
    std::optional<Failure> failure;

    QJsonValue convert(const YAML::Node &node, const QString &path, int depth)
    {
        if (failure)
            return {};
        if (++m_nodes > maxNodes || depth > maxDepth) {
            fail(node,
                 depth > maxDepth
                         ? tr("nesting deeper than %1 levels").arg(maxDepth)
                         : tr("more than %1 values after expanding aliases").arg(maxNodes));
            return {};
        }
        switch (node.Type()) {
        case YAML::NodeType::Map: return mapping(node, path, depth);
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            int i = 0;
            for (const YAML::Node &element : node) {
                const QString child = path + u'[' + QString::number(i++) + u']';
                record(child, element);
                array.append(convert(element, child, depth + 1));
            }
            return array;
        }
        case YAML::NodeType::Scalar: return scalar(node, path);
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return QJsonValue::Null;
        }
        return QJsonValue::Null;
    }

private:
    qint64 m_nodes = 0;

    void fail(const YAML::Node &node, const QString &message)
    {
        if (!failure)
            failure = Failure{node.Mark().line, node.Mark().column, message};
    }

    void record(const QString &path, const YAML::Node &node)
    {
        if (lines && !lines->contains(path) && node.Mark().line >= 0)
            lines->insert(path, node.Mark().line + 1 + lineOffset);
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }

    QJsonObject mapping(const YAML::Node &node, const QString &path, int depth)
    {
        QJsonObject object;
        QHash<QString, int> keyLines;
        QList<YAML::Node> merges;
        for (const auto &pair : node) {
            const YAML::Node &key = pair.first;
            if (key.Type() != YAML::NodeType::Scalar) {
                fail(key, tr("a mapping key must be a plain value, not a list or mapping"));
                return {};
            }
            const QString name = QString::fromStdString(key.Scalar());
            if (name == u"<<" && key.Tag() == "?") {
                merges.append(pair.second);
                continue;
            }
            if (keyLines.contains(name)) {
                fail(key,
                     tr("mapping key \"%1\" already defined at line %2")
                             .arg(name)
                             .arg(keyLines.value(name) + lineOffset));
                return {};
            }
            keyLines.insert(name, key.Mark().line + 1);
            const QString child = join(path, name);
            record(child, key);
            object.insert(name, convert(pair.second, child, depth + 1));
        }
        // Merge keys: explicit keys win, then earlier merged mappings over later ones.
        for (const YAML::Node &merge : std::as_const(merges)) {
            QList<YAML::Node> sources;
            if (merge.IsMap()) {
                sources.append(merge);
            } else if (merge.IsSequence()) {
                for (const YAML::Node &element : merge)
                    sources.append(element);
            }
            for (const YAML::Node &source : std::as_const(sources)) {
                if (!source.IsMap()) {
                    fail(merge, tr("a << merge key needs a mapping or a list of mappings"));
                    return {};
                }
                const QJsonObject merged = mapping(source, path, depth + 1);
                for (auto it = merged.begin(); it != merged.end(); ++it) {
                    if (!object.contains(it.key()))
                        object.insert(it.key(), it.value());
                }
            }
            if (sources.isEmpty()) {
                fail(merge, tr("a << merge key needs a mapping or a list of mappings"));
                return {};
            }
        }
        return object;
    }

    QJsonValue scalar(const YAML::Node &node, const QString &path)
    {
        const QString text = QString::fromStdString(node.Scalar());
        const std::string &tag = node.Tag();
        if (tag == "!" || tag == "tag:yaml.org,2002:str")
            return text; // quoted, block or explicitly a string
        if (tag == "tag:yaml.org,2002:null")
            return QJsonValue::Null;
        if (tag == "tag:yaml.org,2002:bool") {
            const std::optional<bool> b = boolean(text);
            if (!b)
                fail(node, tr("\"%1\" is tagged !!bool but is not true or false").arg(text));
            return b.value_or(false);
        }
        if (tag == "tag:yaml.org,2002:int") {
            const std::optional<QJsonValue> i = integer(text);
            if (!i)
                fail(node, tr("\"%1\" is tagged !!int but is not an integer").arg(text));
            return i.value_or(QJsonValue());
        }
        if (tag == "tag:yaml.org,2002:float") {
            if (const std::optional<QJsonValue> i = integer(text))
                return i->toDouble();
            if (const std::optional<QJsonValue> d = floating(node, text))
                return *d;
            fail(node, tr("\"%1\" is tagged !!float but is not a number").arg(text));
            return {};
        }
        Q_UNUSED(path)
        // Plain (untagged) scalars resolve with the YAML 1.2 core schema.
        if (text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
            return QJsonValue::Null;
        if (const std::optional<bool> b = boolean(text))
            return *b;
        if (const std::optional<QJsonValue> i = integer(text))
            return *i;
        if (const std::optional<QJsonValue> d = floating(node, text))
            return *d;
        return text;
    }

    static std::optional<bool> boolean(const QString &text)
    {
        if (text == u"true" || text == u"True" || text == u"TRUE")
            return true;
        if (text == u"false" || text == u"False" || text == u"FALSE")
            return false;
        return std::nullopt;
    }

    static std::optional<QJsonValue> integer(const QString &text)
    {
        static const QRegularExpression decimal(u"^[-+]?[0-9]+$"_s);
        static const QRegularExpression octal(u"^0o[0-7]+$"_s);
        static const QRegularExpression hex(u"^0x[0-9a-fA-F]+$"_s);
        bool ok = false;
        if (decimal.match(text).hasMatch()) {
            const qint64 value = text.toLongLong(&ok);
            if (ok)
                return QJsonValue(value);
            return QJsonValue(text.toDouble()); // beyond 64 bits: a number all the same
        }
        if (octal.match(text).hasMatch()) {
            const qint64 value = text.mid(2).toLongLong(&ok, 8);
            return ok ? std::optional<QJsonValue>(QJsonValue(value)) : std::nullopt;
        }
        if (hex.match(text).hasMatch()) {
            const qint64 value = text.mid(2).toLongLong(&ok, 16);
            return ok ? std::optional<QJsonValue>(QJsonValue(value)) : std::nullopt;
        }
        return std::nullopt;
    }

    std::optional<QJsonValue> floating(const YAML::Node &node, const QString &text)
    {
        static const QRegularExpression number(
                u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
        static const QRegularExpression special(u"^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$"_s);
        if (number.match(text).hasMatch()) {
            const double value = text.toDouble();
            if (std::isfinite(value))
                return QJsonValue(value);
        }
        if (special.match(text).hasMatch() || number.match(text).hasMatch()) {
            fail(node, tr("%1 cannot be written as JSON; quote it to make it a string").arg(text));
            return QJsonValue();
        }
        return std::nullopt;
    }
};

bool holdsNothing(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line == u"---" || line == u"..."
            || line.startsWith(u"--- #"))
            continue;
        return false;
    }
    return true;
}

// Converts one document's text; `lineOffset` is the 0-based line of the text in the stream.
Result<QJsonValue> convertText(const std::string &text,
                               int lineOffset,
                               QHash<QString, int> *lines,
                               const QString &where)
{
    Converter converter;
    converter.lines = lines;
    converter.lineOffset = lineOffset;
    try {
        const YAML::Node root = YAML::Load(text);
        if (lines && root.Mark().line >= 0)
            lines->insert(QString(), root.Mark().line + 1 + lineOffset);
        QJsonValue value = converter.convert(root, QString(), 0);
        if (converter.failure) {
            return Error{u"ParseError"_s,
                         tr("%1line %2, column %3: %4")
                                 .arg(where)
                                 .arg(converter.failure->line + 1 + lineOffset)
                                 .arg(converter.failure->column + 1)
                                 .arg(converter.failure->message)};
        }
        return value;
    } catch (const YAML::Exception &error) {
        QString message = QString::fromStdString(error.msg);
        if (!message.isEmpty())
            message[0] = message[0].toLower();
        if (error.mark.is_null())
            return Error{u"ParseError"_s, where + message};
        return Error{u"ParseError"_s,
                     tr("%1line %2, column %3: %4")
                             .arg(where)
                             .arg(error.mark.line + 1 + lineOffset)
                             .arg(error.mark.column + 1)
                             .arg(message)};
    } catch (const std::exception &error) {
        return Error{u"ParseError"_s, where + QString::fromUtf8(error.what())};
    }
}

} // namespace

int Document::lineOf(const QString &path) const
{
    QString p = path;
    while (true) {
        const auto it = lines.constFind(p);
        if (it != lines.cend())
            return *it;
        if (p.isEmpty())
            return firstLine;
        const qsizetype dot = p.lastIndexOf(u'.');
        const qsizetype bracket = p.lastIndexOf(u'[');
        p.truncate(std::max<qsizetype>(0, std::max(dot, bracket)));
    }
}

Result<QJsonValue> toJson(const QByteArray &yaml)
{
    return convertText(yaml.toStdString(), 0, nullptr, QString());
}

Result<QList<Document>> parseDocuments(const QByteArray &yaml)
{
    // Split at `---` lines (column 0), which always start a new document in YAML: block scalar
    // content is indented, so it cannot hold one.
    const QString text = QString::fromUtf8(yaml);
    const QStringList lines = text.split(u'\n');
    struct Chunk
    {
        int firstLine = 0; // 0-based
        QStringList lines;
    };
    QList<Chunk> chunks{Chunk{}};
    static const QRegularExpression start(u"^---(\\s|$)"_s);
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (start.match(line).hasMatch()) {
            const bool previousEmpty = holdsNothing(chunks.last().lines.join(u'\n'));
            // A leading `---` opens the first document rather than ending an empty one.
            if (!(chunks.size() == 1 && previousEmpty))
                chunks.append(Chunk{i, {}});
        }
        if (line.trimmed() == u"..." && !line.startsWith(u' '))
            continue; // document end marker
        chunks.last().lines.append(line);
    }
    QList<Document> documents;
    for (int n = 0; n < chunks.size(); ++n) {
        const Chunk &chunk = chunks.at(n);
        const QString body = chunk.lines.join(u'\n');
        if (holdsNothing(body))
            continue;
        Document document;
        document.index = n + 1;
        // The document's first line with content.
        document.firstLine = chunk.firstLine + 1;
        for (int i = 0; i < chunk.lines.size(); ++i) {
            const QString trimmed = chunk.lines.at(i).trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(u'#') && trimmed != u"---") {
                document.firstLine = chunk.firstLine + i + 1;
                break;
            }
        }
        const QString where = tr("document %1, ").arg(n + 1);
        Result<QJsonValue> value
                = convertText(body.toStdString(), chunk.firstLine, &document.lines, where);
        if (!value)
            return value.error();
        document.value = *value;
        documents.append(std::move(document));
    }
    return documents;
}

} // namespace Meridian::Yaml

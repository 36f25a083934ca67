#include "placement/jsontree.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <charconv>
#include <cmath>
#include <limits>

namespace Meridian::Placement::JsonTree {

namespace {

// yaml-cpp marks quoted and block scalars with the non-specific tag "!".
constexpr const char *quotedTag = "!";

bool isNull(const std::string &s)
{
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> asBool(const std::string &s)
{
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    return std::nullopt;
}

const QRegularExpression &integerPattern()
{
    static const QRegularExpression re(QStringLiteral("^[-+]?[0-9]+$"));
    return re;
}

const QRegularExpression &floatPattern()
{
    static const QRegularExpression re(
            QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    return re;
}

QJsonValue plainScalar(const std::string &s)
{
    if (isNull(s))
        return QJsonValue(QJsonValue::Null);
    if (const auto b = asBool(s))
        return QJsonValue(*b);
    const QString text = QString::fromStdString(s);
    if (integerPattern().match(text).hasMatch()) {
        const char *begin = s.data() + (s.front() == '+' ? 1 : 0);
        qint64 value = 0;
        const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), value);
        if (ec == std::errc() && ptr == s.data() + s.size())
            return QJsonValue(value);
        return QJsonValue(text.toDouble()); // beyond int64: a double, as JSON parsers make it
    }
    if (floatPattern().match(text).hasMatch())
        return QJsonValue(text.toDouble());
    if (s == ".inf" || s == ".Inf" || s == "+.inf")
        return QJsonValue(std::numeric_limits<double>::infinity());
    if (s == "-.inf" || s == "-.Inf")
        return QJsonValue(-std::numeric_limits<double>::infinity());
    return QJsonValue(text);
}

bool needsQuotes(const std::string &s)
{
    const QJsonValue v = plainScalar(s);
    return !v.isString() || s.find_first_of(":#{}[],&*!|>'\"%@`") != std::string::npos
           || s.front() == ' ' || s.back() == ' ' || s.front() == '-' || s.front() == '?';
}

void emitNode(YAML::Emitter &out, const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        out << YAML::BeginMap;
        for (const auto &entry : node) {
            out << YAML::Key;
            emitNode(out, entry.first);
            out << YAML::Value;
            emitNode(out, entry.second);
        }
        out << YAML::EndMap;
        break;
    case YAML::NodeType::Sequence:
        out << YAML::BeginSeq;
        for (const auto &item : node)
            emitNode(out, item);
        out << YAML::EndSeq;
        break;
    case YAML::NodeType::Scalar: {
        const std::string &s = node.Scalar();
        // Explicit tags (!!str, !custom) are kept as written.
        if (const std::string &tag = node.Tag(); !tag.empty() && tag != "?" && tag != quotedTag)
            out << YAML::VerbatimTag(tag);
        const bool quoted = node.Tag() == quotedTag;
        if (s.empty() || (quoted && needsQuotes(s)) || s.find('\n') != std::string::npos)
            out << YAML::DoubleQuoted << s;
        else
            out << s;
        break;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: out << YAML::Null; break;
    }
}

} // namespace

Result<YAML::Node> loadYaml(const QByteArray &text)
{
    try {
        return YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        return Error{QStringLiteral("ParseError"),
                     QCoreApplication::translate("Meridian::Placement",
                                                 "malformed YAML at line %1, column %2: %3")
                             .arg(e.mark.line + 1)
                             .arg(e.mark.column + 1)
                             .arg(QString::fromStdString(e.msg))};
    } catch (const std::exception &e) {
        return Error{QStringLiteral("ParseError"),
                     QCoreApplication::translate("Meridian::Placement", "malformed YAML: %1")
                             .arg(QString::fromUtf8(e.what()))};
    }
}

Result<QJsonValue> toJson(const YAML::Node &node, const QString &path)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node) {
            if (!entry.first.IsScalar()) {
                return Error{QStringLiteral("InvalidPreferences"),
                             QCoreApplication::translate("Meridian::Placement",
                                                         "%1: keys must be strings")
                                     .arg(path.isEmpty() ? QStringLiteral(".") : path)};
            }
            const QString key = QString::fromStdString(entry.first.Scalar());
            auto value = toJson(entry.second, path.isEmpty() ? key : QString(path + u'.' + key));
            if (!value)
                return value.error();
            object.insert(key, *value);
        }
        return QJsonValue(object);
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        int index = 0;
        for (const auto &item : node) {
            auto value = toJson(item, QString(path + u'[' + QString::number(index++) + u']'));
            if (!value)
                return value.error();
            array.append(*value);
        }
        return QJsonValue(array);
    }
    case YAML::NodeType::Scalar:
        if (node.Tag() == quotedTag)
            return QJsonValue(QString::fromStdString(node.Scalar()));
        if (node.Tag() == "tag:yaml.org,2002:str")
            return QJsonValue(QString::fromStdString(node.Scalar()));
        return plainScalar(node.Scalar());
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
    }
    return QJsonValue(QJsonValue::Null);
}

YAML::Node toYaml(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        YAML::Node map(YAML::NodeType::Map);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map[it.key().toStdString()] = toYaml(it.value());
        return map;
    }
    case QJsonValue::Array: {
        YAML::Node seq(YAML::NodeType::Sequence);
        for (const QJsonValue &item : value.toArray())
            seq.push_back(toYaml(item));
        return seq;
    }
    case QJsonValue::String: {
        YAML::Node scalar(value.toString().toStdString());
        scalar.SetTag(quotedTag);
        return scalar;
    }
    case QJsonValue::Bool: return YAML::Node(value.toBool() ? "true" : "false");
    case QJsonValue::Double:
        if (value.toVariant().typeId() == QMetaType::LongLong)
            return YAML::Node(std::to_string(value.toInteger()));
        return YAML::Node(QString::number(value.toDouble(), 'g', 17).toStdString());
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return YAML::Node(YAML::NodeType::Null);
}

QByteArray emitYaml(const YAML::Node &node)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emitNode(out, node);
    QByteArray text(out.c_str(), static_cast<qsizetype>(out.size()));
    if (!text.endsWith('\n'))
        text.append('\n');
    return text;
}

QString scalarText(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return u'"' + value.toString() + u'"';
    case QJsonValue::Double:
        if (value.toVariant().typeId() == QMetaType::LongLong)
            return QString::number(value.toInteger());
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Object: return QCoreApplication::translate("Meridian::Placement", "an object");
    case QJsonValue::Array: return QCoreApplication::translate("Meridian::Placement", "a list");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("Meridian::Placement", "nothing");
}

} // namespace Meridian::Placement::JsonTree

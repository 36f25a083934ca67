#include "sim/yamljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

QJsonValue scalar(const YAML::Node &node)
{
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() == "!")
        return text; // quoted: always a string
    if (text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
        return QJsonValue::Null;
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return true;
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return false;
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression number(
            u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (ok)
            return value;
    }
    if (number.match(text).hasMatch())
        return text.toDouble();
    return text;
}

QJsonValue convert(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &pair : node)
            object.insert(QString::fromStdString(pair.first.Scalar()), convert(pair.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &element : node)
            array.append(convert(element));
        return array;
    }
    case YAML::NodeType::Scalar: return scalar(node);
    default: return QJsonValue::Null;
    }
}

} // namespace

Result<QJsonValue> yamlToJson(const QByteArray &yaml)
{
    try {
        return convert(YAML::Load(yaml.toStdString()));
    } catch (const YAML::Exception &error) {
        return Error{u"BadRequest"_s,
                     u"error converting YAML to JSON: "_s + QString::fromStdString(error.what())};
    }
}

} // namespace Meridian::Sim

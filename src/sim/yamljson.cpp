#include "sim/yamljson.h"

#include "yaml/yamljson.h"

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

Result<QJsonValue> yamlToJson(const QByteArray &yaml)
{
    // The same reader as the client's manifests (src/yaml), so both sides agree on every scalar.
    Result<QJsonValue> value = Yaml::toJson(yaml);
    if (!value)
        return Error{u"BadRequest"_s, u"error converting YAML to JSON: "_s + value.error().message};
    return value;
}

} // namespace Meridian::Sim

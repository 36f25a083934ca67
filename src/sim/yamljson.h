#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonValue>

namespace Meridian::Sim {

// A YAML document (server-side apply bodies are application/apply-patch+yaml) as JSON, read by
// the shared Meridian::Yaml reader (YAML 1.2 core schema; quoted and block scalars stay strings).
// JSON is YAML, so JSON bodies come through unchanged.
Result<QJsonValue> yamlToJson(const QByteArray &yaml);

} // namespace Meridian::Sim

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonValue>

namespace Meridian::Sim {

// A YAML document (server-side apply bodies are application/apply-patch+yaml) as JSON. Plain
// scalars become null, booleans and numbers the way YAML 1.2's core schema reads them; quoted
// scalars stay strings. JSON is YAML, so JSON bodies come through unchanged.
Result<QJsonValue> yamlToJson(const QByteArray &yaml);

} // namespace Meridian::Sim

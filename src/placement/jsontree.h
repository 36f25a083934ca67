#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonValue>

#include <yaml-cpp/yaml.h>

// Internal to meridian_placement: one way to read YAML and JSON alike. Validation reads
// QJsonValues; YAML subtrees are converted with their scalar types resolved the way Kubernetes
// resolves them (quoted scalars are strings, plain ones may be numbers, booleans or null).
namespace Meridian::Placement::JsonTree {

// Loads one YAML (or JSON) document; yaml-cpp's exceptions stop here.
Result<YAML::Node> loadYaml(const QByteArray &text);
// Fails only for a mapping key that is not a scalar.
Result<QJsonValue> toJson(const YAML::Node &node, const QString &path);
YAML::Node toYaml(const QJsonValue &value);
// Quotes what would otherwise read back as another type.
QByteArray emitYaml(const YAML::Node &node);

QString scalarText(const YAML::Node &node);
QString describe(const QJsonValue &value);

} // namespace Meridian::Placement::JsonTree

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Meridian::Yaml {

// One YAML document of a (possibly multi-document) stream, as JSON.
struct Document
{
    int index = 0;     // 1-based position in the stream, empty documents counted
    int firstLine = 0; // 1-based line where the document starts
    QJsonValue value;
    // 1-based line of every field, by path: "spec.template.spec.containers[0].image". The root
    // is "". A mapping entry's line is its key's.
    QHash<QString, int> lines;

    int lineOf(const QString &path) const; // the path, else its nearest ancestor
};

// YAML → JSON with YAML 1.2's core schema, the way a manifest author expects:
// - only true/True/TRUE and false/False/FALSE are booleans (yes, no, on, off are strings);
// - null, Null, NULL, ~ and nothing are null;
// - decimal, 0o octal and 0x hex integers are integers (kept exact in 64 bits), other numbers
//   doubles; .inf and .nan are refused (JSON cannot carry them);
// - quoted and block scalars (| and >) are always strings; !!str, !!int, !!float, !!bool and
//   !!null tags are honoured;
// - anchors and aliases are expanded, and `<<` merge keys are merged as Kubernetes' YAML reader
//   does (explicit keys win);
// - a duplicate key is an error, as is a non-scalar key.
// Errors say where: "line L, column C: ...". Never throws.
Result<QJsonValue> toJson(const QByteArray &yaml);

// Every document of a stream separated by `---` lines. Documents that hold nothing (only
// comments or whitespace) are left out but still counted in `index`. Errors name the document
// and its line: "document 2, line 14: ...".
Result<QList<Document>> parseDocuments(const QByteArray &yaml);

} // namespace Meridian::Yaml

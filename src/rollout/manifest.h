#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Meridian::Rollout {

// Where a kind lives in the API.
struct ResourceMapping
{
    QString group; // "" for core
    QString version;
    QString resource; // plural, lower case
    bool namespaced = true;

    // "deployment.apps", "service" — kubectl's object prefix.
    QString kindPrefix(const QString &kind) const;
    // "deployments.apps" — the resource name in API error messages.
    QString qualifiedResource() const;
};

// The kinds Meridian applies, by apiVersion + kind; std::nullopt for others.
std::optional<ResourceMapping> mappingFor(const QString &apiVersion, const QString &kind);

// One object of a manifest, with where it came from.
struct ManifestObject
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Rollout::ManifestObject)

public:
    QString source;   // file name or "editor"
    int document = 0; // 1-based index in the stream
    int line = 0;     // 1-based line where the object starts
    QJsonObject object;
    ResourceMapping mapping;
    QHash<QString, int> lines; // field path → line

    QString apiVersion() const;
    QString kind() const;
    QString name() const;
    QString nameSpace() const;   // after defaulting; "" for cluster-scoped kinds
    QString displayName() const; // "deployment.apps/web"
    // "/apis/apps/v1/namespaces/default/deployments[/web]"
    QString collectionPath() const;
    QString objectPath() const;
    bool isDeployment() const;
    bool isPropagationPolicy() const;
};

// Reads a multi-document manifest: YAML (or JSON) → JSON faithfully, then checks what the API
// server would reject with a message nobody can place (types of replicas, labels, env values,
// ports; names; kinds). Every error names the source, the document index, the line and the field:
// "deploy.yaml: document 2, line 14: spec.template.spec.containers[0].env[1].value: expected a
// string, got the number 8080 (quote it)". Namespaced objects without a namespace get
// `defaultNamespace`. A `kind: List` is expanded.
Result<QList<ManifestObject>> loadManifest(const QByteArray &text,
                                           const QString &source,
                                           const QString &defaultNamespace
                                           = QStringLiteral("default"));

} // namespace Meridian::Rollout

#pragma once

#include "core/result.h"
#include "core/workload.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Meridian::Rollout {

inline constexpr QLatin1StringView strategicMergePatch{"application/strategic-merge-patch+json"};
inline constexpr QLatin1StringView jsonPatch{"application/json-patch+json"};
inline constexpr QLatin1StringView mergePatch{"application/merge-patch+json"};
inline constexpr QLatin1StringView applyPatch{"application/apply-patch+yaml"};
inline constexpr QLatin1StringView fieldManager{"meridian"};

// A change to one Deployment as kubectl's rollout/set commands make it: the strategic merge
// patch to send, or (no patch) the words kubectl prints when there is nothing to do. Errors carry
// kubectl's message (code "Invalid" or "NotFound").
struct DeploymentPatch
{
    QByteArray patch; // application/strategic-merge-patch+json; empty: nothing to send
    QString message;  // "paused", "resumed", "restarted", "image updated"
};

// kubectl rollout pause: an already paused Deployment is an error
// (`deployments.apps "web" is already paused`).
Result<DeploymentPatch> pausePatch(const QJsonObject &deployment);
// kubectl rollout resume: `deployments.apps "web" is not paused` when it is not.
Result<DeploymentPatch> resumePatch(const QJsonObject &deployment);
// kubectl rollout restart: the template annotation kubectl.kubernetes.io/restartedAt = `now`
// (RFC 3339, local offset); a paused Deployment is refused as kubectl refuses it.
Result<DeploymentPatch> restartPatch(const QJsonObject &deployment, const QDateTime &now);
// kubectl set image CONTAINER=IMAGE: `unable to find container named "x"` when there is none;
// an image already set sends nothing ("image updated" is printed all the same, like kubectl).
Result<DeploymentPatch> setImagePatch(const QJsonObject &deployment,
                                      const QString &container,
                                      const QString &image);
// Several CONTAINER=IMAGE pairs in one patch (containers and initContainers).
Result<DeploymentPatch> setImagePatch(const QJsonObject &deployment,
                                      const QList<ContainerImage> &images);

// One environment variable to set on one container.
struct EnvChange
{
    QString container;
    QString name;
    QString value;
};

// The everyday change from the GUI's form: images, environment variables and this cluster's
// replicas in one strategic merge patch (containers merged by name, env by name). Unknown
// containers are an error; nothing to change sends nothing ("unchanged").
Result<DeploymentPatch> changePatch(const QJsonObject &deployment,
                                    const QList<ContainerImage> &images,
                                    const QList<EnvChange> &env,
                                    std::optional<qint64> replicas);

// RFC 3339 with the local UTC offset, as Go's time.Now().Format(time.RFC3339).
QString rfc3339(const QDateTime &time);

} // namespace Meridian::Rollout

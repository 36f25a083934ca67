#pragma once

#include "core/result.h"
#include "rollout/manifest.h"
#include "rollout/rolloutpatches.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>

#include <functional>

namespace Meridian::Kube {
class ApiClient;
}

namespace Meridian::Rollout {

// One cluster's API as rollouts reach it: a member's own server (Direct), a member through the
// Karmada cluster proxy, or the Karmada control plane itself.
struct Target
{
    QString cluster;
    QPointer<Kube::ApiClient> client;
    QString prefix; // "" or "/apis/cluster.karmada.io/v1alpha1/clusters/NAME/proxy"

    static QString karmadaProxyPrefix(const QString &member);
};

// A Deployment with its ReplicaSets (those its selector matches) and, when asked, its pods.
struct Snapshot
{
    QJsonObject deployment;
    QList<QJsonObject> replicaSets;
    QList<QJsonObject> pods;
};

// "app=web,tier in (a,b)" from a LabelSelector object.
QString labelSelectorQuery(const QJsonObject &selector);
QString deploymentPath(const QString &ns, const QString &name = {});

// The asynchronous calls. Callbacks run on the ApiClient's thread (the API worker); every error
// is an Error whose code is the API's reason (NotFound, Conflict, Invalid, ...) and whose message
// is the server's, as kubectl prints it. All run with the client's timeouts.
using ObjectCallback = std::function<void(const Result<QJsonObject> &)>;
using SnapshotCallback = std::function<void(const Result<Snapshot> &)>;
using MessageCallback = std::function<void(const Result<QString> &)>;

void getObject(const Target &target, const QString &path, ObjectCallback done);
void listObjects(const Target &target,
                 const QString &path,
                 std::function<void(const Result<QList<QJsonObject>> &)> done);
void patchObject(const Target &target,
                 const QString &path,
                 QLatin1StringView contentType,
                 const QByteArray &body,
                 bool dryRun,
                 ObjectCallback done);
// True when an apply conflict message names only `manager` ("conflict with "meridian" ...").
bool conflictsOnlyWith(const QString &message, QLatin1StringView manager);

// `value` with "protocol": "TCP" (the API's default) in every element of a "ports" list that has
// a port or containerPort and no protocol: what a Kubernetes before 1.21 needs to apply it.
QJsonValue withDefaultPortProtocols(const QJsonValue &value);

// Server-side apply (application/apply-patch+yaml with a JSON body, fieldManager=meridian). A
// conflict only with Meridian's own earlier edits (its Update operations: set image, rollback)
// is retried with force=true; any other manager's conflict is returned unless forceConflicts.
void applyObject(const Target &target,
                 const ManifestObject &object,
                 bool dryRun,
                 bool forceConflicts,
                 ObjectCallback done);
// For servers without server-side apply (415): create, or merge-patch the whole object when it
// exists. Fields removed from the manifest are not removed from the object.
void createOrMerge(const Target &target,
                   const ManifestObject &object,
                   bool dryRun,
                   ObjectCallback done);
void fetchSnapshot(const Target &target,
                   const QString &ns,
                   const QString &name,
                   bool withPods,
                   SnapshotCallback done);

// kubectl rollout undo on one cluster. `templateKey` (from an aligned history row) picks that
// template's revision in this cluster instead of `toRevision`. Answers kubectl's words after
// "deployment.apps/NAME ": "rolled back", "skipped rollback (...)".
void undoDeployment(const Target &target,
                    const QString &ns,
                    const QString &name,
                    qint64 toRevision,
                    const QString &templateKey,
                    bool dryRun,
                    MessageCallback done);

// pause / resume / restart / set image: GET, build the patch, PATCH (strategic merge).
using PatchBuilder = std::function<Result<DeploymentPatch>(const QJsonObject &deployment)>;
void patchDeployment(const Target &target,
                     const QString &ns,
                     const QString &name,
                     PatchBuilder build,
                     bool dryRun,
                     MessageCallback done);

} // namespace Meridian::Rollout

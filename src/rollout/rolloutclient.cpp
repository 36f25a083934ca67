#include "rollout/rolloutclient.h"

#include "kube/apiclient.h"
#include "rollout/undo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

namespace Meridian::Rollout {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Rollout", text);
}

Error errorFrom(const Net::Response &response)
{
    const Kube::ApiError api = Kube::apiErrorFrom(response);
    return Error{api.reason, api.message};
}

bool succeeded(const Net::Response &response)
{
    return response.outcome == Net::Response::Outcome::Ok && response.httpStatus >= 200
           && response.httpStatus < 300;
}

Error noClient(const Target &target)
{
    return Error{u"Unavailable"_s, tr("%1: the cluster's connection is gone").arg(target.cluster)};
}

QString withDryRun(const QString &path, bool dryRun)
{
    if (!dryRun)
        return path;
    return path + (path.contains(u'?') ? u"&dryRun=All"_s : u"?dryRun=All"_s);
}

} // namespace

bool conflictsOnlyWith(const QString &message, QLatin1StringView manager)
{
    // "Apply failed with 2 conflicts: conflict with "kubectl-set" using apps/v1: .spec..."
    static const QRegularExpression with(u"conflict with \"([^\"]*)\""_s);
    auto it = with.globalMatch(message);
    bool any = false;
    while (it.hasNext()) {
        any = true;
        if (it.next().captured(1) != manager)
            return false;
    }
    return any;
}

QString Target::karmadaProxyPrefix(const QString &member)
{
    return u"/apis/cluster.karmada.io/v1alpha1/clusters/"_s + member + u"/proxy"_s;
}

QString labelSelectorQuery(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject match = selector.value(u"matchLabels").toObject();
    for (auto it = match.begin(); it != match.end(); ++it)
        parts.append(it.key() + u'=' + it.value().toString());
    for (const QJsonValue &e : selector.value(u"matchExpressions").toArray()) {
        const QJsonObject expression = e.toObject();
        const QString key = expression.value(u"key").toString();
        const QString op = expression.value(u"operator").toString();
        QStringList values;
        for (const QJsonValue &v : expression.value(u"values").toArray())
            values.append(v.toString());
        if (op == u"In")
            parts.append(key + u" in ("_s + values.join(u',') + u')');
        else if (op == u"NotIn")
            parts.append(key + u" notin ("_s + values.join(u',') + u')');
        else if (op == u"Exists")
            parts.append(key);
        else if (op == u"DoesNotExist")
            parts.append(u'!' + key);
    }
    return parts.join(u',');
}

QString deploymentPath(const QString &ns, const QString &name)
{
    QString path = u"/apis/apps/v1/namespaces/"_s + ns + u"/deployments"_s;
    if (!name.isEmpty())
        path += u'/' + name;
    return path;
}

void getObject(const Target &target, const QString &path, ObjectCallback done)
{
    if (!target.client) {
        done(noClient(target));
        return;
    }
    target.client->get(target.prefix + path, [done](const Net::Response &response) {
        if (!succeeded(response)) {
            done(errorFrom(response));
            return;
        }
        done(QJsonDocument::fromJson(response.body).object());
    });
}

void listObjects(const Target &target,
                 const QString &path,
                 std::function<void(const Result<QList<QJsonObject>> &)> done)
{
    if (!target.client) {
        done(noClient(target));
        return;
    }
    target.client->get(target.prefix + path, [done](const Net::Response &response) {
        if (!succeeded(response)) {
            done(errorFrom(response));
            return;
        }
        QList<QJsonObject> items;
        for (const QJsonValue &item :
             QJsonDocument::fromJson(response.body).object().value(u"items").toArray())
            items.append(item.toObject());
        done(items);
    });
}

void patchObject(const Target &target,
                 const QString &path,
                 QLatin1StringView contentType,
                 const QByteArray &body,
                 bool dryRun,
                 ObjectCallback done)
{
    if (!target.client) {
        done(noClient(target));
        return;
    }
    // Every write names Meridian as its field manager (kubectl names itself the same way).
    QString query = path;
    if (!query.contains(u"fieldManager="))
        query += (query.contains(u'?') ? u"&fieldManager="_s : u"?fieldManager="_s) + fieldManager;
    Net::Request request = target.client->requestFor(target.prefix + withDryRun(query, dryRun));
    request.method = "PATCH";
    request.body = body;
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArray(contentType.data())});
    target.client->send(std::move(request), [done](const Net::Response &response) {
        if (!succeeded(response)) {
            done(errorFrom(response));
            return;
        }
        done(QJsonDocument::fromJson(response.body).object());
    });
}

QJsonValue withDefaultPortProtocols(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array.replace(i, withDefaultPortProtocols(array.at(i)));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"ports" && it.value().isArray()) {
            QJsonArray ports = it.value().toArray();
            for (qsizetype i = 0; i < ports.size(); ++i) {
                QJsonObject port = ports.at(i).toObject();
                if (ports.at(i).isObject() && !port.contains(u"protocol")
                    && (port.contains(u"port") || port.contains(u"containerPort"))) {
                    port.insert(u"protocol", u"TCP"_s);
                    ports.replace(i, port);
                }
            }
            it.value() = ports;
        } else {
            it.value() = withDefaultPortProtocols(it.value());
        }
    }
    return object;
}

namespace {

void applyBody(const Target &target,
               const ManifestObject &object,
               const QJsonObject &content,
               bool dryRun,
               bool forceConflicts,
               bool protocolsDefaulted,
               ObjectCallback done)
{
    const QString path = object.objectPath() + u"?fieldManager="_s + fieldManager;
    const QByteArray body = QJsonDocument(content).toJson(QJsonDocument::Compact);
    patchObject(target,
                forceConflicts ? path + u"&force=true"_s : path,
                applyPatch,
                body,
                dryRun,
                [=](const Result<QJsonObject> &result) {
                    // Kubernetes before 1.21 cannot apply a list keyed by port and protocol when
                    // an element leaves the protocol to its default ("associative list with keys
                    // has an element that omits key field "protocol"", HTTP 500,
                    // kubernetes/kubernetes#98576): send the default, TCP, as written.
                    if (!result && !protocolsDefaulted
                        && result.error().message.contains(u"omits key field \"protocol\""_s)) {
                        applyBody(target,
                                  object,
                                  withDefaultPortProtocols(content).toObject(),
                                  dryRun,
                                  forceConflicts,
                                  true,
                                  done);
                        return;
                    }
                    // Meridian's own rollout edits (set image, rollback, restart) are recorded as
                    // Update operations of the same manager; an apply conflicting only with those
                    // takes the fields back. Anyone else's fields stay a conflict the operator
                    // decides (--force-conflicts).
                    if (!result && !forceConflicts && result.error().code == u"Conflict"
                        && conflictsOnlyWith(result.error().message, fieldManager)) {
                        applyBody(target, object, content, dryRun, true, protocolsDefaulted, done);
                        return;
                    }
                    // A server without server-side apply for this kind: 415, or 404 for an
                    // object that does not exist yet (meridian-sim's Karmada resources answer
                    // so).
                    if (!result
                        && (result.error().code == u"UnsupportedMediaType"
                            || (result.error().code == u"NotFound"
                                && object.isPropagationPolicy()))) {
                        createOrMerge(target, object, dryRun, done);
                        return;
                    }
                    done(result);
                });
}

} // namespace

void applyObject(const Target &target,
                 const ManifestObject &object,
                 bool dryRun,
                 bool forceConflicts,
                 ObjectCallback done)
{
    applyBody(target, object, object.object, dryRun, forceConflicts, false, std::move(done));
}

void createOrMerge(const Target &target,
                   const ManifestObject &object,
                   bool dryRun,
                   ObjectCallback done)
{
    if (!target.client) {
        done(noClient(target));
        return;
    }
    const QByteArray body = QJsonDocument(object.object).toJson(QJsonDocument::Compact);
    QString path = object.collectionPath() + u"?fieldManager="_s + fieldManager;
    Net::Request request = target.client->requestFor(target.prefix + withDryRun(path, dryRun));
    request.method = "POST";
    request.body = body;
    request.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    const Target copy = target;
    target.client->send(std::move(request), [=](const Net::Response &response) {
        if (succeeded(response)) {
            done(QJsonDocument::fromJson(response.body).object());
            return;
        }
        const Error error = errorFrom(response);
        if (error.code != u"AlreadyExists") {
            done(error);
            return;
        }
        patchObject(copy, object.objectPath(), mergePatch, body, dryRun, done);
    });
}

void fetchSnapshot(const Target &target,
                   const QString &ns,
                   const QString &name,
                   bool withPods,
                   SnapshotCallback done)
{
    getObject(target, deploymentPath(ns, name), [=](const Result<QJsonObject> &deployment) {
        if (!deployment) {
            done(deployment.error());
            return;
        }
        const QString selector = QString::fromUtf8(QUrl::toPercentEncoding(labelSelectorQuery(
                deployment->value(u"spec").toObject().value(u"selector").toObject())));
        auto snapshot = std::make_shared<Snapshot>();
        snapshot->deployment = *deployment;
        listObjects(target,
                    u"/apis/apps/v1/namespaces/"_s + ns + u"/replicasets?labelSelector="_s
                            + selector,
                    [=](const Result<QList<QJsonObject>> &replicaSets) {
                        if (!replicaSets) {
                            done(replicaSets.error());
                            return;
                        }
                        snapshot->replicaSets = *replicaSets;
                        if (!withPods) {
                            done(*snapshot);
                            return;
                        }
                        listObjects(target,
                                    u"/api/v1/namespaces/"_s + ns + u"/pods?labelSelector="_s
                                            + selector,
                                    [=](const Result<QList<QJsonObject>> &pods) {
                                        if (!pods) {
                                            done(pods.error());
                                            return;
                                        }
                                        snapshot->pods = *pods;
                                        done(*snapshot);
                                    });
                    });
    });
}

void undoDeployment(const Target &target,
                    const QString &ns,
                    const QString &name,
                    qint64 toRevision,
                    const QString &templateKey,
                    bool dryRun,
                    MessageCallback done)
{
    fetchSnapshot(target, ns, name, false, [=](const Result<Snapshot> &snapshot) {
        if (!snapshot) {
            done(snapshot.error());
            return;
        }
        qint64 revision = toRevision;
        if (!templateKey.isEmpty()) {
            revision
                    = revisionForTemplate(snapshot->deployment, snapshot->replicaSets, templateKey);
            if (revision == 0) {
                done(Error{u"NotFound"_s,
                           tr("this cluster's history has no revision with that pod template")});
                return;
            }
        }
        const Result<UndoPlan> plan
                = planUndo(snapshot->deployment, snapshot->replicaSets, revision);
        if (!plan) {
            done(plan.error());
            return;
        }
        if (plan->skipped) {
            done(plan->message);
            return;
        }
        const QString message = plan->message;
        patchObject(target,
                    deploymentPath(ns, name),
                    jsonPatch,
                    plan->patch,
                    dryRun,
                    [=](const Result<QJsonObject> &patched) {
                        if (!patched)
                            done(patched.error());
                        else
                            done(dryRun ? message + u" (server dry run)"_s : message);
                    });
    });
}

void patchDeployment(const Target &target,
                     const QString &ns,
                     const QString &name,
                     PatchBuilder build,
                     bool dryRun,
                     MessageCallback done)
{
    getObject(target, deploymentPath(ns, name), [=](const Result<QJsonObject> &deployment) {
        if (!deployment) {
            done(deployment.error());
            return;
        }
        const Result<DeploymentPatch> patch = build(*deployment);
        if (!patch) {
            done(patch.error());
            return;
        }
        if (patch->patch.isEmpty()) {
            done(patch->message);
            return;
        }
        const QString message = patch->message;
        patchObject(target,
                    deploymentPath(ns, name),
                    strategicMergePatch,
                    patch->patch,
                    dryRun,
                    [=](const Result<QJsonObject> &patched) {
                        if (!patched)
                            done(patched.error());
                        else
                            done(dryRun ? message + u" (server dry run)"_s : message);
                    });
    });
}

} // namespace Meridian::Rollout

#include "placement/placementapply.h"

#include "kube/apiclient.h"
#include "placement/preferencesdocument.h"
#include "placement/preferencesformat.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Meridian::Placement {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Placement", text);
}

QString annotationOf(const QJsonObject &deployment)
{
    const QJsonObject annotations
            = deployment.value(u"metadata").toObject().value(u"annotations").toObject();
    QString value = annotations.value(QLatin1String(deploymentPreferencesAnnotation)).toString();
    if (value.isEmpty())
        value = annotations.value(QLatin1String(replicaSetPreferencesAnnotation)).toString();
    return value;
}

// A parseable annotation compares by meaning, anything else by its text.
QString canonical(const QString &annotation)
{
    const QString trimmed = annotation.trimmed();
    if (trimmed.isEmpty())
        return {};
    const auto parsed = PreferencesDocument::parseAnnotation(trimmed.toUtf8());
    if (!parsed)
        return u"raw:" + trimmed;
    return QString::fromUtf8(PreferencesDocument::create(PreferencesFormat::FederationAnnotation,
                                                         parsed->preferences())
                                     .toText());
}

} // namespace

QString applyStateName(MemberApplyResult::State state)
{
    switch (state) {
    case MemberApplyResult::State::Pending: return tr("pending");
    case MemberApplyResult::State::Writing: return tr("writing");
    case MemberApplyResult::State::Done: return tr("applied");
    case MemberApplyResult::State::Unchanged: return tr("unchanged");
    case MemberApplyResult::State::Conflict: return tr("conflict");
    case MemberApplyResult::State::Failed: return tr("failed");
    }
    return {};
}

bool sameAnnotation(const QString &a, const QString &b)
{
    return canonical(a) == canonical(b);
}

QString annotationFor(const ReplicaPreferences &prefs)
{
    ReplicaPreferences copy = prefs;
    copy.totalReplicas.reset(); // the Deployment's spec.replicas is the total
    const QByteArray text
            = PreferencesDocument::create(PreferencesFormat::FederationAnnotation, copy).toText();
    return QString::fromUtf8(QJsonDocument::fromJson(text).toJson(QJsonDocument::Compact));
}

PlacementApplyJob::PlacementApplyJob(ApplyRequest request,
                                     const QHash<QString, Kube::ApiClient *> &clients,
                                     QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    for (auto it = clients.cbegin(); it != clients.cend(); ++it)
        m_clients.insert(it.key(), it.value());
}

PlacementApplyJob::~PlacementApplyJob() = default;

QString PlacementApplyJob::path(const QString &) const
{
    return QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2")
            .arg(m_request.ns, m_request.name);
}

void PlacementApplyJob::start()
{
    for (const QString &member : std::as_const(m_request.members)) {
        MemberApplyResult r;
        r.member = member;
        m_results.insert(member, r);
    }
    m_open = static_cast<int>(m_results.size());
    if (m_open == 0) {
        emit finished({});
        deleteLater();
        return;
    }
    const QStringList members = m_results.keys();
    for (const QString &member : members)
        read(member);
}

void PlacementApplyJob::read(const QString &member)
{
    Kube::ApiClient *client = m_clients.value(member);
    if (!client) {
        settle(member,
               MemberApplyResult::State::Failed,
               tr("%1 is not a connected member.").arg(member),
               0);
        return;
    }
    MemberApplyResult &r = m_results[member];
    r.state = MemberApplyResult::State::Writing;
    emit memberProgress(r);
    client->get(path(member), [this, member](const Net::Response &response) {
        if (!response.isHttpSuccess()) {
            const Kube::ApiError error = Kube::apiErrorFrom(response);
            const QString message
                    = response.httpStatus == 404
                              ? tr("%1 has no Deployment %2/%3; create it there first.")
                                        .arg(member, m_request.ns, m_request.name)
                              : tr("Reading the Deployment on %1 failed: %2")
                                        .arg(member, error.message);
            settle(member, MemberApplyResult::State::Failed, message, response.httpStatus);
            return;
        }
        write(member, QJsonDocument::fromJson(response.body).object());
    });
}

void PlacementApplyJob::write(const QString &member, QJsonObject deployment)
{
    MemberApplyResult &r = m_results[member];
    const QString live = annotationOf(deployment);
    QJsonObject spec = deployment.value(u"spec").toObject();
    const qint64 liveReplicas = spec.value(u"replicas").toInteger(1);
    if (r.attempts == 0) {
        r.replicasBefore = liveReplicas;
        r.annotationBefore = live;
    }
    const auto target = m_request.replicas.constFind(member);
    const bool annotationDone = sameAnnotation(live, m_request.annotation);
    const bool replicasDone = target == m_request.replicas.cend() || *target == liveReplicas;
    if (annotationDone && replicasDone) {
        settle(member, MemberApplyResult::State::Unchanged, QString(), 200);
        return;
    }
    // Someone else changed the preferences since the operator loaded them: that is theirs to
    // resolve, not ours to overwrite.
    const QString base = m_request.baseAnnotations.value(member);
    if (!annotationDone && !sameAnnotation(live, base)) {
        settle(member,
               MemberApplyResult::State::Conflict,
               tr("The preferences on %1 were changed by someone else since you started "
                  "editing (now: %2). Reload and edit again.")
                       .arg(member, live.isEmpty() ? tr("no annotation") : live),
               409);
        return;
    }
    QJsonObject metadata = deployment.value(u"metadata").toObject();
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    annotations.insert(QLatin1String(deploymentPreferencesAnnotation), m_request.annotation);
    metadata.insert(u"annotations", annotations);
    deployment.insert(u"metadata", metadata);
    if (target != m_request.replicas.cend()) {
        spec.insert(u"replicas", *target);
        deployment.insert(u"spec", spec);
    }
    deployment.remove(u"status");

    Kube::ApiClient *client = m_clients.value(member);
    if (!client) {
        settle(member,
               MemberApplyResult::State::Failed,
               tr("%1 is not a connected member.").arg(member),
               0);
        return;
    }
    ++r.attempts;
    Net::Request request = client->requestFor(path(member));
    request.method = "PUT";
    request.body = QJsonDocument(deployment).toJson(QJsonDocument::Compact);
    request.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    client->send(request, [this, member](const Net::Response &response) {
        if (response.isHttpSuccess()) {
            settle(member, MemberApplyResult::State::Done, QString(), response.httpStatus);
            return;
        }
        if (response.httpStatus == 409 && m_results.value(member).attempts < maxAttempts) {
            read(member); // the object moved on: re-apply the same change to the fresh one
            return;
        }
        const Kube::ApiError error = Kube::apiErrorFrom(response);
        settle(member,
               MemberApplyResult::State::Failed,
               tr("Writing the Deployment on %1 failed: %2").arg(member, error.message),
               response.httpStatus);
    });
}

void PlacementApplyJob::settle(const QString &member,
                               MemberApplyResult::State state,
                               const QString &message,
                               int httpStatus)
{
    MemberApplyResult &r = m_results[member];
    r.state = state;
    r.message = message;
    r.httpStatus = httpStatus;
    emit memberProgress(r);
    if (--m_open == 0) {
        emit finished(m_results.values());
        deleteLater();
    }
}

} // namespace Meridian::Placement

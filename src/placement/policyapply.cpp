#include "placement/policyapply.h"

#include "federation/karmadabackend.h"
#include "kube/apiclient.h"
#include "placement/preferencesconversion.h"
#include "placement/preferencesdocument.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <memory>

namespace Meridian::Placement {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Placement", text);
}

const QString policyGroup = QStringLiteral("/apis/policy.karmada.io/v1alpha1");
const QString ppKind = QStringLiteral("PropagationPolicy");
const QString cppKind = QStringLiteral("ClusterPropagationPolicy");

QString policiesPath(const QString &ns)
{
    return policyGroup + QStringLiteral("/namespaces/%1/propagationpolicies").arg(ns);
}

QString clusterPoliciesPath()
{
    return policyGroup + QStringLiteral("/clusterpropagationpolicies");
}

QString deploymentPath(const QString &ns, const QString &name)
{
    return QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, name);
}

// A labelSelector (matchLabels, matchExpressions In/NotIn/Exists/DoesNotExist) against labels.
bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels)
{
    const QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        if (labels.value(it.key()).toString() != it.value().toString()
            || !labels.contains(it.key()))
            return false;
    }
    for (const QJsonValue &e : selector.value(u"matchExpressions").toArray()) {
        const QString key = e[u"key"].toString();
        const QString op = e[u"operator"].toString();
        const bool has = labels.contains(key);
        const bool in = has && e[u"values"].toArray().contains(labels.value(key));
        if ((op == u"In" && !in) || (op == u"NotIn" && in) || (op == u"Exists" && !has)
            || (op == u"DoesNotExist" && has))
            return false;
        if (op != u"In" && op != u"NotIn" && op != u"Exists" && op != u"DoesNotExist")
            return false;
    }
    return true;
}

// How specifically a policy's resourceSelectors select the Deployment (Karmada's implicit
// priority): 3 by name, 2 by labelSelector, 1 every Deployment of the namespace (or, for a
// ClusterPropagationPolicy, of every namespace), 0 not at all.
int selectorScore(const QJsonObject &policy, const QJsonObject &deployment, bool clusterScoped)
{
    const QString ns = deployment[u"metadata"][u"namespace"].toString();
    const QString name = deployment[u"metadata"][u"name"].toString();
    const QJsonObject labels = deployment[u"metadata"][u"labels"].toObject();
    int best = 0;
    for (const QJsonValue &value : policy[u"spec"][u"resourceSelectors"].toArray()) {
        const QJsonObject s = value.toObject();
        if (s[u"kind"].toString() != u"Deployment" || s[u"apiVersion"].toString() != u"apps/v1")
            continue;
        if (clusterScoped && s.contains(u"namespace") && s[u"namespace"].toString() != ns)
            continue;
        int score = 1;
        if (s.contains(u"name")) {
            if (s[u"name"].toString() != name)
                continue;
            score = 3;
        } else if (s.contains(u"labelSelector")) {
            if (!selectorMatches(s[u"labelSelector"].toObject(), labels))
                continue;
            score = 2;
        }
        best = std::max(best, score);
    }
    return best;
}

// The policy Karmada would pick among `items`: the highest spec.priority, then the most
// specific selector, then the first by name.
std::optional<QJsonObject> selectingPolicy(const QJsonArray &items,
                                           const QJsonObject &deployment,
                                           bool clusterScoped)
{
    std::optional<QJsonObject> best;
    qint64 bestPriority = 0;
    int bestScore = 0;
    QString bestName;
    for (const QJsonValue &item : items) {
        const QJsonObject policy = item.toObject();
        const int score = selectorScore(policy, deployment, clusterScoped);
        if (score == 0)
            continue;
        const qint64 priority = policy[u"spec"][u"priority"].toInteger();
        const QString name = policy[u"metadata"][u"name"].toString();
        if (!best || priority > bestPriority || (priority == bestPriority && score > bestScore)
            || (priority == bestPriority && score == bestScore && name < bestName)) {
            best = policy;
            bestPriority = priority;
            bestScore = score;
            bestName = name;
        }
    }
    return best;
}

Error apiFailure(const QString &what, const Net::Response &response)
{
    return Error{QStringLiteral("ApiError"),
                 tr("%1 failed: %2").arg(what, Kube::apiErrorFrom(response).message)};
}

// One read of a KarmadaPlacement: the Deployment, its binding, the policy, the Clusters.
struct PlacementRead : std::enable_shared_from_this<PlacementRead>
{
    QPointer<Kube::ApiClient> client;
    QString ns;
    QString name;
    KarmadaPlacementCallback done;
    KarmadaPlacement result;
    QJsonObject deployment;
    QJsonObject binding;

    void get(const QString &path, std::function<void(const Net::Response &)> next)
    {
        if (!client) {
            done(Error{QStringLiteral("Unavailable"),
                       tr("The Karmada control plane is not connected.")});
            return;
        }
        client->get(path, std::move(next));
    }

    void start()
    {
        auto self = shared_from_this();
        get(deploymentPath(ns, name), [self](const Net::Response &response) {
            if (!response.isHttpSuccess()) {
                self->done(apiFailure(tr("Reading Deployment %1/%2 on the control plane")
                                              .arg(self->ns, self->name),
                                      response));
                return;
            }
            self->deployment = QJsonDocument::fromJson(response.body).object();
            self->result.total = self->deployment[u"spec"][u"replicas"].toInteger(1);
            self->readBinding();
        });
    }

    void readBinding()
    {
        auto self = shared_from_this();
        get(QStringLiteral("/apis/work.karmada.io/v1alpha2/namespaces/%1/resourcebindings/"
                           "%2-deployment")
                    .arg(ns, name),
            [self](const Net::Response &response) {
                // No binding yet: Karmada has not scheduled it; no previous result, and the
                // policy is found as Karmada would find it.
                if (response.isHttpSuccess()) {
                    self->binding = QJsonDocument::fromJson(response.body).object();
                    for (const QJsonValue &t : self->binding[u"spec"][u"clusters"].toArray())
                        self->result.previous.insert(t[u"name"].toString(),
                                                     t[u"replicas"].toInteger());
                }
                const Federation::KarmadaBackend::PolicyRef ref
                        = Federation::KarmadaBackend::policyOf(self->binding);
                if (ref.kind.isEmpty()) {
                    self->selectPolicy();
                    return;
                }
                const QString path = karmadaPolicyPath(ref.kind, ref.ns, ref.name);
                self->get(path, [self, ref](const Net::Response &policy) {
                    if (policy.httpStatus == 404) {
                        self->selectPolicy(); // the binding names a policy that is gone
                        return;
                    }
                    if (!policy.isHttpSuccess()) {
                        self->done(apiFailure(tr("Reading %1 %2").arg(ref.kind, ref.name), policy));
                        return;
                    }
                    self->usePolicy(ref.kind, QJsonDocument::fromJson(policy.body).object());
                });
            });
    }

    // No binding names a policy: a PropagationPolicy of the namespace before a
    // ClusterPropagationPolicy, as Karmada's resource detector picks them.
    void selectPolicy()
    {
        auto self = shared_from_this();
        get(policiesPath(ns), [self](const Net::Response &policies) {
            if (!policies.isHttpSuccess()) {
                self->done(apiFailure(tr("Listing PropagationPolicies in %1").arg(self->ns),
                                      policies));
                return;
            }
            if (const auto pp
                = selectingPolicy(QJsonDocument::fromJson(policies.body)[u"items"].toArray(),
                                  self->deployment,
                                  false)) {
                self->usePolicy(ppKind, *pp);
                return;
            }
            self->get(clusterPoliciesPath(), [self](const Net::Response &clusterPolicies) {
                if (!clusterPolicies.isHttpSuccess()) {
                    self->done(
                            apiFailure(tr("Listing ClusterPropagationPolicies"), clusterPolicies));
                    return;
                }
                const auto cpp
                        = selectingPolicy(QJsonDocument::fromJson(clusterPolicies.body)[u"items"]
                                                  .toArray(),
                                          self->deployment,
                                          true);
                if (!cpp) {
                    self->done(Error{QStringLiteral("NotFound"),
                                     tr("No PropagationPolicy in %1 and no "
                                        "ClusterPropagationPolicy selects Deployment %2; create "
                                        "one first.")
                                             .arg(self->ns, self->name)});
                    return;
                }
                self->usePolicy(cppKind, *cpp);
            });
        });
    }

    void usePolicy(const QString &kind, QJsonObject policy)
    {
        // A policy read from a list carries no kind of its own.
        policy.insert(u"kind", kind);
        if (!policy.contains(u"apiVersion"))
            policy.insert(u"apiVersion", QStringLiteral("policy.karmada.io/v1alpha1"));
        result.policyKind = kind;
        result.policy = policy;
        result.policyName = policy[u"metadata"][u"name"].toString();
        const auto doc = PreferencesDocument::parsePropagationPolicy(
                QJsonDocument(policy).toJson(QJsonDocument::Compact));
        if (!doc) {
            done(Error{doc.error().code,
                       tr("%1 %2: %3").arg(kind, policyLabel(), doc.error().message)});
            return;
        }
        result.preferences = doc->preferences();
        readClusters();
    }

    QString policyLabel() const
    {
        return result.policyKind == ppKind ? ns + u'/' + result.policyName : result.policyName;
    }

    void readClusters()
    {
        auto self = shared_from_this();
        get(QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters"),
            [self](const Net::Response &clusters) {
                if (!clusters.isHttpSuccess()) {
                    self->done(apiFailure(tr("Listing Karmada clusters"), clusters));
                    return;
                }
                const QJsonArray affinity = self->result
                                                    .policy[u"spec"][u"placement"]
                                                           [u"clusterAffinity"][u"clusterNames"]
                                                    .toArray();
                for (const QJsonValue &c :
                     QJsonDocument::fromJson(clusters.body)[u"items"].toArray()) {
                    const QString cluster = c[u"metadata"][u"name"].toString();
                    if (affinity.isEmpty() || affinity.contains(QJsonValue(cluster)))
                        self->result.clusters.append(cluster);
                }
                self->done(self->result);
            });
    }
};

} // namespace

QString karmadaPolicyPath(const QString &kind, const QString &ns, const QString &name)
{
    return (kind == cppKind ? clusterPoliciesPath() : policiesPath(ns)) + u'/' + name;
}

std::optional<QString> KarmadaPlacement::sharedWith(const QString &ns, const QString &name) const
{
    if (policyKind != cppKind)
        return std::nullopt;
    // A ClusterPropagationPolicy is written only when it selects nothing but this Deployment.
    const QJsonArray selectors = policy[u"spec"][u"resourceSelectors"].toArray();
    QStringList broader;
    for (const QJsonValue &value : selectors) {
        const QJsonObject s = value.toObject();
        const QString kind = s[u"kind"].toString();
        const QString selectedNs = s[u"namespace"].toString();
        const bool exact = s[u"apiVersion"].toString() == u"apps/v1" && kind == u"Deployment"
                           && s[u"name"].toString() == name && selectedNs == ns;
        if (exact)
            continue;
        const bool anyNs = !s.contains(u"namespace");
        if (s.contains(u"name")) {
            broader.append(anyNs ? tr("%1 %2 in every namespace").arg(kind, s[u"name"].toString())
                                 : QStringLiteral("%1 %2/%3")
                                           .arg(kind, selectedNs, s[u"name"].toString()));
        } else if (s.contains(u"labelSelector")) {
            broader.append(anyNs ? tr("every %1 with matching labels").arg(kind)
                                 : tr("every %1 with matching labels in %2").arg(kind, selectedNs));
        } else {
            broader.append(anyNs ? tr("every %1").arg(kind)
                                 : tr("every %1 in %2").arg(kind, selectedNs));
        }
    }
    if (broader.isEmpty())
        return std::nullopt;
    return tr("ClusterPropagationPolicy %1 also selects %2: writing it would move those too. "
              "Change it with kubectl, or give %3/%4 a PropagationPolicy of its own (it takes "
              "precedence).")
            .arg(policyName, broader.join(QStringLiteral(", ")), ns, name);
}

void readKarmadaPlacement(Kube::ApiClient *client,
                          const QString &ns,
                          const QString &name,
                          KarmadaPlacementCallback done)
{
    auto read = std::make_shared<PlacementRead>();
    read->client = client;
    read->ns = ns;
    read->name = name;
    read->done = std::move(done);
    read->start();
}

PolicyApplyJob::PolicyApplyJob(Kube::ApiClient *client,
                               QString ns,
                               QString name,
                               ReplicaPreferences base,
                               ReplicaPreferences target,
                               std::optional<qint64> total,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_name(std::move(name))
    , m_base(std::move(base))
    , m_target(std::move(target))
    , m_total(total)
{}

PolicyApplyJob::~PolicyApplyJob() = default;

void PolicyApplyJob::start()
{
    writePolicy();
}

void PolicyApplyJob::finish(MemberApplyResult result)
{
    m_results.append(std::move(result));
    const bool policyOk = m_results.constFirst().isSuccess();
    if (m_results.size() == 1 && policyOk && m_total) {
        m_attempts = 0;
        writeReplicas();
        return;
    }
    emit finished(m_results);
    deleteLater();
}

void PolicyApplyJob::writePolicy()
{
    if (!m_client) {
        MemberApplyResult r;
        r.member = QStringLiteral("PropagationPolicy");
        r.state = MemberApplyResult::State::Failed;
        r.message = tr("The Karmada control plane is not connected.");
        finish(r);
        return;
    }
    readKarmadaPlacement(m_client, m_ns, m_name, [this](const Result<KarmadaPlacement> &read) {
        MemberApplyResult r;
        r.member = QStringLiteral("PropagationPolicy");
        r.attempts = m_attempts;
        if (!read) {
            r.state = MemberApplyResult::State::Failed;
            r.message = read.error().message;
            finish(r);
            return;
        }
        r.member = read->policyKind + u'/' + read->policyName;
        if (const std::optional<QString> shared = read->sharedWith(m_ns, m_name)) {
            r.state = MemberApplyResult::State::Failed;
            r.message = *shared;
            finish(r);
            return;
        }
        const ReplicaPreferences wanted
                = convertPreferences(m_target, PreferencesFormat::PropagationPolicy).preferences;
        const auto same = [](ReplicaPreferences a, ReplicaPreferences b) {
            a.totalReplicas.reset();
            b.totalReplicas.reset();
            a.rebalance = b.rebalance = false;
            return a == b;
        };
        if (same(read->preferences, wanted)) {
            r.state = m_attempts == 0 ? MemberApplyResult::State::Unchanged
                                      : MemberApplyResult::State::Done;
            finish(r);
            return;
        }
        if (!same(read->preferences, m_base)) {
            r.state = MemberApplyResult::State::Conflict;
            r.httpStatus = 409;
            r.message = tr("%1 %2 was changed by someone else since you started editing. "
                           "Reload and edit again.")
                                .arg(read->policyKind, read->policyName);
            finish(r);
            return;
        }
        auto doc = PreferencesDocument::parsePropagationPolicy(
                QJsonDocument(read->policy).toJson(QJsonDocument::Compact));
        if (!doc) {
            r.state = MemberApplyResult::State::Failed;
            r.message = doc.error().message;
            finish(r);
            return;
        }
        (void)doc->setPreferences(wanted);
        QJsonObject policy = QJsonDocument::fromJson(doc->toText()).object();
        policy.remove(u"status");
        Net::Request request
                = m_client->requestFor(karmadaPolicyPath(read->policyKind, m_ns, read->policyName));
        request.method = "PUT";
        request.body = QJsonDocument(policy).toJson(QJsonDocument::Compact);
        request.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        ++m_attempts;
        m_client->send(request, [this, r](const Net::Response &response) mutable {
            r.attempts = m_attempts;
            r.httpStatus = response.httpStatus;
            if (response.isHttpSuccess()) {
                r.state = MemberApplyResult::State::Done;
                finish(r);
            } else if (response.httpStatus == 409 && m_attempts < PlacementApplyJob::maxAttempts) {
                writePolicy();
            } else {
                r.state = MemberApplyResult::State::Failed;
                r.message = tr("Writing %1 failed: %2")
                                    .arg(r.member, Kube::apiErrorFrom(response).message);
                finish(r);
            }
        });
    });
}

void PolicyApplyJob::writeReplicas()
{
    MemberApplyResult r;
    r.member = QStringLiteral("Deployment/") + m_name;
    if (!m_client) {
        r.state = MemberApplyResult::State::Failed;
        r.message = tr("The Karmada control plane is not connected.");
        finish(r);
        return;
    }
    const QString path = deploymentPath(m_ns, m_name);
    m_client->get(path, [this, r, path](const Net::Response &got) mutable {
        if (!got.isHttpSuccess()) {
            r.state = MemberApplyResult::State::Failed;
            r.message = apiFailure(tr("Reading %1").arg(r.member), got).message;
            finish(r);
            return;
        }
        QJsonObject deployment = QJsonDocument::fromJson(got.body).object();
        QJsonObject spec = deployment.value(u"spec").toObject();
        r.replicasBefore = spec.value(u"replicas").toInteger(1);
        if (r.replicasBefore == *m_total) {
            r.state = MemberApplyResult::State::Unchanged;
            finish(r);
            return;
        }
        spec.insert(u"replicas", *m_total);
        deployment.insert(u"spec", spec);
        deployment.remove(u"status");
        Net::Request request = m_client->requestFor(path);
        request.method = "PUT";
        request.body = QJsonDocument(deployment).toJson(QJsonDocument::Compact);
        request.headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        ++m_attempts;
        m_client->send(request, [this, r](const Net::Response &response) mutable {
            r.attempts = m_attempts;
            r.httpStatus = response.httpStatus;
            if (response.isHttpSuccess()) {
                r.state = MemberApplyResult::State::Done;
                finish(r);
            } else if (response.httpStatus == 409 && m_attempts < PlacementApplyJob::maxAttempts) {
                writeReplicas(); // the controller moved on: set the total on the fresh object
            } else {
                r.state = MemberApplyResult::State::Failed;
                r.message = tr("Writing %1 failed: %2")
                                    .arg(r.member, Kube::apiErrorFrom(response).message);
                finish(r);
            }
        });
    });
}

} // namespace Meridian::Placement

#include "placement/preferencesdocument.h"

#include "core/softassert.h"
#include "placement/jsontree.h"
#include "placement/preferencesconversion.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <functional>
#include <limits>
#include <map>

namespace Meridian::Placement {

namespace {

const QString invalidCode = QStringLiteral("InvalidPreferences");
const QString parseCode = QStringLiteral("ParseError");
const QString kubefedApiVersion = QStringLiteral("scheduling.kubefed.io/v1alpha1");
const QString karmadaApiVersion = QStringLiteral("policy.karmada.io/v1alpha1");

Error invalid(const QString &path, const QString &reason)
{
    return Error{invalidCode, path.isEmpty() ? reason : QString(path + u": " + reason)};
}

// Field paths read like `clusters.tokyo.maxReplicas`; names that would be ambiguous there are
// quoted: clusters["eu.west"].weight.
QString child(const QString &path, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_*-]+$"));
    if (!plain.match(key).hasMatch())
        return path + u"[\"" + key + u"\"]";
    return path.isEmpty() ? key : QString(path + u'.' + key);
}

QString index(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

Result<qint64> readInteger(const QJsonValue &value,
                           const QString &path,
                           qint64 minimum,
                           qint64 maximum = std::numeric_limits<qint64>::max())
{
    const QString got = JsonTree::describe(value);
    const QString range = maximum == std::numeric_limits<qint64>::max()
                                  ? QCoreApplication::translate("Meridian::Placement",
                                                                "must be an integer ≥ %1")
                                            .arg(minimum)
                                  : QCoreApplication::translate("Meridian::Placement",
                                                                "must be an integer from %1 to %2")
                                            .arg(minimum)
                                            .arg(maximum);
    if (!value.isDouble())
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement", "%1, got %2")
                               .arg(range, got));
    if (value.toVariant().typeId() != QMetaType::LongLong) {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) >= 9.2e18)
            return invalid(path,
                           QCoreApplication::translate(
                                   "Meridian::Placement",
                                   "%1, got %2, which is beyond the 64-bit integer range")
                                   .arg(range, got));
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement",
                                                   "%1 (no fraction or exponent), got %2")
                               .arg(range, got));
    }
    const qint64 n = value.toInteger();
    if (n < minimum || n > maximum)
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement", "%1, got %2")
                               .arg(range, got));
    return n;
}

Result<bool> readBool(const QJsonValue &value, const QString &path)
{
    if (!value.isBool())
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement",
                                                   "must be true or false, got %1")
                               .arg(JsonTree::describe(value)));
    return value.toBool();
}

Result<QString> readString(const QJsonValue &value, const QString &path)
{
    if (!value.isString())
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement",
                                                   "must be a string, got %1")
                               .arg(JsonTree::describe(value)));
    return value.toString();
}

Result<QJsonObject> readObject(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement",
                                                   "must be an object, got %1")
                               .arg(JsonTree::describe(value)));
    return value.toObject();
}

// Checks every key against `known` and returns the values by their canonical name. Go's
// encoding/json matches the annotation's keys case-insensitively, so that format passes
// caseInsensitive; Kubernetes objects are case-sensitive.
Result<QHash<QString, QJsonValue>> fields(const QJsonObject &object,
                                          const QString &path,
                                          const QStringList &known,
                                          bool caseInsensitive)
{
    QHash<QString, QJsonValue> out;
    QHash<QString, QString> spelling;
    for (auto it = object.begin(); it != object.end(); ++it) {
        QString canonical;
        for (const QString &k : known) {
            if (k.compare(it.key(), caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive)
                == 0) {
                canonical = k;
                break;
            }
        }
        if (canonical.isEmpty()) {
            return invalid(child(path, it.key()),
                           QCoreApplication::translate("Meridian::Placement",
                                                       "unknown field (expected %1)")
                                   .arg(known.join(QLatin1String(", "))));
        }
        if (spelling.contains(canonical)) {
            return invalid(child(path, canonical),
                           QCoreApplication::translate("Meridian::Placement",
                                                       "given twice, as \"%1\" and \"%2\"")
                                   .arg(spelling.value(canonical), it.key()));
        }
        spelling.insert(canonical, it.key());
        out.insert(canonical, it.value());
    }
    return out;
}

QString badClusterName(const QString &name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("Meridian::Placement", "a cluster name cannot be empty");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return QCoreApplication::translate("Meridian::Placement",
                                               "a cluster name cannot contain control characters");
    }
    return QString();
}

Result<ClusterPreference> readClusterPreference(const QJsonValue &value,
                                                const QString &path,
                                                bool caseInsensitive)
{
    const auto object = readObject(value, path);
    if (!object)
        return object.error();
    static const QStringList known = {QStringLiteral("minReplicas"),
                                      QStringLiteral("maxReplicas"),
                                      QStringLiteral("weight")};
    const auto f = fields(*object, path, known, caseInsensitive);
    if (!f)
        return f.error();
    ClusterPreference pref;
    // null leaves the zero value, as Go's json.Unmarshal does.
    if (const QJsonValue v = f->value(known[0], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const auto n = readInteger(v, child(path, known[0]), 0);
        if (!n)
            return n.error();
        pref.minReplicas = *n;
    }
    if (const QJsonValue v = f->value(known[1], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const auto n = readInteger(v, child(path, known[1]), 0);
        if (!n)
            return n.error();
        pref.maxReplicas = *n;
    }
    if (const QJsonValue v = f->value(known[2], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const auto n = readInteger(v, child(path, known[2]), 0);
        if (!n)
            return n.error();
        pref.weight = *n;
    }
    if (pref.maxReplicas && pref.minReplicas > *pref.maxReplicas) {
        return invalid(
                path,
                QCoreApplication::translate("Meridian::Placement",
                                            "minReplicas (%1) is greater than maxReplicas (%2)")
                        .arg(pref.minReplicas)
                        .arg(*pref.maxReplicas));
    }
    return pref;
}

Result<QMap<QString, ClusterPreference>> readClusters(const QJsonValue &value,
                                                      const QString &path,
                                                      bool caseInsensitive)
{
    const auto object = readObject(value, path);
    if (!object)
        return object.error();
    if (object->isEmpty())
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement",
                                                   "must name at least one cluster (or \"*\")"));
    QMap<QString, ClusterPreference> clusters;
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (const QString why = badClusterName(it.key()); !why.isEmpty())
            return invalid(child(path, it.key()), why);
        const auto pref = readClusterPreference(it.value(), child(path, it.key()), caseInsensitive);
        if (!pref)
            return pref.error();
        clusters.insert(it.key(), *pref);
    }
    return clusters;
}

Result<ReplicaPreferences> readAnnotation(const QJsonObject &object)
{
    static const QStringList known = {QStringLiteral("rebalance"), QStringLiteral("clusters")};
    const auto f = fields(object, QString(), known, true);
    if (!f)
        return f.error();
    ReplicaPreferences prefs;
    if (const QJsonValue v = f->value(known[0], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const auto b = readBool(v, known[0]);
        if (!b)
            return b.error();
        prefs.rebalance = *b;
    }
    const QJsonValue clusters = f->value(known[1], QJsonValue(QJsonValue::Undefined));
    if (clusters.isUndefined() || clusters.isNull())
        return invalid(
                known[1],
                QCoreApplication::translate("Meridian::Placement",
                                            "missing; without it every cluster gets 0 replicas"));
    const auto c = readClusters(clusters, known[1], true);
    if (!c)
        return c.error();
    prefs.clusters = *c;
    return prefs;
}

QJsonObject clustersToJson(const QMap<QString, ClusterPreference> &clusters)
{
    QJsonObject out;
    for (auto it = clusters.cbegin(); it != clusters.cend(); ++it) {
        QJsonObject c;
        if (it->minReplicas != 0)
            c.insert(QStringLiteral("minReplicas"), it->minReplicas);
        if (it->maxReplicas)
            c.insert(QStringLiteral("maxReplicas"), *it->maxReplicas);
        c.insert(QStringLiteral("weight"), it->weight);
        out.insert(it.key(), c);
    }
    return out;
}

QString noteEvenSpread(const QString &why)
{
    return QCoreApplication::translate(
                   "Meridian::Placement",
                   "%1; the engine then spreads evenly, as {\"clusters\":{\"*\":{\"weight\":1}}}")
            .arg(why);
}

} // namespace

struct PreferencesDocument::Data
{
    enum class Container { BareAnnotation, Manifest };

    PreferencesFormat format = PreferencesFormat::FederationAnnotation;
    Container container = Container::BareAnnotation;
    bool json = false;      // the manifest was written as JSON
    YAML::Node root;        // the whole manifest, unknown fields included
    QJsonObject annotation; // the annotation's value
    QString annotationKey;
    std::vector<YAML::Node> opaqueRules; // Karmada rules selecting by label: kept, not evaluated
    ReplicaPreferences prefs;
    QStringList notes;

    Data() = default;
    Data(const Data &other)
        : format(other.format)
        , container(other.container)
        , json(other.json)
        , root(YAML::Clone(other.root))
        , annotation(other.annotation)
        , annotationKey(other.annotationKey)
        , prefs(other.prefs)
        , notes(other.notes)
    {
        for (const YAML::Node &rule : other.opaqueRules)
            opaqueRules.push_back(YAML::Clone(rule));
    }
    Data &operator=(const Data &) = delete;
};

PreferencesDocument::PreferencesDocument(std::unique_ptr<Data> data)
    : d(std::move(data))
{}
PreferencesDocument::PreferencesDocument(const PreferencesDocument &other)
    : d(std::make_unique<Data>(*other.d))
{}
PreferencesDocument &PreferencesDocument::operator=(const PreferencesDocument &other)
{
    if (this != &other)
        d = std::make_unique<Data>(*other.d);
    return *this;
}
PreferencesDocument::PreferencesDocument(PreferencesDocument &&) noexcept = default;
PreferencesDocument &PreferencesDocument::operator=(PreferencesDocument &&) noexcept = default;
PreferencesDocument::~PreferencesDocument() = default;

PreferencesFormat PreferencesDocument::format() const
{
    return d->format;
}

const ReplicaPreferences &PreferencesDocument::preferences() const
{
    return d->prefs;
}

const QStringList &PreferencesDocument::notes() const
{
    return d->notes;
}

namespace {

Result<QJsonObject> parseJsonObject(const QByteArray &text, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{parseCode,
                     QCoreApplication::translate("Meridian::Placement",
                                                 "%1: malformed JSON at offset %2: %3")
                             .arg(what)
                             .arg(error.offset)
                             .arg(error.errorString())};
    }
    if (!doc.isObject())
        return Error{parseCode,
                     QCoreApplication::translate("Meridian::Placement", "%1: must be a JSON object")
                             .arg(what)};
    return doc.object();
}

Result<QJsonValue> subtree(const YAML::Node &root, const QStringList &path)
{
    YAML::Node node = YAML::Clone(root);
    QStringList walked;
    for (const QString &key : path) {
        if (node.IsNull() && !walked.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        // Write-back indexes these nodes as mappings, so anything else is an error here.
        if (!node.IsMap()) {
            return invalid(walked.isEmpty() ? QStringLiteral(".") : walked.join(u'.'),
                           QCoreApplication::translate("Meridian::Placement", "must be an object"));
        }
        walked.append(key);
        const YAML::Node &constNode = node;
        const YAML::Node next = constNode[key.toStdString()];
        if (!next.IsDefined())
            return QJsonValue(QJsonValue::Undefined);
        node.reset(next);
    }
    return JsonTree::toJson(node, path.join(u'.'));
}

QString kindOf(const YAML::Node &root)
{
    const YAML::Node &r = root;
    const YAML::Node kind = r["kind"];
    return kind.IsDefined() && kind.IsScalar() ? QString::fromStdString(kind.Scalar()) : QString();
}

Status readRsp(PreferencesDocument::Data &data)
{
    const auto spec = subtree(data.root, {QStringLiteral("spec")});
    if (!spec)
        return spec.error();
    if (spec->isUndefined() || spec->isNull())
        return invalid(QStringLiteral("spec"),
                       QCoreApplication::translate("Meridian::Placement", "missing"));
    const auto object = readObject(*spec, QStringLiteral("spec"));
    if (!object)
        return object.error();
    static const QStringList known = {QStringLiteral("targetKind"),
                                      QStringLiteral("totalReplicas"),
                                      QStringLiteral("rebalance"),
                                      QStringLiteral("intersectWithClusterSelector"),
                                      QStringLiteral("clusters")};
    const QString base = QStringLiteral("spec");
    const auto f = fields(*object, base, known, false);
    if (!f)
        return f.error();
    if (const QJsonValue v = f->value(known[0], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined()) {
        const auto s = readString(v, child(base, known[0]));
        if (!s)
            return s.error();
        if (*s != u"FederatedDeployment" && *s != u"FederatedReplicaSet") {
            return invalid(child(base, known[0]),
                           QCoreApplication::translate(
                                   "Meridian::Placement",
                                   "must be FederatedDeployment or FederatedReplicaSet, got \"%1\"")
                                   .arg(*s));
        }
    }
    if (const QJsonValue v = f->value(known[1], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined()) {
        const auto n = readInteger(v, child(base, known[1]), 0, std::numeric_limits<qint32>::max());
        if (!n)
            return n.error();
        data.prefs.totalReplicas = *n;
    }
    if (const QJsonValue v = f->value(known[2], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const auto b = readBool(v, child(base, known[2]));
        if (!b)
            return b.error();
        data.prefs.rebalance = *b;
    }
    if (const QJsonValue v = f->value(known[3], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const auto b = readBool(v, child(base, known[3]));
        if (!b)
            return b.error();
    }
    const QJsonValue clusters = f->value(known[4], QJsonValue(QJsonValue::Undefined));
    if (clusters.isUndefined() || clusters.isNull()
        || (clusters.isObject() && clusters.toObject().isEmpty())) {
        // KubeFed's own default (replicascheduler.go, GetSchedulingResult).
        data.prefs.clusters = ReplicaPreferences::evenSpread().clusters;
        data.notes.append(noteEvenSpread(
                QCoreApplication::translate("Meridian::Placement", "spec.clusters is empty")));
    } else {
        const auto c = readClusters(clusters, child(base, known[4]), false);
        if (!c)
            return c.error();
        data.prefs.clusters = *c;
    }
    return succeeded();
}

Status readStaticWeightList(PreferencesDocument::Data &data,
                            const QJsonValue &value,
                            const QString &path)
{
    if (!value.isArray())
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement", "must be a list, got %1")
                               .arg(JsonTree::describe(value)));
    const QJsonArray rules = value.toArray();
    if (rules.isEmpty())
        return invalid(path,
                       QCoreApplication::translate("Meridian::Placement",
                                                   "must hold at least one rule"));
    const YAML::Node &root = data.root;
    const YAML::Node yamlRules = root["spec"]["placement"]["replicaScheduling"]["weightPreference"]
                                     ["staticWeightList"];
    static const QStringList ruleKeys = {QStringLiteral("targetCluster"), QStringLiteral("weight")};
    static const QStringList affinityKeys = {QStringLiteral("clusterNames"),
                                             QStringLiteral("exclude"),
                                             QStringLiteral("labelSelector"),
                                             QStringLiteral("fieldSelector")};
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString rulePath = index(path, i);
        const auto rule = readObject(rules.at(i), rulePath);
        if (!rule)
            return rule.error();
        const auto f = fields(*rule, rulePath, ruleKeys, false);
        if (!f)
            return f.error();
        const QJsonValue weightValue = f->value(ruleKeys[1], QJsonValue(QJsonValue::Undefined));
        if (weightValue.isUndefined())
            return invalid(child(rulePath, ruleKeys[1]),
                           QCoreApplication::translate("Meridian::Placement", "missing"));
        const auto weight = readInteger(weightValue, child(rulePath, ruleKeys[1]), 1);
        if (!weight)
            return weight.error();
        const QString targetPath = child(rulePath, ruleKeys[0]);
        const QJsonValue targetValue = f->value(ruleKeys[0], QJsonValue(QJsonValue::Undefined));
        if (targetValue.isUndefined())
            return invalid(targetPath,
                           QCoreApplication::translate("Meridian::Placement", "missing"));
        const auto target = readObject(targetValue, targetPath);
        if (!target)
            return target.error();
        const auto tf = fields(*target, targetPath, affinityKeys, false);
        if (!tf)
            return tf.error();
        QStringList names[2]; // clusterNames, exclude
        for (int k = 0; k < 2; ++k) {
            const QJsonValue list = tf->value(affinityKeys[k], QJsonValue(QJsonValue::Undefined));
            if (list.isUndefined() || list.isNull())
                continue;
            const QString listPath = child(targetPath, affinityKeys[k]);
            if (!list.isArray())
                return invalid(listPath,
                               QCoreApplication::translate("Meridian::Placement",
                                                           "must be a list of cluster names"));
            const QJsonArray array = list.toArray();
            for (qsizetype j = 0; j < array.size(); ++j) {
                const auto name = readString(array.at(j), index(listPath, j));
                if (!name)
                    return name.error();
                if (const QString why = badClusterName(*name); !why.isEmpty())
                    return invalid(index(listPath, j), why);
                names[k].append(*name);
            }
        }
        const bool bySelector = tf->contains(affinityKeys[2]) || tf->contains(affinityKeys[3])
                                || (!names[1].isEmpty() && names[0].isEmpty());
        if (bySelector) {
            // Cluster labels are not known offline; keep the rule and say so.
            if (yamlRules.IsSequence() && static_cast<qsizetype>(yamlRules.size()) > i)
                data.opaqueRules.push_back(YAML::Clone(yamlRules[static_cast<size_t>(i)]));
            data.notes.append(
                    QCoreApplication::translate(
                            "Meridian::Placement",
                            "%1 selects clusters by label or field; Meridian cannot evaluate "
                            "it offline and leaves it out of the plan")
                            .arg(targetPath));
            continue;
        }
        QStringList targets = names[0];
        if (targets.isEmpty())
            targets.append(QString(wildcardCluster)); // an empty affinity selects every cluster
        for (const QString &name : std::as_const(targets)) {
            if (names[1].contains(name))
                continue;
            ClusterPreference &pref = data.prefs.clusters[name];
            pref.weight = std::max(pref.weight, *weight); // Karmada takes the largest match
        }
    }
    return succeeded();
}

Status readPropagationPolicy(PreferencesDocument::Data &data)
{
    const QString base = QStringLiteral("spec.placement.replicaScheduling");
    const auto rs = subtree(data.root,
                            {QStringLiteral("spec"),
                             QStringLiteral("placement"),
                             QStringLiteral("replicaScheduling")});
    if (!rs)
        return rs.error();
    data.prefs.clusters.clear();
    if (rs->isUndefined() || rs->isNull()) {
        data.prefs.schedulingType = ReplicaSchedulingType::Duplicated;
        data.notes.append(QCoreApplication::translate(
                                  "Meridian::Placement",
                                  "%1 is missing; Karmada then duplicates: every cluster runs all "
                                  "replicas")
                                  .arg(base));
        return succeeded();
    }
    const auto object = readObject(*rs, base);
    if (!object)
        return object.error();
    static const QStringList known = {QStringLiteral("replicaSchedulingType"),
                                      QStringLiteral("replicaDivisionPreference"),
                                      QStringLiteral("weightPreference")};
    const auto f = fields(*object, base, known, false);
    if (!f)
        return f.error();
    if (const QJsonValue v = f->value(known[0], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined()) {
        const auto s = readString(v, child(base, known[0]));
        if (!s)
            return s.error();
        if (*s == u"Duplicated")
            data.prefs.schedulingType = ReplicaSchedulingType::Duplicated;
        else if (*s == u"Divided")
            data.prefs.schedulingType = ReplicaSchedulingType::Divided;
        else
            return invalid(child(base, known[0]),
                           QCoreApplication::translate("Meridian::Placement",
                                                       "must be Duplicated or Divided, got \"%1\"")
                                   .arg(*s));
    }
    if (const QJsonValue v = f->value(known[1], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined()) {
        const auto s = readString(v, child(base, known[1]));
        if (!s)
            return s.error();
        if (*s == u"Aggregated")
            data.prefs.division = ReplicaDivision::Aggregated;
        else if (*s == u"Weighted")
            data.prefs.division = ReplicaDivision::Weighted;
        else
            return invalid(child(base, known[1]),
                           QCoreApplication::translate("Meridian::Placement",
                                                       "must be Aggregated or Weighted, got \"%1\"")
                                   .arg(*s));
    }
    const QJsonValue wp = f->value(known[2], QJsonValue(QJsonValue::Undefined));
    if (wp.isUndefined() || wp.isNull()) {
        if (data.prefs.schedulingType == ReplicaSchedulingType::Divided
            && data.prefs.division == ReplicaDivision::Weighted) {
            data.notes.append(QCoreApplication::translate(
                                      "Meridian::Placement",
                                      "%1.weightPreference is missing; Karmada then weighs every "
                                      "cluster 1")
                                      .arg(base));
        }
        return succeeded();
    }
    const QString wpPath = child(base, known[2]);
    const auto wpObject = readObject(wp, wpPath);
    if (!wpObject)
        return wpObject.error();
    static const QStringList wpKeys
            = {QStringLiteral("staticWeightList"), QStringLiteral("dynamicWeight")};
    const auto wf = fields(*wpObject, wpPath, wpKeys, false);
    if (!wf)
        return wf.error();
    if (const QJsonValue v = wf->value(wpKeys[1], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const auto s = readString(v, child(wpPath, wpKeys[1]));
        if (!s)
            return s.error();
        if (*s != u"AvailableReplicas") {
            return invalid(child(wpPath, wpKeys[1]),
                           QCoreApplication::translate("Meridian::Placement",
                                                       "must be AvailableReplicas, got \"%1\"")
                                   .arg(*s));
        }
        data.prefs.weightSource = WeightSource::AvailableReplicas;
    }
    if (const QJsonValue v = wf->value(wpKeys[0], QJsonValue(QJsonValue::Undefined));
        !v.isUndefined() && !v.isNull()) {
        const Status s = readStaticWeightList(data, v, child(wpPath, wpKeys[0]));
        if (!s)
            return s;
        if (data.prefs.weightSource == WeightSource::AvailableReplicas)
            data.notes.append(QCoreApplication::translate(
                                      "Meridian::Placement",
                                      "%1.staticWeightList is ignored because dynamicWeight is set")
                                      .arg(wpPath));
    }
    return succeeded();
}

// Finds the annotation on an object that carries it (a Deployment, a ReplicaSet, or their
// federated forms).
Status readManifestAnnotation(PreferencesDocument::Data &data)
{
    const QString kind = kindOf(data.root);
    const QString preferred = kind.contains(QLatin1String("ReplicaSet"))
                                      ? QLatin1String(replicaSetPreferencesAnnotation)
                                      : QLatin1String(deploymentPreferencesAnnotation);
    const QString other = preferred == QLatin1String(replicaSetPreferencesAnnotation)
                                  ? QLatin1String(deploymentPreferencesAnnotation)
                                  : QLatin1String(replicaSetPreferencesAnnotation);
    const auto annotations
            = subtree(data.root, {QStringLiteral("metadata"), QStringLiteral("annotations")});
    if (!annotations)
        return annotations.error();
    if (!annotations->isUndefined() && !annotations->isNull() && !annotations->isObject())
        return invalid(QStringLiteral("metadata.annotations"),
                       QCoreApplication::translate("Meridian::Placement", "must be an object"));
    const QJsonObject map = annotations->toObject();
    for (const QString &key : {preferred, other}) {
        if (!map.contains(key))
            continue;
        const QString path = child(QStringLiteral("metadata.annotations"), key);
        const auto text = readString(map.value(key), path);
        if (!text)
            return text.error();
        const auto object = parseJsonObject(text->toUtf8(), path);
        if (!object) {
            return Error{object.error().code,
                         object.error().message
                                 + QCoreApplication::translate(
                                         "Meridian::Placement",
                                         " (the engine would ignore it and spread evenly)")};
        }
        const auto prefs = readAnnotation(*object);
        if (!prefs)
            return Error{prefs.error().code, path + u": " + prefs.error().message};
        data.annotation = *object;
        data.annotationKey = key;
        data.prefs = *prefs;
        return succeeded();
    }
    data.annotationKey = preferred;
    data.prefs = ReplicaPreferences::evenSpread();
    data.notes.append(noteEvenSpread(
            QCoreApplication::translate("Meridian::Placement", "%1 has no %2 annotation")
                    .arg(kind, preferred)));
    return succeeded();
}

Result<PreferencesDocument::Data> fromManifest(const YAML::Node &root,
                                               bool json,
                                               std::optional<PreferencesFormat> expected)
{
    PreferencesDocument::Data data;
    data.container = PreferencesDocument::Data::Container::Manifest;
    data.json = json;
    data.root = root;
    if (!root.IsMap())
        return invalid(
                QString(),
                QCoreApplication::translate("Meridian::Placement",
                                            "expected a Kubernetes object or an annotation value"));
    const QString kind = kindOf(root);
    PreferencesFormat format = PreferencesFormat::FederationAnnotation;
    if (kind == u"ReplicaSchedulingPreference")
        format = PreferencesFormat::ReplicaSchedulingPreference;
    else if (kind == u"PropagationPolicy" || kind == u"ClusterPropagationPolicy")
        format = PreferencesFormat::PropagationPolicy;
    else if (kind.isEmpty() && expected && *expected != PreferencesFormat::FederationAnnotation)
        format = *expected; // a bare spec is accepted when the caller names the format
    if (expected && format != *expected) {
        return invalid(QStringLiteral("kind"),
                       QCoreApplication::translate("Meridian::Placement",
                                                   "expected a %1, got \"%2\"")
                               .arg(formatName(*expected), kind));
    }
    data.format = format;
    Status status = succeeded();
    switch (format) {
    case PreferencesFormat::ReplicaSchedulingPreference: status = readRsp(data); break;
    case PreferencesFormat::PropagationPolicy: status = readPropagationPolicy(data); break;
    case PreferencesFormat::FederationAnnotation:
        if (kind.isEmpty()) {
            // An annotation value written as YAML.
            const auto value = JsonTree::toJson(root, QString());
            if (!value)
                return value.error();
            const auto prefs = readAnnotation(value->toObject());
            if (!prefs)
                return prefs.error();
            data.container = PreferencesDocument::Data::Container::BareAnnotation;
            data.annotation = value->toObject();
            data.prefs = *prefs;
            return data;
        }
        status = readManifestAnnotation(data);
        break;
    }
    if (!status)
        return status.error();
    return data;
}

// Kubernetes objects are UTF-8; anything else would not survive a write-back unchanged.
Status checkUtf8(const QByteArray &text)
{
    if (QString::fromUtf8(text).toUtf8() != text)
        return Error{parseCode,
                     QCoreApplication::translate("Meridian::Placement",
                                                 "the preferences are not valid UTF-8")};
    // YAML forbids other C0 controls in a stream, and yaml-cpp mangles NUL.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return Error{parseCode,
                         QCoreApplication::translate(
                                 "Meridian::Placement",
                                 "the preferences contain control character 0x%1 at offset %2")
                                 .arg(c, 2, 16, QLatin1Char('0'))
                                 .arg(i)};
        }
    }
    return succeeded();
}

Result<PreferencesDocument::Data> parseAny(const QByteArray &text,
                                           std::optional<PreferencesFormat> expected)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error{parseCode,
                     QCoreApplication::translate("Meridian::Placement",
                                                 "the preferences are empty")};
    if (const Status utf8 = checkUtf8(trimmed); !utf8)
        return utf8.error();
    const bool json = trimmed.startsWith('{');
    if (json) {
        const auto object = parseJsonObject(trimmed,
                                            QCoreApplication::translate("Meridian::Placement",
                                                                        "preferences"));
        if (!object)
            return object.error();
        const bool isObject = object->contains(QLatin1String("kind"))
                              || object->contains(QLatin1String("apiVersion"))
                              || object->contains(QLatin1String("spec"));
        if (!isObject && (!expected || *expected == PreferencesFormat::FederationAnnotation)) {
            const auto prefs = readAnnotation(*object);
            if (!prefs)
                return prefs.error();
            PreferencesDocument::Data data;
            data.annotation = *object;
            data.prefs = *prefs;
            return data;
        }
    }
    const auto root = JsonTree::loadYaml(trimmed);
    if (!root)
        return root.error();
    return fromManifest(*root, json, expected);
}

} // namespace

Result<PreferencesDocument> PreferencesDocument::parse(const QByteArray &text)
{
    auto data = parseAny(text, std::nullopt);
    if (!data)
        return data.error();
    return PreferencesDocument(std::make_unique<Data>(std::move(*data)));
}

Result<PreferencesDocument> PreferencesDocument::parseAnnotation(const QByteArray &json)
{
    if (const Status utf8 = checkUtf8(json); !utf8)
        return utf8.error();
    const auto object
            = parseJsonObject(json.trimmed(),
                              QCoreApplication::translate("Meridian::Placement", "annotation"));
    if (!object)
        return object.error();
    const auto prefs = readAnnotation(*object);
    if (!prefs)
        return prefs.error();
    auto data = std::make_unique<Data>();
    data->annotation = *object;
    data->prefs = *prefs;
    return PreferencesDocument(std::move(data));
}

Result<PreferencesDocument> PreferencesDocument::parseReplicaSchedulingPreference(
        const QByteArray &text)
{
    auto data = parseAny(text, PreferencesFormat::ReplicaSchedulingPreference);
    if (!data)
        return data.error();
    return PreferencesDocument(std::make_unique<Data>(std::move(*data)));
}

Result<PreferencesDocument> PreferencesDocument::parsePropagationPolicy(const QByteArray &text)
{
    auto data = parseAny(text, PreferencesFormat::PropagationPolicy);
    if (!data)
        return data.error();
    return PreferencesDocument(std::make_unique<Data>(std::move(*data)));
}

PreferencesDocument PreferencesDocument::create(PreferencesFormat format,
                                                const ReplicaPreferences &prefs,
                                                QStringList *lost)
{
    auto data = std::make_unique<Data>();
    data->format = format;
    switch (format) {
    case PreferencesFormat::FederationAnnotation: break;
    case PreferencesFormat::ReplicaSchedulingPreference:
        data->container = Data::Container::Manifest;
        data->root["apiVersion"] = kubefedApiVersion.toStdString();
        data->root["kind"] = "ReplicaSchedulingPreference";
        data->root["metadata"] = YAML::Node(YAML::NodeType::Map);
        data->root["spec"]["targetKind"] = "FederatedDeployment";
        break;
    case PreferencesFormat::PropagationPolicy:
        data->container = Data::Container::Manifest;
        data->root["apiVersion"] = karmadaApiVersion.toStdString();
        data->root["kind"] = "PropagationPolicy";
        data->root["metadata"] = YAML::Node(YAML::NodeType::Map);
        break;
    }
    PreferencesDocument doc(std::move(data));
    const QStringList notCarried = doc.setPreferences(prefs);
    if (lost)
        *lost = notCarried;
    return doc;
}

namespace {

void writeStaticWeights(PreferencesDocument::Data &data, YAML::Node weightPreference)
{
    // One rule per distinct weight, heaviest first; rules that select by label stay as they were.
    std::map<qint64, QStringList, std::greater<>> byWeight;
    for (auto it = data.prefs.clusters.cbegin(); it != data.prefs.clusters.cend(); ++it) {
        if (it->weight > 0)
            byWeight[it->weight].append(it.key());
    }
    YAML::Node list(YAML::NodeType::Sequence);
    for (auto it = byWeight.cbegin(); it != byWeight.cend(); ++it) {
        YAML::Node rule(YAML::NodeType::Map);
        QStringList names = it->second;
        const bool wildcard = names.removeAll(QString(wildcardCluster)) > 0;
        if (wildcard) {
            YAML::Node all(YAML::NodeType::Map);
            rule["targetCluster"] = all;
            rule["weight"] = std::to_string(it->first);
            list.push_back(YAML::Clone(rule));
            rule = YAML::Node(YAML::NodeType::Map);
        }
        if (names.isEmpty())
            continue;
        QJsonArray array;
        for (const QString &name : std::as_const(names))
            array.append(name);
        rule["targetCluster"]["clusterNames"] = JsonTree::toYaml(array);
        rule["weight"] = std::to_string(it->first);
        list.push_back(rule);
    }
    for (const YAML::Node &rule : data.opaqueRules)
        list.push_back(YAML::Clone(rule));
    weightPreference["staticWeightList"] = list;
}

void writePropagationPolicy(PreferencesDocument::Data &data, bool weightsChanged)
{
    YAML::Node rs = data.root["spec"]["placement"]["replicaScheduling"];
    const bool duplicated = data.prefs.schedulingType == ReplicaSchedulingType::Duplicated;
    rs["replicaSchedulingType"] = duplicated ? "Duplicated" : "Divided";
    if (duplicated)
        return;
    rs["replicaDivisionPreference"]
            = data.prefs.division == ReplicaDivision::Aggregated ? "Aggregated" : "Weighted";
    if (data.prefs.division == ReplicaDivision::Aggregated)
        return;
    if (data.prefs.weightSource == WeightSource::Static && data.prefs.clusters.isEmpty()
        && data.opaqueRules.empty()) {
        // No rules: Karmada weighs every cluster 1, and an empty list would not validate.
        const YAML::Node &constRs = rs;
        if (constRs["weightPreference"].IsDefined())
            rs.remove("weightPreference");
        return;
    }
    YAML::Node wp = rs["weightPreference"];
    if (data.prefs.weightSource == WeightSource::AvailableReplicas) {
        wp["dynamicWeight"] = "AvailableReplicas";
        wp.remove("staticWeightList");
        return;
    }
    wp.remove("dynamicWeight");
    if (weightsChanged || !wp["staticWeightList"].IsDefined()
        || !wp["staticWeightList"].IsSequence())
        writeStaticWeights(data, wp);
}

} // namespace

QStringList PreferencesDocument::setPreferences(const ReplicaPreferences &prefs)
{
    try {
        return writePreferences(prefs);
    } catch (const YAML::Exception &e) {
        // Parsing checked every node written here; this is a bug, not bad input.
        MERIDIAN_ASSERT(false,
                        return QStringList{
                                QCoreApplication::translate("Meridian::Placement",
                                                            "could not write the preferences: %1")
                                        .arg(QString::fromStdString(e.msg))});
    }
    return {};
}

QStringList PreferencesDocument::writePreferences(const ReplicaPreferences &prefs)
{
    const Conversion conversion = convertPreferences(prefs, d->format);
    const bool weightsChanged = conversion.preferences.clusters != d->prefs.clusters;
    d->prefs = conversion.preferences;
    d->notes.clear();
    const QJsonObject clusters = clustersToJson(d->prefs.clusters);
    switch (d->format) {
    case PreferencesFormat::FederationAnnotation: {
        QJsonObject object = d->annotation;
        bool hadRebalance = false;
        for (const QString &key : object.keys()) {
            if (key.compare(QLatin1String("rebalance"), Qt::CaseInsensitive) == 0)
                hadRebalance = true;
            if (key.compare(QLatin1String("rebalance"), Qt::CaseInsensitive) == 0
                || key.compare(QLatin1String("clusters"), Qt::CaseInsensitive) == 0)
                object.remove(key);
        }
        if (hadRebalance || d->prefs.rebalance)
            object.insert(QStringLiteral("rebalance"), d->prefs.rebalance);
        object.insert(QStringLiteral("clusters"), clusters);
        d->annotation = object;
        if (d->container == Data::Container::Manifest) {
            if (d->annotationKey.isEmpty())
                d->annotationKey = QLatin1String(deploymentPreferencesAnnotation);
            YAML::Node value(QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString());
            value.SetTag("!");
            d->root["metadata"]["annotations"][d->annotationKey.toStdString()] = value;
        }
        break;
    }
    case PreferencesFormat::ReplicaSchedulingPreference: {
        YAML::Node spec = d->root["spec"];
        if (d->prefs.rebalance || spec["rebalance"].IsDefined())
            spec["rebalance"] = d->prefs.rebalance ? "true" : "false";
        if (d->prefs.totalReplicas)
            spec["totalReplicas"] = std::to_string(*d->prefs.totalReplicas);
        spec["clusters"] = JsonTree::toYaml(clusters);
        break;
    }
    case PreferencesFormat::PropagationPolicy: writePropagationPolicy(*d, weightsChanged); break;
    }
    return conversion.notCarried;
}

QByteArray PreferencesDocument::toText() const
{
    if (d->container == Data::Container::BareAnnotation)
        return QJsonDocument(d->annotation).toJson(QJsonDocument::Compact) + '\n';
    if (d->json) {
        const auto value = JsonTree::toJson(d->root, QString());
        return QJsonDocument(value ? value->toObject() : QJsonObject())
                .toJson(QJsonDocument::Indented);
    }
    return JsonTree::emitYaml(d->root);
}

} // namespace Meridian::Placement

#include "kubeconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <yaml-cpp/yaml.h>

namespace Meridian::Kube {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Kube", text);
}

// Walks one kubeconfig document, remembering the first error with its file and line.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Kube::Reader)

public:
    explicit Reader(QString fileName)
        : m_fileName(std::move(fileName))
        , m_dir(QFileInfo(m_fileName).absolutePath())
    {}

    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }

    void fail(const YAML::Node &node, const QString &field, const QString &what)
    {
        if (m_error)
            return;
        const YAML::Mark mark = node.Mark();
        const QString where = mark.is_null()
                                      ? m_fileName
                                      : QStringLiteral("%1:%2").arg(m_fileName).arg(mark.line + 1);
        m_error = Error{QStringLiteral("InvalidKubeconfig"),
                        QStringLiteral("%1: %2: %3").arg(where, field, what)};
    }

    QString string(const YAML::Node &map, const char *key, const QString &path)
    {
        const YAML::Node node = map[key];
        if (!node || node.IsNull())
            return {};
        if (!node.IsScalar()) {
            fail(node, path + u'.' + QLatin1String(key), tr("expected a string"));
            return {};
        }
        return QString::fromStdString(node.Scalar());
    }

    bool boolean(const YAML::Node &map, const char *key, const QString &path)
    {
        const YAML::Node node = map[key];
        if (!node || node.IsNull())
            return false;
        bool value = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
            fail(node, path + u'.' + QLatin1String(key), tr("expected true or false"));
        return value;
    }

    QByteArray base64(const YAML::Node &map, const char *key, const QString &path)
    {
        const QString text = string(map, key, path);
        if (text.isEmpty())
            return {};
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1().simplified().replace(' ', ""),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(map[key], path + u'.' + QLatin1String(key), tr("is not valid base64"));
        return *decoded;
    }

    // Relative paths resolve against the folder of the file that holds them.
    QString path(const YAML::Node &map, const char *key, const QString &fieldPath)
    {
        const QString value = string(map, key, fieldPath);
        if (value.isEmpty())
            return {};
        QString expanded = value;
        if (expanded.startsWith(QLatin1String("~/")))
            expanded = QDir::homePath() + expanded.mid(1);
        return QDir::cleanPath(QDir(m_dir).absoluteFilePath(expanded));
    }

    const QString &fileName() const { return m_fileName; }
    const QString &dir() const { return m_dir; }

private:
    QString m_fileName;
    QString m_dir;
    std::optional<Error> m_error;
};

QJsonValue toJson(const YAML::Node &node)
{
    if (node.IsMap()) {
        QJsonObject object;
        for (const auto &item : node)
            object.insert(QString::fromStdString(item.first.Scalar()), toJson(item.second));
        return object;
    }
    if (node.IsSequence()) {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    if (node.IsScalar())
        return QString::fromStdString(node.Scalar());
    return QJsonValue();
}

// Each named stanza is {name: X, <kind>: {...}}.
template<typename Fn>
void forEachNamed(
        Reader &reader, const YAML::Node &root, const char *listKey, const char *itemKey, Fn &&fn)
{
    const YAML::Node list = root[listKey];
    if (!list || list.IsNull())
        return;
    if (!list.IsSequence()) {
        reader.fail(list, QLatin1String(listKey), tr("expected a list"));
        return;
    }
    for (std::size_t i = 0; i < list.size() && !reader.failed(); ++i) {
        const YAML::Node item = list[i];
        const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(listKey)).arg(i);
        if (!item.IsMap()) {
            reader.fail(item,
                        path,
                        tr("expected a mapping with name and %1").arg(QLatin1String(itemKey)));
            return;
        }
        const QString name = reader.string(item, "name", path);
        if (name.isEmpty()) {
            reader.fail(item, path + QStringLiteral(".name"), tr("is missing"));
            return;
        }
        const YAML::Node body = item[itemKey];
        const QString bodyPath = path + u'.' + QLatin1String(itemKey);
        if (body && !body.IsNull() && !body.IsMap()) {
            reader.fail(body, bodyPath, tr("expected a mapping"));
            return;
        }
        fn(name, body ? body : YAML::Node(YAML::NodeType::Map), bodyPath);
    }
}

ExecConfig readExec(Reader &reader, const YAML::Node &exec, const QString &path)
{
    ExecConfig config;
    config.baseDir = reader.dir();
    config.apiVersion = reader.string(exec, "apiVersion", path);
    config.command = reader.string(exec, "command", path);
    config.installHint = reader.string(exec, "installHint", path);
    config.provideClusterInfo = reader.boolean(exec, "provideClusterInfo", path);
    config.interactiveMode = reader.string(exec, "interactiveMode", path);
    if (config.command.isEmpty())
        reader.fail(exec, path + QStringLiteral(".command"), tr("is missing"));
    static const QStringList known = {QStringLiteral("client.authentication.k8s.io/v1"),
                                      QStringLiteral("client.authentication.k8s.io/v1beta1")};
    if (!reader.failed() && !known.contains(config.apiVersion)) {
        reader.fail(exec,
                    path + QStringLiteral(".apiVersion"),
                    tr("\"%1\" is not supported; use client.authentication.k8s.io/v1 or v1beta1")
                            .arg(config.apiVersion));
    }
    if (!reader.failed() && config.apiVersion == QLatin1String("client.authentication.k8s.io/v1")
        && config.interactiveMode.isEmpty()) {
        reader.fail(exec,
                    path + QStringLiteral(".interactiveMode"),
                    tr("is required for client.authentication.k8s.io/v1 (Never, IfAvailable or "
                       "Always)"));
    }
    if (const YAML::Node args = exec["args"]; args && !args.IsNull()) {
        if (!args.IsSequence()) {
            reader.fail(args, path + QStringLiteral(".args"), tr("expected a list of strings"));
        } else {
            for (const auto &arg : args)
                config.args.append(QString::fromStdString(arg.Scalar()));
        }
    }
    if (const YAML::Node env = exec["env"]; env && !env.IsNull()) {
        if (!env.IsSequence()) {
            reader.fail(env, path + QStringLiteral(".env"), tr("expected a list of {name, value}"));
        } else {
            for (std::size_t i = 0; i < env.size(); ++i) {
                const QString itemPath = QStringLiteral("%1.env[%2]").arg(path).arg(i);
                if (!env[i].IsMap()) {
                    reader.fail(env[i], itemPath, tr("expected {name, value}"));
                    break;
                }
                config.env.append({reader.string(env[i], "name", itemPath),
                                   reader.string(env[i], "value", itemPath)});
            }
        }
    }
    return config;
}

} // namespace

QStringList Kubeconfig::contextNames() const
{
    QStringList names;
    for (const ContextEntry &c : contexts)
        names.append(c.name);
    return names;
}

template<typename T>
static const T *findByName(const QList<T> &list, const QString &name)
{
    for (const T &entry : list) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

const ContextEntry *Kubeconfig::findContext(const QString &name) const
{
    return findByName(contexts, name);
}

const ClusterEntry *Kubeconfig::findCluster(const QString &name) const
{
    return findByName(clusters, name);
}

const UserEntry *Kubeconfig::findUser(const QString &name) const
{
    return findByName(users, name);
}

Result<ResolvedContext> Kubeconfig::resolve(const QString &contextName) const
{
    const QString name = contextName.isEmpty() ? currentContext : contextName;
    if (name.isEmpty()) {
        return Result<ResolvedContext>::failure(
                QStringLiteral("NoContext"),
                tr("No context was given and the kubeconfig sets no current-context. Available "
                   "contexts: %1")
                        .arg(contexts.isEmpty() ? tr("(none)")
                                                : contextNames().join(QLatin1String(", "))));
    }
    const ContextEntry *context = findContext(name);
    if (!context) {
        return Result<ResolvedContext>::failure(
                QStringLiteral("UnknownContext"),
                tr("Context \"%1\" is not in the kubeconfig (%2). Available contexts: %3")
                        .arg(name,
                             files.join(QLatin1String(", ")),
                             contexts.isEmpty() ? tr("(none)")
                                                : contextNames().join(QLatin1String(", "))));
    }
    const ClusterEntry *cluster = findCluster(context->cluster);
    if (!cluster) {
        return Result<ResolvedContext>::failure(
                QStringLiteral("UnknownCluster"),
                tr("Context \"%1\" refers to cluster \"%2\", which is not defined in %3")
                        .arg(name, context->cluster, context->sourceFile));
    }
    if (cluster->server.isEmpty()) {
        return Result<ResolvedContext>::failure(QStringLiteral("InvalidKubeconfig"),
                                                tr("Cluster \"%1\" has no server address (%2)")
                                                        .arg(cluster->name, cluster->sourceFile));
    }
    ResolvedContext resolved;
    resolved.context = *context;
    resolved.cluster = *cluster;
    if (!context->user.isEmpty()) {
        const UserEntry *user = findUser(context->user);
        if (!user) {
            return Result<ResolvedContext>::failure(
                    QStringLiteral("UnknownUser"),
                    tr("Context \"%1\" refers to user \"%2\", which is not defined in %3")
                            .arg(name, context->user, context->sourceFile));
        }
        resolved.user = *user;
    }
    return resolved;
}

void Kubeconfig::mergeFrom(const Kubeconfig &later)
{
    for (const ClusterEntry &c : later.clusters) {
        if (!findCluster(c.name))
            clusters.append(c);
    }
    for (const UserEntry &u : later.users) {
        if (!findUser(u.name))
            users.append(u);
    }
    for (const ContextEntry &c : later.contexts) {
        if (!findContext(c.name))
            contexts.append(c);
    }
    if (currentContext.isEmpty())
        currentContext = later.currentContext;
    files += later.files;
}

LoadOptions LoadOptions::fromEnvironment(const QString &explicitPath)
{
    LoadOptions options;
    options.explicitPath = explicitPath;
    if (qEnvironmentVariableIsSet("KUBECONFIG"))
        options.kubeconfigEnv = qEnvironmentVariable("KUBECONFIG");
    options.homeDir = QDir::homePath();
    return options;
}

Result<Kubeconfig> parseKubeconfig(const QByteArray &yaml, const QString &fileName)
{
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::ParserException &e) {
        return Result<Kubeconfig>::failure(QStringLiteral("InvalidKubeconfig"),
                                           tr("%1:%2:%3: not valid YAML: %4")
                                                   .arg(fileName)
                                                   .arg(e.mark.line + 1)
                                                   .arg(e.mark.column + 1)
                                                   .arg(QString::fromStdString(e.msg)));
    } catch (const YAML::Exception &e) {
        return Result<Kubeconfig>::failure(QStringLiteral("InvalidKubeconfig"),
                                           tr("%1: %2").arg(fileName, QString::fromUtf8(e.what())));
    }

    Kubeconfig config;
    config.files = {fileName};
    if (!root || root.IsNull())
        return config; // an empty file is a valid, empty kubeconfig (kubectl agrees)

    Reader reader(fileName);
    try {
        if (!root.IsMap()) {
            reader.fail(root,
                        tr("document"),
                        tr("expected a mapping (apiVersion, kind, clusters, ...)"));
            return reader.error();
        }
        config.currentContext
                = reader.string(root, "current-context", QStringLiteral("current-context"));

        forEachNamed(reader,
                     root,
                     "clusters",
                     "cluster",
                     [&](const QString &name, const YAML::Node &c, const QString &path) {
                         ClusterEntry entry;
                         entry.name = name;
                         entry.sourceFile = fileName;
                         entry.server = reader.string(c, "server", path);
                         entry.certificateAuthority = reader.path(c, "certificate-authority", path);
                         entry.certificateAuthorityData
                                 = reader.base64(c, "certificate-authority-data", path);
                         entry.insecureSkipTlsVerify
                                 = reader.boolean(c, "insecure-skip-tls-verify", path);
                         entry.tlsServerName = reader.string(c, "tls-server-name", path);
                         entry.proxyUrl = reader.string(c, "proxy-url", path);
                         entry.disableCompression = reader.boolean(c, "disable-compression", path);
                         if (const YAML::Node ext = c["extensions"]; ext && ext.IsSequence()) {
                             for (const auto &e : ext) {
                                 if (e.IsMap() && e["name"] && e["extension"]
                                     && e["name"].Scalar() == "client.authentication.k8s.io/exec")
                                     entry.execExtension = toJson(e["extension"]).toObject();
                             }
                         }
                         if (!entry.server.isEmpty()
                             && !entry.server.contains(QLatin1String("://")))
                             entry.server.prepend(QLatin1String("https://")); // as client-go does
                         if (!entry.server.isEmpty()) {
                             const QUrl url(entry.server);
                             if (!url.isValid() || url.host().isEmpty())
                                 reader.fail(c["server"],
                                             path + QStringLiteral(".server"),
                                             tr("\"%1\" is not a valid URL").arg(entry.server));
                         }
                         config.clusters.append(entry);
                     });

        forEachNamed(reader,
                     root,
                     "users",
                     "user",
                     [&](const QString &name, const YAML::Node &u, const QString &path) {
                         UserEntry entry;
                         entry.name = name;
                         entry.sourceFile = fileName;
                         entry.token = reader.string(u, "token", path);
                         entry.tokenFile = reader.path(u, "tokenFile", path);
                         entry.clientCertificate = reader.path(u, "client-certificate", path);
                         entry.clientCertificateData
                                 = reader.base64(u, "client-certificate-data", path);
                         entry.clientKey = reader.path(u, "client-key", path);
                         entry.clientKeyData = reader.base64(u, "client-key-data", path);
                         entry.username = reader.string(u, "username", path);
                         entry.password = reader.string(u, "password", path);
                         if (const YAML::Node exec = u["exec"]; exec && !exec.IsNull()) {
                             if (!exec.IsMap())
                                 reader.fail(exec,
                                             path + QStringLiteral(".exec"),
                                             tr("expected a mapping"));
                             else
                                 entry.exec
                                         = readExec(reader, exec, path + QStringLiteral(".exec"));
                         }
                         if (const YAML::Node ap = u["auth-provider"]; ap && ap.IsMap())
                             entry.authProvider
                                     = reader.string(ap,
                                                     "name",
                                                     path + QStringLiteral(".auth-provider"));
                         config.users.append(entry);
                     });

        forEachNamed(reader,
                     root,
                     "contexts",
                     "context",
                     [&](const QString &name, const YAML::Node &c, const QString &path) {
                         ContextEntry entry;
                         entry.name = name;
                         entry.sourceFile = fileName;
                         entry.cluster = reader.string(c, "cluster", path);
                         entry.user = reader.string(c, "user", path);
                         entry.nameSpace = reader.string(c, "namespace", path);
                         config.contexts.append(entry);
                     });
    } catch (const YAML::Exception &e) {
        return Result<Kubeconfig>::failure(QStringLiteral("InvalidKubeconfig"),
                                           tr("%1:%2: %3")
                                                   .arg(fileName)
                                                   .arg(e.mark.line + 1)
                                                   .arg(QString::fromStdString(e.msg)));
    }
    if (reader.failed())
        return reader.error();
    return config;
}

static Result<Kubeconfig> readFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<Kubeconfig>::failure(QStringLiteral("Unreadable"),
                                           tr("Cannot read kubeconfig %1: %2")
                                                   .arg(fileName, file.errorString()));
    }
    return parseKubeconfig(file.readAll(), QFileInfo(fileName).absoluteFilePath());
}

Result<Kubeconfig> loadKubeconfig(const LoadOptions &options)
{
    if (!options.inlineContent.isEmpty())
        return parseKubeconfig(options.inlineContent, options.inlineName);
    if (!options.explicitPath.isEmpty())
        return readFile(options.explicitPath);

    QStringList candidates;
    if (options.kubeconfigEnv) {
        for (const QString &entry : options.kubeconfigEnv->split(QDir::listSeparator())) {
            if (!entry.isEmpty() && !candidates.contains(entry))
                candidates.append(entry);
        }
    } else {
        candidates.append(QDir(options.homeDir).filePath(QStringLiteral(".kube/config")));
    }

    Kubeconfig merged;
    for (const QString &candidate : std::as_const(candidates)) {
        if (!QFileInfo::exists(candidate))
            continue; // kubectl skips missing files in the list
        Result<Kubeconfig> one = readFile(candidate);
        if (!one)
            return one.error();
        if (merged.files.isEmpty())
            merged = std::move(one).value();
        else
            merged.mergeFrom(*one);
    }
    return merged;
}

} // namespace Meridian::Kube

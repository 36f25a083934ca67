#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Meridian::Kube {

struct ExecEnvVar
{
    QString name;
    QString value;
};

// users[].user.exec: a client.authentication.k8s.io credential plugin.
struct ExecConfig
{
    QString apiVersion;
    QString command;
    QStringList args;
    QList<ExecEnvVar> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never | IfAvailable | Always; empty = the version's default
    QString baseDir;         // folder of the kubeconfig that defined it (relative commands)
};

struct ClusterEntry
{
    QString name;
    QString server;
    QString certificateAuthority;        // absolute path, resolved against the file's folder
    QByteArray certificateAuthorityData; // decoded PEM; wins over the file
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    bool disableCompression = false;
    QJsonObject execExtension; // extensions[client.authentication.k8s.io/exec]
    QString sourceFile;
};

struct UserEntry
{
    QString name;
    QString token;
    QString tokenFile;                // absolute path
    QString clientCertificate;        // absolute path
    QByteArray clientCertificateData; // decoded PEM
    QString clientKey;                // absolute path
    QByteArray clientKeyData;         // decoded PEM
    QString username;
    QString password;
    std::optional<ExecConfig> exec;
    QString authProvider; // legacy auth-provider name (gcp, oidc, azure)
    QString sourceFile;
};

struct ContextEntry
{
    QString name;
    QString cluster;
    QString user;
    QString nameSpace;
    QString sourceFile;
};

// Everything one context needs to reach its cluster.
struct ResolvedContext
{
    ContextEntry context;
    ClusterEntry cluster;
    UserEntry user;
};

// The merged view of one or more kubeconfig files, as kubectl builds it.
struct Kubeconfig
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Kube::Kubeconfig)

public:
    QList<ClusterEntry> clusters;
    QList<UserEntry> users;
    QList<ContextEntry> contexts;
    QString currentContext;
    QStringList files; // the files that were read, in merge order

    QStringList contextNames() const;
    const ContextEntry *findContext(const QString &name) const;
    const ClusterEntry *findCluster(const QString &name) const;
    const UserEntry *findUser(const QString &name) const;

    // A context by name ("" = current-context); an unknown name lists the ones there are.
    Result<ResolvedContext> resolve(const QString &contextName) const;

    // Fold another file in with kubectl's rule: for each named entry, the first file wins.
    void mergeFrom(const Kubeconfig &later);
};

struct LoadOptions
{
    // A kubeconfig held in memory (the embedded demo federation): its tokens and keys never
    // touch the disk. Wins over everything else; inlineName labels it in messages.
    QByteArray inlineContent;
    QString inlineName;
    QString explicitPath;                 // --kubeconfig: that file only, no merging
    std::optional<QString> kubeconfigEnv; // $KUBECONFIG
    QString homeDir;

    static LoadOptions fromEnvironment(const QString &explicitPath = {});
};

// Parses one file's text; errors name the file, line and field.
Result<Kubeconfig> parseKubeconfig(const QByteArray &yaml, const QString &fileName);

// kubectl's loading rules (FACTS.md §6.3): --kubeconfig, else KUBECONFIG merged first-wins
// (empty entries and missing files skipped), else ~/.kube/config.
Result<Kubeconfig> loadKubeconfig(const LoadOptions &options);

} // namespace Meridian::Kube

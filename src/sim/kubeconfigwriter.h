#pragma once

#include "sim/scenario.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Meridian::Sim {

struct KubeconfigEntry
{
    const ClusterSpec *cluster = nullptr;
    QString server; // https://127.0.0.1:PORT
};

struct KubeconfigCredentials
{
    QByteArray caCertificatePem;
    QByteArray clientCertificatePem; // for AuthMethod::ClientCertificate clusters
    QByteArray clientKeyPem;
    QString execCommand; // for AuthMethod::ExecPlugin clusters
};

// A kubeconfig with one cluster, user and context per member cluster, all named after it;
// current-context is the first. Scalars are written as double-quoted YAML (JSON strings) so
// paths with spaces or colons survive.
QByteArray writeKubeconfig(const QList<KubeconfigEntry> &entries,
                           const KubeconfigCredentials &credentials);

} // namespace Meridian::Sim

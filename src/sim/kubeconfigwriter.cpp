#include "sim/kubeconfigwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Meridian::Sim {

namespace {

QByteArray quoted(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QString installHint()
{
    return QStringLiteral("meridian-sim is the Meridian simulator; it is built and installed with "
                          "Meridian. Run the same meridian-sim that wrote this kubeconfig.");
}

QByteArray base64(const QByteArray &pem)
{
    return quoted(QString::fromLatin1(pem.toBase64()));
}

} // namespace

QByteArray writeKubeconfig(const QList<KubeconfigEntry> &entries,
                           const KubeconfigCredentials &credentials)
{
    QByteArray clusters = "clusters:\n";
    QByteArray contexts = "contexts:\n";
    QByteArray users = "users:\n";
    for (const KubeconfigEntry &entry : entries) {
        const ClusterSpec &spec = *entry.cluster;
        const QByteArray name = quoted(spec.name);
        clusters += "- name: " + name + "\n  cluster:\n    server: " + quoted(entry.server)
                    + "\n    certificate-authority-data: " + base64(credentials.caCertificatePem)
                    + '\n';
        contexts += "- name: " + name + "\n  context:\n    cluster: " + name + "\n    user: " + name
                    + "\n    namespace: \"default\"\n";
        users += "- name: " + name + "\n  user:\n";
        switch (spec.auth) {
        case AuthMethod::Token: users += "    token: " + quoted(spec.token) + '\n'; break;
        case AuthMethod::ClientCertificate:
            users += "    client-certificate-data: " + base64(credentials.clientCertificatePem)
                     + "\n    client-key-data: " + base64(credentials.clientKeyPem) + '\n';
            break;
        case AuthMethod::ExecPlugin:
            users += "    exec:\n";
            users += "      apiVersion: \"client.authentication.k8s.io/v1\"\n";
            users += "      command: " + quoted(credentials.execCommand) + '\n';
            users += "      args:\n      - \"exec-credential\"\n";
            users += "      env:\n      - name: \"MERIDIAN_SIM_TOKEN\"\n";
            users += "        value: " + quoted(spec.token) + '\n';
            users += "      interactiveMode: \"Never\"\n";
            users += "      provideClusterInfo: true\n";
            users += "      installHint: " + quoted(installHint()) + '\n';
            break;
        }
    }
    const QByteArray current
            = entries.isEmpty() ? QByteArrayLiteral("\"\"") : quoted(entries.first().cluster->name);
    return "apiVersion: v1\nkind: Config\npreferences: {}\ncurrent-context: " + current + '\n'
           + clusters + contexts + users;
}

} // namespace Meridian::Sim

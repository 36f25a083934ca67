#include "kube/credentials.h"
#include "kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Kube;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kFakeCaPem
        = "-----BEGIN CERTIFICATE-----\nZmFrZSBjYQ==\n-----END CERTIFICATE-----\n";
const QByteArray kFakeCertPem
        = "-----BEGIN CERTIFICATE-----\nZmFrZSBjZXJ0\n-----END CERTIFICATE-----\n";
const QByteArray kFakeKeyPem
        = "-----BEGIN PRIVATE KEY-----\nZmFrZSBrZXk=\n-----END PRIVATE KEY-----\n";

// Writes `content` to dir/relativePath (creating folders) and returns the absolute path.
QString writeFile(const QTemporaryDir &dir, const QString &relativePath, const QByteArray &content)
{
    const QString path = dir.filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write fixture %s", qPrintable(path));
    file.write(content);
    return QFileInfo(path).absoluteFilePath();
}

QString describe(const Error &error)
{
    return error.code + u": "_s + error.message;
}

// The error text for a failed check; empty on success (QVERIFY2 evaluates it either way).
template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : describe(result.error()).toUtf8();
}

// Parses and fails the test with the error text when the fixture does not parse.
#define PARSE_OK(var, yaml, file) \
    const Result<Kubeconfig> var##Result = parseKubeconfig(yaml, file); \
    if (!var##Result) \
        QFAIL(qPrintable(describe(var##Result.error()))); \
    const Kubeconfig &var = *var##Result

} // namespace

class tst_Kubeconfig final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // Fields
    void clusterFields();
    void clusterDefaults();
    void execExtensionWithoutBody();
    void certificateAuthorityDataWinsOverFile();
    void userFields();
    void userDataFieldsAreDecoded();
    void execConfig_data();
    void execConfig();
    void unsupportedExecApiVersion_data();
    void unsupportedExecApiVersion();
    void contextsAndCurrentContext();
    void emptyDocumentIsAnEmptyKubeconfig();

    // Errors that name file, line and field
    void malformedYamlNamesFileAndLine_data();
    void malformedYamlNamesFileAndLine();
    void wrongTypes_data();
    void wrongTypes();

    // resolve()
    void resolveErrors_data();
    void resolveErrors();
    void resolveWithoutUser();

    // Loading and merging (FACTS.md §6.3)
    void kubeconfigEnvMergesFirstWins();
    void kubeconfigEnvSkipsEmptyEntriesAndMissingFiles();
    void kubeconfigEnvStopsAtAMalformedFile();
    void explicitPathLoadsOnlyThatFile();
    void explicitPathUnreadable_data();
    void explicitPathUnreadable();
    void defaultIsHomeKubeConfig();
    void noKubeconfigAnywhere();
    void inlineContentWinsOverEverything();

private:
    QTemporaryDir m_dir;
};

void tst_Kubeconfig::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
}

// ---------------------------------------------------------------------------------------------
// Fields

void tst_Kubeconfig::clusterFields()
{
    // Given a cluster with every field kubectl knows, its CA as a path relative to the file
    const QString file = m_dir.filePath(u"fields/config"_s);
    const QByteArray yaml = R"(apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority: certs/../certs/ca.crt
    insecure-skip-tls-verify: true
    tls-server-name: api.prod.example
    proxy-url: socks5://proxy.example:1080
    disable-compression: true
    extensions:
    - name: some.other/extension
      extension: {ignored: true}
    - name: client.authentication.k8s.io/exec
      extension:
        audience: https://sts.example
        scopes: [a, b]
)";

    // When it is parsed
    PARSE_OK(config, yaml, file);

    // Then every field arrives, the CA path is absolute under the file's folder
    QCOMPARE(config.clusters.size(), 1);
    const ClusterEntry &c = config.clusters.first();
    QCOMPARE(c.name, u"prod"_s);
    QCOMPARE(c.server, u"https://10.0.0.1:6443"_s);
    QCOMPARE(c.certificateAuthority, QDir::cleanPath(m_dir.filePath(u"fields/certs/ca.crt"_s)));
    QVERIFY(c.certificateAuthorityData.isEmpty());
    QCOMPARE(c.insecureSkipTlsVerify, true);
    QCOMPARE(c.tlsServerName, u"api.prod.example"_s);
    QCOMPARE(c.proxyUrl, u"socks5://proxy.example:1080"_s);
    QCOMPARE(c.disableCompression, true);
    QCOMPARE(c.sourceFile, file);
    // and only the exec extension is kept, as the JSON the plugin receives in spec.cluster.config
    const QJsonObject expected{{u"audience"_s, u"https://sts.example"_s},
                               {u"scopes"_s, QJsonArray{u"a"_s, u"b"_s}}};
    QCOMPARE(c.execExtension, expected);
}

void tst_Kubeconfig::clusterDefaults()
{
    // Given a cluster with only a server and an absolute CA path
    const QByteArray yaml = R"(clusters:
- name: minimal
  cluster:
    server: https://minimal.example
    certificate-authority: /etc/meridian/ca.crt
)";

    // When it is parsed
    PARSE_OK(config, yaml, m_dir.filePath(u"minimal.yaml"_s));

    // Then the flags default to false, the rest is empty and the absolute path is kept
    const ClusterEntry &c = config.clusters.first();
    QCOMPARE(c.certificateAuthority, u"/etc/meridian/ca.crt"_s);
    QCOMPARE(c.insecureSkipTlsVerify, false);
    QCOMPARE(c.disableCompression, false);
    QVERIFY(c.tlsServerName.isEmpty());
    QVERIFY(c.proxyUrl.isEmpty());
    QVERIFY(c.execExtension.isEmpty());
    QVERIFY(config.currentContext.isEmpty());
}

void tst_Kubeconfig::execExtensionWithoutBody()
{
    // Given an exec extension entry that has a name but no extension body
    const QByteArray yaml = R"(clusters:
- name: a
  cluster:
    server: https://a.example
    extensions:
    - name: client.authentication.k8s.io/exec
)";

    // When it is parsed
    PARSE_OK(config, yaml, m_dir.filePath(u"ext.yaml"_s));

    // Then the file is accepted with an empty plugin config (client-go's nil RawExtension)
    QCOMPARE(config.clusters.size(), 1);
    QVERIFY(config.clusters.first().execExtension.isEmpty());
}

void tst_Kubeconfig::certificateAuthorityDataWinsOverFile()
{
    // Given a cluster with both certificate-authority (a real file) and certificate-authority-data
    const QString caFile
            = writeFile(m_dir, u"ca-both/ca.crt"_s, "-----BEGIN CERTIFICATE-----\nfile\n");
    const QByteArray yaml = R"(clusters:
- name: both
  cluster:
    server: https://both.example
    certificate-authority: ca.crt
    certificate-authority-data: )"
                            + kFakeCaPem.toBase64() + R"(
contexts:
- name: both
  context: {cluster: both}
current-context: both
)";

    // When it is parsed and resolved to its TLS settings
    PARSE_OK(config, yaml, m_dir.filePath(u"ca-both/config"_s));
    const Result<ResolvedContext> resolved = config.resolve({});
    QVERIFY2(resolved, why(resolved).constData());
    const Result<Net::TlsConfig> tls = tlsConfigFor(*resolved);
    QVERIFY2(tls, why(tls).constData());

    // Then the data is base64-decoded and wins over the file
    QCOMPARE(config.clusters.first().certificateAuthorityData, kFakeCaPem);
    QCOMPARE(config.clusters.first().certificateAuthority, caFile);
    QCOMPARE(tls->caPem, kFakeCaPem);
}

void tst_Kubeconfig::userFields()
{
    // Given a user with file references relative to the kubeconfig's folder
    const QByteArray yaml = R"(users:
- name: alice
  user:
    token: abc.def.ghi
    tokenFile: secrets/token
    client-certificate: pki/alice.crt
    client-key: ./pki/alice.key
    username: alice
    password: s3cret
    auth-provider:
      name: gcp
      config: {cmd-path: /usr/bin/gcloud}
)";

    // When it is parsed
    PARSE_OK(config, yaml, m_dir.filePath(u"users/nested/config"_s));

    // Then paths are absolute under users/nested and the scalars are kept as written
    QCOMPARE(config.users.size(), 1);
    const UserEntry &u = config.users.first();
    QCOMPARE(u.name, u"alice"_s);
    QCOMPARE(u.token, u"abc.def.ghi"_s);
    QCOMPARE(u.tokenFile, m_dir.filePath(u"users/nested/secrets/token"_s));
    QCOMPARE(u.clientCertificate, m_dir.filePath(u"users/nested/pki/alice.crt"_s));
    QCOMPARE(u.clientKey, m_dir.filePath(u"users/nested/pki/alice.key"_s));
    QVERIFY(u.clientCertificateData.isEmpty());
    QVERIFY(u.clientKeyData.isEmpty());
    QCOMPARE(u.username, u"alice"_s);
    QCOMPARE(u.password, u"s3cret"_s);
    QCOMPARE(u.authProvider, u"gcp"_s);
    QVERIFY(!u.exec.has_value());
}

void tst_Kubeconfig::userDataFieldsAreDecoded()
{
    // Given client-certificate-data and client-key-data, one of them folded over two lines
    const QByteArray certB64 = kFakeCertPem.toBase64();
    const QByteArray keyB64 = kFakeKeyPem.toBase64();
    const QByteArray yaml = "users:\n- name: bob\n  user:\n    client-certificate-data: " + certB64
                            + "\n    client-key-data: >-\n      " + keyB64.left(20) + "\n      "
                            + keyB64.mid(20) + "\n";

    // When it is parsed
    PARSE_OK(config, yaml, m_dir.filePath(u"data.yaml"_s));

    // Then both hold the decoded PEM
    const UserEntry &u = config.users.first();
    QCOMPARE(u.clientCertificateData, kFakeCertPem);
    QCOMPARE(u.clientKeyData, kFakeKeyPem);
    QVERIFY(u.clientCertificate.isEmpty());
    QVERIFY(u.token.isEmpty());
}

void tst_Kubeconfig::execConfig_data()
{
    QTest::addColumn<QByteArray>("exec");
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("env"); // name=value;...
    QTest::addColumn<QString>("installHint");
    QTest::addColumn<bool>("provideClusterInfo");
    QTest::addColumn<QString>("interactiveMode");

    QTest::newRow("v1, everything")
            << QByteArray(R"(
      apiVersion: client.authentication.k8s.io/v1
      command: bin/my-plugin
      args: [--audience, prod, "--flag=a b"]
      env:
      - name: AWS_PROFILE
        value: prod
      - name: EMPTY
        value: ""
      installHint: brew install my-plugin
      provideClusterInfo: true
      interactiveMode: Never
)") << u"client.authentication.k8s.io/v1"_s
            << u"bin/my-plugin"_s << QStringList{u"--audience"_s, u"prod"_s, u"--flag=a b"_s}
            << u"AWS_PROFILE=prod;EMPTY="_s << u"brew install my-plugin"_s << true << u"Never"_s;

    // The shape gcloud container clusters get-credentials writes (FACTS.md §6.2).
    QTest::newRow("v1beta1, GKE") << QByteArray(R"(
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
      installHint: Install gke-gcloud-auth-plugin for use with kubectl
      provideClusterInfo: true
      interactiveMode: IfAvailable
)") << u"client.authentication.k8s.io/v1beta1"_s
                                  << u"gke-gcloud-auth-plugin"_s << QStringList() << QString()
                                  << u"Install gke-gcloud-auth-plugin for use with kubectl"_s
                                  << true << u"IfAvailable"_s;

    QTest::newRow("v1beta1, defaults") << QByteArray(R"(
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args:
      - eks
      - get-token
)") << u"client.authentication.k8s.io/v1beta1"_s
                                       << u"aws"_s << QStringList{u"eks"_s, u"get-token"_s}
                                       << QString() << QString() << false << QString();
}

void tst_Kubeconfig::execConfig()
{
    QFETCH(QByteArray, exec);

    // Given a user whose credentials come from an exec plugin
    const QByteArray yaml = "users:\n- name: plugin-user\n  user:\n    exec:" + exec;

    // When it is parsed
    PARSE_OK(config, yaml, m_dir.filePath(u"exec/config"_s));

    // Then the exec stanza arrives whole, remembering the folder for relative commands
    const UserEntry &u = config.users.first();
    QVERIFY(u.exec.has_value());
    QTEST(u.exec->apiVersion, "apiVersion");
    QTEST(u.exec->command, "command");
    QTEST(u.exec->args, "args");
    QStringList env;
    for (const ExecEnvVar &var : u.exec->env)
        env.append(QString(var.name + u'=' + var.value));
    QTEST(env.join(u';'), "env");
    QTEST(u.exec->installHint, "installHint");
    QTEST(u.exec->provideClusterInfo, "provideClusterInfo");
    QTEST(u.exec->interactiveMode, "interactiveMode");
    QCOMPARE(u.exec->baseDir, m_dir.filePath(u"exec"_s));
}

void tst_Kubeconfig::unsupportedExecApiVersion_data()
{
    QTest::addColumn<QByteArray>("apiVersionLine");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("v1alpha1 (removed in 1.24)")
            << QByteArray("apiVersion: client.authentication.k8s.io/v1alpha1")
            << u"\"client.authentication.k8s.io/v1alpha1\" is not supported"_s;
    QTest::newRow("another group")
            << QByteArray("apiVersion: example.com/v1") << u"\"example.com/v1\" is not supported"_s;
    QTest::newRow("missing") << QByteArray("installHint: none") << u"\"\" is not supported"_s;
}

void tst_Kubeconfig::unsupportedExecApiVersion()
{
    QFETCH(QByteArray, apiVersionLine);
    QFETCH(QString, mentions);

    // Given an exec stanza (its mapping starts on line 7) with an apiVersion Meridian cannot speak,
    // in the second user
    const QString file = m_dir.filePath(u"exec-version.yaml"_s);
    const QByteArray yaml = "users:\n"                // 1
                            "- name: ok\n"            // 2
                            "  user: {token: t}\n"    // 3
                            "- name: old\n"           // 4
                            "  user:\n"               // 5
                            "    exec:\n"             // 6
                            "      command: plugin\n" // 7
                            "      "
                            + apiVersionLine + "\n";

    // When it is parsed
    const Result<Kubeconfig> result = parseKubeconfig(yaml, file);

    // Then the error names the file, the stanza's line, the field and the supported versions
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"InvalidKubeconfig"_s);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(QString(file + u":7: users[1].user.exec.apiVersion: "_s)),
             qPrintable(message));
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY2(message.contains(u"client.authentication.k8s.io/v1 or v1beta1"_s),
             qPrintable(message));
}

void tst_Kubeconfig::contextsAndCurrentContext()
{
    // Given two contexts over one cluster, one with a namespace and current-context naming it
    const QByteArray yaml = R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: c1
  cluster: {server: "https://c1.example"}
users:
- name: u1
  user: {token: t1}
contexts:
- name: dev
  context:
    cluster: c1
    user: u1
    namespace: team-a
- name: bare
  context:
    cluster: c1
)";

    // When it is parsed
    PARSE_OK(config, yaml, m_dir.filePath(u"contexts.yaml"_s));

    // Then the contexts keep their order and fields
    QCOMPARE(config.currentContext, u"dev"_s);
    QCOMPARE(config.contextNames(), (QStringList{u"dev"_s, u"bare"_s}));
    const ContextEntry *dev = config.findContext(u"dev"_s);
    QVERIFY(dev);
    QCOMPARE(dev->cluster, u"c1"_s);
    QCOMPARE(dev->user, u"u1"_s);
    QCOMPARE(dev->nameSpace, u"team-a"_s);
    const ContextEntry *bare = config.findContext(u"bare"_s);
    QVERIFY(bare);
    QVERIFY(bare->user.isEmpty());
    QVERIFY(bare->nameSpace.isEmpty());
    QVERIFY(!config.findContext(u"nope"_s));

    // and resolve("") follows current-context to its cluster and user
    const Result<ResolvedContext> resolved = config.resolve({});
    QVERIFY2(resolved, why(resolved).constData());
    QCOMPARE(resolved->context.name, u"dev"_s);
    QCOMPARE(resolved->cluster.server, u"https://c1.example"_s);
    QCOMPARE(resolved->user.token, u"t1"_s);
}

void tst_Kubeconfig::emptyDocumentIsAnEmptyKubeconfig()
{
    // Given an empty file and one with only comments, When parsed, Then both are valid and empty
    for (const QByteArray &yaml : {QByteArray(), QByteArray("# nothing here\n")}) {
        PARSE_OK(config, yaml, m_dir.filePath(u"empty"_s));
        QVERIFY(config.clusters.isEmpty());
        QVERIFY(config.users.isEmpty());
        QVERIFY(config.contexts.isEmpty());
        QCOMPARE(config.files, QStringList{m_dir.filePath(u"empty"_s)});
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

void tst_Kubeconfig::malformedYamlNamesFileAndLine_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");

    QTest::newRow("value after a value") << QByteArray("apiVersion: v1\n"
                                                       "kind: Config\n"
                                                       "current-context: dev: prod\n"
                                                       "clusters: []\n")
                                         << 3;
    QTest::newRow("tab indentation") << QByteArray("apiVersion: v1\n"
                                                   "clusters:\n"
                                                   "- name: a\n"
                                                   "  cluster:\n"
                                                   "\tserver: https://a\n")
                                     << 5;
    QTest::newRow("bad indentation of a mapping") << QByteArray("apiVersion: v1\n"
                                                                "kind: Config\n"
                                                                "users:\n"
                                                                "- name: a\n"
                                                                "  user:\n"
                                                                "    token: x\n"
                                                                "   tokenFile: y\n")
                                                  << 7;
    QTest::newRow("unclosed flow mapping, reported where the parser stops")
            << QByteArray("apiVersion: v1\n"
                          "clusters:\n"
                          "- name: a\n"
                          "  cluster: {server: https://a, insecure-skip-tls-verify: true\n"
                          "- name: b\n"
                          "  cluster: {server: https://b}\n")
            << 5;
    QTest::newRow("list item inside a mapping") << QByteArray("apiVersion: v1\n"
                                                              "kind: Config\n"
                                                              "current-context: a\n"
                                                              "- name: a\n")
                                                << 4;
}

void tst_Kubeconfig::malformedYamlNamesFileAndLine()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);

    // Given a file that is not valid YAML
    const QString file = m_dir.filePath(u"broken/kubeconfig.yaml"_s);

    // When it is parsed
    const Result<Kubeconfig> result = parseKubeconfig(yaml, file);

    // Then the message starts with file:line: where the parser gave up
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"InvalidKubeconfig"_s);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(u"%1:%2:"_s.arg(file).arg(line)), qPrintable(message));
    QVERIFY2(message.contains(u"not valid YAML"_s), qPrintable(message));
}

void tst_Kubeconfig::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("where"); // line: field path
    QTest::addColumn<QString>("what");

    QTest::newRow("document is a list")
            << QByteArray("- a\n- b\n") << u"1: document"_s << u"expected a mapping"_s;
    QTest::newRow("clusters not a list") << QByteArray("apiVersion: v1\n"
                                                       "clusters:\n"
                                                       "  prod: {server: https://a}\n")
                                         << u"3: clusters"_s << u"expected a list"_s;
    QTest::newRow("users is a scalar") << QByteArray("apiVersion: v1\nusers: nobody\n")
                                       << u"2: users"_s << u"expected a list"_s;
    QTest::newRow("cluster entry not a mapping")
            << QByteArray("clusters:\n- just-a-name\n") << u"2: clusters[0]"_s
            << u"expected a mapping with name and cluster"_s;
    QTest::newRow("entry without a name") << QByteArray("contexts:\n"
                                                        "- name: a\n"
                                                        "  context: {cluster: c}\n"
                                                        "- context: {cluster: c}\n")
                                          << u"4: contexts[1].name"_s << u"is missing"_s;
    QTest::newRow("cluster body not a mapping")
            << QByteArray("clusters:\n"
                          "- name: a\n"
                          "  cluster: https://a\n")
            << u"3: clusters[0].cluster"_s << u"expected a mapping"_s;
    QTest::newRow("server not a URL")
            << QByteArray("apiVersion: v1\n"
                          "kind: Config\n"
                          "clusters:\n"
                          "- name: ok\n"
                          "  cluster:\n"
                          "    server: https://ok.example\n"
                          "- name: bad\n"
                          "  cluster:\n"
                          "    insecure-skip-tls-verify: true\n"
                          "    server: not a url\n")
            << u"10: clusters[1].cluster.server"_s << u"\"https://not a url\" is not a valid URL"_s;
    QTest::newRow("server without host")
            << QByteArray("clusters:\n"
                          "- name: a\n"
                          "  cluster:\n"
                          "    server: \"https://\"\n")
            << u"4: clusters[0].cluster.server"_s << u"is not a valid URL"_s;
    QTest::newRow("server is a mapping")
            << QByteArray("clusters:\n"
                          "- name: a\n"
                          "  cluster:\n"
                          "    server:\n"
                          "      host: a\n")
            << u"5: clusters[0].cluster.server"_s << u"expected a string"_s;
    QTest::newRow("invalid base64 CA data")
            << QByteArray("clusters:\n"
                          "- name: a\n"
                          "  cluster:\n"
                          "    server: https://a\n"
                          "    certificate-authority-data: \"not*base64!\"\n")
            << u"5: clusters[0].cluster.certificate-authority-data"_s << u"is not valid base64"_s;
    QTest::newRow("invalid base64 client-key-data")
            << QByteArray("users:\n"
                          "- name: a\n"
                          "  user: {token: t}\n"
                          "- name: b\n"
                          "  user:\n"
                          "    client-certificate-data: "
                          + kFakeCertPem.toBase64()
                          + "\n"
                            "    client-key-data: '%%%'\n")
            << u"7: users[1].user.client-key-data"_s << u"is not valid base64"_s;
    QTest::newRow("boolean that is not")
            << QByteArray("clusters:\n"
                          "- name: a\n"
                          "  cluster:\n"
                          "    server: https://a\n"
                          "    insecure-skip-tls-verify: sometimes\n")
            << u"5: clusters[0].cluster.insecure-skip-tls-verify"_s << u"expected true or false"_s;
    QTest::newRow("exec without command")
            << QByteArray("users:\n"
                          "- name: a\n"
                          "  user:\n"
                          "    exec:\n"
                          "      apiVersion: client.authentication.k8s.io/v1\n")
            << u"5: users[0].user.exec.command"_s << u"is missing"_s;
    QTest::newRow("exec not a mapping") << QByteArray("users:\n"
                                                      "- name: a\n"
                                                      "  user:\n"
                                                      "    exec: gcloud\n")
                                        << u"4: users[0].user.exec"_s << u"expected a mapping"_s;
    QTest::newRow("exec args not a list")
            << QByteArray("users:\n"
                          "- name: a\n"
                          "  user:\n"
                          "    exec:\n"
                          "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                          "      command: plugin\n"
                          "      args: --verbose\n")
            << u"7: users[0].user.exec.args"_s << u"expected a list of strings"_s;
    QTest::newRow("exec env item not a mapping")
            << QByteArray("users:\n"
                          "- name: a\n"
                          "  user:\n"
                          "    exec:\n"
                          "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                          "      command: plugin\n"
                          "      env:\n"
                          "      - name: A\n"
                          "        value: b\n"
                          "      - C=d\n")
            << u"10: users[0].user.exec.env[1]"_s << u"expected {name, value}"_s;
    QTest::newRow("context namespace is a list")
            << QByteArray("contexts:\n"
                          "- name: a\n"
                          "  context:\n"
                          "    cluster: c\n"
                          "    namespace: [x]\n")
            << u"5: contexts[0].context.namespace"_s << u"expected a string"_s;
}

void tst_Kubeconfig::wrongTypes()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, where);
    QFETCH(QString, what);

    // Given valid YAML with a field of the wrong type or value
    const QString file = m_dir.filePath(u"types/config"_s);

    // When it is parsed
    const Result<Kubeconfig> result = parseKubeconfig(yaml, file);

    // Then the error reads "<file>:<line>: <field path>: <what is wrong>"
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"InvalidKubeconfig"_s);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(QString(file + u':' + where + u": "_s)), qPrintable(message));
    QVERIFY2(message.contains(what), qPrintable(message));
}

// ---------------------------------------------------------------------------------------------
// resolve()

void tst_Kubeconfig::resolveErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("mentions");

    const QByteArray base = "clusters:\n"
                            "- name: c1\n"
                            "  cluster: {server: \"https://c1\"}\n"
                            "- name: noserver\n"
                            "  cluster: {proxy-url: \"http://p:3128\"}\n"
                            "users:\n"
                            "- name: u1\n"
                            "  user: {token: t}\n"
                            "contexts:\n"
                            "- name: alpha\n"
                            "  context: {cluster: c1, user: u1}\n"
                            "- name: beta\n"
                            "  context: {cluster: c1, user: ghost}\n"
                            "- name: gamma\n"
                            "  context: {cluster: missing, user: u1}\n"
                            "- name: delta\n"
                            "  context: {cluster: noserver}\n";

    QTest::newRow("unknown context lists the available ones")
            << base << u"prod"_s << u"UnknownContext"_s
            << QStringList{u"\"prod\""_s, u"alpha, beta, gamma, delta"_s, u"resolve.yaml"_s};
    QTest::newRow("no context and no current-context")
            << base << QString() << u"NoContext"_s
            << QStringList{u"current-context"_s, u"alpha, beta, gamma, delta"_s};
    QTest::newRow("current-context names a missing context")
            << QByteArray(base + "current-context: old\n") << QString() << u"UnknownContext"_s
            << QStringList{u"\"old\""_s, u"alpha, beta, gamma, delta"_s};
    QTest::newRow("no contexts at all") << QByteArray("current-context: x\n") << QString()
                                        << u"UnknownContext"_s << QStringList{u"(none)"_s};
    QTest::newRow("missing user") << base << u"beta"_s << u"UnknownUser"_s
                                  << QStringList{u"\"beta\""_s, u"\"ghost\""_s, u"resolve.yaml"_s};
    QTest::newRow("missing cluster")
            << base << u"gamma"_s << u"UnknownCluster"_s
            << QStringList{u"\"gamma\""_s, u"\"missing\""_s, u"resolve.yaml"_s};
    QTest::newRow("cluster without server") << base << u"delta"_s << u"InvalidKubeconfig"_s
                                            << QStringList{u"\"noserver\""_s, u"no server"_s};
}

void tst_Kubeconfig::resolveErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, context);
    QFETCH(QString, code);
    QFETCH(QStringList, mentions);

    // Given a kubeconfig with contexts alpha..delta, some of them dangling
    PARSE_OK(config, yaml, m_dir.filePath(u"resolve.yaml"_s));

    // When a context is resolved
    const Result<ResolvedContext> resolved = config.resolve(context);

    // Then it fails with a code and a message that says what to pick instead
    QVERIFY(!resolved);
    QCOMPARE(resolved.error().code, code);
    for (const QString &text : std::as_const(mentions))
        QVERIFY2(resolved.error().message.contains(text), qPrintable(resolved.error().message));
}

void tst_Kubeconfig::resolveWithoutUser()
{
    // Given a context with no user (anonymous access), When resolved, Then the user is empty
    const QByteArray yaml = "clusters:\n- name: c\n  cluster: {server: \"https://c\"}\n"
                            "contexts:\n- name: anon\n  context: {cluster: c, namespace: ns}\n";
    PARSE_OK(config, yaml, m_dir.filePath(u"anon.yaml"_s));
    const Result<ResolvedContext> resolved = config.resolve(u"anon"_s);
    QVERIFY2(resolved, why(resolved).constData());
    QCOMPARE(resolved->context.nameSpace, u"ns"_s);
    QVERIFY(resolved->user.name.isEmpty());
    QVERIFY(!resolved->user.exec);
}

// ---------------------------------------------------------------------------------------------
// Loading and merging

void tst_Kubeconfig::kubeconfigEnvMergesFirstWins()
{
    // Given three files in different folders, overlapping by name
    QTemporaryDir dir;
    const QString first = writeFile(dir, u"one/config"_s, R"(apiVersion: v1
kind: Config
clusters:
- name: shared
  cluster:
    server: https://first.example
users:
- name: red-user
  user:
    token: first-token
contexts:
- name: shared-ctx
  context: {cluster: shared, user: red-user, namespace: first-ns}
)");
    const QString second = writeFile(dir, u"two/config"_s, R"(current-context: from-second
clusters:
- name: shared
  cluster:
    server: https://second.example
    certificate-authority: ca.crt
    insecure-skip-tls-verify: true
- name: only-second
  cluster:
    server: https://only-second.example
    certificate-authority: ca.crt
users:
- name: red-user
  user:
    tokenFile: token
    client-certificate: red.crt
    client-key: red.key
- name: blue-user
  user:
    tokenFile: blue-token
contexts:
- name: shared-ctx
  context: {cluster: only-second, user: blue-user}
- name: from-second
  context: {cluster: only-second, user: blue-user}
)");
    const QString third = writeFile(dir, u"three/config"_s, R"(current-context: from-third
contexts:
- name: from-third
  context: {cluster: shared, user: red-user}
)");

    // When KUBECONFIG lists them in order
    LoadOptions options;
    options.kubeconfigEnv = QStringList{first, second, third}.join(QDir::listSeparator());
    options.homeDir = dir.filePath(u"home"_s);
    const Result<Kubeconfig> result = loadKubeconfig(options);
    QVERIFY2(result, why(result).constData());
    const Kubeconfig &config = *result;

    // Then they were all read, in order
    QCOMPARE(config.files, (QStringList{first, second, third}));

    // and for each name the first file's whole stanza wins: nothing of a later one leaks in
    QCOMPARE(config.clusters.size(), 2);
    const ClusterEntry *shared = config.findCluster(u"shared"_s);
    QVERIFY(shared);
    QCOMPARE(shared->server, u"https://first.example"_s);
    QVERIFY(shared->certificateAuthority.isEmpty());
    QCOMPARE(shared->insecureSkipTlsVerify, false);
    QCOMPARE(shared->sourceFile, first);

    const UserEntry *red = config.findUser(u"red-user"_s);
    QVERIFY(red);
    QCOMPARE(red->token, u"first-token"_s);
    QVERIFY(red->tokenFile.isEmpty());
    QVERIFY(red->clientCertificate.isEmpty());
    QVERIFY(red->clientKey.isEmpty());

    const ContextEntry *sharedCtx = config.findContext(u"shared-ctx"_s);
    QVERIFY(sharedCtx);
    QCOMPARE(sharedCtx->cluster, u"shared"_s);
    QCOMPARE(sharedCtx->user, u"red-user"_s);
    QCOMPARE(sharedCtx->nameSpace, u"first-ns"_s);
    QCOMPARE(config.contextNames(),
             (QStringList{u"shared-ctx"_s, u"from-second"_s, u"from-third"_s}));

    // and names only a later file defines are added, their paths relative to *their* folder
    const ClusterEntry *onlySecond = config.findCluster(u"only-second"_s);
    QVERIFY(onlySecond);
    QCOMPARE(onlySecond->certificateAuthority, dir.filePath(u"two/ca.crt"_s));
    QCOMPARE(onlySecond->sourceFile, second);
    const UserEntry *blue = config.findUser(u"blue-user"_s);
    QVERIFY(blue);
    QCOMPARE(blue->tokenFile, dir.filePath(u"two/blue-token"_s));

    // and the first non-empty current-context wins
    QCOMPARE(config.currentContext, u"from-second"_s);
    const Result<ResolvedContext> resolved = config.resolve({});
    QVERIFY2(resolved, why(resolved).constData());
    QCOMPARE(resolved->cluster.server, u"https://only-second.example"_s);
    QCOMPARE(resolved->user.name, u"blue-user"_s);

    // and a context from the third file resolves against entries of the first
    const Result<ResolvedContext> third3 = config.resolve(u"from-third"_s);
    QVERIFY2(third3, why(third3).constData());
    QCOMPARE(third3->cluster.server, u"https://first.example"_s);
    QCOMPARE(third3->user.token, u"first-token"_s);
}

void tst_Kubeconfig::kubeconfigEnvSkipsEmptyEntriesAndMissingFiles()
{
    // Given KUBECONFIG with empty entries, a missing file, a duplicate, and a ~/.kube/config
    // that must not be read because KUBECONFIG is set
    QTemporaryDir dir;
    const QString a = writeFile(dir,
                                u"a.yaml"_s,
                                "clusters:\n- name: a\n  cluster: {server: \"https://a\"}\n");
    const QString b = writeFile(
            dir,
            u"b.yaml"_s,
            "current-context: b\nclusters:\n- name: b\n  cluster: {server: \"https://b\"}\n");
    writeFile(
            dir,
            u"home/.kube/config"_s,
            "current-context: home\nclusters:\n- name: home\n  cluster: {server: \"https://h\"}\n");
    const QString missing = dir.filePath(u"does-not-exist.yaml"_s);
    const QChar sep = QDir::listSeparator();
    LoadOptions options;
    options.kubeconfigEnv = QString(sep + a + sep + sep + missing + sep + b + sep + a + sep);
    options.homeDir = dir.filePath(u"home"_s);

    // When loaded
    const Result<Kubeconfig> result = loadKubeconfig(options);

    // Then only the existing files were read, once each
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result->files, (QStringList{a, b}));
    QCOMPARE(result->clusters.size(), 2);
    QVERIFY(result->findCluster(u"a"_s));
    QVERIFY(result->findCluster(u"b"_s));
    QVERIFY(!result->findCluster(u"home"_s));
    QCOMPARE(result->currentContext, u"b"_s);

    // and a KUBECONFIG that is set but empty or names nothing that exists gives an empty
    // config, not ~/.kube/config
    for (const QString &value : {QString(), missing}) {
        options.kubeconfigEnv = value;
        const Result<Kubeconfig> none = loadKubeconfig(options);
        QVERIFY2(none, why(none).constData());
        QVERIFY(none->clusters.isEmpty());
        QVERIFY(none->files.isEmpty());
    }
}

void tst_Kubeconfig::kubeconfigEnvStopsAtAMalformedFile()
{
    // Given a good file and then a malformed one in KUBECONFIG
    QTemporaryDir dir;
    const QString good = writeFile(dir,
                                   u"good.yaml"_s,
                                   "clusters:\n- name: a\n  cluster: {server: \"https://a\"}\n");
    const QString bad = writeFile(dir, u"bad.yaml"_s, "clusters:\n- name: a\n  cluster: [\n");
    LoadOptions options;
    options.kubeconfigEnv = QString(good + QDir::listSeparator() + bad);

    // When loaded
    const Result<Kubeconfig> result = loadKubeconfig(options);

    // Then the error names the malformed file
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"InvalidKubeconfig"_s);
    QVERIFY2(result.error().message.startsWith(QString(bad + u':')),
             qPrintable(result.error().message));
}

void tst_Kubeconfig::explicitPathLoadsOnlyThatFile()
{
    // Given --kubeconfig, a KUBECONFIG list and a ~/.kube/config, all defining things
    QTemporaryDir dir;
    const QString explicitFile = writeFile(dir, u"explicit/config"_s, R"(current-context: e
clusters:
- name: e
  cluster: {server: "https://e", certificate-authority: ca.pem}
contexts:
- name: e
  context: {cluster: e}
)");
    const QString envFile = writeFile(dir, u"env.yaml"_s, R"(current-context: env
clusters:
- name: env
  cluster: {server: "https://env"}
)");
    writeFile(dir,
              u"home/.kube/config"_s,
              "clusters:\n- name: home\n  cluster: {server: \"https://h\"}\n");
    LoadOptions options;
    options.explicitPath = explicitFile;
    options.kubeconfigEnv = envFile;
    options.homeDir = dir.filePath(u"home"_s);

    // When loaded
    const Result<Kubeconfig> result = loadKubeconfig(options);

    // Then only the explicit file is in it
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result->files, QStringList{explicitFile});
    QCOMPARE(result->clusters.size(), 1);
    QCOMPARE(result->clusters.first().name, u"e"_s);
    QCOMPARE(result->clusters.first().certificateAuthority, dir.filePath(u"explicit/ca.pem"_s));
    QCOMPARE(result->currentContext, u"e"_s);
}

void tst_Kubeconfig::explicitPathUnreadable_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing file") << u"nowhere/config"_s;
    QTest::newRow("a folder") << u"a-folder"_s;
}

void tst_Kubeconfig::explicitPathUnreadable()
{
    QFETCH(QString, relativePath);

    // Given --kubeconfig naming something that cannot be read (even though KUBECONFIG is fine)
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(u"a-folder"_s);
    const QString envFile
            = writeFile(dir,
                        u"env.yaml"_s,
                        "clusters:\n- name: env\n  cluster: {server: \"https://env\"}\n");
    LoadOptions options;
    options.explicitPath = dir.filePath(relativePath);
    options.kubeconfigEnv = envFile;

    // When loaded
    const Result<Kubeconfig> result = loadKubeconfig(options);

    // Then it fails as Unreadable, naming the path, rather than falling back
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"Unreadable"_s);
    QVERIFY2(result.error().message.contains(options.explicitPath),
             qPrintable(result.error().message));
}

void tst_Kubeconfig::defaultIsHomeKubeConfig()
{
    // Given no --kubeconfig, no KUBECONFIG, and a ~/.kube/config under the given home
    QTemporaryDir dir;
    const QString homeConfig = writeFile(dir, u"home/.kube/config"_s, R"(current-context: home
clusters:
- name: home
  cluster: {server: "https://home.example", certificate-authority: ca.crt}
users:
- name: me
  user: {tokenFile: token}
contexts:
- name: home
  context: {cluster: home, user: me}
)");
    LoadOptions options;
    options.homeDir = dir.filePath(u"home"_s);

    // When loaded
    const Result<Kubeconfig> result = loadKubeconfig(options);

    // Then that file is read and its relative paths resolve under ~/.kube
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result->files, QStringList{homeConfig});
    QCOMPARE(result->currentContext, u"home"_s);
    QCOMPARE(result->clusters.first().certificateAuthority, dir.filePath(u"home/.kube/ca.crt"_s));
    QCOMPARE(result->users.first().tokenFile, dir.filePath(u"home/.kube/token"_s));
}

void tst_Kubeconfig::noKubeconfigAnywhere()
{
    // Given a home without ~/.kube/config and no KUBECONFIG
    QTemporaryDir dir;
    LoadOptions options;
    options.homeDir = dir.path();

    // When loaded
    const Result<Kubeconfig> result = loadKubeconfig(options);

    // Then the config is empty (as kubectl's) and resolving says there is nothing to pick
    QVERIFY2(result, why(result).constData());
    QVERIFY(result->files.isEmpty());
    const Result<ResolvedContext> resolved = result->resolve({});
    QVERIFY(!resolved);
    QCOMPARE(resolved.error().code, u"NoContext"_s);
    QVERIFY2(resolved.error().message.contains(u"(none)"_s), qPrintable(resolved.error().message));
}

void tst_Kubeconfig::inlineContentWinsOverEverything()
{
    // Given inline content as well as --kubeconfig, KUBECONFIG and a home config
    QTemporaryDir dir;
    const QString onDisk
            = writeFile(dir,
                        u"disk.yaml"_s,
                        "clusters:\n- name: disk\n  cluster: {server: \"https://disk\"}\n");
    writeFile(dir,
              u"home/.kube/config"_s,
              "clusters:\n- name: home\n  cluster: {server: \"https://h\"}\n");
    LoadOptions options;
    options.inlineContent = R"(current-context: demo
clusters:
- name: demo
  cluster:
    server: https://127.0.0.1:7443
    certificate-authority-data: )"
                            + kFakeCaPem.toBase64() + R"(
users:
- name: demo
  user: {token: demo-token}
contexts:
- name: demo
  context: {cluster: demo, user: demo, namespace: shop}
)";
    options.inlineName = u"<demo federation>"_s;
    options.explicitPath = onDisk;
    options.kubeconfigEnv = onDisk;
    options.homeDir = dir.filePath(u"home"_s);

    // When loaded
    const Result<Kubeconfig> result = loadKubeconfig(options);

    // Then only the inline document is used, labelled with its name
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result->files, QStringList{u"<demo federation>"_s});
    QCOMPARE(result->contextNames(), QStringList{u"demo"_s});
    const Result<ResolvedContext> resolved = result->resolve({});
    QVERIFY2(resolved, why(resolved).constData());
    QCOMPARE(resolved->cluster.certificateAuthorityData, kFakeCaPem);
    QCOMPARE(resolved->user.token, u"demo-token"_s);
    QCOMPARE(resolved->context.nameSpace, u"shop"_s);

    // and errors in it carry that label and the line
    options.inlineContent = "clusters:\n- name: demo\n  cluster: {server: {a: b}}\n";
    const Result<Kubeconfig> broken = loadKubeconfig(options);
    QVERIFY(!broken);
    QVERIFY2(broken.error().message.startsWith(
                     u"<demo federation>:3: clusters[0].cluster.server"_s),
             qPrintable(broken.error().message));
}

QTEST_GUILESS_MAIN(tst_Kubeconfig)

#include "tst_kubeconfig.moc"

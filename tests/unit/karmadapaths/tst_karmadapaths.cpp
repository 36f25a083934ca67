// The Karmada paths and the control plane's default context, shared by the Karmada engine and the
// pod-log source: the cluster proxy path, and "karmada", else the current context, else the first.
#include "federation/karmadabackend.h"
#include "kube/karmadapaths.h"
#include "kube/kubeconfig.h"

#include <QTest>

using namespace Meridian;

namespace {

Kube::Kubeconfig config(const QStringList &contexts, const QString &current)
{
    QByteArray yaml = "apiVersion: v1\nkind: Config\nclusters:\n"
                      "- name: c\n  cluster: {server: 'https://127.0.0.1:1'}\n"
                      "users:\n- name: u\n  user: {token: t}\ncontexts:\n";
    for (const QString &name : contexts)
        yaml += "- name: " + name.toUtf8() + "\n  context: {cluster: c, user: u}\n";
    if (contexts.isEmpty())
        yaml += "  []\n";
    if (!current.isEmpty())
        yaml += "current-context: " + current.toUtf8() + '\n';
    Kube::LoadOptions load;
    load.inlineContent = yaml;
    load.inlineName = QStringLiteral("test");
    Result<Kube::Kubeconfig> loaded = Kube::loadKubeconfig(load);
    if (!loaded)
        qFatal("kubeconfig: %s", qPrintable(loaded.error().message));
    return *loaded;
}

} // namespace

class TestKarmadaPaths final : public QObject
{
    Q_OBJECT

private slots:
    void proxyPath_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("memberPath");
        QTest::addColumn<QString>("expected");
        const QString clusters = QStringLiteral("/apis/cluster.karmada.io/v1alpha1/clusters/");
        QTest::newRow("pods")
                << QStringLiteral("member1") << QStringLiteral("/api/v1/namespaces/web/pods")
                << clusters + QStringLiteral("member1/proxy/api/v1/namespaces/web/pods");
        QTest::newRow("no leading slash")
                << QStringLiteral("member1") << QStringLiteral("api/v1/nodes")
                << clusters + QStringLiteral("member1/proxy/api/v1/nodes");
        QTest::newRow("query kept")
                << QStringLiteral("eu")
                << QStringLiteral("/api/v1/namespaces/d/pods/web-1/log?container=app&follow=true")
                << clusters
                           + QStringLiteral("eu/proxy/api/v1/namespaces/d/pods/web-1/log?"
                                            "container=app&follow=true");
        QTest::newRow("name encoded") << QStringLiteral("member 1/x") << QStringLiteral("/")
                                      << clusters + QStringLiteral("member%201%2Fx/proxy/");
    }
    void proxyPath()
    {
        QFETCH(QString, cluster);
        QFETCH(QString, memberPath);
        QFETCH(QString, expected);
        QCOMPARE(Kube::karmadaProxyPath(cluster, memberPath), expected);
        // The engine's name for it says the same
        QCOMPARE(Federation::KarmadaBackend::proxyPath(cluster, memberPath), expected);
    }

    void defaultContext_data()
    {
        QTest::addColumn<QStringList>("contexts");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("expected");
        QTest::newRow("karmada wins over current")
                << QStringList{QStringLiteral("a"), QStringLiteral("karmada")}
                << QStringLiteral("a") << QStringLiteral("karmada");
        QTest::newRow("else the current") << QStringList{QStringLiteral("a"), QStringLiteral("cp")}
                                          << QStringLiteral("cp") << QStringLiteral("cp");
        QTest::newRow("else the first") << QStringList{QStringLiteral("b"), QStringLiteral("a")}
                                        << QString() << QStringLiteral("b");
        QTest::newRow("none") << QStringList{} << QString() << QString();
    }
    void defaultContext()
    {
        QFETCH(QStringList, contexts);
        QFETCH(QString, current);
        QFETCH(QString, expected);
        QCOMPARE(Kube::defaultKarmadaContext(config(contexts, current)), expected);
    }
};

QTEST_GUILESS_MAIN(TestKarmadaPaths)
#include "tst_karmadapaths.moc"

// `meridianctl clusters` through the same library the program runs, against meridian-sim.
#include "cli/cli.h"
#include "net/transport.h"
#include "sim/federation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run meridianctl(const QStringList &args)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = Cli::run(args, out, err);
    out.flush();
    err.flush();
    return run;
}

} // namespace

class TestMeridianctlClusters final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Net::Transport::globalInit();
        Sim::Options options;
        options.execCommand = qEnvironmentVariable("MERIDIAN_SIM");
        m_sim = std::make_unique<Sim::Federation>(options);
        QVERIFY(m_sim->start().ok());
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(QStringLiteral("sim.kubeconfig"));
        QFile file(m_kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(m_sim->kubeconfig());
    }

    void jsonListsEveryClusterWithVersionAndNodes()
    {
        const Run run = meridianctl({QStringLiteral("clusters"),
                                     QStringLiteral("--kubeconfig"),
                                     m_kubeconfig,
                                     QStringLiteral("-o"),
                                     QStringLiteral("json")});
        QCOMPARE(run.code, 0);
        const QJsonArray clusters = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(clusters.size(), m_sim->clusterNames().size());
        for (const QJsonValue &value : clusters) {
            const QJsonObject c = value.toObject();
            const QStringList keys = c.keys();
            QCOMPARE(keys,
                     (QStringList{QStringLiteral("context"),
                                  QStringLiteral("name"),
                                  QStringLiteral("nodesReady"),
                                  QStringLiteral("nodesTotal"),
                                  QStringLiteral("reason"),
                                  QStringLiteral("region"),
                                  QStringLiteral("server"),
                                  QStringLiteral("state"),
                                  QStringLiteral("version")}));
            QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("Ready"));
            QVERIFY(c.value(QLatin1String("version")).toString().startsWith(u'v'));
            QVERIFY(c.value(QLatin1String("nodesTotal")).toInt() > 0);
            QCOMPARE(c.value(QLatin1String("nodesReady")), c.value(QLatin1String("nodesTotal")));
        }
    }

    void aDownClusterStillExitsZero()
    {
        Sim::Fault down;
        down.kind = Sim::Fault::Kind::Down;
        m_sim->setFault(QStringLiteral("iowa"), down);
        const Run run = meridianctl({QStringLiteral("clusters"),
                                     QStringLiteral("--kubeconfig"),
                                     m_kubeconfig,
                                     QStringLiteral("--context"),
                                     QStringLiteral("iowa"),
                                     QStringLiteral("--context"),
                                     QStringLiteral("tokyo")});
        m_sim->setFault(QStringLiteral("iowa"), std::nullopt);
        QCOMPARE(run.code, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("NAME")));
        QVERIFY2(lines[1].startsWith(QStringLiteral("iowa"))
                         && lines[1].contains(QStringLiteral("Unreachable"))
                         && lines[1].contains(QStringLiteral("Connection refused")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("tokyo"))
                         && lines[2].contains(QStringLiteral("Ready")),
                 qPrintable(lines[2]));
    }

    void badInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option")
                << QStringList{QStringLiteral("clusters"), QStringLiteral("--frobnicate")}
                << QStringLiteral("frobnicate");
        QTest::newRow("bad output format") << QStringList{QStringLiteral("clusters"),
                                                          QStringLiteral("-o"),
                                                          QStringLiteral("xml")}
                                           << QStringLiteral("xml");
        QTest::newRow("unreadable kubeconfig") << QStringList{QStringLiteral("clusters"),
                                                              QStringLiteral("--kubeconfig"),
                                                              QStringLiteral("/nonexistent/kc")}
                                               << QStringLiteral("/nonexistent/kc");
        QTest::newRow("unknown command")
                << QStringList{QStringLiteral("frob")} << QStringLiteral("frob");
    }

    void badInputExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = meridianctl(args);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void unknownContextExitsTwoListingTheOthers()
    {
        const Run run = meridianctl({QStringLiteral("clusters"),
                                     QStringLiteral("--kubeconfig"),
                                     m_kubeconfig,
                                     QStringLiteral("--context"),
                                     QStringLiteral("mars")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QStringLiteral("mars"))
                         && run.err.contains(QStringLiteral("osaka")),
                 qPrintable(run.err));
    }

private:
    std::unique_ptr<Sim::Federation> m_sim;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

QTEST_GUILESS_MAIN(TestMeridianctlClusters)
#include "tst_meridianctl_clusters.moc"

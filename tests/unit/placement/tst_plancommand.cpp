#include "cli/plancommand.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_PlanCommand final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plans_data();
    void plans();
    void table();
    void notesGoToStderr();
    void errors_data();
    void errors();

private:
    QString write(const QString &name, const QByteArray &text);
    int run(const QStringList &args, QString *out, QString *err);

    QTemporaryDir m_dir;
};

void tst_PlanCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_PlanCommand::write(const QString &name, const QByteArray &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(text);
    return path;
}

int tst_PlanCommand::run(const QStringList &args, QString *out, QString *err)
{
    QTextStream outStream(out);
    QTextStream errStream(err);
    return Meridian::Cli::runPlan(args, outStream, errStream);
}

void tst_PlanCommand::plans_data()
{
    QTest::addColumn<QByteArray>("prefs");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("json");

    const QByteArray even = R"({"*":{"weight":1}})";
    QTest::newRow("vector 1") << QByteArray(R"({"clusters":{"*":{"weight":1}}})")
                              << QStringList{u"--total"_s, u"50"_s, u"--clusters"_s, u"A,B,C"_s}
                              << QByteArray(R"({"overflow":{},"plan":{"A":16,"B":17,"C":17}})");
    QTest::newRow("vector 13, overflow")
            << QByteArray(R"({"rebalance":true,"clusters":{"*":{"weight":1}}})")
            << QStringList{u"--total"_s,
                           u"50"_s,
                           u"--clusters"_s,
                           u"A,B,C"_s,
                           u"--capacity"_s,
                           u"C=10"_s}
            << QByteArray(R"({"overflow":{"C":7},"plan":{"A":20,"B":20,"C":10}})");
    QTest::newRow("vector 4, current")
            << QByteArray(R"({"clusters":{"*":{"weight":1}}})")
            << QStringList{u"--total=15"_s, u"--clusters=A,B"_s, u"--current=A=4,B=8"_s}
            << QByteArray(R"({"overflow":{},"plan":{"A":7,"B":8}})");
    QTest::newRow("rsp gives the total") << QByteArray(
            "kind: ReplicaSchedulingPreference\nspec:\n  totalReplicas: 9\n  clusters:\n"
            "    A: {weight: 1}\n    B: {weight: 2}\n")
                                         << QStringList{u"--clusters"_s, u"A,B"_s}
                                         << QByteArray(R"({"overflow":{},"plan":{"A":3,"B":6}})");
    QTest::newRow("propagation policy implies karmada")
            << QByteArray("kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
                          "      replicaSchedulingType: Divided\n      weightPreference:\n"
                          "        staticWeightList:\n        - {targetCluster: {}, weight: 1}\n")
            << QStringList{u"--total"_s, u"10"_s, u"--clusters"_s, u"C,B,A"_s}
            << QByteArray(R"({"overflow":{},"plan":{"A":4,"B":3,"C":3}})");
    QTest::newRow("engine override") << QByteArray(R"({"clusters":{"*":{"weight":1}}})")
                                     << QStringList{u"--total"_s,
                                                    u"10"_s,
                                                    u"--clusters"_s,
                                                    u"C,B,A"_s,
                                                    u"--engine"_s,
                                                    u"karmada"_s}
                                     << QByteArray(R"({"overflow":{},"plan":{"A":4,"B":3,"C":3}})");
    QTest::newRow("key seeds the tie-break")
            << even
            << QStringList{u"--total"_s, u"1"_s, u"--clusters"_s, u"A,B"_s, u"--key"_s, u"ns/web"_s}
            << QByteArray(); // only checks that it runs
    Q_UNUSED(even);
}

void tst_PlanCommand::plans()
{
    QFETCH(QByteArray, prefs);
    QFETCH(QStringList, args);
    QFETCH(QByteArray, json);
    const QString file
            = write(QStringLiteral("prefs"),
                    prefs.startsWith(R"({"*")") ? "{\"clusters\":" + prefs + '}' : prefs);
    QString out;
    QString err;
    const int code = run(QStringList{u"--prefs"_s, file} + args, &out, &err);
    QVERIFY2(code == 0, qPrintable(err));
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8());
    QVERIFY2(doc.isObject(), qPrintable(out));
    if (!json.isEmpty())
        QCOMPARE(doc.toJson(QJsonDocument::Compact), json);
}

void tst_PlanCommand::table()
{
    const QString file = write(QStringLiteral("t.json"), R"({"clusters":{"*":{"weight":1}}})");
    QString out;
    QString err;
    QCOMPARE(run({u"--prefs"_s,
                  file,
                  u"--total"_s,
                  u"50"_s,
                  u"--clusters"_s,
                  u"tokyo,B"_s,
                  u"--capacity"_s,
                  u"B=5"_s,
                  u"-o"_s,
                  u"table"_s},
                 &out,
                 &err),
             0);
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("CLUSTER  PLAN  OVERFLOW"));
    QCOMPARE(lines.at(1), QStringLiteral("tokyo      45         0"));
    QCOMPARE(lines.at(2), QStringLiteral("B           5         0"));
}

void tst_PlanCommand::notesGoToStderr()
{
    const QString file = write(QStringLiteral("d.yaml"), "kind: Deployment\nmetadata: {name: x}\n");
    QString out;
    QString err;
    QCOMPARE(run({u"--prefs"_s, file, u"--total"_s, u"4"_s, u"--clusters"_s, u"A,B"_s}, &out, &err),
             0);
    QVERIFY2(err.contains(QLatin1String("spreads evenly")), qPrintable(err));
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"overflow":{},"plan":{"A":2,"B":2}})"));
}

void tst_PlanCommand::errors_data()
{
    QTest::addColumn<QByteArray>("prefs");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    const QByteArray good = R"({"clusters":{"*":{"weight":1}}})";
    QTest::newRow("no prefs") << good << QStringList{u"--total"_s, u"3"_s, u"--clusters"_s, u"A"_s}
                              << "--prefs is required";
    QTest::newRow("no clusters") << good << QStringList{u"--prefs"_s, u"@"_s, u"--total"_s, u"3"_s}
                                 << "--clusters is required";
    QTest::newRow("no total") << good << QStringList{u"--prefs"_s, u"@"_s, u"--clusters"_s, u"A"_s}
                              << "--total is required";
    QTest::newRow("negative total")
            << good
            << QStringList{u"--prefs"_s, u"@"_s, u"--total"_s, u"-1"_s, u"--clusters"_s, u"A"_s}
            << "--total: must be an integer ≥ 0";
    QTest::newRow("unknown argument") << good << QStringList{u"--prefs"_s, u"@"_s, u"--bogus"_s}
                                      << "unknown argument \"--bogus\"";
    QTest::newRow("bad engine") << good
                                << QStringList{u"--prefs"_s,
                                               u"@"_s,
                                               u"--total"_s,
                                               u"3"_s,
                                               u"--clusters"_s,
                                               u"A"_s,
                                               u"--engine"_s,
                                               u"kubefed"_s}
                                << "--engine: must be federation or karmada";
    QTest::newRow("capacity for an unknown cluster") << good
                                                     << QStringList{u"--prefs"_s,
                                                                    u"@"_s,
                                                                    u"--total"_s,
                                                                    u"3"_s,
                                                                    u"--clusters"_s,
                                                                    u"A"_s,
                                                                    u"--capacity"_s,
                                                                    u"B=1"_s}
                                                     << "--capacity: B is not in --clusters";
    QTest::newRow("cluster twice")
            << good
            << QStringList{u"--prefs"_s, u"@"_s, u"--total"_s, u"3"_s, u"--clusters"_s, u"A,A"_s}
            << "--clusters: A is listed twice";
    QTest::newRow("missing file") << good
                                  << QStringList{u"--prefs"_s,
                                                 u"/nonexistent/prefs.json"_s,
                                                 u"--total"_s,
                                                 u"3"_s,
                                                 u"--clusters"_s,
                                                 u"A"_s}
                                  << "cannot read /nonexistent/prefs.json";
    QTest::newRow("bad preferences")
            << QByteArray(R"({"clusters":{"tokyo":{"maxReplicas":-3}}})")
            << QStringList{u"--prefs"_s, u"@"_s, u"--total"_s, u"3"_s, u"--clusters"_s, u"tokyo"_s}
            << "clusters.tokyo.maxReplicas: must be an integer ≥ 0, got -3";
    QTest::newRow("karmada cannot schedule")
            << QByteArray("kind: PropagationPolicy\nspec:\n  placement:\n    replicaScheduling:\n"
                          "      replicaDivisionPreference: Aggregated\n")
            << QStringList{u"--prefs"_s,
                           u"@"_s,
                           u"--total"_s,
                           u"30"_s,
                           u"--clusters"_s,
                           u"A,B"_s,
                           u"--capacity"_s,
                           u"A=5,B=5"_s}
            << "not enough to schedule 30";
}

void tst_PlanCommand::errors()
{
    QFETCH(QByteArray, prefs);
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString file = write(QStringLiteral("e"), prefs);
    args.replaceInStrings(QStringLiteral("@"), file);
    QString out;
    QString err;
    QCOMPARE(run(args, &out, &err), 2);
    QVERIFY(out.isEmpty());
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_PlanCommand)
#include "tst_plancommand.moc"

// ClusterState: the store that watches and controllers hang off. Writes, generations, the
// change hook, the bounded history and lists "as of" an older resourceVersion.

#include "sim/clusterstate.h"
#include "sim/scenario.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim;

namespace {

ClusterSpec testSpec(int history = 1000)
{
    Options options;
    options.scenario = u"test"_s;
    options.clusters = 1;
    options.watchHistory = history;
    auto specs = buildScenario(options);
    return specs->first();
}

QJsonObject deployment(const QString &name, int replicas)
{
    return QJsonObject{{u"kind"_s, u"Deployment"_s},
                       {u"apiVersion"_s, u"apps/v1"_s},
                       {u"metadata"_s,
                        QJsonObject{{u"name"_s, name}, {u"namespace"_s, u"default"_s}}},
                       {u"spec"_s, QJsonObject{{u"replicas"_s, replicas}}}};
}

} // namespace

class TstSimClusterState final : public QObject
{
    Q_OBJECT

private slots:
    void createSetsServerFields();
    void generationFollowsSpecOnly();
    void observersSeeEveryWrite();
    void historyWindowAndListAt();
    void sameSeedSameUids();
};

void TstSimClusterState::createSetsServerFields()
{
    ClusterState state(testSpec());
    const quint64 before = state.currentVersion();
    const QJsonObject created = state.create(u"deployments.apps"_s, deployment(u"web"_s, 1));
    const QJsonObject metadata = created[u"metadata"].toObject();
    QVERIFY(!metadata[u"uid"].toString().isEmpty());
    QVERIFY(!metadata[u"creationTimestamp"].toString().isEmpty());
    QCOMPARE(metadata[u"generation"].toInteger(), 1);
    QCOMPARE(metadata[u"resourceVersion"].toString(), QString::number(before + 1));
    QCOMPARE(state.get(u"deployments.apps"_s, u"default"_s, u"web"_s)->value(u"metadata"),
             created[u"metadata"]);
}

void TstSimClusterState::generationFollowsSpecOnly()
{
    ClusterState state(testSpec());
    QJsonObject object = state.create(u"deployments.apps"_s, deployment(u"web"_s, 1));
    // A label change: new resourceVersion, same generation.
    QJsonObject metadata = object[u"metadata"].toObject();
    metadata.insert(u"labels", QJsonObject{{u"a"_s, u"b"_s}});
    object.insert(u"metadata", metadata);
    object = state.update(u"deployments.apps"_s, object);
    QCOMPARE(object[u"metadata"][u"generation"].toInteger(), 1);
    // A spec change bumps it.
    object.insert(u"spec", QJsonObject{{u"replicas"_s, 3}});
    object = state.update(u"deployments.apps"_s, object);
    QCOMPARE(object[u"metadata"][u"generation"].toInteger(), 2);
    // Controllers write status without touching the generation.
    const auto status = state.updateStatus(u"deployments.apps"_s,
                                           u"default"_s,
                                           u"web"_s,
                                           QJsonObject{{u"observedGeneration"_s, 2}});
    QVERIFY(status);
    QCOMPARE((*status)[u"metadata"][u"generation"].toInteger(), 2);
    QCOMPARE((*status)[u"status"][u"observedGeneration"].toInteger(), 2);
}

void TstSimClusterState::observersSeeEveryWrite()
{
    ClusterState state(testSpec());
    QList<Change> seen;
    const int id = state.observe([&seen](const Change &change) { seen.append(change); });
    QJsonObject object = state.create(u"deployments.apps"_s, deployment(u"web"_s, 1));
    object.insert(u"spec", QJsonObject{{u"replicas"_s, 2}});
    state.update(u"deployments.apps"_s, object);
    state.remove(u"deployments.apps"_s, u"default"_s, u"web"_s);
    state.unobserve(id);
    state.create(u"deployments.apps"_s, deployment(u"other"_s, 1));
    QCOMPARE(seen.size(), 3);
    QCOMPARE(seen[0].type, Change::Type::Added);
    QCOMPARE(seen[1].type, Change::Type::Modified);
    QCOMPARE(seen[1].previous[u"spec"][u"replicas"].toInt(), 1);
    QCOMPARE(seen[2].type, Change::Type::Deleted);
    QCOMPARE(seen[2].resourceVersion, seen[1].resourceVersion + 1);
    QCOMPARE(seen[2].object[u"metadata"][u"resourceVersion"].toString(),
             QString::number(seen[2].resourceVersion));
}

void TstSimClusterState::historyWindowAndListAt()
{
    ClusterState state(testSpec(5));
    const quint64 start = state.currentVersion();
    state.create(u"deployments.apps"_s, deployment(u"a"_s, 1));
    const quint64 afterA = state.currentVersion();
    state.create(u"deployments.apps"_s, deployment(u"b"_s, 1));
    state.remove(u"deployments.apps"_s, u"default"_s, u"a"_s);
    // As of afterA only "a" existed; now only "b" does.
    const auto then = state.listAt(u"deployments.apps"_s, u"default"_s, afterA);
    QVERIFY(then);
    QCOMPARE(then->size(), 1);
    QCOMPARE(then->first()[u"metadata"][u"name"].toString(), u"a"_s);
    QCOMPARE(state.list(u"deployments.apps"_s).first()[u"metadata"][u"name"].toString(), u"b"_s);
    QCOMPARE(state.changesSince(afterA)->size(), 2);
    // Five more writes push everything before them out of the window of five.
    for (int i = 0; i < 5; ++i)
        state.create(u"deployments.apps"_s, deployment(u"x%1"_s.arg(i), 1));
    QVERIFY(!state.changesSince(start));
    QVERIFY(!state.listAt(u"deployments.apps"_s, QString(), afterA));
    QVERIFY(state.changesSince(state.oldestResumableVersion()));
}

void TstSimClusterState::sameSeedSameUids()
{
    ClusterState one(testSpec());
    ClusterState two(testSpec());
    QCOMPARE(one.create(u"deployments.apps"_s, deployment(u"web"_s, 1))[u"metadata"][u"uid"],
             two.create(u"deployments.apps"_s, deployment(u"web"_s, 1))[u"metadata"][u"uid"]);
}

QTEST_GUILESS_MAIN(TstSimClusterState)
#include "tst_simclusterstate.moc"

// WorkloadModel: the federated-workload tree applied from worker batches.
#include "models/workloadmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Meridian;

namespace {

FederatedWorkload workload(const QString &name,
                           const QStringList &clusters,
                           qint64 desired = 2,
                           const QString &image = QStringLiteral("nginx:1"))
{
    QMap<QString, MemberStatus> members;
    for (const QString &c : clusters) {
        MemberStatus m;
        m.desired = desired;
        m.ready = desired;
        m.available = desired;
        m.updated = desired;
        m.revision = QStringLiteral("1");
        m.images = {{QStringLiteral("app"), image}};
        m.templateHash = image;
        members.insert(c, m);
    }
    QStringList available = clusters;
    return aggregateWorkload(QStringLiteral("default"),
                             name,
                             members,
                             ReplicaPreferences::evenSpread(),
                             available);
}

// The tree as text: "key[child,child]|key[...]" with one column's value per child.
QString treeToString(const QAbstractItemModel &model, int column = WorkloadModel::NameColumn)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex parent = model.index(row, 0);
        QStringList children;
        for (int child = 0; child < model.rowCount(parent); ++child)
            children.append(model.index(child, column, parent).data().toString());
        rows.append(model.index(row, column).data().toString() + u'[' + children.join(u',') + u']');
    }
    return rows.join(u'|');
}

} // namespace

class TestWorkloadModel final : public QObject
{
    Q_OBJECT

private slots:
    void firstBatchIsOneInsert()
    {
        WorkloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // When: one batch with three workloads arrives
        model.applyBatch({workload(QStringLiteral("a"), {QStringLiteral("tokyo")}),
                          workload(QStringLiteral("b"),
                                   {QStringLiteral("tokyo"), QStringLiteral("osaka")}),
                          workload(QStringLiteral("c"), {})},
                         {});

        // Then: one insert of rows 0..2, children per member in name order
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(treeToString(model),
                 QStringLiteral("default/a[tokyo]|default/b[osaka,tokyo]|default/c[]"));
        QCOMPARE(model.columnCount(), int(WorkloadModel::ColumnCount));
        QCOMPARE(model.index(1, WorkloadModel::DesiredColumn).data().toString(),
                 QStringLiteral("4"));
        QCOMPARE(model.index(1, 0).data(WorkloadModel::KeyRole).toString(),
                 QStringLiteral("default/b"));
        const QModelIndex child = model.index(0, 0, model.index(1, 0));
        QCOMPARE(child.data(WorkloadModel::ClusterRole).toString(), QStringLiteral("osaka"));
        QCOMPARE(child.data(WorkloadModel::KeyRole).toString(), QStringLiteral("default/b"));
        QCOMPARE(child.data(WorkloadModel::PlannedRole).toLongLong(), 2);
        QVERIFY(child.data(WorkloadModel::IsMemberRole).toBool());
    }

    void changesCoalesceIntoOneDataChanged()
    {
        WorkloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyBatch({workload(QStringLiteral("a"), {QStringLiteral("x")}),
                          workload(QStringLiteral("b"), {QStringLiteral("x")}),
                          workload(QStringLiteral("c"), {QStringLiteral("x")})},
                         {});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // When: a and c change in one batch, with a new workload d
        model.applyBatch({workload(QStringLiteral("c"), {QStringLiteral("x")}, 5),
                          workload(QStringLiteral("a"), {QStringLiteral("x")}, 7),
                          workload(QStringLiteral("d"), {QStringLiteral("x")})},
                         {});

        // Then: top-level rows 0..2 in one dataChanged (plus one per child range), one insert
        QList<QPair<int, int>> topLevel;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).value<QModelIndex>();
            const auto to = args.at(1).value<QModelIndex>();
            if (!from.parent().isValid())
                topLevel.append({from.row(), to.row()});
        }
        QCOMPARE(topLevel, (QList<QPair<int, int>>{{0, 2}}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(treeToString(model, WorkloadModel::DesiredColumn),
                 QStringLiteral("7[7]|2[2]|5[5]|2[2]"));
    }

    void removalsAndMembersComingAndGoing()
    {
        WorkloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyBatch({workload(QStringLiteral("a"), {QStringLiteral("x")}),
                          workload(QStringLiteral("b"), {QStringLiteral("x")}),
                          workload(QStringLiteral("c"), {QStringLiteral("x")}),
                          workload(QStringLiteral("d"),
                                   {QStringLiteral("x"), QStringLiteral("y")})},
                         {});
        // Hold a persistent index on d's second member across removals above it
        const QPersistentModelIndex dy = model.index(1, 0, model.index(3, 0));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // When: a and b go (one contiguous range), and d loses member x
        model.applyBatch({workload(QStringLiteral("d"), {QStringLiteral("y")})},
                         {QStringLiteral("default/b"),
                          QStringLiteral("default/a"),
                          QStringLiteral("default/unknown")});

        // Then
        QCOMPARE(treeToString(model), QStringLiteral("default/c[x]|default/d[y]"));
        QCOMPARE(model.rowOfKey(QStringLiteral("default/d")), 1);
        QVERIFY(removed.size() >= 2); // the a..b range, then d's children
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 1);
        Q_UNUSED(dy)

        // And: a drifted image shows in the drift column and role
        model.applyBatch({workload(QStringLiteral("e"),
                                   {QStringLiteral("x"),
                                    QStringLiteral("y"),
                                    QStringLiteral("z")})},
                         {});
        FederatedWorkload drifting
                = workload(QStringLiteral("e"),
                           {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")});
        QMap<QString, MemberStatus> members = drifting.clusters;
        members[QStringLiteral("z")].images = {{QStringLiteral("app"), QStringLiteral("nginx:2")}};
        members[QStringLiteral("z")].templateHash = QStringLiteral("nginx:2");
        drifting = aggregateWorkload(QStringLiteral("default"),
                                     QStringLiteral("e"),
                                     members,
                                     ReplicaPreferences::evenSpread(),
                                     members.keys());
        model.applyBatch({drifting}, {});
        const QModelIndex e = model.index(model.rowOfKey(QStringLiteral("default/e")), 0);
        QVERIFY(e.data(WorkloadModel::DriftRole).toBool());
        QCOMPARE(model.index(2, WorkloadModel::DriftColumn, e).data().toString(),
                 QStringLiteral("pod template, images"));
        QVERIFY(!model.index(0, 0, e).data(WorkloadModel::DriftRole).toBool());

        // And: clear resets
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkloadModel)
#include "tst_workloadmodel.moc"

#include "models/clustermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Meridian;

namespace {

ClusterStatus cluster(const QString &context, ClusterState state = ClusterState::Connecting)
{
    ClusterStatus s;
    s.name = context + QStringLiteral("-cluster");
    s.context = context;
    s.server = QStringLiteral("https://127.0.0.1:6443");
    s.state = state;
    return s;
}

// The model as text, one row per line, so assertions read like the table the operator sees.
QString rowsToString(const QAbstractItemModel &model, int column)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.index(row, column).data().toString());
    return rows.join(u'|');
}

} // namespace

class TestClusterModel final : public QObject
{
    Q_OBJECT

private slots:
    void setClustersResets()
    {
        ClusterModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // When: a federation of three loads
        model.setClusters({cluster(QStringLiteral("tokyo")),
                           cluster(QStringLiteral("osaka")),
                           cluster(QStringLiteral("london"))});

        // Then: one reset, three rows in kubeconfig order, all Connecting
        QCOMPARE(reset.size(), 1);
        QCOMPARE(rowsToString(model, ClusterModel::ContextColumn),
                 QStringLiteral("tokyo|osaka|london"));
        QCOMPARE(rowsToString(model, ClusterModel::StateColumn),
                 QStringLiteral("Connecting|Connecting|Connecting"));
        QCOMPARE(model.columnCount(), int(ClusterModel::ColumnCount));
    }

    void batchUpdatesCoalesceIntoOneDataChanged()
    {
        ClusterModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClusters({cluster(QStringLiteral("a")),
                           cluster(QStringLiteral("b")),
                           cluster(QStringLiteral("c")),
                           cluster(QStringLiteral("d"))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // When: rows b and d answer in one batch
        ClusterStatus b = cluster(QStringLiteral("b"), ClusterState::Ready);
        b.version = QStringLiteral("v1.29.6");
        b.nodesReady = 3;
        b.nodesTotal = 3;
        b.lastSuccess = QDateTime::currentDateTimeUtc();
        ClusterStatus d = cluster(QStringLiteral("d"), ClusterState::Unauthorized);
        d.reason = QStringLiteral("Unauthorized (401): Unauthorized");
        model.applyBatch({b, d});

        // Then: one dataChanged from row 1 to row 3 over every column, nothing inserted
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(3, ClusterModel::ColumnCount - 1));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.index(1, ClusterModel::NodesColumn).data().toString(),
                 QStringLiteral("3/3"));
        QCOMPARE(model.index(1, ClusterModel::ReasonColumn).data().toString(), QString());
        QCOMPARE(model.index(3, ClusterModel::ReasonColumn).data().toString(),
                 QStringLiteral("Unauthorized (401): Unauthorized"));
        QCOMPARE(model.index(3, ClusterModel::StateColumn)
                         .data(ClusterModel::StateRole)
                         .value<ClusterState>(),
                 ClusterState::Unauthorized);
    }

    void unchangedBatchEmitsNothing()
    {
        ClusterModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ClusterStatus a = cluster(QStringLiteral("a"), ClusterState::Ready);
        model.setClusters({a});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyBatch({a});
        QCOMPARE(changed.size(), 0);
    }

    void unknownContextsAreInsertedOnceAtTheEnd()
    {
        ClusterModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClusters({cluster(QStringLiteral("a"))});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // When: a batch brings two new contexts, one of them twice
        model.applyBatch({cluster(QStringLiteral("x")),
                          cluster(QStringLiteral("y")),
                          cluster(QStringLiteral("x"), ClusterState::Ready)});

        // Then: one insert of exactly two rows (first 1, last 2), the newest x kept
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(rowsToString(model, ClusterModel::ContextColumn), QStringLiteral("a|x|y"));
        QCOMPARE(model.index(1, ClusterModel::StateColumn).data().toString(),
                 QStringLiteral("Ready"));
        QCOMPARE(model.rowOfContext(QStringLiteral("y")), 2);
    }

    void removedContextsLoseTheirRows()
    {
        ClusterModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClusters({cluster(QStringLiteral("a")),
                           cluster(QStringLiteral("b")),
                           cluster(QStringLiteral("c")),
                           cluster(QStringLiteral("d")),
                           cluster(QStringLiteral("e"))});
        QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // When: b, c and e go (two runs), with an unknown context and a repeat in the list
        model.removeClusters({QStringLiteral("e"),
                              QStringLiteral("b"),
                              QStringLiteral("nope"),
                              QStringLiteral("c"),
                              QStringLiteral("b")});

        // Then: one removal per run, the bottom run first; no reset; the rest keep their order
        QCOMPARE(removed.size(), 2);
        QCOMPARE(aboutToRemove.size(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), 4);
        QCOMPARE(removed.at(0).at(2).toInt(), 4);
        QCOMPARE(removed.at(1).at(1).toInt(), 1);
        QCOMPARE(removed.at(1).at(2).toInt(), 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(rowsToString(model, ClusterModel::ContextColumn), QStringLiteral("a|d"));
        QCOMPARE(model.rowOfContext(QStringLiteral("d")), 1);
        QCOMPARE(model.rowOfContext(QStringLiteral("b")), -1);
        QCOMPARE(model.rowOfContext(QStringLiteral("e")), -1);
        QCOMPARE(model.clusters().size(), 2);

        // When: nothing known is named
        model.removeClusters({QStringLiteral("zzz")});
        // Then: nothing is emitted
        QCOMPARE(removed.size(), 2);

        // When: a removed context comes back in a batch
        model.applyBatch({cluster(QStringLiteral("b"), ClusterState::Ready)});
        // Then: it is a new row at the end; removing every row empties the model
        QCOMPARE(rowsToString(model, ClusterModel::ContextColumn), QStringLiteral("a|d|b"));
        QCOMPARE(model.rowOfContext(QStringLiteral("b")), 2);
        model.removeClusters({QStringLiteral("a"), QStringLiteral("d"), QStringLiteral("b")});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(removed.size(), 3);
        QCOMPARE(model.rowOfContext(QStringLiteral("a")), -1);
    }

    void insecureClustersAreFlagged()
    {
        ClusterModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterStatus a = cluster(QStringLiteral("a"), ClusterState::Ready);
        a.insecureTls = true;
        model.setClusters({a});
        QVERIFY(model.index(0, ClusterModel::ReasonColumn)
                        .data()
                        .toString()
                        .contains(QStringLiteral("TLS")));
        QVERIFY(model.index(0, ClusterModel::StateColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("TLS verification off")));
    }

    void stateCountsAndHeaders()
    {
        ClusterModel model;
        model.setClusters({cluster(QStringLiteral("a"), ClusterState::Ready),
                           cluster(QStringLiteral("b"), ClusterState::Ready),
                           cluster(QStringLiteral("c"), ClusterState::Unreachable)});
        const auto counts = model.stateCounts();
        QCOMPARE(counts.value(ClusterState::Ready), 2);
        QCOMPARE(counts.value(ClusterState::Unreachable), 1);
        QCOMPARE(model.headerData(ClusterModel::ServerColumn, Qt::Horizontal, Qt::DisplayRole)
                         .toString(),
                 QStringLiteral("API server"));
    }
};

QTEST_GUILESS_MAIN(TestClusterModel)
#include "tst_clustermodel.moc"

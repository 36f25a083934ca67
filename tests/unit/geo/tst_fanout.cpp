#include "core/geo/fanout.h"

#include <QTest>

#include <cmath>

using namespace Meridian::Geo;

class tst_FanOut final : public QObject
{
    Q_OBJECT

private slots:
    void singleAndDistantItemsStay();
    void coLocatedSpreadApart_data();
    void coLocatedSpreadApart();
    void deterministicByKey();
    void nearlyCoLocatedJoin();
};

namespace {

double minDistance(const QList<QPointF> &points)
{
    double best = 1e9;
    for (qsizetype i = 0; i < points.size(); ++i)
        for (qsizetype j = i + 1; j < points.size(); ++j)
            best = std::min(best,
                            std::hypot(points[i].x() - points[j].x(),
                                       points[i].y() - points[j].y()));
    return best;
}

} // namespace

void tst_FanOut::singleAndDistantItemsStay()
{
    const QList<FanOutItem> items{{QStringLiteral("a"), {10, 10}},
                                  {QStringLiteral("b"), {200, 10}},
                                  {QStringLiteral("c"), {10, 300}}};
    const QList<QPointF> points = fanOut(items, 6.0, 12.0);
    QCOMPARE(points.size(), 3);
    for (qsizetype i = 0; i < items.size(); ++i)
        QCOMPARE(points[i], items[i].point);
    QCOMPARE(fanOut({}, 6.0, 12.0).size(), 0);
}

void tst_FanOut::coLocatedSpreadApart_data()
{
    QTest::addColumn<int>("count");
    for (int n : {2, 3, 5, 12, 40})
        QTest::addRow("%d clusters", n) << n;
}

void tst_FanOut::coLocatedSpreadApart()
{
    QFETCH(int, count);
    // Given count clusters in one region and one cluster elsewhere
    QList<FanOutItem> items;
    for (int i = 0; i < count; ++i)
        items.append({QStringLiteral("ctx-%1").arg(i), {400, 300}});
    items.append({QStringLiteral("far"), {900, 300}});
    const double diameter = 12.0;
    // When they fan out
    const QList<QPointF> points = fanOut(items, 6.0, diameter);
    // Then no two markers are closer than a marker diameter, around the shared point
    QVERIFY2(minDistance(points) >= diameter - 1e-9,
             qPrintable(QString::number(minDistance(points))));
    QPointF centroid;
    for (int i = 0; i < count; ++i)
        centroid += points[i];
    centroid /= count;
    QVERIFY(std::hypot(centroid.x() - 400, centroid.y() - 300) < 1e-6);
    QCOMPARE(points.last(), QPointF(900, 300));
}

void tst_FanOut::deterministicByKey()
{
    const QList<FanOutItem> forward{{QStringLiteral("b"), {50, 50}},
                                    {QStringLiteral("a"), {50, 50}},
                                    {QStringLiteral("c"), {50, 50}}};
    const QList<FanOutItem> backward{forward[2], forward[1], forward[0]};
    const QList<QPointF> one = fanOut(forward, 6.0, 12.0);
    const QList<QPointF> two = fanOut(backward, 6.0, 12.0);
    // Each key gets the same place whatever the input order; "a" is at 12 o'clock.
    QCOMPARE(one[0], two[2]);
    QCOMPARE(one[1], two[1]);
    QCOMPARE(one[2], two[0]);
    QVERIFY(one[1].y() < 50 && std::abs(one[1].x() - 50) < 1e-9);
    QCOMPARE(fanOut(forward, 6.0, 12.0), one);
}

void tst_FanOut::nearlyCoLocatedJoin()
{
    // A chain of points each within the merge distance forms one group.
    const QList<FanOutItem> items{{QStringLiteral("a"), {100, 100}},
                                  {QStringLiteral("b"), {104, 100}},
                                  {QStringLiteral("c"), {108, 100}}};
    const QList<QPointF> points = fanOut(items, 5.0, 12.0);
    QVERIFY(minDistance(points) >= 12.0 - 1e-9);
}

QTEST_GUILESS_MAIN(tst_FanOut)
#include "tst_fanout.moc"

// labelSelector and fieldSelector parsing and matching, as kube-apiserver applies them.

#include "sim/selector.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Meridian::Sim;

class TstSimSelector final : public QObject
{
    Q_OBJECT

private slots:
    void labels_data();
    void labels();
    void badLabelSelector();
    void fields_data();
    void fields();
    void unsupportedField();
};

void TstSimSelector::labels_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches"); // against app=web, tier=front
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("=") << u"app=web"_s << true;
    QTest::newRow("==") << u"app==web"_s << true;
    QTest::newRow("= other") << u"app=db"_s << false;
    QTest::newRow("!=") << u"app!=db"_s << true;
    QTest::newRow("!= missing key") << u"zone!=a"_s << true;
    QTest::newRow("in") << u"tier in (front,back)"_s << true;
    QTest::newRow("in miss") << u"tier in (back)"_s << false;
    QTest::newRow("notin") << u"tier notin (back)"_s << true;
    QTest::newRow("notin hit") << u"tier notin (front, back)"_s << false;
    QTest::newRow("exists") << u"app"_s << true;
    QTest::newRow("exists miss") << u"zone"_s << false;
    QTest::newRow("!key") << u"!zone"_s << true;
    QTest::newRow("!key present") << u"!app"_s << false;
    QTest::newRow("and") << u"app=web,tier in (front),!zone"_s << true;
    QTest::newRow("and fails") << u"app=web,tier=back"_s << false;
}

void TstSimSelector::labels()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const QJsonObject object{
            {u"metadata"_s,
             QJsonObject{
                     {u"labels"_s, QJsonObject{{u"app"_s, u"web"_s}, {u"tier"_s, u"front"_s}}}}}};
    const auto parsed = Selector::parseLabels(selector);
    QVERIFY(parsed);
    QCOMPARE(parsed->matches(object), matches);
}

void TstSimSelector::badLabelSelector()
{
    const auto parsed = Selector::parseLabels(u"app=web,,"_s);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, u"BadRequest"_s);
}

void TstSimSelector::fields_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");
    QTest::newRow("name") << u"metadata.name=web-1"_s << true;
    QTest::newRow("namespace") << u"metadata.namespace=default"_s << true;
    QTest::newRow("node") << u"spec.nodeName=node-a"_s << true;
    QTest::newRow("phase !=") << u"status.phase!=Running"_s << false;
    QTest::newRow("phase ==") << u"status.phase==Running"_s << true;
    QTest::newRow("two") << u"metadata.name=web-1,spec.nodeName=node-b"_s << false;
}

void TstSimSelector::fields()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const QJsonObject pod = QJsonDocument::fromJson(
                                    R"({"metadata":{"name":"web-1","namespace":"default"},
                                        "spec":{"nodeName":"node-a"},"status":{"phase":"Running"}})")
                                    .object();
    const auto parsed = Selector::parseFields(selector, {u"spec.nodeName"_s, u"status.phase"_s});
    QVERIFY(parsed);
    QCOMPARE(parsed->matches(pod), matches);
}

void TstSimSelector::unsupportedField()
{
    const auto parsed = Selector::parseFields(u"spec.replicas=1"_s, {u"status.phase"_s});
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().message, u"field label not supported: spec.replicas"_s);
}

QTEST_GUILESS_MAIN(TstSimSelector)
#include "tst_simselector.moc"

// Filter semantics of the log view and meridianctl: clusters, namespace, workload, severity
// floor, case-insensitive text, exclude, regex and time range, all at once (AND), over a store
// with more than one segment; and the arena scan against a message-by-message reference.
#include "logs/logfilter.h"
#include "logs/logstore.h"

#include <QRandomGenerator>
#include <QTest>

Q_DECLARE_METATYPE(Meridian::Logs::LogFilter)

using namespace Meridian::Logs;

namespace {

struct Line
{
    const char *cluster;
    const char *pod;
    Severity severity;
    const char *message;
};

// ids 0..9, appended in two batches
const Line lines[] = {
        {"tokyo", "web-5d9c-aaaaa", Severity::Info, "GET /cart 200"},
        {"tokyo", "web-5d9c-aaaaa", Severity::Error, "GET /Checkout 503"},
        {"paris", "web-77aa-bbbbb", Severity::Warning, "GET /cart 404"},
        {"paris", "api-1234-ccccc", Severity::Error, "connection REFUSED to db"},
        {"iowa", "webhook-1-ddddd", Severity::Debug, "heartbeat ok"},
        {"iowa", "worker-9-eeeee", Severity::Critical, "panic: checkout failed"},
        {"tokyo", "worker-9-fffff", Severity::Default, ""},
        {"paris", "web-77aa-bbbbb", Severity::Info, "ünïcode cart"},
        {"tokyo", "web-5d9c-aaaaa", Severity::Warning, "slow CART render"},
        {"iowa", "api-1234-ggggg", Severity::Error, "cart service timeout"},
};

QString idsText(const std::vector<quint64> &ids)
{
    QStringList parts;
    for (const quint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

} // namespace

class TestLogFilterEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_sources = std::make_shared<SourceTable>();
        m_store = std::make_unique<LogStore>(m_sources);
        SegmentBuilder first;
        SegmentBuilder second;
        for (int i = 0; i < 10; ++i) {
            const Line &l = lines[i];
            const quint32 source
                    = m_sources->intern({l.cluster, "default", l.pod, "app", "", "", "", ""});
            (i < 8 ? first : second).append(1000 + i, source, l.severity, l.message);
        }
        m_store->append(first.take());
        m_store->append(second.take()); // small: coalesced into the first, ids run on
    }

    void semantics_data()
    {
        QTest::addColumn<LogFilter>("filter");
        QTest::addColumn<QString>("expected");
        LogFilter f;
        QTest::newRow("nothing") << f << QStringLiteral("0,1,2,3,4,5,6,7,8,9");
        f = {};
        f.clusters = {QStringLiteral("tokyo")};
        QTest::newRow("one cluster") << f << QStringLiteral("0,1,6,8");
        f.clusters.insert(QStringLiteral("iowa"));
        QTest::newRow("two clusters") << f << QStringLiteral("0,1,4,5,6,8,9");
        f = {};
        f.severity = *parseSeverityRange(u">=WARNING");
        QTest::newRow("severity floor") << f << QStringLiteral("1,2,3,5,8,9");
        f = {};
        f.text = QStringLiteral("cart");
        QTest::newRow("text ignores case") << f << QStringLiteral("0,2,7,8,9");
        f.text = QStringLiteral("ünïcode");
        QTest::newRow("non-ASCII text") << f << QStringLiteral("7");
        f = {};
        f.text = QStringLiteral("CART");
        f.exclude = QStringLiteral("404");
        QTest::newRow("exclude") << f << QStringLiteral("0,7,8,9");
        f = {};
        f.regex = QStringLiteral("^get /c\\w+ \\d{3}$");
        QTest::newRow("regex, case-insensitive") << f << QStringLiteral("0,1,2");
        f = {};
        f.workload = QStringLiteral("web");
        QTest::newRow("workload is a pod prefix with a dash") << f << QStringLiteral("0,1,2,7,8");
        f = {};
        f.fromNs = 1002;
        f.toNs = 1005;
        QTest::newRow("time range [from, to)") << f << QStringLiteral("2,3,4");
        f = {};
        f.clusters = {QStringLiteral("tokyo"), QStringLiteral("paris")};
        f.severity = *parseSeverityRange(u">=WARNING");
        f.text = QStringLiteral("cart");
        QTest::newRow("cluster + severity + text") << f << QStringLiteral("2,8");
        f = {};
        f.clusters = {QStringLiteral("nowhere")};
        QTest::newRow("unknown cluster") << f << QStringLiteral("");
    }
    void semantics()
    {
        QFETCH(LogFilter, filter);
        QFETCH(QString, expected);
        const FilterResult result = runFilter(m_store->snapshot(), *m_sources, filter);
        QVERIFY(result.error.isEmpty());
        QCOMPARE(idsText(result.ids), expected);
    }

    void badRegexIsAnError()
    {
        LogFilter f;
        f.regex = QStringLiteral("(unclosed");
        const FilterResult result = runFilter(m_store->snapshot(), *m_sources, f);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.ids.empty());
    }

    void cancelledJobReturnsNothing()
    {
        std::atomic_bool cancel{true};
        const FilterResult result = runFilter(m_store->snapshot(), *m_sources, {}, &cancel);
        QVERIFY(result.cancelled);
        QVERIFY(result.ids.empty());
    }

    void arenaScanAgreesWithReference()
    {
        // Given random messages over a small alphabet, where matches straddle message borders
        auto sources = std::make_shared<SourceTable>();
        LogStore store(sources);
        QRandomGenerator random(7);
        std::vector<std::string> messages;
        SegmentBuilder builder;
        const quint32 source = sources->intern({"c", "n", "p", "k", "", "", "", ""});
        for (int i = 0; i < 20000; ++i) {
            std::string m(std::size_t(random.bounded(12)), ' ');
            for (char &c : m)
                c = "abAB"[random.bounded(4)];
            messages.push_back(m);
            builder.append(i, source, Severity::Info, m);
        }
        store.append(builder.take());
        for (const char *needle : {"ab", "aBa", "bbbb", "a"}) {
            LogFilter f;
            f.text = QString::fromLatin1(needle);
            const FilterResult result = runFilter(store.snapshot(), *sources, f);
            std::vector<quint64> expected;
            const QByteArray folded = QByteArray(needle).toLower();
            for (std::size_t i = 0; i < messages.size(); ++i) {
                if (QByteArray::fromStdString(messages[i]).toLower().contains(folded))
                    expected.push_back(i);
            }
            QCOMPARE(result.ids.size(), expected.size());
            QVERIFY(result.ids == expected);
        }
    }

private:
    std::shared_ptr<SourceTable> m_sources;
    std::unique_ptr<LogStore> m_store;
};

QTEST_GUILESS_MAIN(TestLogFilterEngine)
#include "tst_logfilter_engine.moc"

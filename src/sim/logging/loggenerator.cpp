#include "sim/logging/loggenerator.h"

#include "sim/deterministic.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

// lastLines() gives up after this much silence rather than walk back to 1970 for a silent pod.
constexpr qint64 maxLookBackSeconds = 31LL * 24 * 3600;

enum class Style { NginxAccess, JsonAccess, Application };

Style styleOf(const PodIdentity &pod)
{
    const QString &name = pod.container;
    if (name.contains(u"api"))
        return Style::JsonAccess;
    if (name.contains(u"web") || name.contains(u"frontend") || name.contains(u"nginx"))
        return Style::NginxAccess;
    return Style::Application;
}

double styleRate(Style style)
{
    // Workers are quieter than the containers that serve traffic.
    return style == Style::Application ? 0.6 : 1.0;
}

template<typename T, std::size_t N>
const T &pick(Prng &prng, const std::array<T, N> &choices)
{
    return choices[prng.next() % N];
}

constexpr std::array<QStringView, 6> userAgents{
        u"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        u"Chrome/126.0.0.0 Safari/537.36",
        u"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        u"Version/17.5 Safari/605.1.15",
        u"Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
        u"curl/8.5.0",
        u"python-requests/2.32.3",
        u"Go-http-client/1.1",
};

struct Request
{
    QString method;
    QString path;
    int status = 200;
    qint64 bytes = 0;
    double latencySeconds = 0;
    QString userAgent;
    QString remoteIp;
};

Request makeRequest(Prng &prng, Style style, double errorRate, double clientErrorRate)
{
    Request r;
    r.remoteIp = u"10.%1.%2.%3"_s.arg(prng.next() % 64)
                         .arg(prng.next() % 256)
                         .arg(1 + prng.next() % 254);
    const bool probe = prng.nextDouble() < 0.08;
    if (probe) {
        r.method = u"GET"_s;
        r.path = style == Style::JsonAccess ? u"/healthz"_s : u"/"_s;
        r.userAgent = u"kube-probe/1.29"_s;
    } else if (style == Style::JsonAccess) {
        static constexpr std::array<QStringView, 6> methods{u"GET",
                                                            u"GET",
                                                            u"GET",
                                                            u"POST",
                                                            u"PUT",
                                                            u"DELETE"};
        r.method = pick(prng, methods).toString();
        const quint64 id = 1000 + prng.next() % 90000;
        switch (prng.next() % 5) {
        case 0: r.path = u"/v1/orders/%1"_s.arg(id); break;
        case 1: r.path = u"/v1/orders"_s; break;
        case 2: r.path = u"/v1/products?page=%1"_s.arg(1 + prng.next() % 20); break;
        case 3: r.path = u"/v1/users/%1"_s.arg(id); break;
        default: r.path = u"/v1/cart/items"_s; break;
        }
        r.userAgent = pick(prng, userAgents).toString();
    } else {
        r.method = prng.nextDouble() < 0.9 ? u"GET"_s : u"POST"_s;
        static constexpr std::array<QStringView, 8> paths{u"/",
                                                          u"/products",
                                                          u"/products/%1",
                                                          u"/cart",
                                                          u"/checkout",
                                                          u"/static/app.3f9c1e.js",
                                                          u"/static/styles.css",
                                                          u"/favicon.ico"};
        r.path = pick(prng, paths).toString();
        if (r.path.contains(u"%1"))
            r.path = r.path.arg(1000 + prng.next() % 9000);
        r.userAgent = pick(prng, userAgents).toString();
    }

    const double dice = prng.nextDouble();
    if (!probe && dice < errorRate) {
        static constexpr std::array<int, 5> serverErrors{500, 502, 503, 503, 504};
        r.status = pick(prng, serverErrors);
    } else if (!probe && dice < errorRate + clientErrorRate) {
        static constexpr std::array<int, 6> clientErrors{404, 404, 400, 401, 403, 429};
        r.status = pick(prng, clientErrors);
    } else if (r.method == u"POST") {
        r.status = 201;
    } else if (r.method == u"DELETE") {
        r.status = 204;
    } else {
        r.status = r.path.startsWith(u"/static") && prng.nextDouble() < 0.5 ? 304 : 200;
    }

    // Roughly log-normal latencies; gateway timeouts wait for their upstream.
    const double base = std::exp(-4.2 + 1.1 * (prng.nextDouble() + prng.nextDouble() - 1.0) * 2);
    r.latencySeconds = r.status == 504 ? 30.0 + prng.nextDouble() : base;
    if (r.status == 204 || r.status == 304)
        r.bytes = 0;
    else if (r.status >= 400)
        r.bytes = 100 + static_cast<qint64>(prng.next() % 400);
    else
        r.bytes = 500 + static_cast<qint64>(prng.next() % 40000);
    return r;
}

LogSeverity accessSeverity(int status)
{
    if (status >= 500)
        return LogSeverity::Error;
    if (status >= 400)
        return LogSeverity::Warning;
    return LogSeverity::Info;
}

QString nginxTime(qint64 timestampNs)
{
    static constexpr std::array<const char *, 12> months{
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timestampNs / 1000000, QTimeZone::utc());
    return u"%1/%2/%3:%4 +0000"_s.arg(t.date().day(), 2, 10, QChar(u'0'))
            .arg(QLatin1StringView(months[static_cast<std::size_t>(t.date().month() - 1)]))
            .arg(t.date().year())
            .arg(t.time().toString(u"hh:mm:ss"));
}

void fillNginx(LogLine *line, const Request &r)
{
    line->severity = accessSeverity(r.status);
    line->text = u"%1 - - [%2] \"%3 %4 HTTP/1.1\" %5 %6 \"-\" \"%7\" %8"_s
                         .arg(r.remoteIp,
                              nginxTime(line->timestampNs),
                              r.method,
                              r.path,
                              QString::number(r.status),
                              QString::number(r.bytes),
                              r.userAgent,
                              QString::number(r.latencySeconds, 'f', 3));
}

void fillJsonAccess(LogLine *line, const Request &r)
{
    line->severity = accessSeverity(r.status);
    line->httpRequest = QJsonObject{
            {u"requestMethod"_s, r.method},
            {u"requestUrl"_s, r.path},
            {u"status"_s, r.status},
            {u"responseSize"_s, QString::number(r.bytes)},
            {u"userAgent"_s, r.userAgent},
            {u"remoteIp"_s, r.remoteIp},
            {u"latency"_s, QString(QString::number(r.latencySeconds, 'f', 6) + u's')},
            {u"protocol"_s, u"HTTP/1.1"_s},
    };
    line->jsonPayload = QJsonObject{
            {u"message"_s,
             u"%1 %2 %3 %4ms"_s.arg(r.method,
                                    r.path,
                                    QString::number(r.status),
                                    QString::number(qRound(r.latencySeconds * 1000)))},
            {u"logger"_s, u"api.access"_s},
    };
    // The container writes one JSON object per line; GKE's agent lifts severity and httpRequest
    // out of it into the LogEntry, and keeps the rest as jsonPayload.
    QJsonObject written = line->jsonPayload;
    written.insert(u"severity"_s, severityName(line->severity));
    written.insert(u"httpRequest"_s, line->httpRequest);
    line->text = QString::fromUtf8(QJsonDocument(written).toJson(QJsonDocument::Compact));
}

void fillApplication(LogLine *line, Prng &prng, double errorRate)
{
    static constexpr std::array<QStringView, 4> queues{u"emails",
                                                       u"invoices",
                                                       u"thumbnails",
                                                       u"search-index"};
    const QString queue = pick(prng, queues).toString();
    const QString job = QString::number(10000 + prng.next() % 900000);
    const double dice = prng.nextDouble();
    QString level;
    QString message;
    if (dice < errorRate) {
        level = u"ERROR"_s;
        switch (prng.next() % 3) {
        case 0:
            message = u"job %1 failed: dial tcp 10.8.0.17:5432: connect: connection refused"_s.arg(
                    job);
            break;
        case 1:
            message = u"job %1 failed: context deadline exceeded after 30000ms (queue=%2)"_s
                              .arg(job, queue);
            break;
        default:
            message = u"unhandled exception in handler %1: KeyError: 'customer_id'"_s.arg(queue);
            break;
        }
    } else if (dice < errorRate + 0.06) {
        level = u"WARN"_s;
        switch (prng.next() % 3) {
        case 0:
            message = u"job %1 retry %2/5 after timeout (queue=%3)"_s.arg(job)
                              .arg(1 + prng.next() % 4)
                              .arg(queue);
            break;
        case 1:
            message = u"slow query: %1ms on orders_by_customer"_s.arg(800 + prng.next() % 4000);
            break;
        default:
            message = u"queue %1 depth %2 above threshold 1000"_s.arg(queue).arg(
                    1000 + prng.next() % 5000);
            break;
        }
    } else if (dice < errorRate + 0.21) {
        level = u"DEBUG"_s;
        message = prng.next() % 2 == 0
                          ? u"polling queue %1 (depth=%2)"_s.arg(queue).arg(prng.next() % 900)
                          : u"heartbeat ok (lag=%1ms)"_s.arg(prng.next() % 50);
    } else {
        level = u"INFO"_s;
        switch (prng.next() % 3) {
        case 0:
            message = u"processed job %1 (queue=%2) in %3ms"_s.arg(job, queue)
                              .arg(5 + prng.next() % 900);
            break;
        case 1:
            message = u"fetched %1 messages from queue %2"_s.arg(1 + prng.next() % 50).arg(queue);
            break;
        default:
            message = u"committed offset %1 on partition %2"_s.arg(prng.next() % 10000000)
                              .arg(prng.next() % 12);
            break;
        }
    }
    line->severity = severityFromLevel(level);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(line->timestampMs(), QTimeZone::utc());
    line->text = u"%1 %2 [worker] %3"_s.arg(t.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"),
                                            level.leftJustified(5),
                                            message);
}

} // namespace

LogGenerator::LogGenerator(Options options)
    : m_options(options)
{}

void LogGenerator::setRegionErrorRate(const QString &location, double errorRate)
{
    m_regionErrorRates.insert(location, std::clamp(errorRate, 0.0, 1.0));
}

void LogGenerator::clearRegionErrorRate(const QString &location)
{
    m_regionErrorRates.remove(location);
}

const LogGenerator::Options &LogGenerator::options() const
{
    return m_options;
}

double LogGenerator::errorRateFor(const PodIdentity &pod) const
{
    return m_regionErrorRates.value(pod.location, m_options.errorRate);
}

QList<LogLine> LogGenerator::linesInSecond(const PodIdentity &pod, qint64 second) const
{
    QList<LogLine> out;
    if ((second + 1) * 1000 <= pod.startedMs)
        return out;
    const Style style = styleOf(pod);
    const quint64 podHash = stableHash(m_options.seed,
                                       QString(pod.cluster + u'/' + pod.namespaceName + u'/'
                                               + pod.pod + u'/' + pod.container));
    Prng prng(podHash ^ (static_cast<quint64>(second) * 0x9e3779b97f4a7c15ULL));
    const double rate = std::max(0.0, m_options.linesPerSecond * styleRate(style));
    // Bursty around the mean: uniform in [rate/2, 3*rate/2), rounded by a second die.
    const int count = static_cast<int>(rate * (0.5 + prng.nextDouble()) + prng.nextDouble());
    if (count <= 0)
        return out;

    QList<qint64> offsets;
    offsets.reserve(count);
    for (int i = 0; i < count; ++i)
        offsets.append(static_cast<qint64>(prng.next() % 1000000000ULL));
    std::sort(offsets.begin(), offsets.end());

    const double errorRate = errorRateFor(pod);
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        LogLine line;
        line.timestampNs = second * 1000000000LL + offsets[i];
        if (line.timestampMs() < pod.startedMs)
            continue;
        line.insertId = QString::fromLatin1(prng.alphanumeric(16));
        switch (style) {
        case Style::NginxAccess:
            fillNginx(&line, makeRequest(prng, style, errorRate, m_options.clientErrorRate));
            break;
        case Style::JsonAccess:
            fillJsonAccess(&line, makeRequest(prng, style, errorRate, m_options.clientErrorRate));
            break;
        case Style::Application: fillApplication(&line, prng, errorRate); break;
        }
        // Workers write warnings and errors to stderr; web servers only their failures.
        const LogSeverity stderrFrom
                = style == Style::Application ? LogSeverity::Warning : LogSeverity::Error;
        line.stream = line.severity >= stderrFrom ? LogStream::Stderr : LogStream::Stdout;
        out.append(std::move(line));
    }
    return out;
}

QList<LogLine> LogGenerator::lines(const PodIdentity &pod, qint64 fromMs, qint64 toMs) const
{
    QList<LogLine> out;
    fromMs = std::max(fromMs, pod.startedMs);
    if (toMs <= fromMs)
        return out;
    const qint64 first = fromMs / 1000;
    const qint64 last = (toMs - 1) / 1000;
    for (qint64 second = first; second <= last; ++second) {
        const QList<LogLine> chunk = linesInSecond(pod, second);
        for (const LogLine &line : chunk) {
            const qint64 ms = line.timestampMs();
            if (ms >= fromMs && ms < toMs)
                out.append(line);
        }
    }
    return out;
}

QList<LogLine> LogGenerator::lastLines(const PodIdentity &pod, qint64 toMs, int count) const
{
    QList<LogLine> reversed;
    if (count <= 0)
        return reversed;
    const qint64 firstSecond = std::max(pod.startedMs / 1000, toMs / 1000 - maxLookBackSeconds);
    for (qint64 second = (toMs - 1) / 1000; second >= firstSecond && reversed.size() < count;
         --second) {
        const QList<LogLine> chunk = linesInSecond(pod, second);
        for (auto it = chunk.crbegin(); it != chunk.crend() && reversed.size() < count; ++it) {
            if (it->timestampMs() < toMs)
                reversed.append(*it);
        }
    }
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

QString LogGenerator::rfc3339Nanos(qint64 timestampNs)
{
    const qint64 seconds = timestampNs / 1000000000LL;
    const qint64 nanos = timestampNs % 1000000000LL;
    const QDateTime t = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    return t.toString(u"yyyy-MM-ddTHH:mm:ss") + u'.' + u"%1"_s.arg(nanos, 9, 10, QChar(u'0'))
           + u'Z';
}

} // namespace Meridian::Sim

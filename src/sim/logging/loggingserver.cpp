#include "sim/logging/loggingserver.h"

#include "sim/certificateauthority.h"
#include "sim/deterministic.h"
#include "sim/httpconnection.h"
#include "sim/logging/logfilter.h"
#include "sim/logging/loggenerator.h"
#include "sim/simclock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

constexpr int handshakeTimeoutMs = 10000;
constexpr int defaultPageSize = 50;
constexpr int maxPageSize = 1000;
constexpr qint64 nsPerSecond = 1000000000LL;
constexpr qint64 nsPerMs = 1000000LL;
const QString jwtBearerGrant = u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s;

HttpResponse googleError(int code, const QString &status, const QString &message)
{
    return HttpResponse::json(code,
                              QJsonObject{{u"error"_s,
                                           QJsonObject{{u"code"_s, code},
                                                       {u"message"_s, message},
                                                       {u"status"_s, status}}}});
}

HttpResponse invalidArgument(const QString &message)
{
    return googleError(400, u"INVALID_ARGUMENT"_s, message);
}

HttpResponse oauthError(const QString &error, const QString &description)
{
    return HttpResponse::json(400,
                              QJsonObject{{u"error"_s, error},
                                          {u"error_description"_s, description}});
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Where a listing stands: the snapshot it reads and the next line to look at. Tokens also carry
// a hash of the request so a token cannot be replayed against another filter.
struct Cursor
{
    qint64 snapshotNs = 0;
    qint64 second = 0;
    qsizetype index = 0;
    quint64 requestHash = 0;

    QString encode() const
    {
        const QByteArray raw = "v1:" + QByteArray::number(snapshotNs) + ':'
                               + QByteArray::number(second) + ':' + QByteArray::number(index) + ':'
                               + QByteArray::number(requestHash);
        return QString::fromLatin1(
                raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    static std::optional<Cursor> decode(const QString &token)
    {
        const QByteArray::FromBase64Result raw
                = QByteArray::fromBase64Encoding(token.toLatin1(),
                                                 QByteArray::Base64UrlEncoding
                                                         | QByteArray::OmitTrailingEquals
                                                         | QByteArray::AbortOnBase64DecodingErrors);
        if (!raw)
            return std::nullopt;
        const QList<QByteArray> parts = raw.decoded.split(':');
        if (parts.size() != 5 || parts[0] != "v1")
            return std::nullopt;
        Cursor cursor;
        bool ok[4] = {};
        cursor.snapshotNs = parts[1].toLongLong(&ok[0]);
        cursor.second = parts[2].toLongLong(&ok[1]);
        cursor.index = parts[3].toLongLong(&ok[2]);
        cursor.requestHash = parts[4].toULongLong(&ok[3]);
        if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || cursor.index < 0)
            return std::nullopt;
        return cursor;
    }
};

// One container as Cloud Logging shows it, prepared once per request.
struct Container
{
    PodIdentity pod;
    LogEntryView view; // resource and labels filled in
    QJsonObject resource;
    QJsonObject labels;
    QString stdoutLog;
    QString stderrLog;
};

Container describe(const PodIdentity &pod, const QString &projectId)
{
    Container c;
    c.pod = pod;
    c.view.resourceType = u"k8s_container"_s;
    c.view.resourceLabels = {{u"project_id"_s, projectId},
                             {u"location"_s, pod.location},
                             {u"cluster_name"_s, pod.cluster},
                             {u"namespace_name"_s, pod.namespaceName},
                             {u"pod_name"_s, pod.pod},
                             {u"container_name"_s, pod.container}};
    for (auto it = pod.labels.cbegin(); it != pod.labels.cend(); ++it)
        c.view.labels.insert(u"k8s-pod/"_s + it.key(), it.value());
    if (!pod.node.isEmpty())
        c.view.labels.insert(u"compute.googleapis.com/resource_name"_s, pod.node);
    QJsonObject resourceLabels;
    for (auto it = c.view.resourceLabels.cbegin(); it != c.view.resourceLabels.cend(); ++it)
        resourceLabels.insert(it.key(), it.value());
    c.resource = QJsonObject{{u"type"_s, c.view.resourceType}, {u"labels"_s, resourceLabels}};
    for (auto it = c.view.labels.cbegin(); it != c.view.labels.cend(); ++it)
        c.labels.insert(it.key(), it.value());
    c.stdoutLog = u"projects/%1/logs/stdout"_s.arg(projectId);
    c.stderrLog = u"projects/%1/logs/stderr"_s.arg(projectId);
    return c;
}

QJsonObject entryJson(const Container &c, const LogLine &line)
{
    // The agent ships lines a little after they are written; derive the delay from the line.
    const qint64 delayNs = (50 + static_cast<qint64>(qHash(line.insertId) % 850)) * nsPerMs;
    QJsonObject entry{
            {u"insertId"_s, line.insertId},
            {u"logName"_s, line.stream == LogStream::Stderr ? c.stderrLog : c.stdoutLog},
            {u"resource"_s, c.resource},
            {u"timestamp"_s, LogGenerator::rfc3339Nanos(line.timestampNs)},
            {u"receiveTimestamp"_s, LogGenerator::rfc3339Nanos(line.timestampNs + delayNs)},
            {u"severity"_s, severityName(line.severity)},
            {u"labels"_s, c.labels},
    };
    if (line.jsonPayload.isEmpty())
        entry.insert(u"textPayload"_s, line.text);
    else
        entry.insert(u"jsonPayload"_s, line.jsonPayload);
    if (!line.httpRequest.isEmpty())
        entry.insert(u"httpRequest"_s, line.httpRequest);
    return entry;
}

std::optional<int> intField(const QJsonValue &value)
{
    // proto3 JSON allows integers as numbers or strings.
    if (value.isUndefined() || value.isNull())
        return 0;
    if (value.isDouble())
        return static_cast<int>(std::clamp(value.toDouble(), -1e9, 1e9));
    bool ok = false;
    const int number = value.toString().toInt(&ok);
    return ok ? std::optional<int>(number) : std::nullopt;
}

} // namespace

LoggingServer::LoggingServer(const CertificateAuthority &ca,
                             const LogGenerator &generator,
                             LogSource source,
                             const SimClock &clock,
                             Options options,
                             QObject *parent)
    : QTcpServer(parent)
    , m_ca(ca)
    , m_generator(generator)
    , m_source(std::move(source))
    , m_clock(clock)
    , m_options(std::move(options))
{
    setObjectName(u"cloud-logging"_s);
    m_realTime.start();
    m_router.add("POST",
                 u"/v2/entries:list"_s,
                 [this](const HttpRequest &request, const PathParameters &) {
                     return listEntries(request);
                 });
    m_router.add("POST", u"/token"_s, [this](const HttpRequest &request, const PathParameters &) {
        return issueToken(request);
    });
}

LoggingServer::~LoggingServer() = default;

Status LoggingServer::start()
{
    Result<IssuedCertificate> issued = m_ca.issueServerCertificate(u"cloud-logging"_s);
    if (!issued)
        return issued.error();
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificate(QSslCertificate(issued->certificatePem, QSsl::Pem));
    m_tls.setPrivateKey(QSslKey(issued->privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_tls.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    if (m_tls.localCertificate().isNull() || m_tls.privateKey().isNull()) {
        return Error{u"TlsError"_s,
                     u"Qt could not load the Cloud Logging endpoint's certificate; check that "
                     u"Qt Network uses the OpenSSL TLS backend."_s};
    }

    Result<ServiceAccountKey> key
            = ServiceAccountKey::generate(m_options.projectId, m_options.seed);
    if (!key)
        return key.error();
    m_key.emplace(std::move(key).value());

    if (!listen(QHostAddress::LocalHost, 0)) {
        return Error{u"ListenFailed"_s,
                     u"The simulated Cloud Logging endpoint could not listen on 127.0.0.1: %1"_s
                             .arg(errorString())};
    }
    // The token URI in the key file is the audience clients sign for; Google's own is accepted
    // too, for clients that hard-code it.
    Result<JwtVerifier> verifier = JwtVerifier::create(
            m_key->publicKeyPem(),
            JwtVerifier::Expected{m_key->keyId(),
                                  m_key->clientEmail(),
                                  {tokenUrl().toString(),
                                   u"https://oauth2.googleapis.com/token"_s,
                                   u"https://www.googleapis.com/oauth2/v4/token"_s}});
    if (!verifier) {
        close();
        return verifier.error();
    }
    m_verifier.emplace(std::move(verifier).value());
    return succeeded();
}

QUrl LoggingServer::loggingUrl() const
{
    return QUrl(u"https://127.0.0.1:%1/"_s.arg(serverPort()));
}

QUrl LoggingServer::tokenUrl() const
{
    return QUrl(u"https://127.0.0.1:%1/token"_s.arg(serverPort()));
}

QString LoggingServer::projectId() const
{
    return m_options.projectId;
}

QString LoggingServer::clientEmail() const
{
    return m_key ? m_key->clientEmail() : QString();
}

QByteArray LoggingServer::serviceAccountKeyJson() const
{
    return m_key && isListening() ? m_key->json(tokenUrl()) : QByteArray();
}

void LoggingServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    auto *connection = new HttpConnection(
            socket,
            [this](HttpConnection *connection, const HttpRequest &request) {
                connection->respond(m_router.dispatch(request));
            },
            this);
    socket->startServerEncryption();
    // A client that connects and never finishes the handshake must not hold a socket forever.
    QTimer::singleShot(handshakeTimeoutMs, connection, [connection, socket] {
        if (!socket->isEncrypted())
            connection->abort();
    });
}

HttpResponse LoggingServer::issueToken(const HttpRequest &request)
{
    QString grantType;
    QByteArray assertion;
    if (request.header("content-type").contains("json")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        grantType = body.value(u"grant_type"_s).toString();
        assertion = body.value(u"assertion"_s).toString().toLatin1();
    } else {
        // Form encoding writes spaces as '+'; QUrlQuery only knows %20.
        QByteArray form = request.body;
        form.replace('+', "%20");
        const QUrlQuery query(QString::fromLatin1(form));
        grantType = query.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
        assertion = query.queryItemValue(u"assertion"_s, QUrl::FullyDecoded).toLatin1();
    }
    if (grantType != jwtBearerGrant) {
        return oauthError(u"unsupported_grant_type"_s, u"Invalid grant_type: %1"_s.arg(grantType));
    }
    if (assertion.isEmpty())
        return oauthError(u"invalid_request"_s, u"Missing required parameter: assertion"_s);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const Result<JwtClaims> claims = m_verifier->verifyGrant(assertion, nowMs / 1000);
    if (!claims)
        return oauthError(claims.error().code, claims.error().message);

    for (auto it = m_tokenExpiry.begin(); it != m_tokenExpiry.end();) {
        if (it.value() <= nowMs)
            it = m_tokenExpiry.erase(it);
        else
            ++it;
    }
    QByteArray random(96, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / 4);
    const QByteArray token
            = "ya29.c."
              + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_tokenExpiry.insert(token, nowMs + qint64(m_options.tokenLifetimeSeconds) * 1000);
    return HttpResponse::json(200,
                              QJsonObject{{u"access_token"_s, QString::fromLatin1(token)},
                                          {u"expires_in"_s, m_options.tokenLifetimeSeconds},
                                          {u"token_type"_s, u"Bearer"_s}});
}

// The identity the request is counted against, or nothing when it may not read.
std::optional<QByteArray> LoggingServer::authenticate(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    static constexpr QByteArrayView scheme = "bearer ";
    if (authorization.size() <= scheme.size()
        || authorization.left(scheme.size()).toLower() != scheme)
        return std::nullopt;
    const QByteArray token = authorization.mid(scheme.size()).trimmed();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const auto issued = m_tokenExpiry.constFind(token);
    if (issued != m_tokenExpiry.cend())
        return *issued > nowMs ? std::optional<QByteArray>(token) : std::nullopt;
    // google-auth may skip the token endpoint and send a JWT it signed itself.
    if (token.count('.') == 2 && m_verifier) {
        const Result<JwtClaims> claims = m_verifier->verifySelfSigned(token, nowMs / 1000);
        if (claims)
            return "jwt:" + claims->issuer.toUtf8();
    }
    return std::nullopt;
}

bool LoggingServer::withinQuota(const QByteArray &identity)
{
    const qint64 now = m_realTime.elapsed();
    QList<qint64> &times = m_recentReads[identity];
    times.removeIf([now](qint64 t) { return now - t >= 60000; });
    if (times.size() >= m_options.readRequestsPerMinute)
        return false;
    times.append(now);
    return true;
}

HttpResponse LoggingServer::listEntries(const HttpRequest &request)
{
    const std::optional<QByteArray> identity = authenticate(request);
    if (!identity) {
        return googleError(401,
                           u"UNAUTHENTICATED"_s,
                           u"Request had invalid authentication credentials. Expected OAuth 2 "
                           u"access token, login cookie or other valid authentication credential. "
                           u"See https://developers.google.com/identity/sign-in/web/"
                           u"devconsole-project."_s);
    }
    if (!withinQuota(*identity)) {
        return googleError(
                429,
                u"RESOURCE_EXHAUSTED"_s,
                u"Quota exceeded for quota metric 'Read requests' and limit 'Read requests per "
                u"minute' of service 'logging.googleapis.com' for consumer 'project_number:%1'."_s
                        .arg(m_key->clientId().left(12)));
    }

    QJsonParseError parseError;
    const QJsonDocument document = request.body.trimmed().isEmpty()
                                           ? QJsonDocument(QJsonObject())
                                           : QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject()) {
        return invalidArgument(
                u"Invalid JSON payload received. %1"_s.arg(parseError.errorString()));
    }
    const QJsonObject body = document.object();

    QStringList resourceNames;
    for (const QJsonValue &name : body.value(u"resourceNames"_s).toArray())
        resourceNames.append(name.toString());
    for (const QJsonValue &id : body.value(u"projectIds"_s).toArray()) // deprecated form
        resourceNames.append(u"projects/"_s + id.toString());
    if (resourceNames.isEmpty())
        return invalidArgument(u"resourceNames must name at least one resource, e.g. projects/"_s
                               + m_options.projectId);
    bool ourProject = false;
    for (const QString &name : std::as_const(resourceNames)) {
        if (!name.startsWith(u"projects/") && !name.startsWith(u"organizations/")
            && !name.startsWith(u"folders/") && !name.startsWith(u"billingAccounts/"))
            return invalidArgument(u"Invalid resource name: \"%1\""_s.arg(name));
        ourProject = ourProject || name.section(u'/', 1, 1) == m_options.projectId;
    }
    if (!ourProject) {
        return googleError(403, u"PERMISSION_DENIED"_s, u"The caller does not have permission"_s);
    }

    const std::optional<int> pageSizeField = intField(body.value(u"pageSize"_s));
    if (!pageSizeField || *pageSizeField < 0 || *pageSizeField > maxPageSize) {
        return invalidArgument(u"Invalid page size: %1; it must be between 0 and %2."_s
                                       .arg(body.value(u"pageSize"_s).toVariant().toString())
                                       .arg(maxPageSize));
    }
    const int pageSize = *pageSizeField == 0 ? defaultPageSize : *pageSizeField;

    const QString orderBy = body.value(u"orderBy"_s).toString().simplified().toLower();
    bool descending = false;
    if (orderBy == u"timestamp desc")
        descending = true;
    else if (!orderBy.isEmpty() && orderBy != u"timestamp" && orderBy != u"timestamp asc")
        return invalidArgument(u"Invalid orderBy \"%1\": only \"timestamp asc\" and "
                               u"\"timestamp desc\" are supported."_s.arg(orderBy));

    const QString filterText = body.value(u"filter"_s).toString();
    const Result<LogFilter> filter = LogFilter::parse(filterText);
    if (!filter)
        return invalidArgument(filter.error().message);

    const quint64 requestHash = stableHash(0,
                                           QString(filterText + u'\x1f' + orderBy + u'\x1f'
                                                   + resourceNames.join(u',')));
    std::optional<Cursor> cursor;
    const QString pageToken = body.value(u"pageToken"_s).toString();
    if (!pageToken.isEmpty()) {
        cursor = Cursor::decode(pageToken);
        if (!cursor || cursor->requestHash != requestHash)
            return invalidArgument(u"Invalid page token; it must come from a previous "
                                   u"entries.list with the same arguments."_s);
    }

    const qint64 nowNs = m_clock.now().toMSecsSinceEpoch() * nsPerMs;
    const qint64 snapshotNs = cursor ? cursor->snapshotNs : nowNs;

    QList<Container> containers;
    qint64 earliestStartNs = std::numeric_limits<qint64>::max();
    const QList<PodIdentity> pods = m_source ? m_source() : QList<PodIdentity>();
    for (const PodIdentity &pod : pods) {
        Container c = describe(pod, m_options.projectId);
        if (!filter->mayMatchContainer(c.view))
            continue;
        earliestStartNs = std::min(earliestStartNs, pod.startedMs * nsPerMs);
        containers.append(std::move(c));
    }
    const qint64 retentionNs = qint64(m_options.retentionDays) * 86400 * nsPerSecond;
    const qint64 loNs = std::max({filter->earliestNs(), snapshotNs - retentionNs, earliestStartNs});
    const qint64 hiNs = std::min(filter->latestNs(), snapshotNs);

    QJsonArray entries;
    // A plain flag, not std::optional: GCC's -Wmaybe-uninitialized misreads the latter here.
    Cursor next;
    bool more = false;
    if (!containers.isEmpty() && loNs <= hiNs) {
        const qint64 loSecond = floorDiv(loNs, nsPerSecond);
        const qint64 hiSecond = floorDiv(hiNs, nsPerSecond);
        const qint64 step = descending ? -1 : 1;
        const auto inRange
                = [&](qint64 second) { return second >= loSecond && second <= hiSecond; };
        qint64 second = cursor ? cursor->second : (descending ? hiSecond : loSecond);
        qsizetype startIndex = cursor ? cursor->index : 0;
        qint64 work = 0;

        struct Item
        {
            qint64 ns;
            qsizetype container;
            qsizetype line;
        };
        QList<QList<LogLine>> lines(containers.size());
        QList<Item> items;
        while (inRange(second) && !more) {
            items.clear();
            for (qsizetype c = 0; c < containers.size(); ++c) {
                lines[c] = m_generator.linesInSecond(containers[c].pod, second);
                for (qsizetype l = 0; l < lines[c].size(); ++l)
                    items.append(Item{lines[c][l].timestampNs, c, l});
            }
            std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
                return std::tie(a.ns, a.container, a.line) < std::tie(b.ns, b.container, b.line);
            });
            if (descending)
                std::reverse(items.begin(), items.end());
            work += 1 + containers.size() / 8;
            for (qsizetype i = startIndex; i < items.size(); ++i) {
                ++work;
                const Item &item = items[i];
                if (item.ns < loNs || item.ns > hiNs)
                    continue;
                const Container &container = containers[item.container];
                const LogLine &line = lines[item.container][item.line];
                LogEntryView view = container.view;
                view.timestampNs = line.timestampNs;
                view.severity = line.severity;
                view.logName = line.stream == LogStream::Stderr ? container.stderrLog
                                                                : container.stdoutLog;
                view.insertId = line.insertId;
                if (line.jsonPayload.isEmpty())
                    view.textPayload = line.text;
                view.jsonPayload = line.jsonPayload;
                view.httpRequest = line.httpRequest;
                if (!filter->matches(view))
                    continue;
                entries.append(entryJson(container, line));
                if (entries.size() == pageSize) {
                    more = true;
                    next = i + 1 == items.size() ? Cursor{snapshotNs, second + step, 0, requestHash}
                                                 : Cursor{snapshotNs, second, i + 1, requestHash};
                    break;
                }
            }
            startIndex = 0;
            if (more)
                break;
            second += step;
            // Like the real API, answer a long fruitless scan with a token and no entries.
            if (work >= m_options.scanBudget && inRange(second)) {
                more = true;
                next = Cursor{snapshotNs, second, 0, requestHash};
            }
        }
        more = more && inRange(next.second);
    }

    QJsonObject response;
    if (!entries.isEmpty())
        response.insert(u"entries"_s, entries);
    if (more)
        response.insert(u"nextPageToken"_s, next.encode());
    return HttpResponse::json(200, response);
}

} // namespace Meridian::Sim

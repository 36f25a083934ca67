#include "googleauth.h"

#include "net/transport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace Meridian::Logs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Logs", text);
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Google's OAuth and metadata error bodies, shortened for a message; never the request.
QString errorDetail(const Net::Response &response)
{
    if (response.outcome != Net::Response::Outcome::Ok)
        return Net::outcomeName(response.outcome) + QStringLiteral(": ") + response.errorText;
    const QJsonObject o = QJsonDocument::fromJson(response.body).object();
    QString detail = o.value(QStringLiteral("error_description")).toString();
    if (detail.isEmpty())
        detail = o.value(QStringLiteral("error")).toString();
    if (detail.isEmpty())
        detail = QString::fromUtf8(response.body.left(200));
    return QStringLiteral("HTTP %1: %2").arg(response.httpStatus).arg(detail);
}

} // namespace

Result<ServiceAccountKey> ServiceAccountKey::parse(const QByteArray &json, const QString &where)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return Result<ServiceAccountKey>::failure(
                QStringLiteral("ParseError"),
                QCoreApplication::translate("Meridian::Logs",
                                            "%1 is not a JSON key file (%2 at byte %3).")
                        .arg(where, error.errorString())
                        .arg(error.offset));
    const QJsonObject o = document.object();
    const QString type = o.value(QStringLiteral("type")).toString();
    if (type != QLatin1String("service_account"))
        return Result<ServiceAccountKey>::failure(
                QStringLiteral("UnsupportedCredentials"),
                QCoreApplication::translate(
                        "Meridian::Logs",
                        "%1 holds \"%2\" credentials; Meridian reads service-account keys "
                        "(type \"service_account\"). For your own account, log in with gcloud and "
                        "leave --credentials out.")
                        .arg(where, type));
    ServiceAccountKey key;
    key.clientEmail = o.value(QStringLiteral("client_email")).toString();
    key.privateKeyId = o.value(QStringLiteral("private_key_id")).toString();
    key.privateKeyPem = o.value(QStringLiteral("private_key")).toString().toUtf8();
    key.tokenUri = o.value(QStringLiteral("token_uri"))
                           .toString(QStringLiteral("https://oauth2.googleapis.com/token"));
    key.projectId = o.value(QStringLiteral("project_id")).toString();
    for (const auto &[name, value] : {std::pair{"client_email", key.clientEmail.isEmpty()},
                                      std::pair{"private_key", key.privateKeyPem.isEmpty()}}) {
        if (value)
            return Result<ServiceAccountKey>::failure(
                    QStringLiteral("ParseError"),
                    QCoreApplication::translate(
                            "Meridian::Logs",
                            "%1 has no \"%2\"; download the key file again from the Cloud console.")
                            .arg(where, QString::fromLatin1(name)));
    }
    return key;
}

Result<ServiceAccountKey> ServiceAccountKey::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<ServiceAccountKey>::failure(
                QStringLiteral("NotFound"),
                QCoreApplication::translate("Meridian::Logs", "Cannot read the key file %1: %2.")
                        .arg(path, file.errorString()));
    return parse(file.readAll(), path);
}

Result<QByteArray> signServiceAccountJwt(const ServiceAccountKey &key,
                                         const QString &scope,
                                         qint64 nowSeconds)
{
    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!key.privateKeyId.isEmpty())
        header.insert(QStringLiteral("kid"), key.privateKeyId);
    const QJsonObject claims{{QStringLiteral("iss"), key.clientEmail},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("aud"), key.tokenUri},
                             {QStringLiteral("iat"), nowSeconds},
                             {QStringLiteral("exp"), nowSeconds + 3600}};
    const QByteArray signingInput
            = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
              + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    const auto fail = [](const QString &what) {
        return Result<QByteArray>::failure(QStringLiteral("SigningFailed"), what);
    };
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(key.privateKeyPem.constData(),
                                                                  int(key.privateKeyPem.size())),
                                                  &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>
            pkey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr,
                 &EVP_PKEY_free);
    if (!pkey)
        return fail(tr("The private_key of service account %1 is not a PEM private key.")
                            .arg(key.clientEmail));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey.get()) != 1
        || EVP_DigestSign(ctx.get(),
                          nullptr,
                          &length,
                          reinterpret_cast<const unsigned char *>(signingInput.constData()),
                          std::size_t(signingInput.size()))
                   != 1)
        return fail(tr("Cannot sign a JWT with the key of %1 (RS256 needs an RSA key).")
                            .arg(key.clientEmail));
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(ctx.get(),
                       reinterpret_cast<unsigned char *>(signature.data()),
                       &length,
                       reinterpret_cast<const unsigned char *>(signingInput.constData()),
                       std::size_t(signingInput.size()))
        != 1)
        return fail(tr("Cannot sign a JWT with the key of %1.").arg(key.clientEmail));
    signature.resize(qsizetype(length));
    return QByteArray(signingInput + '.' + base64Url(signature));
}

QByteArray trustedCaPem(const QByteArray &extraPem)
{
    if (extraPem.isEmpty())
        return {};
    QByteArray pem;
    for (const char *bundle :
         {"/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"}) {
        QFile file(QString::fromLatin1(bundle));
        if (file.open(QIODevice::ReadOnly)) {
            pem = file.readAll();
            break;
        }
    }
    if (!pem.isEmpty() && !pem.endsWith('\n'))
        pem.append('\n');
    return pem + extraPem;
}

AccessTokenProvider::AccessTokenProvider(CredentialSource source,
                                         Net::Transport *transport,
                                         QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_transport(transport)
{
    // So that projectId() and description() answer early; errors surface in obtain().
    [[maybe_unused]] const Status resolved = resolve();
}

AccessTokenProvider::~AccessTokenProvider()
{
    if (m_process)
        m_process->kill();
    delete m_reply;
}

Status AccessTokenProvider::resolve()
{
    m_resolved = true;
    using Kind = CredentialSource::Kind;
    if (m_source.kind == Kind::Auto) {
        const QString adc = qEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS");
        if (!m_source.keyFile.isEmpty() || !m_source.keyJson.isEmpty()) {
            m_source.kind = Kind::ServiceAccountFile;
        } else if (!adc.isEmpty()) {
            m_source.kind = Kind::ServiceAccountFile;
            m_source.keyFile = adc;
        } else if (!QStandardPaths::findExecutable(m_source.gcloudProgram).isEmpty()) {
            m_source.kind = Kind::Gcloud;
        } else {
            m_source.kind = Kind::MetadataServer;
        }
    }
    switch (m_source.kind) {
    case Kind::ServiceAccountFile: {
        Result<ServiceAccountKey> key
                = m_source.keyJson.isEmpty()
                          ? ServiceAccountKey::load(m_source.keyFile)
                          : ServiceAccountKey::parse(m_source.keyJson, tr("the in-memory key"));
        m_description = tr("service-account key %1").arg(m_source.keyFile);
        if (!key)
            return key.error();
        m_key = std::move(key).value();
        m_projectId = m_key->projectId;
        m_description = tr("service account %1 (%2)").arg(m_key->clientEmail, m_source.keyFile);
        break;
    }
    case Kind::Gcloud: m_description = tr("gcloud auth print-access-token"); break;
    case Kind::MetadataServer: m_description = tr("the GCE metadata server"); break;
    case Kind::StaticToken: m_description = tr("a fixed access token"); break;
    case Kind::Auto: break;
    }
    return succeeded();
}

void AccessTokenProvider::obtain(QObject *receiver, Callback callback)
{
    if (!m_token.isEmpty() && QDateTime::currentDateTimeUtc() < m_refreshAfter) {
        callback(m_token);
        return;
    }
    m_waiters.append({receiver, std::move(callback)});
    if (!m_fetching)
        fetch();
}

void AccessTokenProvider::invalidate()
{
    m_token.clear();
}

void AccessTokenProvider::fetch()
{
    m_fetching = true;
    using Kind = CredentialSource::Kind;
    switch (m_source.kind) {
    case Kind::StaticToken: complete(m_source.token, 365 * 86400); return;
    case Kind::ServiceAccountFile: fetchWithKey(); return;
    case Kind::Gcloud: fetchWithGcloud(); return;
    case Kind::MetadataServer: fetchFromMetadata(); return;
    case Kind::Auto: break;
    }
    complete(Error{QStringLiteral("Unauthorized"), tr("No Google credentials were found.")}, 0);
}

void AccessTokenProvider::fetchWithKey()
{
    if (!m_key) {
        const Status resolved = resolve();
        if (!resolved) {
            complete(resolved.error(), 0);
            return;
        }
    }
    const Result<QByteArray> jwt = signServiceAccountJwt(*m_key,
                                                         QString::fromLatin1(loggingReadScope),
                                                         QDateTime::currentSecsSinceEpoch());
    if (!jwt) {
        complete(jwt.error(), 0);
        return;
    }
    Net::Request request;
    request.method = "POST";
    request.url = QUrl(m_key->tokenUri);
    request.headers.append(Net::Header(QByteArrayLiteral("Content-Type"),
                                       QByteArrayLiteral("application/x-www-form-urlencoded")));
    request.body
            = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + *jwt;
    request.tls.caPem = trustedCaPem(m_source.caPem);
    if (!m_transport) {
        complete(Error{QStringLiteral("Cancelled"), tr("The transport is gone.")}, 0);
        return;
    }
    m_reply = m_transport->send(request);
    m_reply->setParent(this);
    connect(m_reply, &Net::Reply::finished, this, [this](const Net::Response &response) {
        m_reply->deleteLater();
        const QJsonObject o = QJsonDocument::fromJson(response.body).object();
        const QByteArray token = o.value(QStringLiteral("access_token")).toString().toUtf8();
        if (!response.isHttpSuccess() || token.isEmpty()) {
            complete(Error{QStringLiteral("Unauthorized"),
                           tr("The token endpoint %1 refused service account %2: %3.")
                                   .arg(m_key->tokenUri,
                                        m_key->clientEmail,
                                        errorDetail(response))},
                     0);
            return;
        }
        complete(token, o.value(QStringLiteral("expires_in")).toInteger(3600));
    });
}

void AccessTokenProvider::fetchWithGcloud()
{
    auto *process = new QProcess(this);
    m_process = process;
    process->setProgram(m_source.gcloudProgram);
    process->setArguments({QStringLiteral("auth"), QStringLiteral("print-access-token")});
    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, process, [process] { process->kill(); });
    connect(process,
            &QProcess::finished,
            this,
            [this, process](int exitCode, QProcess::ExitStatus status) {
                process->deleteLater();
                const QByteArray token = process->readAllStandardOutput().trimmed();
                if (status != QProcess::NormalExit || exitCode != 0 || token.isEmpty()) {
                    const QString err = QString::fromUtf8(
                            process->readAllStandardError().trimmed().left(400));
                    complete(Error{QStringLiteral("Unauthorized"),
                                   tr("`gcloud auth print-access-token` failed (exit %1): %2. "
                                      "Run `gcloud auth login`, or pass --credentials KEYFILE.")
                                           .arg(exitCode)
                                           .arg(err)},
                             0);
                    return;
                }
                // gcloud does not say when it expires; its tokens live an hour. Ask again
                // after ten minutes, or at once after a 401.
                complete(token, 600);
            });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        process->deleteLater();
        complete(Error{QStringLiteral("Unauthorized"),
                       tr("Cannot run %1: %2.")
                               .arg(m_source.gcloudProgram, process->errorString())},
                 0);
    });
    timeout->start(60000);
    process->start();
}

void AccessTokenProvider::fetchFromMetadata()
{
    QString host = qEnvironmentVariable("GCE_METADATA_HOST");
    if (host.isEmpty())
        host = QStringLiteral("metadata.google.internal");
    Net::Request request;
    request.url = QUrl(QStringLiteral("http://%1/computeMetadata/v1/instance/service-accounts/"
                                      "default/token")
                               .arg(host));
    request.headers.append(
            Net::Header(QByteArrayLiteral("Metadata-Flavor"), QByteArrayLiteral("Google")));
    request.timeoutMs = 5000;
    request.connectTimeoutMs = 2000;
    if (!m_transport) {
        complete(Error{QStringLiteral("Cancelled"), tr("The transport is gone.")}, 0);
        return;
    }
    m_reply = m_transport->send(request);
    m_reply->setParent(this);
    connect(m_reply, &Net::Reply::finished, this, [this, host](const Net::Response &response) {
        m_reply->deleteLater();
        const QJsonObject o = QJsonDocument::fromJson(response.body).object();
        const QByteArray token = o.value(QStringLiteral("access_token")).toString().toUtf8();
        if (!response.isHttpSuccess() || token.isEmpty()) {
            complete(Error{QStringLiteral("Unauthorized"),
                           tr("No Google credentials: no --credentials, no "
                              "GOOGLE_APPLICATION_CREDENTIALS, no gcloud, and the metadata server "
                              "%1 did not answer (%2).")
                                   .arg(host, errorDetail(response))},
                     0);
            return;
        }
        complete(token, o.value(QStringLiteral("expires_in")).toInteger(3600));
    });
}

void AccessTokenProvider::complete(const Result<QByteArray> &token, qint64 lifetimeSeconds)
{
    m_fetching = false;
    if (token) {
        m_token = *token;
        ++m_fetched;
        // Refresh a tenth of the lifetime early, at most a minute.
        const qint64 margin = qMin<qint64>(60, lifetimeSeconds / 10);
        m_refreshAfter = QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds - margin);
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.receiver)
            waiter.callback(token);
    }
}

} // namespace Meridian::Logs

#include "sim/logging/serviceaccountkey.h"

#include "sim/deterministic.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;

namespace Meridian::Sim {

namespace {

// Google's token endpoint tolerates clocks a few minutes apart; so do we.
constexpr qint64 clockSkewSeconds = 300;
constexpr qint64 maxLifetimeSeconds = 3600;

template<typename T, void (*Free)(T *)>
struct Freer
{
    void operator()(T *p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Freer<BIO, BIO_free_all>>;
using PKeyPtr = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY, EVP_PKEY_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Freer<EVP_MD_CTX, EVP_MD_CTX_free>>;

Error grantError(const QString &error, const QString &description)
{
    return Error{error, description};
}

Error invalidJwtTiming()
{
    return grantError(u"invalid_grant"_s,
                      u"Invalid JWT: Token must be a short-lived token (60 minutes) and in a "
                      u"reasonable timeframe. Check your iat and exp values in the JWT claim."_s);
}

QByteArray drain(BIO *bio)
{
    QByteArray out(static_cast<qsizetype>(BIO_ctrl_pending(bio)), Qt::Uninitialized);
    const int read = BIO_read(bio, out.data(), static_cast<int>(out.size()));
    out.resize(read > 0 ? read : 0);
    return out;
}

std::optional<QJsonObject> decodeJsonPart(const QByteArray &part)
{
    const QByteArray::FromBase64Result decoded
            = QByteArray::fromBase64Encoding(part,
                                             QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

void JwtVerifier::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

JwtVerifier::JwtVerifier(JwtVerifier &&) noexcept = default;
JwtVerifier &JwtVerifier::operator=(JwtVerifier &&) noexcept = default;
JwtVerifier::~JwtVerifier() = default;

Result<JwtVerifier> JwtVerifier::create(const QByteArray &publicKeyPem, Expected expected)
{
    BioPtr bio(BIO_new_mem_buf(publicKeyPem.constData(), static_cast<int>(publicKeyPem.size())));
    EVP_PKEY *key = bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!key) {
        ERR_clear_error();
        return Error{u"KeyError"_s, u"The service account's public key is not a PEM key."_s};
    }
    JwtVerifier verifier;
    verifier.m_publicKey.reset(key);
    verifier.m_expected = std::move(expected);
    return verifier;
}

Result<JwtClaims> JwtVerifier::verifyGrant(const QByteArray &assertion, qint64 nowSeconds) const
{
    return verify(assertion, nowSeconds, true);
}

Result<JwtClaims> JwtVerifier::verifySelfSigned(const QByteArray &token, qint64 nowSeconds) const
{
    return verify(token, nowSeconds, false);
}

Result<JwtClaims> JwtVerifier::verify(const QByteArray &jwt, qint64 nowSeconds, bool grant) const
{
    const QList<QByteArray> parts = jwt.trimmed().split('.');
    if (parts.size() != 3)
        return grantError(u"invalid_grant"_s, u"Invalid JWT: malformed token."_s);
    const std::optional<QJsonObject> header = decodeJsonPart(parts[0]);
    const std::optional<QJsonObject> claims = decodeJsonPart(parts[1]);
    const QByteArray::FromBase64Result signature
            = QByteArray::fromBase64Encoding(parts[2],
                                             QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    if (!header || !claims || !signature)
        return grantError(u"invalid_grant"_s, u"Invalid JWT: malformed token."_s);
    if (header->value(u"alg"_s).toString() != u"RS256")
        return grantError(u"invalid_grant"_s, u"Invalid JWT: unsupported algorithm."_s);
    const QJsonValue kid = header->value(u"kid"_s);
    if (!kid.isUndefined() && kid.toString() != m_expected.keyId)
        return grantError(u"invalid_grant"_s, u"Invalid JWT Signature."_s);

    const QByteArray signedPart = parts[0] + '.' + parts[1];
    MdCtxPtr context(EVP_MD_CTX_new());
    const bool valid
            = context
              && EVP_DigestVerifyInit(context.get(),
                                      nullptr,
                                      EVP_sha256(),
                                      nullptr,
                                      m_publicKey.get())
                         == 1
              && EVP_DigestVerify(context.get(),
                                  reinterpret_cast<const unsigned char *>(
                                          signature.decoded.constData()),
                                  static_cast<size_t>(signature.decoded.size()),
                                  reinterpret_cast<const unsigned char *>(signedPart.constData()),
                                  static_cast<size_t>(signedPart.size()))
                         == 1;
    ERR_clear_error();
    if (!valid)
        return grantError(u"invalid_grant"_s, u"Invalid JWT Signature."_s);

    JwtClaims out;
    out.issuer = claims->value(u"iss"_s).toString();
    out.scope = claims->value(u"scope"_s).toString();
    out.audience = claims->value(u"aud"_s).toString();
    out.issuedAt = static_cast<qint64>(claims->value(u"iat"_s).toDouble(-1));
    out.expiresAt = static_cast<qint64>(claims->value(u"exp"_s).toDouble(-1));
    if (out.issuer != m_expected.clientEmail)
        return grantError(u"invalid_grant"_s, u"Invalid grant: account not found"_s);
    if (grant && !m_expected.audiences.contains(out.audience)) {
        return grantError(u"invalid_grant"_s,
                          u"Invalid JWT: Failed audience check. The expected value was %1"_s.arg(
                                  m_expected.audiences.value(0)));
    }
    if (out.issuedAt < 0 || out.expiresAt < 0 || out.expiresAt <= out.issuedAt
        || out.expiresAt - out.issuedAt > maxLifetimeSeconds
        || out.issuedAt > nowSeconds + clockSkewSeconds
        || out.expiresAt < nowSeconds - clockSkewSeconds)
        return invalidJwtTiming();
    if (grant && out.scope.trimmed().isEmpty())
        return grantError(u"invalid_scope"_s, u"Empty or missing scope not allowed."_s);
    return out;
}

ServiceAccountKey::ServiceAccountKey(ServiceAccountKey &&) noexcept = default;
ServiceAccountKey &ServiceAccountKey::operator=(ServiceAccountKey &&) noexcept = default;
ServiceAccountKey::~ServiceAccountKey() = default;

Result<ServiceAccountKey> ServiceAccountKey::generate(const QString &projectId, quint64 seed)
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
    BioPtr privateBio(BIO_new(BIO_s_mem()));
    BioPtr publicBio(BIO_new(BIO_s_mem()));
    // PEM_write_bio_PrivateKey writes PKCS#8 ("BEGIN PRIVATE KEY"), as Google's key files hold.
    if (!key || !privateBio || !publicBio
        || PEM_write_bio_PrivateKey(
                   privateBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
                   != 1
        || PEM_write_bio_PUBKEY(publicBio.get(), key.get()) != 1) {
        ERR_clear_error();
        return Error{u"TlsError"_s,
                     u"The simulator could not generate its service account's RSA key."_s};
    }
    ServiceAccountKey out;
    out.m_projectId = projectId;
    out.m_privateKeyPem = drain(privateBio.get());
    out.m_publicKeyPem = drain(publicBio.get());
    // Ids derive from the seed so the key file's names are stable; only the key material is new.
    Prng prng(stableHash(seed, QString(u"service-account/" + projectId)));
    out.m_keyId = QString::fromLatin1(prng.hex(40));
    QString digits = u"1"_s;
    while (digits.size() < 21)
        digits.append(QChar(u'0' + static_cast<char16_t>(prng.next() % 10)));
    out.m_clientId = digits;
    return out;
}

QString ServiceAccountKey::projectId() const
{
    return m_projectId;
}

QString ServiceAccountKey::keyId() const
{
    return m_keyId;
}

QString ServiceAccountKey::clientEmail() const
{
    return u"meridian-sim@%1.iam.gserviceaccount.com"_s.arg(m_projectId);
}

QString ServiceAccountKey::clientId() const
{
    return m_clientId;
}

QByteArray ServiceAccountKey::publicKeyPem() const
{
    return m_publicKeyPem;
}

QByteArray ServiceAccountKey::json(const QUrl &tokenUri) const
{
    const QString email = clientEmail();
    const QJsonObject key{
            {u"type"_s, u"service_account"_s},
            {u"project_id"_s, m_projectId},
            {u"private_key_id"_s, m_keyId},
            {u"private_key"_s, QString::fromLatin1(m_privateKeyPem)},
            {u"client_email"_s, email},
            {u"client_id"_s, m_clientId},
            {u"auth_uri"_s, u"https://accounts.google.com/o/oauth2/auth"_s},
            {u"token_uri"_s, tokenUri.toString()},
            {u"auth_provider_x509_cert_url"_s, u"https://www.googleapis.com/oauth2/v1/certs"_s},
            {u"client_x509_cert_url"_s,
             QString(u"https://www.googleapis.com/robot/v1/metadata/x509/"_s
                     + QString::fromLatin1(QUrl::toPercentEncoding(email)))},
            {u"universe_domain"_s, u"googleapis.com"_s},
    };
    return QJsonDocument(key).toJson(QJsonDocument::Indented);
}

} // namespace Meridian::Sim

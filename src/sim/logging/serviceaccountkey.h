#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

struct evp_pkey_st;

namespace Meridian::Sim {

// The claims of a JWT the verifier accepted.
struct JwtClaims
{
    QString issuer;
    QString scope;
    QString audience;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

// Checks the RS256 JWTs that service-account clients sign, the way Google's token endpoint does.
// Errors carry Google's OAuth error as code ("invalid_grant", "invalid_scope", ...) and its
// error_description as message, ready to be sent back as they are.
class JwtVerifier final
{
public:
    struct Expected
    {
        QString keyId;         // the header's kid must equal it when present
        QString clientEmail;   // iss
        QStringList audiences; // aud must be one of them
    };

    static Result<JwtVerifier> create(const QByteArray &publicKeyPem, Expected expected);

    JwtVerifier(JwtVerifier &&) noexcept;
    JwtVerifier &operator=(JwtVerifier &&) noexcept;
    ~JwtVerifier();

    // A jwt-bearer grant's assertion at Unix time nowSeconds (real time: clients sign with the
    // wall clock). Needs a scope, an exp at most an hour after iat, and a current iat/exp.
    Result<JwtClaims> verifyGrant(const QByteArray &assertion, qint64 nowSeconds) const;
    // A self-signed JWT sent straight as a bearer token (google-auth's "JWT access"): same
    // checks, but any audience and no scope needed.
    Result<JwtClaims> verifySelfSigned(const QByteArray &token, qint64 nowSeconds) const;

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st *key) const;
    };

    JwtVerifier() = default;
    Result<JwtClaims> verify(const QByteArray &jwt, qint64 nowSeconds, bool grant) const;

    std::unique_ptr<evp_pkey_st, KeyDeleter> m_publicKey;
    Expected m_expected;
};

// The simulator's service account: an RSA 2048 key (Google's keys are RSA) and the JSON key file
// that gcloud, gke-gcloud-auth-plugin and Meridian read.
class ServiceAccountKey final
{
public:
    static Result<ServiceAccountKey> generate(const QString &projectId, quint64 seed);

    ServiceAccountKey(ServiceAccountKey &&) noexcept;
    ServiceAccountKey &operator=(ServiceAccountKey &&) noexcept;
    ~ServiceAccountKey();

    QString projectId() const;
    QString keyId() const;       // private_key_id, 40 hex digits
    QString clientEmail() const; // meridian-sim@<project>.iam.gserviceaccount.com
    QString clientId() const;    // 21 digits
    QByteArray publicKeyPem() const;
    // The key file, with token_uri = tokenUri. Holds the private key: write it with mode 0600.
    QByteArray json(const QUrl &tokenUri) const;

private:
    ServiceAccountKey() = default;

    QString m_projectId;
    QString m_keyId;
    QString m_clientId;
    QByteArray m_privateKeyPem; // PKCS#8
    QByteArray m_publicKeyPem;
};

} // namespace Meridian::Sim

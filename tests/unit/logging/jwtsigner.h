#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <memory>

struct evp_pkey_st;

// Test-side service-account signer: an RSA key of its own and RS256 JWTs over any header and
// claims, so tests can forge every kind of bad assertion the token endpoint must reject.
class JwtSigner final
{
public:
    JwtSigner(); // generates an RSA 2048 key
    explicit JwtSigner(const QByteArray &privateKeyPem);
    ~JwtSigner();

    bool isValid() const;
    QByteArray publicKeyPem() const;
    QByteArray sign(const QJsonObject &header, const QJsonObject &claims) const;

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st *key) const;
    };
    std::unique_ptr<evp_pkey_st, KeyDeleter> m_key;
};

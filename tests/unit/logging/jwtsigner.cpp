#include "jwtsigner.h"

#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

void JwtSigner::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

JwtSigner::JwtSigner()
    : m_key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)))
{}

JwtSigner::JwtSigner(const QByteArray &privateKeyPem)
{
    BIO *bio = BIO_new_mem_buf(privateKeyPem.constData(), static_cast<int>(privateKeyPem.size()));
    m_key.reset(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
}

JwtSigner::~JwtSigner() = default;

bool JwtSigner::isValid() const
{
    return m_key != nullptr;
}

QByteArray JwtSigner::publicKeyPem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key.get());
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, static_cast<qsizetype>(size));
    BIO_free(bio);
    return pem;
}

QByteArray JwtSigner::sign(const QJsonObject &header, const QJsonObject &claims) const
{
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray signature;
    if (EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1
        && EVP_DigestSign(context,
                          nullptr,
                          &length,
                          reinterpret_cast<const unsigned char *>(input.constData()),
                          static_cast<size_t>(input.size()))
                   == 1) {
        signature.resize(static_cast<qsizetype>(length));
        if (EVP_DigestSign(context,
                           reinterpret_cast<unsigned char *>(signature.data()),
                           &length,
                           reinterpret_cast<const unsigned char *>(input.constData()),
                           static_cast<size_t>(input.size()))
            != 1)
            signature.clear();
        signature.resize(static_cast<qsizetype>(length));
    }
    EVP_MD_CTX_free(context);
    return input + '.' + base64Url(signature);
}

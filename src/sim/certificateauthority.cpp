#include "sim/certificateauthority.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Meridian::Sim {

namespace {

constexpr long tenYears = 10L * 365 * 24 * 3600;
constexpr long twoYears = 2L * 365 * 24 * 3600;
// Clients whose clock runs a little behind must still accept a certificate issued just now.
constexpr long backdate = -3600;

template<typename T, void (*Free)(T *)>
struct Freer
{
    void operator()(T *p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Freer<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Freer<BIGNUM, BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Freer<X509_EXTENSION, X509_EXTENSION_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Freer<X509_STORE, X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Freer<X509_STORE_CTX, X509_STORE_CTX_free>>;
using PKeyPtr = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Freer<X509, X509_free>>;

Error openSslError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return Error{QStringLiteral("TlsError"),
                 QStringLiteral("The simulator could not %1: %2")
                         .arg(what, QString::fromUtf8(text))};
}

PKeyPtr generateKey()
{
    return PKeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

QByteArray drain(BIO *bio)
{
    QByteArray out(static_cast<qsizetype>(BIO_ctrl_pending(bio)), Qt::Uninitialized);
    const int read = BIO_read(bio, out.data(), static_cast<int>(out.size()));
    out.resize(read > 0 ? read : 0);
    return out;
}

QByteArray certificateToPem(X509 *certificate)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return {};
    return drain(bio.get());
}

QByteArray keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio
        || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return drain(bio.get());
}

bool addName(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name,
                                      field,
                                      MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      -1,
                                      -1,
                                      0)
           == 1;
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// Everything but the extensions and the signature: version 3, random serial, validity, subject.
CertPtr newCertificate(EVP_PKEY *key, long validSeconds)
{
    CertPtr certificate(X509_new());
    BnPtr serial(BN_new());
    if (!certificate || !serial || X509_set_version(certificate.get(), X509_VERSION_3) != 1
        || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()))
        || !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), backdate)
        || !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), validSeconds)
        || X509_set_pubkey(certificate.get(), key) != 1)
        return nullptr;
    return certificate;
}

} // namespace

void CertificateAuthority::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key);
}

void CertificateAuthority::CertificateDeleter::operator()(x509_st *certificate) const
{
    X509_free(certificate);
}

CertificateAuthority::CertificateAuthority(CertificateAuthority &&) noexcept = default;
CertificateAuthority &CertificateAuthority::operator=(CertificateAuthority &&) noexcept = default;
CertificateAuthority::~CertificateAuthority() = default;

Result<CertificateAuthority> CertificateAuthority::create(const QString &commonName)
{
    PKeyPtr key = generateKey();
    if (!key)
        return openSslError(QStringLiteral("generate the CA key"));
    CertPtr certificate = newCertificate(key.get(), tenYears);
    if (!certificate)
        return openSslError(QStringLiteral("create the CA certificate"));
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    if (!addName(subject, "O", QStringLiteral("Meridian simulator"))
        || !addName(subject, "CN", commonName)
        || X509_set_issuer_name(certificate.get(), subject) != 1
        || !addExtension(certificate.get(),
                         certificate.get(),
                         NID_basic_constraints,
                         "critical,CA:TRUE")
        || !addExtension(certificate.get(),
                         certificate.get(),
                         NID_key_usage,
                         "critical,digitalSignature,keyCertSign,cRLSign")
        || !addExtension(certificate.get(), certificate.get(), NID_subject_key_identifier, "hash")
        || X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return openSslError(QStringLiteral("sign the CA certificate"));

    CertificateAuthority ca;
    ca.m_key.reset(key.release());
    ca.m_certificate.reset(certificate.release());
    return ca;
}

QByteArray CertificateAuthority::certificatePem() const
{
    return certificateToPem(m_certificate.get());
}

Result<IssuedCertificate> CertificateAuthority::issueServerCertificate(
        const QString &commonName) const
{
    return issue(commonName, {}, true);
}

Result<IssuedCertificate> CertificateAuthority::issueClientCertificate(
        const QString &commonName, const QString &organization) const
{
    return issue(commonName, organization, false);
}

Result<IssuedCertificate> CertificateAuthority::issue(const QString &commonName,
                                                      const QString &organization,
                                                      bool server) const
{
    PKeyPtr key = generateKey();
    if (!key)
        return openSslError(QStringLiteral("generate a certificate key"));
    CertPtr certificate = newCertificate(key.get(), twoYears);
    if (!certificate)
        return openSslError(QStringLiteral("create a certificate"));
    X509 *issuer = m_certificate.get();
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    const bool named = (organization.isEmpty() || addName(subject, "O", organization))
                       && addName(subject, "CN", commonName);
    const bool extended
            = named && X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuer)) == 1
              && addExtension(certificate.get(), issuer, NID_basic_constraints, "critical,CA:FALSE")
              && addExtension(certificate.get(), issuer, NID_key_usage, "critical,digitalSignature")
              && addExtension(certificate.get(),
                              issuer,
                              NID_ext_key_usage,
                              server ? "serverAuth" : "clientAuth")
              && addExtension(certificate.get(),
                              issuer,
                              NID_authority_key_identifier,
                              "keyid:always")
              && (!server
                  || addExtension(certificate.get(),
                                  issuer,
                                  NID_subject_alt_name,
                                  "IP:127.0.0.1,DNS:localhost"));
    if (!extended || X509_sign(certificate.get(), m_key.get(), EVP_sha256()) <= 0)
        return openSslError(QStringLiteral("issue the certificate for %1").arg(commonName));
    return IssuedCertificate{certificateToPem(certificate.get()), keyToPem(key.get())};
}

bool CertificateAuthority::verifyClientCertificate(const QByteArray &certificateDer,
                                                   QString *commonName) const
{
    const auto *cursor = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    CertPtr peer(d2i_X509(nullptr, &cursor, static_cast<long>(certificateDer.size())));
    StorePtr store(X509_STORE_new());
    StoreCtxPtr context(X509_STORE_CTX_new());
    if (!peer || !store || !context || X509_STORE_add_cert(store.get(), m_certificate.get()) != 1
        || X509_STORE_CTX_init(context.get(), store.get(), peer.get(), nullptr) != 1
        || X509_STORE_CTX_set_purpose(context.get(), X509_PURPOSE_SSL_CLIENT) != 1) {
        ERR_clear_error();
        return false;
    }
    if (X509_verify_cert(context.get()) != 1) {
        ERR_clear_error();
        return false;
    }
    if (commonName) {
        char name[256] = {};
        X509_NAME_get_text_by_NID(X509_get_subject_name(peer.get()),
                                  NID_commonName,
                                  name,
                                  sizeof name);
        *commonName = QString::fromUtf8(name);
    }
    return true;
}

} // namespace Meridian::Sim

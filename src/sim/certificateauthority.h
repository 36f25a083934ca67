#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

// OpenSSL's EVP_PKEY and X509, without pulling OpenSSL headers into every includer.
struct evp_pkey_st;
struct x509_st;

namespace Meridian::Sim {

// A certificate and its private key, both PEM. The key stays in memory unless the operator asks
// for a kubeconfig file.
struct IssuedCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

// The simulator's own CA: a fresh EC P-256 key per run (fast to generate, unlike RSA), valid ten
// years, issuing server certificates for 127.0.0.1/localhost and admin client certificates.
class CertificateAuthority final
{
public:
    static Result<CertificateAuthority> create(const QString &commonName);

    CertificateAuthority(CertificateAuthority &&) noexcept;
    CertificateAuthority &operator=(CertificateAuthority &&) noexcept;
    ~CertificateAuthority();

    QByteArray certificatePem() const;
    Result<IssuedCertificate> issueServerCertificate(const QString &commonName) const;
    Result<IssuedCertificate> issueClientCertificate(const QString &commonName,
                                                     const QString &organization) const;

    // True when certificateDer chains to this CA, is within its validity and allows client
    // authentication; the common name (the user) goes to *commonName.
    bool verifyClientCertificate(const QByteArray &certificateDer, QString *commonName) const;

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st *key) const;
    };
    struct CertificateDeleter
    {
        void operator()(x509_st *certificate) const;
    };

    CertificateAuthority() = default;
    Result<IssuedCertificate> issue(const QString &commonName,
                                    const QString &organization,
                                    bool server) const;

    std::unique_ptr<evp_pkey_st, KeyDeleter> m_key;
    std::unique_ptr<x509_st, CertificateDeleter> m_certificate;
};

} // namespace Meridian::Sim

#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Meridian::Net {

// TLS material travels in memory only (libcurl *_BLOB options): nothing is written to disk.
struct TlsConfig
{
    QByteArray caPem;         // empty: the system's trust store
    QByteArray clientCertPem; // empty: no client certificate
    QByteArray clientKeyPem;
    QString serverName; // tls-server-name: the name the certificate must carry
    bool insecureSkipVerify = false;
};

using Header = QPair<QByteArray, QByteArray>;

struct Request
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<Header> headers;
    QByteArray body;
    TlsConfig tls;
    QString proxyUrl;
    int timeoutMs = 20000; // whole transfer; 0 = none (watch and follow streams)
    int connectTimeoutMs = 10000;
    bool streaming = false; // deliver the body in chunks as it arrives
};

struct Response
{
    enum class Outcome {
        Ok, // an HTTP answer arrived (any status code)
        Cancelled,
        ConnectionRefused,
        Timeout,
        TlsError,
        ResolveError,
        NetworkError,
    };

    Outcome outcome = Outcome::NetworkError;
    int httpStatus = 0;
    QList<Header> headers;
    QByteArray body;   // the whole body, or what is left after the last chunk when streaming
    QString errorText; // libcurl's detailed message when outcome != Ok
    // Set above the transport when the request never left (an unreadable kubeconfig file, a
    // failed exec plugin): a machine code such as "ExecPluginFailed".
    QString clientErrorCode;

    bool isHttpSuccess() const
    {
        return outcome == Outcome::Ok && httpStatus >= 200 && httpStatus < 300;
    }
    QByteArray header(const QByteArray &name) const;
};

QString outcomeName(Response::Outcome outcome);

} // namespace Meridian::Net

Q_DECLARE_METATYPE(Meridian::Net::Request)
Q_DECLARE_METATYPE(Meridian::Net::Response)

#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace Meridian::Sim {

class HttpConnection;

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QString path; // percent-decoded, without the query
    QUrlQuery query;
    HttpHeaders headers; // names lowercased
    QByteArray body;
    QByteArray clientCertificateDer; // empty when the client sent none

    QByteArray header(QByteArrayView lowercaseName) const;
    // kubectl and client-go ask for server-side printing with "as=Table" in Accept.
    bool wantsTable() const;
};

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    // Set for answers that stay open (watch, log follow): the server hands the connection to it
    // instead of writing status, headers and body; it must end with endChunked() or respond().
    std::function<void(HttpConnection *)> stream;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, QByteArray serialized);
    // A metav1.Status failure, byte for byte as kube-apiserver writes it (field order included).
    static HttpResponse kubeStatus(int code,
                                   const QString &reason,
                                   const QString &message,
                                   const QByteArray &detailsJson = {});
    static HttpResponse unauthorized();
    static HttpResponse notFound();
    static HttpResponse methodNotAllowed();
    static HttpResponse internalError(const QString &cause);
};

QByteArray reasonPhrase(int status);

} // namespace Meridian::Sim

#include "sim/httpmessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace Meridian::Sim {

namespace {

QByteArray jsonString(const QString &text)
{
    // A one-element array is the cheapest way to get Qt's JSON string escaping.
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView lowercaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowercaseName)
            return value;
    }
    return {};
}

bool HttpRequest::wantsTable() const
{
    return header("accept").contains("as=Table");
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::json(int status, QByteArray serialized)
{
    // kube-apiserver's JSON encoder ends every body with a newline; so do we.
    if (!serialized.endsWith('\n'))
        serialized.append('\n');
    return HttpResponse{status,
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                         {QByteArrayLiteral("Cache-Control"),
                          QByteArrayLiteral("no-cache, private")}},
                        std::move(serialized),
                        {}};
}

HttpResponse HttpResponse::kubeStatus(int code,
                                      const QString &reason,
                                      const QString &message,
                                      const QByteArray &detailsJson)
{
    QByteArray body
            = QByteArrayLiteral(
                      R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)")
              + "\"message\":" + jsonString(message) + ",\"reason\":" + jsonString(reason);
    if (!detailsJson.isEmpty())
        body += ",\"details\":" + detailsJson;
    body += ",\"code\":" + QByteArray::number(code) + '}';
    return json(code, std::move(body));
}

HttpResponse HttpResponse::unauthorized()
{
    return kubeStatus(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

HttpResponse HttpResponse::notFound()
{
    return kubeStatus(404,
                      QStringLiteral("NotFound"),
                      QStringLiteral("the server could not find the requested resource"),
                      QByteArrayLiteral("{}"));
}

HttpResponse HttpResponse::methodNotAllowed()
{
    return kubeStatus(405,
                      QStringLiteral("MethodNotAllowed"),
                      QStringLiteral(
                              "the server does not allow this method on the requested resource"),
                      QByteArrayLiteral("{}"));
}

HttpResponse HttpResponse::internalError(const QString &cause)
{
    return kubeStatus(500,
                      QStringLiteral("InternalError"),
                      QStringLiteral("Internal error occurred: ") + cause,
                      "{\"causes\":[{\"message\":" + jsonString(cause) + "}]}");
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 409: return QByteArrayLiteral("Conflict");
    case 410: return QByteArrayLiteral("Gone");
    case 413: return QByteArrayLiteral("Request Entity Too Large");
    case 422: return QByteArrayLiteral("Unprocessable Entity");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 504: return QByteArrayLiteral("Gateway Timeout");
    default: return QByteArrayLiteral("Unknown");
    }
}

} // namespace Meridian::Sim

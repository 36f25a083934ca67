#pragma once

#include "sim/httpmessage.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Meridian::Sim {

using PathParameters = QHash<QString, QString>;

// Maps "METHOD /literal/{capture}/..." patterns to handlers. Every simulated API (a member
// cluster now; Karmada, Cloud Logging and the admin endpoint later) registers its routes here.
class Router final
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, const PathParameters &)>;

    // pattern: "/api/v1/namespaces/{namespace}/pods/{name}"; a trailing slash is ignored.
    void add(const QByteArray &method, const QString &pattern, Handler handler);

    // notFound() when no pattern matches the path, methodNotAllowed() when only the method differs.
    HttpResponse dispatch(const HttpRequest &request) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Handler handler;
    };

    static QStringList split(const QString &path);

    QList<Route> m_routes;
};

} // namespace Meridian::Sim

#include "sim/router.h"

namespace Meridian::Sim {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append(Route{method, split(pattern), std::move(handler)});
}

HttpResponse Router::dispatch(const HttpRequest &request) const
{
    const QStringList segments = split(request.path);
    bool pathMatched = false;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        PathParameters parameters;
        bool matched = true;
        for (qsizetype i = 0; i < segments.size() && matched; ++i) {
            const QString &want = route.segments[i];
            if (want.startsWith(u'{') && want.endsWith(u'}'))
                parameters.insert(want.mid(1, want.size() - 2), segments[i]);
            else
                matched = want == segments[i];
        }
        if (!matched)
            continue;
        if (route.method == request.method)
            return route.handler(request, parameters);
        pathMatched = true;
    }
    return pathMatched ? HttpResponse::methodNotAllowed() : HttpResponse::notFound();
}

QStringList Router::split(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

} // namespace Meridian::Sim

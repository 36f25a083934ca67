#include "backend.h"

namespace Meridian::Federation {

Backend::Backend(QObject *parent)
    : QObject(parent)
{}

Backend::~Backend() = default;

QString engineName(Engine engine)
{
    switch (engine) {
    case Engine::Direct: return QStringLiteral("direct");
    case Engine::Karmada: return QStringLiteral("karmada");
    }
    return {};
}

std::optional<Engine> engineFromName(const QString &name)
{
    if (name.compare(QLatin1String("direct"), Qt::CaseInsensitive) == 0)
        return Engine::Direct;
    if (name.compare(QLatin1String("karmada"), Qt::CaseInsensitive) == 0)
        return Engine::Karmada;
    return std::nullopt;
}

} // namespace Meridian::Federation

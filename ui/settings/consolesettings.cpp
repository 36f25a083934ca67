#include "consolesettings.h"

#include "core/geo/locationresolver.h"

#include <QDir>
#include <QSettings>

#include <cmath>

namespace Meridian {

namespace {

const QString kFiles = QStringLiteral("kubeconfig/files");
const QString kContexts = QStringLiteral("kubeconfig/enabledContexts");
const QString kEngine = QStringLiteral("federation/engine");
const QString kKarmadaContext = QStringLiteral("federation/karmadaContext");
const QString kTheme = QStringLiteral("ui/theme");
const QString kLanguage = QStringLiteral("ui/language");
const QString kLocations = QStringLiteral("map/locations");
const QString kOldDarkMap = QStringLiteral("map/dark"); // before the theme setting

} // namespace

ConsoleSettings ConsoleSettings::load(QSettings &settings)
{
    ConsoleSettings s;
    s.kubeconfigFiles = settings.value(kFiles).toStringList();
    s.enabledContexts = settings.value(kContexts).toStringList();
    s.engine = Federation::engineFromName(settings.value(kEngine).toString())
                       .value_or(Federation::Engine::Direct);
    s.karmadaContext = settings.value(kKarmadaContext).toString();
    if (settings.contains(kTheme))
        s.theme = themeFromName(settings.value(kTheme).toString()).value_or(ThemeChoice::System);
    else if (settings.contains(kOldDarkMap))
        s.theme = settings.value(kOldDarkMap).toBool() ? ThemeChoice::Dark : ThemeChoice::Light;
    s.language = settings.value(kLanguage).toString();
    if (s.language != QLatin1String("en") && s.language != QLatin1String("ja"))
        s.language.clear();
    const QVariantMap locations = settings.value(kLocations).toMap();
    for (auto it = locations.cbegin(); it != locations.cend(); ++it) {
        const QString text = it.value().toString().trimmed();
        if (!text.isEmpty())
            s.locations.insert(it.key(), text);
    }
    return s;
}

ConsoleSettings ConsoleSettings::load()
{
    QSettings settings;
    return load(settings);
}

void ConsoleSettings::save(QSettings &settings) const
{
    settings.setValue(kFiles, kubeconfigFiles);
    settings.setValue(kContexts, enabledContexts);
    settings.setValue(kEngine, Federation::engineName(engine));
    settings.setValue(kKarmadaContext, karmadaContext);
    settings.setValue(kTheme, themeName(theme));
    settings.setValue(kLanguage, language);
    QVariantMap map;
    for (auto it = locations.cbegin(); it != locations.cend(); ++it)
        map.insert(it.key(), it.value());
    settings.setValue(kLocations, map);
    settings.remove(kOldDarkMap);
}

void ConsoleSettings::save() const
{
    QSettings settings;
    save(settings);
}

Kube::LoadOptions ConsoleSettings::loadOptions() const
{
    Kube::LoadOptions options = Kube::LoadOptions::fromEnvironment();
    if (!kubeconfigFiles.isEmpty())
        options.kubeconfigEnv = kubeconfigFiles.join(QDir::listSeparator());
    return options;
}

FederationRequest ConsoleSettings::request() const
{
    FederationRequest request;
    request.load = loadOptions();
    request.engine = engine;
    if (engine == Federation::Engine::Karmada)
        request.contexts = {karmadaContext};
    else
        request.contexts = enabledContexts;
    return request;
}

bool ConsoleSettings::sameConnection(const ConsoleSettings &other) const
{
    return kubeconfigFiles == other.kubeconfigFiles && enabledContexts == other.enabledContexts
           && engine == other.engine
           && (engine != Federation::Engine::Karmada || karmadaContext == other.karmadaContext);
}

QString ConsoleSettings::locationError(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QStringList parts = trimmed.split(u',');
    if (parts.size() != 2)
        return tr("“%1” is not “latitude,longitude” (for example 35.68,139.69)").arg(trimmed);
    bool latOk = false;
    bool lonOk = false;
    const double lat = parts.at(0).trimmed().toDouble(&latOk);
    const double lon = parts.at(1).trimmed().toDouble(&lonOk);
    if (!latOk || !std::isfinite(lat))
        return tr("the latitude “%1” is not a number").arg(parts.at(0).trimmed());
    if (!lonOk || !std::isfinite(lon))
        return tr("the longitude “%1” is not a number").arg(parts.at(1).trimmed());
    if (lat < -90 || lat > 90)
        return tr("the latitude %1 is outside −90…90").arg(parts.at(0).trimmed());
    if (lon < -180 || lon > 180)
        return tr("the longitude %1 is outside −180…180").arg(parts.at(1).trimmed());
    if (!Geo::LocationResolver::parseLatLon(trimmed))
        return tr("“%1” is not a location").arg(trimmed);
    return {};
}

QString ConsoleSettings::themeName(ThemeChoice theme)
{
    switch (theme) {
    case ThemeChoice::System: return QStringLiteral("system");
    case ThemeChoice::Light: return QStringLiteral("light");
    case ThemeChoice::Dark: return QStringLiteral("dark");
    }
    return {};
}

std::optional<ThemeChoice> ConsoleSettings::themeFromName(const QString &name)
{
    for (ThemeChoice theme : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        if (name == themeName(theme))
            return theme;
    }
    return std::nullopt;
}

} // namespace Meridian

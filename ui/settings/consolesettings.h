#pragma once

#include "federation/backend.h"
#include "kube/kubeconfig.h"
#include "worker/apiworker.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <optional>

class QSettings;

namespace Meridian {

enum class ThemeChoice { System, Light, Dark };

// What the operator chose in Settings, as one value: read from and written to QSettings (never a
// credential: only file paths, context names, choices and coordinates).
struct ConsoleSettings
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::ConsoleSettings)

public:
    QStringList kubeconfigFiles; // merged like $KUBECONFIG; empty: $KUBECONFIG, ~/.kube/config
    QStringList enabledContexts; // empty: every context of the kubeconfig
    Federation::Engine engine = Federation::Engine::Direct;
    QString karmadaContext; // the Karmada control plane (engine Karmada)
    ThemeChoice theme = ThemeChoice::System;
    QString language;                 // "", "en" or "ja"; empty follows the system
    QMap<QString, QString> locations; // context → "lat,lon" (the operator's override)

    static ConsoleSettings load(QSettings &settings);
    static ConsoleSettings load(); // the application's QSettings
    void save(QSettings &settings) const;
    void save() const;

    // How to load the kubeconfig these settings name (kubectl's rules when no file is listed).
    Kube::LoadOptions loadOptions() const;
    // The federation to open: the kubeconfig, the enabled contexts, the engine (with Karmada the
    // one context is the control plane, as `meridianctl --engine karmada --context C`).
    FederationRequest request() const;
    // Everything that needs a new connection differs.
    bool sameConnection(const ConsoleSettings &other) const;

    // Why "lat,lon" is not a location, in words; empty when it is one (or empty: no override).
    static QString locationError(const QString &text);

    static QString themeName(ThemeChoice theme); // stable: "system", "light", "dark"
    static std::optional<ThemeChoice> themeFromName(const QString &name);

    friend bool operator==(const ConsoleSettings &, const ConsoleSettings &) = default;
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::ConsoleSettings)

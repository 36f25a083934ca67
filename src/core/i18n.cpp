#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Meridian {

void installTranslations(QCoreApplication &app)
{
    const QString override = qEnvironmentVariable("MERIDIAN_LANG");
    const QLocale locale = override.isEmpty() ? QLocale::system() : QLocale(override);

    auto *meridian = new QTranslator(&app);
    if (meridian->load(locale,
                       QStringLiteral("meridian"),
                       QStringLiteral("_"),
                       QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(meridian);
    else
        delete meridian;

    auto *qt = new QTranslator(&app);
    if (qt->load(locale,
                 QStringLiteral("qtbase"),
                 QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace Meridian

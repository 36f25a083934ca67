#pragma once

class QCoreApplication;

namespace Meridian {

// Loads Meridian's and Qt's translations for the operator's language: $MERIDIAN_LANG if set
// ("ja", "en"), else the system's UI languages.
void installTranslations(QCoreApplication &app);

} // namespace Meridian

#pragma once

#include "consolesettings.h"

namespace Meridian {

// Applies a theme to the whole application: Light and Dark use the Fusion style with a light or
// dark palette, System goes back to the style and palette the application started with. Returns
// whether the result is dark (the map and charts follow).
bool applyTheme(ThemeChoice theme);

} // namespace Meridian

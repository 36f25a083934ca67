#pragma once

#include "core/placement/planner.h"
#include "placement/preferencesformat.h"

#include <QStringList>

namespace Meridian::Placement {

struct Conversion
{
    ReplicaPreferences preferences; // what `to` can hold of the input
    QStringList notCarried;         // one line per thing left behind, with its field path
};

// Adapts preferences to what `to` can express and says what did not carry over, for example
// per-cluster min/max, which Karmada static weights cannot hold.
Conversion convertPreferences(const ReplicaPreferences &prefs, PreferencesFormat to);

} // namespace Meridian::Placement

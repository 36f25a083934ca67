#pragma once

#include <QString>

namespace Meridian::Placement {

enum class PreferencesFormat {
    FederationAnnotation,        // federation.kubernetes.io/{deployment,replica-set}-preferences
    ReplicaSchedulingPreference, // scheduling.kubefed.io/v1alpha1
    PropagationPolicy,           // policy.karmada.io/v1alpha1, namespaced or cluster-scoped
};

enum class Engine { Federation, Karmada };

QString formatName(PreferencesFormat format);
// The engine whose planner a format feeds: the annotation and the RSP the Federation planner,
// a PropagationPolicy Karmada's division.
Engine engineFor(PreferencesFormat format);

inline constexpr char deploymentPreferencesAnnotation[]
        = "federation.kubernetes.io/deployment-preferences";
inline constexpr char replicaSetPreferencesAnnotation[]
        = "federation.kubernetes.io/replica-set-preferences";

} // namespace Meridian::Placement

#pragma once

#include <QtGlobal>

namespace Meridian::Sim::Controllers {

// Knobs for the simulated control plane and kubelet. Durations are simulated seconds.
struct ControllerOptions
{
    quint64 seed = 1;
    // Minor version of the simulated cluster: 1.26+ writes "Scaled up replica set x to 3 from 1".
    int kubeMinor = 29;
    double imagePullSeconds = 1.5;   // Pulling -> Pulled
    double readyDelayMinSeconds = 2; // Started -> Ready, plus a deterministic per-pod jitter
    double readyDelayMaxSeconds = 5;
    double crashAfterSeconds = 3;      // a crash-looping container runs this long before exiting
    double backOffInitialSeconds = 10; // kubelet's image-pull and crash back-off: 10s doubling,
    double backOffMaxSeconds = 300;    // capped at five minutes
    double failedSchedulingRepeatSeconds = 60; // how often an unschedulable pod is retried
};

} // namespace Meridian::Sim::Controllers

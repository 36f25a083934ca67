#pragma once

#include "core/result.h"
#include "kube/kubeconfig.h"
#include "rollout/rolloutclient.h"

#include <QObject>

#include <memory>

namespace Meridian::Net {
class Transport;
}
namespace Meridian::Kube {
class ExecCredentialProvider;
}

namespace Meridian::Rollout {

// The connections one rollout command needs: a transport, the credential plugins and one
// ApiClient per kubeconfig context. Lives on (and must be used from) the thread that opened it:
// meridianctl's main thread, or the API worker for the GUI (RolloutJobRunner).
class RolloutSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutSession)

public:
    enum class Mode { Direct, Karmada };

    // Direct: every context in `contexts` (all of the kubeconfig's when empty) is a member.
    // Karmada: `contexts` names the control plane's context (default "karmada", else the current
    // context); its members are found with discoverMembers().
    static Result<std::unique_ptr<RolloutSession>> open(const Kube::LoadOptions &load,
                                                        const QStringList &contexts,
                                                        Mode mode);
    ~RolloutSession() override;

    Mode mode() const { return m_mode; }
    QStringList clusterNames() const; // Direct: the contexts; Karmada: after discoverMembers()
    // The members to work on: all, or those named (an unknown name is an error listing them).
    Result<QList<Target>> members(const QStringList &only = {}) const;
    Target controlPlane() const; // Karmada only

    // Karmada: lists cluster.karmada.io Clusters on the control plane; members are then reached
    // through the cluster proxy.
    void discoverMembers(std::function<void(const Status &)> done);

private:
    RolloutSession();

    Mode m_mode = Mode::Direct;
    Net::Transport *m_transport = nullptr;
    Kube::ExecCredentialProvider *m_credentials = nullptr;
    QList<Target> m_members;
    Target m_controlPlane;
};

} // namespace Meridian::Rollout

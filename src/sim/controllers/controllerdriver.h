#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Meridian::Sim::Controllers {

class ControllerManager;

// Drives a ControllerManager from a clock on the thread it lives on: a steady tick (simulated
// time advances by interval * timeScale between ticks, through the clock), plus a coalesced
// extra run soon after a store change so kubectl sees its write acted on without waiting.
class ControllerDriver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControllerDriver)

public:
    ControllerDriver(ControllerManager *manager,
                     std::function<QDateTime()> clock,
                     QObject *parent = nullptr);

    void start(int intervalMs = 200);
    void stop();

    // Call after any write from outside the controllers (the API handlers' observer hook).
    void kick();

private:
    void tick();

    ControllerManager *m_manager;
    std::function<QDateTime()> m_clock;
    QTimer m_timer;
    QTimer m_kick;
    bool m_running = false;
};

} // namespace Meridian::Sim::Controllers

#include "sim/controllers/controllerdriver.h"

#include "sim/controllers/controllermanager.h"

namespace Meridian::Sim::Controllers {

ControllerDriver::ControllerDriver(ControllerManager *manager,
                                   std::function<QDateTime()> clock,
                                   QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_clock(std::move(clock))
{
    connect(&m_timer, &QTimer::timeout, this, &ControllerDriver::tick);
    m_kick.setSingleShot(true);
    m_kick.setInterval(10);
    connect(&m_kick, &QTimer::timeout, this, &ControllerDriver::tick);
}

void ControllerDriver::start(int intervalMs)
{
    m_running = true;
    m_timer.start(intervalMs);
    tick();
}

void ControllerDriver::stop()
{
    m_running = false;
    m_timer.stop();
    m_kick.stop();
}

void ControllerDriver::kick()
{
    // The controllers' own writes also reach the observer hook; the guard keeps them from
    // re-arming the timer while a tick is running.
    if (m_running && !m_kick.isActive())
        m_kick.start();
}

void ControllerDriver::tick()
{
    const bool wasRunning = m_running;
    m_running = false;
    m_manager->reconcile(m_clock());
    m_running = wasRunning;
    m_kick.stop();
}

} // namespace Meridian::Sim::Controllers

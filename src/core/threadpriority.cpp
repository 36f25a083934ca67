#include "threadpriority.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace Meridian {

void yieldToInterface(int steps)
{
#ifdef Q_OS_LINUX
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current == -1 && errno != 0)
        return;
    (void)::setpriority(PRIO_PROCESS, tid, qMin(current + steps, 19));
#else
    Q_UNUSED(steps);
#endif
}

} // namespace Meridian

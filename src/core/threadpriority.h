#pragma once

namespace Meridian {

// Lets the calling thread give way to the GUI thread: on Linux it raises the thread's nice value
// by `steps` (threads have their own nice value there; raising it needs no privilege). Background
// work — the API worker, an embedded simulator — then never keeps the GUI thread from a core.
// Elsewhere it does nothing.
void yieldToInterface(int steps = 5);

} // namespace Meridian

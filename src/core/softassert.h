#pragma once

#include <QtGlobal>

// Logs and lets the caller recover instead of aborting (after Qt Creator's QTC_ASSERT).
#define MERIDIAN_ASSERT(cond, action) \
    if (Q_LIKELY(cond)) { \
    } else { \
        qWarning("SOFT ASSERT: \"%s\" in %s:%d", #cond, __FILE__, __LINE__); \
        action; \
    } \
    do { \
    } while (false)

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardening.h"

#if defined(Q_OS_LINUX) || defined(__linux__)
#include <sys/prctl.h>
#include <sys/resource.h>
#elif defined(__APPLE__)
#include <sys/resource.h>
#endif

namespace stocktake::core {

bool hardenProcess()
{
    bool ok = true;
#if defined(__linux__) || defined(__APPLE__)
    const rlimit none {0, 0};
    ok = setrlimit(RLIMIT_CORE, &none) == 0;
#endif
#if defined(__linux__)
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

}  // namespace stocktake::core

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace stocktake::core {

/// Process hygiene at start-up (SECURITY.md B7): no core dumps that could hold keys or tokens,
/// and (on Linux) no ptrace attach or /proc/self/mem reads by other processes of the same user.
/// Returns false if the platform refused; callers log that and go on.
bool hardenProcess();

}  // namespace stocktake::core

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>

namespace stocktake::testing {

/// Waits until the started `process` prints `listening on http://127.0.0.1:PORT` on standard
/// output and returns PORT; 0 when it exits or `timeoutMs` passes first (`output` then holds
/// what it printed). tenant-sim and the oidc-provider peer both announce themselves so.
quint16 waitForListeningPort(QProcess &process, int timeoutMs, QByteArray *output);

/// Sends SIGTERM and waits; returns the exit code (-1 on a crash, or a hang that ended in SIGKILL).
int stopWithSigterm(QProcess &process, int timeoutMs = 10000);

}  // namespace stocktake::testing

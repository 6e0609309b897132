// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopbackprocess.h"

#include <QDeadlineTimer>

#include <csignal>

namespace stocktake::testing {

quint16 waitForListeningPort(QProcess &process, int timeoutMs, QByteArray *output)
{
    static constexpr QByteArrayView kPrefix = "listening on http://127.0.0.1:";
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        *output += process.readAllStandardOutput();
        const qsizetype at = output->indexOf(kPrefix);
        const qsizetype eol = at >= 0 ? output->indexOf('\n', at) : -1;
        if (eol > at) {
            const qsizetype from = at + kPrefix.size();
            return static_cast<quint16>(output->mid(from, eol - from).trimmed().toUInt());
        }
    }
    return 0;
}

int stopWithSigterm(QProcess &process, int timeoutMs)
{
    if (process.state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

}  // namespace stocktake::testing

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace stocktake::testing {

/// Starts the built stocktake-tenant-sim on a free loopback port with a request log and a truth
/// file in a temporary folder; stops it with SIGTERM when destroyed.
class TenantSim {
public:
    explicit TenantSim(const QStringList &extraArguments = {});
    ~TenantSim();
    TenantSim(const TenantSim &) = delete;
    TenantSim &operator=(const TenantSim &) = delete;

    /// True once the sim printed its listening line; error() says why not.
    [[nodiscard]] bool isRunning() const { return m_port != 0; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    [[nodiscard]] QString requestLogPath() const;
    [[nodiscard]] QString truthPath() const;
    /// Sends SIGTERM and waits; returns the exit code (-1 on a crash or a hang).
    int stop();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

}  // namespace stocktake::testing

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace stocktake::testing {

/// Starts tests/peers/oidc-peer.mjs — panva's oidc-provider, pinned by tests/peers/package-lock.json
/// and installed by scripts/setup (npm ci) — on a free loopback port, with a poll log in a
/// temporary folder; stops it with SIGTERM when destroyed. The provider is mounted at
/// /{tenant}/v2.0, so `baseUrl()` is the authority and `tenant()` the tenant of a profile.
class OidcPeer {
public:
    static constexpr auto kClientId = "stocktake-test";
    static constexpr auto kTenant = "3c9f2b7e-4d1a-4e8b-a6c5-0f2e9d8b7a61";

    explicit OidcPeer(const QStringList &extraArguments = {});
    ~OidcPeer();
    OidcPeer(const OidcPeer &) = delete;
    OidcPeer &operator=(const OidcPeer &) = delete;

    /// True once the peer printed its listening line; error() says why not.
    [[nodiscard]] bool isRunning() const { return m_port != 0; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QString tenant() const { return QString::fromLatin1(kTenant); }
    [[nodiscard]] QString clientId() const { return QString::fromLatin1(kClientId); }
    /// One JSON line per device-code poll: {"t": epoch ms, "answer": "slow_down" or the status}.
    [[nodiscard]] QString pollLogPath() const;
    /// What the peer wrote on stderr (its development-mode warnings, errors).
    [[nodiscard]] QString errorOutput() const;
    /// Sends SIGTERM and waits; returns the exit code (-1 on a crash or a hang).
    int stop();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

}  // namespace stocktake::testing

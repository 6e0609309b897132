// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/oidcdiscovery.h"
#include "auth/pollschedule.h"
#include "auth/signinsettings.h"
#include "auth/tokenendpoint.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace stocktake::auth {

/// The device authorization grant (RFC 8628; SECURITY A9-A12): asks for a device code with the
/// client id and scopes, shows the user code and verification URI (codeReady), then polls the
/// token endpoint at `interval` (5 s when none is given), +5 s for every slow_down and kept,
/// doubled after a network failure, never two polls at once, and never at or after `expires_in`.
/// It stops on success, on a final error (declined, expired, bad code, …), when more than
/// kMaxNetworkFailures network failures come in a row, or on cancel(). The device code is never shown
/// or logged.
class DeviceCodeFlow : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(core::Result<TokenSet>)>;
    static constexpr int kMaxNetworkFailures = 4;

    DeviceCodeFlow(IdentityHttp &http, ProviderMetadata metadata, SignInSettings settings, QObject *parent = nullptr);
    ~DeviceCodeFlow() override;

    /// Starts the flow; `done` is called exactly once, later (or from cancel()).
    void start(Done done);
    /// Stops polling; `done` gets auth.cancelled.
    void cancel();
    /// The current poll interval in seconds.
    [[nodiscard]] int intervalS() const;

Q_SIGNALS:
    /// Show these to the user. `message` is the server's own instruction (may be empty).
    void codeReady(const QString &userCode, const QUrl &verificationUri, const QString &message);

private:
    void onDeviceCode(core::Result<HttpReply> reply);
    void scheduleNextPoll();
    void poll();
    void onPoll(TokenReply reply);
    void finish(core::Result<TokenSet> result);

    IdentityHttp &m_http;
    ProviderMetadata m_metadata;
    SignInSettings m_settings;
    TokenEndpoint m_tokens;
    Done m_done;
    secrets::SecretBytes m_deviceCode;
    std::optional<PollSchedule> m_schedule;
    QElapsedTimer m_sinceIssued;
    QTimer m_timer;
    QTimer m_expiry;
    QPointer<QNetworkReply> m_reply;
    int m_networkFailures = 0;
    bool m_finished = false;
};

}  // namespace stocktake::auth

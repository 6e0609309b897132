// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/oidcdiscovery.h"
#include "auth/signinsettings.h"
#include "auth/tokenendpoint.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace stocktake::auth {

class LoopbackListener;
class UrlOpener;

/// The authorization code grant with PKCE S256 on a loopback redirect in the system browser
/// (RFC 6749 §4.1, RFC 7636, RFC 8252; SECURITY A1-A8): a fresh verifier and state per run, a
/// one-shot LoopbackListener for exactly as long as the flow runs, exactly one URL handed to the
/// UrlOpener (none when it is null: the caller shows the URL), the `iss` of the answer checked
/// against discovery (RFC 9207), and the code redeemed with the verifier and the same
/// redirect_uri. A callback with a wrong state is dropped and never redeemed.
class AuthCodeFlow : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(core::Result<TokenSet>)>;

    /// `opener` may be null (`--no-open`); it must outlive the flow.
    AuthCodeFlow(IdentityHttp &http, ProviderMetadata metadata, SignInSettings settings, UrlOpener *opener,
        QObject *parent = nullptr);
    ~AuthCodeFlow() override;

    /// Starts the flow; `done` is called exactly once, later (or from cancel()).
    void start(Done done);
    /// Stops waiting (the listener closes); `done` gets auth.cancelled.
    void cancel();
    /// The listener's port while it waits (0 before start()).
    [[nodiscard]] quint16 port() const;

Q_SIGNALS:
    /// The authorization URL, before it is handed to the opener: show it, so the user can open it
    /// by hand if no browser comes up.
    void browserUrlReady(const QUrl &url);

private:
    void onCode(const QByteArray &code, const QString &iss);
    void onError(const QString &error, const QString &description);
    void onTimeout();
    void finish(core::Result<TokenSet> result);

    IdentityHttp &m_http;
    ProviderMetadata m_metadata;
    SignInSettings m_settings;
    UrlOpener *m_opener;
    TokenEndpoint m_tokens;
    Done m_done;
    secrets::SecretBytes m_verifier;
    LoopbackListener *m_listener = nullptr;
    QUrl m_redirectUri;
    QTimer m_timeout;
    QPointer<QNetworkReply> m_reply;
    bool m_forgedSeen = false;
    bool m_finished = false;
};

}  // namespace stocktake::auth

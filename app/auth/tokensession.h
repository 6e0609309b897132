// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/identityhttp.h"
#include "auth/oidcdiscovery.h"
#include "auth/signinsettings.h"
#include "graph/tokensource.h"
#include "secrets/keystore.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace stocktake::auth {

struct TokenReply;

/// A signed-in profile's tokens for Graph (graph::TokenSource, the seam of app/graph; included as
/// a header only, app/auth does not link app/graph). The access token lives in memory only, as
/// SecretBytes. It is refreshed with the refresh token shortly before it expires (the last tenth
/// of its life, at most 5 minutes) and after a 401. The refresh token is read from the KeyStore
/// entry for every refresh and never kept; the rotated one replaces it there before the new
/// access token is handed out (SECURITY A13). One refresh at a time: callers that ask meanwhile
/// wait for it, so a refresh token is never sent twice.
///
/// Errors: no stored token → auth.not_signed_in; invalid_grant (revoked or expired) deletes the
/// stored refresh token → auth.sign_in_again; consent missing, MFA or Conditional Access → their
/// own auth.* errors (the token is kept: it may still work after the admin acts); all exit 3.
/// Network failures and 5xx → exit 4; key store failures → exit 5.
class TokenSession final : public QObject, public graph::TokenSource {
    Q_OBJECT

public:
    /// `keys` must outlive the session and be usable on this thread (see tokenSourceFactory()).
    TokenSession(
        SignInSettings settings, secrets::KeyStore &keys, QString refreshTokenEntry, QObject *parent = nullptr);
    ~TokenSession() override;

    void accessToken(TokenCallback done) override;
    void refreshAfterUnauthorized(TokenCallback done) override;

    /// How many refresh grants this session has sent.
    [[nodiscard]] int refreshCount() const { return m_refreshCount; }

    static constexpr qint64 kMaxRefreshMarginS = 300;

private:
    [[nodiscard]] bool hasFreshToken() const;
    void startRefresh();
    void readRefreshToken();
    void onRefreshed(TokenReply reply);
    void settle(const std::optional<core::Error> &error);

    SignInSettings m_settings;
    secrets::KeyStore &m_keys;
    QString m_entry;
    QNetworkAccessManager *m_network;
    IdentityHttp m_http;
    std::optional<ProviderMetadata> m_metadata;
    secrets::SecretBytes m_accessToken;
    QElapsedTimer m_obtained;
    qint64 m_lifetimeMs = 0;
    std::vector<TokenCallback> m_waiting;
    bool m_refreshing = false;
    int m_refreshCount = 0;
};

/// For SyncSetup::makeTokenSource. The returned function is called on the sync's worker thread
/// and makes there a TokenSession (with its own network access manager) whose key store calls run
/// on the thread `keys` lives on, through secrets::CrossThreadKeyStore: QtKeychain jobs must all
/// come from one thread, and a passphrase vault must have one writer. `keys` must be a QObject
/// store (QtKeychainStore, PassphraseKeyStore) living on the calling thread's event loop, or a
/// store with no thread affinity, and outlive every session made.
[[nodiscard]] std::function<std::unique_ptr<graph::TokenSource>()> tokenSourceFactory(
    SignInSettings settings, secrets::KeyStore &keys, QString refreshTokenEntry);

}  // namespace stocktake::auth

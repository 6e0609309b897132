// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/signinsettings.h"
#include "core/error.h"
#include "secrets/keystore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace stocktake::auth {

class IdentityHttp;
class UrlOpener;
struct ProviderMetadata;
struct TokenSet;

/// What a finished sign-in reports. The tokens themselves never leave app/auth: the refresh token
/// is in the key store, the access token was dropped (the first Graph call refreshes).
struct SignedIn {
    /// The scopes the server granted, when it said (Entra does); compare with what was asked to
    /// see which capabilities lack consent.
    QStringList grantedScopes;
};

/// Interactive sign-in for the first-run wizard and `stocktake-cli login`: discovery, then the
/// device code or the browser flow, then the refresh token into the key store entry. A QObject
/// on the caller's thread (no widgets): the GUI shows what the signals say, the CLI prints it.
/// One run at a time; every run ends with exactly one finished().
class SignIn : public QObject {
    Q_OBJECT

public:
    enum class Method { DeviceCode, Browser };
    Q_ENUM(Method)

    /// `keys` must outlive this object; `opener` may be null (show the URL, open nothing) and
    /// must outlive it too. `refreshTokenEntry` is the profile's `<id>/refresh-token`.
    SignIn(SignInSettings settings, secrets::KeyStore &keys, QString refreshTokenEntry, UrlOpener *opener = nullptr,
        QObject *parent = nullptr);
    ~SignIn() override;

    /// Starts a run; ignored while one runs. Start the device flow only on an explicit user
    /// action (SECURITY A9).
    void start(stocktake::auth::SignIn::Method method);
    /// Ends the run: finished() follows with auth.cancelled (unless the run is already storing
    /// its refresh token, which then finishes normally).
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// Device code flow: show `userCode` and `verificationUri` (and the server's `message` when
    /// not empty), with a line telling the user to enter the code only if they started this
    /// sign-in in Stocktake themselves.
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUri, const QString &message);
    /// Browser flow: the authorization URL, shown before the opener is asked to open it.
    void browserUrlReady(const QUrl &url);
    /// The run is over: signed in, or a typed error (auth.*, exit 3; network, exit 4; key store,
    /// exit 5) with one plain user message.
    void finished(const stocktake::core::Result<stocktake::auth::SignedIn> &result);

private:
    void onMetadata(int run, core::Result<ProviderMetadata> metadata);
    void onTokens(int run, core::Result<TokenSet> tokens);
    void finish(int run, core::Result<SignedIn> result);

    SignInSettings m_settings;
    secrets::KeyStore &m_keys;
    QString m_entry;
    UrlOpener *m_opener;
    QNetworkAccessManager *m_network;
    std::unique_ptr<IdentityHttp> m_http;
    QPointer<QNetworkReply> m_discovery;
    QPointer<QObject> m_flow;
    Method m_method = Method::Browser;
    int m_run = 0;
    bool m_running = false;
    bool m_storing = false;
};

}  // namespace stocktake::auth

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/loopbacklistener.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace stocktake::auth {

/// Where and as whom a profile signs in. The CLI and the GUI make it from the profile; app/auth
/// knows no profile.
struct SignInSettings {
    /// The identity platform's root, e.g. https://login.microsoftonline.com (http only on loopback).
    QUrl authority;
    /// A tenant id (GUID) or a verified domain: the `{tenant}` path segment.
    QString tenant;
    /// The public client's application (client) id. There is no secret.
    QString clientId;
    /// Delegated scopes (Scopes::forCapabilities), offline_access included.
    QStringList scopes;
    /// `prompt` of the authorization request: Entra's account picker by default. Servers that
    /// drop offline_access unless the user is asked for consent (OIDC Core §11) need "consent".
    QString prompt = QStringLiteral("select_account");
    /// The host of the loopback redirect URI: `localhost` is what the Entra portal can register
    /// (graph-facts.md §A.3); `127.0.0.1` for servers that follow RFC 8252 §8.3.
    LoopbackListener::HostName redirectHost = LoopbackListener::HostName::Localhost;
    /// How long the browser flow waits for the redirect before it gives up.
    std::chrono::milliseconds browserTimeout = std::chrono::minutes(5);
    /// No byte from an identity endpoint for this long ends the request.
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(30);

    /// A tenant's settings with the scopes of every capability but billing mail (Scopes).
    [[nodiscard]] static SignInSettings forTenant(
        const QUrl &authority, const QString &tenant, const QString &clientId, LoopbackListener::HostName redirectHost);
};

}  // namespace stocktake::auth

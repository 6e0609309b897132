// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/identityhttp.h"
#include "secrets/secretbytes.h"

#include <QStringList>

#include <optional>

namespace stocktake::auth {

/// The tokens of one successful token response. Move-only: a token is never copied by accident
/// and never becomes a QString of ours (the JSON parser's own copies are the residual risk of
/// SECURITY B7).
struct TokenSet {
    secrets::SecretBytes accessToken;
    secrets::SecretBytes refreshToken;  ///< empty when the server sent none
    qint64 expiresInS = 0;
    QStringList scopes;  ///< the granted scopes, when the server said
};

/// One answer of the token endpoint: tokens; an OAuth error (RFC 6749 §5.2: `error` and its
/// description, e.g. authorization_pending); or no usable answer (`failure`: network, redirect,
/// malformed body; exit 4).
struct TokenReply {
    std::optional<TokenSet> tokens;
    QString error;
    QString errorDescription;
    std::optional<core::Error> failure;
};

/// Requests to a token endpoint for a public client: the device code, authorization code (with
/// the PKCE verifier) and refresh token grants. Never a client secret (RFC 8252 §8.5).
class TokenEndpoint {
public:
    using Done = std::function<void(TokenReply)>;

    TokenEndpoint(IdentityHttp &http, QUrl url, QString clientId);

    QNetworkReply *redeemDeviceCode(const secrets::SecretBytes &deviceCode, Done done);
    /// RFC 6749 §4.1.3 + RFC 7636 §4.5: the same redirect_uri as in the authorization request.
    QNetworkReply *redeemAuthorizationCode(
        const secrets::SecretBytes &code, const QUrl &redirectUri, const secrets::SecretBytes &verifier, Done done);
    QNetworkReply *refresh(const secrets::SecretBytes &refreshToken, const QStringList &scopes, Done done);

    [[nodiscard]] const QUrl &url() const { return m_url; }

    /// Reads an HTTP answer of a token endpoint (the body is wiped).
    [[nodiscard]] static TokenReply parse(core::Result<HttpReply> reply, const QString &origin);
    /// `error` and `error_description` of an OAuth error body; false when the body is none.
    [[nodiscard]] static bool parseOAuthError(const QByteArray &body, QString *error, QString *description);
    /// The plain error for an answer Stocktake cannot use (exit 4); `detail` names what was wrong.
    [[nodiscard]] static core::Error badResponse(const QString &detail);

private:
    QNetworkReply *post(QList<IdentityHttp::FormField> fields, Done done);

    IdentityHttp &m_http;
    QUrl m_url;
    QByteArray m_clientId;
};

}  // namespace stocktake::auth

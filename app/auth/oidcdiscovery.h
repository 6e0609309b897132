// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/identityhttp.h"

#include <QString>
#include <QUrl>

namespace stocktake::auth {

/// The parts of an OpenID Provider's metadata that sign-in uses, after checking.
struct ProviderMetadata {
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl deviceAuthorizationEndpoint;  ///< empty when the server offers no device flow
    /// RFC 9207: the server puts `iss` in every authorization response, and the client must
    /// check it (SECURITY A6).
    bool issParameterSupported = false;
};

/// OIDC discovery (OpenID Connect Discovery 1.0 §4) of `{authority}/{tenant}/v2.0/.well-known/
/// openid-configuration`, trusted only after these checks (SECURITY A15):
///
/// - every endpoint is https, or http on a loopback host, has no user info or fragment, and is on
///   the authority's own origin: codes and refresh tokens go nowhere else;
/// - the issuer is on the authority's origin with the path `{authority path}/{X}/v2.0`, where X is
///   the profile's tenant (compared without case); or, because Entra names the tenant by its id,
///   X is a GUID when the profile names a domain; or X is Entra's literal `{tenantid}` template
///   when the tenant is one of the multi-tenant aliases common, organizations or consumers;
/// - when the server lists `code_challenge_methods_supported`, S256 is among them.
///
/// Stocktake reads no ID-token claims (identity comes from Graph), so it checks no ID token.
class OidcDiscovery {
public:
    using Done = std::function<void(core::Result<ProviderMetadata>)>;

    [[nodiscard]] static QUrl documentUrl(const QUrl &authority, const QString &tenant);
    /// Whether `authority` may be used at all; checked before any socket is opened.
    [[nodiscard]] static core::Status checkAuthority(const QUrl &authority);
    [[nodiscard]] static bool issuerMatches(const QString &issuer, const QUrl &authority, const QString &tenant);
    [[nodiscard]] static core::Result<ProviderMetadata> parse(
        const QByteArray &document, const QUrl &authority, const QString &tenant);
    /// Fetches and checks the document; `authority` must have passed checkAuthority().
    static QNetworkReply *fetch(IdentityHttp &http, const QUrl &authority, const QString &tenant, Done done);
};

}  // namespace stocktake::auth

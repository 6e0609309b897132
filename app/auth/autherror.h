// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>

namespace stocktake::auth {

/// Maps an OAuth error response (RFC 6749 §5.2, RFC 8628 §3.5) and Entra's AADSTS number in
/// `error_description` to a typed core::Error with a stable code and one plain line.
/// `adminConsentUrl` is quoted in the consent-missing message when not empty.
/// The server's description goes to `detail` only (it never holds secrets, but is not translated).
class AuthError {
public:
    [[nodiscard]] static core::Error fromOAuth(
        const QString &error, const QString &description, const QString &adminConsentUrl = {});
    /// The AADSTS number in an Entra error description ("AADSTS65001: …"), or 0.
    [[nodiscard]] static int aadstsCode(const QString &description);
    /// The identity provider could not be reached (exit 4).
    [[nodiscard]] static core::Error network(const QString &detail);
    /// The user cancelled sign-in (exit 3).
    [[nodiscard]] static core::Error cancelled();
    /// The token endpoint refused the authorization code or its PKCE verifier (invalid_grant on
    /// the authorization code grant; exit 3).
    [[nodiscard]] static core::Error codeRejected(const QString &detail);
    /// No browser answer came back in time (exit 3); `forgedSeen` when only answers with a wrong
    /// `state` came, which were dropped unredeemed (SECURITY A4).
    [[nodiscard]] static core::Error browserTimeout(bool forgedSeen);
    /// The authorization response named another issuer than discovery did (RFC 9207; exit 3).
    [[nodiscard]] static core::Error issuerMismatch(const QString &detail);
    /// No refresh token is stored for the profile (exit 3).
    [[nodiscard]] static core::Error notSignedIn();
    /// The server granted no refresh token, so the sign-in cannot be kept (exit 3).
    [[nodiscard]] static core::Error noRefreshToken();
    /// The server's metadata names no device authorization endpoint (exit 3).
    [[nodiscard]] static core::Error noDeviceFlow();
    /// No loopback port could be opened for the browser's answer (exit 1).
    [[nodiscard]] static core::Error noLoopbackPort();
};

}  // namespace stocktake::auth

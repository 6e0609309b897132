// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace stocktake::auth {

/// Proof Key for Code Exchange (RFC 7636) and the `state` value of the authorization request
/// (RFC 6749 §10.12). Every random value comes from the OS CSPRNG (OpenSSL RAND_bytes).
class Pkce {
public:
    /// 32 random bytes, base64url without padding: 43 characters of [A-Za-z0-9_-].
    [[nodiscard]] static QByteArray makeVerifier();
    /// The S256 challenge: base64url(SHA-256(ASCII(verifier))) without padding.
    [[nodiscard]] static QByteArray challengeFor(QByteArrayView verifier);
    /// 128 random bits, base64url without padding (22 characters).
    [[nodiscard]] static QByteArray makeState();
    /// True when `a` and `b` are equal, in time that depends only on their lengths.
    [[nodiscard]] static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
    /// True when `verifier` is a syntactically valid code_verifier (RFC 7636 §4.1).
    [[nodiscard]] static bool isValidVerifier(QByteArrayView verifier);
};

}  // namespace stocktake::auth

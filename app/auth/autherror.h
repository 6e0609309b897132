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
};

}  // namespace stocktake::auth

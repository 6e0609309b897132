// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QUrl>

namespace stocktake::auth {

/// The delegated Graph permissions per capability (issue 4) and the authorization request URLs.
class Scopes {
public:
    enum Capability : unsigned {
        Directory = 1u << 0,
        Licenses = 1u << 1,
        Apps = 1u << 2,
        AuditLogs = 1u << 3,
        Reports = 1u << 4,
        BillingMail = 1u << 5,  ///< only when billing discovery is on
    };

    /// Graph scopes for `capabilities` plus offline_access openid profile, sorted, no duplicates.
    [[nodiscard]] static QStringList forCapabilities(unsigned capabilities);

    /// The RFC 6749 §4.1.1 + RFC 7636 §4.3 authorization request URL. `prompt` is left out when
    /// empty.
    [[nodiscard]] static QUrl authorizeUrl(const QUrl &authorizationEndpoint, const QString &clientId,
        const QUrl &redirectUri, const QStringList &scopes, const QByteArray &challenge, const QByteArray &state,
        const QString &prompt = QStringLiteral("select_account"));

    /// https://login.microsoftonline.com/{tenant}/adminconsent?client_id=… for the consent message.
    [[nodiscard]] static QUrl adminConsentUrl(const QUrl &authority, const QString &tenant, const QString &clientId);
};

}  // namespace stocktake::auth

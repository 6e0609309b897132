// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QStringList>

class QCommandLineParser;

namespace stocktake::tenantsim {

/// Entra v2 endpoints under /{tenant}/: discovery, device code, authorize (PKCE S256 only) and
/// token (device code, authorization code and refresh token grants, rotating refresh tokens),
/// with switches for the faults the client must survive. Issues opaque access tokens with an
/// expiry. GET /_sim/identity-secrets lists every code and token it issued or received, for
/// canary tests that search logs for them.
class Identity {
public:
    struct Options {
        QString tenant;
        QString clientId;
        int tokenTtlSeconds = 3600;
        int intervalSeconds = 5;
        bool autoApprove = false;
        bool deny = false;
    };
    /// The fault switches (README.md), set from the command line by applyOptions().
    struct Switches {
        int deviceCodeTtlSeconds = 900;
        int slowDown = 0;             ///< the first N polls of a device code get slow_down
        bool consentMissing = false;  ///< token grants → consent_required AADSTS65001
        bool mfaRequired = false;     ///< refresh grant → interaction_required AADSTS50076
        bool wrongState = false;      ///< authorize redirects with another state than it got
        QString tokenRedirect;        ///< token endpoint answers 307 to this URL
        QString metadataFault;        ///< insecure-endpoint, foreign-endpoint or wrong-issuer
    };
    explicit Identity(Options options);
    /// The command-line switches of the identity side (README.md), for main().
    static void addOptions(QCommandLineParser &parser);
    /// Takes the switches of addOptions() from a processed parser.
    void applyOptions(const QCommandLineParser &parser);
    void setOrigin(const QString &origin) { m_origin = origin; }
    /// The response when the path belongs to identity; status 0 otherwise.
    HttpResponse handle(const HttpRequest &request);
    [[nodiscard]] bool isValidAccessToken(const QByteArray &token) const;
    void revokeRefreshTokens() { m_refreshTokens.clear(); }

private:
    HttpResponse discovery() const;
    HttpResponse deviceCode(const QUrlQuery &form);
    HttpResponse authorize(const QUrlQuery &params, const QByteArray &method);
    HttpResponse token(const QUrlQuery &form);
    HttpResponse deviceCodeGrant(const QUrlQuery &form);
    HttpResponse authorizationCodeGrant(const QUrlQuery &form);
    HttpResponse issue();
    HttpResponse secrets() const;

    struct DeviceFlow {
        QDateTime expires;
        int polls = 0;
        int intervalSeconds = 0;  ///< what the client must wait now (slow_down adds 5)
        QElapsedTimer sinceLastPoll;
    };
    struct AuthorizationCode {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QDateTime expires;
    };
    Options m_options;
    Switches m_switches;
    QString m_origin;
    QHash<QString, DeviceFlow> m_deviceCodes;
    QHash<QString, AuthorizationCode> m_codes;
    QHash<QString, bool> m_refreshTokens;  // live refresh tokens
    QHash<QByteArray, QDateTime> m_accessTokens;
    // Every secret issued or received, for /_sim/identity-secrets.
    QStringList m_issuedDeviceCodes;
    QStringList m_issuedUserCodes;
    QStringList m_issuedCodes;
    QStringList m_receivedVerifiers;
    QStringList m_issuedAccessTokens;
    QStringList m_issuedRefreshTokens;
};

}  // namespace stocktake::tenantsim

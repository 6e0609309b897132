// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QDateTime>
#include <QHash>

namespace stocktake::tenantsim {

/// Entra v2 endpoints under /{tenant}/: discovery, device code and token (device code and
/// refresh token grants, rotating refresh tokens). Issues opaque access tokens with an expiry.
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
    explicit Identity(Options options);
    void setOrigin(const QString &origin) { m_origin = origin; }
    /// The response when the path belongs to identity; status 0 otherwise.
    HttpResponse handle(const HttpRequest &request);
    [[nodiscard]] bool isValidAccessToken(const QByteArray &token) const;
    void revokeRefreshTokens() { m_refreshTokens.clear(); }

private:
    HttpResponse discovery() const;
    HttpResponse deviceCode(const QUrlQuery &form);
    HttpResponse token(const QUrlQuery &form);
    HttpResponse issue();

    struct DeviceFlow {
        QDateTime expires;
        int polls = 0;
    };
    Options m_options;
    QString m_origin;
    QHash<QString, DeviceFlow> m_deviceCodes;
    QHash<QString, bool> m_refreshTokens;  // live refresh tokens
    QHash<QByteArray, QDateTime> m_accessTokens;
};

}  // namespace stocktake::tenantsim

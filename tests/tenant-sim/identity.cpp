// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace stocktake::tenantsim {

namespace {
constexpr int kDeviceCodeLifetimeSeconds = 900;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

HttpResponse json(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store, no-cache")));
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

/// An Entra error body: error, error_description with the AADSTS code, error_codes, timestamp,
/// trace_id, correlation_id.
HttpResponse aadError(int status, const QString &error, int code, const QString &text)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    const QString trace = uuid();
    const QString correlation = uuid();
    return json(status,
        QJsonObject {{QStringLiteral("error"), error},
            {QStringLiteral("error_description"),
                QStringLiteral("AADSTS%1: %2 Trace ID: %3 Correlation ID: %4 Timestamp: %5")
                    .arg(code)
                    .arg(text, trace, correlation, now)},
            {QStringLiteral("error_codes"), QJsonArray {code}}, {QStringLiteral("timestamp"), now},
            {QStringLiteral("trace_id"), trace}, {QStringLiteral("correlation_id"), correlation}});
}
}  // namespace

Identity::Identity(Options options)
    : m_options(std::move(options))
{ }

HttpResponse Identity::handle(const HttpRequest &request)
{
    const QString prefix = QLatin1Char('/') + m_options.tenant;
    if (!request.path.startsWith(prefix + QLatin1Char('/'))) {
        HttpResponse none;
        none.status = 0;
        return none;
    }
    const QString rest = request.path.mid(prefix.size());
    const QUrlQuery form(QString::fromUtf8(request.body));
    if (rest == QLatin1StringView("/v2.0/.well-known/openid-configuration")) {
        return discovery();
    }
    if (rest == QLatin1StringView("/oauth2/v2.0/devicecode") && request.method == "POST") {
        return deviceCode(form);
    }
    if (rest == QLatin1StringView("/oauth2/v2.0/token") && request.method == "POST") {
        return token(form);
    }
    return aadError(404, QStringLiteral("invalid_request"), 90002, QStringLiteral("Endpoint not found."));
}

HttpResponse Identity::discovery() const
{
    const QString base = m_origin + QLatin1Char('/') + m_options.tenant;
    return json(200,
        QJsonObject {{QStringLiteral("issuer"),
                         QString(m_origin + QLatin1Char('/') + m_options.tenant + QStringLiteral("/v2.0"))},
            {QStringLiteral("authorization_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/authorize"))},
            {QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/token"))},
            {QStringLiteral("device_authorization_endpoint"),
                QString(base + QStringLiteral("/oauth2/v2.0/devicecode"))},
            {QStringLiteral("jwks_uri"), QString(base + QStringLiteral("/discovery/v2.0/keys"))},
            {QStringLiteral("response_types_supported"), QJsonArray {QStringLiteral("code")}},
            {QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("S256")}},
            {QStringLiteral("tenant_region_scope"), QStringLiteral("EU")}});
}

HttpResponse Identity::deviceCode(const QUrlQuery &form)
{
    if (form.queryItemValue(QStringLiteral("client_id")) != m_options.clientId) {
        return aadError(400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory.")
                .arg(form.queryItemValue(QStringLiteral("client_id"))));
    }
    const QString code = QStringLiteral("DAQABAAEAAAD") + uuid().remove(u'-');
    m_deviceCodes.insert(code, DeviceFlow {QDateTime::currentDateTimeUtc().addSecs(kDeviceCodeLifetimeSeconds), 0});
    const QString userCode = code.right(9).toUpper();
    return json(200,
        QJsonObject {{QStringLiteral("device_code"), code}, {QStringLiteral("user_code"), userCode},
            {QStringLiteral("verification_uri"), QString(m_origin + QStringLiteral("/devicelogin"))},
            {QStringLiteral("expires_in"), kDeviceCodeLifetimeSeconds},
            {QStringLiteral("interval"), m_options.intervalSeconds},
            {QStringLiteral("message"),
                QStringLiteral("To sign in, use a web browser to open the page %1/devicelogin and enter the code %2 to "
                               "authenticate.")
                    .arg(m_origin, userCode)}});
}

HttpResponse Identity::token(const QUrlQuery &form)
{
    if (form.queryItemValue(QStringLiteral("client_id")) != m_options.clientId) {
        return aadError(400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory.")
                .arg(form.queryItemValue(QStringLiteral("client_id"))));
    }
    const QString grant = form.queryItemValue(QStringLiteral("grant_type"));
    if (grant == QLatin1StringView("urn:ietf:params:oauth:grant-type:device_code")) {
        const QString code = form.queryItemValue(QStringLiteral("device_code"));
        auto it = m_deviceCodes.find(code);
        if (it == m_deviceCodes.end()) {
            return aadError(
                400, QStringLiteral("bad_verification_code"), 70018, QStringLiteral("Invalid verification code."));
        }
        if (QDateTime::currentDateTimeUtc() > it->expires) {
            return aadError(400, QStringLiteral("expired_token"), 70019, QStringLiteral("Verification code expired."));
        }
        if (++it->polls == 1 || !m_options.autoApprove) {
            return aadError(400, QStringLiteral("authorization_pending"), 70016,
                QStringLiteral("OAuth 2.0 device flow error. Authorization is pending."));
        }
        m_deviceCodes.erase(it);
        if (m_options.deny) {
            return aadError(
                400, QStringLiteral("authorization_declined"), 70000, QStringLiteral("The user declined the sign-in."));
        }
        return issue();
    }
    if (grant == QLatin1StringView("refresh_token")) {
        const QString refresh = form.queryItemValue(QStringLiteral("refresh_token"));
        if (!m_refreshTokens.remove(refresh)) {
            return aadError(400, QStringLiteral("invalid_grant"), 70008,
                QStringLiteral("The provided authorization code or refresh token has expired due to inactivity or has "
                               "been revoked."));
        }
        return issue();
    }
    return aadError(400, QStringLiteral("unsupported_grant_type"), 70003,
        QStringLiteral("The app requested an unsupported grant type."));
}

HttpResponse Identity::issue()
{
    const QByteArray access = "sim-at-" + uuid().toLatin1();
    m_accessTokens.insert(access, QDateTime::currentDateTimeUtc().addSecs(m_options.tokenTtlSeconds));
    const QString refresh = QStringLiteral("sim-rt-") + uuid();
    m_refreshTokens.insert(refresh, true);
    return json(200,
        QJsonObject {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("scope"),
                QStringLiteral(
                    "https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/Directory.Read.All")},
            {QStringLiteral("expires_in"), m_options.tokenTtlSeconds},
            {QStringLiteral("ext_expires_in"), m_options.tokenTtlSeconds},
            {QStringLiteral("access_token"), QString::fromLatin1(access)}, {QStringLiteral("refresh_token"), refresh}});
}

bool Identity::isValidAccessToken(const QByteArray &token) const
{
    const auto it = m_accessTokens.constFind(token);
    return it != m_accessTokens.constEnd() && QDateTime::currentDateTimeUtc() < it.value();
}

}  // namespace stocktake::tenantsim

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

namespace stocktake::tenantsim {

namespace {
constexpr int kCodeLifetimeSeconds = 600;  // Entra: authorization codes live about 10 minutes
constexpr int kSlowDownStepSeconds = 5;    // RFC 8628 §3.5
constexpr qint64 kPollToleranceMs = 150;   // timer and scheduling jitter of a well-behaved client

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

HttpResponse page(int status, const QByteArray &html)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/html; charset=utf-8")));
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    r.body = html;
    return r;
}

HttpResponse redirect(int status, const QUrl &location)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Location"), location.toEncoded()));
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
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

HttpResponse unknownClient(const QString &clientId)
{
    return aadError(400, QStringLiteral("unauthorized_client"), 700016,
        QStringLiteral("Application with identifier '%1' was not found in the directory.").arg(clientId));
}

HttpResponse consentMissing()
{
    return aadError(400, QStringLiteral("consent_required"), 65001,
        QStringLiteral("The user or administrator has not consented to use the application. Send an interactive "
                       "authorization request for this user and resource."));
}

/// Entra accepts http redirect URIs on localhost and 127.0.0.1 only, on any port (the port of a
/// loopback redirect URI is ignored when matching the registration).
bool isLoopbackRedirect(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != QLatin1StringView("http") || url.hasFragment())
        return false;
    return url.host() == QLatin1StringView("localhost") || url.host() == QLatin1StringView("127.0.0.1");
}

QByteArray htmlEscape(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

}  // namespace

Identity::Identity(Options options)
    : m_options(std::move(options))
{ }

void Identity::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("device-code-ttl"), QStringLiteral("Device code expires_in."), QStringLiteral("S"),
            QStringLiteral("900")},
        {QStringLiteral("slow-down"), QStringLiteral("The first N polls of a device code get slow_down."),
            QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("consent-missing"), QStringLiteral("Token grants fail with AADSTS65001 consent_required.")},
        {QStringLiteral("mfa-required"),
            QStringLiteral("The refresh grant fails with AADSTS50076 interaction_required.")},
        {QStringLiteral("wrong-state"), QStringLiteral("authorize redirects back with a state it did not get.")},
        {QStringLiteral("token-redirect"), QStringLiteral("The token endpoint answers 307 to this URL."),
            QStringLiteral("URL")},
        {QStringLiteral("metadata-fault"),
            QStringLiteral("Discovery names an insecure-endpoint, a foreign-endpoint or a wrong-issuer."),
            QStringLiteral("MODE")},
    });
}

void Identity::applyOptions(const QCommandLineParser &parser)
{
    m_switches.deviceCodeTtlSeconds = parser.value(QStringLiteral("device-code-ttl")).toInt();
    m_switches.slowDown = parser.value(QStringLiteral("slow-down")).toInt();
    m_switches.consentMissing = parser.isSet(QStringLiteral("consent-missing"));
    m_switches.mfaRequired = parser.isSet(QStringLiteral("mfa-required"));
    m_switches.wrongState = parser.isSet(QStringLiteral("wrong-state"));
    m_switches.tokenRedirect = parser.value(QStringLiteral("token-redirect"));
    m_switches.metadataFault = parser.value(QStringLiteral("metadata-fault"));
}

HttpResponse Identity::handle(const HttpRequest &request)
{
    if (request.path == QLatin1StringView("/_sim/identity-secrets")) {
        return secrets();
    }
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
    if (rest == QLatin1StringView("/oauth2/v2.0/authorize")) {
        return authorize(request.method == "POST" ? form : request.query, request.method);
    }
    if (rest == QLatin1StringView("/oauth2/v2.0/token") && request.method == "POST") {
        if (!m_switches.tokenRedirect.isEmpty()) {
            return redirect(307, QUrl(m_switches.tokenRedirect));
        }
        return token(form);
    }
    return aadError(404, QStringLiteral("invalid_request"), 90002, QStringLiteral("Endpoint not found."));
}

HttpResponse Identity::discovery() const
{
    const QString base = m_origin + QLatin1Char('/') + m_options.tenant;
    QString issuer = base + QStringLiteral("/v2.0");
    QString tokenEndpoint = base + QStringLiteral("/oauth2/v2.0/token");
    if (m_switches.metadataFault == QLatin1StringView("insecure-endpoint")) {
        tokenEndpoint = QStringLiteral("http://evil.test/") + m_options.tenant + QStringLiteral("/oauth2/v2.0/token");
    } else if (m_switches.metadataFault == QLatin1StringView("foreign-endpoint")) {
        tokenEndpoint = QStringLiteral("https://evil.test/") + m_options.tenant + QStringLiteral("/oauth2/v2.0/token");
    } else if (m_switches.metadataFault == QLatin1StringView("wrong-issuer")) {
        issuer = m_origin + QStringLiteral("/8a1f6a4e-0c2d-4a7b-9e1f-2b3c4d5e6f70/v2.0");
    }
    return json(200,
        QJsonObject {{QStringLiteral("issuer"), issuer},
            {QStringLiteral("authorization_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/authorize"))},
            {QStringLiteral("token_endpoint"), tokenEndpoint},
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
        return unknownClient(form.queryItemValue(QStringLiteral("client_id")));
    }
    const QString code = QStringLiteral("DAQABAAEAAAD") + uuid().remove(u'-');
    DeviceFlow flow;
    flow.expires = QDateTime::currentDateTimeUtc().addSecs(m_switches.deviceCodeTtlSeconds);
    flow.intervalSeconds = m_options.intervalSeconds;
    flow.sinceLastPoll.start();
    m_deviceCodes.insert(code, flow);
    const QString userCode = code.right(9).toUpper();
    m_issuedDeviceCodes.append(code);
    m_issuedUserCodes.append(userCode);
    return json(200,
        QJsonObject {{QStringLiteral("device_code"), code}, {QStringLiteral("user_code"), userCode},
            {QStringLiteral("verification_uri"), QString(m_origin + QStringLiteral("/devicelogin"))},
            {QStringLiteral("expires_in"), m_switches.deviceCodeTtlSeconds},
            {QStringLiteral("interval"), m_options.intervalSeconds},
            {QStringLiteral("message"),
                QStringLiteral("To sign in, use a web browser to open the page %1/devicelogin and enter the code %2 to "
                               "authenticate.")
                    .arg(m_origin, userCode)}});
}

HttpResponse Identity::authorize(const QUrlQuery &params, const QByteArray &method)
{
    const QString clientId = params.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    const QUrl redirectUri(params.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    // Without a known client and a registered redirect URI Entra shows an error page: it never
    // redirects to an address it cannot trust.
    if (clientId != m_options.clientId) {
        return page(400,
            "<!DOCTYPE html><title>Sign in</title><p>AADSTS700016: Application with identifier '" + htmlEscape(clientId)
                + "' was not found in the directory.</p>");
    }
    if (!isLoopbackRedirect(redirectUri)) {
        return page(400,
            "<!DOCTYPE html><title>Sign in</title><p>AADSTS50011: The redirect URI specified in the request does "
            "not match the redirect URIs configured for the application.</p>");
    }
    const QString state = params.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    const auto back = [&](const QList<QPair<QString, QString>> &items) {
        QUrl url = redirectUri;
        QUrlQuery query;
        for (const auto &[name, value] : items) {
            query.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(value)));
        }
        url.setQuery(query);
        return redirect(302, url);
    };
    const QString challenge = params.queryItemValue(QStringLiteral("code_challenge"), QUrl::FullyDecoded);
    if (params.queryItemValue(QStringLiteral("response_type")) != QLatin1StringView("code")) {
        return back({{QStringLiteral("error"), QStringLiteral("unsupported_response_type")},
            {QStringLiteral("error_description"), QStringLiteral("AADSTS70005: response_type is not supported.")},
            {QStringLiteral("state"), state}});
    }
    if (params.queryItemValue(QStringLiteral("code_challenge_method")) != QLatin1StringView("S256")
        || challenge.size() != 43) {
        return back({{QStringLiteral("error"), QStringLiteral("invalid_request")},
            {QStringLiteral("error_description"),
                QStringLiteral("AADSTS501491: Invalid size of Code_Challenge parameter or method other than S256.")},
            {QStringLiteral("state"), state}});
    }
    if (!m_options.autoApprove && method != "POST") {
        // The "user" approves by posting the same parameters back.
        QByteArray html = "<!DOCTYPE html><title>Sign in</title><form method=\"post\">";
        for (const auto &[name, value] : params.queryItems(QUrl::FullyDecoded)) {
            html += "<input type=\"hidden\" name=\"" + htmlEscape(name) + "\" value=\"" + htmlEscape(value) + "\">";
        }
        html += "<button type=\"submit\">Accept</button></form>";
        return page(200, html);
    }
    if (m_options.deny) {
        return back({{QStringLiteral("error"), QStringLiteral("access_denied")},
            {QStringLiteral("error_description"),
                QStringLiteral("AADSTS65004: User declined to consent to access the app.")},
            {QStringLiteral("state"), state}});
    }
    const QString code = QStringLiteral("sim-ac-") + uuid();
    m_codes.insert(code,
        AuthorizationCode {clientId, redirectUri.toString(QUrl::FullyEncoded), challenge,
            QDateTime::currentDateTimeUtc().addSecs(kCodeLifetimeSeconds)});
    m_issuedCodes.append(code);
    return back({{QStringLiteral("code"), code},
        {QStringLiteral("state"), m_switches.wrongState ? QStringLiteral("forged-") + uuid() : state},
        {QStringLiteral("session_state"), uuid()}});
}

HttpResponse Identity::token(const QUrlQuery &form)
{
    if (form.queryItemValue(QStringLiteral("client_id")) != m_options.clientId) {
        return unknownClient(form.queryItemValue(QStringLiteral("client_id")));
    }
    const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    if (grant == QLatin1StringView("urn:ietf:params:oauth:grant-type:device_code")) {
        return deviceCodeGrant(form);
    }
    if (grant == QLatin1StringView("authorization_code")) {
        return authorizationCodeGrant(form);
    }
    if (grant == QLatin1StringView("refresh_token")) {
        const QString refresh = form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded);
        if (!m_refreshTokens.remove(refresh)) {
            return aadError(400, QStringLiteral("invalid_grant"), 70008,
                QStringLiteral("The provided authorization code or refresh token has expired due to inactivity or has "
                               "been revoked."));
        }
        if (m_switches.consentMissing) {
            m_refreshTokens.insert(refresh, true);  // a refusal does not use the token up
            return consentMissing();
        }
        if (m_switches.mfaRequired) {
            m_refreshTokens.insert(refresh, true);
            return aadError(400, QStringLiteral("interaction_required"), 50076,
                QStringLiteral("Due to a configuration change made by your administrator, or because you moved to a "
                               "new location, you must use multi-factor authentication to access the resource."));
        }
        return issue();
    }
    return aadError(400, QStringLiteral("unsupported_grant_type"), 70003,
        QStringLiteral("The app requested an unsupported grant type."));
}

HttpResponse Identity::deviceCodeGrant(const QUrlQuery &form)
{
    const QString code = form.queryItemValue(QStringLiteral("device_code"), QUrl::FullyDecoded);
    auto it = m_deviceCodes.find(code);
    if (it == m_deviceCodes.end()) {
        return aadError(
            400, QStringLiteral("bad_verification_code"), 70018, QStringLiteral("Invalid verification code."));
    }
    if (QDateTime::currentDateTimeUtc() > it->expires) {
        return aadError(400, QStringLiteral("expired_token"), 70019, QStringLiteral("Verification code expired."));
    }
    // RFC 8628 §3.5: a client must wait `interval` (+5 s per slow_down) between polls.
    QString violation;
    if (it->sinceLastPoll.elapsed() + kPollToleranceMs < qint64(it->intervalSeconds) * 1000) {
        violation = QStringLiteral("device code polled %1 ms after the last poll; the interval is %2 s")
                        .arg(it->sinceLastPoll.elapsed())
                        .arg(it->intervalSeconds);
    }
    it->sinceLastPoll.restart();
    const int poll = ++it->polls;
    HttpResponse response;
    if (poll <= m_switches.slowDown) {
        it->intervalSeconds += kSlowDownStepSeconds;
        response = aadError(400, QStringLiteral("slow_down"), 70016, QStringLiteral("Polling too fast; slow down."));
    } else if ((poll == 1 && m_switches.slowDown == 0) || !m_options.autoApprove) {
        response = aadError(400, QStringLiteral("authorization_pending"), 70016,
            QStringLiteral("OAuth 2.0 device flow error. Authorization is pending."));
    } else {
        m_deviceCodes.erase(it);
        if (m_options.deny) {
            response = aadError(
                400, QStringLiteral("authorization_declined"), 70000, QStringLiteral("The user declined the sign-in."));
        } else if (m_switches.consentMissing) {
            response = consentMissing();
        } else {
            response = issue();
        }
    }
    response.violation = violation;
    return response;
}

HttpResponse Identity::authorizationCodeGrant(const QUrlQuery &form)
{
    const QString code = form.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const QString verifier = form.queryItemValue(QStringLiteral("code_verifier"), QUrl::FullyDecoded);
    if (!verifier.isEmpty()) {
        m_receivedVerifiers.append(verifier);
    }
    // A code is good for one redemption, whatever its outcome.
    const auto it = m_codes.constFind(code);
    if (it == m_codes.constEnd()) {
        return aadError(400, QStringLiteral("invalid_grant"), 54005,
            QStringLiteral("OAuth2 Authorization code was already redeemed or is not valid."));
    }
    const AuthorizationCode issued = it.value();
    m_codes.erase(it);
    if (QDateTime::currentDateTimeUtc() > issued.expires) {
        return aadError(400, QStringLiteral("invalid_grant"), 70008, QStringLiteral("The authorization code expired."));
    }
    if (form.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded) != issued.redirectUri) {
        return aadError(400, QStringLiteral("invalid_grant"), 50011,
            QStringLiteral("The redirect URI does not match the one of the authorization request."));
    }
    if (verifier.isEmpty()) {
        return aadError(400, QStringLiteral("invalid_request"), 50148,
            QStringLiteral("The code_verifier does not match the code_challenge supplied in the authorization "
                           "request for PKCE."));
    }
    const QByteArray challenge = QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (QString::fromLatin1(challenge) != issued.challenge) {
        return aadError(400, QStringLiteral("invalid_grant"), 501481,
            QStringLiteral("The Code_Verifier does not match the code_challenge supplied in the authorization "
                           "request."));
    }
    if (m_switches.consentMissing) {
        return consentMissing();
    }
    return issue();
}

HttpResponse Identity::issue()
{
    const QByteArray access = "sim-at-" + uuid().toLatin1();
    m_accessTokens.insert(access, QDateTime::currentDateTimeUtc().addSecs(m_options.tokenTtlSeconds));
    const QString refresh = QStringLiteral("sim-rt-") + uuid();
    m_refreshTokens.insert(refresh, true);
    m_issuedAccessTokens.append(QString::fromLatin1(access));
    m_issuedRefreshTokens.append(refresh);
    return json(200,
        QJsonObject {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("scope"),
                QStringLiteral(
                    "https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/Directory.Read.All")},
            {QStringLiteral("expires_in"), m_options.tokenTtlSeconds},
            {QStringLiteral("ext_expires_in"), m_options.tokenTtlSeconds},
            {QStringLiteral("access_token"), QString::fromLatin1(access)}, {QStringLiteral("refresh_token"), refresh}});
}

HttpResponse Identity::secrets() const
{
    return json(200,
        QJsonObject {{QStringLiteral("device_codes"), QJsonArray::fromStringList(m_issuedDeviceCodes)},
            {QStringLiteral("user_codes"), QJsonArray::fromStringList(m_issuedUserCodes)},
            {QStringLiteral("authorization_codes"), QJsonArray::fromStringList(m_issuedCodes)},
            {QStringLiteral("code_verifiers"), QJsonArray::fromStringList(m_receivedVerifiers)},
            {QStringLiteral("access_tokens"), QJsonArray::fromStringList(m_issuedAccessTokens)},
            {QStringLiteral("refresh_tokens"), QJsonArray::fromStringList(m_issuedRefreshTokens)}});
}

bool Identity::isValidAccessToken(const QByteArray &token) const
{
    const auto it = m_accessTokens.constFind(token);
    return it != m_accessTokens.constEnd() && QDateTime::currentDateTimeUtc() < it.value();
}

}  // namespace stocktake::tenantsim

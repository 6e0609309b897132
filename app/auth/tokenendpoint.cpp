// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenendpoint.h"

#include "auth/autherror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace stocktake::auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::auth::TokenEndpoint", text);
}

constexpr qint64 kDefaultExpiresInS = 3600;  // RFC 6749 §5.1 leaves expires_in optional
constexpr qint64 kMaxExpiresInS = 2 * 24 * 3600;

secrets::SecretBytes secretField(const QJsonObject &object, QLatin1StringView name)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        return {};
    QByteArray utf8 = value.toString().toUtf8();
    secrets::SecretBytes out = secrets::SecretBytes::copyOf(utf8);
    secrets::SecretBytes::wipe(utf8);
    return out;
}

qint64 expiresIn(const QJsonValue &value)
{
    qint64 seconds = 0;
    if (value.isDouble()) {
        seconds = static_cast<qint64>(value.toDouble());
    } else if (value.isString()) {
        bool ok = false;
        seconds = value.toString().toLongLong(&ok);  // some servers send "3599"
        if (!ok)
            seconds = 0;
    }
    if (seconds <= 0)
        return kDefaultExpiresInS;
    return std::min(seconds, kMaxExpiresInS);
}

}  // namespace

TokenEndpoint::TokenEndpoint(IdentityHttp &http, QUrl url, QString clientId)
    : m_http(http)
    , m_url(std::move(url))
    , m_clientId(clientId.toUtf8())
{ }

QNetworkReply *TokenEndpoint::post(QList<IdentityHttp::FormField> fields, Done done)
{
    fields.prepend({QByteArrayLiteral("client_id"), m_clientId});
    QByteArray form = IdentityHttp::formEncode(fields);
    const QString origin = IdentityHttp::originOf(m_url);
    QNetworkReply *reply = m_http.postForm(m_url, form,
        [origin, done = std::move(done)](core::Result<HttpReply> r) { done(parse(std::move(r), origin)); });
    secrets::SecretBytes::wipe(form);
    return reply;
}

QNetworkReply *TokenEndpoint::redeemDeviceCode(const secrets::SecretBytes &deviceCode, Done done)
{
    return post({{QByteArrayLiteral("grant_type"), "urn:ietf:params:oauth:grant-type:device_code"},
                    {QByteArrayLiteral("device_code"), deviceCode.view()}},
        std::move(done));
}

QNetworkReply *TokenEndpoint::redeemAuthorizationCode(
    const secrets::SecretBytes &code, const QUrl &redirectUri, const secrets::SecretBytes &verifier, Done done)
{
    const QByteArray redirect = redirectUri.toString(QUrl::FullyEncoded).toUtf8();
    return post(
        {{QByteArrayLiteral("grant_type"), "authorization_code"}, {QByteArrayLiteral("code"), code.view()},
            {QByteArrayLiteral("redirect_uri"), redirect}, {QByteArrayLiteral("code_verifier"), verifier.view()}},
        std::move(done));
}

QNetworkReply *TokenEndpoint::refresh(const secrets::SecretBytes &refreshToken, const QStringList &scopes, Done done)
{
    const QByteArray scope = scopes.join(u' ').toUtf8();
    QList<IdentityHttp::FormField> fields {
        {QByteArrayLiteral("grant_type"), "refresh_token"}, {QByteArrayLiteral("refresh_token"), refreshToken.view()}};
    if (!scope.isEmpty())
        fields.append({QByteArrayLiteral("scope"), scope});
    return post(std::move(fields), std::move(done));
}

core::Error TokenEndpoint::badResponse(const QString &detail)
{
    return core::Error {QStringLiteral("auth.bad_response"),
        tr("The sign-in service sent an answer Stocktake cannot use. Try again later; if it goes on, check "
           "the identity platform address in the profile."),
        detail, core::ExitCode::Service};
}

bool TokenEndpoint::parseOAuthError(const QByteArray &body, QString *error, QString *description)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonValue code = doc.object().value(QLatin1StringView("error"));
    if (!code.isString() || code.toString().isEmpty())
        return false;
    *error = code.toString().left(100);
    *description = doc.object().value(QLatin1StringView("error_description")).toString().left(2000);
    return true;
}

TokenReply TokenEndpoint::parse(core::Result<HttpReply> reply, const QString &origin)
{
    TokenReply out;
    if (!reply) {
        out.failure = reply.error();
        return out;
    }
    HttpReply &http = reply.value();
    if (http.status >= 300 && http.status < 400) {
        out.failure = core::Error {QStringLiteral("auth.unexpected_redirect"),
            tr("The sign-in service answered with a redirect, which Stocktake never follows for sign-in. Check "
               "the identity platform address in the profile."),
            QStringLiteral("HTTP %1 from the token endpoint at %2").arg(http.status).arg(origin),
            core::ExitCode::Service};
        return out;
    }
    if (http.status != 200) {
        if (!parseOAuthError(http.body, &out.error, &out.errorDescription)) {
            out.failure = http.status >= 500
                ? AuthError::fromOAuth(QStringLiteral("temporarily_unavailable"), {})
                : badResponse(QStringLiteral("HTTP %1 without an OAuth error from %2").arg(http.status).arg(origin));
        }
        secrets::SecretBytes::wipe(http.body);
        return out;
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(http.body, &parseError);
    secrets::SecretBytes::wipe(http.body);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        out.failure = badResponse(QStringLiteral("token response from %1 is not a JSON object").arg(origin));
        return out;
    }
    const QJsonObject object = doc.object();
    TokenSet tokens;
    tokens.accessToken = secretField(object, QLatin1StringView("access_token"));
    tokens.refreshToken = secretField(object, QLatin1StringView("refresh_token"));
    const QString type = object.value(QLatin1StringView("token_type")).toString();
    if (tokens.accessToken.isEmpty() || type.compare(QLatin1StringView("bearer"), Qt::CaseInsensitive) != 0) {
        out.failure
            = badResponse(QStringLiteral("token response from %1 has no access token of type Bearer (type '%2')")
                              .arg(origin, type.left(20)));
        return out;
    }
    tokens.expiresInS = expiresIn(object.value(QLatin1StringView("expires_in")));
    tokens.scopes = object.value(QLatin1StringView("scope")).toString().split(u' ', Qt::SkipEmptyParts);
    out.tokens = std::move(tokens);
    return out;
}

}  // namespace stocktake::auth

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/oidcdiscovery.h"

#include "auth/autherror.h"
#include "auth/tokenendpoint.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace stocktake::auth {

namespace {

// For the members of OidcDiscovery. lupdate files a tr() call in a free function under another
// context ("core" for a core::Error one), so free functions spell the context out.
QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::auth::OidcDiscovery", text);
}

core::Error untrusted(const QString &detail)
{
    return core::Error {QStringLiteral("auth.untrusted_discovery"),
        QCoreApplication::translate("stocktake::auth::OidcDiscovery",
            "The sign-in service's configuration does not match the identity platform address and tenant in the "
            "profile, so Stocktake did not use it. Check the profile's authority and tenant."),
        detail, core::ExitCode::SignIn};
}

bool isGuid(const QString &text)
{
    static const QRegularExpression guid(
        QStringLiteral(R"(^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$)"));
    return guid.match(text).hasMatch();
}

bool isMultiTenantAlias(const QString &tenant)
{
    return tenant.compare(QLatin1StringView("common"), Qt::CaseInsensitive) == 0
        || tenant.compare(QLatin1StringView("organizations"), Qt::CaseInsensitive) == 0
        || tenant.compare(QLatin1StringView("consumers"), Qt::CaseInsensitive) == 0;
}

QString basePath(const QUrl &authority)
{
    QString path = authority.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

/// An endpoint named in the document, checked; an invalid URL when it is missing or refused.
core::Result<QUrl> endpoint(const QJsonObject &document, QLatin1StringView name, const QUrl &authority, bool required)
{
    const QJsonValue value = document.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return untrusted(QStringLiteral("%1 is missing").arg(name));
        return QUrl();
    }
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!value.isString() || !IdentityHttp::isAcceptableEndpoint(url))
        return untrusted(
            QStringLiteral("%1 is not https (nor http on loopback): %2").arg(name, IdentityHttp::originOf(url)));
    if (IdentityHttp::originOf(url) != IdentityHttp::originOf(authority))
        return untrusted(QStringLiteral("%1 is on %2, not on the authority's origin %3")
                             .arg(name, IdentityHttp::originOf(url), IdentityHttp::originOf(authority)));
    return url;
}

}  // namespace

QUrl OidcDiscovery::documentUrl(const QUrl &authority, const QString &tenant)
{
    QUrl url = authority;
    url.setQuery(QString());
    url.setFragment(QString());
    url.setPath(basePath(authority) + u'/' + tenant + QStringLiteral("/v2.0/.well-known/openid-configuration"));
    return url;
}

core::Status OidcDiscovery::checkAuthority(const QUrl &authority)
{
    if (IdentityHttp::isAcceptableEndpoint(authority) && !authority.hasQuery())
        return {};
    return core::Error {QStringLiteral("auth.insecure_authority"),
        tr("The identity platform address in the profile must be an https:// URL (http:// only for a "
           "loopback host). Fix the profile's authority."),
        QStringLiteral("authority %1 refused").arg(IdentityHttp::originOf(authority)), core::ExitCode::SignIn};
}

bool OidcDiscovery::issuerMatches(const QString &issuer, const QUrl &authority, const QString &tenant)
{
    // Tolerant: Entra's multi-tenant documents name the issuer with a literal "{tenantid}".
    const QUrl url(issuer, QUrl::TolerantMode);
    if (!url.isValid() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return false;
    if (IdentityHttp::originOf(url) != IdentityHttp::originOf(authority))
        return false;
    const QString prefix = basePath(authority) + u'/';
    const QString suffix = QStringLiteral("/v2.0");
    const QString path = url.path();
    if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.size() <= prefix.size() + suffix.size())
        return false;
    const QString segment = path.mid(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (segment.contains(u'/'))
        return false;
    if (segment.compare(tenant, Qt::CaseInsensitive) == 0)
        return true;
    if (isMultiTenantAlias(tenant))
        return segment == QLatin1StringView("{tenantid}");
    return !isGuid(tenant) && isGuid(segment);
}

core::Result<ProviderMetadata> OidcDiscovery::parse(
    const QByteArray &document, const QUrl &authority, const QString &tenant)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(document, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return untrusted(QStringLiteral("the discovery document is not a JSON object"));
    const QJsonObject object = doc.object();
    ProviderMetadata out;
    out.issuer = object.value(QLatin1StringView("issuer")).toString();
    if (!issuerMatches(out.issuer, authority, tenant))
        return untrusted(QStringLiteral("issuer %1 (path %2) does not belong to the authority and tenant")
                             .arg(IdentityHttp::originOf(QUrl(out.issuer)), QUrl(out.issuer).path().left(200)));
    const auto authorize = endpoint(object, QLatin1StringView("authorization_endpoint"), authority, true);
    if (!authorize)
        return authorize.error();
    const auto token = endpoint(object, QLatin1StringView("token_endpoint"), authority, true);
    if (!token)
        return token.error();
    const auto device = endpoint(object, QLatin1StringView("device_authorization_endpoint"), authority, false);
    if (!device)
        return device.error();
    out.authorizationEndpoint = *authorize;
    out.tokenEndpoint = *token;
    out.deviceAuthorizationEndpoint = *device;
    const QJsonValue methods = object.value(QLatin1StringView("code_challenge_methods_supported"));
    if (methods.isArray() && !methods.toArray().contains(QJsonValue(QStringLiteral("S256"))))
        return untrusted(QStringLiteral("code_challenge_methods_supported lacks S256"));
    out.issParameterSupported
        = object.value(QLatin1StringView("authorization_response_iss_parameter_supported")).toBool(false);
    return out;
}

QNetworkReply *OidcDiscovery::fetch(IdentityHttp &http, const QUrl &authority, const QString &tenant, Done done)
{
    const QUrl url = documentUrl(authority, tenant);
    qCDebug(lcAuth).noquote() << "discovery from" << IdentityHttp::originOf(url);
    return http.get(url, [authority, tenant, done = std::move(done)](core::Result<HttpReply> reply) {
        if (!reply)
            return done(reply.error());
        const HttpReply &answer = reply.value();
        if (answer.status == 200)
            return done(parse(answer.body, authority, tenant));
        QString error;
        QString description;
        if (answer.status >= 400 && answer.status < 500
            && TokenEndpoint::parseOAuthError(answer.body, &error, &description))
            return done(AuthError::fromOAuth(error, description));
        if (answer.status >= 500)
            return done(AuthError::fromOAuth(QStringLiteral("temporarily_unavailable"), {}));
        done(untrusted(QStringLiteral("discovery answered HTTP %1").arg(answer.status)));
    });
}

}  // namespace stocktake::auth

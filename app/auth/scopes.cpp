// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/scopes.h"

#include <QUrlQuery>

#include <algorithm>

namespace stocktake::auth {

namespace {

QString graph(const char *permission)
{
    return QStringLiteral("https://graph.microsoft.com/") + QLatin1StringView(permission);
}

}  // namespace

QStringList Scopes::forCapabilities(unsigned capabilities)
{
    QStringList out {QStringLiteral("offline_access"), QStringLiteral("openid"), QStringLiteral("profile")};
    if (capabilities & Directory)
        out << graph("User.Read.All") << graph("Group.Read.All") << graph("GroupMember.Read.All");
    if (capabilities & Licenses)
        out << graph("Organization.Read.All");
    if (capabilities & Apps)
        out << graph("Application.Read.All") << graph("DelegatedPermissionGrant.Read.All");
    if (capabilities & AuditLogs)
        out << graph("AuditLog.Read.All");
    if (capabilities & Reports)
        out << graph("Reports.Read.All");
    if (capabilities & BillingMail)
        out << graph("Mail.Read");
    std::sort(out.begin(), out.end());
    out.removeDuplicates();
    return out;
}

QUrl Scopes::authorizeUrl(const QUrl &authorizationEndpoint, const QString &clientId, const QUrl &redirectUri,
    const QStringList &scopes, const QByteArray &challenge, const QByteArray &state, const QString &prompt)
{
    QUrl url = authorizationEndpoint;
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("client_id"), clientId);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromUtf8(QUrl::toPercentEncoding(redirectUri.toString())));
    q.addQueryItem(QStringLiteral("scope"), QString::fromUtf8(QUrl::toPercentEncoding(scopes.join(u' '))));
    q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(state));
    if (!prompt.isEmpty())
        q.addQueryItem(QStringLiteral("prompt"), prompt);
    url.setQuery(q);
    return url;
}

QUrl Scopes::adminConsentUrl(const QUrl &authority, const QString &tenant, const QString &clientId)
{
    QUrl url = authority;
    url.setPath(QLatin1Char('/') + tenant + QStringLiteral("/adminconsent"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("client_id"), clientId);
    url.setQuery(q);
    return url;
}

}  // namespace stocktake::auth

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/endpoint.h"

#include <QTimeZone>

namespace stocktake::graph {

namespace {

QStringList userFields()
{
    return {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName"),
        QStringLiteral("mail"), QStringLiteral("accountEnabled"), QStringLiteral("userType"),
        QStringLiteral("department"), QStringLiteral("jobTitle"), QStringLiteral("createdDateTime"),
        QStringLiteral("assignedLicenses"), QStringLiteral("licenseAssignmentStates"),
        QStringLiteral("onPremisesSyncEnabled")};
}

QStringList groupFields()
{
    return {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("mail"), QStringLiteral("mailEnabled"),
        QStringLiteral("securityEnabled"), QStringLiteral("groupTypes"), QStringLiteral("createdDateTime"),
        QStringLiteral("onPremisesSyncEnabled")};
}

/// Path segments are ids or "me"; percent-encode anything else so an id cannot add a path.
QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

}  // namespace

QUrlQuery Endpoint::query() const
{
    QUrlQuery q;
    if (!select.isEmpty()) {
        q.addQueryItem(QStringLiteral("$select"), select.join(u','));
    }
    if (top > 0) {
        q.addQueryItem(QStringLiteral("$top"), QString::number(top));
    }
    if (!expand.isEmpty()) {
        q.addQueryItem(QStringLiteral("$expand"), expand);
    }
    if (!filter.isEmpty()) {
        q.addQueryItem(QStringLiteral("$filter"), filter);
    }
    return q;
}

QUrl Endpoint::url(const QUrl &apiBase) const
{
    QUrl u = apiBase;
    u.setPath(apiBase.path() + path);
    const QUrlQuery q = query();
    if (!q.isEmpty()) {
        u.setQuery(q);
    }
    return u;
}

QString Endpoint::relativeUrl() const
{
    const QUrlQuery q = query();
    return q.isEmpty() ? path : path + u'?' + q.toString(QUrl::FullyEncoded);
}

QString Endpoint::filterDateTime(const QDateTime &utc)
{
    return utc.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

Endpoint Endpoint::organization()
{
    return {QStringLiteral("the organisation"), QStringLiteral("/organization"),
        {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("tenantType"),
            QStringLiteral("countryLetterCode"), QStringLiteral("createdDateTime"), QStringLiteral("verifiedDomains")},
        0, {}, {}, Budget::Directory, 1, false};
}

Endpoint Endpoint::users()
{
    // users costs 2 RU; −1 for $select, +1 for $expand.
    return {QStringLiteral("users"), QStringLiteral("/users"), userFields(), 999, QStringLiteral("manager($select=id)"),
        {}, Budget::Directory, 2, false};
}

Endpoint Endpoint::usersDelta()
{
    QStringList fields = userFields();
    fields.removeAll(QStringLiteral("licenseAssignmentStates"));
    fields << QStringLiteral("manager");
    return {QStringLiteral("users"), QStringLiteral("/users/delta"), fields, 0, {}, {}, Budget::Directory, 1, true};
}

Endpoint Endpoint::signInActivity()
{
    return {QStringLiteral("last sign-ins of users"), QStringLiteral("/users"),
        {QStringLiteral("id"), QStringLiteral("signInActivity")}, 500, {}, {}, Budget::SignInActivity, 1, false};
}

Endpoint Endpoint::groups()
{
    return {
        QStringLiteral("groups"), QStringLiteral("/groups"), groupFields(), 999, {}, {}, Budget::Directory, 1, false};
}

Endpoint Endpoint::groupsDelta()
{
    return {QStringLiteral("groups"), QStringLiteral("/groups/delta"), groupFields(), 0, {}, {}, Budget::Directory, 1,
        true};
}

Endpoint Endpoint::groupMembers(const QString &groupId)
{
    return {QStringLiteral("group members"), QStringLiteral("/groups/%1/members").arg(segment(groupId)),
        {QStringLiteral("id")}, 999, {}, {}, Budget::Directory, 2, false};
}

Endpoint Endpoint::subscribedSkus()
{
    // Only $select is supported here (no $top, no $filter); the tenant has a handful of SKUs.
    return {QStringLiteral("licences"), QStringLiteral("/subscribedSkus"),
        {QStringLiteral("id"), QStringLiteral("skuId"), QStringLiteral("skuPartNumber"), QStringLiteral("appliesTo"),
            QStringLiteral("capabilityStatus"), QStringLiteral("consumedUnits"), QStringLiteral("prepaidUnits"),
            QStringLiteral("servicePlans")},
        0, {}, {}, Budget::Directory, 2, false};
}

Endpoint Endpoint::servicePrincipals()
{
    return {QStringLiteral("applications"), QStringLiteral("/servicePrincipals"),
        {QStringLiteral("id"), QStringLiteral("appId"), QStringLiteral("displayName"),
            QStringLiteral("appOwnerOrganizationId"), QStringLiteral("publisherName"),
            QStringLiteral("servicePrincipalType"), QStringLiteral("accountEnabled"), QStringLiteral("tags")},
        999, {}, {}, Budget::Directory, 1, false};
}

Endpoint Endpoint::oauth2PermissionGrants()
{
    // The $top maximum is not documented (graph-facts §F.7); Graph's default page is used.
    return {QStringLiteral("app permission grants"), QStringLiteral("/oauth2PermissionGrants"),
        {QStringLiteral("id"), QStringLiteral("clientId"), QStringLiteral("consentType"), QStringLiteral("principalId"),
            QStringLiteral("resourceId"), QStringLiteral("scope")},
        0, {}, {}, Budget::Directory, 1, false};
}

Endpoint Endpoint::signIns(const QDateTime &fromUtc, const QDateTime &toUtc)
{
    // Only what the figures use (SECURITY F1): who, which app, when, and whether it succeeded.
    // No location, device, client app or interactivity: no figure needs them.
    return {QStringLiteral("sign-in logs"), QStringLiteral("/auditLogs/signIns"),
        {QStringLiteral("id"), QStringLiteral("createdDateTime"), QStringLiteral("userId"), QStringLiteral("appId"),
            QStringLiteral("appDisplayName"), QStringLiteral("status")},
        1000, {},
        QStringLiteral("createdDateTime ge %1 and createdDateTime lt %2")
            .arg(filterDateTime(fromUtc), filterDateTime(toUtc)),
        Budget::Reports, 1, false};
}

Endpoint Endpoint::messages(const QString &mailbox, const QString &filter)
{
    const QString base = mailbox == QLatin1StringView("me") ? QStringLiteral("/me")
                                                            : QStringLiteral("/users/%1").arg(segment(mailbox));
    return {QStringLiteral("mail"), base + QStringLiteral("/messages"),
        {QStringLiteral("id"), QStringLiteral("receivedDateTime"), QStringLiteral("from"), QStringLiteral("sender"),
            QStringLiteral("subject"), QStringLiteral("hasAttachments")},
        1000, {}, filter, Budget::Mail, 1, false};
}

Endpoint Endpoint::attachments(const QString &mailbox, const QString &messageId)
{
    const QString base = mailbox == QLatin1StringView("me") ? QStringLiteral("/me")
                                                            : QStringLiteral("/users/%1").arg(segment(mailbox));
    return {QStringLiteral("mail attachments"),
        base + QStringLiteral("/messages/%1/attachments").arg(segment(messageId)),
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("contentType"), QStringLiteral("size"),
            QStringLiteral("isInline")},
        0, {}, {}, Budget::Mail, 1, false};
}

Endpoint Endpoint::office365ActiveUserDetail(const QString &period)
{
    return {QStringLiteral("the Microsoft 365 usage report"),
        QStringLiteral("/reports/getOffice365ActiveUserDetail(period='%1')").arg(period), {}, 0, {}, {},
        Budget::UsageReports, 1, false};
}

}  // namespace stocktake::graph

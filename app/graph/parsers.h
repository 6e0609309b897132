// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/records.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>

/// One strict parser per resource (SECURITY.md D4). A single-item parser returns the record or
/// `graph.bad_record` (detail = the problem, never the content). A page parser keeps the good
/// records, collects delta `@removed` items, and reports each bad record with its id (or index)
/// as a ParseIssue: a bad record never aborts the page.
namespace stocktake::graph {

[[nodiscard]] core::Result<Organization> parseOrganization(const QJsonObject &item);
[[nodiscard]] core::Result<User> parseUser(const QJsonObject &item);
[[nodiscard]] core::Result<Group> parseGroup(const QJsonObject &item);
[[nodiscard]] core::Result<MemberRef> parseMember(const QJsonObject &item);
[[nodiscard]] core::Result<SubscribedSku> parseSubscribedSku(const QJsonObject &item);
[[nodiscard]] core::Result<ServicePrincipal> parseServicePrincipal(const QJsonObject &item);
[[nodiscard]] core::Result<OAuth2PermissionGrant> parseOAuth2PermissionGrant(const QJsonObject &item);
[[nodiscard]] core::Result<MailMessage> parseMailMessage(const QJsonObject &item);
[[nodiscard]] core::Result<AttachmentInfo> parseAttachment(const QJsonObject &item);
/// A delta item carrying `@removed`; nullopt when the item has no `@removed`.
[[nodiscard]] std::optional<core::Result<RemovedItem>> parseRemoved(const QJsonObject &item);

[[nodiscard]] Parsed<Organization> parseOrganizations(const QJsonArray &items);
[[nodiscard]] Parsed<User> parseUsers(const QJsonArray &items);    ///< also users/delta pages
[[nodiscard]] Parsed<Group> parseGroups(const QJsonArray &items);  ///< also groups/delta pages
[[nodiscard]] Parsed<MemberRef> parseMembers(const QJsonArray &items);
[[nodiscard]] Parsed<SubscribedSku> parseSubscribedSkus(const QJsonArray &items);
[[nodiscard]] Parsed<ServicePrincipal> parseServicePrincipals(const QJsonArray &items);
[[nodiscard]] Parsed<OAuth2PermissionGrant> parseOAuth2PermissionGrants(const QJsonArray &items);
[[nodiscard]] Parsed<MailMessage> parseMailMessages(const QJsonArray &items);
[[nodiscard]] Parsed<AttachmentInfo> parseAttachments(const QJsonArray &items);

/// getOffice365ActiveUserDetail's CSV (UTF-8, optional BOM, RFC 4180 quoting). Columns are
/// found by header name, so order and extra columns do not matter; "User Principal Name" is
/// required. A malformed header is graph.malformed_report; a bad row is a ParseIssue.
[[nodiscard]] core::Result<Parsed<UsageRecord>> parseOffice365ActiveUserDetail(QByteArrayView csv);

/// The error every single-item parser returns.
[[nodiscard]] core::Error badRecord(const QString &problem);

/// Runs a single-item parser over a page, as the page parsers above do.
template <typename T, typename Fn> Parsed<T> parsePage(const QJsonArray &items, Fn parseOne)
{
    Parsed<T> out;
    out.records.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue v = items.at(i);
        if (!v.isObject()) {
            out.issues.append({static_cast<int>(i), QString(), QStringLiteral("item is not an object")});
            continue;
        }
        const QJsonObject o = v.toObject();
        if (auto removed = parseRemoved(o)) {
            if (removed->ok()) {
                out.removed.append(std::move(*removed).value());
            } else {
                out.issues.append({static_cast<int>(i), QString(), removed->error().detail});
            }
            continue;
        }
        core::Result<T> r = parseOne(o);
        if (r.ok()) {
            out.records.append(std::move(r).value());
        } else {
            const QJsonValue id = o.value(QLatin1StringView("id"));
            out.issues.append(
                {static_cast<int>(i), id.isString() ? id.toString().left(128) : QString(), r.error().detail});
        }
    }
    return out;
}

}  // namespace stocktake::graph

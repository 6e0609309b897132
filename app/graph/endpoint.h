// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/requestpacer.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace stocktake::graph {

/// One Graph collection as Stocktake reads it. This is the one place that names what each
/// request selects (exactly the fields records.h keeps; SECURITY.md F1), its largest `$top`
/// (graph-facts §C.1), its throttling budget and its ResourceUnit cost (§C.4: base cost,
/// −1 for $select, +1 for $expand, never below 1).
struct Endpoint {
    QString what;  ///< the entity in the admin's words, for messages ("users")
    QString path;  ///< below /v1.0, e.g. "/users"
    QStringList select;
    int top = 0;  ///< 0 = leave Graph's default (maximum unknown or not supported)
    QString expand;
    QString filter;
    Budget budget = Budget::Directory;
    int cost = 1;
    bool delta = false;

    /// The query string: $select, $top, $expand, $filter (in that order).
    [[nodiscard]] QUrlQuery query() const;
    /// `apiBase` is the graph root + "/v1.0".
    [[nodiscard]] QUrl url(const QUrl &apiBase) const;
    /// "/path?query", the form `$batch` wants.
    [[nodiscard]] QString relativeUrl() const;

    [[nodiscard]] static Endpoint organization();
    /// All users with licences and manager id; $top 999.
    [[nodiscard]] static Endpoint users();
    /// users/delta: same fields (manager tracked as manager@delta); delta takes no $top.
    [[nodiscard]] static Endpoint usersDelta();
    /// The separate paced pass: id + signInActivity, $top 500 (10 requests per minute).
    [[nodiscard]] static Endpoint signInActivity();
    [[nodiscard]] static Endpoint groups();
    [[nodiscard]] static Endpoint groupsDelta();
    /// Member ids of one group ($select=id; @odata.type always comes), $top 999.
    [[nodiscard]] static Endpoint groupMembers(const QString &groupId);
    [[nodiscard]] static Endpoint subscribedSkus();
    [[nodiscard]] static Endpoint servicePrincipals();
    [[nodiscard]] static Endpoint oauth2PermissionGrants();
    /// auditLogs/signIns in [fromUtc, toUtc), newest first, $top 1000.
    [[nodiscard]] static Endpoint signIns(const QDateTime &fromUtc, const QDateTime &toUtc);
    /// Header fields of a mailbox's messages ("me" or a user id); never the body. $top 1000.
    [[nodiscard]] static Endpoint messages(const QString &mailbox, const QString &filter = {});
    [[nodiscard]] static Endpoint attachments(const QString &mailbox, const QString &messageId);
    /// getOffice365ActiveUserDetail(period='D7|D30|D90|D180'): a 302 to a CSV download that the
    /// client fetches without the bearer token. The report takes no $select.
    [[nodiscard]] static Endpoint office365ActiveUserDetail(const QString &period = QStringLiteral("D30"));

    /// Graph's ISO 8601 UTC form for $filter literals.
    [[nodiscard]] static QString filterDateTime(const QDateTime &utc);
};

}  // namespace stocktake::graph

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"
#include "core/money.h"
#include "reportcontext.h"

#include <QList>
#include <QStringList>

namespace stocktake::insights {

/// Microsoft's own tenant: apps it owns are first-party.
inline constexpr QLatin1StringView kMicrosoftTenant("f8cdef31-a31e-4b4a-93e4-5f571e91255a");

/// One row of `report apps` (METRICS.md): one application, merged across its sources.
struct AppRow {
    QString appKey;      ///< appId, or `vendor:<catalog id>` for billing-only vendors
    QStringList appIds;  ///< every Entra application id merged into this row (drill-downs use them)
    QString name;
    QString vendorId;  ///< catalog id when the row matches exactly one vendor
    QString vendor;    ///< catalog vendor name
    QString category;
    QStringList sources;  ///< subset of enterprise_app, sso, oauth_grant, billing, manual, in that order
    bool firstParty = false;
    qint64 users30d = 0;
    qint64 signIns30d = 0;
    QDateTime lastUsed;     ///< invalid when never
    qint64 grantUsers = 0;  ///< people who consented (Principal)
    bool grantAll = false;  ///< an admin consented for everyone (AllPrincipals): `grant_users` is `all`
    QStringList riskyScopes;
    std::optional<core::Money> annualSpend;  ///< invoice run-rate; empty when none or unknown cycle
};

struct AppReport {
    ReportContext context;
    QList<AppRow> rows;  ///< by name (case-insensitive), then app_key
};

[[nodiscard]] core::Result<AppReport> appReport(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options);

/// A person who used an app (successful sign-ins only).
struct AppUserRow {
    QString userId;
    QString upn;  ///< empty when the person is not (or no longer) in the directory
    QString displayName;
    QDateTime lastUsed;  ///< latest successful sign-in up to as_of's day
    qint64 signIns30d = 0;
};
/// An app's people, the most recent first (drill-down of AppRow::appIds).
[[nodiscard]] core::Result<QList<AppUserRow>> appUsers(
    const store::Database &db, const ReportContext &context, const QStringList &appIds);

/// One OAuth grant of an app.
struct AppGrantRow {
    QString grantId;
    QString consentType;  ///< Principal or AllPrincipals
    QString principalId;  ///< empty for AllPrincipals
    QString principalUpn;
    QString resource;  ///< the resource service principal's display name, else its id
    QStringList scopes;
    QStringList riskyScopes;
};
[[nodiscard]] core::Result<QList<AppGrantRow>> appGrants(
    const store::Database &db, const InsightsCatalog &catalog, const QStringList &appIds);

/// The application ids merged into the row whose app_key is `appKey`, by the merge rule of
/// appReport (the ids that match exactly the same single vendor), for drill-downs from a table
/// that only carries app_key. A key that matches no single vendor is its own id; a billing-only
/// `vendor:<id>` key without ids gives an empty list. It may name catalog ids the tenant never
/// used; the drill-downs simply find nothing for those.
[[nodiscard]] core::Result<QStringList> appIdsForKey(
    const store::Database &db, const InsightsCatalog &catalog, const QString &appKey);

/// `scopes` that are on the catalog's high-privilege list, in the catalog's spelling, sorted.
[[nodiscard]] QStringList riskyScopesOf(const InsightsCatalog &catalog, const QStringList &scopes);

}  // namespace stocktake::insights

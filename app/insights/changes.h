// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appreport.h"
#include "catalog.h"
#include "reportcontext.h"

#include <QList>
#include <QStringList>

namespace stocktake::insights {

/// A grant that was not there at the previous sync (or whose scopes changed).
struct GrantChange {
    QString grantId;
    QString appKey;
    QString appName;
    QString consentType;  ///< Principal or AllPrincipals
    QStringList scopes;
    QStringList riskyScopes;
};

/// A SKU whose purchased or assigned count changed, or that is new.
struct SkuChange {
    QString skuId;
    QString skuPartNumber;
    std::optional<qint64> purchasedBefore;  ///< empty: the SKU is new
    qint64 purchasedNow = 0;
    std::optional<qint64> assignedBefore;
    qint64 assignedNow = 0;
};

/// What changed since the previous sync: new apps, new grants, license counts.
struct SyncChanges {
    ReportContext context;
    QDateTime previousAsOf;  ///< invalid when there is no older snapshot: nothing to compare
    QList<AppRow> newApps;
    QList<GrantChange> newGrants;
    QList<SkuChange> skuChanges;
};

/// Keeps the identities the comparison needs under the current as-of (the end of the last users
/// sync, or options.asOf): app rows, grants (id and scope, never the person; restricted people's
/// left out) and per-SKU counts. The sync calls it after each successful sync; it replaces a
/// snapshot of the same as-of and keeps the newest `keep`.
[[nodiscard]] core::Status recordSyncSnapshot(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options = {}, int keep = 12);

/// The current state against the newest snapshot older than the current as-of.
[[nodiscard]] core::Result<SyncChanges> changesSincePreviousSync(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options = {});

}  // namespace stocktake::insights

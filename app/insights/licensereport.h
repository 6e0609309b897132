// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"
#include "pricing.h"
#include "reportcontext.h"

#include <QList>

namespace stocktake::insights {

/// One row of `report licenses` (METRICS.md): one subscribed SKU.
struct LicenseRow {
    QString skuId;
    QString skuPartNumber;
    QString productName;   ///< bundled licensing name table, else the part number
    QString status;        ///< capabilityStatus
    qint64 purchased = 0;  ///< prepaidUnits.enabled
    qint64 assigned = 0;   ///< consumedUnits
    qint64 assignedUsers = 0;
    qint64 unassigned = 0;           ///< max(purchased - assigned, 0)
    std::optional<qint64> active;    ///< empty when activity is unknown
    std::optional<qint64> inactive;  ///< enabled holders not active in the window; empty when unknown
    qint64 disabled = 0;
    std::optional<qint64> reclaimable;        ///< inactive + disabled; empty when unknown
    std::optional<UnitPrice> unitPrice;       ///< empty when no price is known
    std::optional<core::Money> monthlyWaste;  ///< empty when the price or activity is unknown
    QDateTime fetchedAt;                      ///< evidence: when subscribedSkus was synced
};

struct LicenseReport {
    ReportContext context;
    QList<LicenseRow> rows;  ///< by part number
};

[[nodiscard]] core::Result<LicenseReport> licenseReport(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options);

/// One holder on a SKU's reclaim list.
struct ReclaimRow {
    enum class Reason { Inactive, Disabled };
    QString userId;
    QString upn;
    QString displayName;
    QString userType;
    Reason reason = Reason::Inactive;
    QDateTime lastActive;  ///< invalid when never signed in or unknown
};

/// A SKU's reclaim list: its disabled holders and, when activity is known, its enabled holders
/// not active in the window; the least recently active first.
[[nodiscard]] core::Result<QList<ReclaimRow>> skuReclaimList(
    const store::Database &db, const ReportContext &context, const QString &skuId);

/// Evidence of one person's last activity: the raw signInActivity values and when they were
/// fetched (METRICS.md: every figure can show its source, fetch time and raw values).
struct ActivityEvidence {
    bool available = false;  ///< users.sign_in_activity_available
    QDateTime lastSignIn;
    QDateTime lastNonInteractiveSignIn;
    QDateTime lastSuccessfulSignIn;
    QDateTime lastActive;  ///< the latest present of the three
    QDateTime fetchedAt;
};
/// Nothing when the person is unknown or restricted.
[[nodiscard]] core::Result<std::optional<ActivityEvidence>> activityEvidence(
    const store::Database &db, const QString &userId);

/// The SQL expression of a person's last activity over `users` aliased `u`: the latest present
/// of the three signInActivity datetimes, NULL when none is.
[[nodiscard]] QString lastActiveSql();

}  // namespace stocktake::insights

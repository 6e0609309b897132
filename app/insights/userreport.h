// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"
#include "reportcontext.h"

#include <QList>
#include <QStringList>

namespace stocktake::insights {

/// One row of `report users` (METRICS.md): one person.
struct UserRow {
    QString userId;
    QString upn;
    QString displayName;
    QString department;
    QString jobTitle;
    std::optional<bool> accountEnabled;  ///< empty when Graph did not say
    QString userType;                    ///< Member, Guest
    QStringList licenses;                ///< SKU part numbers, sorted (the SKU id when not subscribed)
    QDateTime lastActive;                ///< invalid when never signed in or activity is unknown
    qint64 apps30d = 0;                  ///< distinct apps with a successful sign-in in the last 30 days
};

struct UserReport {
    ReportContext context;
    QList<UserRow> rows;  ///< by UPN (case-insensitive)
};

[[nodiscard]] core::Result<UserReport> userReport(const store::Database &db, const ReportOptions &options);

/// One license a person holds.
struct UserLicenseRow {
    QString skuId;
    QString skuPartNumber;  ///< the SKU id when the SKU is not (or no longer) subscribed
    QString productName;
    QString assignedByGroup;  ///< the group id when inherited, else empty
};
[[nodiscard]] core::Result<QList<UserLicenseRow>> userLicenses(
    const store::Database &db, const InsightsCatalog &catalog, const QString &userId);

/// One app a person used (successful sign-ins only).
struct UserAppRow {
    QString appId;
    QString name;  ///< the service principal's display name, else the latest sign-in's, else the id
    qint64 signIns30d = 0;
    QDateTime lastUsed;
};
[[nodiscard]] core::Result<QList<UserAppRow>> userApps(
    const store::Database &db, const ReportContext &context, const QString &userId);

}  // namespace stocktake::insights

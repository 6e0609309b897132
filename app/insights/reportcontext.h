// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace stocktake::store {
class Database;
}

namespace stocktake::insights {

/// What every report is computed against (METRICS.md: "as of", windows).
struct ReportOptions {
    /// The moment the figures describe; default: the end of the last successful sync of users
    /// (sync_state.last_success of `users`), never the wall clock.
    std::optional<QDateTime> asOf;
    /// The window of active / inactive: [as_of - inactiveDays days, as_of], inclusive.
    int inactiveDays = 30;
};

/// A report's resolved frame: the as-of moment, the window starts, and whether the tenant gives
/// sign-in activity at all. Every report and drill-down carries it, so a view can say why a
/// figure is empty.
struct ReportContext {
    QDateTime asOf;  ///< UTC
    int inactiveDays = 30;
    bool activityKnown = false;  ///< false: active/inactive/reclaimable/monthly_waste are empty
    QString activityReason;      ///< why activity is unknown (translated), empty when known

    /// as_of - inactiveDays days (the inactivity window's inclusive start).
    [[nodiscard]] QDateTime inactiveSince() const { return asOf.addDays(-inactiveDays); }
    /// as_of - 30 days (users_30d, sign_ins_30d, apps_30d).
    [[nodiscard]] QDateTime usageSince() const { return asOf.addDays(-30); }
};

/// ISO 8601 UTC with seconds and `Z`, the store's text form of a time ("2026-11-22T23:05:00Z").
[[nodiscard]] QString isoUtc(const QDateTime &time);
/// Parses the store's text times (and Graph's fractional-second ones); invalid when empty.
[[nodiscard]] QDateTime parseUtc(const QString &text);
/// An --as-of value: a date (`2026-11-01`, meaning the end of that UTC day, 23:59:59Z) or an
/// ISO 8601 date-time (with `Z` or an offset; without one it is UTC). Nothing when malformed.
[[nodiscard]] std::optional<QDateTime> parseAsOf(const QString &text);

/// Resolves the options against the database: the default as-of, the activity rule.
/// Fails (insights.no_sync, exit 1) when no as-of is given and users were never synced.
[[nodiscard]] core::Result<ReportContext> resolveContext(const store::Database &db, const ReportOptions &options);

}  // namespace stocktake::insights

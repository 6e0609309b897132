// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlQuery>

namespace stocktake::insights {

/// A failed report query as a typed error (exit 5: the local store refused). The detail names
/// the query, never a value.
[[nodiscard]] core::Error queryError(const char *what, const QSqlQuery &query);

/// The SQL fragment that leaves out restricted subjects (GDPR Art. 18): `NOT EXISTS (…)` over `column`.
[[nodiscard]] QString notRestricted(const QString &column);
/// The same for a usage_keys key of a person (usage_daily.person): `column NOT IN (…)`, the
/// restricted people's keys read once.
[[nodiscard]] QString notRestrictedPerson(const QString &column);

struct ReportContext;
/// Binds usage_daily's window as schema 10 stores it: `:sinceDay` and `:asOfDay` (days since
/// 1970-01-01) and `:since` (seconds since the epoch), from usageSince() and asOf.
void bindUsageWindow(QSqlQuery &query, const ReportContext &context);
/// The SQL for a usage_daily time column (seconds since the epoch) in the store's text form,
/// `yyyy-MM-ddTHH:mm:ssZ`, or NULL.
[[nodiscard]] QString usageTimeSql(const QString &seconds);

}  // namespace stocktake::insights

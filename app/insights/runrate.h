// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/money.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace stocktake::store {
class Database;
}

namespace stocktake::insights {

/// One invoice as the spend figures see it (duplicates already dropped).
struct InvoiceFact {
    QDate date;
    qint64 totalMinor = 0;
    QString currency;
};

enum class BillingCycle { Monthly, Quarterly, Yearly, Unknown };
[[nodiscard]] QString billingCycleName(BillingCycle cycle);

/// METRICS.md "report spend": the cycle from the median gap in days between consecutive
/// invoices (monthly 20–40, quarterly 75–105, yearly 330–400, else unknown; one invoice: unknown).
/// For an even count the median is the mean of the two middle gaps.
[[nodiscard]] BillingCycle cycleOf(QList<InvoiceFact> invoices);

/// A vendor's annual run-rate: the latest invoice total × 12, 4 or 1 for its cycle, in the
/// latest invoice's currency and over that currency's invoices only (no exchange rate is
/// invented). Nothing when there are no invoices or the cycle is unknown.
[[nodiscard]] std::optional<core::Money> annualRunRate(const QList<InvoiceFact> &invoices);

/// Invoices by catalog vendor id dated on or before `until`, with duplicates (same vendor and
/// invoice number) once.
[[nodiscard]] core::Result<QHash<QString, QList<InvoiceFact>>> invoicesByVendor(
    const store::Database &db, const QDate &until);

}  // namespace stocktake::insights

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrate.h"

#include "queryerror.h"
#include "store/database.h"

#include <QSqlQuery>

#include <algorithm>

namespace stocktake::insights {

QString billingCycleName(BillingCycle cycle)
{
    switch (cycle) {
    case BillingCycle::Monthly:
        return QStringLiteral("monthly");
    case BillingCycle::Quarterly:
        return QStringLiteral("quarterly");
    case BillingCycle::Yearly:
        return QStringLiteral("yearly");
    case BillingCycle::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

BillingCycle cycleOf(QList<InvoiceFact> invoices)
{
    if (invoices.size() < 2)
        return BillingCycle::Unknown;
    std::sort(
        invoices.begin(), invoices.end(), [](const InvoiceFact &a, const InvoiceFact &b) { return a.date < b.date; });
    QList<qint64> gaps;
    for (qsizetype i = 1; i < invoices.size(); ++i)
        gaps.append(invoices[i - 1].date.daysTo(invoices[i].date));
    std::sort(gaps.begin(), gaps.end());
    const qsizetype n = gaps.size();
    // Twice the median, to stay in integers.
    const qint64 median2 = n % 2 == 1 ? 2 * gaps[n / 2] : gaps[n / 2 - 1] + gaps[n / 2];
    if (median2 >= 40 && median2 <= 80)
        return BillingCycle::Monthly;
    if (median2 >= 150 && median2 <= 210)
        return BillingCycle::Quarterly;
    if (median2 >= 660 && median2 <= 800)
        return BillingCycle::Yearly;
    return BillingCycle::Unknown;
}

std::optional<core::Money> annualRunRate(const QList<InvoiceFact> &invoices)
{
    if (invoices.isEmpty())
        return std::nullopt;
    const auto latest = std::max_element(
        invoices.cbegin(), invoices.cend(), [](const InvoiceFact &a, const InvoiceFact &b) { return a.date < b.date; });
    QList<InvoiceFact> same;
    for (const InvoiceFact &i : invoices) {
        if (i.currency == latest->currency)
            same.append(i);
    }
    const auto currency = core::Currency::fromCode(latest->currency);
    if (!currency)
        return std::nullopt;
    int factor = 0;
    switch (cycleOf(same)) {
    case BillingCycle::Monthly:
        factor = 12;
        break;
    case BillingCycle::Quarterly:
        factor = 4;
        break;
    case BillingCycle::Yearly:
        factor = 1;
        break;
    case BillingCycle::Unknown:
        return std::nullopt;
    }
    return core::Money(latest->totalMinor, *currency).times(factor);
}

core::Result<QHash<QString, QList<InvoiceFact>>> invoicesByVendor(const store::Database &db, const QDate &until)
{
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    // An invoice without a number is its own invoice; numbered ones count once per vendor.
    query.prepare(QStringLiteral("SELECT vendor_id, min(invoice_date), min(total_minor), min(currency) FROM invoices "
                                 "WHERE vendor_id IS NOT NULL AND substr(invoice_date, 1, 10) <= :until "
                                 "GROUP BY vendor_id, coalesce(invoice_number, 'id:' || id) ORDER BY vendor_id, 2"));
    query.bindValue(QStringLiteral(":until"), until.toString(Qt::ISODate));
    if (!query.exec())
        return queryError("invoices", query);
    QHash<QString, QList<InvoiceFact>> byVendor;
    while (query.next()) {
        const QDate date = QDate::fromString(query.value(1).toString().left(10), Qt::ISODate);
        if (!date.isValid())
            continue;
        byVendor[query.value(0).toString()].append({date, query.value(2).toLongLong(), query.value(3).toString()});
    }
    return byVendor;
}

}  // namespace stocktake::insights

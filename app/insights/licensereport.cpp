// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "licensereport.h"

#include "queryerror.h"
#include "store/database.h"

#include <QSqlQuery>

namespace stocktake::insights {

QString lastActiveSql()
{
    // max() over text returns NULL if any argument is NULL, so absent dates become '' (which
    // sorts before every date) and an all-absent result becomes NULL again.
    return QStringLiteral("nullif(max(coalesce(u.last_sign_in, ''), coalesce(u.last_non_interactive_sign_in, ''), "
                          "coalesce(u.last_successful_sign_in, '')), '')");
}

core::Result<LicenseReport> licenseReport(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options)
{
    auto context = resolveContext(db, options);
    if (!context)
        return context.error();
    const auto prices = PriceBook::load(db, catalog);
    if (!prices)
        return prices.error();
    LicenseReport report;
    report.context = *context;

    // One pass over the holders: each (SKU, person) once (user_licenses' primary key).
    // disabled: accountEnabled is false; NULL (not known) counts as enabled.
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "WITH holders AS ("
        "  SELECT ul.sku_id, coalesce(u.account_enabled, 1) = 0 AS disabled, %1 AS last_active"
        "  FROM user_licenses ul JOIN users u ON u.id = ul.user_id"
        "  WHERE %2), "
        "per_sku AS ("
        "  SELECT sku_id, count(*) AS holders,"
        "         sum(last_active >= :since) AS active,"
        "         sum(NOT disabled AND (last_active IS NULL OR last_active < :since)) AS inactive,"
        "         sum(disabled) AS disabled"
        "  FROM holders GROUP BY sku_id) "
        "SELECT s.sku_id, s.sku_part_number, coalesce(s.capability_status, ''), s.prepaid_enabled,"
        "       s.consumed_units, coalesce(p.holders, 0), coalesce(p.active, 0), coalesce(p.inactive, 0),"
        "       coalesce(p.disabled, 0), s.fetched_at "
        "FROM subscribed_skus s LEFT JOIN per_sku p ON p.sku_id = s.sku_id "
        "ORDER BY s.sku_part_number, s.sku_id")
                      .arg(lastActiveSql(), notRestricted(QStringLiteral("u.id"))));
    query.bindValue(QStringLiteral(":since"), isoUtc(context->inactiveSince()));
    if (!query.exec())
        return queryError("license report", query);
    while (query.next()) {
        LicenseRow row;
        row.skuId = query.value(0).toString();
        row.skuPartNumber = query.value(1).toString();
        row.productName = catalog.productNames.value(row.skuPartNumber, row.skuPartNumber);
        row.status = query.value(2).toString();
        row.purchased = query.value(3).toLongLong();
        row.assigned = query.value(4).toLongLong();
        row.assignedUsers = query.value(5).toLongLong();
        row.unassigned = std::max<qint64>(row.purchased - row.assigned, 0);
        row.disabled = query.value(8).toLongLong();
        if (context->activityKnown) {
            row.active = query.value(6).toLongLong();
            row.inactive = query.value(7).toLongLong();
            // inactive holders are enabled ones, so no person is in both: the sum counts each once.
            row.reclaimable = *row.inactive + row.disabled;
        }
        row.fetchedAt = parseUtc(query.value(9).toString());
        row.unitPrice = prices->price(row.skuPartNumber);
        if (row.unitPrice && row.reclaimable)
            row.monthlyWaste = monthlyCost(row.unassigned + *row.reclaimable, *row.unitPrice);
        report.rows.append(row);
    }
    return report;
}

core::Result<QList<ReclaimRow>> skuReclaimList(
    const store::Database &db, const ReportContext &context, const QString &skuId)
{
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, upn, display_name, user_type, disabled, last_active FROM ("
        "  SELECT u.id, u.upn, coalesce(u.display_name, '') AS display_name, coalesce(u.user_type, '') AS user_type,"
        "         coalesce(u.account_enabled, 1) = 0 AS disabled, %1 AS last_active"
        "  FROM user_licenses ul JOIN users u ON u.id = ul.user_id"
        "  WHERE ul.sku_id = :sku AND %2) "
        "WHERE disabled OR (:known AND (last_active IS NULL OR last_active < :since)) "
        "ORDER BY last_active IS NOT NULL, last_active, upn")
                      .arg(lastActiveSql(), notRestricted(QStringLiteral("u.id"))));
    query.bindValue(QStringLiteral(":sku"), skuId.toLower());
    query.bindValue(QStringLiteral(":known"), context.activityKnown ? 1 : 0);
    query.bindValue(QStringLiteral(":since"), isoUtc(context.inactiveSince()));
    if (!query.exec())
        return queryError("reclaim list", query);
    QList<ReclaimRow> rows;
    while (query.next()) {
        ReclaimRow row;
        row.userId = query.value(0).toString();
        row.upn = query.value(1).toString();
        row.displayName = query.value(2).toString();
        row.userType = query.value(3).toString();
        row.reason = query.value(4).toInt() != 0 ? ReclaimRow::Reason::Disabled : ReclaimRow::Reason::Inactive;
        if (context.activityKnown)
            row.lastActive = parseUtc(query.value(5).toString());
        rows.append(row);
    }
    return rows;
}

core::Result<std::optional<ActivityEvidence>> activityEvidence(const store::Database &db, const QString &userId)
{
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT u.sign_in_activity_available, u.last_sign_in, u.last_non_interactive_sign_in, "
                                 "u.last_successful_sign_in, %1, u.fetched_at FROM users u WHERE u.id = :user AND %2")
                      .arg(lastActiveSql(), notRestricted(QStringLiteral("u.id"))));
    query.bindValue(QStringLiteral(":user"), userId);
    if (!query.exec())
        return queryError("activity evidence", query);
    if (!query.next())
        return std::optional<ActivityEvidence> {};
    return std::optional<ActivityEvidence> {ActivityEvidence {query.value(0).toInt() == 1,
        parseUtc(query.value(1).toString()), parseUtc(query.value(2).toString()), parseUtc(query.value(3).toString()),
        parseUtc(query.value(4).toString()), parseUtc(query.value(5).toString())}};
}

}  // namespace stocktake::insights

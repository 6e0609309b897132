// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "userreport.h"

#include "licensereport.h"
#include "queryerror.h"
#include "store/database.h"

#include <QSqlQuery>

namespace stocktake::insights {

core::Result<UserReport> userReport(const store::Database &db, const ReportOptions &options)
{
    auto context = resolveContext(db, options);
    if (!context)
        return context.error();
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT u.id, u.upn, coalesce(u.display_name, ''), coalesce(u.department, ''), coalesce(u.job_title, ''), "
        "       u.account_enabled, coalesce(u.user_type, ''), "
        "       u.licenses, "
        "       %1, "
        "       coalesce(a.apps, 0) "
        // The window's days in one range scan of usage_daily's primary key (day, person, app),
        // grouped by person (schema 8 keeps no index by person), then each person's key's id.
        "FROM users u LEFT JOIN (SELECT k.object_id AS user_id, p.apps FROM ("
        "          SELECT ud.person, count(DISTINCT ud.app) AS apps FROM usage_daily ud "
        "          WHERE ud.day >= :sinceDay AND ud.day <= :asOfDay AND ud.sign_ins > 0 "
        "          AND ud.last_sign_in >= :since GROUP BY ud.person) p "
        "          JOIN usage_keys k ON k.key = p.person) a ON a.user_id = u.id "
        "WHERE %2 ORDER BY u.upn COLLATE NOCASE, u.id")
                  .arg(lastActiveSql(), notRestricted(QStringLiteral("u.id"))));
    bindUsageWindow(q, *context);
    if (!q.exec())
        return queryError("user report", q);
    UserReport report;
    report.context = *context;
    while (q.next()) {
        UserRow row;
        row.userId = q.value(0).toString();
        row.upn = q.value(1).toString();
        row.displayName = q.value(2).toString();
        row.department = q.value(3).toString();
        row.jobTitle = q.value(4).toString();
        if (!q.value(5).isNull())
            row.accountEnabled = q.value(5).toInt() != 0;
        row.userType = q.value(6).toString();
        // users.licenses (schema 6): part numbers in order, kept by triggers.
        row.licenses = q.value(7).toString().split(u';', Qt::SkipEmptyParts);
        if (context->activityKnown)
            row.lastActive = parseUtc(q.value(8).toString());
        row.apps30d = q.value(9).toLongLong();
        report.rows.append(row);
    }
    return report;
}

core::Result<QList<UserLicenseRow>> userLicenses(
    const store::Database &db, const InsightsCatalog &catalog, const QString &userId)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT ul.sku_id, coalesce(s.sku_part_number, ul.sku_id), coalesce(ul.assigned_by_group, '') "
                       "FROM user_licenses ul LEFT JOIN subscribed_skus s ON s.sku_id = ul.sku_id "
                       "WHERE ul.user_id = :user AND %1 ORDER BY 2")
            .arg(notRestricted(QStringLiteral("ul.user_id"))));
    q.bindValue(QStringLiteral(":user"), userId);
    if (!q.exec())
        return queryError("user licenses", q);
    QList<UserLicenseRow> rows;
    while (q.next()) {
        const QString part = q.value(1).toString();
        rows.append({q.value(0).toString(), part, catalog.productNames.value(part, part), q.value(2).toString()});
    }
    return rows;
}

core::Result<QList<UserAppRow>> userApps(const store::Database &db, const ReportContext &context, const QString &userId)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT k.object_id, coalesce((SELECT coalesce(display_name, app_display_name) FROM service_principals sp "
        "                              WHERE sp.app_id = k.object_id LIMIT 1), "
        "                             (SELECT display_name FROM signin_app_names n WHERE n.app_id = k.object_id), "
        "                             k.object_id), "
        "       a.sign_ins, %2 AS last_used FROM ("
        "  SELECT ud.app AS app, "
        "         coalesce(sum(CASE WHEN ud.day >= :sinceDay AND ud.last_sign_in >= :since THEN ud.sign_ins END), 0) "
        "AS sign_ins,"
        "         max(ud.last_sign_in) AS last_sign_in "
        // Each stored day found by a skip-scan over the primary key's first column, then one seek
        // of (day, person) per day: schema 8 keeps no index by person.
        "  FROM usage_daily ud WHERE ud.day IN (WITH RECURSIVE d(day) AS ("
        "      SELECT min(day) FROM usage_daily UNION ALL "
        "      SELECT (SELECT min(day) FROM usage_daily WHERE day > d.day) FROM d WHERE d.day < :asOfDay) "
        "    SELECT day FROM d WHERE day IS NOT NULL) "
        "    AND ud.person = (SELECT key FROM usage_keys WHERE object_id = :user) "
        "    AND ud.sign_ins > 0 AND ud.day <= :asOfDay AND %1 "
        "  GROUP BY ud.app) a JOIN usage_keys k ON k.key = a.app ORDER BY a.last_sign_in DESC, k.object_id")
                  .arg(notRestrictedPerson(QStringLiteral("ud.person")),
                      usageTimeSql(QStringLiteral("a.last_sign_in"))));
    bindUsageWindow(q, context);
    q.bindValue(QStringLiteral(":user"), userId);
    if (!q.exec())
        return queryError("user apps", q);
    QList<UserAppRow> rows;
    while (q.next())
        rows.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), parseUtc(q.value(3).toString())});
    return rows;
}

}  // namespace stocktake::insights

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttable.h"

namespace stocktake::insights {

namespace {

Cell text(const QString &s)
{
    return s.isEmpty() ? Cell {} : Cell {s};
}

Cell count(const std::optional<qint64> &n)
{
    return n ? Cell {*n} : Cell {};
}

Cell time(const QDateTime &t)
{
    return t.isValid() ? Cell {t.toUTC()} : Cell {};
}

Cell money(const std::optional<core::Money> &m)
{
    return m ? Cell {Decimal {m->toDecimalString()}} : Cell {};
}

QStringList split(const char *columns)
{
    return QString::fromLatin1(columns).split(u',');
}

}  // namespace

ReportTable toTable(const LicenseReport &report)
{
    ReportTable table {QStringLiteral("licenses"),
        split("sku_id,sku_part_number,product_name,status,purchased,assigned,assigned_users,unassigned,active,"
              "inactive,disabled,reclaimable,unit_price,currency,period,monthly_waste"),
        {}, report.context.asOf, report.context.activityReason};
    for (const LicenseRow &r : report.rows) {
        table.rows.append({text(r.skuId), text(r.skuPartNumber), text(r.productName), text(r.status), r.purchased,
            r.assigned, r.assignedUsers, r.unassigned, count(r.active), count(r.inactive), r.disabled,
            count(r.reclaimable), r.unitPrice ? money(r.unitPrice->amount) : Cell {},
            r.unitPrice ? text(r.unitPrice->amount.currency().code()) : Cell {},
            r.unitPrice ? text(r.unitPrice->periodName()) : Cell {}, money(r.monthlyWaste)});
    }
    return table;
}

ReportTable toTable(const AppReport &report)
{
    ReportTable table {QStringLiteral("apps"),
        split("app_key,name,vendor,category,sources,first_party,users_30d,sign_ins_30d,last_used,grant_users,"
              "risky_scopes,annual_spend,currency"),
        {}, report.context.asOf, {}};
    for (const AppRow &r : report.rows) {
        table.rows.append({text(r.appKey), text(r.name), text(r.vendor), text(r.category), text(r.sources.join(u';')),
            r.firstParty, r.users30d, r.signIns30d, time(r.lastUsed),
            r.grantAll ? Cell {QStringLiteral("all")} : Cell {r.grantUsers}, text(r.riskyScopes.join(u';')),
            money(r.annualSpend), r.annualSpend ? text(r.annualSpend->currency().code()) : Cell {}});
    }
    return table;
}

ReportTable toTable(const UserReport &report)
{
    ReportTable table {QStringLiteral("users"),
        split("user_id,upn,display_name,department,job_title,account_enabled,user_type,licenses,last_active,apps_30d"),
        {}, report.context.asOf, report.context.activityReason};
    for (const UserRow &r : report.rows) {
        table.rows.append({text(r.userId), text(r.upn), text(r.displayName), text(r.department), text(r.jobTitle),
            r.accountEnabled ? Cell {*r.accountEnabled} : Cell {}, text(r.userType), text(r.licenses.join(u';')),
            time(r.lastActive), r.apps30d});
    }
    return table;
}

}  // namespace stocktake::insights

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appreport.h"

#include "queryerror.h"
#include "runrate.h"
#include "store/database.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace stocktake::insights {

namespace {

const QStringList kSourceOrder {QStringLiteral("enterprise_app"), QStringLiteral("sso"), QStringLiteral("oauth_grant"),
    QStringLiteral("billing"), QStringLiteral("manual")};

/// What one key (an app id, a manual key) contributes before rows are merged by vendor.
struct Part {
    QString key;
    QString spName;
    QString manualName;
    QString manualVendor;
    QString manualCategory;
    QSet<QString> sources;
    bool firstParty = false;
    qint64 users30d = 0;
    qint64 signIns30d = 0;
    QString lastUsed;
    qint64 grantUsers = 0;
    bool grantAll = false;
    QSet<QString> scopes;
};

/// `:id0, :id1, …` for an IN list (named, as the window's bindings are).
QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral(":id%1").arg(i));
    return marks.join(QStringLiteral(", "));
}

void bindIds(QSqlQuery &query, const QStringList &ids)
{
    for (qsizetype i = 0; i < ids.size(); ++i)
        query.bindValue(QStringLiteral(":id%1").arg(i), ids[i].toLower());
}

QStringList lowered(const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids)
        out.append(id.toLower());
    return out;
}

/// The window condition of a usage_daily row: a successful sign-in whose day lies in
/// [date(since), date(as_of)] and whose latest success that day is at or after `since`.
QString inWindowSql()
{
    return QStringLiteral("(ud.sign_ins > 0 AND ud.day >= :sinceDay AND ud.last_sign_in >= :since)");
}

core::Status readServicePrincipals(const store::Database &db, QMap<QString, Part> &parts)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT lower(app_id), coalesce(max(display_name), max(app_display_name), ''), "
                               "max(coalesce(app_owner_organization_id, '') = '%1') "
                               "FROM service_principals GROUP BY lower(app_id)")
                    .arg(kMicrosoftTenant)))
        return queryError("apps: service principals", q);
    while (q.next()) {
        Part &p = parts[q.value(0).toString()];
        p.key = q.value(0).toString();
        p.spName = q.value(1).toString();
        p.firstParty = q.value(2).toInt() != 0;
        p.sources.insert(QStringLiteral("enterprise_app"));
    }
    return {};
}

core::Status readUsage(const store::Database &db, const ReportContext &context, QMap<QString, Part> &parts)
{
    // One index-only scan of usage_daily_app (schemas 3 and 10): every app ever signed in to up
    // to as_of's day (source sso), its window figures and its latest success, then each app's
    // id (stored lower-case) for its key.
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT k.object_id, a.users, a.sign_ins, %3 FROM ("
                             "SELECT ud.app AS app, count(DISTINCT CASE WHEN %1 THEN ud.person END) AS users, "
                             "coalesce(sum(CASE WHEN %1 THEN ud.sign_ins END), 0) AS sign_ins, "
                             "max(ud.last_sign_in) AS last_sign_in "
                             "FROM usage_daily ud WHERE ud.day <= :asOfDay AND %2 GROUP BY ud.app) a "
                             "JOIN usage_keys k ON k.key = a.app")
                  .arg(inWindowSql(), notRestrictedPerson(QStringLiteral("ud.person")),
                      usageTimeSql(QStringLiteral("a.last_sign_in"))));
    bindUsageWindow(q, context);
    if (!q.exec())
        return queryError("apps: usage", q);
    while (q.next()) {
        Part &p = parts[q.value(0).toString()];
        p.key = q.value(0).toString();
        p.users30d = q.value(1).toLongLong();
        p.signIns30d = q.value(2).toLongLong();
        p.lastUsed = q.value(3).toString();
        p.sources.insert(QStringLiteral("sso"));
    }
    return {};
}

QString grantsFromSql()
{
    return QStringLiteral("FROM oauth2_grants g JOIN service_principals sp ON sp.id = g.client_id "
                          "WHERE (g.principal_id IS NULL OR %1)")
        .arg(notRestricted(QStringLiteral("g.principal_id")));
}

core::Status readGrants(const store::Database &db, QMap<QString, Part> &parts)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT lower(sp.app_id), "
                               "count(DISTINCT CASE WHEN g.consent_type = 'Principal' THEN g.principal_id END), "
                               "max(g.consent_type = 'AllPrincipals'), group_concat(DISTINCT g.scope) %1 "
                               "GROUP BY lower(sp.app_id)")
                    .arg(grantsFromSql())))
        return queryError("apps: grants", q);
    while (q.next()) {
        Part &p = parts[q.value(0).toString()];
        p.key = q.value(0).toString();
        p.grantUsers = q.value(1).toLongLong();
        p.grantAll = q.value(2).toInt() != 0;
        const QStringList scopes
            = q.value(3).toString().split(QRegularExpression(QStringLiteral("[ ,]")), Qt::SkipEmptyParts);
        for (const QString &s : scopes)
            p.scopes.insert(s);
        p.sources.insert(QStringLiteral("oauth_grant"));
    }
    return {};
}

core::Status readManual(const store::Database &db, QMap<QString, Part> &parts)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT app_key, name, coalesce(vendor_id, ''), coalesce(category, '') FROM apps_manual")))
        return queryError("apps: manual", q);
    while (q.next()) {
        QString key = q.value(0).toString();
        if (!key.startsWith(QLatin1StringView("vendor:")))
            key = key.toLower();
        Part &p = parts[key];
        p.key = key;
        p.manualName = q.value(1).toString();
        p.manualVendor = q.value(2).toString();
        p.manualCategory = q.value(3).toString();
        p.sources.insert(QStringLiteral("manual"));
    }
    return {};
}

/// People across several app ids at once, for rows that merge more than one id.
core::Status readMergedFigures(
    const store::Database &db, const ReportContext &context, const QStringList &ids, AppRow &row)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT count(DISTINCT ud.person) FROM usage_daily ud "
                             "WHERE %1 AND ud.day <= :asOfDay AND %2 "
                             "AND ud.app IN (SELECT key FROM usage_keys WHERE object_id IN (%3))")
                  .arg(inWindowSql(), notRestrictedPerson(QStringLiteral("ud.person")), placeholders(ids.size())));
    bindUsageWindow(q, context);
    bindIds(q, ids);
    if (!q.exec() || !q.next())
        return queryError("apps: merged usage", q);
    row.users30d = q.value(0).toLongLong();
    QSqlQuery g(db.sql());
    g.setForwardOnly(true);
    g.prepare(QStringLiteral("SELECT count(DISTINCT CASE WHEN g.consent_type = 'Principal' THEN g.principal_id END) "
                             "%1 AND lower(sp.app_id) IN (%2)")
                  .arg(grantsFromSql(), placeholders(ids.size())));
    bindIds(g, ids);
    if (!g.exec() || !g.next())
        return queryError("apps: merged grants", g);
    row.grantUsers = g.value(0).toLongLong();
    return {};
}

}  // namespace

QStringList riskyScopesOf(const InsightsCatalog &catalog, const QStringList &scopes)
{
    QSet<QString> granted;
    for (const QString &s : scopes)
        granted.insert(s.toLower());
    QStringList risky;
    for (const QString &s : catalog.highPrivilegeScopes) {
        if (granted.contains(s.toLower()) && !risky.contains(s))
            risky.append(s);
    }
    std::sort(risky.begin(), risky.end());
    return risky;
}

core::Result<AppReport> appReport(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options)
{
    auto context = resolveContext(db, options);
    if (!context)
        return context.error();
    QMap<QString, Part> parts;
    for (auto step : {readServicePrincipals, readGrants, readManual}) {
        if (auto s = step(db, parts); !s)
            return s.error();
    }
    if (auto s = readUsage(db, *context, parts); !s)
        return s.error();

    // Vendor matches: the catalog's app ids, the stored matches, a manual app's vendor.
    QHash<QString, QSet<QString>> vendorsOf;
    for (const CatalogVendor &v : catalog.vendors) {
        for (const QString &id : v.appIds)
            vendorsOf[id.toLower()].insert(v.id);
    }
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT app_key, vendor_id FROM vendor_matches")))
        return queryError("apps: vendor matches", q);
    while (q.next())
        vendorsOf[q.value(0).toString().toLower()].insert(q.value(1).toString());
    q.prepare(QStringLiteral(
        "SELECT vendor_id FROM invoices WHERE vendor_id IS NOT NULL AND substr(invoice_date, 1, 10) <= :day "
        "UNION SELECT vendor_id FROM mail_messages WHERE vendor_id IS NOT NULL "
        "AND substr(received, 1, 10) <= :day"));
    q.bindValue(QStringLiteral(":day"), context->asOf.date().toString(Qt::ISODate));
    if (!q.exec())
        return queryError("apps: billing", q);
    QSet<QString> billed;
    while (q.next())
        billed.insert(q.value(0).toString());
    const auto invoices = invoicesByVendor(db, context->asOf.date());
    if (!invoices)
        return invoices.error();

    // Group the parts: a part that matches exactly one vendor joins that vendor's row.
    QMap<QString, QList<const Part *>> groups;  // vendor:<id> or the part's own key
    for (const Part &p : std::as_const(parts)) {
        QSet<QString> vendors = vendorsOf.value(p.key.toLower());
        if (!p.manualVendor.isEmpty())
            vendors.insert(p.manualVendor);
        if (p.key.startsWith(QLatin1StringView("vendor:")))
            vendors = {p.key.mid(7)};
        const QString group = vendors.size() == 1 ? QStringLiteral("vendor:") + *vendors.cbegin() : p.key;
        groups[group].append(&p);
    }
    for (const QString &vendorId : std::as_const(billed)) {
        if (!groups.contains(QStringLiteral("vendor:") + vendorId))
            groups.insert(QStringLiteral("vendor:") + vendorId, {});
    }

    AppReport report;
    report.context = *context;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        AppRow row;
        if (it.key().startsWith(QLatin1StringView("vendor:")))
            row.vendorId = it.key().mid(7);
        QSet<QString> sources;
        QSet<QString> scopes;
        QString lastUsed;
        QStringList keys;
        for (const Part *p : *it) {
            keys.append(p->key);
            sources.unite(p->sources);
            scopes.unite(p->scopes);
            row.firstParty = row.firstParty || p->firstParty;
            row.users30d += p->users30d;
            row.signIns30d += p->signIns30d;
            row.grantUsers += p->grantUsers;
            row.grantAll = row.grantAll || p->grantAll;
            lastUsed = std::max(lastUsed, p->lastUsed);
            if (row.category.isEmpty())
                row.category = p->manualCategory;
        }
        // The row's key: its smallest application id; `vendor:<id>` when it has none.
        QStringList appIds;
        for (const QString &k : std::as_const(keys)) {
            if (!k.startsWith(QLatin1StringView("vendor:")))
                appIds.append(k);
        }
        std::sort(appIds.begin(), appIds.end());
        row.appIds = appIds;
        row.appKey = appIds.isEmpty() ? it.key() : appIds.front();
        if (!row.vendorId.isEmpty() && billed.contains(row.vendorId))
            sources.insert(QStringLiteral("billing"));
        for (const QString &s : kSourceOrder) {
            if (sources.contains(s))
                row.sources.append(s);
        }
        if (appIds.size() > 1) {
            if (auto s = readMergedFigures(db, *context, appIds, row); !s)
                return s.error();
        }
        row.lastUsed = parseUtc(lastUsed);
        row.riskyScopes = riskyScopesOf(catalog, QStringList(scopes.cbegin(), scopes.cend()));
        if (const CatalogVendor *v = row.vendorId.isEmpty() ? nullptr : catalog.vendor(row.vendorId)) {
            row.vendor = v->name;
            if (!v->category.isEmpty())
                row.category = v->category;
        }
        if (!row.vendorId.isEmpty())
            row.annualSpend = annualRunRate(invoices->value(row.vendorId));
        // The name: the admin's, the service principal's, the vendor's (merged or billing-only
        // rows), the latest sign-in's, else the key.
        for (const Part *p : *it) {
            if (!p->manualName.isEmpty() && row.name.isEmpty())
                row.name = p->manualName;
        }
        if (row.name.isEmpty() && appIds.size() > 1 && !row.vendor.isEmpty())
            row.name = row.vendor;
        for (const Part *p : *it) {
            if (!p->spName.isEmpty() && row.name.isEmpty())
                row.name = p->spName;
        }
        if (row.name.isEmpty() && !row.vendor.isEmpty())
            row.name = row.vendor;
        if (row.name.isEmpty() && !appIds.isEmpty()) {
            QSqlQuery n(db.sql());
            n.setForwardOnly(true);
            n.prepare(QStringLiteral("SELECT display_name FROM signin_app_names WHERE app_id = ?"));
            n.addBindValue(appIds.front());
            if (n.exec() && n.next())
                row.name = n.value(0).toString();
        }
        if (row.name.isEmpty())
            row.name = row.appKey;
        report.rows.append(row);
    }
    std::sort(report.rows.begin(), report.rows.end(), [](const AppRow &a, const AppRow &b) {
        const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.appKey < b.appKey;
    });
    return report;
}

core::Result<QStringList> appIdsForKey(const store::Database &db, const InsightsCatalog &catalog, const QString &appKey)
{
    // Every key's vendors, as appReport sees them: catalog app ids, stored matches, manual apps.
    QHash<QString, QSet<QString>> vendorsOf;
    for (const CatalogVendor &v : catalog.vendors) {
        for (const QString &id : v.appIds)
            vendorsOf[id.toLower()].insert(v.id);
    }
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT lower(app_key), vendor_id FROM vendor_matches "
                               "UNION SELECT lower(app_key), vendor_id FROM apps_manual WHERE vendor_id IS NOT NULL")))
        return queryError("app ids: vendors", q);
    while (q.next())
        vendorsOf[q.value(0).toString()].insert(q.value(1).toString());
    const QString key = appKey.startsWith(QLatin1StringView("vendor:")) ? appKey : appKey.toLower();
    QString vendor;
    if (key.startsWith(QLatin1StringView("vendor:")))
        vendor = key.mid(7);
    else if (vendorsOf.value(key).size() == 1)
        vendor = *vendorsOf.value(key).cbegin();
    if (vendor.isEmpty())
        return QStringList {key};
    QStringList ids;
    for (auto it = vendorsOf.cbegin(); it != vendorsOf.cend(); ++it) {
        if (it->size() == 1 && *it->cbegin() == vendor && !it.key().startsWith(QLatin1StringView("vendor:")))
            ids.append(it.key());
    }
    if (!key.startsWith(QLatin1StringView("vendor:")) && !ids.contains(key))
        ids.append(key);
    std::sort(ids.begin(), ids.end());
    return ids;
}

core::Result<QList<AppUserRow>> appUsers(
    const store::Database &db, const ReportContext &context, const QStringList &appIds)
{
    QList<AppUserRow> rows;
    if (appIds.isEmpty())
        return rows;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT k.object_id, coalesce(u.upn, ''), coalesce(u.display_name, ''), %4, "
                             "coalesce(sum(CASE WHEN %1 THEN ud.sign_ins END), 0) "
                             "FROM usage_daily ud JOIN usage_keys k ON k.key = ud.person "
                             "LEFT JOIN users u ON u.id = k.object_id "
                             "WHERE ud.sign_ins > 0 AND ud.day <= :asOfDay AND %2 "
                             "AND ud.app IN (SELECT key FROM usage_keys WHERE object_id IN (%3)) "
                             "GROUP BY ud.person ORDER BY 4 DESC, 2")
                  .arg(inWindowSql(), notRestrictedPerson(QStringLiteral("ud.person")), placeholders(appIds.size()),
                      usageTimeSql(QStringLiteral("max(ud.last_sign_in)"))));
    bindUsageWindow(q, context);
    const QStringList ids = lowered(appIds);
    bindIds(q, ids);
    if (!q.exec())
        return queryError("app users", q);
    while (q.next()) {
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            parseUtc(q.value(3).toString()), q.value(4).toLongLong()});
    }
    return rows;
}

core::Result<QList<AppGrantRow>> appGrants(
    const store::Database &db, const InsightsCatalog &catalog, const QStringList &appIds)
{
    QList<AppGrantRow> rows;
    if (appIds.isEmpty())
        return rows;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT g.id, g.consent_type, coalesce(g.principal_id, ''), coalesce(u.upn, ''), "
                             "coalesce(r.display_name, g.resource_id), g.scope "
                             "FROM oauth2_grants g JOIN service_principals sp ON sp.id = g.client_id "
                             "LEFT JOIN users u ON u.id = g.principal_id "
                             "LEFT JOIN service_principals r ON r.id = g.resource_id "
                             "WHERE (g.principal_id IS NULL OR %1) AND lower(sp.app_id) IN (%2) "
                             "ORDER BY g.consent_type, 4, 5, g.id")
                  .arg(notRestricted(QStringLiteral("g.principal_id")), placeholders(appIds.size())));
    const QStringList ids = lowered(appIds);
    bindIds(q, ids);
    if (!q.exec())
        return queryError("app grants", q);
    while (q.next()) {
        AppGrantRow row {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString().split(u' ', Qt::SkipEmptyParts), {}};
        row.riskyScopes = riskyScopesOf(catalog, row.scopes);
        rows.append(row);
    }
    return rows;
}

}  // namespace stocktake::insights

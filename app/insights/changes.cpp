// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "changes.h"

#include "queryerror.h"
#include "store/database.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace stocktake::insights {

namespace {

struct CurrentGrant {
    QString id;
    QString appId;
    QString consentType;
    QString scope;
};

core::Result<QList<CurrentGrant>> currentGrants(const store::Database &db)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT g.id, lower(sp.app_id), g.consent_type, g.scope FROM oauth2_grants g "
                               "JOIN service_principals sp ON sp.id = g.client_id "
                               "WHERE g.principal_id IS NULL OR %1 ORDER BY g.id")
                    .arg(notRestricted(QStringLiteral("g.principal_id")))))
        return queryError("changes: grants", q);
    QList<CurrentGrant> grants;
    while (q.next())
        grants.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return grants;
}

struct CurrentSku {
    QString skuId;
    QString part;
    qint64 purchased = 0;
    qint64 assigned = 0;
};

core::Result<QList<CurrentSku>> currentSkus(const store::Database &db)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT sku_id, sku_part_number, prepaid_enabled, consumed_units FROM subscribed_skus "
                               "ORDER BY sku_part_number, sku_id")))
        return queryError("changes: skus", q);
    QList<CurrentSku> skus;
    while (q.next())
        skus.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return skus;
}

}  // namespace

core::Status recordSyncSnapshot(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options, int keep)
{
    const auto apps = appReport(db, catalog, options);
    if (!apps)
        return apps.error();
    const auto grants = currentGrants(db);
    if (!grants)
        return grants.error();
    const auto skus = currentSkus(db);
    if (!skus)
        return skus.error();
    const QString asOf = isoUtc(apps->context.asOf);
    if (auto s = db.beginWrite(); !s)
        return s;
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("DELETE FROM sync_snapshots WHERE as_of = ?"));
    q.addBindValue(asOf);
    bool ok = q.exec();
    q.prepare(QStringLiteral(
        "INSERT INTO sync_snapshots (as_of, kind, key, detail, purchased, assigned) VALUES (?, ?, ?, ?, ?, ?)"));
    const auto insert = [&](const char *kind, const QString &key, const QString &detail, const QVariant &purchased,
                            const QVariant &assigned) {
        q.addBindValue(asOf);
        q.addBindValue(QString::fromLatin1(kind));
        q.addBindValue(key);
        q.addBindValue(detail);
        q.addBindValue(purchased);
        q.addBindValue(assigned);
        ok = ok && q.exec();
    };
    const QVariant none(QMetaType::fromType<qlonglong>());
    for (const AppRow &row : apps->rows)
        insert("app", row.appKey, row.name, none, none);
    for (const CurrentGrant &g : *grants)
        insert("grant", g.id, g.scope, none, none);
    for (const CurrentSku &s : *skus)
        insert("sku", s.skuId, s.part, s.purchased, s.assigned);
    // Keep the newest `keep` snapshots.
    QSqlQuery prune(db.sql());
    prune.prepare(QStringLiteral("DELETE FROM sync_snapshots WHERE as_of NOT IN "
                                 "(SELECT DISTINCT as_of FROM sync_snapshots ORDER BY as_of DESC LIMIT ?)"));
    prune.addBindValue(std::max(keep, 2));
    ok = ok && prune.exec();
    if (!ok) {
        const core::Error error = queryError("changes: record", q.lastError().isValid() ? q : prune);
        db.rollback();
        return error;
    }
    return db.commit();
}

core::Result<SyncChanges> changesSincePreviousSync(
    const store::Database &db, const InsightsCatalog &catalog, const ReportOptions &options)
{
    const auto apps = appReport(db, catalog, options);
    if (!apps)
        return apps.error();
    SyncChanges changes;
    changes.context = apps->context;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT max(as_of) FROM sync_snapshots WHERE as_of < ?"));
    q.addBindValue(isoUtc(apps->context.asOf));
    if (!q.exec() || !q.next())
        return queryError("changes: previous", q);
    const QString previous = q.value(0).toString();
    if (previous.isEmpty())
        return changes;
    changes.previousAsOf = parseUtc(previous);

    QHash<QString, QSet<QString>> before;  // kind → keys
    QHash<QString, QString> grantScopes;
    QHash<QString, QPair<qint64, qint64>> skuCounts;
    q.prepare(QStringLiteral("SELECT kind, key, detail, purchased, assigned FROM sync_snapshots WHERE as_of = ?"));
    q.addBindValue(previous);
    if (!q.exec())
        return queryError("changes: snapshot", q);
    while (q.next()) {
        const QString kind = q.value(0).toString();
        before[kind].insert(q.value(1).toString());
        if (kind == QLatin1StringView("grant"))
            grantScopes.insert(q.value(1).toString(), q.value(2).toString());
        if (kind == QLatin1StringView("sku"))
            skuCounts.insert(q.value(1).toString(), {q.value(3).toLongLong(), q.value(4).toLongLong()});
    }

    QHash<QString, const AppRow *> rowOfAppId;
    for (const AppRow &row : apps->rows) {
        if (!before.value(QStringLiteral("app")).contains(row.appKey))
            changes.newApps.append(row);
        for (const QString &id : row.appIds)
            rowOfAppId.insert(id, &row);
    }
    const auto grants = currentGrants(db);
    if (!grants)
        return grants.error();
    for (const CurrentGrant &g : *grants) {
        const auto it = grantScopes.constFind(g.id);
        if (it != grantScopes.cend() && *it == g.scope)
            continue;
        const AppRow *row = rowOfAppId.value(g.appId);
        GrantChange change {g.id, row ? row->appKey : g.appId, row ? row->name : g.appId, g.consentType,
            g.scope.split(u' ', Qt::SkipEmptyParts), {}};
        change.riskyScopes = riskyScopesOf(catalog, change.scopes);
        changes.newGrants.append(change);
    }
    const auto skus = currentSkus(db);
    if (!skus)
        return skus.error();
    for (const CurrentSku &s : *skus) {
        const auto it = skuCounts.constFind(s.skuId);
        if (it != skuCounts.cend() && it->first == s.purchased && it->second == s.assigned)
            continue;
        SkuChange change {s.skuId, s.part, std::nullopt, s.purchased, std::nullopt, s.assigned};
        if (it != skuCounts.cend()) {
            change.purchasedBefore = it->first;
            change.assignedBefore = it->second;
        }
        changes.skuChanges.append(change);
    }
    return changes;
}

}  // namespace stocktake::insights

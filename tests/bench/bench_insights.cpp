// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-bench-insights [USERS]: builds a tenant of USERS people (default 100,000) in a real
// SQLCipher database — 20 SKUs with 1–2 licenses a person, 2,000 service principals, a grant
// per two people, 5 usage rows a person over 45 days across 300 apps, 1% restricted — then
// prints the time of each report (cold and warm) and of the drill-downs. Target: each report
// well under a second at 100,000 people.
#include "insights/appreport.h"
#include "insights/licensereport.h"
#include "insights/reporttable.h"
#include "insights/userreport.h"
#include "store/database.h"
#include "store/usagedays.h"
#include "usagekeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>
#include <random>

using namespace stocktake;

namespace {

QString guid(const char *prefix, int n)
{
    return QStringLiteral("%1-0000-4000-8000-%2").arg(QLatin1StringView(prefix)).arg(n, 12, 10, QChar(u'0'));
}

QString iso(const QDateTime &t)
{
    return insights::isoUtc(t);
}

bool run(QSqlQuery &q)
{
    if (!q.exec()) {
        std::fprintf(stderr, "insert failed\n");
        return false;
    }
    return true;
}

bool build(store::Database &db, int users)
{
    std::mt19937 rng(42);
    const QDateTime asOf(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());
    if (!db.beginWrite())
        return false;
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("INSERT INTO sync_state (entity, last_success, available) VALUES (?, ?, 1)"));
    for (const char *e : {"users", "activity"}) {
        q.addBindValue(QString::fromLatin1(e));
        q.addBindValue(iso(asOf));
        if (!run(q))
            return false;
    }
    q.prepare(QStringLiteral("INSERT INTO subscribed_skus (sku_id, sku_part_number, capability_status, consumed_units, "
                             "prepaid_enabled, fetched_at) VALUES (?, ?, 'Enabled', ?, ?, ?)"));
    for (int s = 0; s < 20; ++s) {
        q.addBindValue(guid("5c000000", s));
        q.addBindValue(QStringLiteral("SKU_%1").arg(s));
        q.addBindValue(users / 10);
        q.addBindValue(users / 8);
        q.addBindValue(iso(asOf));
        if (!run(q))
            return false;
    }
    QSqlQuery u(db.sql());
    u.prepare(QStringLiteral("INSERT INTO users (id, upn, display_name, department, account_enabled, user_type, "
                             "sign_in_activity_available, last_sign_in, last_non_interactive_sign_in, "
                             "last_successful_sign_in, fetched_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"));
    QSqlQuery l(db.sql());
    l.prepare(QStringLiteral("INSERT OR IGNORE INTO user_licenses (user_id, sku_id) VALUES (?, ?)"));
    QSqlQuery ud(db.sql());
    ud.prepare(QStringLiteral("INSERT OR IGNORE INTO usage_daily (day, person, app, sign_ins, failures, last_sign_in) "
                              "VALUES (?, ?, ?, ?, 0, ?)"));
    bench::UsageKeys keys(db.sql());
    QSqlQuery g(db.sql());
    g.prepare(
        QStringLiteral("INSERT INTO oauth2_grants (id, client_id, consent_type, principal_id, resource_id, scope, "
                       "fetched_at) VALUES (?, ?, 'Principal', ?, 'sp-0', 'User.Read Mail.ReadWrite', ?)"));
    const auto maybe = [&](int days) {
        return days < 0 ? QVariant(QMetaType::fromType<QString>()) : QVariant(iso(asOf.addSecs(-qint64(days) * 3600)));
    };
    for (int i = 0; i < users; ++i) {
        const QString id = guid("0a000000", i);
        const int hoursAgo = int(rng() % 2400);  // up to 100 days
        u.addBindValue(id);
        u.addBindValue(QStringLiteral("user%1@contoso.com").arg(i));
        u.addBindValue(QStringLiteral("User %1").arg(i));
        u.addBindValue(QStringLiteral("Dept %1").arg(i % 50));
        u.addBindValue(i % 25 == 0 ? 0 : 1);
        u.addBindValue(i % 20 == 0 ? QStringLiteral("Guest") : QStringLiteral("Member"));
        u.addBindValue(i % 17 == 0 ? maybe(-1) : maybe(hoursAgo));
        u.addBindValue(maybe(i % 3 == 0 ? hoursAgo / 2 : -1));
        u.addBindValue(i % 17 == 0 ? maybe(-1) : maybe(hoursAgo));
        u.addBindValue(iso(asOf));
        if (!run(u))
            return false;
        for (int k = 0; k < 1 + i % 2; ++k) {
            l.addBindValue(id);
            l.addBindValue(guid("5c000000", int(rng() % 20)));
            if (!run(l))
                return false;
        }
        for (int k = 0; k < 5; ++k) {
            const int daysAgo = int(rng() % 45);
            const QDateTime last = asOf.addDays(-daysAgo).addSecs(-qint64(rng() % 36000));
            ud.addBindValue(store::usageDay(last.date()));
            ud.addBindValue(keys.key(id));
            ud.addBindValue(keys.key(guid("a0000000", int(rng() % 300))));
            ud.addBindValue(1 + int(rng() % 10));
            ud.addBindValue(last.toSecsSinceEpoch());
            if (!run(ud))
                return false;
        }
        if (i % 2 == 0) {
            g.addBindValue(QStringLiteral("g%1").arg(i));
            g.addBindValue(QStringLiteral("sp-%1").arg(1 + int(rng() % 1999)));
            g.addBindValue(id);
            g.addBindValue(iso(asOf));
            if (!run(g))
                return false;
        }
    }
    q.prepare(
        QStringLiteral("INSERT INTO service_principals (id, app_id, display_name, fetched_at) VALUES (?, ?, ?, ?)"));
    for (int s = 0; s < 2000; ++s) {
        q.addBindValue(QStringLiteral("sp-%1").arg(s));
        q.addBindValue(guid("a0000000", s));
        q.addBindValue(QStringLiteral("App %1").arg(s));
        q.addBindValue(iso(asOf));
        if (!run(q))
            return false;
    }
    if (!db.exec(QStringLiteral("INSERT INTO subject_restriction (user_id, created) "
                                "SELECT id, '2026-11-01T00:00:00Z' FROM users WHERE rowid % 100 = 7")))
        return false;
    return db.commit().ok() && db.exec(QStringLiteral("ANALYZE")).ok();
}

template <typename F> void timed(const char *what, F &&f)
{
    QElapsedTimer timer;
    timer.start();
    const qsizetype rows = f();
    std::printf(
        "  %-28s %8.1f ms  (%lld rows)\n", what, double(timer.nsecsElapsed()) / 1e6, static_cast<long long>(rows));
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int users = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    const secrets::SecretBytes key = secrets::SecretBytes::random(32);
    {
        auto db = store::Database::open(path, key, {store::Database::Mode::Create});
        if (!db)
            return 1;
        QElapsedTimer timer;
        timer.start();
        if (!build(**db, users)) {
            std::fprintf(stderr, "building the tenant failed\n");
            return 1;
        }
        std::printf("built %d users in %.1f s\n", users, double(timer.elapsed()) / 1000);
    }
    auto opened = store::Database::open(path, key);
    if (!opened)
        return 1;
    const store::Database &db = **opened;
    const insights::InsightsCatalog catalog;
    for (const char *pass : {"cold (fresh connection)", "warm"}) {
        std::printf("%s:\n", pass);
        timed("report licenses", [&] { return insights::licenseReport(db, catalog, {})->rows.size(); });
        timed("report apps", [&] { return insights::appReport(db, catalog, {})->rows.size(); });
        timed("report users", [&] { return insights::userReport(db, {})->rows.size(); });
        timed("report users + table", [&] { return insights::toTable(*insights::userReport(db, {})).rows.size(); });
    }
    const auto context = insights::resolveContext(db, {});
    std::printf("drill-downs:\n");
    timed("skuReclaimList", [&] { return insights::skuReclaimList(db, *context, guid("5c000000", 3))->size(); });
    timed("appUsers", [&] { return insights::appUsers(db, *context, {guid("a0000000", 7)})->size(); });
    timed("appGrants", [&] { return insights::appGrants(db, catalog, {guid("a0000000", 7)})->size(); });
    timed("userLicenses", [&] { return insights::userLicenses(db, catalog, guid("0a000000", 12))->size(); });
    timed("userApps", [&] { return insights::userApps(db, *context, guid("0a000000", 12))->size(); });
    return 0;
}

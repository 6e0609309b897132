// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <cstdio>
#include <vector>

namespace stocktake::bench {

/// The usage_daily table of schema 1 (app/store/migrations/0001_initial.sql), for the plain
/// QSQLITE run, which cannot read Stocktake's embedded migrations.
inline const char *const kUsageDailyDdl[] = {
    "CREATE TABLE usage_daily (day TEXT NOT NULL, user_id TEXT NOT NULL, app_id TEXT NOT NULL, "
    "sign_ins INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0, last_sign_in TEXT, "
    "PRIMARY KEY (day, user_id, app_id)) STRICT, WITHOUT ROWID",
    "CREATE INDEX usage_daily_app ON usage_daily (app_id, day)",
    "CREATE INDEX usage_daily_user ON usage_daily (user_id, day)",
};

/// The settings Database::open gives every Stocktake connection, applied to the plain run too,
/// so the comparison is the driver and the encryption, not different durability.
inline const char *const kPragmas[] = {
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32768",
};

/// Inserts `rows` distinct usage rows with one prepared statement in one transaction and
/// returns the seconds it took (BEGIN to COMMIT), or -1 on failure.
inline double insertUsageRows(QSqlDatabase db, int rows)
{
    std::vector<QString> days;
    for (int d = 0; d < 365; ++d)
        days.push_back(QStringLiteral("2026-%1-%2")
                           .arg(d / 28 + 1, 2, 10, QLatin1Char('0'))
                           .arg(d % 28 + 1, 2, 10, QLatin1Char('0')));
    std::vector<QString> users;
    for (int u = 0; u < 5000; ++u)
        users.push_back(QStringLiteral("0000%1-aaaa-bbbb-cccc-dddddddddddd").arg(u, 4, 10, QLatin1Char('0')));
    std::vector<QString> apps;
    for (int a = 0; a < 64; ++a)
        apps.push_back(QStringLiteral("%1-1111-2222-3333-444444444444").arg(a, 8, 10, QLatin1Char('0')));

    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO usage_daily (day, user_id, app_id, sign_ins, failures) VALUES (?, ?, ?, ?, ?)"))) {
        std::fprintf(stderr, "prepare: %s\n", qPrintable(insert.lastError().text()));
        return -1;
    }
    QElapsedTimer timer;
    timer.start();
    if (!db.transaction())
        return -1;
    for (int i = 0; i < rows; ++i) {
        // A day at a time, as the sign-in backfill folds them: per day, each person's apps.
        const int perDay = rows / 365 + 1;
        const int day = i / perDay;
        const int user = (i % perDay) / 4;
        const int app = (i % perDay) % 4 + (user % 16) * 4;
        insert.bindValue(0, days[static_cast<std::size_t>(day)]);
        insert.bindValue(1, users[static_cast<std::size_t>(user)]);
        insert.bindValue(2, apps[static_cast<std::size_t>(app % 64)]);
        insert.bindValue(3, i % 17);
        insert.bindValue(4, i % 3);
        if (!insert.exec()) {
            std::fprintf(stderr, "insert %d: %s\n", i, qPrintable(insert.lastError().text()));
            return -1;
        }
    }
    if (!db.commit())
        return -1;
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

}  // namespace stocktake::bench

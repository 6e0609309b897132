// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-store-writer PATH SEED ROWS: opens a test database and writes ROWS usage rows in one
// transaction, printing "writing" once the transaction has started and "committed" at the end.
// tst_crash kills it with SIGKILL half-way and checks that the previous data is whole.
#include "store/database.h"
#include "storetesting.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4)
        return 2;
    auto db = stocktake::store::Database::open(
        args.at(1), stocktake::testing::fixedKey(static_cast<unsigned char>(args.at(2).toInt())));
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.error().detail));
        return 5;
    }
    const int rows = args.at(3).toInt();
    if (!(*db)->beginWrite().ok())
        return 5;
    QSqlQuery insert((*db)->sql());
    insert.prepare(QStringLiteral("INSERT INTO usage_daily (day, person, app, sign_ins) VALUES (?, ?, ?, ?)"));
    for (int i = 0; i < rows; ++i) {
        insert.addBindValue(20400 + i % 28);  // days since 1970: November 2025
        insert.addBindValue(i);
        insert.addBindValue(i % 50);
        insert.addBindValue(i);
        if (!insert.exec()) {
            std::fprintf(stderr, "insert: %s\n", qPrintable(insert.lastError().text()));
            return 5;
        }
        if (i == 1000) {
            std::printf("writing\n");
            std::fflush(stdout);
        }
    }
    if (!(*db)->commit().ok())
        return 5;
    std::printf("committed\n");
    return 0;
}

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-bench-qsqlite FILE ROWS: the same insert through Qt's own QSQLITE driver and the
// system's plain SQLite. A separate process on purpose: a process that links SQLCipher would
// bind the plugin's sqlite3_* calls to SQLCipher's copies. Prints "seconds=<s>".
#include "usageinsert.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3)
        return 2;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(args.at(1));
        if (!db.open()) {
            std::fprintf(stderr, "open: %s\n", qPrintable(db.lastError().text()));
            return 1;
        }
        QSqlQuery q(db);
        for (const char *pragma : stocktake::bench::kPragmas)
            q.exec(QString::fromLatin1(pragma));
        for (const char *ddl : stocktake::bench::kUsageDailyDdl) {
            if (!q.exec(QString::fromLatin1(ddl)))
                return 1;
        }
        q.finish();
        q.exec(QStringLiteral("SELECT sqlite_version()"));
        q.next();
        const QString version = q.value(0).toString();
        q.finish();
        const double seconds = stocktake::bench::insertUsageRows(db, args.at(2).toInt());
        std::printf("seconds=%.6f sqlite=%s\n", seconds, qPrintable(version));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return 0;
}

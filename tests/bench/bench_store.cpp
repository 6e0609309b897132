// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-bench-store [ROWS]: inserts ROWS (default 1,000,000) usage rows with a prepared
// statement in one transaction through Stocktake's SQLCipher driver, with and without the
// hardened memory mode, and through Qt's QSQLITE on plain SQLite (stocktake-bench-qsqlite), all
// on this machine in this run, and prints rows/s and the ratio (target: >= 0.8x).
//
// stocktake-bench-store --migration 7 [SIGNINS]: a profile at schema 6 holding SIGNINS raw
// sign-ins (default 1,800,000: 30 days of a 100,000-person tenant) opened by this build; prints
// how long the upgrade to the latest schema takes (it runs when the profile opens).
#include "store/database.h"
#include "store/migrations.h"
#include "store/statement.h"
#include "usageinsert.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>

namespace {

double runStocktake(const QString &path, int rows, bool hardened)
{
    stocktake::store::Database::Options options;
    options.mode = stocktake::store::Database::Mode::Create;
    options.hardenedMemory = hardened;
    auto db = stocktake::store::Database::open(path, stocktake::secrets::SecretBytes::random(32), options);
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.error().detail));
        return -1;
    }
    // The plain run's table (schema 1's usage_daily, text keys) in place of schema 10's, so that
    // the two runs differ in the driver and the encryption only.
    if (!(*db)->exec(QStringLiteral("DROP TABLE usage_daily")))
        return -1;
    for (const char *ddl : stocktake::bench::kUsageDailyDdl) {
        if (!(*db)->exec(QString::fromLatin1(ddl)))
            return -1;
    }
    return stocktake::bench::insertUsageRows((*db)->sql(), rows);
}

double runChild(const QString &program, const QStringList &arguments, QString *note = nullptr)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program, arguments);
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        return -1;
    const QString out = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
    if (note)
        *note = out.section(u' ', 1);
    return out.section(u' ', 0, 0).section(u'=', 1).toDouble();
}

/// A schema-6 profile with `signIns` raw sign-ins over 30 days, then the timed open that
/// migrates it. Returns the seconds, or -1.
double timeMigrationFrom6(const QString &path, int signIns)
{
    using stocktake::store::Database;
    const auto key = stocktake::secrets::SecretBytes::random(32);
    {
        Database::Options options;
        options.mode = Database::Mode::Create;
        options.migrate = false;
        auto db = Database::open(path, key, options);
        if (!db)
            return -1;
        Database &d = **db;
        if (!d.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                   "sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"))
                 .ok())
            return -1;
        for (const auto &migration : stocktake::store::Migrations::all()) {
            if (migration.version > 6)
                break;
            if (!d.exec(QString::fromUtf8(migration.sql)).ok()
                || !d.exec(QStringLiteral("INSERT INTO schema_version VALUES (%1, '%2', '%3', 'then')")
                               .arg(migration.version)
                               .arg(migration.name, migration.sha256()))
                        .ok())
                return -1;
        }
        if (!d.beginWrite().ok())
            return -1;
        stocktake::store::Statement insert(d,
            QStringLiteral("INSERT INTO signins_raw (id, created, user_id, app_id, app_display_name, "
                           "status_error_code, is_interactive, client_app_used, city, country, device_os, browser, "
                           "fetched_at) VALUES (?, ?, ?, ?, ?, 0, 1, 'Browser', 'Aarhus', 'DK', 'Windows 10', "
                           "'Edge', '2026-11-28T00:00:00Z')"));
        const QDateTime start(QDate(2026, 10, 30), QTime(0, 0), QTimeZone::utc());
        for (int i = 0; i < signIns; ++i) {
            // Ids are GUID-like and random in order, as Graph's are.
            const quint64 h = quint64(i) * 0x9E3779B97F4A7C15ull;
            insert.bind(0,
                QStringLiteral("%1-0000-4000-8000-%2")
                    .arg(qulonglong(h >> 32), 8, 16, QChar(u'0'))
                    .arg(i, 12, 10, QChar(u'0')));
            insert.bind(1,
                start.addSecs(qint64(i) * 30 * 86400 / std::max(1, signIns))
                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
            insert.bind(2, QStringLiteral("user-%1").arg(qulonglong(h % 100000)));
            insert.bind(3, QStringLiteral("app-%1").arg(qulonglong(h % 80)));
            insert.bind(4, QStringLiteral("App %1").arg(qulonglong(h % 80)));
            if (!insert.exec())
                return -1;
        }
        if (!d.commit().ok() || !d.checkpoint().ok())
            return -1;
    }
    QElapsedTimer timer;
    timer.start();
    auto db = Database::open(path, key);
    if (!db || (*db)->schemaVersion().value() != stocktake::store::Migrations::latestVersion())
        return -1;
    return double(timer.elapsed()) / 1000.0;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTemporaryDir dir;
    // Internal modes: one measurement per process (cipher_memory_security cannot be turned off
    // again in a process, and each run should start from a clean heap).
    if (args.size() == 4 && args.at(1) == QLatin1StringView("--child")) {
        const bool hardened = args.at(2) == QLatin1StringView("hardened");
        const double seconds = runStocktake(dir.filePath(QStringLiteral("bench.db")), args.at(3).toInt(), hardened);
        std::printf("seconds=%.6f\n", seconds);
        return seconds < 0 ? 1 : 0;
    }
    if (args.size() >= 3 && args.at(1) == QLatin1StringView("--migration") && args.at(2) == QLatin1StringView("7")) {
        const int signIns = args.size() > 3 ? args.at(3).toInt() : 1800000;
        const double seconds = timeMigrationFrom6(dir.filePath(QStringLiteral("schema6.db")), signIns);
        if (seconds < 0) {
            std::fprintf(stderr, "the migration run failed\n");
            return 1;
        }
        std::printf("schema 6 -> %d with %d raw sign-ins: %.2f s to open\n",
            stocktake::store::Migrations::latestVersion(), signIns, seconds);
        return 0;
    }
    const int rows = args.size() > 1 ? args.at(1).toInt() : 1000000;
    const QString self = QCoreApplication::applicationFilePath();
    QString sqliteVersion;
    const double plain = runChild(QStringLiteral(STOCKTAKE_BENCH_QSQLITE),
        {dir.filePath(QStringLiteral("plain.db")), QString::number(rows)}, &sqliteVersion);
    const double driver = runChild(self, {QStringLiteral("--child"), QStringLiteral("default"), QString::number(rows)});
    const double hardened
        = runChild(self, {QStringLiteral("--child"), QStringLiteral("hardened"), QString::number(rows)});
    if (plain <= 0 || driver <= 0 || hardened <= 0) {
        std::fprintf(stderr, "a run failed\n");
        return 1;
    }
    const auto rate = [rows](double seconds) {
        return rows / seconds;
    };
    std::printf("%d usage rows, one prepared statement, one transaction\n", rows);
    std::printf("QSQLITE (plain SQLite %s):       %10.0f rows/s  (%.2f s)\n",
        qPrintable(sqliteVersion.section(u'=', 1)), rate(plain), plain);
    std::printf("SqlCipherDriver (SQLCipher):        %10.0f rows/s  (%.2f s)  ratio %.2fx\n", rate(driver), driver,
        plain / driver);
    std::printf("SqlCipherDriver, hardened memory:   %10.0f rows/s  (%.2f s)  ratio %.2fx\n", rate(hardened), hardened,
        plain / hardened);
    std::printf("target: driver >= 0.80x of QSQLITE: %s\n", plain / driver >= 0.8 ? "met" : "NOT met");
    return 0;
}

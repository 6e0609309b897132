// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-bench-store [ROWS]: inserts ROWS (default 1,000,000) usage rows with a prepared
// statement in one transaction through Stocktake's SQLCipher driver, with and without the
// hardened memory mode, and through Qt's QSQLITE on plain SQLite (stocktake-bench-qsqlite), all
// on this machine in this run, and prints rows/s and the ratio (target: >= 0.8x).
#include "store/database.h"
#include "usageinsert.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

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

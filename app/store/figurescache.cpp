// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "figurescache.h"

#include "database.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <sqlite3.h>

namespace stocktake::store {

namespace {

constexpr int kWriteWaitMs = 250;

core::Error cacheError(const QSqlQuery &query, const char *what)
{
    return core::Error {QStringLiteral("store.figures_cache"),
        QCoreApplication::translate("stocktake::store::FiguresCache",
            "The saved figures could not be read or written in the local database. Run `stocktake-cli db check`."),
        QStringLiteral("figures cache %1: %2").arg(QLatin1StringView(what), query.lastError().text()),
        core::ExitCode::Store};
}

}  // namespace

core::Result<std::optional<FiguresCache::Entry>> FiguresCache::read(const Database &db, const QString &name)
{
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT value, written FROM figures_cache WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return cacheError(query, "read");
    if (!query.next())
        return std::optional<Entry>();
    Entry entry;
    entry.value = query.value(0).toString().toUtf8();
    entry.written = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toTimeZone(QTimeZone::utc());
    return std::optional<Entry>(std::move(entry));
}

core::Status FiguresCache::write(
    const Database &db, const QString &name, const QByteArray &value, const QDateTime &written)
{
    // Wait for a sync's write lock at most kWriteWaitMs, then give the connection its own wait back.
    int previousWaitMs = 0;
    {
        QSqlQuery wait(db.sql());
        if (wait.exec(QStringLiteral("PRAGMA busy_timeout")) && wait.next())
            previousWaitMs = wait.value(0).toInt();
    }
    sqlite3_busy_timeout(db.handle(), kWriteWaitMs);
    const auto restore = qScopeGuard([&db, previousWaitMs] { sqlite3_busy_timeout(db.handle(), previousWaitMs); });
    QSqlQuery query(db.sql());
    query.prepare(
        QStringLiteral("INSERT INTO figures_cache (name, value, written) VALUES (?, ?, ?) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value, written = excluded.written"));
    query.addBindValue(name);
    query.addBindValue(QString::fromUtf8(value));
    query.addBindValue(written.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec()) {
        const int code = query.lastError().nativeErrorCode().toInt();
        if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
            return core::Error {QStringLiteral("store.busy"), QString(),
                QStringLiteral("figures cache: another writer holds the lock"), core::ExitCode::Store};
        }
        return cacheError(query, "write");
    }
    return {};
}

}  // namespace stocktake::store

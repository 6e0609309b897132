// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"

#include "core/guid.h"
#include "storeerror.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>

namespace stocktake::store {

QString Migrations::Migration::sha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex());
}

QList<Migrations::Migration> Migrations::all()
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{4})_[a-z0-9_]+\.sql$)"));
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/stocktake/store/migrations"));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        out.append(Migration {match.captured(1).toInt(), name, file.readAll()});
    }
    std::sort(out.begin(), out.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

int Migrations::latestVersion()
{
    const QList<Migration> migrations = all();
    return migrations.isEmpty() ? 0 : migrations.constLast().version;
}

core::Result<int> Migrations::currentVersion(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db,
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version') "
        "THEN 1 ELSE 0 END",
        -1, &stmt, nullptr);
    bool hasTable = false;
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        hasTable = sqlite3_column_int(stmt, 0) == 1;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_OK && rc != SQLITE_DONE)
        return StoreError::fromSqlite(rc, QString(), QString::fromUtf8(sqlite3_errmsg(db)));
    if (!hasTable)
        return 0;
    stmt = nullptr;
    int version = 0;
    rc = sqlite3_prepare_v2(db, "SELECT coalesce(max(version), 0) FROM schema_version", -1, &stmt, nullptr);
    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return StoreError::fromSqlite(rc, QString(), QString::fromUtf8(sqlite3_errmsg(db)));
    return version;
}

namespace {

/// stocktake_guid_bytes(text): the 16 bytes of a GUID in Graph's form (core::guidBytes), any
/// other value as it is. Schema 13 keeps raw sign-in ids so.
void guidBytesFunction(sqlite3_context *context, int /*argc*/, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_TEXT) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
        const auto size = std::size_t(sqlite3_value_bytes(argv[0]));
        if (const auto bytes = core::guidBytes(std::string_view(text, size))) {
            sqlite3_result_blob(context, bytes->data(), int(bytes->size()), SQLITE_TRANSIENT);
            return;
        }
    }
    sqlite3_result_value(context, argv[0]);
}

}  // namespace

core::Status Migrations::migrate(sqlite3 *db, const QString &path)
{
    // The functions the migrations' SQL calls, on this connection.
    const int registered = sqlite3_create_function_v2(db, "stocktake_guid_bytes", 1,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, &guidBytesFunction, nullptr, nullptr, nullptr);
    if (registered != SQLITE_OK)
        return StoreError::fromSqlite(registered, path, QString::fromUtf8(sqlite3_errmsg(db)));
    const auto current = currentVersion(db);
    if (!current)
        return current.error();
    const auto failed = [db, &path](int rc, const QString &what) {
        const QString detail = what + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return StoreError::fromSqlite(rc, path, detail);
    };
    for (const Migration &migration : all()) {
        if (migration.version <= *current)
            continue;
        int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return failed(rc, QStringLiteral("begin"));
        rc = sqlite3_exec(db,
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL"
            ") STRICT",
            nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return failed(rc, QStringLiteral("schema_version"));
        rc = sqlite3_exec(db, migration.sql.constData(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return failed(rc, migration.name);
        sqlite3_stmt *stmt = nullptr;
        rc = sqlite3_prepare_v2(db,
            "INSERT INTO schema_version (version, name, sha256, applied_at) "
            "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            -1, &stmt, nullptr);
        if (rc == SQLITE_OK) {
            const QByteArray name = migration.name.toUtf8();
            const QByteArray sha = migration.sha256().toLatin1();
            sqlite3_bind_int(stmt, 1, migration.version);
            sqlite3_bind_text(stmt, 2, name.constData(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
            sqlite3_bind_text(stmt, 3, sha.constData(), static_cast<int>(sha.size()), SQLITE_TRANSIENT);
            rc = sqlite3_step(stmt);
            sqlite3_finalize(stmt);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
        if (rc != SQLITE_OK)
            return failed(rc, QStringLiteral("record ") + migration.name);
        rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return failed(rc, QStringLiteral("commit ") + migration.name);
    }
    return {};
}

}  // namespace stocktake::store

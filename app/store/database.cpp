// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "migrations.h"
#include "sqlcipherdriver.h"
#include "statementtrace.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace stocktake::store {

Q_LOGGING_CATEGORY(lcStore, "stocktake.store")

namespace {

constexpr std::size_t kKeyBytes = 32;

QString sqliteMessage(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
}

/// Runs `sql` (no rows wanted); returns the SQLite result code.
int run(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

/// The first column of the first row of `sql` as text, or an empty string.
QString scalarText(sqlite3 *db, const char *sql, int *rc = nullptr)
{
    sqlite3_stmt *stmt = nullptr;
    QString out;
    int code = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (code == SQLITE_OK) {
        code = sqlite3_step(stmt);
        if (code == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
            out = QString::fromUtf8(text ? text : "");
            code = SQLITE_OK;
        } else if (code == SQLITE_DONE) {
            code = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    if (rc)
        *rc = code;
    return out;
}

/// Sends `PRAGMA <verb> = "x'<hex>'"` with the statement built in a wiped buffer: the key never
/// becomes a QString, and the literal is cleansed as soon as SQLite has it.
int sendKeyPragma(sqlite3 *db, const char *verb, const secrets::SecretBytes &key)
{
    const secrets::SecretBytes hex = key.toHex();
    const QByteArray head = QByteArray("PRAGMA ") + verb + " = \"x'";
    static constexpr char kTail[] = "'\"";
    secrets::SecretBytes sql(static_cast<std::size_t>(head.size()) + hex.size() + sizeof(kTail));
    auto *out = sql.data();
    std::memcpy(out, head.constData(), static_cast<std::size_t>(head.size()));
    std::memcpy(out + head.size(), hex.data(), hex.size());
    std::memcpy(out + head.size() + hex.size(), kTail, sizeof(kTail));  // with its NUL
    return run(db, reinterpret_cast<const char *>(sql.data()));
}

/// Whether a file that SQLCipher could not read looks like an encrypted database at all:
/// SQLCipher files are whole pages of random-looking bytes; a plaintext SQLite file or any
/// other file is "not a database", anything else is most likely a wrong key.
bool looksEncrypted(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const qint64 size = file.size();
    if (size < 512 || size % 512 != 0)
        return false;
    const QByteArray head = file.read(16);
    return head != QByteArray("SQLite format 3\0", 16);
}

bool createPrivateFile(const QString &path)
{
#if defined(Q_OS_UNIX)
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return false;
    ::fchmod(fd, 0600);  // whatever the umask said
    ::close(fd);
    return true;
#else
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return false;
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
#endif
}

/// The database, its WAL and shared-memory files: owner read/write only (SECURITY C8).
void tightenPermissions(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString file = path + suffix;
        if (QFileInfo::exists(file))
            QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    }
}

std::atomic<int> g_connections {0};

}  // namespace

int Database::onTrace(unsigned type, void *context, void *, void *sql)
{
    auto *self = static_cast<Database *>(context);
    if (type == SQLITE_TRACE_STMT && self && self->m_trace)
        self->m_trace->record(self->m_traceConnection, static_cast<const char *>(sql));
    return 0;
}

core::Result<std::unique_ptr<Database>> Database::open(
    const QString &path, const secrets::SecretBytes &key, const Options &options)
{
    if (key.size() != kKeyBytes)
        return StoreError::wrongKey(path, QStringLiteral("key is %1 bytes, not 32").arg(key.size()));
    const QFileInfo info(path);
    if (options.mode == Mode::Open && !info.exists())
        return StoreError::missing(path);
    if (options.mode == Mode::Create) {
        if (info.exists())
            return StoreError::exists(path);
        if (!QDir().mkpath(info.absolutePath()))
            return StoreError::io(path, QStringLiteral("mkpath"));
        if (!createPrivateFile(path))
            return StoreError::io(path, QStringLiteral("create 0600"));
    }
    // A file this call created goes again if the call fails.
    struct CreatedFile {
        QString path;
        bool keep = false;
        ~CreatedFile()
        {
            if (!path.isEmpty() && !keep) {
                for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                    QFile::remove(path + suffix);
            }
        }
    } created {options.mode == Mode::Create ? info.absoluteFilePath() : QString()};

    std::unique_ptr<Database> self(new Database);
    self->m_path = info.absoluteFilePath();
    self->m_trace = options.trace;
    if (options.trace)
        self->m_traceConnection = options.trace->newConnection();

    sqlite3 *db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_PRIVATECACHE
        | (options.serialized ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX);
#ifdef SQLITE_OPEN_NOFOLLOW
    flags |= SQLITE_OPEN_NOFOLLOW;
#endif
    // Once, before SQLite's first call: no process-wide count of its allocations
    // (sqlite3_memory_used and the heap limits, unused here), whose mutex every allocation and
    // free of every connection took.
    static const int memoryStatusOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    Q_UNUSED(memoryStatusOff);
    // SQLite takes UTF-8 file names everywhere, Windows included (not the local 8-bit code page).
    int rc = sqlite3_open_v2(self->m_path.toUtf8().constData(), &db, flags, nullptr);
    // Closes the handle on every early return; released once the driver owns it.
    struct Guard {
        sqlite3 *&db;
        ~Guard()
        {
            if (db)
                sqlite3_close_v2(db);
        }
    } guard {db};
    if (rc != SQLITE_OK)
        return StoreError::io(path, QStringLiteral("open: ") + sqliteMessage(db));
    sqlite3_extended_result_codes(db, 1);
    if (options.trace)
        sqlite3_trace_v2(db, SQLITE_TRACE_STMT, &Database::onTrace, self.get());

    // 1. The key, first of all (SECURITY C1, C2). It returns "ok" even when wrong (C3).
    rc = sendKeyPragma(db, "key", key);
    if (rc != SQLITE_OK)
        return StoreError::io(path, QStringLiteral("key: ") + sqliteMessage(db));
    // 2. Silence SQLCipher's own stderr logging at once: it ignores this before the key, and it
    //    would print "ERROR CORE …" lines on a wrong key (SECURITY B8).
    run(db, "PRAGMA cipher_log_level = NONE");
    if (options.hardenedMemory)
        run(db, "PRAGMA cipher_memory_security = ON");
    // 3. A SQLite without the codec would ignore the key and write plaintext.
    const QString version = scalarText(db, "PRAGMA cipher_version");
    if (version.isEmpty() || version.section(u'.', 0, 0).toInt() < 4)
        return StoreError::notSqlCipher(QStringLiteral("cipher_version '%1'").arg(version));
    sqlite3_busy_timeout(db, options.busyTimeoutMs);
    // 4. Prove the key: the first read of page 1 fails with SQLITE_NOTADB on a wrong key.
    scalarText(db, "SELECT count(*) FROM sqlite_schema", &rc);
    if (rc != SQLITE_OK) {
        const QString detail = QStringLiteral("key check: %1 (%2)").arg(sqliteMessage(db)).arg(rc);
        if ((rc & 0xff) == SQLITE_NOTADB)
            return looksEncrypted(path) ? StoreError::wrongKey(path, detail) : StoreError::notDatabase(path, detail);
        return StoreError::fromSqlite(rc, path, detail);
    }
    // 5. Refuse a newer schema before anything can write.
    //    A damaged schema table fails the open, except for `db check` (migrate off), which
    //    must go on to name the damaged page.
    const auto current = Migrations::currentVersion(db);
    if (!current && options.migrate)
        return StoreError::fromSqlite(SQLITE_CORRUPT, path, current.error().detail);
    const int latest = Migrations::latestVersion();
    if (current && *current > latest)
        return StoreError::schemaNewer(path, *current, latest);

    // 6. Only now the settings that may write.
    if (scalarText(db, "PRAGMA journal_mode = WAL").compare(QLatin1StringView("wal"), Qt::CaseInsensitive) != 0)
        return StoreError::io(path, QStringLiteral("journal_mode WAL refused: ") + sqliteMessage(db));
    const char *const settings[] = {
        "PRAGMA synchronous = FULL",  // a commit survives power loss, not only a crash
        "PRAGMA foreign_keys = ON",
        "PRAGMA secure_delete = ON",
        "PRAGMA temp_store = MEMORY",
        // 32 MiB of page cache (the default is 2 MiB): with encryption every cache miss also
        // costs a page decrypt and HMAC check, so a bigger cache pays twice.
        "PRAGMA cache_size = -32768",
    };
    for (const char *setting : settings) {
        rc = run(db, setting);
        if (rc != SQLITE_OK)
            return StoreError::fromSqlite(rc, path, QString::fromLatin1(setting) + u' ' + sqliteMessage(db));
    }
    tightenPermissions(self->m_path);
    if (options.migrate) {
        const core::Status migrated = Migrations::migrate(db, path);
        if (!migrated)
            return migrated.error();
        tightenPermissions(self->m_path);
    }

    created.keep = true;
    self->m_handle = db;
    sqlite3_rollback_hook(db, &Database::onRollback, self.get());
    self->m_connectionName = QStringLiteral("stocktake.store.%1").arg(g_connections.fetch_add(1));
    auto *driver = new SqlCipherDriver(db);
    db = nullptr;  // the driver owns it now
    QSqlDatabase::addDatabase(driver, self->m_connectionName);
    qCDebug(lcStore) << "opened connection" << self->m_connectionName << "cipher" << version;
    return self;
}

Database::~Database()
{
    if (m_handle) {
        sqlite3_trace_v2(m_handle, 0, nullptr, nullptr);
        sqlite3_rollback_hook(m_handle, nullptr, nullptr);
    }
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase Database::sql() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

core::Result<int> Database::schemaVersion() const
{
    return Migrations::currentVersion(m_handle);
}

core::Status Database::exec(const QString &sql) const
{
    const QByteArray text = sql.toUtf8();
    const int rc = run(m_handle, text.constData());
    if (rc != SQLITE_OK)
        return StoreError::fromSqlite(rc, m_path, sqliteMessage(m_handle));
    return {};
}

bool Database::inTransaction() const
{
    return m_handle != nullptr && sqlite3_get_autocommit(m_handle) == 0;
}

core::Status Database::beginWrite() const
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

core::Status Database::commit() const
{
    return exec(QStringLiteral("COMMIT"));
}

void Database::onRollback(void *context)
{
    ++static_cast<Database *>(context)->m_rollbacks;
}

void Database::rollback() const
{
    run(m_handle, "ROLLBACK");
}

core::Result<qint64> Database::rowCount(const QString &table) const
{
    QString quoted = table;
    quoted.replace(u'"', QStringLiteral("\"\""));
    const QByteArray sql = QStringLiteral("SELECT count(*) FROM \"%1\"").arg(quoted).toUtf8();
    int rc = SQLITE_OK;
    const QString value = scalarText(m_handle, sql.constData(), &rc);
    if (rc != SQLITE_OK)
        return StoreError::fromSqlite(rc, m_path, sqliteMessage(m_handle));
    return value.toLongLong();
}

QStringList Database::tables() const
{
    QStringList out;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_handle,
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt,
            nullptr)
        == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW)
            out.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
    }
    sqlite3_finalize(stmt);
    return out;
}

Database::CheckReport Database::check() const
{
    CheckReport report;
    const auto collect = [this](const char *sql, QStringList *problems, bool okRowMeansFine) {
        sqlite3_stmt *stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_handle, sql, -1, &stmt, nullptr);
        while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
            const QString line = QString::fromUtf8(text ? text : "");
            if (!(okRowMeansFine && line == QLatin1StringView("ok")))
                problems->append(line);
            rc = SQLITE_OK;
        }
        if (rc != SQLITE_DONE && rc != SQLITE_OK)
            problems->append(sqliteMessage(m_handle));
        sqlite3_finalize(stmt);
    };
    collect("PRAGMA cipher_integrity_check", &report.cipherProblems, false);
    collect("PRAGMA integrity_check", &report.sqliteProblems, true);
    return report;
}

core::Status Database::rekey(const secrets::SecretBytes &newKey) const
{
    if (newKey.size() != kKeyBytes)
        return StoreError::io(m_path, QStringLiteral("new key is not 32 bytes"));
    const int rc = sendKeyPragma(m_handle, "rekey", newKey);
    if (rc != SQLITE_OK)
        return StoreError::fromSqlite(rc, m_path, QStringLiteral("rekey: ") + sqliteMessage(m_handle));
    return checkpoint();
}

core::Status Database::checkpoint() const
{
    const int rc = run(m_handle, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (rc != SQLITE_OK)
        return StoreError::fromSqlite(rc, m_path, QStringLiteral("checkpoint: ") + sqliteMessage(m_handle));
    return {};
}

core::Status Database::backupTo(const QString &file, const secrets::SecretBytes &key) const
{
    if (key.size() != kKeyBytes)
        return StoreError::io(file, QStringLiteral("backup key is not 32 bytes"));
    const QString target = QFileInfo(file).absoluteFilePath();
    if (QFileInfo::exists(target))
        return StoreError::exists(target);
    if (!createPrivateFile(target))
        return StoreError::io(target, QStringLiteral("create 0600"));
    const auto fail = [this, &target](int rc, const QString &what) {
        const QString detail = what + QStringLiteral(": ") + sqliteMessage(m_handle);
        run(m_handle, "DETACH DATABASE stocktake_backup");
        QFile::remove(target);
        QFile::remove(target + QStringLiteral("-journal"));
        return core::Status(StoreError::fromSqlite(rc, target, detail));
    };
    // ATTACH … KEY built in a wiped buffer, as the key pragma is; the file name is bound.
    const secrets::SecretBytes hex = key.toHex();
    static constexpr char kHead[] = "ATTACH DATABASE ?1 AS stocktake_backup KEY \"x'";
    static constexpr char kTail[] = "'\"";
    secrets::SecretBytes sql(sizeof(kHead) - 1 + hex.size() + sizeof(kTail));
    std::memcpy(sql.data(), kHead, sizeof(kHead) - 1);
    std::memcpy(sql.data() + sizeof(kHead) - 1, hex.data(), hex.size());
    std::memcpy(sql.data() + sizeof(kHead) - 1 + hex.size(), kTail, sizeof(kTail));
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_handle, reinterpret_cast<const char *>(sql.data()), -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        const QByteArray name = target.toUtf8();
        sqlite3_bind_text(stmt, 1, name.constData(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
        rc = sqlite3_step(stmt);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK)
        return fail(rc, QStringLiteral("attach"));
    scalarText(m_handle, "SELECT sqlcipher_export('stocktake_backup')", &rc);
    if (rc != SQLITE_OK)
        return fail(rc, QStringLiteral("export"));
    rc = run(m_handle, "DETACH DATABASE stocktake_backup");
    if (rc != SQLITE_OK)
        return fail(rc, QStringLiteral("detach"));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

QString Database::cipherVersion() const
{
    return scalarText(m_handle, "PRAGMA cipher_version");
}

}  // namespace stocktake::store

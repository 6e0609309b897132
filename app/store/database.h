// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "secrets/secretbytes.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

struct sqlite3;

namespace stocktake::store {

class StatementTrace;

/// One keyed connection to a profile's SQLCipher database, usable through Qt SQL (sql()).
/// Opening sends `PRAGMA key = "x'…'"` (a raw 256-bit key, no KDF) as the very first statement,
/// silences SQLCipher's own logging, proves the library is SQLCipher 4 and that the key is right,
/// refuses a schema newer than this build, and only then sets WAL, foreign keys, secure delete,
/// in-memory temp storage and the busy timeout, and migrates. A failure before that point never
/// writes to the file. One Database per thread: the QSqlDatabase it registers belongs to the
/// thread that opened it.
class Database {
public:
    enum class Mode {
        Open,    ///< the file must exist
        Create,  ///< the file must not exist; it is created 0600
    };
    struct Options {
        Mode mode = Mode::Open;
        /// Apply pending migrations. Off for `db check`, which must read even a damaged file.
        bool migrate = true;
        /// `PRAGMA cipher_memory_security = ON`: SQLCipher wipes every allocation it frees.
        /// Process-wide and irreversible for the process; costs several times on writes.
        bool hardenedMemory = false;
        /// Records every statement of this connection (keys redacted), for tests.
        StatementTrace *trace = nullptr;
        int busyTimeoutMs = 10000;
        /// SQLite's serialized mode for this connection (SQLITE_OPEN_FULLMUTEX): the sync hands
        /// it to a second thread for its long statements (docs/sync.md), and a call that came
        /// from the other thread meanwhile would wait instead of breaking the file. Off: one
        /// thread only (SQLITE_OPEN_NOMUTEX).
        bool serialized = false;
    };

    /// The raw key is 32 bytes. Fails with a StoreError (exit 5) that names what went wrong.
    [[nodiscard]] static core::Result<std::unique_ptr<Database>> open(
        const QString &path, const secrets::SecretBytes &key, const Options &options);
    [[nodiscard]] static core::Result<std::unique_ptr<Database>> open(
        const QString &path, const secrets::SecretBytes &key)
    {
        return open(path, key, Options {});
    }
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// The Qt SQL connection over this database (QSqlQuery, QSqlQueryModel).
    [[nodiscard]] QSqlDatabase sql() const;
    [[nodiscard]] QString connectionName() const { return m_connectionName; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] sqlite3 *handle() const { return m_handle; }
    /// This connection's number in Options::trace, or -1.
    [[nodiscard]] int traceConnection() const { return m_traceConnection; }

    [[nodiscard]] core::Result<int> schemaVersion() const;
    /// Runs one or more statements (no results); errors map to StoreError.
    [[nodiscard]] core::Status exec(const QString &sql) const;
    /// BEGIN IMMEDIATE: a writer takes the write lock up front, so it never meets
    /// SQLITE_BUSY half-way through a snapshot.
    [[nodiscard]] core::Status beginWrite() const;
    [[nodiscard]] core::Status commit() const;
    void rollback() const;
    /// How many transactions this connection has rolled back, by ROLLBACK or by SQLite itself
    /// (an I/O error, a full disk): what a write cached since its BEGIN is no longer stored.
    [[nodiscard]] quint64 rollbacks() const { return m_rollbacks; }
    /// Whether a transaction is open on this connection (SQLite is not in autocommit mode).
    [[nodiscard]] bool inTransaction() const;
    /// Rows in `table` (a name from the schema, quoted here).
    [[nodiscard]] core::Result<qint64> rowCount(const QString &table) const;
    /// Names of the user tables, sorted.
    [[nodiscard]] QStringList tables() const;

    struct CheckReport {
        QStringList cipherProblems;  ///< PRAGMA cipher_integrity_check (page HMACs)
        QStringList sqliteProblems;  ///< PRAGMA integrity_check (b-trees, indexes)
        [[nodiscard]] bool ok() const { return cipherProblems.isEmpty() && sqliteProblems.isEmpty(); }
    };
    /// Both integrity checks; a damaged page is a problem in the report, not an error.
    [[nodiscard]] CheckReport check() const;

    /// Re-encrypts every page under `newKey` (PRAGMA rekey) and truncates the WAL. The caller
    /// stores the new key first (ProfileKeys::rekey does the crash-safe dance).
    [[nodiscard]] core::Status rekey(const secrets::SecretBytes &newKey) const;
    /// Writes an encrypted copy to `file` (must not exist; created 0600) under `key`
    /// with sqlcipher_export.
    [[nodiscard]] core::Status backupTo(const QString &file, const secrets::SecretBytes &key) const;
    /// Folds the WAL into the file and empties it.
    [[nodiscard]] core::Status checkpoint() const;

    /// SQLCipher's version string (`PRAGMA cipher_version`).
    [[nodiscard]] QString cipherVersion() const;

private:
    Database() = default;
    static int onTrace(unsigned type, void *context, void *statement, void *sql);
    static void onRollback(void *context);
    sqlite3 *m_handle = nullptr;
    StatementTrace *m_trace = nullptr;
    QString m_path;
    QString m_connectionName;
    int m_traceConnection = -1;
    quint64 m_rollbacks = 0;
};

}  // namespace stocktake::store

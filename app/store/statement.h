// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace stocktake::store {

class Database;

/// A prepared statement straight on a connection's SQLite handle, for the sync's bulk writes:
/// a million rows through QSqlQuery spend more time in QSqlResult::bindValue (a placeholder name
/// built per value, a QVariant per value) than in SQLite. Text is bound as UTF-8 (the database's
/// encoding) from buffers the statement keeps until the next exec(). Indexes are 0-based, as in
/// QSqlQuery::bindValue. Statements run through the same connection, so they share its
/// transaction, its statement trace and its key; they must not outlive the Database.
class Statement {
public:
    Statement() = default;
    /// Prepares `sql` on `db`; check ok() and errorText().
    Statement(const Database &db, const QString &sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    [[nodiscard]] bool ok() const { return m_stmt != nullptr; }

    void bind(int index, const QString &text);
    /// NULL when absent.
    void bind(int index, const std::optional<QString> &text);
    /// UTF-8 text, copied into the buffer this index keeps (no allocation once it has grown).
    void bindUtf8(int index, std::string_view text);
    /// NULL when absent.
    void bindUtf8(int index, const std::optional<std::string_view> &text);
    /// Bytes as a BLOB, copied as bindUtf8() copies text.
    void bindBlob(int index, std::string_view bytes);
    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64 {value}); }
    /// NULL when absent.
    void bind(int index, const std::optional<qint64> &value);
    /// 1/0, NULL when absent.
    void bind(int index, const std::optional<bool> &value);
    void bindNull(int index);

    /// Runs the statement to its end (rows, if any, are skipped), then resets it; the bindings
    /// stay until replaced. False on failure, with errorText() set, and when a bind since the last
    /// exec() failed (an index out of range), without running.
    [[nodiscard]] bool exec();
    /// Rows changed by the last exec().
    [[nodiscard]] qint64 changes() const;
    /// The rowid of the connection's last successful INSERT.
    [[nodiscard]] qint64 lastInsertRowId() const;
    /// SQLite's message for the last failure, for logs (it names no values).
    [[nodiscard]] QString errorText() const { return m_error; }

private:
    void fail();
    /// Copies `bytes` into index's buffer (m_text) and binds them as a BLOB or as UTF-8 text.
    void bindBytes(int index, std::string_view bytes, bool blob);
    /// Remembers the first failed bind (SQLite's code) until exec().
    void bound(int rc, int index);
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::vector<QByteArray> m_text;  // the UTF-8 of each bound text (or blob), alive until the next bind
    QString m_error;
    QString m_bindError;
};

}  // namespace stocktake::store

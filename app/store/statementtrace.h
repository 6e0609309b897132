// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMutex>
#include <QString>

namespace stocktake::store {

/// The statements each connection ran, in order, with keys redacted (SECURITY C2): a test hands
/// one to Database::open and proves that `PRAGMA key` came first on every connection and thread.
/// Thread-safe; keeps at most `limit` statements per connection.
class StatementTrace {
public:
    explicit StatementTrace(int limit = 64)
        : m_limit(limit)
    { }

    struct Entry {
        int connection = 0;  ///< a number per traced connection, in order of opening
        QString statement;   ///< the SQL text, `PRAGMA key`/`rekey` values replaced by `<redacted>`
    };

    /// A number for a new connection.
    int newConnection();
    void record(int connection, const char *sql);
    [[nodiscard]] QList<Entry> entries() const;
    /// The statements of one connection, in order.
    [[nodiscard]] QStringList statementsOf(int connection) const;
    [[nodiscard]] int connectionCount() const;

    /// Replaces the value of `PRAGMA key`, `PRAGMA rekey` and `ATTACH … KEY` with `<redacted>`.
    [[nodiscard]] static QString redacted(const char *sql);

private:
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
    QList<int> m_counts;
    int m_limit;
};

}  // namespace stocktake::store

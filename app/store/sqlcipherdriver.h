// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QSqlDriver>

struct sqlite3;

namespace stocktake::store {

class SqlCipherResult;

/// A QSqlDriver over one open, keyed SQLCipher connection, so QSqlDatabase, QSqlQuery and
/// QSqlQueryModel work unchanged. It never opens a file itself: Database::open keys the
/// connection first (a key never travels as the QString password of QSqlDriver::open) and hands
/// the handle over. One driver, one connection, one thread.
class SqlCipherDriver final : public QSqlDriver {
    Q_OBJECT
public:
    /// Takes ownership of `connection` (closed with the driver).
    explicit SqlCipherDriver(sqlite3 *connection, QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    [[nodiscard]] sqlite3 *connection() const { return m_connection; }

    [[nodiscard]] bool hasFeature(DriverFeature feature) const override;
    /// Always fails: open through Database::open, which sends the key first.
    bool open(const QString &db, const QString &user, const QString &password, const QString &host, int port,
        const QString &options) override;
    void close() override;
    [[nodiscard]] QSqlResult *createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    [[nodiscard]] QStringList tables(QSql::TableType type) const override;
    [[nodiscard]] QSqlRecord record(const QString &table) const override;
    [[nodiscard]] QSqlIndex primaryIndex(const QString &table) const override;
    [[nodiscard]] QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    [[nodiscard]] QVariant handle() const override;

private:
    friend class SqlCipherResult;
    bool runTransactionStatement(const char *sql, const QString &what);
    void attach(SqlCipherResult *result) const { m_results.insert(result); }
    void detach(SqlCipherResult *result) const { m_results.remove(result); }

    sqlite3 *m_connection = nullptr;
    mutable QSet<SqlCipherResult *> m_results;
};

}  // namespace stocktake::store

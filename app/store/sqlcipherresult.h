// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace stocktake::store {

class SqlCipherDriver;

/// One prepared statement of a SqlCipherDriver. Forward-only queries stream rows straight from
/// sqlite3_step; scrollable ones (QSqlQueryModel) keep the rows fetched so far, so seek() can go
/// back. Named placeholders are turned into positional ones by QSqlResult::savePrepare (the driver
/// does not claim NamedPlaceholders), so binding is positional, one value per `?`.
class SqlCipherResult final : public QSqlResult {
public:
    explicit SqlCipherResult(const SqlCipherDriver *driver);
    ~SqlCipherResult() override;
    SqlCipherResult(const SqlCipherResult &) = delete;
    SqlCipherResult &operator=(const SqlCipherResult &) = delete;

    [[nodiscard]] QVariant handle() const override;
    /// The Qt type of a column from its declared SQL type, by SQLite's affinity rules; without
    /// a declared type (an expression), from the storage class of the value.
    [[nodiscard]] static QMetaType typeOfDeclared(const char *declared, int storageClass);
    /// Finalizes the statement (the driver is closing).
    void finalize();

protected:
    QVariant data(int index) override;
    bool isNull(int index) override;
    bool reset(const QString &query) override;
    bool prepare(const QString &query) override;
    bool exec() override;
    bool fetch(int index) override;
    bool fetchNext() override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    [[nodiscard]] QSqlRecord record() const override;
    [[nodiscard]] QVariant lastInsertId() const override;
    void detachFromResultSet() override;

private:
    using Row = std::vector<QVariant>;
    enum class Step { Row, Done, Failed };
    Step step(Row *row);
    bool bindAll();
    void buildRecord(bool haveRow);
    [[nodiscard]] const Row *currentRow() const;
    void fail(const QString &what, int code);

    /// The driver, or nullptr once it is gone (QSqlResult keeps it in a QPointer).
    [[nodiscard]] const SqlCipherDriver *cipherDriver() const;
    [[nodiscard]] sqlite3 *connection() const;

    sqlite3_stmt *m_stmt = nullptr;
    QSqlRecord m_record;
    std::vector<Row> m_rows;  ///< scrollable: every row fetched so far
    Row m_current;            ///< forward-only: the current row
    Row m_pending;            ///< the first row, stepped by exec()
    bool m_hasPending = false;
    bool m_done = false;
    int m_columns = 0;
    qint64 m_changes = -1;
    qint64 m_lastInsertId = 0;
};

}  // namespace stocktake::store

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace stocktake::models {

/// One column of a SQL-backed table: its header, the SQL expression that yields it, and whether
/// the search box looks in it.
struct TableColumn {
    enum class Kind { Text, Integer, Decimal, Boolean, DateTime };
    QString key;     ///< stable id (CSV header, settings)
    QString header;  ///< translated header text
    QString sql;     ///< expression over the query's FROM, e.g. "u.display_name"
    Kind kind = Kind::Text;
    bool searchable = false;
    /// The expression never yields NULL (it says "none" as ''): the order then needs no
    /// "unknown last" term, and SQLite computes a costly expression once per row, not twice.
    bool neverNull = false;
};

/// What a table shows: `from` (FROM … [WHERE …] without ORDER BY) and its columns; the model
/// adds the search, the column filters, the ordering and the paging. Every value the person
/// types is bound, never spliced into SQL.
struct TableQuery {
    QString from;
    QList<TableColumn> columns;
    QString keyColumnSql;  ///< a unique expression, the tie-breaker that makes paging stable
};

/// A request for one window of rows, as the worker runs it.
struct TableRequest {
    quint64 generation = 0;  ///< bumps on every change of search, filter or order
    QString search;
    QList<QPair<int, QString>> columnFilters;  ///< column index → text it must contain
    int sortColumn = -1;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
    int offset = 0;
    int limit = 0;
    bool reset = false;      ///< the first window of a new search, filter or order: the table is swapped
    bool wantCount = false;  ///< count the matching rows too (not needed when only the order changed)
};

struct TableRows {
    quint64 generation = 0;
    int offset = 0;
    bool reset = false;  ///< TableRequest::reset
    int total = -1;      ///< -1 when the request did not count
    QList<QVariantList> rows;
    QString error;
    qint64 elapsedMs = 0;
};

/// Builds the statements for a request: SELECT of the columns with the search and filters as
/// bound LIKE patterns, ORDER BY the sort column and the key, LIMIT/OFFSET; and the count of the
/// matching rows.
class TableSql {
public:
    struct Statement {
        QString sql;
        QVariantList binds;
    };
    [[nodiscard]] static Statement select(const TableQuery &query, const TableRequest &request);
    [[nodiscard]] static Statement count(const TableQuery &query, const TableRequest &request);
    /// Every matching key, in the request's order (no window): one scan for a search.
    [[nodiscard]] static Statement keys(const TableQuery &query, const TableRequest &request);
    /// The columns of the rows whose keys are bound in turn (`keyCount` of them), in the request's
    /// order.
    [[nodiscard]] static Statement rowsForKeys(const TableQuery &query, const TableRequest &request, int keyCount);
    /// Whether the request searches or filters (rather than showing every row).
    [[nodiscard]] static bool isFiltered(const TableRequest &request);
    /// `%text%` with LIKE's own wildcards escaped (ESCAPE '\').
    [[nodiscard]] static QString likePattern(const QString &text);
};

}  // namespace stocktake::models

Q_DECLARE_METATYPE(stocktake::models::TableRequest)
Q_DECLARE_METATYPE(stocktake::models::TableRows)

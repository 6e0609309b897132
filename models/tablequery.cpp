// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablequery.h"

#include <algorithm>

namespace stocktake::models {

namespace {

/// WHERE clause of the search and the column filters, with its binds.
QString whereClause(const TableQuery &query, const TableRequest &request, QVariantList &binds)
{
    QStringList parts;
    const QString search = request.search.trimmed();
    if (!search.isEmpty()) {
        QStringList any;
        for (const TableColumn &column : query.columns) {
            if (!column.searchable)
                continue;
            any.append(QStringLiteral("(%1) LIKE ? ESCAPE '\\'").arg(column.sql));
            binds.append(TableSql::likePattern(search));
        }
        if (!any.isEmpty())
            parts.append(u'(' + any.join(QStringLiteral(" OR ")) + u')');
    }
    for (const auto &[index, text] : request.columnFilters) {
        if (index < 0 || index >= query.columns.size() || text.trimmed().isEmpty())
            continue;
        parts.append(QStringLiteral("CAST((%1) AS TEXT) LIKE ? ESCAPE '\\'").arg(query.columns.at(index).sql));
        binds.append(TableSql::likePattern(text.trimmed()));
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

}  // namespace

QString TableSql::likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

namespace {

/// `SELECT <expr> AS c0, …, <key> AS k FROM …`: the table as a subquery whose columns search,
/// filter and order can name whatever each expression is.
QString namedTable(const TableQuery &query)
{
    QStringList named;
    for (int i = 0; i < query.columns.size(); ++i)
        named.append(QStringLiteral("%1 AS c%2").arg(query.columns.at(i).sql).arg(i));
    named.append(QStringLiteral("%1 AS k").arg(query.keyColumnSql));
    return QStringLiteral("(SELECT %1 %2) AS t").arg(named.join(QStringLiteral(", ")), query.from);
}

/// The query with each column's expression replaced by its name in namedTable().
TableQuery renamed(const TableQuery &query)
{
    TableQuery inner = query;
    for (int i = 0; i < inner.columns.size(); ++i)
        inner.columns[i].sql = QStringLiteral("c%1").arg(i);
    return inner;
}

/// `ORDER BY` the sort column (NULLs last) and the key.
QString orderBy(const TableQuery &query, const TableRequest &request)
{
    // Without a search or a filter, SQLite reads a window straight off an index in this order
    // (schema 6 has one per sort of the Users page; the key has its own). With one it would
    // visit every row in index order, each a lookup of its own, to find the few that match: a
    // scan of the table and a sort of the matches is faster, and a unary + keeps SQLite off the
    // index.
    const QString plus = TableSql::isFiltered(request) ? QStringLiteral("+") : QString();
    QString order;
    if (request.sortColumn >= 0 && request.sortColumn < query.columns.size()) {
        const TableColumn &sorted = query.columns.at(request.sortColumn);
        const QString column = QStringLiteral("(%1c%2)").arg(plus).arg(request.sortColumn);
        // NULLs last in both directions: an unknown value is never "the smallest".
        order = QStringLiteral("%1%2%3 %4, ")
                    .arg(sorted.neverNull ? QString() : column + QStringLiteral(" IS NULL, "), column,
                        sorted.kind == TableColumn::Kind::Text ? QStringLiteral(" COLLATE NOCASE") : QString(),
                        request.sortOrder == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC"));
    }
    return QStringLiteral(" ORDER BY %1(%2k)").arg(order, plus);
}

}  // namespace

TableSql::Statement TableSql::select(const TableQuery &query, const TableRequest &request)
{
    // Two steps, so the window's keys are found from only the columns the search, the filters
    // and the order name (SQLite flattens the subquery and computes no other column), and the
    // costly columns (a person's licenses, say) are computed for the window's rows alone.
    // (`k IN (…)` measured faster than a join with the window.)
    Statement st;
    QStringList names;
    for (int i = 0; i < query.columns.size(); ++i)
        names.append(QStringLiteral("c%1").arg(i));
    const QString table = namedTable(query);
    const QString order = orderBy(query, request);
    const QString window = QStringLiteral("SELECT k FROM %1%2%3 LIMIT ? OFFSET ?")
                               .arg(table, whereClause(renamed(query), request, st.binds), order);
    st.binds.append(request.limit);
    st.binds.append(request.offset);
    st.sql = QStringLiteral("SELECT %1 FROM %2 WHERE k IN (%3)%4")
                 .arg(names.join(QStringLiteral(", ")), table, window, order);
    return st;
}

TableSql::Statement TableSql::count(const TableQuery &query, const TableRequest &request)
{
    // The whole table's count (a search counts its keys instead). A count(*) OVER () in the
    // window's statement was measured slower: SQLite then computes every column as a co-routine.
    Statement st;
    st.sql = QStringLiteral("SELECT count(*) FROM %1").arg(namedTable(query));
    st.sql += whereClause(renamed(query), request, st.binds);
    return st;
}

TableSql::Statement TableSql::keys(const TableQuery &query, const TableRequest &request)
{
    Statement st;
    st.sql = QStringLiteral("SELECT k FROM %1").arg(namedTable(query));
    st.sql += whereClause(renamed(query), request, st.binds);
    st.sql += orderBy(query, request);
    return st;
}

TableSql::Statement TableSql::rowsForKeys(const TableQuery &query, const TableRequest &request, int keyCount)
{
    Statement st;
    QStringList names;
    for (int i = 0; i < query.columns.size(); ++i)
        names.append(QStringLiteral("c%1").arg(i));
    QStringList marks;
    marks.reserve(keyCount);
    for (int i = 0; i < keyCount; ++i)
        marks.append(QStringLiteral("?"));
    st.sql = QStringLiteral("SELECT %1 FROM %2 WHERE k IN (%3)%4")
                 .arg(names.join(QStringLiteral(", ")), namedTable(query), marks.join(QStringLiteral(", ")),
                     orderBy(query, request));
    return st;
}

bool TableSql::isFiltered(const TableRequest &request)
{
    if (!request.search.trimmed().isEmpty())
        return true;
    return std::any_of(request.columnFilters.begin(), request.columnFilters.end(),
        [](const auto &filter) { return !filter.second.trimmed().isEmpty(); });
}

}  // namespace stocktake::models

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablequery.h"

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

TableSql::Statement TableSql::select(const TableQuery &query, const TableRequest &request)
{
    Statement st;
    QStringList columns;
    for (const TableColumn &column : query.columns)
        columns.append(column.sql);
    // The inner query names its columns c0…cN so search, filter and order work on any expression.
    QStringList named;
    for (int i = 0; i < columns.size(); ++i)
        named.append(QStringLiteral("%1 AS c%2").arg(columns.at(i)).arg(i));
    named.append(QStringLiteral("%1 AS k").arg(query.keyColumnSql));
    TableQuery inner = query;
    for (int i = 0; i < inner.columns.size(); ++i)
        inner.columns[i].sql = QStringLiteral("c%1").arg(i);
    st.sql = QStringLiteral("SELECT %1 FROM (SELECT %2 %3) AS t")
                 .arg(
                     [&] {
                         QStringList out;
                         for (int i = 0; i < columns.size(); ++i)
                             out.append(QStringLiteral("c%1").arg(i));
                         return out.join(QStringLiteral(", "));
                     }(),
                     named.join(QStringLiteral(", ")), query.from);
    st.sql += whereClause(inner, request, st.binds);
    QString order;
    if (request.sortColumn >= 0 && request.sortColumn < columns.size()) {
        const bool text = query.columns.at(request.sortColumn).kind == TableColumn::Kind::Text;
        // NULLs last in both directions: an unknown value is never "the smallest".
        order = QStringLiteral("c%1 IS NULL, c%1%2 %3, ")
                    .arg(request.sortColumn)
                    .arg(text ? QStringLiteral(" COLLATE NOCASE") : QString(),
                        request.sortOrder == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC"));
    }
    st.sql += QStringLiteral(" ORDER BY %1k LIMIT ? OFFSET ?").arg(order);
    st.binds.append(request.limit);
    st.binds.append(request.offset);
    return st;
}

TableSql::Statement TableSql::count(const TableQuery &query, const TableRequest &request)
{
    Statement st;
    QStringList named;
    for (int i = 0; i < query.columns.size(); ++i)
        named.append(QStringLiteral("%1 AS c%2").arg(query.columns.at(i).sql).arg(i));
    TableQuery inner = query;
    for (int i = 0; i < inner.columns.size(); ++i)
        inner.columns[i].sql = QStringLiteral("c%1").arg(i);
    st.sql
        = QStringLiteral("SELECT count(*) FROM (SELECT %1 %2) AS t").arg(named.join(QStringLiteral(", ")), query.from);
    st.sql += whereClause(inner, request, st.binds);
    return st;
}

}  // namespace stocktake::models

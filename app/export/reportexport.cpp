// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/reportexport.h"

#include <optional>

namespace stocktake::exporting {

namespace {

/// The writer type of a known cell; nothing for an empty one.
std::optional<ColumnType> typeOf(const insights::Cell &cell)
{
    return std::visit(
        [](const auto &v) -> std::optional<ColumnType> {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return std::nullopt;
            else if constexpr (std::is_same_v<T, QString>)
                return ColumnType::Text;
            else if constexpr (std::is_same_v<T, qint64>)
                return ColumnType::Integer;
            else if constexpr (std::is_same_v<T, insights::Decimal>)
                return ColumnType::Decimal;
            else if constexpr (std::is_same_v<T, bool>)
                return ColumnType::Boolean;
            else
                return ColumnType::DateTime;
        },
        cell);
}

}  // namespace

QList<Column> columnsOf(const insights::ReportTable &table)
{
    QList<std::optional<ColumnType>> types(table.columns.size());
    QList<bool> mixed(table.columns.size(), false);
    for (const auto &row : table.rows) {
        for (qsizetype c = 0; c < row.size() && c < types.size(); ++c) {
            const auto t = typeOf(row.at(c));
            if (!t)
                continue;
            if (!types[c])
                types[c] = t;
            else if (*types[c] != *t)
                mixed[c] = true;
        }
    }
    QList<Column> columns;
    columns.reserve(table.columns.size());
    for (qsizetype c = 0; c < table.columns.size(); ++c)
        columns.append(
            Column {table.columns.at(c), mixed[c] ? ColumnType::Mixed : types[c].value_or(ColumnType::Text)});
    return columns;
}

Row rowOf(const QList<insights::Cell> &cells)
{
    Row row;
    row.reserve(cells.size());
    for (const insights::Cell &cell : cells) {
        row.append(std::visit(
            [](const auto &v) -> QVariant {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>)
                    return {};
                else if constexpr (std::is_same_v<T, insights::Decimal>)
                    return v.text;
                else if constexpr (std::is_same_v<T, QString>)
                    return v.isEmpty() ? QVariant() : QVariant(v);
                else if constexpr (std::is_same_v<T, QDateTime>)
                    return v.isValid() ? QVariant(v.toUTC()) : QVariant();
                else
                    return QVariant::fromValue(v);
            },
            cell));
    }
    return row;
}

}  // namespace stocktake::exporting

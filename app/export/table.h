// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace stocktake::exporting {

/// How a column's cells are typed. A cell is a QVariant; a null QVariant is "unknown" (written
/// empty in CSV, null in JSON) and stays distinct from 0.
enum class ColumnType {
    Text,      ///< QString
    Integer,   ///< qint64
    Decimal,   ///< QString of exact digits ("-12.50", from core::Money::toDecimalString)
    Boolean,   ///< bool
    DateTime,  ///< QDateTime, written in UTC as 2026-11-22T09:30:00Z
    Date,      ///< QDate, written as 2026-11-22
    List,      ///< QStringList, joined with ';'
    /// Typed by each cell: a whole number (qint64, int) is written as a number, a bool as
    /// true/false, a QDateTime as a UTC time, anything else as text. For a figure that is a count
    /// or a word (report apps' `grant_users`: a number, or `all` when an admin consented for everyone).
    Mixed,
};

struct Column {
    QString key;
    ColumnType type = ColumnType::Text;
};

using Row = QList<QVariant>;

/// The type a cell is written as: the column's, or for a Mixed column the cell's own.
[[nodiscard]] inline ColumnType cellType(const QVariant &cell, ColumnType columnType)
{
    if (columnType != ColumnType::Mixed)
        return columnType;
    switch (cell.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return ColumnType::Integer;
    case QMetaType::Bool:
        return ColumnType::Boolean;
    case QMetaType::QDateTime:
        return ColumnType::DateTime;
    case QMetaType::QDate:
        return ColumnType::Date;
    case QMetaType::QStringList:
        return ColumnType::List;
    default:
        return ColumnType::Text;
    }
}

}  // namespace stocktake::exporting

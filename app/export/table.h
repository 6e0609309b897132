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
};

struct Column {
    QString key;
    ColumnType type = ColumnType::Text;
};

using Row = QList<QVariant>;

}  // namespace stocktake::exporting

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/table.h"

#include <QIODevice>

namespace stocktake::exporting {

/// RFC 4180 CSV to a device, row by row: UTF-8 without BOM, CRLF line ends, header first, '.' as
/// decimal point, UTC ISO 8601 times. Text cells that a spreadsheet would read as a formula
/// (first character =, +, -, @, TAB, CR or NUL) get a leading ' (SECURITY.md E1); numbers come
/// from the typed path and are never prefixed.
class CsvWriter {
public:
    CsvWriter(QIODevice *device, QList<Column> columns);

    [[nodiscard]] bool writeHeader();
    [[nodiscard]] bool writeRow(const Row &row);

    /// One cell's CSV text (quoted when needed), exposed for tests.
    [[nodiscard]] static QString cellText(const QVariant &cell, ColumnType type);

private:
    bool writeLine(const QStringList &fields);

    QIODevice *m_device;
    QList<Column> m_columns;
};

}  // namespace stocktake::exporting

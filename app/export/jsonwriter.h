// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/table.h"

#include <QIODevice>

namespace stocktake::exporting {

/// A JSON array of objects (keys = the CSV header) to a device, row by row. Integers and exact
/// decimals are JSON numbers written from their digits (never through double); unknown is null.
class JsonWriter {
public:
    JsonWriter(QIODevice *device, QList<Column> columns);

    [[nodiscard]] bool begin();
    [[nodiscard]] bool writeRow(const Row &row);
    [[nodiscard]] bool end();

private:
    bool put(const QString &s);

    QIODevice *m_device;
    QList<Column> m_columns;
    bool m_first = true;
};

}  // namespace stocktake::exporting

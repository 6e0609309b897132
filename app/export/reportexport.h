// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/table.h"
#include "insights/reporttable.h"

namespace stocktake::exporting {

/// A report's columns for the writers, in the report's (METRICS.md) order. Each column takes the
/// type its known cells share (an integer column is Integer, a money column Decimal, …); a column
/// whose cells differ (report apps' `grant_users`: a count or `all`) is Mixed, and a column with
/// no known cell is Text.
[[nodiscard]] QList<Column> columnsOf(const insights::ReportTable &table);

/// One report row as writer cells: an empty cell is a null QVariant (unknown, never 0), a decimal
/// keeps its exact digits as text.
[[nodiscard]] Row rowOf(const QList<insights::Cell> &cells);

}  // namespace stocktake::exporting

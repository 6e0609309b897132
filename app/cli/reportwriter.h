// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/reporttable.h"

#include <QString>

namespace stocktake::cli {

/// METRICS.md "CSV and JSON" for the report commands, until app/export's writers land:
/// CSV is RFC 4180 (CRLF, quotes doubled, a field quoted when it holds `,` `"` CR or LF), UTF-8,
/// header first, `.` decimals, ISO 8601 UTC times; a text cell that begins with `=`, `+`, `-`,
/// `@`, a tab or a CR gets a leading `'`; numbers are plain. JSON is an array of objects with the
/// header's keys in the same order, numbers as numbers, empty cells null.
[[nodiscard]] QString toCsv(const insights::ReportTable &table);
[[nodiscard]] QString toJson(const insights::ReportTable &table);

}  // namespace stocktake::cli

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appreport.h"
#include "licensereport.h"
#include "userreport.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

namespace stocktake::insights {

/// A decimal number kept as its exact text ("58.33"), written as a number, never a double.
struct Decimal {
    QString text;
    friend bool operator==(const Decimal &a, const Decimal &b) { return a.text == b.text; }
};

/// One cell of a report: empty (an empty CSV cell, JSON null), text, a whole number, a
/// decimal, a boolean or a UTC time. Empty text is an empty cell.
using Cell = std::variant<std::monostate, QString, qint64, Decimal, bool, QDateTime>;

/// A report as columns and typed cells, the METRICS.md columns in order; what CSV/JSON/PDF
/// writers and table views consume.
struct ReportTable {
    QString name;         ///< "licenses", "apps", "users"
    QStringList columns;  ///< METRICS.md names, in order
    QList<QList<Cell>> rows;
    QDateTime asOf;
    QString note;  ///< why some figures are empty (activity unknown), else empty
};

[[nodiscard]] ReportTable toTable(const LicenseReport &report);
[[nodiscard]] ReportTable toTable(const AppReport &report);
[[nodiscard]] ReportTable toTable(const UserReport &report);

}  // namespace stocktake::insights

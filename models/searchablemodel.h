// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "export/table.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace stocktake::models {

/// What a table shows, for export: its columns (METRICS.md keys, typed) and a job that reads
/// every row the table shows now — the search, the filters and the order as they are, all of
/// the rows, not only the ones loaded. The job holds copies of what it needs (or opens its own
/// connection), so it runs on any thread and outlives a model that changes meanwhile. It hands
/// each row to `sink` and stops early when `sink` returns false; it fails only for its own reasons
/// (the database refused).
struct TableExport {
    using RowSink = std::function<bool(const exporting::Row &row)>;
    QList<exporting::Column> columns;
    std::function<core::Status(const RowSink &sink)> rows;
};

/// What a table page needs of its model: a search over the searchable columns, a filter per
/// column, the raw values of a row, and whether an answer is on its way. SqlTableModel does it
/// in SQL on a worker thread (large tables); ReportModel over a computed report (small ones).
class SearchableTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    /// The raw value of a cell (for copy and export), beside the display text.
    static constexpr int RawValueRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    virtual void setSearch(const QString &text) = 0;
    virtual void setColumnFilter(int column, const QString &text) = 0;
    /// Runs the query or report (again, after a sync). A model is empty until its first reload(),
    /// so its owner decides when the work starts (a page when it is first shown).
    virtual void reload() = 0;
    /// Empties the model and keeps it empty until reload() (the app locked).
    virtual void clear() = 0;
    [[nodiscard]] virtual QVariantList rowValues(int row) const = 0;
    [[nodiscard]] virtual bool isLoading() const = 0;
    [[nodiscard]] virtual QString lastError() const = 0;
    /// Stable column ids (METRICS.md names), in column order.
    [[nodiscard]] virtual QStringList columnKeys() const = 0;
    /// The table as it is filtered and sorted now, for export off the UI thread.
    [[nodiscard]] virtual TableExport tableExport() const = 0;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// New content is in: `elapsedMs` since it was asked for.
    void refreshed(qint64 elapsedMs);
    void failed(const QString &message);
};

}  // namespace stocktake::models

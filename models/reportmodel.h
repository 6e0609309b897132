// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/reporttable.h"
#include "models/searchablemodel.h"
#include "models/sqltablemodel.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>

#include <functional>

namespace stocktake::models {

/// A table over one computed report (licenses, apps: tens to a few thousand rows). The report
/// runs on a pool thread with a connection of its own; sorting and searching then work on the
/// rows in memory, which for tables this size takes well under a millisecond.
class ReportModel : public SearchableTableModel {
    Q_OBJECT

public:
    using ReportFunction = std::function<core::Result<insights::ReportTable>(const store::Database &db)>;

    /// `headers` maps METRICS.md column names to translated headers; `searchable` names the
    /// columns the search box looks in.
    ReportModel(ReportFunction report, ConnectionFactory openConnection, QHash<QString, QString> headers,
        QStringList searchable, QObject *parent = nullptr);
    ~ReportModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSearch(const QString &text) override;
    void setColumnFilter(int column, const QString &text) override;
    void reload() override;
    void clear() override;
    [[nodiscard]] QVariantList rowValues(int row) const override;
    [[nodiscard]] bool isLoading() const override { return m_loading; }
    [[nodiscard]] QString lastError() const override { return m_error; }
    [[nodiscard]] QStringList columnKeys() const override { return m_table.columns; }
    [[nodiscard]] TableExport tableExport() const override;

    /// The whole report as computed (unfiltered), e.g. for the overview's cards and export.
    [[nodiscard]] const insights::ReportTable &table() const { return m_table; }

private:
    void applyView();
    [[nodiscard]] static QVariant raw(const insights::Cell &cell);
    [[nodiscard]] static QString display(const insights::Cell &cell);

    ReportFunction m_report;
    ConnectionFactory m_connect;
    QHash<QString, QString> m_headers;
    QStringList m_searchable;
    insights::ReportTable m_table;
    QList<int> m_visible;  // indexes into m_table.rows, filtered and sorted
    QString m_search;
    QHash<int, QString> m_filters;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QFutureWatcher<core::Result<insights::ReportTable>> *m_watcher = nullptr;
    QElapsedTimer m_timer;
    QString m_error;
    bool m_loading = false;
    bool m_cleared = true;       ///< empty until reload()
    bool m_reloadAgain = false;  ///< reload() came while a run was going: run once more after it
};

}  // namespace stocktake::models

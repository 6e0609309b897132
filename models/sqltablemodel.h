// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "models/searchablemodel.h"
#include "models/tablequery.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QThread>

#include <functional>
#include <memory>

namespace stocktake::store {
class Database;
}

namespace stocktake::models {

class TableWorker;

/// Opens a database connection; called on the model's worker thread (one connection per thread).
using ConnectionFactory = std::function<core::Result<std::unique_ptr<store::Database>>()>;

/// A table over SQL that stays smooth at 100,000 rows and more: counting, searching, filtering,
/// sorting and fetching run on a worker thread with its own connection, and the model holds only
/// the pages the view has asked for (at most MaxCachedPages of them). The UI thread never waits
/// for SQLite; an answer to an old search is dropped when a newer one is under way.
class SqlTableModel : public SearchableTableModel {
    Q_OBJECT

public:
    static constexpr int PageSize = 256;
    /// Pages kept in memory (16,384 rows); beyond that the page farthest from the one that came
    /// in last is dropped and read again when a view asks for it, so scrolling through 100,000
    /// rows and more holds memory flat (P11).
    static constexpr int MaxCachedPages = 64;

    SqlTableModel(TableQuery query, ConnectionFactory openConnection, QObject *parent = nullptr);
    ~SqlTableModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] const TableQuery &query() const { return m_query; }
    /// The search box: rows where any searchable column contains `text` (case-insensitive).
    void setSearch(const QString &text) override;
    /// A column filter: rows whose `column` contains `text`; empty text clears it.
    void setColumnFilter(int column, const QString &text) override;
    void reload() override;
    void clear() override;

    [[nodiscard]] bool isLoading() const override { return m_loading; }
    [[nodiscard]] QString lastError() const override { return m_error; }
    /// A loaded row's raw values, or an empty list.
    [[nodiscard]] QVariantList rowValues(int row) const override;
    [[nodiscard]] QStringList columnKeys() const override;
    [[nodiscard]] TableExport tableExport() const override;

private:
    enum class Count { Always, IfUnknown };
    void restart(Count count = Count::Always);
    void requestPage(int page) const;
    void onRows(const stocktake::models::TableRows &rows);
    [[nodiscard]] QString displayText(const TableColumn &column, const QVariant &value) const;

    TableQuery m_query;
    ConnectionFactory m_connect;  // for export jobs, which open connections of their own
    QThread m_thread;
    TableWorker *m_worker = nullptr;
    TableRequest m_request;  // the current search, filters and order
    int m_total = 0;
    bool m_totalKnown = false;  ///< m_total counts the current search and filters
    QHash<int, QList<QVariantList>> m_pages;
    mutable QSet<int> m_requested;
    QElapsedTimer m_refreshTimer;
    QString m_error;
    bool m_loading = false;
    bool m_cleared = true;  ///< empty until reload()
};

/// Runs TableRequests on the model's thread.
class TableWorker : public QObject {
    Q_OBJECT

public:
    TableWorker(TableQuery query, ConnectionFactory connect);
    ~TableWorker() override;
    /// Requests older than this are skipped unrun (set from the UI thread).
    std::atomic<quint64> latestGeneration {0};

public Q_SLOTS:
    void fetch(const stocktake::models::TableRequest &request);
    void close();

Q_SIGNALS:
    void rows(const stocktake::models::TableRows &rows);

private:
    /// A search or a filter: every matching key in order from one scan, kept for the pages that
    /// follow (a count and a window would scan twice, and every later page again).
    void fetchFiltered(const TableRequest &request, TableRows &out);
    /// The whole table: a window straight off the order's index (schema 6), and a count.
    void fetchWindow(const TableRequest &request, TableRows &out);

    TableQuery m_query;
    ConnectionFactory m_connect;
    std::unique_ptr<store::Database> m_db;
    quint64 m_keysGeneration = 0;
    QVariantList m_keys;  ///< the matching keys of request m_keysGeneration, in order
};

}  // namespace stocktake::models

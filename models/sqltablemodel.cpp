// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqltablemodel.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cstdlib>

namespace stocktake::models {

// ---------------------------------------------------------------------------------------------
// TableWorker

TableWorker::TableWorker(TableQuery query, ConnectionFactory connect)
    : m_query(std::move(query))
    , m_connect(std::move(connect))
{ }

TableWorker::~TableWorker() = default;

void TableWorker::close()
{
    m_keys.clear();  // people's ids: they go with the connection when the app locks
    m_keysGeneration = 0;
    m_db.reset();
}

void TableWorker::fetch(const TableRequest &request)
{
    if (request.generation < latestGeneration.load())
        return;  // a newer search is already queued behind this one
    TableRows out;
    out.generation = request.generation;
    out.offset = request.offset;
    QElapsedTimer timer;
    timer.start();
    if (!m_db) {
        auto db = m_connect();
        if (!db) {
            out.error = db.error().userMessage;
            Q_EMIT rows(out);
            return;
        }
        m_db = std::move(db.value());
        // This connection scans one big table again and again (every search reads all of it):
        // 64 MiB of page cache keeps the users table of a 100,000-person tenant (about 30 MB)
        // decrypted between searches, where the default 32 MiB made every search decrypt it anew.
        (void)m_db->exec(QStringLiteral("PRAGMA cache_size = -65536"));
    }
    out.reset = request.reset;
    if (TableSql::isFiltered(request)) {
        fetchFiltered(request, out);
    } else {
        m_keys.clear();
        m_keysGeneration = 0;
        fetchWindow(request, out);
    }
    out.elapsedMs = timer.elapsed();
    Q_EMIT rows(out);
}

namespace {

/// Prepares, binds and runs `st` on `q` (forward only); false with out.error set.
bool run(QSqlQuery &q, const TableSql::Statement &st, TableRows &out)
{
    q.setForwardOnly(true);
    q.prepare(st.sql);
    for (const QVariant &value : st.binds)
        q.addBindValue(value);
    if (q.exec())
        return true;
    out.error = q.lastError().text();
    return false;
}

/// Runs `st` and appends its rows (`columns` values each) to `out`, or sets out.error.
void readRows(const store::Database &db, const TableSql::Statement &st, int columns, TableRows &out)
{
    QSqlQuery q(db.sql());
    if (!run(q, st, out))
        return;
    while (q.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(q.value(c));
        out.rows.append(std::move(row));
    }
}

}  // namespace

void TableWorker::fetchFiltered(const TableRequest &request, TableRows &out)
{
    if (request.reset || m_keysGeneration != request.generation) {
        m_keys.clear();
        m_keysGeneration = 0;
        QSqlQuery q(m_db->sql());
        if (!run(q, TableSql::keys(m_query, request), out))
            return;
        while (q.next())
            m_keys.append(q.value(0));
        m_keysGeneration = request.generation;
    }
    if (request.wantCount || request.reset)
        out.total = int(m_keys.size());
    const qsizetype from = std::min<qsizetype>(request.offset, m_keys.size());
    const qsizetype count = std::min<qsizetype>(request.limit, m_keys.size() - from);
    if (count <= 0)
        return;
    auto st = TableSql::rowsForKeys(m_query, request, int(count));
    st.binds = m_keys.mid(from, count);
    readRows(*m_db, st, int(m_query.columns.size()), out);
}

void TableWorker::fetchWindow(const TableRequest &request, TableRows &out)
{
    if (request.wantCount) {
        QSqlQuery q(m_db->sql());
        if (!run(q, TableSql::count(m_query, request), out))
            return;
        if (!q.next()) {
            out.error = q.lastError().text();
            return;
        }
        out.total = q.value(0).toInt();
    }
    readRows(*m_db, TableSql::select(m_query, request), int(m_query.columns.size()), out);
}

// ---------------------------------------------------------------------------------------------
// SqlTableModel

SqlTableModel::SqlTableModel(TableQuery query, ConnectionFactory openConnection, QObject *parent)
    : SearchableTableModel(parent)
    , m_query(std::move(query))
    , m_connect(std::move(openConnection))
{
    qRegisterMetaType<TableRequest>();
    qRegisterMetaType<TableRows>();
    m_thread.setObjectName(QStringLiteral("stocktake-table"));
    m_worker = new TableWorker(m_query, m_connect);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TableWorker::rows, this, &SqlTableModel::onRows);
    m_thread.start();
}

SqlTableModel::~SqlTableModel()
{
    m_worker->latestGeneration = std::numeric_limits<quint64>::max();
    QMetaObject::invokeMethod(m_worker, &TableWorker::close, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

int SqlTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int SqlTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_query.columns.size());
}

QVariant SqlTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_query.columns.size())
        return SearchableTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_query.columns.at(section).header;
    if (role == Qt::UserRole)
        return m_query.columns.at(section).key;
    return {};
}

QStringList SqlTableModel::columnKeys() const
{
    QStringList keys;
    for (const TableColumn &column : m_query.columns)
        keys.append(column.key);
    return keys;
}

TableExport SqlTableModel::tableExport() const
{
    TableExport out;
    for (const TableColumn &column : m_query.columns) {
        exporting::ColumnType type = exporting::ColumnType::Text;
        switch (column.kind) {
        case TableColumn::Kind::Integer:
            type = exporting::ColumnType::Integer;
            break;
        case TableColumn::Kind::Decimal:
            type = exporting::ColumnType::Decimal;
            break;
        case TableColumn::Kind::Boolean:
            type = exporting::ColumnType::Boolean;
            break;
        case TableColumn::Kind::DateTime:
            type = exporting::ColumnType::DateTime;
            break;
        case TableColumn::Kind::Text:
            break;
        }
        out.columns.append({column.key, type});
    }
    TableRequest request = m_request;
    request.offset = 0;
    request.limit = -1;  // SQLite: no limit
    request.wantCount = false;
    out.rows = [query = m_query, request, connect = m_connect, types = out.columns](
                   const TableExport::RowSink &sink) -> core::Status {
        auto db = connect();
        if (!db)
            return db.error();
        QSqlQuery q((*db)->sql());
        if (TableRows failed; !run(q, TableSql::select(query, request), failed)) {
            return core::Error {QStringLiteral("models.export_query"),
                QCoreApplication::translate("stocktake::models::SqlTableModel",
                    "The table could not be read from the local database. Run `stocktake-cli db check`."),
                failed.error, core::ExitCode::Store};
        }
        const int columns = int(types.size());
        while (q.next()) {
            exporting::Row row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c) {
                QVariant value = q.value(c);
                // Times are stored as ISO 8601 UTC text; the writer wants the instant.
                if (!value.isNull() && types.at(c).type == exporting::ColumnType::DateTime)
                    value = QDateTime::fromString(value.toString(), Qt::ISODate);
                row.append(value.isNull() ? QVariant() : value);
            }
            if (!sink(row))
                break;
        }
        return {};
    };
    return out;
}

QVariantList SqlTableModel::rowValues(int row) const
{
    const auto it = m_pages.constFind(row / PageSize);
    if (it == m_pages.constEnd() || row % PageSize >= it->size())
        return {};
    return it->at(row % PageSize);
}

QString SqlTableModel::displayText(const TableColumn &column, const QVariant &value) const
{
    if (value.isNull())
        return {};
    switch (column.kind) {
    case TableColumn::Kind::Integer:
        return QLocale().toString(value.toLongLong());
    case TableColumn::Kind::Decimal:
        return value.toString();
    case TableColumn::Kind::Boolean:
        return value.toInt() != 0 ? QCoreApplication::translate("stocktake::models::SqlTableModel", "Yes")
                                  : QCoreApplication::translate("stocktake::models::SqlTableModel", "No");
    case TableColumn::Kind::DateTime: {
        // Stored in UTC; shown in the person's own time zone.
        const QDateTime utc = QDateTime::fromString(value.toString(), Qt::ISODate);
        return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : value.toString();
    }
    case TableColumn::Kind::Text:
        break;
    }
    return value.toString();
}

QVariant SqlTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TableColumn &column = m_query.columns.at(index.column());
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = column.kind == TableColumn::Kind::Integer || column.kind == TableColumn::Kind::Decimal;
        return QVariant::fromValue(Qt::Alignment(numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != RawValueRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    const int page = index.row() / PageSize;
    const auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd()) {
        requestPage(page);
        return {};
    }
    const int inPage = index.row() % PageSize;
    if (inPage >= it->size())
        return {};
    const QVariant &value = it->at(inPage).at(index.column());
    if (role == RawValueRole)
        return value;
    return displayText(column, value);
}

void SqlTableModel::sort(int column, Qt::SortOrder order)
{
    m_request.sortColumn = column;
    m_request.sortOrder = order;
    restart(Count::IfUnknown);  // the same rows in another order
}

void SqlTableModel::setSearch(const QString &text)
{
    if (text == m_request.search)
        return;
    m_request.search = text;
    restart();
}

void SqlTableModel::setColumnFilter(int column, const QString &text)
{
    auto &filters = m_request.columnFilters;
    filters.erase(std::remove_if(filters.begin(), filters.end(), [column](const auto &f) { return f.first == column; }),
        filters.end());
    if (!text.trimmed().isEmpty())
        filters.append({column, text});
    restart();
}

void SqlTableModel::reload()
{
    m_cleared = false;
    restart();
}

void SqlTableModel::clear()
{
    m_cleared = true;
    m_totalKnown = false;
    m_worker->latestGeneration = ++m_request.generation;
    beginResetModel();
    m_total = 0;
    m_pages.clear();
    m_requested.clear();
    endResetModel();
    QMetaObject::invokeMethod(m_worker, &TableWorker::close, Qt::QueuedConnection);
}

void SqlTableModel::restart(Count count)
{
    if (m_cleared)
        return;
    if (count == Count::Always)
        m_totalKnown = false;
    TableRequest request = m_request;
    request.generation = ++m_request.generation;
    request.offset = 0;
    request.limit = PageSize;
    request.reset = true;
    // A search whose answer was overtaken (by a sort) never brought its count: count again.
    request.wantCount = !m_totalKnown;
    m_worker->latestGeneration = request.generation;
    m_refreshTimer.start();
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    }
    QMetaObject::invokeMethod(m_worker, "fetch", Qt::QueuedConnection, Q_ARG(stocktake::models::TableRequest, request));
}

void SqlTableModel::requestPage(int page) const
{
    if (m_cleared || m_requested.contains(page))
        return;
    m_requested.insert(page);
    TableRequest request = m_request;
    request.offset = page * PageSize;
    request.limit = PageSize;
    request.wantCount = false;
    QMetaObject::invokeMethod(m_worker, "fetch", Qt::QueuedConnection, Q_ARG(stocktake::models::TableRequest, request));
}

void SqlTableModel::onRows(const TableRows &rows)
{
    if (rows.generation != m_request.generation || m_cleared)
        return;  // an answer to an older search
    if (!rows.error.isEmpty()) {
        m_error = rows.error;
        if (m_loading) {
            m_loading = false;
            Q_EMIT loadingChanged(false);
        }
        Q_EMIT failed(rows.error);
        return;
    }
    const int page = rows.offset / PageSize;
    if (rows.reset) {
        // The first page of a new search or order: swap the whole table at once.
        beginResetModel();
        if (rows.total >= 0) {
            m_total = rows.total;
            m_totalKnown = true;
        }
        m_pages.clear();
        m_requested.clear();
        m_pages.insert(page, rows.rows);
        m_requested.insert(page);
        m_error.clear();
        endResetModel();
        m_loading = false;
        Q_EMIT loadingChanged(false);
        Q_EMIT refreshed(m_refreshTimer.elapsed());
        return;
    }
    m_pages.insert(page, rows.rows);
    while (m_pages.size() > MaxCachedPages) {
        auto farthest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (std::abs(it.key() - page) > std::abs(farthest.key() - page))
                farthest = it;
        }
        m_requested.remove(farthest.key());
        m_pages.erase(farthest);
    }
    const int first = page * PageSize;
    const int last = std::min(m_total, first + int(rows.rows.size())) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1), {Qt::DisplayRole, RawValueRole});
}

}  // namespace stocktake::models

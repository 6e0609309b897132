// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportmodel.h"

#include "core/money.h"
#include "export/reportexport.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace stocktake::models {

namespace {

template <typename T> int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

/// Orders two non-empty cells: numbers and times by value, text case-insensitively. Decimals
/// compare as doubles here, which orders them right; no figure is computed from the result.
int compareCells(const insights::Cell &x, const insights::Cell &y)
{
    if (std::holds_alternative<qint64>(x) && std::holds_alternative<qint64>(y))
        return threeWay(std::get<qint64>(x), std::get<qint64>(y));
    if (std::holds_alternative<insights::Decimal>(x) && std::holds_alternative<insights::Decimal>(y))
        return threeWay(std::get<insights::Decimal>(x).text.toDouble(), std::get<insights::Decimal>(y).text.toDouble());
    if (std::holds_alternative<QDateTime>(x) && std::holds_alternative<QDateTime>(y))
        return threeWay(std::get<QDateTime>(x), std::get<QDateTime>(y));
    if (std::holds_alternative<bool>(x) && std::holds_alternative<bool>(y))
        return threeWay(int(std::get<bool>(x)), int(std::get<bool>(y)));
    const auto text = [](const insights::Cell &c) {
        return std::holds_alternative<QString>(c) ? std::get<QString>(c) : QString();
    };
    return text(x).compare(text(y), Qt::CaseInsensitive);
}

}  // namespace

ReportModel::ReportModel(ReportFunction report, ConnectionFactory openConnection, QHash<QString, QString> headers,
    QStringList searchable, QObject *parent)
    : SearchableTableModel(parent)
    , m_report(std::move(report))
    , m_connect(std::move(openConnection))
    , m_headers(std::move(headers))
    , m_searchable(std::move(searchable))
{ }

ReportModel::~ReportModel()
{
    if (m_watcher)
        m_watcher->waitForFinished();  // the job holds copies only; this just joins the pool thread
}

int ReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int ReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant ReportModel::raw(const insights::Cell &cell)
{
    return std::visit(
        [](const auto &v) -> QVariant {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return {};
            else if constexpr (std::is_same_v<T, insights::Decimal>)
                return v.text;
            else if constexpr (std::is_same_v<T, QDateTime>)
                return v.isValid() ? QVariant(v) : QVariant();
            else
                return QVariant::fromValue(v);
        },
        cell);
}

QString ReportModel::display(const insights::Cell &cell)
{
    return std::visit(
        [](const auto &v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return {};
            else if constexpr (std::is_same_v<T, QString>)
                return v;
            else if constexpr (std::is_same_v<T, qint64>)
                return QLocale().toString(v);
            else if constexpr (std::is_same_v<T, insights::Decimal>)
                return core::formatDecimal(v.text);
            else if constexpr (std::is_same_v<T, bool>)
                return v ? QCoreApplication::translate("stocktake::models::ReportModel", "Yes")
                         : QCoreApplication::translate("stocktake::models::ReportModel", "No");
            else
                return v.isValid() ? QLocale().toString(v.toLocalTime(), QLocale::ShortFormat) : QString();
        },
        cell);
}

QVariant ReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const insights::Cell &cell = m_table.rows.at(m_visible.at(index.row())).at(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return display(cell);
    case RawValueRole:
        return raw(cell);
    case Qt::TextAlignmentRole: {
        const bool numeric = std::holds_alternative<qint64>(cell) || std::holds_alternative<insights::Decimal>(cell);
        return QVariant::fromValue(Qt::Alignment(numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    default:
        return {};
    }
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return SearchableTableModel::headerData(section, orientation, role);
    const QString &key = m_table.columns.at(section);
    if (role == Qt::DisplayRole)
        return m_headers.value(key, key);
    if (role == Qt::UserRole)
        return key;
    return {};
}

QVariantList ReportModel::rowValues(int row) const
{
    if (row < 0 || row >= m_visible.size())
        return {};
    QVariantList out;
    for (const insights::Cell &cell : m_table.rows.at(m_visible.at(row)))
        out.append(raw(cell));
    return out;
}

TableExport ReportModel::tableExport() const
{
    // Copies are cheap (implicitly shared) and leave the model free to change meanwhile.
    return {exporting::columnsOf(m_table),
        [table = m_table, visible = m_visible](const TableExport::RowSink &sink) -> core::Status {
            for (int r : visible) {
                if (!sink(exporting::rowOf(table.rows.at(r))))
                    break;
            }
            return {};
        }};
}

void ReportModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    applyView();
}

void ReportModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    applyView();
}

void ReportModel::setColumnFilter(int column, const QString &text)
{
    if (text.trimmed().isEmpty())
        m_filters.remove(column);
    else
        m_filters.insert(column, text.trimmed());
    applyView();
}

void ReportModel::applyView()
{
    QElapsedTimer timer;
    timer.start();
    beginResetModel();
    m_visible.clear();
    QList<int> searchColumns;
    for (const QString &key : std::as_const(m_searchable)) {
        const qsizetype i = m_table.columns.indexOf(key);
        if (i >= 0)
            searchColumns.append(int(i));
    }
    for (int r = 0; r < m_table.rows.size(); ++r) {
        const auto &row = m_table.rows.at(r);
        bool keep = m_search.isEmpty();
        for (int c : std::as_const(searchColumns))
            keep = keep || display(row.at(c)).contains(m_search, Qt::CaseInsensitive);
        for (auto it = m_filters.constBegin(); keep && it != m_filters.constEnd(); ++it) {
            if (it.key() < row.size())
                keep = display(row.at(it.key())).contains(it.value(), Qt::CaseInsensitive);
        }
        if (keep)
            m_visible.append(r);
    }
    if (m_sortColumn >= 0 && m_sortColumn < m_table.columns.size()) {
        const int c = m_sortColumn;
        const bool ascending = m_sortOrder == Qt::AscendingOrder;
        std::stable_sort(m_visible.begin(), m_visible.end(), [this, c, ascending](int a, int b) {
            const insights::Cell &x = m_table.rows.at(a).at(c);
            const insights::Cell &y = m_table.rows.at(b).at(c);
            // Empty (unknown) cells last in both directions.
            const bool xe = std::holds_alternative<std::monostate>(x);
            const bool ye = std::holds_alternative<std::monostate>(y);
            if (xe || ye)
                return !xe && ye;
            const int cmp = compareCells(x, y);
            return ascending ? cmp < 0 : cmp > 0;
        });
    }
    endResetModel();
    Q_EMIT refreshed(timer.elapsed());
}

void ReportModel::reload()
{
    m_cleared = false;
    if (m_watcher) {
        // One run at a time. The running one may have read the database before what this
        // request wants shown (a new setting, a finished sync): run again when it is done.
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged(true);
    m_timer.start();
    m_watcher = new QFutureWatcher<core::Result<insights::ReportTable>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        auto result = m_watcher->result();
        m_watcher->deleteLater();
        m_watcher = nullptr;
        m_loading = false;
        if (std::exchange(m_reloadAgain, false) && !m_cleared) {
            reload();
            return;
        }
        Q_EMIT loadingChanged(false);
        if (m_cleared)
            return;
        if (!result) {
            m_error = result.error().userMessage;
            Q_EMIT failed(m_error);
            return;
        }
        m_error.clear();
        m_table = std::move(result.value());
        applyView();
    });
    m_watcher->setFuture(
        QtConcurrent::run([report = m_report, connect = m_connect]() -> core::Result<insights::ReportTable> {
            auto db = connect();
            if (!db)
                return db.error();
            return report(**db);
        }));
}

void ReportModel::clear()
{
    m_cleared = true;
    beginResetModel();
    m_table = {};
    m_visible.clear();
    endResetModel();
}

}  // namespace stocktake::models

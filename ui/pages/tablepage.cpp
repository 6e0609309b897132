// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablepage.h"

#include "models/searchablemodel.h"
#include "tableexport.h"
#include "widgets/secureclipboard.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace stocktake::ui {

TablePage::TablePage(models::SearchableTableModel *model, SecureClipboard *clipboard, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_clipboard(clipboard)
    , m_search(new QLineEdit(this))
    , m_filterRow(new QWidget(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_copyButton(new QPushButton(tr("&Copy"), this))
    , m_exportButton(new QPushButton(tr("&Export to CSV…"), this))
    , m_export(new CsvExportJob(this))
    , m_exportFileName(QStringLiteral("table.csv"))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_searchDelay(new QTimer(this))
{
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search this table"));
    m_count->setObjectName(QStringLiteral("rowCountLabel"));
    m_copyButton->setObjectName(QStringLiteral("copyPushButton"));
    m_copyButton->setAccessibleName(tr("Copy the selected rows"));
    m_copyButton->setToolTip(tr("Copies the selected rows as tab-separated text (%1)")
                                 .arg(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
    connect(m_copyButton, &QPushButton::clicked, this, &TablePage::copySelection);
    m_exportButton->setObjectName(QStringLiteral("exportPushButton"));
    m_exportButton->setAccessibleName(tr("Export this table to a CSV file"));
    m_exportButton->setToolTip(tr("Writes every row the table shows now, as filtered and sorted, to a CSV file"));
    connect(m_exportButton, &QPushButton::clicked, this, &TablePage::chooseExportFile);
    connect(m_export, &CsvExportJob::finished, this, [this](const QString &path, qint64 rows, const QString &error) {
        updateActions();
        updateCount();
        if (!error.isEmpty()) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error, QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("exportErrorMessageBox"));
            box->setTextFormat(Qt::PlainText);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        Q_EMIT exportFinished(path, rows, error);
    });

    // Typing waits a moment before asking, so a fast typist sends one query, not ten.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });

    auto *filterLayout = new QHBoxLayout(m_filterRow);
    filterLayout->setContentsMargins(0, 0, 0, 0);
    filterLayout->setSpacing(4);
    const QStringList keys = m_model->columnKeys();
    for (int c = 0; c < keys.size(); ++c) {
        const QString header = m_model->headerData(c, Qt::Horizontal).toString();
        auto *filter = new QLineEdit(m_filterRow);
        filter->setObjectName(QStringLiteral("filterLineEdit_%1").arg(keys.at(c)));
        filter->setPlaceholderText(tr("Filter %1").arg(header));
        filter->setAccessibleName(tr("Filter column %1").arg(header));
        filter->setClearButtonEnabled(true);
        connect(filter, &QLineEdit::textChanged, this,
            [this, c](const QString &text) { m_model->setColumnFilter(c, text); });
        filterLayout->addWidget(filter);
    }
    m_filterRow->setVisible(false);
    auto *filtersButton = new QPushButton(tr("Column filters"), this);
    filtersButton->setObjectName(QStringLiteral("filtersPushButton"));
    filtersButton->setCheckable(true);
    connect(filtersButton, &QPushButton::toggled, m_filterRow, &QWidget::setVisible);

    m_view->setObjectName(QStringLiteral("tableView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    // Fixed row heights keep scrolling through 100,000 rows cheap (P10).
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    // Size columns to what the first rows hold, never to all 100,000 (which would fetch them all).
    m_view->horizontalHeader()->setResizeContentsPrecision(64);
    m_view->setAccessibleName(tr("Table"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { Q_EMIT currentRowChanged(m_model->rowValues(current.row())); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TablePage::updateActions);

    auto *copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TablePage::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_model, &models::SearchableTableModel::modelReset, this, &TablePage::updateCount);
    connect(m_model, &models::SearchableTableModel::loadingChanged, this, &TablePage::updateCount);
    connect(m_model, &models::SearchableTableModel::modelReset, this, &TablePage::updateActions);
    connect(m_model, &models::SearchableTableModel::loadingChanged, this, &TablePage::updateActions);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(filtersButton);
    top->addWidget(m_copyButton);
    top->addWidget(m_exportButton);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_filterRow);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_count);
    m_splitter->addWidget(left);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_splitter);
    updateCount();
    updateActions();
}

void TablePage::setDetailWidget(QWidget *detail)
{
    delete m_detail;
    m_detail = detail;
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
}

void TablePage::hideColumns(const QStringList &keys)
{
    const QStringList all = m_model->columnKeys();
    for (const QString &key : keys) {
        const qsizetype c = all.indexOf(key);
        if (c >= 0)
            m_view->setColumnHidden(int(c), true);
    }
}

bool TablePage::isExporting() const
{
    return m_export->isRunning();
}

void TablePage::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog
        = new QFileDialog(this, tr("Export to CSV"), QDir(folder).filePath(m_exportFileName), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // open(), not exec(): the dialog is window-modal without a nested event loop, native or not.
    connect(dialog, &QFileDialog::fileSelected, this, &TablePage::exportTo);
    dialog->open();
}

void TablePage::exportTo(const QString &path)
{
    if (path.isEmpty() || !m_export->start(m_model->tableExport(), path))
        return;
    updateActions();
    m_count->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
}

void TablePage::updateActions()
{
    m_copyButton->setEnabled(m_view->selectionModel()->hasSelection());
    m_exportButton->setEnabled(!m_export->isRunning() && !m_model->isLoading() && m_model->lastError().isEmpty());
}

QVariantList TablePage::selectedRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->rowValues(current.row()) : QVariantList();
}

void TablePage::reload()
{
    m_stale = !isVisible();
    if (!m_stale)
        m_model->reload();
}

void TablePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        m_model->reload();
}

void TablePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TablePage::copySelection()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<int> columns;  // the shown ones, in the order the header shows them
    for (int visual = 0; visual < m_model->columnCount(); ++visual) {
        const int c = m_view->horizontalHeader()->logicalIndex(visual);
        if (!m_view->isColumnHidden(c))
            columns.append(c);
    }
    QStringList lines;
    for (int row : std::as_const(rows)) {
        QStringList cells;
        for (int c : std::as_const(columns))
            cells.append(m_model->data(m_model->index(row, c)).toString());
        lines.append(cells.join(u'\t'));
    }
    if (lines.isEmpty())
        return;
    if (m_personal && m_clipboard)
        m_clipboard->copyText(lines.join(u'\n'));
    else
        QGuiApplication::clipboard()->setText(lines.join(u'\n'));
}

void TablePage::updateCount()
{
    if (!m_sized && m_model->rowCount() > 0 && !m_model->isLoading()) {
        m_sized = true;
        m_view->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 320));
    }
    if (m_model->isLoading())
        m_count->setText(tr("Loading…"));
    else if (!m_model->lastError().isEmpty())
        m_count->setText(tr("The table could not be read: %1").arg(m_model->lastError()));
    else
        m_count->setText(tr("%n row(s)", nullptr, m_model->rowCount()));
}

}  // namespace stocktake::ui

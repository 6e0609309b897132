// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;

namespace stocktake::models {
class SearchableTableModel;
}

namespace stocktake::ui {

class SecureClipboard;

/// A page that is one big table: a search box, a filter box per column, the table (sorting by
/// header click), a row count, and a detail pane on the right for the selected row. Copy puts the
/// selected rows on the clipboard as tab-separated text (marked secret, cleared after a while);
/// export writes the table as it is filtered and sorted to CSV.
class TablePage : public QWidget {
    Q_OBJECT

public:
    TablePage(models::SearchableTableModel *model, SecureClipboard *clipboard, QWidget *parent = nullptr);

    [[nodiscard]] models::SearchableTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *searchBox() const { return m_search; }
    /// Replaces the detail pane (the page owns it).
    void setDetailWidget(QWidget *detail);
    /// Hides columns by their METRICS.md key (ids the detail pane needs but a person does not).
    void hideColumns(const QStringList &keys);
    /// Shows the Export button; exportRequested() is then the owner's to answer.
    void setExportAvailable(bool available);
    /// The selected row's raw values, or empty.
    [[nodiscard]] QVariantList selectedRow() const;

public Q_SLOTS:
    void copySelection();
    void focusSearch();

Q_SIGNALS:
    void currentRowChanged(const QVariantList &values);
    /// The admin asked to export this table (the window asks for a file and writes it).
    void exportRequested();

private:
    void updateCount();

    models::SearchableTableModel *m_model;
    SecureClipboard *m_clipboard;
    QLineEdit *m_search;
    QWidget *m_filterRow;
    QTableView *m_view;
    QLabel *m_count;
    QWidget *m_exportButton = nullptr;
    QSplitter *m_splitter;
    QWidget *m_detail = nullptr;
    QTimer *m_searchDelay;
    bool m_sized = false;
};

}  // namespace stocktake::ui

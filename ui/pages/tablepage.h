// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace stocktake::models {
class SearchableTableModel;
}

namespace stocktake::ui {

class CsvExportJob;
class SecureClipboard;

/// A page that is one big table: a search box, a filter box per column, the table (sorting by
/// header click), a row count, and a detail pane on the right for the selected row. Copy puts the
/// selected rows' shown columns on the clipboard as tab-separated text — for a table of people
/// through SecureClipboard (kept out of clipboard history, cleared after a while, SECURITY.md
/// B6), otherwise plainly. "Export to CSV…" writes every row the table shows now (search,
/// filters and order as they are) with its METRICS.md columns, off the UI thread.
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
    /// Whether the rows are about people (copy then goes through SecureClipboard); default true.
    void setPersonalData(bool personal) { m_personal = personal; }
    /// The file name the export dialog proposes ("licenses.csv").
    void setExportFileName(const QString &name) { m_exportFileName = name; }
    [[nodiscard]] bool isExporting() const;
    /// The selected row's raw values, or empty.
    [[nodiscard]] QVariantList selectedRow() const;
    /// Runs the model's query now if the page is shown, else when it is next shown: a window
    /// with 100,000 people starts on one query, not on every page's.
    void reload();

public Q_SLOTS:
    void copySelection();
    void focusSearch();
    /// Asks for a file (a window-modal save dialog, `exportFileDialog`), then exportTo() it.
    void chooseExportFile();
    /// Writes the table as it is shown now to `path` (CSV, mode 0600, all or nothing).
    void exportTo(const QString &path);

Q_SIGNALS:
    void currentRowChanged(const QVariantList &values);
    /// An export ended: `rows` written to `path`, or `error` (empty on success), which the page
    /// has shown in a message box.
    void exportFinished(const QString &path, qint64 rows, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateCount();
    void updateActions();

    models::SearchableTableModel *m_model;
    SecureClipboard *m_clipboard;
    QLineEdit *m_search;
    QWidget *m_filterRow;
    QTableView *m_view;
    QLabel *m_count;
    QPushButton *m_copyButton;
    QPushButton *m_exportButton;
    CsvExportJob *m_export;
    QString m_exportFileName;
    QSplitter *m_splitter;
    QWidget *m_detail = nullptr;
    QTimer *m_searchDelay;
    bool m_stale = true;  ///< reload() came while hidden
    bool m_sized = false;
    bool m_personal = true;
};

}  // namespace stocktake::ui

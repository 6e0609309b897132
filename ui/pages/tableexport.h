// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "models/searchablemodel.h"

#include <QFutureWatcher>
#include <QObject>

namespace stocktake::ui {

/// Writes a table as CSV (app/export CsvWriter, RFC 4180 with formula neutralisation) to a file,
/// all or nothing with mode 0600 (writeFileAtomically), on a pool thread: the window never
/// waits for the disk or for the rows of a 100,000-row table. finished() reports once.
class CsvExportJob : public QObject {
    Q_OBJECT

public:
    explicit CsvExportJob(QObject *parent = nullptr);
    ~CsvExportJob() override;

    /// Starts writing `table` to `path`; false (and nothing started) while a write runs.
    bool start(models::TableExport table, const QString &path);
    [[nodiscard]] bool isRunning() const { return m_watcher.isRunning(); }

    /// The writing itself, on the calling thread: the header, then every row of the table.
    /// Returns the number of rows written.
    [[nodiscard]] static core::Result<qint64> write(const models::TableExport &table, const QString &path);

Q_SIGNALS:
    /// `rows` written to `path`; or `error`, one plain line for the person (empty on success).
    void finished(const QString &path, qint64 rows, const QString &error);

private:
    QFutureWatcher<core::Result<qint64>> m_watcher;
    QString m_path;
};

}  // namespace stocktake::ui

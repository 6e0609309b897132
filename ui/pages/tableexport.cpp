// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include "export/atomicfile.h"
#include "export/csvwriter.h"

#include <QtConcurrent/QtConcurrentRun>

namespace stocktake::ui {

CsvExportJob::CsvExportJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const core::Result<qint64> result = m_watcher.result();
        if (result)
            Q_EMIT finished(m_path, *result, QString());
        else
            Q_EMIT finished(m_path, 0, result.error().userMessage);
    });
}

CsvExportJob::~CsvExportJob()
{
    // The job holds its own copies and connection; this only joins the pool thread.
    m_watcher.waitForFinished();
}

bool CsvExportJob::start(models::TableExport table, const QString &path)
{
    if (m_watcher.isRunning())
        return false;
    m_path = path;
    m_watcher.setFuture(QtConcurrent::run([table = std::move(table), path] { return write(table, path); }));
    return true;
}

core::Result<qint64> CsvExportJob::write(const models::TableExport &table, const QString &path)
{
    qint64 rows = 0;
    core::Status read;
    const core::Status written = exporting::writeFileAtomically(path, [&](QIODevice &device) {
        exporting::CsvWriter csv(&device, table.columns);
        if (!csv.writeHeader())
            return false;
        bool ok = true;
        read = table.rows([&](const exporting::Row &row) {
            ok = csv.writeRow(row);
            rows += ok ? 1 : 0;
            return ok;
        });
        return ok && read.ok();
    });
    if (!read)
        return read.error();  // the rows could not be read: that, not "the file could not be written"
    if (!written)
        return written.error();
    return rows;
}

}  // namespace stocktake::ui

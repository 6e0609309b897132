// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/table.h"

#include <QDateTime>
#include <QIODevice>

namespace stocktake::exporting {

/// A paginated table report as PDF, inert by construction (SECURITY.md E2): every string is drawn
/// as plain text with QPainter (no HTML, no resources, no links, no scripts), and the document
/// metadata holds only the product name. Needs a QGuiApplication (fonts).
class PdfReportWriter {
public:
    struct Report {
        QString title;        ///< e.g. "License use"
        QString profileName;  ///< tenant/profile display name (tenant text, drawn verbatim)
        QDateTime asOf;
        QDateTime generated;
        QList<Column> columns;
        QList<Row> rows;
    };
    struct Outcome {
        int pages = 0;
        int rowsPerPage = 0;
    };

    /// Writes the report; landscape when there are more than five columns. pages == 0 on failure.
    [[nodiscard]] static Outcome write(QIODevice *device, const Report &report);
};

}  // namespace stocktake::exporting

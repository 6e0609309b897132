// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace stocktake::tenantsim {

/// A4 pages of text, lines and grey boxes in points from the bottom-left corner, written with
/// QPdfWriter and QPainter (embedded DejaVu Sans subsets, so Danish and German letters and the
/// euro sign come through and pdftotext reads them). The drawing is recorded and painted in
/// finish(); needs a QGuiApplication (the sim runs on the `offscreen` platform).
class PdfWriter {
public:
    static constexpr double kPageWidth = 595.0;
    static constexpr double kPageHeight = 842.0;

    void newPage();
    /// Text with its baseline at (x, y) from the bottom-left corner.
    void text(double x, double y, double size, bool bold, const QString &text);
    void line(double x1, double y1, double x2, double y2, double width = 0.5);
    void box(double x, double y, double width, double height, double gray);
    /// The whole file (PDF 1.4); `title` goes into the document information. The creation date
    /// and document id QPdfWriter stamps are replaced by `created` and a hash of the content,
    /// so the bytes depend on the drawing alone.
    [[nodiscard]] QByteArray finish(const QString &title, const QDateTime &created) const;

private:
    struct Op {
        enum Kind { Text, Line, Box } kind;
        double a, b, c, d, e;  ///< Text: x, y, size; Line: x1, y1, x2, y2, width; Box: x, y, w, h, gray
        bool bold = false;
        QString text;
    };
    QList<QList<Op>> m_pages;
};

}  // namespace stocktake::tenantsim

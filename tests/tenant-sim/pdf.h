// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace stocktake::tenantsim {

/// A small PDF 1.4 written byte by byte: A4 pages of text in the standard Helvetica fonts
/// (WinAnsiEncoding, so Danish and German letters and the euro sign come through), lines and
/// grey boxes, uncompressed, with a correct cross-reference table. Enough for invoices that
/// pdftotext and QtPdf read, with no dependency beyond QtCore.
class PdfWriter {
public:
    static constexpr double kPageWidth = 595.0;
    static constexpr double kPageHeight = 842.0;

    void newPage();
    /// Text with its baseline at (x, y) from the bottom-left corner.
    void text(double x, double y, double size, bool bold, const QString &text);
    void line(double x1, double y1, double x2, double y2, double width = 0.5);
    void box(double x, double y, double width, double height, double gray);
    /// The whole file; `title` goes into the document information dictionary.
    [[nodiscard]] QByteArray finish(const QString &title, const QDateTime &created) const;

    /// WinAnsiEncoding (cp1252) bytes of `text`; characters it lacks become '?'.
    static QByteArray winAnsi(const QString &text);

private:
    QList<QByteArray> m_pages;
};

}  // namespace stocktake::tenantsim

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/pdfreportwriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QFontMetrics>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace stocktake::exporting {

namespace {

QString cellText(const QVariant &cell, ColumnType type)
{
    if (cell.isNull() || !cell.isValid())
        return {};
    switch (type) {
    case ColumnType::Boolean:
        return cell.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::DateTime:
        return cell.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    case ColumnType::Date:
        return cell.toDate().toString(Qt::ISODate);
    case ColumnType::List:
        return cell.toStringList().join(QStringLiteral("; "));
    case ColumnType::Integer:
        return QString::number(cell.toLongLong());
    case ColumnType::Text:
    case ColumnType::Decimal:
        break;
    }
    return cell.toString();
}

QString tr(const char *s)
{
    return QCoreApplication::translate("stocktake::exporting::PdfReportWriter", s);
}

}  // namespace

PdfReportWriter::Outcome PdfReportWriter::write(QIODevice *device, const Report &report)
{
    QPdfWriter pdf(device);
    pdf.setTitle(QStringLiteral("Stocktake report"));
    pdf.setCreator(QStringLiteral("Stocktake"));
    pdf.setResolution(300);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
        report.columns.size() > 5 ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
        QPageLayout::Millimeter));
    QPainter p;
    if (!p.begin(&pdf))
        return {};
    const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const int w = page.width();
    const int h = page.height();
    QFont body(QStringLiteral("DejaVu Sans"), 8);
    // A non-zero letter spacing (half a 300-dpi pixel) turns off ligatures in Qt's shaper, so "file:" copies and
    // extracts as typed (no U+FB01) and searching the PDF for a name finds it.
    body.setLetterSpacing(QFont::AbsoluteSpacing, 0.5);
    QFont bold = body;
    bold.setBold(true);
    QFont titleFont = body;
    titleFont.setPointSize(14);
    titleFont.setBold(true);
    const int line = QFontMetrics(body, &pdf).height() * 6 / 5;
    const int headerTop = QFontMetrics(titleFont, &pdf).height() + 2 * line;
    const int rowsPerPage = std::max(1, (h - headerTop - 3 * line) / line);
    const int pages = std::max<int>(1, int((report.rows.size() + rowsPerPage - 1) / rowsPerPage));
    const int cols = std::max<int>(1, int(report.columns.size()));
    const int colW = w / cols;
    const QString subtitle
        = tr("%1 — data as of %2")
              .arg(report.profileName, report.asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    const QString generated
        = tr("Generated %1").arg(report.generated.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));

    for (int pg = 0; pg < pages; ++pg) {
        if (pg > 0 && !pdf.newPage())
            return {};
        int y = 0;
        p.setFont(titleFont);
        p.drawText(QRect(0, y, w, line * 2), Qt::AlignLeft | Qt::TextSingleLine, report.title);
        y += QFontMetrics(titleFont, &pdf).height();
        p.setFont(body);
        p.drawText(QRect(0, y, w, line), Qt::AlignLeft | Qt::TextSingleLine, subtitle);
        y += line * 2;
        p.setFont(bold);
        for (int c = 0; c < cols && c < report.columns.size(); ++c)
            p.drawText(
                QRect(c * colW, y, colW - 10, line), Qt::AlignLeft | Qt::TextSingleLine, report.columns.at(c).key);
        y += line;
        p.drawLine(0, y, w, y);
        p.setFont(body);
        const qsizetype first = qsizetype(pg) * rowsPerPage;
        const qsizetype last = std::min<qsizetype>(report.rows.size(), first + rowsPerPage);
        for (qsizetype r = first; r < last; ++r) {
            const Row &row = report.rows.at(r);
            for (int c = 0; c < report.columns.size(); ++c) {
                const QString text = cellText(c < row.size() ? row.at(c) : QVariant(), report.columns.at(c).type);
                const QString shown = QFontMetrics(body, &pdf).elidedText(text, Qt::ElideRight, colW - 10);
                p.drawText(QRect(c * colW, y, colW - 10, line), Qt::AlignLeft | Qt::TextSingleLine, shown);
            }
            y += line;
        }
        p.drawText(QRect(0, h - line, w, line), Qt::AlignLeft | Qt::TextSingleLine, generated);
        p.drawText(QRect(0, h - line, w, line), Qt::AlignRight | Qt::TextSingleLine,
            tr("Page %1 of %2").arg(pg + 1).arg(pages));
    }
    if (!p.end())
        return {};
    return {pages, rowsPerPage};
}

}  // namespace stocktake::exporting

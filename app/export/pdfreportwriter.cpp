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

#include <limits>

namespace stocktake::exporting {

namespace {

QString cellText(const QVariant &cell, ColumnType type)
{
    if (cell.isNull() || !cell.isValid())
        return {};
    switch (cellType(cell, type)) {
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
    case ColumnType::Mixed:  // never: cellType() resolved it
        break;
    }
    return cell.toString();
}

QString tr(const char *s)
{
    return QCoreApplication::translate("stocktake::exporting::PdfReportWriter", s);
}

/// Column widths that fit `total`: a column whose widest text (header or cell) fits its fair
/// share keeps its natural width, and what it leaves over is shared among the wider ones, so a
/// short count never takes the room a product name needs (water-filling).
QList<int> columnWidths(const QList<int> &natural, int total)
{
    QList<int> widths(natural.size(), 0);
    QList<int> open;
    for (int c = 0; c < natural.size(); ++c)
        open.append(c);
    int left = total;
    bool settled = false;
    while (!open.isEmpty() && !settled) {
        settled = true;
        const int share = left / int(open.size());
        for (qsizetype i = 0; i < open.size();) {
            const int c = open.at(i);
            if (natural.at(c) <= share) {
                widths[c] = natural.at(c);
                left -= natural.at(c);
                open.removeAt(i);
                settled = false;
            } else {
                ++i;
            }
        }
    }
    for (int c : std::as_const(open))
        widths[c] = left / int(open.size());
    return widths;
}

/// A column key over at most two lines, split at an underscore where the wider line is narrowest
/// ("assigned_users" → "assigned_" / "users"), so short figures under long keys stay narrow.
QStringList headerLines(const QString &key, const QFontMetrics &metrics)
{
    QStringList best {key};
    int bestWidth = metrics.horizontalAdvance(key);
    for (qsizetype at = key.indexOf(u'_'); at >= 0; at = key.indexOf(u'_', at + 1)) {
        const QString first = key.left(at + 1);
        const QString second = key.mid(at + 1);
        if (second.isEmpty())
            continue;
        const int width = std::max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second));
        if (width < bestWidth) {
            bestWidth = width;
            best = {first, second};
        }
    }
    return best;
}

/// Where the columns go: each column's header lines, width and left edge.
struct ColumnLayout {
    QList<QStringList> headers;
    QList<int> widths;
    QList<int> lefts;
    int headerLines = 1;
};

ColumnLayout layOut(const PdfReportWriter::Report &report, const QFont &body, const QFont &bold, QPaintDevice *device,
    int pageWidth, int gap, bool wrapHeaders)
{
    ColumnLayout layout;
    QList<int> natural;
    const QFontMetrics metrics(body, device);
    const QFontMetrics boldMetrics(bold, device);
    for (qsizetype c = 0; c < report.columns.size(); ++c) {
        const QStringList lines
            = wrapHeaders ? headerLines(report.columns.at(c).key, boldMetrics) : QStringList {report.columns.at(c).key};
        layout.headerLines = std::max(layout.headerLines, int(lines.size()));
        int widest = 0;
        for (const QString &l : lines)
            widest = std::max(widest, boldMetrics.horizontalAdvance(l));
        for (const Row &row : report.rows) {
            if (c < row.size())
                widest = std::max(widest, metrics.horizontalAdvance(cellText(row.at(c), report.columns.at(c).type)));
        }
        layout.headers.append(lines);
        // +1: horizontalAdvance() rounds, and a text exactly as wide as its box must not be elided.
        natural.append(widest + gap + 1);
    }
    layout.widths = columnWidths(natural, pageWidth);
    for (int c = 0, x = 0; c < layout.widths.size(); x += layout.widths.at(c), ++c)
        layout.lefts.append(x);
    return layout;
}

int naturalWidth(const PdfReportWriter::Report &report, const QFont &body, const QFont &bold, QPaintDevice *device,
    int gap, bool wrapHeaders)
{
    const ColumnLayout unlimited
        = layOut(report, body, bold, device, std::numeric_limits<int>::max() / 2, gap, wrapHeaders);
    int sum = 0;
    for (int width : unlimited.widths)
        sum += width;
    return sum;
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
    // A table wider than the page first breaks its column keys over two lines at an underscore,
    // then gets a smaller type (down to 6 pt), and only then has cells cut short.
    const int gap8 = QFontMetrics(body, &pdf).horizontalAdvance(QStringLiteral("  "));
    const bool wrap = naturalWidth(report, body, bold, &pdf, gap8, false) > w;
    const int natural = naturalWidth(report, body, bold, &pdf, gap8, wrap);
    if (natural > w) {
        body.setPointSizeF(std::max(6.0, 8.0 * w / natural));
        bold.setPointSizeF(body.pointSizeF());
    }
    const int gap = QFontMetrics(body, &pdf).horizontalAdvance(QStringLiteral("  "));
    const ColumnLayout columns = layOut(report, body, bold, &pdf, w, gap, wrap);
    const int line = QFontMetrics(body, &pdf).height() * 6 / 5;
    const int headerTop = QFontMetrics(titleFont, &pdf).height() + (1 + columns.headerLines) * line;
    const int rowsPerPage = std::max(1, (h - headerTop - 3 * line) / line);
    const int pages = std::max<int>(1, int((report.rows.size() + rowsPerPage - 1) / rowsPerPage));
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
        for (int c = 0; c < report.columns.size(); ++c) {
            const int width = columns.widths.at(c) - gap;
            const QStringList &lines = columns.headers.at(c);
            for (int l = 0; l < lines.size(); ++l) {
                const QString shown = QFontMetrics(bold, &pdf).elidedText(lines.at(l), Qt::ElideRight, width);
                p.drawText(
                    QRect(columns.lefts.at(c), y + l * line, width, line), Qt::AlignLeft | Qt::TextSingleLine, shown);
            }
        }
        y += columns.headerLines * line;
        p.drawLine(0, y, w, y);
        p.setFont(body);
        const qsizetype first = qsizetype(pg) * rowsPerPage;
        const qsizetype last = std::min<qsizetype>(report.rows.size(), first + rowsPerPage);
        for (qsizetype r = first; r < last; ++r) {
            const Row &row = report.rows.at(r);
            for (int c = 0; c < report.columns.size(); ++c) {
                const QString text = cellText(c < row.size() ? row.at(c) : QVariant(), report.columns.at(c).type);
                const int width = columns.widths.at(c) - gap;
                const QString shown = QFontMetrics(body, &pdf).elidedText(text, Qt::ElideRight, width);
                p.drawText(QRect(columns.lefts.at(c), y, width, line), Qt::AlignLeft | Qt::TextSingleLine, shown);
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

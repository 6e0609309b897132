// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf.h"

#include <QBuffer>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPen>
#include <QRegularExpression>

namespace stocktake::tenantsim {

void PdfWriter::newPage()
{
    m_pages.append(QList<Op>());
}

void PdfWriter::text(double x, double y, double size, bool bold, const QString &text)
{
    if (m_pages.isEmpty()) {
        newPage();
    }
    m_pages.last().append(Op {Op::Text, x, y, size, 0, 0, bold, text});
}

void PdfWriter::line(double x1, double y1, double x2, double y2, double width)
{
    if (m_pages.isEmpty()) {
        newPage();
    }
    m_pages.last().append(Op {Op::Line, x1, y1, x2, y2, width, false, {}});
}

void PdfWriter::box(double x, double y, double width, double height, double gray)
{
    if (m_pages.isEmpty()) {
        newPage();
    }
    m_pages.last().append(Op {Op::Box, x, y, width, height, gray, false, {}});
}

QByteArray PdfWriter::finish(const QString &title, const QDateTime &created) const
{
    const QList<QList<Op>> pages = m_pages.isEmpty() ? QList<QList<Op>> {QList<Op>()} : m_pages;
    QByteArray out;
    {
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setPdfVersion(QPagedPaintDevice::PdfVersion_1_4);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("stocktake-tenant-sim"));
        // One device unit is one point, so the coordinates are PDF's own.
        pdf.setResolution(72);
        pdf.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point));
        QPainter p(&pdf);
        QFont font(QStringLiteral("DejaVu Sans"));
        // Non-zero letter spacing turns off ligatures, so "fi" extracts as typed (pdfreportwriter.cpp).
        font.setLetterSpacing(QFont::AbsoluteSpacing, 0.01);
        for (qsizetype page = 0; page < pages.size(); ++page) {
            if (page > 0) {
                pdf.newPage();
            }
            for (const Op &op : pages.at(page)) {
                switch (op.kind) {
                case Op::Text:
                    font.setPointSizeF(op.c);
                    font.setBold(op.bold);
                    p.setFont(font);
                    p.setPen(Qt::black);
                    p.drawText(QPointF(op.a, kPageHeight - op.b), op.text);
                    break;
                case Op::Line:
                    p.setPen(QPen(Qt::black, op.e));
                    p.drawLine(QPointF(op.a, kPageHeight - op.b), QPointF(op.c, kPageHeight - op.d));
                    break;
                case Op::Box: {
                    const int gray = qBound(0, static_cast<int>(op.e * 255 + 0.5), 255);
                    p.fillRect(QRectF(op.a, kPageHeight - op.b - op.d, op.c, op.d), QColor(gray, gray, gray));
                    break;
                }
                }
            }
        }
        p.end();
    }
    // QPdfWriter stamps the current local time ("D:yyyyMMddHHmmss" and "Z" or "+HH'mm'"); overwrite
    // it in place with `created`, the same length so the cross-reference offsets stay right.
    static const QRegularExpression kCreated(QStringLiteral("/CreationDate \\(D:(\\d{14})(Z|[+-]\\d\\d'\\d\\d')\\)"));
    const QRegularExpressionMatch match = kCreated.match(QString::fromLatin1(out.left(4096)));
    if (match.hasMatch()) {
        const QByteArray zone = match.capturedLength(2) == 1 ? QByteArray("Z") : QByteArray("+00'00'");
        out.replace(match.capturedStart(1), match.capturedLength(1) + match.capturedLength(2),
            QByteArray(created.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + zone));
    }
    return out;
}

}  // namespace stocktake::tenantsim

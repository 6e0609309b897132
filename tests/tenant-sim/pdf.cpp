// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf.h"

#include <QCryptographicHash>

#include <array>
#include <utility>

namespace stocktake::tenantsim {

namespace {

QByteArray num(double v)
{
    return QByteArray::number(v, 'f', 2);
}

/// A PDF literal string: parentheses and backslashes escaped, bytes otherwise as they are.
QByteArray literal(const QByteArray &bytes)
{
    QByteArray out = "(";
    for (const char c : bytes) {
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + ')';
}

// cp1252's 0x80–0x9F row: the characters WinAnsiEncoding places there.
constexpr std::array<std::pair<char16_t, unsigned char>, 27> kHighRow {{{u'€', 0x80}, {u'‚', 0x82}, {u'ƒ', 0x83},
    {u'„', 0x84}, {u'…', 0x85}, {u'†', 0x86}, {u'‡', 0x87}, {u'ˆ', 0x88}, {u'‰', 0x89}, {u'Š', 0x8A}, {u'‹', 0x8B},
    {u'Œ', 0x8C}, {u'Ž', 0x8E}, {u'‘', 0x91}, {u'’', 0x92}, {u'“', 0x93}, {u'”', 0x94}, {u'•', 0x95}, {u'–', 0x96},
    {u'—', 0x97}, {u'˜', 0x98}, {u'™', 0x99}, {u'š', 0x9A}, {u'›', 0x9B}, {u'œ', 0x9C}, {u'ž', 0x9E}, {u'Ÿ', 0x9F}}};

}  // namespace

QByteArray PdfWriter::winAnsi(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x20 && u < 0x7f) || (u >= 0xa0 && u <= 0xff)) {
            out += static_cast<char>(u);
            continue;
        }
        char mapped = '?';
        for (const auto &[from, to] : kHighRow) {
            if (from == u) {
                mapped = static_cast<char>(to);
                break;
            }
        }
        out += mapped;
    }
    return out;
}

void PdfWriter::newPage()
{
    m_pages.append(QByteArray());
}

void PdfWriter::text(double x, double y, double size, bool bold, const QString &text)
{
    if (m_pages.isEmpty()) {
        newPage();
    }
    m_pages.last() += "BT /" + QByteArray(bold ? "F2" : "F1") + ' ' + num(size) + " Tf 1 0 0 1 " + num(x) + ' ' + num(y)
        + " Tm " + literal(winAnsi(text)) + " Tj ET\n";
}

void PdfWriter::line(double x1, double y1, double x2, double y2, double width)
{
    if (m_pages.isEmpty()) {
        newPage();
    }
    m_pages.last() += num(width) + " w " + num(x1) + ' ' + num(y1) + " m " + num(x2) + ' ' + num(y2) + " l S\n";
}

void PdfWriter::box(double x, double y, double width, double height, double gray)
{
    if (m_pages.isEmpty()) {
        newPage();
    }
    m_pages.last() += num(gray) + " g " + num(x) + ' ' + num(y) + ' ' + num(width) + ' ' + num(height) + " re f 0 g\n";
}

QByteArray PdfWriter::finish(const QString &title, const QDateTime &created) const
{
    const QList<QByteArray> pages = m_pages.isEmpty() ? QList<QByteArray> {QByteArray()} : m_pages;
    // Objects: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 info, then per page
    // the page and its content stream.
    QList<QByteArray> objects;
    QByteArray kids;
    for (qsizetype p = 0; p < pages.size(); ++p) {
        kids += QByteArray::number(6 + 2 * p) + " 0 R ";
    }
    objects.append("<< /Type /Catalog /Pages 2 0 R >>");
    objects.append("<< /Type /Pages /Kids [ " + kids + "] /Count " + QByteArray::number(pages.size()) + " >>");
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    objects.append("<< /Title " + literal(winAnsi(title)) + " /Producer (stocktake-tenant-sim) /CreationDate (D:"
        + created.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z) >>");
    for (qsizetype p = 0; p < pages.size(); ++p) {
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(kPageWidth) + ' ' + num(kPageHeight)
            + "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " + QByteArray::number(7 + 2 * p)
            + " 0 R >>");
        objects.append(
            "<< /Length " + QByteArray::number(pages.at(p).size()) + " >>\nstream\n" + pages.at(p) + "endstream");
    }

    // A binary comment line tells transfer tools the file is not text.
    QByteArray out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : std::as_const(offsets)) {
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    }
    const QByteArray id = QCryptographicHash::hash(out, QCryptographicHash::Md5).toHex();
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R /Info 5 0 R /ID [<" + id
        + "> <" + id + ">] >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace stocktake::tenantsim

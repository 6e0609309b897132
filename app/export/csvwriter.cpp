// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/csvwriter.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace stocktake::exporting {

namespace {

QString quoted(const QString &s)
{
    const bool needs = s.contains(u'"') || s.contains(u',') || s.contains(u'\r') || s.contains(u'\n');
    if (!needs)
        return s;
    QString out = s;
    out.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

QString neutralised(const QString &s)
{
    if (s.isEmpty())
        return s;
    const QChar c = s.front();
    if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r' || c == QChar(0))
        return u'\'' + s;
    return s;
}

}  // namespace

CsvWriter::CsvWriter(QIODevice *device, QList<Column> columns)
    : m_device(device)
    , m_columns(std::move(columns))
{ }

QString CsvWriter::cellText(const QVariant &cell, ColumnType type)
{
    if (cell.isNull() || !cell.isValid())
        return {};
    switch (cellType(cell, type)) {
    case ColumnType::Text:
    case ColumnType::Mixed:  // never: cellType() resolved it
        return quoted(neutralised(cell.toString()));
    case ColumnType::Integer:
        return QString::number(cell.toLongLong());
    case ColumnType::Decimal:
        return cell.toString();  // exact digits from the typed path: "-12.50" stays a number
    case ColumnType::Boolean:
        return cell.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::DateTime:
        return cell.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    case ColumnType::Date:
        return cell.toDate().toString(Qt::ISODate);
    case ColumnType::List:
        return quoted(neutralised(cell.toStringList().join(u';')));
    }
    return {};
}

bool CsvWriter::writeLine(const QStringList &fields)
{
    const QByteArray bytes = (fields.join(u',') + QStringLiteral("\r\n")).toUtf8();
    return m_device->write(bytes) == bytes.size();
}

bool CsvWriter::writeHeader()
{
    QStringList fields;
    for (const Column &c : std::as_const(m_columns))
        fields << quoted(c.key);
    return writeLine(fields);
}

bool CsvWriter::writeRow(const Row &row)
{
    QStringList fields;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        fields << cellText(i < row.size() ? row.at(i) : QVariant(), m_columns.at(i).type);
    return writeLine(fields);
}

}  // namespace stocktake::exporting

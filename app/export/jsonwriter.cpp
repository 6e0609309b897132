// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/jsonwriter.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

namespace stocktake::exporting {

namespace {

QString jsonString(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == u'"')
            out += QStringLiteral("\\\"");
        else if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QChar(u'0'));
        else
            out += c;
    }
    return out + u'"';
}

bool isJsonNumber(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$"));
    return re.match(s).hasMatch();
}

QString jsonCell(const QVariant &cell, ColumnType type)
{
    if (cell.isNull() || !cell.isValid())
        return QStringLiteral("null");
    switch (cellType(cell, type)) {
    case ColumnType::Text:
    case ColumnType::Mixed:  // never: cellType() resolved it
        return jsonString(cell.toString());
    case ColumnType::Integer:
        return QString::number(cell.toLongLong());
    case ColumnType::Decimal: {
        const QString digits = cell.toString();
        return isJsonNumber(digits) ? digits : QStringLiteral("null");
    }
    case ColumnType::Boolean:
        return cell.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::DateTime:
        return jsonString(cell.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    case ColumnType::Date:
        return jsonString(cell.toDate().toString(Qt::ISODate));
    case ColumnType::List:
        return jsonString(cell.toStringList().join(u';'));
    }
    return QStringLiteral("null");
}

}  // namespace

JsonWriter::JsonWriter(QIODevice *device, QList<Column> columns)
    : m_device(device)
    , m_columns(std::move(columns))
{ }

bool JsonWriter::put(const QString &s)
{
    const QByteArray bytes = s.toUtf8();
    return m_device->write(bytes) == bytes.size();
}

bool JsonWriter::begin()
{
    return put(QStringLiteral("["));
}

bool JsonWriter::writeRow(const Row &row)
{
    QString obj = m_first ? QStringLiteral("\n{") : QStringLiteral(",\n{");
    m_first = false;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            obj += u',';
        obj += jsonString(m_columns.at(i).key) + u':'
            + jsonCell(i < row.size() ? row.at(i) : QVariant(), m_columns.at(i).type);
    }
    return put(obj + u'}');
}

bool JsonWriter::end()
{
    return put(QStringLiteral("\n]\n"));
}

}  // namespace stocktake::exporting

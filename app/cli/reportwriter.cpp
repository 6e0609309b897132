// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace stocktake::cli {

namespace {

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString csvText(const QString &text)
{
    QString s = text;
    if (!s.isEmpty()
        && (s.front() == u'=' || s.front() == u'+' || s.front() == u'-' || s.front() == u'@' || s.front() == u'\t'
            || s.front() == u'\r'))
        s.prepend(u'\'');
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\r') || s.contains(u'\n')) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

struct CsvCell {
    QString operator()(std::monostate /*empty*/) const { return {}; }
    QString operator()(const QString &s) const { return csvText(s); }
    QString operator()(qint64 n) const { return QString::number(n); }
    QString operator()(const insights::Decimal &d) const { return d.text; }
    QString operator()(bool b) const { return b ? QStringLiteral("true") : QStringLiteral("false"); }
    QString operator()(const QDateTime &t) const { return isoUtc(t); }
};

QString jsonString(const QString &s)
{
    // QJsonDocument escapes a one-element array exactly as JSON wants; strip the brackets.
    const QByteArray doc = QJsonDocument(QJsonArray {QJsonValue(s)}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(doc.mid(1, doc.size() - 2));
}

struct JsonCell {
    QString operator()(std::monostate /*empty*/) const { return QStringLiteral("null"); }
    QString operator()(const QString &s) const { return jsonString(s); }
    QString operator()(qint64 n) const { return QString::number(n); }
    QString operator()(const insights::Decimal &d) const { return d.text; }
    QString operator()(bool b) const { return b ? QStringLiteral("true") : QStringLiteral("false"); }
    QString operator()(const QDateTime &t) const { return jsonString(isoUtc(t)); }
};

}  // namespace

QString toCsv(const insights::ReportTable &table)
{
    QString out;
    QStringList header;
    for (const QString &c : table.columns)
        header.append(csvText(c));
    out += header.join(u',') + QStringLiteral("\r\n");
    for (const auto &row : table.rows) {
        QStringList fields;
        for (const insights::Cell &cell : row)
            fields.append(std::visit(CsvCell {}, cell));
        out += fields.join(u',') + QStringLiteral("\r\n");
    }
    return out;
}

QString toJson(const insights::ReportTable &table)
{
    QStringList keys;
    for (const QString &c : table.columns)
        keys.append(jsonString(c));
    QStringList objects;
    for (const auto &row : table.rows) {
        QStringList members;
        for (qsizetype i = 0; i < row.size() && i < keys.size(); ++i)
            members.append(keys[i] + QStringLiteral(": ") + std::visit(JsonCell {}, row[i]));
        objects.append(QStringLiteral("  {") + members.join(QStringLiteral(", ")) + u'}');
    }
    if (objects.isEmpty())
        return QStringLiteral("[]\n");
    return QStringLiteral("[\n") + objects.join(QStringLiteral(",\n")) + QStringLiteral("\n]\n");
}

}  // namespace stocktake::cli

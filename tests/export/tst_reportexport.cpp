// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A report of the figures (insights::ReportTable) through the export writers, as stocktake-cli
// and the window's "Export to CSV…" write it: METRICS.md "CSV and JSON" byte for byte.
#include "export/csvwriter.h"
#include "export/jsonwriter.h"
#include "export/reportexport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace stocktake;
using exporting::ColumnType;

namespace {

insights::ReportTable table(const QString &text)
{
    insights::ReportTable t;
    t.columns = {QStringLiteral("name"), QStringLiteral("count"), QStringLiteral("price"), QStringLiteral("ok"),
        QStringLiteral("when"), QStringLiteral("empty")};
    t.rows.append({insights::Cell {text}, insights::Cell {qint64(-3)},
        insights::Cell {insights::Decimal {QStringLiteral("58.30")}}, insights::Cell {true},
        insights::Cell {QDateTime(QDate(2026, 11, 20), QTime(13, 0), QTimeZone(3600))}, insights::Cell {}});
    return t;
}

QByteArray csvOf(const insights::ReportTable &t)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    exporting::CsvWriter csv(&buffer, exporting::columnsOf(t));
    if (!csv.writeHeader())
        return {};
    for (const auto &row : t.rows) {
        if (!csv.writeRow(exporting::rowOf(row)))
            return {};
    }
    return buffer.data();
}

QByteArray jsonOf(const insights::ReportTable &t)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    exporting::JsonWriter json(&buffer, exporting::columnsOf(t));
    if (!json.begin())
        return {};
    for (const auto &row : t.rows) {
        if (!json.writeRow(exporting::rowOf(row)))
            return {};
    }
    if (!json.end())
        return {};
    return buffer.data();
}

}  // namespace

class TestReportExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void columnsTakeTheTypeOfTheirCells()
    {
        const auto columns = exporting::columnsOf(table(QStringLiteral("Slack")));
        QCOMPARE(columns.size(), 6);
        QCOMPARE(columns.at(0).key, QStringLiteral("name"));
        QCOMPARE(columns.at(0).type, ColumnType::Text);
        QCOMPARE(columns.at(1).type, ColumnType::Integer);
        QCOMPARE(columns.at(2).type, ColumnType::Decimal);
        QCOMPARE(columns.at(3).type, ColumnType::Boolean);
        QCOMPARE(columns.at(4).type, ColumnType::DateTime);
        QCOMPARE(columns.at(5).type, ColumnType::Text);  // no known cell
    }

    void csvCells_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << QStringLiteral("Slack") << QStringLiteral("Slack");
        QTest::newRow("formula =") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("formula -") << QStringLiteral("-1") << QStringLiteral("'-1");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
        QTest::newRow("carriage return quotes too") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote doubled") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("formula and comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
        QTest::newRow("utf-8") << QStringLiteral("Zoë") << QStringLiteral("Zoë");
    }
    void csvCells()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        QCOMPARE(QString::fromUtf8(csvOf(table(text))),
            QStringLiteral("name,count,price,ok,when,empty\r\n") + cell
                + QStringLiteral(",-3,58.30,true,2026-11-20T12:00:00Z,\r\n"));
    }

    void jsonKeepsKeysInOrderNumbersAsNumbersAndNulls()
    {
        const QByteArray json = jsonOf(table(QStringLiteral("=\"x\"\n\\")));
        QCOMPARE(QString::fromUtf8(json),
            QStringLiteral("[\n{\"name\":\"=\\\"x\\\"\\u000a\\\\\",\"count\":-3,\"price\":58.30,\"ok\":true,"
                           "\"when\":\"2026-11-20T12:00:00Z\",\"empty\":null}\n]\n"));
        const QJsonObject o = QJsonDocument::fromJson(json).array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("=\"x\"\n\\"));
        QCOMPARE(o.value(QStringLiteral("price")).toDouble(), 58.3);
        QVERIFY(o.value(QStringLiteral("empty")).isNull());
    }

    void aCountOrAWordIsAMixedColumn()
    {
        // report apps' grant_users: a number of people, or `all` when an admin consented for everyone.
        insights::ReportTable t;
        t.columns = {QStringLiteral("app_key"), QStringLiteral("grant_users")};
        t.rows.append({insights::Cell {QStringLiteral("a")}, insights::Cell {qint64(2)}});
        t.rows.append({insights::Cell {QStringLiteral("b")}, insights::Cell {QStringLiteral("all")}});
        t.rows.append({insights::Cell {QStringLiteral("c")}, insights::Cell {}});
        QCOMPARE(exporting::columnsOf(t).at(1).type, ColumnType::Mixed);
        QCOMPARE(csvOf(t), QByteArray("app_key,grant_users\r\na,2\r\nb,all\r\nc,\r\n"));
        const QJsonArray rows = QJsonDocument::fromJson(jsonOf(t)).array();
        QVERIFY(rows.at(0).toObject().value(QStringLiteral("grant_users")).isDouble());
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("grant_users")).toInt(), 2);
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("grant_users")).toString(), QStringLiteral("all"));
        QVERIFY(rows.at(2).toObject().value(QStringLiteral("grant_users")).isNull());
    }

    void emptyReportIsAHeaderAndAnEmptyArray()
    {
        insights::ReportTable t;
        t.columns = {QStringLiteral("a"), QStringLiteral("b")};
        QCOMPARE(csvOf(t), QByteArray("a,b\r\n"));
        QCOMPARE(jsonOf(t), QByteArray("[\n]\n"));
        QCOMPARE(QJsonDocument::fromJson(jsonOf(t)).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReportExport)
#include "tst_reportexport.moc"

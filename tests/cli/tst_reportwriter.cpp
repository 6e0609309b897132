// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/reportwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace stocktake;

/// METRICS.md "CSV and JSON" for one typed table: RFC 4180, formula-safe text, numbers as
/// numbers, ISO 8601 UTC, keys in header order, empty cells null.
class TestReportWriter : public QObject {
    Q_OBJECT

private:
    static insights::ReportTable table(const QString &text)
    {
        insights::ReportTable t;
        t.columns = {QStringLiteral("name"), QStringLiteral("count"), QStringLiteral("price"), QStringLiteral("ok"),
            QStringLiteral("when"), QStringLiteral("empty")};
        t.rows.append({insights::Cell {text}, insights::Cell {qint64(-3)},
            insights::Cell {insights::Decimal {QStringLiteral("58.30")}}, insights::Cell {true},
            insights::Cell {QDateTime(QDate(2026, 11, 20), QTime(13, 0), QTimeZone(3600))}, insights::Cell {}});
        return t;
    }

private Q_SLOTS:
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
        const QString csv = cli::toCsv(table(text));
        QCOMPARE(csv,
            QStringLiteral("name,count,price,ok,when,empty\r\n") + cell
                + QStringLiteral(",-3,58.30,true,2026-11-20T12:00:00Z,\r\n"));
    }

    void jsonKeepsKeysInOrderNumbersAsNumbersAndNulls()
    {
        const QString json = cli::toJson(table(QStringLiteral("=\"x\"\n\\")));
        QCOMPARE(json,
            QStringLiteral("[\n  {\"name\": \"=\\\"x\\\"\\n\\\\\", \"count\": -3, \"price\": 58.30, \"ok\": true, "
                           "\"when\": \"2026-11-20T12:00:00Z\", \"empty\": null}\n]\n"));
        const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).array().at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("=\"x\"\n\\"));
        QCOMPARE(o.value(QStringLiteral("price")).toDouble(), 58.3);
        QVERIFY(o.value(QStringLiteral("empty")).isNull());
    }

    void emptyReportIsAHeaderAndAnEmptyArray()
    {
        insights::ReportTable t;
        t.columns = {QStringLiteral("a"), QStringLiteral("b")};
        QCOMPARE(cli::toCsv(t), QStringLiteral("a,b\r\n"));
        QCOMPARE(cli::toJson(t), QStringLiteral("[]\n"));
    }
};

QTEST_GUILESS_MAIN(TestReportWriter)
#include "tst_reportwriter.moc"

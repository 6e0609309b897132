// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/jsonwriter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace stocktake::exporting;

class TstJsonWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesExactDecimalsNullsAndEscapes()
    {
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        JsonWriter w(&buf,
            {{QStringLiteral("name"), ColumnType::Text}, {QStringLiteral("waste"), ColumnType::Decimal},
                {QStringLiteral("seats"), ColumnType::Integer}, {QStringLiteral("on"), ColumnType::Boolean}});
        QVERIFY(w.begin());
        QVERIFY(w.writeRow({QStringLiteral("a\"b\\c\n=1 山田"), QStringLiteral("12.50"), qint64(100), true}));
        QVERIFY(w.writeRow({QStringLiteral("x"), QStringLiteral("-0.01"), QVariant(), QVariant()}));
        QVERIFY(w.end());
        const QByteArray text = buf.data();
        QVERIFY(text.contains("\"waste\":12.50,"));
        QVERIFY(text.contains("\"waste\":-0.01,"));
        QVERIFY(!text.contains("e+"));
        QJsonParseError err {};
        const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QJsonArray arr = doc.array();
        QCOMPARE(arr.size(), 2);
        const QJsonObject first = arr[0].toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("a\"b\\c\n=1 山田"));
        QCOMPARE(first.value(QStringLiteral("seats")).toInteger(), 100);
        QCOMPARE(first.value(QStringLiteral("on")).toBool(), true);
        const QJsonObject second = arr[1].toObject();
        QVERIFY(second.value(QStringLiteral("seats")).isNull());
        QVERIFY(second.value(QStringLiteral("on")).isNull());
        QCOMPARE(second.keys().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TstJsonWriter)
#include "tst_jsonwriter.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/atomicfile.h"
#include "export/csvwriter.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

using namespace stocktake::exporting;

namespace {

// An independent RFC 4180 reader (records may hold quoted CR/LF), for the round trip.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList rec;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            rec << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            rec << field;
            field.clear();
            records << rec;
            rec.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

}  // namespace

class TstCsvWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neutralisesFormulasAndRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("hyperlink") << QStringLiteral("=HYPERLINK(\"http://x\")")
                                   << QStringLiteral("'=HYPERLINK(\"http://x\")");
        QTest::newRow("plus") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(1)") << QStringLiteral("'@SUM(1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("cr") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("quotes, comma, newline") << QStringLiteral("a \"b\", c\nd") << QStringLiteral("a \"b\", c\nd");
        QTest::newRow("danish") << QStringLiteral("Søren Ærø Åse") << QStringLiteral("Søren Ærø Åse");
        QTest::newRow("german") << QStringLiteral("Jürgen Groß") << QStringLiteral("Jürgen Groß");
        QTest::newRow("cjk") << QStringLiteral("山田太郎") << QStringLiteral("山田太郎");
        QTest::newRow("rtl") << QStringLiteral("שלום עולם") << QStringLiteral("שלום עולם");
    }
    void neutralisesFormulasAndRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QList<Column> cols {{QStringLiteral("name"), ColumnType::Text},
            {QStringLiteral("amount"), ColumnType::Decimal}, {QStringLiteral("seats"), ColumnType::Integer},
            {QStringLiteral("enabled"), ColumnType::Boolean}, {QStringLiteral("last_sign_in"), ColumnType::DateTime}};
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        CsvWriter w(&buf, cols);
        QVERIFY(w.writeHeader());
        QVERIFY(w.writeRow({text, QStringLiteral("-12.50"), QVariant(), true,
            QDateTime(QDate(2026, 11, 22), QTime(10, 30), QTimeZone(3600))}));
        const QString out = QString::fromUtf8(buf.data());
        QVERIFY(!buf.data().startsWith("\xEF\xBB\xBF"));
        const auto recs = parseCsv(out);
        QCOMPARE(recs.size(), 2);
        QCOMPARE(recs[0],
            (QStringList {QStringLiteral("name"), QStringLiteral("amount"), QStringLiteral("seats"),
                QStringLiteral("enabled"), QStringLiteral("last_sign_in")}));
        QCOMPARE(recs[1],
            (QStringList {expected, QStringLiteral("-12.50"), QString(), QStringLiteral("true"),
                QStringLiteral("2026-11-22T09:30:00Z")}));
    }

    void goldenLine()
    {
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        CsvWriter w(&buf,
            {{QStringLiteral("a"), ColumnType::Text}, {QStringLiteral("b"), ColumnType::Integer},
                {QStringLiteral("c"), ColumnType::List}});
        QVERIFY(w.writeHeader());
        QVERIFY(w.writeRow({QStringLiteral("=1,\"x\""), qint64(0),
            QStringList {QStringLiteral("Mail.Read"), QStringLiteral("User.Read")}}));
        QCOMPARE(buf.data(), QByteArray("a,b,c\r\n\"'=1,\"\"x\"\"\",0,Mail.Read;User.Read\r\n"));
    }

    void atomicWriteIsOwnerOnlyAndAllOrNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(writeFileAtomically(path, [](QIODevice &d) { return d.write("x\r\n") == 3; }).ok());
        struct stat st { };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        const QString other = dir.filePath(QStringLiteral("abandoned.csv"));
        QVERIFY(!writeFileAtomically(other, [](QIODevice &d) { return d.write("partial") < 0; }).ok());
        QVERIFY(!QFile::exists(other));
    }
};

QTEST_GUILESS_MAIN(TstCsvWriter)
#include "tst_csvwriter.moc"

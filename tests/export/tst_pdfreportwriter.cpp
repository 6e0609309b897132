// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/atomicfile.h"
#include "export/pdfreportwriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace stocktake::exporting;

namespace {

QString run(const QString &program, const QStringList &args)
{
    QProcess proc;
    proc.start(program, args);
    if (!proc.waitForFinished(60000) || proc.exitCode() != 0)
        return QStringLiteral("<failed: %1>").arg(program);
    return QString::fromUtf8(proc.readAllStandardOutput());
}

PdfReportWriter::Report payloadReport(int rows)
{
    PdfReportWriter::Report r;
    r.title = QStringLiteral("License use");
    r.profileName = QStringLiteral("<img src=\"file:///canary.png\">");
    r.asOf = QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC);
    r.generated = r.asOf.addSecs(60);
    r.columns = {{QStringLiteral("display_name"), ColumnType::Text}, {QStringLiteral("sku"), ColumnType::Text},
        {QStringLiteral("waste"), ColumnType::Decimal}, {QStringLiteral("active"), ColumnType::Boolean}};
    r.rows << Row {QStringLiteral("<a href=\"http://x\">"), QStringLiteral("SPE_E3"), QStringLiteral("-12.50"), true};
    for (int i = 1; i < rows; ++i)
        r.rows << Row {QStringLiteral("Person %1").arg(i), QStringLiteral("SPE_E3"), QStringLiteral("36.00"), false};
    return r;
}

}  // namespace

class TstPdfReportWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void payloadsStayLiteralTextAndFileIsInert()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        PdfReportWriter::Outcome outcome;
        QVERIFY(writeFileAtomically(path, [&](QIODevice &d) {
            outcome = PdfReportWriter::write(&d, payloadReport(3));
            return outcome.pages > 0;
        }).ok());
        QCOMPARE(outcome.pages, 1);
        struct stat st { };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);

        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("<img src=\"file:///canary.png\">")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<a href=\"http://x\">")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));

        const QStringList images
            = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path}).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(images.size(), 2);  // the two header lines, no image row

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const char *key : {"/URI", "/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "canary"})
            QVERIFY2(!bytes.contains(key), key);

        const QString info = run(QStringLiteral("pdfinfo"), {path});
        QVERIFY(info.contains(QStringLiteral("Stocktake report")));
        QVERIFY(!info.contains(QStringLiteral("canary")));
        QVERIFY(!info.contains(QStringLiteral("href")));
    }

    void tenThousandRowsPaginate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.pdf"));
        const auto report = payloadReport(10000);
        PdfReportWriter::Outcome outcome;
        QElapsedTimer t;
        t.start();
        QVERIFY(writeFileAtomically(path, [&](QIODevice &d) {
            outcome = PdfReportWriter::write(&d, report);
            return outcome.pages > 0;
        }).ok());
        const qint64 ms = std::max<qint64>(1, t.elapsed());
        QVERIFY(outcome.rowsPerPage > 20);
        QCOMPARE(outcome.pages, (10000 + outcome.rowsPerPage - 1) / outcome.rowsPerPage);
        const QString info = run(QStringLiteral("pdfinfo"), {path});
        QVERIFY2(
            info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(outcome.pages))), qPrintable(info));
        const QString last = run(QStringLiteral("pdftotext"),
            {QStringLiteral("-f"), QString::number(outcome.pages), path, QStringLiteral("-")});
        QVERIFY(last.contains(QStringLiteral("Person 9999")));
        QVERIFY(last.contains(QStringLiteral("display_name")));  // headers repeat on every page
        qInfo("PDF: 10,000 rows, %d pages in %lld ms (%lld rows/s)", outcome.pages, ms, 10000 * 1000 / ms);
    }
};

QTEST_MAIN(TstPdfReportWriter)
#include "tst_pdfreportwriter.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"
#include "storetesting.h"
#include "temphome.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace stocktake;
using stocktake::store::Database;

/// A writer process killed with SIGKILL in the middle of a large transaction leaves the
/// database whole, with exactly the data committed before.
class TestCrash : public QObject {
    Q_OBJECT

private:
    testing::TempHome m_home;

    static qint64 usageRows(const QString &path)
    {
        auto db = Database::open(path, testing::fixedKey(3));
        if (!db)
            return -1;
        if (!(*db)->check().ok())
            return -2;
        return (*db)->rowCount(QStringLiteral("usage_daily")).value();
    }

private Q_SLOTS:
    void killedWriterLeavesThePreviousDataWhole_data()
    {
        QTest::addColumn<int>("delayMs");
        QTest::newRow("just started") << 0;
        QTest::newRow("half-way") << 150;
        QTest::newRow("late") << 400;
    }

    void killedWriterLeavesThePreviousDataWhole()
    {
        QFETCH(int, delayMs);
        const QString path = m_home.filePath(QStringLiteral("crash-%1.db").arg(delayMs));
        {
            Database::Options options;
            options.mode = Database::Mode::Create;
            auto db = Database::open(path, testing::fixedKey(3), options);
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->exec(QStringLiteral(
                            "INSERT INTO usage_daily (day, person, app, sign_ins) "
                            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 500) "
                            "SELECT 20362, v, 0, 1 FROM n"))
                        .ok());
        }
        QCOMPARE(usageRows(path), 500);

        QProcess writer;
        writer.start(QStringLiteral(STOCKTAKE_STORE_WRITER), {path, QStringLiteral("3"), QStringLiteral("2000000")});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(20000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("writing"));
        QTest::qWait(delayMs);
        QCOMPARE(writer.state(), QProcess::Running);  // still inside its transaction
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        QCOMPARE(usageRows(path), 500);
    }

    void finishedWriterKeepsItsCommit()
    {
        const QString path = m_home.filePath(QStringLiteral("complete.db"));
        {
            Database::Options options;
            options.mode = Database::Mode::Create;
            QVERIFY(Database::open(path, testing::fixedKey(3), options).ok());
        }
        QProcess writer;
        writer.start(QStringLiteral(STOCKTAKE_STORE_WRITER), {path, QStringLiteral("3"), QStringLiteral("5000")});
        QVERIFY(writer.waitForFinished(60000));
        QCOMPARE(writer.exitCode(), 0);
        QVERIFY(writer.readAllStandardOutput().contains("committed"));
        QCOMPARE(usageRows(path), 5000);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"
#include "storetesting.h"
#include "temphome.h"

#include <QSqlQuery>
#include <QTest>

using namespace stocktake;
using stocktake::store::Database;

/// The opt-in hardened memory mode (SECURITY C4), in its own process: once on, SQLCipher's
/// memory security cannot be turned off again for the life of the process.
class TestHardenedMemory : public QObject {
    Q_OBJECT

    static QString memorySecurity(const Database &db)
    {
        QSqlQuery q(db.sql());
        return q.exec(QStringLiteral("PRAGMA cipher_memory_security")) && q.next() ? q.value(0).toString() : QString();
    }

private Q_SLOTS:
    void isOffByDefaultAndOnForEveryHardenedConnection()
    {
        testing::TempHome home;
        const QString path = home.filePath(QStringLiteral("hardened.db"));
        Database::Options create;
        create.mode = Database::Mode::Create;
        auto plain = Database::open(path, testing::fixedKey(4), create);
        QVERIFY(plain.ok());
        QCOMPARE(memorySecurity(**plain), QStringLiteral("0"));

        Database::Options hardened;
        hardened.hardenedMemory = true;
        auto first = Database::open(path, testing::fixedKey(4), hardened);
        auto second = Database::open(path, testing::fixedKey(4), hardened);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(memorySecurity(**first), QStringLiteral("1"));
        QCOMPARE(memorySecurity(**second), QStringLiteral("1"));
        QVERIFY((*first)->exec(QStringLiteral("INSERT INTO settings VALUES ('hardened', 'yes')")).ok());
        QCOMPARE((*second)->rowCount(QStringLiteral("settings")).value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHardenedMemory)
#include "tst_hardenedmemory.moc"

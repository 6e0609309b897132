// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The settings and manual prices of a profile's database, over a real SQLCipher file.
#include "secrets/secretbytes.h"
#include "store/database.h"
#include "store/prices.h"
#include "store/profilesettings.h"
#include "temphome.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace stocktake;

class TestProfileSettings : public QObject {
    Q_OBJECT

    testing::TempHome m_home;
    std::unique_ptr<store::Database> m_db;

    static core::Money eur(qint64 minor) { return core::Money(minor, *core::Currency::fromCode(u"EUR")); }

private Q_SLOTS:
    void init()
    {
        store::Database::Options options;
        options.mode = store::Database::Mode::Create;
        static int n = 0;
        auto db = store::Database::open(
            m_home.filePath(QStringLiteral("p%1.db").arg(++n)), secrets::SecretBytes::random(32), options);
        QVERIFY(db.ok());
        m_db = std::move(db.value());
    }
    void cleanup() { m_db.reset(); }

    void inactivityWindowDefaultsToThirtyAndKeepsWhatIsSet()
    {
        QCOMPARE(*store::ProfileSettings::inactiveDays(*m_db), 30);
        QVERIFY(store::ProfileSettings::setInactiveDays(*m_db, 45).ok());
        QCOMPARE(*store::ProfileSettings::inactiveDays(*m_db), 45);
        QVERIFY(store::ProfileSettings::setInactiveDays(*m_db, 60).ok());
        QCOMPARE(*store::ProfileSettings::inactiveDays(*m_db), 60);
    }

    void inactivityWindowRefusesOutOfRangeAndIgnoresAHandEditedValue()
    {
        const auto zero = store::ProfileSettings::setInactiveDays(*m_db, 0);
        QVERIFY(!zero.ok());
        QCOMPARE(zero.error().exitCode, core::ExitCode::Usage);
        QVERIFY(!store::ProfileSettings::setInactiveDays(*m_db, 3651).ok());
        QVERIFY(
            m_db->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('reports.inactive_days', 'x')")).ok());
        QCOMPARE(*store::ProfileSettings::inactiveDays(*m_db), 30);
    }

    void aPriceReplacesTheSameKeyInAnotherCase()
    {
        const QDateTime at(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());
        QVERIFY(store::Prices::set(*m_db, {QStringLiteral("spe_e5"), eur(5000), QStringLiteral("month"), at}).ok());
        QVERIFY(store::Prices::set(*m_db, {QStringLiteral("SPE_E5"), eur(60000), QStringLiteral("year"), at}).ok());
        const auto list = store::Prices::list(*m_db);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).key, QStringLiteral("SPE_E5"));
        QCOMPARE(list->at(0).amount, eur(60000));
        QCOMPARE(list->at(0).period, QStringLiteral("year"));
        QCOMPARE(list->at(0).updated, at);
    }

    void badPricesAreRefusedAndRemoveBringsBackTheListPrice()
    {
        const QDateTime at = QDateTime::currentDateTimeUtc();
        QCOMPARE(store::Prices::set(*m_db, {QString(), eur(1), QStringLiteral("month"), at}).error().code,
            QStringLiteral("store.bad_price"));
        QVERIFY(!store::Prices::set(*m_db, {QStringLiteral("EMS"), eur(-1), QStringLiteral("month"), at}).ok());
        QVERIFY(!store::Prices::set(*m_db, {QStringLiteral("EMS"), eur(1), QStringLiteral("week"), at}).ok());
        QVERIFY(store::Prices::set(*m_db, {QStringLiteral("EMS"), eur(820), QStringLiteral("month"), at}).ok());
        // A stored list price is not the admin's to remove.
        QVERIFY(
            m_db->exec(QStringLiteral("INSERT INTO prices (key, amount_minor, currency, period, source, updated) "
                                      "VALUES ('VISIOCLIENT', 1500, 'USD', 'month', 'list', '2026-11-22T00:00:00Z')"))
                .ok());
        QVERIFY(store::Prices::remove(*m_db, QStringLiteral("ems")).ok());
        QVERIFY(store::Prices::remove(*m_db, QStringLiteral("VISIOCLIENT")).ok());
        QVERIFY(store::Prices::list(*m_db)->isEmpty());
        QSqlQuery q(m_db->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM prices")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProfileSettings)
#include "tst_profilesettings.moc"

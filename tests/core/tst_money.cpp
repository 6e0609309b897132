// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/money.h"

#include <QTest>

using stocktake::core::Currency;
using stocktake::core::Money;

class TestMoney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatsDecimalsForPeopleDigitForDigit()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        const QLocale danish(QLocale::Danish, QLocale::Denmark);
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("32592.00"), english), QStringLiteral("32,592.00"));
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("32592.00"), danish), QStringLiteral("32.592,00"));
        QCOMPARE(
            stocktake::core::formatDecimal(QStringLiteral("-1234567.891"), english), QStringLiteral("-1,234,567.891"));
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("999"), english), QStringLiteral("999"));
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("0.5"), danish), QStringLiteral("0,5"));
        // 2^63 and beyond: no floating point in between.
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("92233720368547758070.01"), english),
            QStringLiteral("92,233,720,368,547,758,070.01"));
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("all"), english), QStringLiteral("all"));
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("1.2.3"), english), QStringLiteral("1.2.3"));
        QCOMPARE(stocktake::core::formatDecimal(QStringLiteral("12."), english), QStringLiteral("12."));
    }

    void knowsMinorDigitsOfIso4217Codes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("digits");
        QTest::newRow("euro") << QStringLiteral("EUR") << 2;
        QTest::newRow("krone, lower case") << QStringLiteral("dkk") << 2;
        QTest::newRow("yen") << QStringLiteral("JPY") << 0;
        QTest::newRow("dinar") << QStringLiteral("KWD") << 3;
    }
    void knowsMinorDigitsOfIso4217Codes()
    {
        QFETCH(QString, code);
        QFETCH(int, digits);
        const auto currency = Currency::fromCode(code);
        QVERIFY(currency);
        QCOMPARE(currency->minorDigits(), digits);
        QCOMPARE(currency->code(), code.toUpper());
    }

    void rejectsUnknownCurrencyCodes()
    {
        QVERIFY(!Currency::fromCode(u"XYZ"));
        QVERIFY(!Currency::fromCode(u"EURO"));
        QVERIFY(!Currency::fromCode(u""));
    }

    void parsesDecimalsExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("printed");
        QTest::newRow("whole") << QStringLiteral("12") << QStringLiteral("USD") << qint64(1200)
                               << QStringLiteral("12.00");
        QTest::newRow("one digit") << QStringLiteral("1234.5") << QStringLiteral("EUR") << qint64(123450)
                                   << QStringLiteral("1234.50");
        QTest::newRow("negative") << QStringLiteral("-12.50") << QStringLiteral("DKK") << qint64(-1250)
                                  << QStringLiteral("-12.50");
        QTest::newRow("yen") << QStringLiteral("1500") << QStringLiteral("JPY") << qint64(1500)
                             << QStringLiteral("1500");
        QTest::newRow("three digits") << QStringLiteral("0.125") << QStringLiteral("KWD") << qint64(125)
                                      << QStringLiteral("0.125");
        QTest::newRow("0.1 + 0.2 is not a float")
            << QStringLiteral("0.30") << QStringLiteral("USD") << qint64(30) << QStringLiteral("0.30");
        QTest::newRow("largest") << QStringLiteral("92233720368547758.07") << QStringLiteral("USD")
                                 << std::numeric_limits<qint64>::max() << QStringLiteral("92233720368547758.07");
    }
    void parsesDecimalsExactly()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(qint64, minor);
        QFETCH(QString, printed);
        const auto money = Money::parse(text, *Currency::fromCode(code));
        QVERIFY2(money.ok(), qPrintable(money.ok() ? QString() : money.error().detail));
        QCOMPARE(money->minorUnits(), minor);
        QCOMPARE(money->toDecimalString(), printed);
    }

    void rejectsWhatIsNotAPlainDecimal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("comma") << QStringLiteral("12,50");
        QTest::newRow("too many fraction digits") << QStringLiteral("1.005");
        QTest::newRow("exponent") << QStringLiteral("1e3");
        QTest::newRow("dot only") << QStringLiteral(".");
        QTest::newRow("trailing dot") << QStringLiteral("12.");
        QTest::newRow("overflow") << QStringLiteral("92233720368547758.08");
        QTest::newRow("letters") << QStringLiteral("12a");
    }
    void rejectsWhatIsNotAPlainDecimal()
    {
        QFETCH(QString, text);
        const auto money = Money::parse(text, *Currency::fromCode(u"USD"));
        QVERIFY(!money.ok());
        QCOMPARE(money.error().code, QStringLiteral("money.bad_amount"));
        QVERIFY(!money.error().userMessage.isEmpty());
    }

    void neverMixesCurrencies()
    {
        const Money usd(1000, *Currency::fromCode(u"USD"));
        const Money eur(1000, *Currency::fromCode(u"EUR"));
        QVERIFY(!usd.plus(eur));
        QCOMPARE(usd.plus(usd)->minorUnits(), 2000);
    }

    void refusesToOverflow()
    {
        const Money big(std::numeric_limits<qint64>::max() - 1, *Currency::fromCode(u"USD"));
        QVERIFY(!big.plus(Money(2, *Currency::fromCode(u"USD"))));
        QVERIFY(!big.times(2));
        QCOMPARE(Money(1250, *Currency::fromCode(u"USD")).times(12)->toDecimalString(), QStringLiteral("150.00"));
        QCOMPARE(Money(std::numeric_limits<qint64>::min(), *Currency::fromCode(u"USD")).toDecimalString(),
            QStringLiteral("-92233720368547758.08"));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"

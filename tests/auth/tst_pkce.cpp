// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using stocktake::auth::Pkce;

class TestPkce : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void challengeMatchesRfc7636AppendixB()
    {
        // RFC 7636 Appendix B.
        const QByteArray verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        QCOMPARE(Pkce::challengeFor(verifier), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QVERIFY(Pkce::isValidVerifier(verifier));
    }

    void tenThousandVerifiersAreUniqueAndWellFormed()
    {
        const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
        QSet<QByteArray> seen;
        for (int i = 0; i < 10000; ++i) {
            const QByteArray v = Pkce::makeVerifier();
            QCOMPARE(v.size(), 43);
            QVERIFY2(shape.match(QString::fromLatin1(v)).hasMatch(), v.constData());
            QVERIFY(Pkce::isValidVerifier(v));
            seen.insert(v);
        }
        QCOMPARE(seen.size(), 10000);
    }

    void challengeIsUnpaddedBase64UrlOf32Bytes()
    {
        const QByteArray c = Pkce::challengeFor(Pkce::makeVerifier());
        QCOMPARE(c.size(), 43);
        QVERIFY(!c.contains('=') && !c.contains('+') && !c.contains('/'));
    }

    void stateCarries128RandomBits()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            const QByteArray s = Pkce::makeState();
            QCOMPARE(s.size(), 22);
            QCOMPARE(QByteArray::fromBase64(s, QByteArray::Base64UrlEncoding).size(), 16);
            seen.insert(s);
        }
        QCOMPARE(seen.size(), 1000);
    }

    void constantTimeEqualsComparesWholeValues_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abcDEF123") << QByteArray("abcDEF123") << true;
        QTest::newRow("last byte differs") << QByteArray("abcDEF123") << QByteArray("abcDEF124") << false;
        QTest::newRow("first byte differs") << QByteArray("xbc") << QByteArray("abc") << false;
        QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcd") << false;
        QTest::newRow("empty vs value") << QByteArray() << QByteArray("a") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }

    void constantTimeEqualsComparesWholeValues()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(Pkce::constantTimeEquals(a, b), equal);
    }

    void rejectsMalformedVerifiers_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::newRow("42 chars") << QByteArray(42, 'a');
        QTest::newRow("129 chars") << QByteArray(129, 'a');
        QTest::newRow("plus sign") << (QByteArray(42, 'a') + '+');
        QTest::newRow("slash") << (QByteArray(42, 'a') + '/');
        QTest::newRow("space") << (QByteArray(42, 'a') + ' ');
    }

    void rejectsMalformedVerifiers()
    {
        QFETCH(QByteArray, verifier);
        QVERIFY(!Pkce::isValidVerifier(verifier));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"

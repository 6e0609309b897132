// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/log.h"

#include <QBuffer>
#include <QTest>

using stocktake::core::redact;

class TestLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void redactsSecretsAndPersonalData_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("canary");
        QTest::newRow("bearer") << QStringLiteral("GET /v1.0/users Authorization: Bearer abc.DEF-ghi_CANARY1")
                                << QStringLiteral("CANARY1");
        QTest::newRow("jwt") << QStringLiteral("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJDQU5BUlkyIn0.c2ln here")
                             << QStringLiteral("eyJzdWIiOiJDQU5BUlkyIn0");
        QTest::newRow("form refresh token")
            << QStringLiteral("grant_type=refresh_token&refresh_token=CANARY3&scope=x") << QStringLiteral("CANARY3");
        QTest::newRow("json device code")
            << QStringLiteral(R"({"device_code": "CANARY4", "interval": 5})") << QStringLiteral("CANARY4");
        QTest::newRow("authorization code")
            << QStringLiteral("/callback?code=CANARY5&state=s") << QStringLiteral("CANARY5");
        QTest::newRow("raw key") << QStringLiteral(
            "PRAGMA key = \"x'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'\"")
                                 << QStringLiteral("00112233445566778899aabbccddeeff");
        QTest::newRow("upn") << QStringLiteral("skipped user canary.six@contoso.example")
                             << QStringLiteral("canary.six");
        QTest::newRow("guest upn") << QStringLiteral("user jo_gmail.com#EXT#@contoso.onmicrosoft.com")
                                   << QStringLiteral("jo_gmail.com");
    }
    void redactsSecretsAndPersonalData()
    {
        QFETCH(QString, message);
        QFETCH(QString, canary);
        const QString out = redact(message);
        QVERIFY2(!out.contains(canary), qPrintable(out));
    }

    void keepsIdsAndPlainWords()
    {
        const QString message
            = QStringLiteral("user 6e7b768e-07e2-4810-8459-485f84f8f204 skipped: page 3 of users, status 429");
        QCOMPARE(redact(message), message);
    }

    void handlerWritesRedactedLinesToTheLogFile()
    {
        QBuffer file;
        file.open(QIODevice::WriteOnly);
        stocktake::core::installMessageHandler(stocktake::core::Verbosity::Quiet, &file);
        qCDebug(stocktake::core::lcCore) << "refresh_token=CANARY7 for" << 42;
        qInstallMessageHandler(nullptr);
        const QString written = QString::fromUtf8(file.data());
        QVERIFY(written.contains(QStringLiteral("stocktake.core")));
        QVERIFY(written.contains(QStringLiteral("42")));
        QVERIFY(!written.contains(QStringLiteral("CANARY7")));
        QCOMPARE(written.count(u'\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"

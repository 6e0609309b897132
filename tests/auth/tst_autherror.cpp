// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/autherror.h"

#include <QTest>

using stocktake::auth::AuthError;
using stocktake::core::ExitCode;

class TestAuthError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mapsOAuthAndAadstsErrorsToTypedErrors_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("exitCode");
        const int signIn = int(ExitCode::SignIn);
        QTest::newRow("declined") << QStringLiteral("authorization_declined") << QString()
                                  << QStringLiteral("auth.declined") << signIn;
        QTest::newRow("access_denied alias")
            << QStringLiteral("access_denied") << QString() << QStringLiteral("auth.declined") << signIn;
        QTest::newRow("expired") << QStringLiteral("expired_token") << QStringLiteral("AADSTS70019: code expired")
                                 << QStringLiteral("auth.code_expired") << signIn;
        QTest::newRow("bad code") << QStringLiteral("bad_verification_code") << QStringLiteral("AADSTS70018: bad")
                                  << QStringLiteral("auth.bad_code") << signIn;
        QTest::newRow("revoked refresh token")
            << QStringLiteral("invalid_grant") << QStringLiteral("AADSTS700082: expired")
            << QStringLiteral("auth.sign_in_again") << signIn;
        QTest::newRow("consent missing") << QStringLiteral("invalid_grant")
                                         << QStringLiteral("AADSTS65001: The user or administrator has not consented")
                                         << QStringLiteral("auth.consent_required") << signIn;
        QTest::newRow("mfa 50076") << QStringLiteral("invalid_grant") << QStringLiteral("AADSTS50076: MFA required")
                                   << QStringLiteral("auth.interaction_required") << signIn;
        QTest::newRow("mfa 50079") << QStringLiteral("invalid_grant") << QStringLiteral("AADSTS50079: enrol MFA")
                                   << QStringLiteral("auth.interaction_required") << signIn;
        QTest::newRow("conditional access 53003")
            << QStringLiteral("invalid_grant") << QStringLiteral("AADSTS53003: blocked by CA")
            << QStringLiteral("auth.interaction_required") << signIn;
        QTest::newRow("unknown app") << QStringLiteral("unauthorized_client")
                                     << QStringLiteral("AADSTS700016: Application with identifier 'x' was not found")
                                     << QStringLiteral("auth.unknown_application") << signIn;
        QTest::newRow("unknown tenant") << QStringLiteral("invalid_request")
                                        << QStringLiteral("AADSTS90002: Tenant not found")
                                        << QStringLiteral("auth.unknown_tenant") << signIn;
        QTest::newRow("temporarily unavailable")
            << QStringLiteral("temporarily_unavailable") << QString() << QStringLiteral("auth.service_unavailable")
            << int(ExitCode::Service);
        QTest::newRow("anything else") << QStringLiteral("invalid_client") << QString()
                                       << QStringLiteral("auth.refused") << signIn;
    }

    void mapsOAuthAndAadstsErrorsToTypedErrors()
    {
        QFETCH(QString, error);
        QFETCH(QString, description);
        QFETCH(QString, code);
        QFETCH(int, exitCode);
        const auto e = AuthError::fromOAuth(error, description);
        QCOMPARE(e.code, code);
        QCOMPARE(int(e.exitCode), exitCode);
        QVERIFY(!e.userMessage.isEmpty());
        QVERIFY2(!e.userMessage.contains(QLatin1StringView("AADSTS")), qPrintable(e.userMessage));
    }

    void consentMessageQuotesAdminConsentUrl()
    {
        const QString url
            = QStringLiteral("https://login.microsoftonline.com/contoso.example/adminconsent?client_id=abc");
        const auto e
            = AuthError::fromOAuth(QStringLiteral("invalid_grant"), QStringLiteral("AADSTS65001: no consent"), url);
        QVERIFY2(e.userMessage.contains(url), qPrintable(e.userMessage));
    }

    void readsAadstsNumber()
    {
        QCOMPARE(AuthError::aadstsCode(QStringLiteral("AADSTS700016: Application not found")), 700016);
        QCOMPARE(AuthError::aadstsCode(QStringLiteral("no code here")), 0);
    }

    void networkFailureExitsWithServiceCode()
    {
        const auto e = AuthError::network(QStringLiteral("host unreachable"));
        QCOMPARE(e.code, QStringLiteral("auth.network"));
        QCOMPARE(e.exitCode, ExitCode::Service);
    }
};

QTEST_GUILESS_MAIN(TestAuthError)
#include "tst_autherror.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pkce.h"
#include "auth/scopes.h"

#include <QTest>
#include <QUrlQuery>

using stocktake::auth::Pkce;
using stocktake::auth::Scopes;

class TestScopes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void baseScopesAlwaysPresentAndMailOnlyWithBilling()
    {
        const QStringList base = Scopes::forCapabilities(0);
        QCOMPARE(base,
            (QStringList {QStringLiteral("offline_access"), QStringLiteral("openid"), QStringLiteral("profile")}));
        const QStringList all = Scopes::forCapabilities(
            Scopes::Directory | Scopes::Licenses | Scopes::Apps | Scopes::AuditLogs | Scopes::Reports);
        QCOMPARE(all.size(), 11);  // 3 base + 3 directory + 1 + 2 apps + 1 + 1
        QVERIFY(all.contains(QStringLiteral("https://graph.microsoft.com/AuditLog.Read.All")));
        QVERIFY(!all.join(u' ').contains(QLatin1StringView("Mail.Read")));
        QVERIFY(Scopes::forCapabilities(Scopes::BillingMail)
                    .contains(QStringLiteral("https://graph.microsoft.com/Mail.Read")));
    }

    void authorizeUrlCarriesPkceAndState()
    {
        const QByteArray verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        const QUrl url
            = Scopes::authorizeUrl(QUrl(QStringLiteral("https://login.microsoftonline.com/contoso.example/oauth2/v2.0/"
                                                       "authorize")),
                QStringLiteral("client-1"), QUrl(QStringLiteral("http://localhost:50123/callback")),
                Scopes::forCapabilities(Scopes::Licenses), Pkce::challengeFor(verifier), "st4te");
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")),
            QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st4te"));
        QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
            QStringLiteral("http://localhost:50123/callback"));
        QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
            QStringLiteral("https://graph.microsoft.com/Organization.Read.All offline_access "
                           "openid profile"));
        QVERIFY(!url.toEncoded().contains(verifier));
    }

    void adminConsentUrlNamesTenantAndClient()
    {
        QCOMPARE(Scopes::adminConsentUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")),
                     QStringLiteral("contoso.example"), QStringLiteral("client-1"))
                     .toString(),
            QStringLiteral("https://login.microsoftonline.com/contoso.example/adminconsent?"
                           "client_id=client-1"));
    }
};

QTEST_GUILESS_MAIN(TestScopes)
#include "tst_scopes.moc"

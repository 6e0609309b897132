// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The log canary (issue 4, SECURITY B8): every log message of a full sign-in with both flows,
// refreshes, a refused code and a revoked token is captured at debug level, before any
// redaction, and searched for every code, verifier and token that crossed the wire. The sim
// lists all of them (/_sim/identity-secrets); none may appear.
#include "auth/tokensession.h"
#include "secretservice.h"
#include "signintesting.h"
#include "tenantsim.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>

using namespace stocktake;
using namespace stocktake::testing;

namespace {

const QString kEntry = QStringLiteral("9e41d2b8-canary/refresh-token");

QMutex g_mutex;
QStringList g_log;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_mutex);
    g_log.append(QLatin1StringView(context.category ? context.category : "default") + QStringLiteral(": ") + message);
}

core::Result<secrets::SecretBytes> token(graph::TokenSource &source, bool afterUnauthorized)
{
    std::optional<core::Result<secrets::SecretBytes>> result;
    const auto done = [&result](core::Result<secrets::SecretBytes> t) {
        result.emplace(std::move(t));
    };
    if (afterUnauthorized)
        source.refreshAfterUnauthorized(done);
    else
        source.accessToken(done);
    waitUntil([&] { return result.has_value(); }, 30000);
    if (!result)
        return core::Error {QStringLiteral("test.timeout"), {}, {}};
    return std::move(*result);
}

/// The parts of a secret that must not appear: the whole value, the random part of the sim's
/// prefixed values, and 16 characters from the middle (a log line could have cut either end).
QStringList needles(const QString &secret)
{
    QStringList out {secret};
    static const QRegularExpression random(QStringLiteral(R"([0-9a-fA-F][0-9a-fA-F-]{30,}[0-9a-fA-F])"));
    const auto m = random.match(secret);
    if (m.hasMatch() && m.captured() != secret)
        out.append(m.captured());
    if (secret.size() >= 24)
        out.append(secret.mid(secret.size() / 2 - 8, 16));
    return out;
}

}  // namespace

class TestSignInLogCanary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        STOCKTAKE_REQUIRE_SECRET_SERVICE();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        qInstallMessageHandler(capture);
    }

    void noCodeVerifierOrTokenReachesAnyLog()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1"),
            QStringLiteral("--token-ttl"), QStringLiteral("2")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        {
            auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
            QVERIFY(runSignIn(signIn, auth::SignIn::Method::DeviceCode).ok());
        }
        {
            SimBrowser browser;
            auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry, &browser);
            QVERIFY(runSignIn(signIn, auth::SignIn::Method::Browser).ok());
        }
        {
            // A refused redemption logs its failure path too.
            SimBrowser browser;
            browser.tamperAuthorizeUrl = [](const QUrl &url) {
                QUrl out = url;
                QUrlQuery q(url);
                q.removeAllQueryItems(QStringLiteral("code_challenge"));
                q.addQueryItem(
                    QStringLiteral("code_challenge"), QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
                out.setQuery(q);
                return out;
            };
            auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry, &browser);
            QCOMPARE(
                runSignIn(signIn, auth::SignIn::Method::Browser).error().code, QStringLiteral("auth.code_rejected"));
        }
        {
            auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
            QVERIFY(token(session, false).ok());
            QTest::qWait(2100);
            QVERIFY(token(session, false).ok());  // refreshed before expiry
            QVERIFY(token(session, true).ok());   // refreshed after a 401
            QCOMPARE(session.refreshCount(), 3);
            httpRequest("POST", sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/revoke-refresh-tokens"))), "x");
            QCOMPARE(token(session, true).error().code, QStringLiteral("auth.sign_in_again"));
        }

        const QJsonObject issued = QJsonDocument::fromJson(
            httpRequest("GET", sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/identity-secrets")))).body)
                                       .object();
        for (const char *kind :
            {"device_codes", "user_codes", "authorization_codes", "code_verifiers", "access_tokens", "refresh_tokens"})
            QVERIFY2(!issued.value(QLatin1StringView(kind)).toArray().isEmpty(), kind);
        const QStringList secrets = simSecrets(sim);

        QMutexLocker lock(&g_mutex);
        // The capture is not empty: the flows did log (so the search below means something).
        QVERIFY(g_log.filter(QStringLiteral("stocktake.auth")).size() >= 10);
        QVERIFY(!g_log.filter(QStringLiteral("refreshing the access token")).isEmpty());
        for (const QString &secret : secrets) {
            for (const QString &needle : needles(secret)) {
                for (const QString &line : std::as_const(g_log))
                    QVERIFY2(!line.contains(needle),
                        qPrintable(QStringLiteral("a secret in a log line of ") + line.section(u':', 0, 0)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSignInLogCanary)
#include "tst_signin_logcanary.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Both sign-in flows against tenant-sim over real loopback HTTP, the refresh token kept in a real
// Secret Service (run under scripts/with-secret-service), and every failure the issue names.
#include "auth/devicecodeflow.h"
#include "auth/identityhttp.h"
#include "auth/pkce.h"
#include "auth/signin.h"
#include "secretservice.h"
#include "signintesting.h"
#include "tenantsim.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace stocktake;
using namespace stocktake::testing;

namespace {

const QString kEntry = QStringLiteral("0d6c2f1a-sim/refresh-token");

QList<QDateTime> devicePolls(const TenantSim &sim)
{
    QList<QDateTime> out;
    for (const QJsonObject &r : simRequests(sim)) {
        if (r.value(QStringLiteral("path")).toString().endsWith(QLatin1StringView("/oauth2/v2.0/token")))
            out.append(QDateTime::fromString(r.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs));
    }
    return out;
}

int tokenRequests(const TenantSim &sim)
{
    return static_cast<int>(devicePolls(sim).size());
}

}  // namespace

class TestSignInSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }

    void deviceCodeFlowSignsInAndStoresRefreshToken()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
        QString userCode;
        QUrl verificationUri;
        QString message;
        connect(&signIn, &auth::SignIn::deviceCodeReady, this,
            [&](const QString &code, const QUrl &uri, const QString &text) {
                userCode = code;
                verificationUri = uri;
                message = text;
            });
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().code + u' ' + result.error().detail));
        QCOMPARE(userCode, simSecretList(sim, QStringLiteral("user_codes")).at(0).toString());
        QCOMPARE(verificationUri.path(), QStringLiteral("/devicelogin"));
        QVERIFY(message.contains(userCode));
        QVERIFY(result->grantedScopes.contains(QStringLiteral("https://graph.microsoft.com/User.Read.All")));
        const auto stored = readEntry(*keys, kEntry);
        QVERIFY(stored.ok());
        QCOMPARE(QString::fromLatin1(stored->view().toByteArray()),
            simSecretList(sim, QStringLiteral("refresh_tokens")).last().toString());
    }

    void browserFlowSignsInWithPkceOnLoopback()
    {
        TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        SimBrowser browser;
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry, &browser);
        QList<QUrl> shown;
        connect(&signIn, &auth::SignIn::browserUrlReady, this, [&shown](const QUrl &url) { shown.append(url); });
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().code + u' ' + result.error().detail));
        // A1: exactly one URL, shown and opened; A5/A14: code + S256; A2: a loopback redirect.
        QCOMPARE(browser.opened.size(), 1);
        QCOMPARE(shown, browser.opened);
        const QUrlQuery q(browser.opened.constFirst());
        QCOMPARE(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
        QCOMPARE(q.queryItemValue(QStringLiteral("state")).size(), 22);
        const QString redirect = q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^http://localhost:\d+/callback$)")).match(redirect).hasMatch(),
            qPrintable(redirect));
        QCOMPARE(browser.callbackStatus, 200);
        // The verifier sent to the token endpoint matches the challenge of the opened URL.
        const QString verifier = simSecretList(sim, QStringLiteral("code_verifiers")).at(0).toString();
        QCOMPARE(QString::fromLatin1(auth::Pkce::challengeFor(verifier.toLatin1())),
            q.queryItemValue(QStringLiteral("code_challenge")));
        const auto stored = readEntry(*keys, kEntry);
        QVERIFY(stored.ok());
        QVERIFY(stored->view().startsWith("sim-rt-"));
        // A3: the listener is gone once the flow is over.
        const quint16 port = static_cast<quint16>(QUrl(redirect).port());
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!probe.waitForConnected(2000));
        QCOMPARE(probe.error(), QAbstractSocket::ConnectionRefusedError);
    }

    void redirectHostCanBeTheIpv4Literal()
    {
        TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        SimBrowser browser;
        auth::SignInSettings settings = simSettings(sim.baseUrl());
        settings.redirectHost = auth::LoopbackListener::HostName::Ipv4Literal;
        auth::SignIn signIn(settings, *keys, kEntry, &browser);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(result.ok());
        const QString redirect
            = QUrlQuery(browser.opened.constFirst()).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
        QVERIFY2(redirect.startsWith(QLatin1StringView("http://127.0.0.1:")), qPrintable(redirect));
    }

    void forgedCallbackIsDroppedAndTheRealOneStillCompletes()
    {
        TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        SimBrowser browser;
        browser.forgedCallbacks = {QStringLiteral("code=forged-code&state=wrong")};
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry, &browser);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(result.ok());
        QCOMPARE(browser.forgedStatuses, QList<int> {400});
        // A4: the forged code was never taken to the token endpoint: one redemption, the real one.
        QCOMPARE(tokenRequests(sim), 1);
    }

    void wrongPkceVerifierIsRefused()
    {
        TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        SimBrowser browser;
        // An attacker's challenge: the code is bound to it, so the app's verifier cannot redeem it.
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
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.code_rejected"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        QVERIFY(result.error().detail.contains(QLatin1StringView("501481")));
        QVERIFY(readEntry(*keys, kEntry).error().is(u"secrets.not_found"));
    }

    void mismatchedStateIsNeverRedeemed()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--wrong-state")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        SimBrowser browser;
        auth::SignInSettings settings = simSettings(sim.baseUrl());
        settings.browserTimeout = std::chrono::seconds(2);
        auth::SignIn signIn(settings, *keys, kEntry, &browser);
        QElapsedTimer timer;
        timer.start();
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.state_mismatch"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        QCOMPARE(browser.callbackStatus, 400);
        QVERIFY(timer.elapsed() >= 1900);
        QCOMPARE(tokenRequests(sim), 0);
        // A3: after the time-out the port is closed.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(browser.lastCallback.port()));
        QVERIFY(!probe.waitForConnected(2000));
    }

    void browserDenialIsDeclined()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--deny")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        SimBrowser browser;
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry, &browser);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.declined"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
    }

    void declinedDeviceCodeStops()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--deny"), QStringLiteral("--interval"),
            QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.declined"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        QCOMPARE(tokenRequests(sim), 2);  // pending, then declined: no poll after that
    }

    void expiredDeviceCodeStopsAtExpiresIn()
    {
        // Never approved; the code lives 3 s and is polled every second.
        TenantSim sim({QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--device-code-ttl"),
            QStringLiteral("3")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
        QElapsedTimer timer;
        timer.start();
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.code_expired"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        QVERIFY2(timer.elapsed() >= 3000 && timer.elapsed() < 4500, qPrintable(QString::number(timer.elapsed())));
        // Polls at about 1 s and 2 s; none at or after expires_in (3 s).
        QCOMPARE(devicePolls(sim).size(), 2);
    }

    void networkFailuresDoubleThePollInterval()
    {
        // A12: the sim goes away mid-poll; each failed poll doubles the wait (1 s -> 2 s -> 4 s).
        TenantSim sim({QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager network;
        auth::IdentityHttp http(network, std::chrono::seconds(5));
        const QString base = sim.baseUrl().toString() + u'/' + kSimTenant;
        auth::ProviderMetadata metadata;
        metadata.issuer = base + QStringLiteral("/v2.0");
        metadata.tokenEndpoint = QUrl(base + QStringLiteral("/oauth2/v2.0/token"));
        metadata.deviceAuthorizationEndpoint = QUrl(base + QStringLiteral("/oauth2/v2.0/devicecode"));
        auth::DeviceCodeFlow flow(http, metadata, simSettings(sim.baseUrl()));
        bool ready = false;
        std::optional<core::Result<auth::TokenSet>> result;
        connect(&flow, &auth::DeviceCodeFlow::codeReady, this, [&] { ready = true; });
        flow.start([&result](core::Result<auth::TokenSet> r) { result.emplace(std::move(r)); });
        QVERIFY(waitUntil([&] { return ready; }, 10000));
        QCOMPARE(flow.intervalS(), 1);
        QVERIFY(sim.stop() == 0);
        QVERIFY(waitUntil([&] { return flow.intervalS() == 2; }, 3000));
        QVERIFY(waitUntil([&] { return flow.intervalS() == 4; }, 4000));
        QVERIFY(!result.has_value());  // still polling: a network failure alone is not the end
        flow.cancel();
        QVERIFY(result.has_value());
        QCOMPARE(result->error().code, QStringLiteral("auth.cancelled"));
    }

    void slowDownAddsFiveSecondsEveryTimeAndKeepsThem()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1"),
            QStringLiteral("--slow-down"), QStringLiteral("2")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode, 60000);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().code));
        // Polls: slow_down, slow_down, approved; the gaps after them are >= 6 s and >= 11 s (A11).
        // The sim stamps a request after answering it, so a gap may read a few ms short.
        const QList<QDateTime> polls = devicePolls(sim);
        QCOMPARE(polls.size(), 3);
        const qint64 first = polls.at(0).msecsTo(polls.at(1));
        const qint64 second = polls.at(1).msecsTo(polls.at(2));
        QVERIFY2(first >= 6000 - 20 && first < 8000, qPrintable(QString::number(first)));
        QVERIFY2(second >= 11000 - 20 && second < 13000, qPrintable(QString::number(second)));
        for (const QJsonObject &r : simRequests(sim))
            QVERIFY2(
                !r.contains(QStringLiteral("violation")), qPrintable(r.value(QStringLiteral("violation")).toString()));
    }

    void missingConsentNamesTheAdminConsentUrl()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--consent-missing")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        SimBrowser browser;
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry, &browser);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.consent_required"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        const QString consentUrl
            = sim.baseUrl().toString() + u'/' + kSimTenant + QStringLiteral("/adminconsent?client_id=") + kSimClientId;
        QVERIFY2(result.error().userMessage.contains(consentUrl), qPrintable(result.error().userMessage));
    }

    void unknownClientIsNamed()
    {
        TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignInSettings settings = simSettings(sim.baseUrl());
        settings.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        auth::SignIn signIn(settings, *keys, kEntry);
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.unknown_application"));
    }

    void hostileMetadataIsRefusedBeforeAnyRequestToIt_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("http endpoint") << QStringLiteral("insecure-endpoint");
        QTest::newRow("https endpoint elsewhere") << QStringLiteral("foreign-endpoint");
        QTest::newRow("wrong issuer") << QStringLiteral("wrong-issuer");
    }

    void hostileMetadataIsRefusedBeforeAnyRequestToIt()
    {
        QFETCH(QString, fault);
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--metadata-fault"), fault});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.untrusted_discovery"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        // Discovery was the only request: nothing was sent to any endpoint it named.
        QCOMPARE(simRequests(sim).size(), 1);
    }

    void tokenEndpointRedirectIsNotFollowed()
    {
        // A7: a 307 would carry the device code to the second listener.
        QTcpServer thief;
        QVERIFY(thief.listen(QHostAddress::LocalHost));
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1"),
            QStringLiteral("--token-redirect"), QStringLiteral("http://127.0.0.1:%1/steal").arg(thief.serverPort())});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.unexpected_redirect"));
        QCOMPARE(result.error().exitCode, core::ExitCode::Service);
        QTest::qWait(200);
        QVERIFY(!thief.hasPendingConnections());
    }

    void unreachableServiceIsANetworkError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))), *keys, kEntry);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.network"));
        QCOMPARE(result.error().exitCode, core::ExitCode::Service);
    }

    void insecureAuthorityIsRefusedWithoutASocket()
    {
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(QUrl(QStringLiteral("http://login.example.test"))), *keys, kEntry);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.insecure_authority"));
    }

    void cancelEndsAWaitingFlow()
    {
        TenantSim sim({QStringLiteral("--interval"), QStringLiteral("1")});  // never approved
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::SignIn signIn(simSettings(sim.baseUrl()), *keys, kEntry);
        connect(&signIn, &auth::SignIn::deviceCodeReady, &signIn,
            [&signIn] { QTimer::singleShot(1500, &signIn, &auth::SignIn::cancel); });
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.cancelled"));
        const int polls = tokenRequests(sim);
        QTest::qWait(2500);
        QCOMPARE(tokenRequests(sim), polls);  // no poll after the cancel
        QVERIFY(!signIn.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestSignInSim)
#include "tst_signin_sim.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Both sign-in flows against an independent authorization server, panva's oidc-provider
// (SECURITY.md §3), driven headlessly: the test confirms the user code and gives the browser
// consent with plain HTTP requests. Refresh tokens go to a real Secret Service (run under
// scripts/with-secret-service).
#include "auth/signin.h"
#include "auth/tokensession.h"
#include "oidcpeer.h"
#include "peerbrowser.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace stocktake;
using namespace stocktake::testing;

namespace {

const QString kEntry = QStringLiteral("a7d3e9c1-peer/refresh-token");

auth::SignInSettings peerSettings(const OidcPeer &peer)
{
    auth::SignInSettings settings;
    settings.authority = peer.baseUrl();
    settings.tenant = peer.tenant();
    settings.clientId = peer.clientId();
    settings.scopes = {QStringLiteral("openid"), QStringLiteral("offline_access")};
    // oidc-provider keeps offline_access only with prompt=consent (OIDC Core §11) and registers
    // the RFC 8252 loopback literal, not localhost.
    settings.prompt = QStringLiteral("consent");
    settings.redirectHost = auth::LoopbackListener::HostName::Ipv4Literal;
    settings.browserTimeout = std::chrono::seconds(20);
    settings.requestTimeout = std::chrono::seconds(10);
    return settings;
}

std::unique_ptr<secrets::QtKeychainStore> testKeychain()
{
    secrets::QtKeychainStore::Options options;
    options.service = QStringLiteral("Stocktake-peer-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return std::make_unique<secrets::QtKeychainStore>(options);
}

bool waitUntil(const std::function<bool()> &ready, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!ready() && !deadline.hasExpired())
        QTest::qWait(10);
    return ready();
}

core::Result<auth::SignedIn> runSignIn(auth::SignIn &signIn, auth::SignIn::Method method, int timeoutMs = 90000)
{
    std::optional<core::Result<auth::SignedIn>> result;
    QObject::connect(&signIn, &auth::SignIn::finished, &signIn,
        [&result](const core::Result<auth::SignedIn> &r) { result.emplace(r); });
    signIn.start(method);
    if (!waitUntil([&] { return result.has_value(); }, timeoutMs))
        return core::Error {QStringLiteral("test.timeout"), QStringLiteral("sign-in did not finish"), {}};
    return *result;
}

QByteArray stored(secrets::KeyStore &keys)
{
    std::optional<core::Result<secrets::SecretBytes>> result;
    keys.read(kEntry, [&result](core::Result<secrets::SecretBytes> r) { result.emplace(std::move(r)); });
    waitUntil([&] { return result.has_value(); }, 30000);
    return result && *result ? (*result)->view().toByteArray() : QByteArray();
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

QList<QJsonObject> polls(const OidcPeer &peer)
{
    QList<QJsonObject> out;
    QFile file(peer.pollLogPath());
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
        }
    }
    return out;
}

QUrl withQueryItem(const QUrl &url, const QString &name, const QString &value)
{
    QUrl out = url;
    QUrlQuery q(url);
    q.removeAllQueryItems(name);
    q.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    out.setQuery(q);
    return out;
}

}  // namespace

class TestPeerSignIn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }

    void deviceFlowCompletesAtTheDefaultIntervalWithCumulativeSlowDown()
    {
        // The peer sends no interval (5 s applies) and answers the first poll with slow_down.
        OidcPeer peer({QStringLiteral("--slow-down"), QStringLiteral("1")});
        QVERIFY2(peer.isRunning(), qPrintable(peer.error()));
        auto keys = testKeychain();
        PeerBrowser browser;
        auth::SignIn signIn(peerSettings(peer), *keys, kEntry);
        PeerBrowser::Page confirmed;
        QElapsedTimer sinceCode;
        connect(&signIn, &auth::SignIn::deviceCodeReady, this,
            [&](const QString &userCode, const QUrl &uri, const QString &) {
                sinceCode.start();
                QTimer::singleShot(0, this, [&, userCode, uri] { confirmed = browser.confirmDevice(uri, userCode); });
            });
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().code + u' ' + result.error().detail));
        QCOMPARE(confirmed.status, 200);
        QVERIFY(!stored(*keys).isEmpty());
        // A10/A11: first poll after >= 5 s, then slow_down makes it >= 10 s.
        const QList<QJsonObject> log = polls(peer);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).value(QStringLiteral("answer")).toString(), QStringLiteral("slow_down"));
        const qint64 gap
            = qint64(log.at(1).value(QStringLiteral("t")).toDouble() - log.at(0).value(QStringLiteral("t")).toDouble());
        QVERIFY2(gap >= 10000 - 20, qPrintable(QString::number(gap)));
        QVERIFY(sinceCode.elapsed() >= 15000 - 100);
    }

    void abortedDeviceCodeIsDeclinedWithinOneInterval()
    {
        OidcPeer peer;
        QVERIFY2(peer.isRunning(), qPrintable(peer.error()));
        auto keys = testKeychain();
        PeerBrowser browser;
        auth::SignIn signIn(peerSettings(peer), *keys, kEntry);
        QElapsedTimer sinceAbort;
        connect(&signIn, &auth::SignIn::deviceCodeReady, this,
            [&](const QString &userCode, const QUrl &uri, const QString &) {
                QTimer::singleShot(0, this, [&, userCode, uri] {
                    browser.confirmDevice(uri, userCode, true);
                    sinceAbort.start();
                });
            });
        const auto result = runSignIn(signIn, auth::SignIn::Method::DeviceCode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.declined"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        QVERIFY2(sinceAbort.elapsed() <= 5500, qPrintable(QString::number(sinceAbort.elapsed())));
    }

    void browserFlowCompletesAndChecksIss()
    {
        OidcPeer peer;
        QVERIFY2(peer.isRunning(), qPrintable(peer.error()));
        auto keys = testKeychain();
        PeerBrowser browser;
        auth::SignIn signIn(peerSettings(peer), *keys, kEntry, &browser);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().code + u' ' + result.error().detail));
        QCOMPARE(browser.opened.size(), 1);
        const QUrlQuery request(browser.opened.constFirst());
        QCOMPARE(request.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QVERIFY(request.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                    .startsWith(QLatin1StringView("http://127.0.0.1:")));
        // RFC 9207: the peer names itself in the callback, and it matched discovery.
        QCOMPARE(QUrlQuery(browser.lastCallback).queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
            peer.baseUrl().toString() + u'/' + peer.tenant() + QStringLiteral("/v2.0"));
        QCOMPARE(browser.callbackStatus, 200);
        QVERIFY(!stored(*keys).isEmpty());
    }

    void alteredIssIsRefused()
    {
        OidcPeer peer;
        QVERIFY2(peer.isRunning(), qPrintable(peer.error()));
        auto keys = testKeychain();
        PeerBrowser browser;
        browser.tamperCallback = [](const QUrl &callback) {
            return withQueryItem(callback, QStringLiteral("iss"), QStringLiteral("http://127.0.0.1:1/other/v2.0"));
        };
        auth::SignIn signIn(peerSettings(peer), *keys, kEntry, &browser);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.issuer_mismatch"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
        QVERIFY(stored(*keys).isEmpty());
    }

    void wrongVerifierIsRefused()
    {
        OidcPeer peer;
        QVERIFY2(peer.isRunning(), qPrintable(peer.error()));
        auto keys = testKeychain();
        PeerBrowser browser;
        browser.tamperAuthorizeUrl = [](const QUrl &url) {
            return withQueryItem(
                url, QStringLiteral("code_challenge"), QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        };
        auth::SignIn signIn(peerSettings(peer), *keys, kEntry, &browser);
        const auto result = runSignIn(signIn, auth::SignIn::Method::Browser);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("auth.code_rejected"));
        QCOMPARE(result.error().exitCode, core::ExitCode::SignIn);
    }

    void refreshTokenRotatesAndReuseRevokesTheChain()
    {
        OidcPeer peer;
        QVERIFY2(peer.isRunning(), qPrintable(peer.error()));
        auto keys = testKeychain();
        PeerBrowser browser;
        {
            auth::SignIn signIn(peerSettings(peer), *keys, kEntry, &browser);
            QVERIFY(runSignIn(signIn, auth::SignIn::Method::Browser).ok());
        }
        const QByteArray first = stored(*keys);
        auth::TokenSession session(peerSettings(peer), *keys, kEntry);
        QVERIFY(token(session, false).ok());
        const QByteArray second = stored(*keys);
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        QVERIFY(token(session, true).ok());
        QVERIFY(stored(*keys) != second);

        // Someone replays the first token: the peer refuses it and revokes the whole chain, so
        // the session's next refresh is refused, its stored token deleted, and sign-in asked for.
        QNetworkAccessManager nam;
        QNetworkRequest replay(QUrl(peer.baseUrl().toString() + u'/' + peer.tenant() + QStringLiteral("/v2.0/token")));
        replay.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = nam.post(
            replay, "grant_type=refresh_token&client_id=stocktake-test&refresh_token=" + first.toPercentEncoding());
        QVERIFY(waitUntil([reply] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QVERIFY(reply->readAll().contains("invalid_grant"));
        delete reply;
        const auto refused = token(session, true);
        QCOMPARE(refused.error().code, QStringLiteral("auth.sign_in_again"));
        QVERIFY(stored(*keys).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPeerSignIn)
#include "tst_peer_signin.moc"

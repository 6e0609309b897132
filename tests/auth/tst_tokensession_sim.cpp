// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// TokenSession against tenant-sim with the refresh token in a real Secret Service: rotation,
// refresh before expiry and after a 401, one refresh at a time, the revoked token deleted, and
// the session made on a worker thread while the keychain stays on the main thread.
#include "auth/tokensession.h"
#include "secretservice.h"
#include "signintesting.h"
#include "tenantsim.h"

#include <QThread>

using namespace stocktake;
using namespace stocktake::testing;

namespace {

const QString kEntry = QStringLiteral("5b0e7a3c-session/refresh-token");

QStringList simArgs(const QStringList &extra = {})
{
    return QStringList {QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1")} + extra;
}

/// Signs in with the device flow so the keychain holds a refresh token.
bool signIn(const TenantSim &sim, secrets::KeyStore &keys)
{
    auth::SignIn signIn(simSettings(sim.baseUrl()), keys, kEntry);
    return runSignIn(signIn, auth::SignIn::Method::DeviceCode).ok();
}

core::Result<secrets::SecretBytes> accessToken(graph::TokenSource &source, bool afterUnauthorized = false)
{
    std::optional<core::Result<secrets::SecretBytes>> result;
    const auto done = [&result](core::Result<secrets::SecretBytes> token) {
        result.emplace(std::move(token));
    };
    if (afterUnauthorized)
        source.refreshAfterUnauthorized(done);
    else
        source.accessToken(done);
    if (!waitUntil([&] { return result.has_value(); }, 30000))
        return core::Error {QStringLiteral("test.timeout"), QStringLiteral("no token"), {}};
    return std::move(*result);
}

QByteArray stored(secrets::KeyStore &keys)
{
    const auto entry = readEntry(keys, kEntry);
    return entry ? entry->view().toByteArray() : QByteArray();
}

int graphStatus(const TenantSim &sim, const secrets::SecretBytes &token)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(sim.baseUrl().resolved(QUrl(QStringLiteral("/v1.0/users?$top=1"))));
    request.setRawHeader("Authorization", "Bearer " + token.view().toByteArray());
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

}  // namespace

class TestTokenSessionSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }

    void refreshRotatesTheStoredTokenAndTheOldOneIsRefused()
    {
        TenantSim sim(simArgs());
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        QVERIFY(signIn(sim, *keys));
        const QByteArray before = stored(*keys);
        QVERIFY(before.startsWith("sim-rt-"));

        auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto token = accessToken(session);
        QVERIFY2(token.ok(), qPrintable(token ? QString() : token.error().code));
        QCOMPARE(session.refreshCount(), 1);
        QCOMPARE(graphStatus(sim, *token), 200);
        const QByteArray after = stored(*keys);
        QVERIFY(after.startsWith("sim-rt-"));
        QVERIFY(after != before);
        // The token endpoint refuses the old refresh token.
        const Http reuse
            = httpRequest("POST", sim.baseUrl().resolved(QUrl(QStringLiteral("/%1/oauth2/v2.0/token").arg(kSimTenant))),
                "client_id=" + kSimClientId.toLatin1() + "&grant_type=refresh_token&refresh_token=" + before);
        QCOMPARE(reuse.status, 400);
        QVERIFY(reuse.body.contains("\"invalid_grant\""));

        // A 401 drops the access token and refreshes again, with the rotated token.
        const auto second = accessToken(session, true);
        QVERIFY(second.ok());
        QCOMPARE(session.refreshCount(), 2);
        QVERIFY(!second->equals(token->view()));
        QVERIFY(stored(*keys) != after);
    }

    void tokenIsReusedUntilShortlyBeforeExpiry()
    {
        TenantSim sim(simArgs({QStringLiteral("--token-ttl"), QStringLiteral("2")}));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        QVERIFY(signIn(sim, *keys));
        auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto first = accessToken(session);
        QVERIFY(first.ok());
        const auto again = accessToken(session);
        QVERIFY(again.ok());
        QVERIFY(again->equals(first->view()));
        QCOMPARE(session.refreshCount(), 1);
        QTest::qWait(2100);
        const auto later = accessToken(session);
        QVERIFY(later.ok());
        QCOMPARE(session.refreshCount(), 2);
        QVERIFY(!later->equals(first->view()));
        QCOMPARE(graphStatus(sim, *later), 200);
    }

    void concurrentCallersShareOneRefresh()
    {
        TenantSim sim(simArgs());
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        QVERIFY(signIn(sim, *keys));
        auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
        int answered = 0;
        QList<QByteArray> tokens;
        for (int i = 0; i < 5; ++i) {
            session.accessToken([&](core::Result<secrets::SecretBytes> token) {
                ++answered;
                if (token)
                    tokens.append(token->view().toByteArray());
            });
        }
        session.refreshAfterUnauthorized([&](core::Result<secrets::SecretBytes>) { ++answered; });
        QVERIFY(waitUntil([&] { return answered == 6; }, 30000));
        QCOMPARE(session.refreshCount(), 1);
        QCOMPARE(tokens.size(), 5);
        QCOMPARE(QSet<QByteArray>(tokens.begin(), tokens.end()).size(), 1);
    }

    void revokedRefreshTokenIsDeletedAndAsksForSignIn()
    {
        TenantSim sim(simArgs());
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        QVERIFY(signIn(sim, *keys));
        QCOMPARE(httpRequest("POST", sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/revoke-refresh-tokens"))), "x")
                     .status,
            200);
        auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto token = accessToken(session);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code, QStringLiteral("auth.sign_in_again"));
        QCOMPARE(token.error().exitCode, core::ExitCode::SignIn);
        QVERIFY(readEntry(*keys, kEntry).error().is(u"secrets.not_found"));
        // Nothing is sent again: the next call asks for a sign-in without a request.
        const auto next = accessToken(session);
        QCOMPARE(next.error().code, QStringLiteral("auth.not_signed_in"));
        QCOMPARE(session.refreshCount(), 1);
    }

    void interactionRequiredKeepsTheToken()
    {
        TenantSim sim(simArgs({QStringLiteral("--mfa-required")}));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        QVERIFY(signIn(sim, *keys));
        const QByteArray before = stored(*keys);
        auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto token = accessToken(session);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code, QStringLiteral("auth.interaction_required"));
        QCOMPARE(token.error().exitCode, core::ExitCode::SignIn);
        QCOMPARE(stored(*keys), before);
    }

    void noStoredTokenMeansNotSignedIn()
    {
        TenantSim sim(simArgs());
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
        const auto token = accessToken(session);
        QCOMPARE(token.error().code, QStringLiteral("auth.not_signed_in"));
        QCOMPARE(token.error().exitCode, core::ExitCode::SignIn);
    }

    void serviceGoneIsANetworkErrorAndKeepsTheToken()
    {
        TenantSim sim(simArgs());
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        QVERIFY(signIn(sim, *keys));
        const QByteArray before = stored(*keys);
        auth::TokenSession session(simSettings(sim.baseUrl()), *keys, kEntry);
        sim.stop();
        const auto token = accessToken(session);
        QCOMPARE(token.error().code, QStringLiteral("auth.network"));
        QCOMPARE(token.error().exitCode, core::ExitCode::Service);
        QCOMPARE(stored(*keys), before);
    }

    void factoryMakesTheSessionOnTheWorkerThreadAndKeepsTheKeychainOnThisOne()
    {
        TenantSim sim(simArgs());
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        auto keys = testKeychain();
        QVERIFY(signIn(sim, *keys));
        const QByteArray before = stored(*keys);
        const auto factory = auth::tokenSourceFactory(simSettings(sim.baseUrl()), *keys, kEntry);

        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        std::atomic<bool> done {false};
        std::atomic<bool> ok {false};
        std::atomic<bool> onWorker {false};
        std::unique_ptr<graph::TokenSource> source;
        QMetaObject::invokeMethod(&context, [&] {
            source = factory();
            source->accessToken([&](core::Result<secrets::SecretBytes> token) {
                onWorker = QThread::currentThread() == &worker;
                ok = token.ok();
                // Destroyed on the thread that made it, once its callback has returned.
                QMetaObject::invokeMethod(
                    &context,
                    [&] {
                        source.reset();
                        done = true;
                    },
                    Qt::QueuedConnection);
            });
        });
        QVERIFY(waitUntil([&] { return done.load(); }, 30000));
        worker.quit();
        worker.wait();
        QVERIFY(ok);
        QVERIFY(onWorker);
        QVERIFY(stored(*keys) != before);  // the rotated token went through the main thread's store
    }
};

QTEST_GUILESS_MAIN(TestTokenSessionSim)
#include "tst_tokensession_sim.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/endpoint.h"
#include "graph/graphclient.h"
#include "graphtesthelpers.h"
#include "scriptedserver.h"
#include "testtokens.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace stocktake;
using namespace stocktake::testing;
using namespace std::chrono_literals;
using graph::GraphClient;
using graph::GraphClientOptions;
using graph::GraphRequest;
using Response = ScriptedServer::Response;

namespace {

const QByteArray usersPath = QByteArrayLiteral("/v1.0/users");
const QByteArray okPage = QByteArrayLiteral(R"({"value":[{"id":"u1"}]})");

GraphClientOptions optionsFor(const ScriptedServer &server)
{
    GraphClientOptions o;
    o.graphRoot = QUrl(server.origin());
    o.retry.backoffBase = 50ms;
    o.retry.backoffMax = 200ms;
    o.stallTimeout = 5s;
    o.requestDeadline = 20s;
    return o;
}

/// A users page of `count` people: 64 KiB and more from about 1,500 on.
QByteArray largePage(int count)
{
    QJsonArray value;
    for (int i = 0; i < count; ++i) {
        value.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("u%1").arg(i)},
            {QStringLiteral("displayName"), QStringLiteral("Person number %1").arg(i)}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("value"), value}}).toJson(QJsonDocument::Compact);
}

GraphRequest usersRequest(const GraphClient &client)
{
    return GraphRequest::get(graph::Endpoint::users(), client.apiBase());
}

qint64 gapMs(const ScriptedServer &server, qsizetype i)
{
    return server.requests().at(i).atMs - server.requests().at(i - 1).atMs;
}

}  // namespace

class TestGraphClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retryAfterSecondsIsHonoured();
    void retryAfterHttpDateIsHonoured();
    void retryAfterIsCappedByPolicy();
    void retryAfterBlocksTheWholeBudgetClass();
    void backoffWithoutRetryAfterIsBoundedAndJittered();
    void retryBudgetSpentGivesThrottledExitFour();
    void unauthorizedRefreshesOnceThenSucceeds();
    void unauthorizedAfterRefreshGivesSignInError();
    void bearerTokenIsSentToGraphOnly();
    void insecureRootIsRefusedBeforeAnySocket();
    void redirectToAnotherOriginIsRefusedWithoutRequest();
    void oversizedBodyIsAborted_data();
    void oversizedBodyIsAborted();
    void malformedBodiesGiveTypedErrors_data();
    void malformedBodiesGiveTypedErrors();
    void connectionCutInsideBodyIsRetriedThenNetworkError();
    void stallEndsWithTimeout();
    void slowDripEndsAtDeadline();
    void concurrencyCapPerHostIsKept();
    void backgroundRequestsLeaveASlotAndGetOne();
    void backgroundAndLowPriorityRequestsGoAsThrottlePriorityLow();
    void pacerSpacesRequestsOfOneBudget();
    void graphErrorBodiesBecomeTypedErrors_data();
    void graphErrorBodiesBecomeTypedErrors();
    void cancelEndsRequestWithCancelled();
    void largePagesAreParsedAsideAndCancelEndsThemOnce();
    void silentTokenSourceEndsAtDeadline();
};

void TestGraphClient::retryAfterSecondsIsHonoured()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath, Response::json("{}", 429).header("Retry-After", "1"));
    server.enqueue(usersPath, Response::json(okPage));
    ListTokenSource tokens({"t1"});
    GraphClient client(optionsFor(server), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().detail));
    QCOMPARE(server.requests().size(), 2);
    QVERIFY2(gapMs(server, 1) >= 1000, qPrintable(QString::number(gapMs(server, 1))));
    QCOMPARE(client.stats().throttled, 1);
    QCOMPARE(client.stats().retries, 1);
}

void TestGraphClient::retryAfterHttpDateIsHonoured()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    // Two seconds ahead, whole seconds: the wait is more than one second, whatever the rounding.
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(2);
    const QByteArray date = QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    server.enqueue(usersPath, Response::json("{}", 503).header("Retry-After", date));
    server.enqueue(usersPath, Response::json(okPage));
    ListTokenSource tokens({"t1"});
    GraphClient client(optionsFor(server), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && result->ok());
    QCOMPARE(server.requests().size(), 2);
    QVERIFY2(gapMs(server, 1) >= 1000, qPrintable(QString::number(gapMs(server, 1))));
}

void TestGraphClient::retryAfterIsCappedByPolicy()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath, Response::json("{}", 429).header("Retry-After", "999999"));
    server.enqueue(usersPath, Response::json(okPage));
    ListTokenSource tokens({"t1"});
    GraphClientOptions options = optionsFor(server);
    options.retry.retryAfterCap = 1200ms;
    GraphClient client(options, tokens);

    QElapsedTimer t;
    t.start();
    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && result->ok());
    QVERIFY2(gapMs(server, 1) >= 1200, qPrintable(QString::number(gapMs(server, 1))));
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
}

void TestGraphClient::retryAfterBlocksTheWholeBudgetClass()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath, Response::json("{}", 429).header("Retry-After", "1"));
    server.enqueue(usersPath, Response::json(okPage));
    server.enqueue(QByteArrayLiteral("/v1.0/groups"), Response::json(okPage));
    ListTokenSource tokens({"t1"});
    GraphClient client(optionsFor(server), tokens);

    std::optional<core::Result<graph::GraphResponse>> users;
    std::optional<core::Result<graph::GraphResponse>> groups;
    client.send(usersRequest(client), [&users](core::Result<graph::GraphResponse> r) { users.emplace(std::move(r)); });
    QVERIFY(spinUntil([&client] { return client.stats().throttled == 1; }));
    // Groups share the Directory budget: Graph's Retry-After holds for them as well.
    client.send(GraphRequest::get(graph::Endpoint::groups(), client.apiBase()),
        [&groups](core::Result<graph::GraphResponse> r) { groups.emplace(std::move(r)); });
    QVERIFY(spinUntil([&users, &groups] { return users.has_value() && groups.has_value(); }));
    QVERIFY(users->ok() && groups->ok());
    const auto groupRequests = server.requestsTo(QByteArrayLiteral("/v1.0/groups"));
    QCOMPARE(groupRequests.size(), 1);
    const qint64 gap = groupRequests.first().atMs - server.requests().first().atMs;
    QVERIFY2(gap >= 1000, qPrintable(QString::number(gap)));
}

void TestGraphClient::backoffWithoutRetryAfterIsBoundedAndJittered()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    for (int i = 0; i < 3; ++i) {
        server.enqueue(usersPath, Response::json("{}", 503));
    }
    server.enqueue(usersPath, Response::json(okPage));
    ListTokenSource tokens({"t1"});
    GraphClientOptions options = optionsFor(server);
    options.retry.backoffBase = 200ms;
    options.retry.backoffMax = 800ms;
    GraphClient client(options, tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && result->ok());
    QCOMPARE(server.requests().size(), 4);
    // Retry n waits within [d/2, d], d = min(800, 200·2^(n-1)); allow 250 ms for the machine.
    const qint64 bounds[3][2] = {{100, 200}, {200, 400}, {400, 800}};
    for (int i = 0; i < 3; ++i) {
        const qint64 gap = gapMs(server, i + 1);
        QVERIFY2(gap >= bounds[i][0] && gap <= bounds[i][1] + 250,
            qPrintable(QStringLiteral("retry %1 after %2 ms").arg(i + 1).arg(gap)));
    }
}

void TestGraphClient::retryBudgetSpentGivesThrottledExitFour()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath,
        Response::json(R"({"error":{"code":"TooManyRequests","message":"slow down"}})", 429)
            .header("Retry-After", "0"));
    ListTokenSource tokens({"t1"});
    GraphClientOptions options = optionsFor(server);
    options.retry.budget = 3;
    GraphClient client(options, tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.throttled"));
    QCOMPARE(result->error().exitCode, core::ExitCode::Service);
    QCOMPARE(server.requests().size(), 4);  // the first try and three retries
    QVERIFY(!result->error().userMessage.isEmpty());
}

void TestGraphClient::unauthorizedRefreshesOnceThenSucceeds()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setFallback([](const ScriptedServer::Request &r) {
        if (r.headers.value("authorization") == "Bearer fresh") {
            return Response::json(okPage);
        }
        return Response::json(R"({"error":{"code":"InvalidAuthenticationToken","message":"expired"}})", 401);
    });
    ListTokenSource tokens({"stale", "fresh"});
    GraphClient client(optionsFor(server), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && result->ok());
    QCOMPARE(tokens.refreshCalls, 1);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(0).headers.value("authorization"), QByteArray("Bearer stale"));
    QCOMPARE(server.requests().at(1).headers.value("authorization"), QByteArray("Bearer fresh"));
}

void TestGraphClient::unauthorizedAfterRefreshGivesSignInError()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath, Response::json(R"({"error":{"code":"InvalidAuthenticationToken"}})", 401));
    ListTokenSource tokens({"one", "two", "three"});
    GraphClient client(optionsFor(server), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.unauthorized"));
    QCOMPARE(result->error().exitCode, core::ExitCode::SignIn);
    QCOMPARE(tokens.refreshCalls, 1);
    QCOMPARE(server.requests().size(), 2);
}

void TestGraphClient::bearerTokenIsSentToGraphOnly()
{
    ScriptedServer graph;
    ScriptedServer elsewhere;
    QVERIFY(graph.listen());
    QVERIFY(elsewhere.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    ListTokenSource tokens({"secret-token"});
    GraphClient client(optionsFor(graph), tokens);

    GraphRequest request = usersRequest(client);
    request.url = QUrl(elsewhere.origin() + QStringLiteral("/v1.0/users"));
    const auto result = sendAndWait(client, request);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.foreign_origin"));
    QCOMPARE(result->error().exitCode, core::ExitCode::Service);
    QCOMPARE(elsewhere.requests().size(), 0);
    QCOMPARE(graph.requests().size(), 0);
    QCOMPARE(tokens.accessCalls, 0);

    // Same host, other port: another origin too.
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/v1.0/users").arg(graph.port() == 1 ? 2 : 1));
    const auto otherPort = sendAndWait(client, request);
    QVERIFY(otherPort && !otherPort->ok());
    QCOMPARE(otherPort->error().code, QStringLiteral("graph.foreign_origin"));
}

void TestGraphClient::insecureRootIsRefusedBeforeAnySocket()
{
    QCOMPARE(GraphClient::checkRoot(QUrl(QStringLiteral("http://example.test"))).error().code,
        QStringLiteral("graph.insecure_url"));
    QCOMPARE(
        GraphClient::checkRoot(QUrl(QStringLiteral("http://example.test"))).error().exitCode, core::ExitCode::Usage);
    QVERIFY(GraphClient::checkRoot(QUrl(QStringLiteral("https://graph.microsoft.com"))).ok());
    QVERIFY(GraphClient::checkRoot(QUrl(QStringLiteral("http://127.0.0.1:8080"))).ok());
    QVERIFY(GraphClient::checkRoot(QUrl(QStringLiteral("http://localhost:8080"))).ok());
    QVERIFY(GraphClient::checkRoot(QUrl(QStringLiteral("http://[::1]:8080"))).ok());
    QVERIFY(!GraphClient::checkRoot(QUrl(QStringLiteral("ftp://graph.microsoft.com"))).ok());

    ListTokenSource tokens({"t"});
    GraphClientOptions options;
    options.graphRoot = QUrl(QStringLiteral("http://example.test"));
    GraphClient client(options, tokens);
    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.insecure_url"));
    QCOMPARE(tokens.accessCalls, 0);
}

void TestGraphClient::redirectToAnotherOriginIsRefusedWithoutRequest()
{
    ScriptedServer graph;
    ScriptedServer elsewhere;
    QVERIFY(graph.listen());
    QVERIFY(elsewhere.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    Response redirect;
    redirect.status = 302;
    redirect.header("Location", (elsewhere.origin() + QStringLiteral("/steal")).toLatin1());
    graph.enqueue(usersPath, redirect);
    ListTokenSource tokens({"t"});
    GraphClient client(optionsFor(graph), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.foreign_origin"));
    QCOMPARE(graph.requests().size(), 1);
    QCOMPARE(elsewhere.requests().size(), 0);
}

void TestGraphClient::oversizedBodyIsAborted_data()
{
    QTest::addColumn<bool>("withLength");
    QTest::newRow("content-length") << true;
    QTest::newRow("until-close") << false;
}

void TestGraphClient::oversizedBodyIsAborted()
{
    QFETCH(bool, withLength);
    ScriptedServer server;
    QVERIFY(server.listen());
    QByteArray body = QByteArrayLiteral(R"({"value":[{"id":")");
    body.append(QByteArray(33 * 1024 * 1024, 'a'));
    body.append(QByteArrayLiteral(R"("}]})"));
    Response big = Response::json(body);
    big.closeAfter = !withLength;
    server.enqueue(usersPath, big);
    ListTokenSource tokens({"t"});
    GraphClient client(optionsFor(server), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.body_too_large"));
    QCOMPARE(result->error().exitCode, core::ExitCode::Service);
    QVERIFY2(result->error().detail.contains(QStringLiteral("cap of 33554432")), qPrintable(result->error().detail));
}

void TestGraphClient::malformedBodiesGiveTypedErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detail");
    QByteArray deep;
    for (int i = 0; i < 100; ++i) {
        deep += R"({"a":)";
    }
    deep += "1";
    for (int i = 0; i < 100; ++i) {
        deep += "}";
    }
    QTest::newRow("100-deep nesting") << deep << QStringLiteral("too deep");
    QTest::newRow("truncated json") << QByteArray(R"({"value":[{"id":"u1","displayName":"Ad)")
                                    << QStringLiteral("syntax");
    QTest::newRow("root is an array") << QByteArray(R"([{"id":"u1"}])") << QStringLiteral("not an object");
    QTest::newRow("not json at all") << QByteArray("<html>proxy says hi</html>") << QStringLiteral("syntax");
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("syntax");
    // From 64 KiB on a body is parsed on the client's parser pool: the same errors.
    const QByteArray big = largePage(2000);
    QVERIFY(big.size() > 64 * 1024);
    QTest::newRow("large page cut short") << big.left(big.size() - 40) << QStringLiteral("syntax");
    QTest::newRow("large page, deep at the end")
        << QByteArray(big).insert(big.size() - 1, QByteArray(R"(,"x":)") + deep) << QStringLiteral("too deep");
}

void TestGraphClient::malformedBodiesGiveTypedErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detail);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath, Response::json(body));
    ListTokenSource tokens({"t"});
    GraphClient client(optionsFor(server), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.malformed_json"));
    QVERIFY2(result->error().detail.contains(detail), qPrintable(result->error().detail));
    QCOMPARE(server.requests().size(), 1);  // a bad body is not asked for again
}

void TestGraphClient::connectionCutInsideBodyIsRetriedThenNetworkError()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Response cut = Response::json(R"({"value":[{"id":"u1"},{"id":"u2"}]})");
    cut.truncateAt = 12;
    server.enqueue(usersPath, cut);
    ListTokenSource tokens({"t"});
    GraphClientOptions options = optionsFor(server);
    options.retry.budget = 2;
    GraphClient client(options, tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.network"));
    QCOMPARE(result->error().exitCode, core::ExitCode::Service);
    QCOMPARE(server.requests().size(), 3);
}

void TestGraphClient::stallEndsWithTimeout()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Response stall;
    stall.stall = true;
    server.enqueue(usersPath, stall);
    ListTokenSource tokens({"t"});
    GraphClientOptions options = optionsFor(server);
    options.stallTimeout = 600ms;
    GraphClient client(options, tokens);

    QElapsedTimer t;
    t.start();
    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.timeout"));
    QCOMPARE(result->error().exitCode, core::ExitCode::Service);
    QVERIFY2(t.elapsed() >= 550 && t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
}

void TestGraphClient::slowDripEndsAtDeadline()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Response late = Response::json(okPage);
    late.delayMs = 5000;
    server.enqueue(usersPath, late);
    ListTokenSource tokens({"t"});
    GraphClientOptions options = optionsFor(server);
    options.stallTimeout = 10s;
    options.requestDeadline = 700ms;
    GraphClient client(options, tokens);

    QElapsedTimer t;
    t.start();
    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.timeout"));
    QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
}

/// A server whose users answers take 300 ms, and a client that sends it at most `slots` at once.
struct SlowUsersHost {
    ScriptedServer server;
    ListTokenSource tokens {{"t"}};
    std::optional<GraphClient> client;
    bool listening = false;

    explicit SlowUsersHost(int slots)
    {
        listening = server.listen();
        Response slow = Response::json(okPage);
        slow.delayMs = 300;
        server.enqueue(usersPath, slow);
        GraphClientOptions options = optionsFor(server);
        options.maxInFlightPerHost = slots;
        client.emplace(options, tokens);
    }
};

void TestGraphClient::concurrencyCapPerHostIsKept()
{
    SlowUsersHost host(2);
    QVERIFY(host.listening);
    ScriptedServer &server = host.server;
    GraphClient &client = *host.client;

    int done = 0;
    for (int i = 0; i < 6; ++i) {
        client.send(usersRequest(client), [&done](core::Result<graph::GraphResponse> r) { done += r.ok() ? 1 : 100; });
    }
    QVERIFY(spinUntil([&done] { return done >= 6; }));
    QCOMPARE(done, 6);
    QCOMPARE(server.requests().size(), 6);
    // With two in flight and 300 ms each, request i+2 cannot arrive before request i was answered.
    for (qsizetype i = 2; i < 6; ++i) {
        const qint64 gap = server.requests().at(i).atMs - server.requests().at(i - 2).atMs;
        QVERIFY2(gap >= 290, qPrintable(QStringLiteral("request %1 came %2 ms after %3").arg(i).arg(gap).arg(i - 2)));
    }
}

/// Work beside the sync's sequence (GraphRequest::background) never takes the last free slot, so
/// the next page of a chain does not wait a round trip behind it; yet it always gets one slot,
/// however much of the sequence waits.
void TestGraphClient::backgroundRequestsLeaveASlotAndGetOne()
{
    SlowUsersHost host(3);
    QVERIFY(host.listening);
    ScriptedServer &server = host.server;
    GraphClient &client = *host.client;
    int done = 0;
    const auto send = [&client, &done](const QString &name, bool background) {
        GraphRequest request = usersRequest(client);
        QUrlQuery query(request.url);
        query.addQueryItem(QStringLiteral("n"), name);
        request.url.setQuery(query);
        request.background = background;
        client.send(request, [&done](core::Result<graph::GraphResponse> r) { done += r.ok() ? 1 : 100; });
    };
    const auto arrivals = [&server](qsizetype from) {
        QStringList order;
        for (qsizetype i = from; i < server.requests().size(); ++i)
            order.append(
                QUrlQuery(QString::fromUtf8(server.requests().at(i).query)).queryItemValue(QStringLiteral("n")));
        return order;
    };
    const auto at = [&server](qsizetype i) {
        return server.requests().at(i).atMs;
    };

    // Three slots: the background takes two and waits for the third; the sequence's request
    // that comes after them starts at once.
    for (const char *name : {"b1", "b2", "b3"})
        send(QString::fromLatin1(name), true);
    send(QStringLiteral("s1"), false);
    QVERIFY(spinUntil([&done] { return done >= 4; }));
    QCOMPARE(done, 4);
    QCOMPARE(arrivals(0),
        QStringList({QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("s1"), QStringLiteral("b3")}));
    QVERIFY2(at(2) - at(0) < 200, "the sequence's request waited behind the background");
    QVERIFY2(at(3) - at(0) >= 290, "the background took the last slot");

    // The sequence fills every slot and more of it waits: the background still gets the first
    // slot that frees, before the sequence's next request.
    const qsizetype second = server.requests().size();
    done = 0;
    for (const char *name : {"s1", "s2", "s3", "s4"})
        send(QString::fromLatin1(name), false);
    send(QStringLiteral("b1"), true);
    QVERIFY(spinUntil([&done] { return done >= 5; }));
    QCOMPARE(done, 5);
    QCOMPARE(arrivals(second),
        QStringList({QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3"), QStringLiteral("b1"),
            QStringLiteral("s4")}));
}

/// perf-anchors P4: work Graph may throttle first says so. Every background request is Low, and
/// so is one marked lowPriority (the sign-in backfill); any other request sends no priority.
void TestGraphClient::backgroundAndLowPriorityRequestsGoAsThrottlePriorityLow()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath, Response::json(okPage));
    ListTokenSource tokens({"t1"});
    GraphClient client(optionsFor(server), tokens);

    GraphRequest background = usersRequest(client);
    background.background = true;
    GraphRequest low = usersRequest(client);
    low.lowPriority = true;
    for (const GraphRequest &request : {usersRequest(client), background, low}) {
        const auto result = sendAndWait(client, request);
        QVERIFY(result && result->ok());
    }
    QCOMPARE(server.requests().size(), 3);
    QVERIFY(!server.requests().at(0).headers.contains("x-ms-throttle-priority"));
    QCOMPARE(server.requests().at(1).headers.value("x-ms-throttle-priority"), QByteArray("Low"));
    QCOMPARE(server.requests().at(2).headers.value("x-ms-throttle-priority"), QByteArray("Low"));
}

void TestGraphClient::pacerSpacesRequestsOfOneBudget()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(QByteArrayLiteral("/v1.0/auditLogs/signIns"), Response::json(R"({"value":[]})"));
    ListTokenSource tokens({"t"});
    GraphClient client(optionsFor(server), tokens);
    client.setPacer(graph::Budget::Reports, graph::RequestPacer(2, 1000ms));

    int done = 0;
    const auto endpoint
        = graph::Endpoint::signIns(QDateTime::currentDateTimeUtc().addDays(-1), QDateTime::currentDateTimeUtc());
    for (int i = 0; i < 5; ++i) {
        client.send(GraphRequest::get(endpoint, client.apiBase()),
            [&done](core::Result<graph::GraphResponse> r) { done += r.ok() ? 1 : 100; });
    }
    QVERIFY(spinUntil([&done] { return done >= 5; }));
    QCOMPARE(done, 5);
    // At most 2 in any 1,000 ms window: request i and i+2 are at least a window apart.
    for (qsizetype i = 2; i < 5; ++i) {
        const qint64 gap = server.requests().at(i).atMs - server.requests().at(i - 2).atMs;
        QVERIFY2(
            gap >= 995, qPrintable(QStringLiteral("requests %1 and %2 only %3 ms apart").arg(i - 2).arg(i).arg(gap)));
    }
}

void TestGraphClient::graphErrorBodiesBecomeTypedErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messageHas");
    QTest::newRow("403 consent") << 403
                                 << QByteArray(
                                        R"({"error":{"code":"Authorization_RequestDenied","message":"Insufficient )"
                                        R"(privileges to complete the operation.","innerError":{"date":)"
                                        R"("2025-01-01T00:00:00","request-id":"rid-1"}}})")
                                 << QStringLiteral("graph.consent_missing") << 3 << QStringLiteral("admin consent");
    QTest::newRow("403 no premium")
        << 403
        << QByteArray(R"({"error":{"code":"Authentication_RequestFromNonPremiumTenantOrB2CTenant",)"
                      R"("message":"Neither tenant is B2C or tenant doesn't have premium license"}})")
        << QStringLiteral("graph.no_premium") << 4 << QStringLiteral("P1");
    QTest::newRow("404") << 404 << QByteArray(R"({"error":{"code":"Request_ResourceNotFound","message":"x"}})")
                         << QStringLiteral("graph.not_found") << 4 << QStringLiteral("404");
    QTest::newRow("400") << 400 << QByteArray(R"({"error":{"code":"Request_BadRequest","message":"x"}})")
                         << QStringLiteral("graph.bad_request") << 4 << QStringLiteral("Request_BadRequest");
    QTest::newRow("410 delta expired") << 410 << QByteArray(R"({"error":{"code":"syncStateNotFound"}})")
                                       << QStringLiteral("graph.resync_required") << 4 << QStringLiteral("in full");
    QTest::newRow("403 without body") << 403 << QByteArray() << QStringLiteral("graph.consent_missing") << 3
                                      << QStringLiteral("admin consent");
    QTest::newRow("418 odd status") << 418 << QByteArray("teapot") << QStringLiteral("graph.server_error") << 4
                                    << QStringLiteral("418");
}

void TestGraphClient::graphErrorBodiesBecomeTypedErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(int, exitCode);
    QFETCH(QString, messageHas);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(usersPath, Response::json(body, status));
    ListTokenSource tokens({"t"});
    GraphClient client(optionsFor(server), tokens);

    const auto result = sendAndWait(client, usersRequest(client));
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, code);
    QCOMPARE(static_cast<int>(result->error().exitCode), exitCode);
    QVERIFY2(result->error().userMessage.contains(messageHas), qPrintable(result->error().userMessage));
    QVERIFY(result->error().userMessage.contains(QStringLiteral("users")));
    if (!body.isEmpty() && body.contains("rid-1")) {
        QVERIFY(result->error().detail.contains(QStringLiteral("request-id=rid-1")));
    }
}

void TestGraphClient::cancelEndsRequestWithCancelled()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Response stall;
    stall.stall = true;
    server.enqueue(usersPath, stall);
    ListTokenSource tokens({"t"});
    GraphClient client(optionsFor(server), tokens);

    std::optional<core::Result<graph::GraphResponse>> out;
    const quint64 id = client.send(
        usersRequest(client), [&out](core::Result<graph::GraphResponse> r) { out.emplace(std::move(r)); });
    QVERIFY(spinUntil([&server] { return server.requests().size() == 1; }));
    client.cancel(id);
    QVERIFY(out.has_value());
    QCOMPARE(out->error().code, QStringLiteral("graph.cancelled"));
    QCOMPARE(client.pending(), 0);
}

void TestGraphClient::largePagesAreParsedAsideAndCancelEndsThemOnce()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    constexpr int pages = 12;
    for (int i = 0; i < pages; ++i) {
        server.enqueue(usersPath, Response::json(largePage(1500 + i)));
    }
    ListTokenSource tokens({"t"});
    GraphClient client(optionsFor(server), tokens);

    // Parsed on another thread, delivered whole on this one.
    const auto first = sendAndWait(client, usersRequest(client));
    QVERIFY(first && first->ok());
    QCOMPARE(first->value().json.value(QStringLiteral("value")).toArray().size(), 1500);
    QCOMPARE(first->value().json.value(QStringLiteral("value")).toArray().last().toObject().value(QStringLiteral("id")),
        QStringLiteral("u1499"));

    // Cancelled at every moment of its life (sent, answered, being parsed): each request's
    // callback runs exactly once, and nothing arrives after a cancel.
    for (int i = 1; i < pages; ++i) {
        int calls = 0;
        bool cancelled = false;
        const quint64 id = client.send(usersRequest(client), [&](core::Result<graph::GraphResponse> r) {
            ++calls;
            QVERIFY(!cancelled || (!r.ok() && r.error().code == QStringLiteral("graph.cancelled")));
        });
        QVERIFY(spinUntil([&server, i] { return server.requests().size() == i + 1; }));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < (i % 4) * 2 && calls == 0) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        cancelled = calls == 0;
        client.cancel(id);
        QTest::qWait(20);
        QCOMPARE(calls, 1);
    }
    QCOMPARE(client.pending(), 0);
}

void TestGraphClient::silentTokenSourceEndsAtDeadline()
{
    // A token source that never answers (a hung keychain prompt) must not hold the request.
    class SilentTokens final : public graph::TokenSource {
    public:
        void accessToken(TokenCallback done) override { m_pending.append(std::move(done)); }
        void refreshAfterUnauthorized(TokenCallback done) override { m_pending.append(std::move(done)); }

    private:
        QList<TokenCallback> m_pending;
    };
    ScriptedServer server;
    QVERIFY(server.listen());
    SilentTokens tokens;
    GraphClientOptions options = optionsFor(server);
    options.requestDeadline = 500ms;
    GraphClient client(options, tokens);

    const auto result = sendAndWait(client, usersRequest(client), 5000);
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, QStringLiteral("graph.timeout"));
    QCOMPARE(server.requests().size(), 0);
    QCOMPARE(client.pending(), 0);
}

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"

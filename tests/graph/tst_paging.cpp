// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/batchjob.h"
#include "graph/endpoint.h"
#include "graph/graphclient.h"
#include "graph/parsers.h"
#include "graph/signinpage.h"
#include "graphtesthelpers.h"
#include "scriptedserver.h"
#include "testtokens.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace stocktake;
using namespace stocktake::testing;
using namespace std::chrono_literals;
using graph::Endpoint;
using graph::GraphClient;
using graph::GraphClientOptions;
using graph::GraphRequest;
using Response = ScriptedServer::Response;

namespace {

QString operator""_qs(const char *text, std::size_t size)
{
    return QString::fromUtf8(text, static_cast<qsizetype>(size));
}

GraphClientOptions optionsFor(const ScriptedServer &server)
{
    GraphClientOptions o;
    o.graphRoot = QUrl(server.origin());
    o.retry.backoffBase = 50ms;
    o.retry.backoffMax = 200ms;
    return o;
}

QByteArray usersPage(int from, int count, const QString &linkKey = {}, const QString &link = {})
{
    QJsonArray value;
    for (int i = from; i < from + count; ++i) {
        value.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("u%1").arg(i)},
            {QStringLiteral("userPrincipalName"), QStringLiteral("user%1@contoso.test").arg(i)},
            {QStringLiteral("displayName"), QStringLiteral("User %1").arg(i)}});
    }
    QJsonObject page {{QStringLiteral("value"), value}};
    if (!linkKey.isEmpty()) {
        page.insert(linkKey, link);
    }
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

/// /v1.0/users, then its nextLinks ?$skiptoken=p2, p3, …: a page of `counts[i]` users each,
/// numbered on from page to page.
void enqueueUsersPages(ScriptedServer &server, const QList<int> &counts)
{
    int from = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const QString path
            = i == 0 ? QStringLiteral("/v1.0/users") : QStringLiteral("/v1.0/users?$skiptoken=p%1").arg(i + 1);
        const bool last = i + 1 == counts.size();
        const QString next = server.origin() + QStringLiteral("/v1.0/users?$skiptoken=p%1").arg(i + 2);
        server.enqueue(path.toUtf8(),
            Response::json(last ? usersPage(from, counts.at(i))
                                : usersPage(from, counts.at(i), QStringLiteral("@odata.nextLink"), next)));
        from += counts.at(i);
    }
}

}  // namespace

class TestPaging : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsNextLinksAndDeliversEachPage();
    void deltaWalkEndsWithDeltaLink();
    void aHeldWalkAsksForNoMorePagesUntilReleased();
    void nextLinkToAnotherOriginIsNeverRequested();
    void pageWithoutValueArrayIsTypedError();
    void bodyReaderPagesAreCheckedAsJsonPagesAre();
    void everyRequestCarriesSelectAndNoMailBody();
    void batchSplitsIntoTwentiesAndRetriesThrottledItems();
    void batchItemErrorsStayWithTheirItem();
    void batchRefusesAbsoluteItemUrls();
    void usageReportDownloadGoesWithoutBearerToken();
};

void TestPaging::followsNextLinksAndDeliversEachPage()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    enqueueUsersPages(server, {3, 0, 2});  // an empty page with a nextLink in the middle
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);
    GraphRequest first = GraphRequest::get(Endpoint::users(), client.apiBase());
    first.headers.append({QByteArrayLiteral("ConsistencyLevel"), QByteArrayLiteral("eventual")});

    const Walk walk = walkAndWait(client, first);
    QVERIFY(walk.end.has_value());
    QVERIFY2(walk.end->ok(), qPrintable(walk.end->ok() ? QString() : walk.end->error().detail));
    QCOMPARE(walk.pages.size(), 3);
    QCOMPARE(walk.pages.at(1).items.size(), 0);  // an empty page with a nextLink goes on
    QCOMPARE((*walk.end)->pages, 3);
    QCOMPARE((*walk.end)->items, 5);
    QVERIFY((*walk.end)->deltaLink.isEmpty());
    QStringList ids;
    for (const graph::Page &p : walk.pages) {
        const auto parsed = graph::parseUsers(p.items);
        QVERIFY(parsed.issues.isEmpty());
        for (const graph::User &u : parsed.records) {
            ids << u.id;
        }
    }
    QCOMPARE(ids, (QStringList {"u0"_qs, "u1"_qs, "u2"_qs, "u3"_qs, "u4"_qs}));
    QCOMPARE(server.requests().size(), 3);
    for (const auto &r : server.requests()) {
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer tok"));
        // C.1: headers are not carried by Graph into the nextLink; the client resends them.
        QCOMPARE(r.headers.value("consistencylevel"), QByteArray("eventual"));
    }
    QVERIFY(server.requests().first().query.contains("$top=999"));
    QVERIFY(server.requests().first().query.contains("$expand=manager($select=id)"));
}

/// PagedQuery::hold: a caller with more pages than it can keep (the sign-ins' read-ahead while
/// another step writes) stops the walk's requests, and release() goes on where it stopped.
void TestPaging::aHeldWalkAsksForNoMorePagesUntilReleased()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    enqueueUsersPages(server, {2, 2, 1});
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);
    auto *query = new graph::PagedQuery(client, GraphRequest::get(Endpoint::users(), client.apiBase()));
    QList<int> sizes;
    std::optional<core::Result<graph::PagingEnd>> end;
    query->start(
        [&sizes, query](const graph::Page &p) {
            sizes.append(int(p.size));
            if (p.index == 0)
                query->hold();  // the second page's request is out already; the third waits
        },
        [&end](core::Result<graph::PagingEnd> e) { end.emplace(std::move(e)); });
    QTRY_COMPARE_WITH_TIMEOUT(sizes.size(), 2, 5000);
    QTest::qWait(300);
    QCOMPARE(server.requests().size(), 2);
    QVERIFY(!end.has_value());
    query->release();
    QTRY_VERIFY_WITH_TIMEOUT(end.has_value(), 5000);
    QVERIFY(end->ok());
    QCOMPARE((*end)->items, 5);
    QCOMPARE(sizes, (QList<int> {2, 2, 1}));
    QCOMPARE(server.requests().size(), 3);
    QVERIFY(server.requests().last().query.contains("$skiptoken=p3"));
}

void TestPaging::deltaWalkEndsWithDeltaLink()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QString o = server.origin();
    const QString deltaLink = o + QStringLiteral("/v1.0/users/delta?$deltatoken=abc");
    server.enqueue("/v1.0/users/delta",
        Response::json(
            usersPage(0, 2, QStringLiteral("@odata.nextLink"), o + QStringLiteral("/v1.0/users/delta?$skiptoken=2"))));
    server.enqueue("/v1.0/users/delta?$skiptoken=2",
        Response::json(
            R"({"value":[{"id":"u9","@removed":{"reason":"deleted"}},{"id":"u1","userPrincipalName":"a@b.test"}],)"
            R"("@odata.deltaLink":")"
            + deltaLink.toUtf8() + R"("})"));
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);

    const Walk walk = walkAndWait(client, GraphRequest::get(Endpoint::usersDelta(), client.apiBase()));
    QVERIFY(walk.end && walk.end->ok());
    QCOMPARE((*walk.end)->deltaLink, QUrl(deltaLink));
    const auto last = graph::parseUsers(walk.pages.last().items);
    QCOMPARE(last.removed.size(), 1);
    QCOMPARE(last.removed.first().id, QStringLiteral("u9"));
    QCOMPARE(last.removed.first().reason, QStringLiteral("deleted"));
    QCOMPARE(last.records.size(), 1);
    QVERIFY(!server.requests().first().query.contains("$top"));  // delta takes no $top

    // The next round starts at the saved delta link.
    server.enqueue("/v1.0/users/delta?$deltatoken=abc",
        Response::json(R"({"value":[],"@odata.deltaLink":")" + deltaLink.toUtf8() + R"("})"));
    GraphRequest again
        = GraphRequest::follow((*walk.end)->deltaLink, GraphRequest::get(Endpoint::usersDelta(), client.apiBase()));
    const Walk second = walkAndWait(client, again);
    QVERIFY(second.end && second.end->ok());
    QCOMPARE((*second.end)->items, 0);
    QCOMPARE(server.requests().last().target, QByteArray("/v1.0/users/delta?$deltatoken=abc"));
}

void TestPaging::nextLinkToAnotherOriginIsNeverRequested()
{
    ScriptedServer graph;
    ScriptedServer elsewhere;
    QVERIFY(graph.listen());
    QVERIFY(elsewhere.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    graph.enqueue("/v1.0/users",
        Response::json(usersPage(0, 2, QStringLiteral("@odata.nextLink"),
            elsewhere.origin() + QStringLiteral("/v1.0/users?$skiptoken=p2"))));
    elsewhere.enqueue("/v1.0/users", Response::json(usersPage(2, 2)));
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(graph), tokens);

    const Walk walk = walkAndWait(client, GraphRequest::get(Endpoint::users(), client.apiBase()));
    QVERIFY(walk.end.has_value());
    QVERIFY(!walk.end->ok());
    QCOMPARE(walk.end->error().code, QStringLiteral("graph.foreign_origin"));
    QCOMPARE(walk.end->error().exitCode, core::ExitCode::Service);
    QCOMPARE(elsewhere.requests().size(), 0);
    QCOMPARE(graph.requests().size(), 1);
}

void TestPaging::pageWithoutValueArrayIsTypedError()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue("/v1.0/users", Response::json(R"({"value":{"id":"u1"}})"));
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);

    const Walk walk = walkAndWait(client, GraphRequest::get(Endpoint::users(), client.apiBase()));
    QVERIFY(walk.end && !walk.end->ok());
    QCOMPARE(walk.end->error().code, QStringLiteral("graph.malformed_json"));
    QVERIFY(walk.pages.isEmpty());
}

void TestPaging::bodyReaderPagesAreCheckedAsJsonPagesAre()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QString o = server.origin();
    const QByteArray signIn = R"({"id":"e%1","createdDateTime":"2026-11-20T10:00:0%1Z","userId":"u1","appId":"A1"})";
    server.enqueue("/v1.0/auditLogs/signIns",
        Response::json(
            QByteArray(R"({"@odata.nextLink":")" + o.toUtf8() + R"(/v1.0/auditLogs/signIns?$skiptoken=p2","value":[)"
                + QByteArray(signIn).replace("%1", "1") + "," + QByteArray(signIn).replace("%1", "2") + "]}")));
    server.enqueue("/v1.0/auditLogs/signIns?$skiptoken=p2",
        Response::json(QByteArray(R"({"value":[)" + QByteArray(signIn).replace("%1", "3") + R"(,{"id":"bad"}]})")));
    // A link that is not a string and a body that is not JSON end the walk as a JSON page would.
    server.enqueue("/v1.0/auditLogs/signIns?bad=link", Response::json(R"({"@odata.nextLink":7,"value":[]})"));
    server.enqueue("/v1.0/auditLogs/signIns?bad=body", Response::json(R"({"value":[{"id":)"));
    ListTokenSource tokens({"tok", "tok", "tok"});
    GraphClient client(optionsFor(server), tokens);
    graph::SignInPageReader reader;
    const auto read = [&reader](QByteArrayView body) {
        return reader.read(body);
    };
    QStringList seen;
    const auto collect = [&reader, &seen](const graph::Page &page) {
        QCOMPARE(page.items.size(), 0);  // the records are the reader's
        for (const graph::SignInView &s : reader.records())
            seen << QString::fromUtf8(s.id.data(), qsizetype(s.id.size())) + u'/'
                    + QString::fromUtf8(s.appId->data(), qsizetype(s.appId->size()));
        seen << QStringLiteral("issues %1").arg(reader.issues().size());
    };
    GraphRequest first
        = GraphRequest::get(Endpoint::signIns(QDateTime(QDate(2026, 11, 20), QTime(0, 0), QTimeZone::utc()),
                                QDateTime(QDate(2026, 11, 21), QTime(0, 0), QTimeZone::utc())),
            client.apiBase());
    first.url = QUrl(o + QStringLiteral("/v1.0/auditLogs/signIns"));
    const Walk walk = walkAndWait(client, first, 30000, read, collect);
    QVERIFY(walk.end.has_value());
    QVERIFY2(walk.end->ok(), qPrintable(walk.end->ok() ? QString() : walk.end->error().detail));
    QCOMPARE(seen, (QStringList {"e1/a1"_qs, "e2/a1"_qs, "issues 0"_qs, "e3/a1"_qs, "issues 1"_qs}));
    QCOMPARE(walk.pages.at(0).size, 2);
    QCOMPARE(walk.pages.at(1).size, 2);
    QCOMPARE((*walk.end)->items, 4);
    QVERIFY(walk.pages.at(1).last);
    // The JSON is left to the reader: the client asked for JSON and parsed nothing itself.
    QCOMPARE(server.requests().first().headers.value("accept"), QByteArray("application/json"));

    for (const char *path : {"/v1.0/auditLogs/signIns?bad=link", "/v1.0/auditLogs/signIns?bad=body"}) {
        first.url = QUrl(o + QString::fromLatin1(path));
        const Walk bad = walkAndWait(client, first, 30000, read);
        QVERIFY(bad.end && !bad.end->ok());
        QCOMPARE(bad.end->error().code, QStringLiteral("graph.malformed_json"));
        QVERIFY(bad.pages.isEmpty());
    }
}

void TestPaging::everyRequestCarriesSelectAndNoMailBody()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setFallback([](const ScriptedServer::Request &) { return Response::json(R"({"value":[]})"); });
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Endpoint> endpoints {Endpoint::organization(), Endpoint::users(), Endpoint::usersDelta(),
        Endpoint::signInActivity(), Endpoint::groups(), Endpoint::groupsDelta(), Endpoint::groupMembers("g1"_qs),
        Endpoint::subscribedSkus(), Endpoint::servicePrincipals(), Endpoint::oauth2PermissionGrants(),
        Endpoint::signIns(now.addDays(-1), now), Endpoint::messages("me"_qs), Endpoint::messages("u1"_qs),
        Endpoint::attachments("me"_qs, "m1"_qs)};
    int done = 0;
    for (const Endpoint &e : endpoints) {
        client.send(GraphRequest::get(e, client.apiBase()), [&done](auto r) { done += r.ok() ? 1 : 100; });
    }
    QVERIFY(spinUntil([&] { return done >= endpoints.size(); }));
    QCOMPARE(done, endpoints.size());
    QCOMPARE(server.requests().size(), endpoints.size());
    for (const auto &r : server.requests()) {
        QVERIFY2(r.query.contains("$select="), r.target.constData());
        if (r.path.contains("/messages")) {
            const QByteArray select = r.query.mid(r.query.indexOf("$select=") + 8).split('&').first();
            const QList<QByteArray> fields = select.split(',');
            QVERIFY2(!fields.contains("body") && !fields.contains("uniqueBody") && !fields.contains("bodyPreview"),
                r.target.constData());
        }
    }
    const auto signInActivity = server.requests().at(3);
    QVERIFY(signInActivity.query.contains("$top=500"));
    QVERIFY(server.requests().at(10).query.contains("$top=1000"));
}

void TestPaging::batchSplitsIntoTwentiesAndRetriesThrottledItems()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    QSet<QString> throttledOnce;
    QList<int> envelopeSizes;
    server.setFallback([&](const ScriptedServer::Request &r) {
        if (r.path != "/v1.0/$batch" || r.method != "POST") {
            return Response::json("{}", 404);
        }
        const QJsonArray requests = QJsonDocument::fromJson(r.body).object().value("requests"_qs).toArray();
        envelopeSizes.append(static_cast<int>(requests.size()));
        QJsonArray responses;
        // Answer in reverse order: Graph does not keep the order; ids correlate.
        for (qsizetype i = requests.size() - 1; i >= 0; --i) {
            const QJsonObject req = requests.at(i).toObject();
            const QString url = req.value("url"_qs).toString();
            const QString group = url.section(u'/', 2, 2);
            QJsonObject answer {{"id"_qs, req.value("id"_qs)}};
            if (group == QLatin1StringView("g7") && !throttledOnce.contains(group)) {
                throttledOnce.insert(group);
                answer.insert("status"_qs, 429);
                answer.insert("headers"_qs, QJsonObject {{"Retry-After"_qs, "1"_qs}});
                answer.insert("body"_qs, QJsonObject {{"error"_qs, QJsonObject {{"code"_qs, "TooManyRequests"_qs}}}});
            } else {
                answer.insert("status"_qs, 200);
                answer.insert("body"_qs,
                    QJsonObject {{"value"_qs,
                        QJsonArray {QJsonObject {{"@odata.type"_qs, "#microsoft.graph.user"_qs},
                            {"id"_qs, QStringLiteral("member-of-%1").arg(group)}}}}});
            }
            responses.append(answer);
        }
        return Response::json(QJsonDocument(QJsonObject {{"responses"_qs, responses}}).toJson(QJsonDocument::Compact));
    });
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);
    QList<graph::BatchItem> items;
    for (int i = 0; i < 45; ++i) {
        const QString group = QStringLiteral("g%1").arg(i);
        items.append(graph::BatchItem {group, Endpoint::groupMembers(group).relativeUrl(), 2});
    }
    QHash<QString, QString> members;
    std::optional<core::Result<graph::BatchSummary>> summary;
    auto *job = new graph::BatchJob(client, items, QStringLiteral("group members"));
    job->start(
        [&members](const QString &key, core::Result<QJsonObject> body) {
            QVERIFY(body.ok());
            const auto parsed = graph::parseMembers(body->value("value"_qs).toArray());
            QCOMPARE(parsed.records.size(), 1);
            members.insert(key, parsed.records.first().id);
        },
        [&summary](core::Result<graph::BatchSummary> s) { summary.emplace(std::move(s)); });
    QVERIFY(spinUntil([&summary] { return summary.has_value(); }));
    QVERIFY(summary->ok());
    QCOMPARE(members.size(), 45);
    QCOMPARE(members.value("g7"_qs), QStringLiteral("member-of-g7"));
    QCOMPARE((*summary)->batches, 4);
    QCOMPARE((*summary)->retried, 1);
    QCOMPARE((*summary)->failed, 0);
    QCOMPARE(envelopeSizes.mid(0, 3), (QList<int> {20, 20, 5}));
    QCOMPARE(envelopeSizes.at(3), 1);
    // The re-sent item waited for its own Retry-After.
    const auto batches = server.requestsTo("/v1.0/$batch");
    QVERIFY2(batches.at(3).atMs - batches.at(0).atMs >= 1000,
        qPrintable(QString::number(batches.at(3).atMs - batches.at(0).atMs)));
    QVERIFY(batches.first().body.contains(R"(/groups/g0/members?$select=id&$top=999)"));
}

void TestPaging::batchItemErrorsStayWithTheirItem()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setFallback([](const ScriptedServer::Request &r) {
        const QJsonArray requests = QJsonDocument::fromJson(r.body).object().value("requests"_qs).toArray();
        QJsonArray responses;
        for (const QJsonValue &v : requests) {
            const QJsonObject req = v.toObject();
            const bool denied = req.value("url"_qs).toString().contains("/groups/secret/"_qs);
            responses.append(QJsonObject {{"id"_qs, req.value("id"_qs)}, {"status"_qs, denied ? 403 : 200},
                {"body"_qs,
                    denied ? QJsonObject {{"error"_qs, QJsonObject {{"code"_qs, "Authorization_RequestDenied"_qs}}}}
                           : QJsonObject {{"value"_qs, QJsonArray {}}}}});
        }
        return Response::json(QJsonDocument(QJsonObject {{"responses"_qs, responses}}).toJson(QJsonDocument::Compact));
    });
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);
    QList<graph::BatchItem> items {{"a"_qs, Endpoint::groupMembers("a"_qs).relativeUrl()},
        {"secret"_qs, Endpoint::groupMembers("secret"_qs).relativeUrl()},
        {"b"_qs, Endpoint::groupMembers("b"_qs).relativeUrl()}};
    QHash<QString, QString> outcome;
    std::optional<core::Result<graph::BatchSummary>> summary;
    auto *job = new graph::BatchJob(client, items, QStringLiteral("group members"));
    job->start(
        [&outcome](const QString &key, core::Result<QJsonObject> body) {
            outcome.insert(key, body.ok() ? QStringLiteral("ok") : body.error().code);
        },
        [&summary](core::Result<graph::BatchSummary> s) { summary.emplace(std::move(s)); });
    QVERIFY(spinUntil([&summary] { return summary.has_value(); }));
    QVERIFY(summary->ok());
    QCOMPARE(outcome.value("a"_qs), QStringLiteral("ok"));
    QCOMPARE(outcome.value("b"_qs), QStringLiteral("ok"));
    QCOMPARE(outcome.value("secret"_qs), QStringLiteral("graph.consent_missing"));
    QCOMPARE((*summary)->failed, 1);
    QCOMPARE(server.requests().size(), 1);
}

void TestPaging::batchRefusesAbsoluteItemUrls()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(server), tokens);
    QList<graph::BatchItem> items {
        {"x"_qs, QStringLiteral("https://evil.test/v1.0/users")}, {"y"_qs, QStringLiteral("//evil.test/users")}};
    QHash<QString, QString> outcome;
    std::optional<core::Result<graph::BatchSummary>> summary;
    auto *job = new graph::BatchJob(client, items, QStringLiteral("group members"));
    job->start(
        [&outcome](const QString &key, core::Result<QJsonObject> body) {
            outcome.insert(key, body.ok() ? QStringLiteral("ok") : body.error().code);
        },
        [&summary](core::Result<graph::BatchSummary> s) { summary.emplace(std::move(s)); });
    QVERIFY(spinUntil([&summary] { return summary.has_value(); }));
    QCOMPARE(outcome.value("x"_qs), QStringLiteral("graph.foreign_origin"));
    QCOMPARE(outcome.value("y"_qs), QStringLiteral("graph.foreign_origin"));
    QCOMPARE(server.requests().size(), 0);
}

void TestPaging::usageReportDownloadGoesWithoutBearerToken()
{
    ScriptedServer graph;
    ScriptedServer reports;
    QVERIFY(graph.listen());
    QVERIFY(reports.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    Response redirect;
    redirect.status = 302;
    redirect.header("Location", (reports.origin() + QStringLiteral("/download/report.csv?sig=abc")).toLatin1());
    graph.enqueue("/v1.0/reports/getOffice365ActiveUserDetail(period='D30')", redirect);
    Response csv;
    csv.body = QByteArrayLiteral("\xEF\xBB\xBFReport Refresh Date,User Principal Name,Display Name,Is Deleted,"
                                 "Has Teams License,Teams Last Activity Date,Assigned Products\r\n"
                                 "2025-01-31,ada@contoso.test,Ada,False,True,2025-01-30,OFFICE 365 E3+TEAMS\r\n");
    csv.header("Content-Type", "application/octet-stream");
    reports.enqueue("/download/report.csv", csv);
    ListTokenSource tokens({"tok"});
    GraphClient client(optionsFor(graph), tokens);
    GraphRequest request = GraphRequest::get(Endpoint::office365ActiveUserDetail(), client.apiBase());
    request.expectJson = false;
    request.anonymousRedirect = true;

    const auto result = sendAndWait(client, request);
    QVERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().detail));
    QCOMPARE(graph.requests().size(), 1);
    QCOMPARE(graph.requests().first().headers.value("authorization"), QByteArray("Bearer tok"));
    QCOMPARE(reports.requests().size(), 1);
    QVERIFY(!reports.requests().first().headers.contains("authorization"));
    QVERIFY(!reports.requests().first().headers.contains("client-request-id"));
    const auto parsed = graph::parseOffice365ActiveUserDetail((*result)->body);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->records.size(), 1);
    QCOMPARE(parsed->records.first().lastTeams, QDate(2025, 1, 30));

    // Without the report flag the same redirect is refused and the second server sees nothing.
    reports.clearLog();
    GraphRequest plain = GraphRequest::get(Endpoint::office365ActiveUserDetail(), client.apiBase());
    plain.expectJson = false;
    const auto refused = sendAndWait(client, plain);
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, QStringLiteral("graph.foreign_origin"));
    QCOMPARE(reports.requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sync engine against a small scripted Graph on loopback: what lands in the encrypted store,
// what a failure or a cancel leaves behind, delta rounds, the no-P1 case and the sign-in days.
// The full-size behaviour against tenant-sim is in tst_sync_tenantsim.
#include "fixedclock.h"
#include "graph/graphclient.h"
#include "graph/signinpage.h"
#include "scriptedserver.h"
#include "store/database.h"
#include "sync/activitysteps.h"
#include "sync/dayusagefold.h"
#include "sync/entitystep.h"
#include "sync/storewriter.h"
#include "sync/syncengine.h"
#include "temphome.h"
#include "testtokens.h"
#include "usagetext.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <atomic>

using namespace stocktake;
using testing::ScriptedServer;
using Response = testing::ScriptedServer::Response;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 20), QTime(15, 30), QTimeZone::utc());

QJsonObject user(int i, bool enabled = true)
{
    return QJsonObject {
        {QStringLiteral("id"), QStringLiteral("00000000-0000-0000-0000-%1").arg(i, 12, 10, QLatin1Char('0'))},
        {QStringLiteral("displayName"), QStringLiteral("Person %1 Ærø").arg(i)},
        {QStringLiteral("userPrincipalName"), QStringLiteral("p%1@contoso.example").arg(i)},
        {QStringLiteral("accountEnabled"), enabled},
        {QStringLiteral("userType"), QStringLiteral("Member")},
        {QStringLiteral("assignedLicenses"),
            QJsonArray {QJsonObject {{QStringLiteral("skuId"), QStringLiteral("05e9a617-0261-4cee-bb44-138d3ef5d965")},
                {QStringLiteral("disabledPlans"), QJsonArray {}}}}},
        {QStringLiteral("unknownFieldGraphAddsLater"), 42},
    };
}

/// Person 4 has three licences: the tenant's SKU (its id in capitals, so the same SKU twice for
/// user_licenses), and two SKUs the tenant does not list, named by their ids.
QJsonObject userWithThreeLicences()
{
    QJsonObject o = user(4);
    QJsonArray licences;
    for (const char *sku : {"F30DB892-07E9-47E9-837C-80727F46FD3D", "05E9A617-0261-4CEE-BB44-138D3EF5D965",
             "1a2b3c4d-0000-4000-8000-000000000001", "05e9a617-0261-4cee-bb44-138d3ef5d965"})
        licences.append(QJsonObject {
            {QStringLiteral("skuId"), QLatin1StringView(sku)}, {QStringLiteral("disabledPlans"), QJsonArray {}}});
    o.insert(QStringLiteral("assignedLicenses"), licences);
    return o;
}

/// How many people's licence column (schema 6) differs from what its triggers make of
/// user_licenses and subscribed_skus.
const char *const kLicencesOffTheirTriggers
    = "SELECT count(*) FROM users WHERE licenses IS NOT coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM ("
      "SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l "
      "LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = users.id)), '')";

QString userId(int i)
{
    return QStringLiteral("00000000-0000-0000-0000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QByteArray page(const QJsonArray &items, const QString &next = {}, const QString &delta = {})
{
    QJsonObject o {{QStringLiteral("value"), items}};
    if (!next.isEmpty())
        o.insert(QStringLiteral("@odata.nextLink"), next);
    if (!delta.isEmpty())
        o.insert(QStringLiteral("@odata.deltaLink"), delta);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// A tiny Graph: one organisation, one SKU, five users on two pages, their activity, a delta
/// round, and three sign-ins on each past day.
class MiniGraph {
public:
    explicit MiniGraph(ScriptedServer &server)
        : m_server(server)
    {
        server.setFallback([this](const ScriptedServer::Request &r) { return answer(r); });
    }

    bool failUsersPage2 = false;
    bool noPremium = false;
    int usersPage2DelayMs = 0;
    int activityDelayMs = 0;
    int signInDelayMs = 0;
    QDate failSignInsOf;  ///< that day's sign-ins answer a malformed body
    QJsonArray deltaChanges;

private:
    Response answer(const ScriptedServer::Request &r)
    {
        const QString o = m_server.origin();
        const QString path = QString::fromUtf8(r.path);
        const QUrlQuery q(QString::fromUtf8(r.query));
        if (path == QStringLiteral("/v1.0/organization")) {
            return Response::json(page(
                QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("11111111-2222-3333-4444-555555555555")},
                    {QStringLiteral("displayName"), QStringLiteral("Contoso")},
                    {QStringLiteral("verifiedDomains"),
                        QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("contoso.example")},
                            {QStringLiteral("isDefault"), true}, {QStringLiteral("isInitial"), false}}}}}}));
        }
        if (path == QStringLiteral("/v1.0/subscribedSkus")) {
            return Response::json(page(QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("t_05e9a617")},
                {QStringLiteral("skuId"), QStringLiteral("05E9A617-0261-4CEE-BB44-138D3EF5D965")},
                {QStringLiteral("skuPartNumber"), QStringLiteral("SPE_E3")},
                {QStringLiteral("capabilityStatus"), QStringLiteral("Enabled")}, {QStringLiteral("consumedUnits"), 5},
                {QStringLiteral("prepaidUnits"),
                    QJsonObject {{QStringLiteral("enabled"), 10}, {QStringLiteral("suspended"), 0},
                        {QStringLiteral("warning"), 0}, {QStringLiteral("lockedOut"), 0}}},
                {QStringLiteral("servicePlans"), QJsonArray {}}}}));
        }
        if (path == QStringLiteral("/v1.0/users/delta")) {
            if (q.queryItemValue(QStringLiteral("$deltatoken")) == QStringLiteral("latest"))
                return Response::json(page({}, {}, o + QStringLiteral("/v1.0/users/delta?$deltatoken=T1")));
            if (q.queryItemValue(QStringLiteral("$deltatoken")) == QStringLiteral("T1"))
                return Response::json(page(deltaChanges, {}, o + QStringLiteral("/v1.0/users/delta?$deltatoken=T2")));
            return Response::json("{}", 400);
        }
        if (path == QStringLiteral("/v1.0/users")
            && q.queryItemValue(QStringLiteral("$select")).contains(QStringLiteral("signInActivity"))) {
            if (noPremium) {
                return Response::json(
                    R"({"error":{"code":"Authentication_RequestFromNonPremiumTenantOrB2CTenant","message":"Neither tenant is B2C or tenant doesn't have premium license"}})",
                    403);
            }
            QJsonArray items;
            for (int i = 1; i <= 5; ++i) {
                QJsonObject activity;
                if (i != 5)  // person 5 never signed in
                    activity.insert(
                        QStringLiteral("lastSignInDateTime"), QStringLiteral("2026-11-1%1T08:00:00Z").arg(i));
                QJsonObject item {{QStringLiteral("id"), userId(i)}};
                if (!activity.isEmpty())
                    item.insert(QStringLiteral("signInActivity"), activity);
                items.append(item);
            }
            Response reply = Response::json(page(items));
            reply.delayMs = activityDelayMs;
            return reply;
        }
        if (path == QStringLiteral("/v1.0/users")) {
            if (q.hasQueryItem(QStringLiteral("$skiptoken"))) {
                Response r2 = failUsersPage2
                    ? Response::json(R"({"value":[{"id":"trunc)")
                    : Response::json(page(QJsonArray {userWithThreeLicences(), user(5, false)}));
                r2.delayMs = usersPage2DelayMs;
                return r2;
            }
            return Response::json(
                page(QJsonArray {user(1), user(2), user(3)}, o + QStringLiteral("/v1.0/users?$skiptoken=page2")));
        }
        if (path == QStringLiteral("/v1.0/servicePrincipals")) {
            ++appRequests;
            QJsonArray items;
            for (int i = 1; i <= 2; ++i)
                items.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("sp-%1").arg(i)},
                    {QStringLiteral("appId"), QStringLiteral("aaaaaaaa-0000-0000-0000-00000000000%1").arg(i)},
                    {QStringLiteral("displayName"), QStringLiteral("App %1").arg(i)}});
            return Response::json(page(items));
        }
        if (path == QStringLiteral("/v1.0/oauth2PermissionGrants")) {
            // Two pages: grants 1 and 2, then grant 3.
            const bool second = q.hasQueryItem(QStringLiteral("$skiptoken"));
            QJsonArray items;
            for (int i = second ? 3 : 1; i <= (second ? 3 : 2); ++i)
                items.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("grant-%1").arg(i)},
                    {QStringLiteral("clientId"), QStringLiteral("sp-1")},
                    {QStringLiteral("consentType"), QStringLiteral("Principal")},
                    {QStringLiteral("principalId"), userId(i)}, {QStringLiteral("resourceId"), QStringLiteral("sp-2")},
                    {QStringLiteral("scope"), QStringLiteral("User.Read")}});
            return Response::json(
                page(items, second ? QString() : o + QStringLiteral("/v1.0/oauth2PermissionGrants?$skiptoken=g2")));
        }
        if (path == QStringLiteral("/v1.0/reports/getOffice365ActiveUserDetail(period='D30')")) {
            ++usageRequests;
            Response redirect;
            redirect.status = 302;
            redirect.header("Location", (o + QStringLiteral("/download/usage.csv")).toLatin1());
            return redirect;
        }
        if (path == QStringLiteral("/download/usage.csv")) {
            // Person 1 and someone not in the directory (a guest removed since, say).
            Response csv;
            csv.body
                = QByteArrayLiteral("Report Refresh Date,User Principal Name,Display Name,Is Deleted,Has Teams License,"
                                    "Teams Last Activity Date,Has Exchange License,Exchange Last Activity Date,"
                                    "Assigned Products\r\n"
                                    "2026-11-19,P1@contoso.example,Person 1,False,True,2026-11-18,False,,MICROSOFT 365 "
                                    "E3\r\n"
                                    "2026-11-19,gone@contoso.example,Gone,False,True,2026-10-01,False,2026-09-30,"
                                    "MICROSOFT 365 E3\r\n");
            csv.header("Content-Type", "application/octet-stream");
            return csv;
        }
        if (path == QStringLiteral("/v1.0/auditLogs/signIns")) {
            static const QRegularExpression range(QStringLiteral("ge (\\S+) and createdDateTime lt (\\S+)"));
            const auto m = range.match(q.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded));
            if (!m.hasMatch())
                return Response::json("{}", 400);
            const QDateTime from = QDateTime::fromString(m.captured(1), Qt::ISODate);
            const QDateTime to = QDateTime::fromString(m.captured(2), Qt::ISODate);
            ++signInRequests;
            if (from.date() == failSignInsOf)
                return Response::json(R"({"value":[{"id":)");
            QJsonArray items;
            // Three events a day at 10, 11 and 12 o'clock, the last one a failure; newest first.
            for (int hour : {12, 11, 10}) {
                const QDateTime at(from.date(), QTime(hour, 0), QTimeZone::utc());
                if (at < from || at >= to)
                    continue;
                items.append(QJsonObject {
                    {QStringLiteral("id"), QStringLiteral("si-%1-%2").arg(from.date().toString(Qt::ISODate)).arg(hour)},
                    {QStringLiteral("createdDateTime"), at.toString(Qt::ISODate)},
                    {QStringLiteral("userId"), userId(1 + hour % 2)},
                    {QStringLiteral("appId"), QStringLiteral("00000003-0000-0ff1-CE00-000000000000")},
                    {QStringLiteral("appDisplayName"), QStringLiteral("Office 365 SharePoint Online")},
                    {QStringLiteral("isInteractive"), true},
                    {QStringLiteral("status"), QJsonObject {{QStringLiteral("errorCode"), hour == 12 ? 50126 : 0}}},
                });
            }
            Response reply = Response::json(page(items));
            reply.delayMs = signInDelayMs;
            return reply;
        }
        return Response::json(R"({"error":{"code":"Request_ResourceNotFound","message":"no"}})", 404);
    }

    ScriptedServer &m_server;

public:
    int signInRequests = 0;
    int usageRequests = 0;
    int appRequests = 0;
};

/// Counts the queued calls (QEvent::MetaCall) an object receives: its turns of the event loop.
class MetaCallCounter : public QObject {
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::MetaCall)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

/// A step whose write is `parts` rows into sync_runs, 5 ms each, in turns (writeInTurns).
class TurnsStep : public sync::EntityStep {
public:
    TurnsStep(sync::StepContext &context, std::size_t rows, bool aside = false)
        : EntityStep(QStringLiteral("turns"), context)
        , m_rows(rows)
        , m_aside(aside)
    {
        QObject::connect(this, &EntityStep::finished, this, [this](const sync::EntitySummary &s) { done = s; });
    }

    void start() override
    {
        if (auto s = begin(); !s)
            return fail(s.error());
        std::vector<WritePart> parts;
        parts.push_back({m_rows,
            [this](std::size_t i) {
                QThread::msleep(5);
                ++written;
                if (QThread::currentThread() != thread())
                    ++writtenAside;
                return m_context.writer->exec(
                    QStringLiteral("INSERT INTO sync_runs (started, entities) VALUES ('%1', 'turns')").arg(i));
            },
            m_aside});
        writeInTurns(std::move(parts), [this] {
            if (auto s = commitWithState(); !s)
                return fail(s.error());
            succeed();
        });
    }

    /// Runs the step to its end with a 0 ms timer ticking; the ticks are the event loop's turns
    /// meanwhile. Returns -1 if it did not end within 5 s.
    int runTicking()
    {
        int ticks = 0;
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [&ticks] { ++ticks; });
        ticker.start(0);
        start();
        QElapsedTimer waited;
        waited.start();
        while (!done && waited.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return done ? ticks : -1;
    }

    std::size_t written = 0;
    std::atomic<std::size_t> writtenAside = 0;
    std::optional<sync::EntitySummary> done;

private:
    std::size_t m_rows;
    bool m_aside;
};

}  // namespace

class TestSyncEngine : public QObject {
    Q_OBJECT

private:
    struct Fixture {
        testing::TempHome home;
        ScriptedServer server;
        testing::FixedClock clock {kNow};
        QString dbPath;
        std::shared_ptr<secrets::SecretBytes> key
            = std::make_shared<secrets::SecretBytes>(secrets::SecretBytes::random(32));

        Fixture()
        {
            server.listen();
            dbPath = home.filePath(QStringLiteral("sync.db"));
            store::Database::Options options;
            options.mode = store::Database::Mode::Create;
            auto db = store::Database::open(dbPath, *key, options);
            if (!db)
                qFatal("cannot create the test database");
        }

        sync::SyncSetup setup()
        {
            sync::SyncSetup s;
            s.databasePath = dbPath;
            s.databaseKey = key;
            s.graph.graphRoot = QUrl(server.origin());
            s.graph.pacing = false;
            s.graph.retry.budget = 1;
            s.makeTokenSource = [] {
                return std::make_unique<testing::ListTokenSource>(QList<QByteArray> {QByteArrayLiteral("token-1")});
            };
            s.clock = &clock;
            return s;
        }

        sync::SyncReport run(const sync::SyncRequest &request, std::function<void(sync::SyncEngine &)> during = {})
        {
            sync::SyncEngine engine(setup());
            QSignalSpy done(&engine, &sync::SyncEngine::finished);
            engine.start(request);
            if (during)
                during(engine);
            if (done.isEmpty() && !done.wait(30000))
                qFatal("sync did not finish");
            return done.first().first().value<sync::SyncReport>();
        }

        bool exec(const QString &sql)
        {
            auto db = store::Database::open(dbPath, *key);
            return db && (*db)->exec(sql).ok();
        }

        QVariant scalar(const QString &sql)
        {
            auto db = store::Database::open(dbPath, *key);
            if (!db)
                return {};
            QSqlQuery q((*db)->sql());
            if (!q.exec(sql) || !q.next())
                return {};
            return q.value(0);
        }
    };

    /// A step's context on its own connection to the fixture's database, for a step run without
    /// the engine (no store waits, nothing aside unless the test sets them).
    struct StepRig {
        explicit StepRig(Fixture &f)
            : db(store::Database::open(f.dbPath, *f.key))
            , client(f.setup().graph, tokens)
        {
            if (!db)
                qFatal("cannot open the test database");
            writer.emplace(**db);
            context.client = &client;
            context.db = db->get();
            context.writer = &*writer;
            context.clock = &f.clock;
        }

        core::Result<std::unique_ptr<store::Database>> db;
        testing::ListTokenSource tokens {{QByteArrayLiteral("token-1")}};
        graph::GraphClient client;
        std::optional<sync::StoreWriter> writer;
        sync::StepContext context;
    };

    /// The entities in the order they were reported, comma-separated.
    static QString entityOrder(const sync::SyncReport &report)
    {
        QStringList order;
        for (const auto &e : report.entities)
            order.append(e.entity);
        return order.join(u',');
    }

    static const sync::EntitySummary *entity(const sync::SyncReport &report, const QString &name)
    {
        for (const auto &e : report.entities) {
            if (e.entity == name)
                return &e;
        }
        return nullptr;
    }

private Q_SLOTS:
    /// perf-anchors P3: the paced activity pass starts with the sync, not after the directory,
    /// and what it read before the users were stored is written once they are.
    void activityPassRunsBesideTheDirectory()
    {
        Fixture f;
        MiniGraph graph(f.server);
        graph.usersPage2DelayMs = 1500;
        const auto report
            = f.run({{QStringLiteral("organization"), QStringLiteral("licenses"), QStringLiteral("users")}});
        QVERIFY2(!report.firstError, qPrintable(report.firstError ? report.firstError->detail : QString()));
        // The activity answer came first, yet was held until the users were written.
        QCOMPARE(entityOrder(report), QStringLiteral("organization,licenses,users,activity"));
        // Each counts its own requests, though they shared the client at the same time.
        QCOMPARE(entity(report, QStringLiteral("activity"))->requests, 1);
        QCOMPARE(entity(report, QStringLiteral("users"))->requests, 3);  // delta latest, two pages
        const auto requests = f.server.requests();
        qsizetype firstActivity = -1;
        qsizetype firstOrganization = -1;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const QString query = QString::fromUtf8(requests.at(i).query);
            if (firstActivity < 0 && query.contains(QStringLiteral("signInActivity")))
                firstActivity = i;
            if (firstOrganization < 0 && requests.at(i).path == "/v1.0/organization")
                firstOrganization = i;
        }
        QVERIFY(firstActivity >= 0 && firstOrganization >= 0);
        QVERIFY2(firstActivity < firstOrganization + 2, "the activity pass waited for the directory");
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT count(*) FROM users WHERE sign_in_activity_available = 1")).toInt(), 5);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users WHERE last_sign_in IS NOT NULL")).toInt(), 4);
        // The pass drops the indexes on the times it writes and builds them again before it
        // commits; the others stay.
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE "
                                         "type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL ORDER BY name)"))
                     .toString(),
            QStringLiteral("users_activity,users_manager,users_sort_last_active_asc,users_sort_last_active_desc,"
                           "users_sort_licenses_asc,users_sort_licenses_desc,users_sort_name_asc,"
                           "users_sort_name_desc,users_upn"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users INDEXED BY users_sort_last_active_desc "
                                         "WHERE last_active IS NOT NULL"))
                     .toInt(),
            4);
        QCOMPARE(f.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    /// Apps and grants refer to nothing else in the store: they are fetched beside the directory
    /// and swapped in once the users are stored, each counting its own requests.
    void appsAndGrantsAreFetchedBesideTheDirectory()
    {
        Fixture f;
        MiniGraph graph(f.server);
        graph.usersPage2DelayMs = 1500;
        sync::SyncRequest request {{QStringLiteral("organization"), QStringLiteral("licenses"), QStringLiteral("users"),
            QStringLiteral("apps"), QStringLiteral("grants")}};
        request.activityPass = false;
        const auto report = f.run(request);
        QVERIFY2(!report.firstError, qPrintable(report.firstError ? report.firstError->detail : QString()));
        QCOMPARE(entityOrder(report), QStringLiteral("organization,licenses,users,apps,grants"));
        QCOMPARE(entity(report, QStringLiteral("users"))->requests, 3);  // delta latest, two pages
        QCOMPARE(entity(report, QStringLiteral("apps"))->requests, 1);
        QCOMPARE(entity(report, QStringLiteral("grants"))->requests, 2);
        QCOMPARE(graph.appRequests, 1);
        // Both were asked for before the users' second page: beside the users, not after them.
        const auto requests = f.server.requests();
        const auto firstTo = [&requests](const QByteArray &path, const QByteArray &query = {}) {
            for (qsizetype i = 0; i < requests.size(); ++i) {
                if (requests.at(i).path == path && requests.at(i).query.contains(query))
                    return i;
            }
            return qsizetype {-1};
        };
        const qsizetype usersPage2 = firstTo("/v1.0/users", "skiptoken");
        QVERIFY(usersPage2 >= 0);
        QVERIFY2(firstTo("/v1.0/servicePrincipals") >= 0 && firstTo("/v1.0/servicePrincipals") < usersPage2,
            "the apps waited for the users");
        QVERIFY2(firstTo("/v1.0/oauth2PermissionGrants") >= 0 && firstTo("/v1.0/oauth2PermissionGrants") < usersPage2,
            "the grants waited for the users");
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM service_principals")).toInt(), 2);
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(id) FROM (SELECT id FROM oauth2_grants ORDER BY id)"))
                     .toString(),
            QStringLiteral("grant-1,grant-2,grant-3"));
    }

    /// The usage report's download starts with the sync, beside the directory; it is written
    /// once the users are, so its people are joined to them.
    void usageReportIsFetchedBesideTheDirectory()
    {
        Fixture f;
        MiniGraph graph(f.server);
        graph.usersPage2DelayMs = 1500;
        sync::SyncRequest request {{QStringLiteral("organization"), QStringLiteral("users"), QStringLiteral("usage")}};
        request.activityPass = false;
        const auto report = f.run(request);
        QVERIFY2(!report.firstError, qPrintable(report.firstError ? report.firstError->detail : QString()));
        QCOMPARE(graph.usageRequests, 1);
        const auto requests = f.server.requests();
        qsizetype usage = -1;
        qsizetype usersPage2 = -1;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (requests.at(i).path.startsWith("/v1.0/reports/"))
                usage = i;
            if (requests.at(i).path == "/v1.0/users" && requests.at(i).query.contains("skiptoken"))
                usersPage2 = i;
        }
        QVERIFY(usage >= 0 && usersPage2 >= 0);
        QVERIFY2(usage < usersPage2, "the usage report waited for the users");
        const QStringList order = entityOrder(report).split(u',');
        QVERIFY2(order.indexOf(QStringLiteral("usage")) > order.indexOf(QStringLiteral("users")),
            qPrintable(order.join(u',')));
        QCOMPARE(entity(report, QStringLiteral("usage"))->outcome, sync::EntitySummary::Outcome::Ok);
        // Each counts its own requests, though they shared the client at the same time.
        QCOMPARE(entity(report, QStringLiteral("usage"))->requests, 2);  // the report and its download
        QCOMPARE(entity(report, QStringLiteral("users"))->requests, 3);  // delta latest, two pages
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM m365_usage")).toInt(), 2);
        QCOMPARE(f.scalar(QStringLiteral("SELECT user_id FROM m365_usage WHERE upn = 'P1@contoso.example'")).toString(),
            userId(1));
        QVERIFY(f.scalar(QStringLiteral("SELECT user_id FROM m365_usage WHERE upn = 'gone@contoso.example'")).isNull());
        // Every column of a row: one a person, each product a licence and a last activity.
        QCOMPARE(f.scalar(QStringLiteral("SELECT report || '|' || report_refresh_date || '|' || display_name || '|' || "
                                         "report_period || '|' || length(fetched_at) || '|' || exchange_license || "
                                         "exchange_last_activity || '|' || onedrive_license || "
                                         "coalesce(onedrive_last_activity, '-') || '|' || sharepoint_license || "
                                         "coalesce(sharepoint_last_activity, '-') || '|' || skype_license || "
                                         "coalesce(skype_last_activity, '-') || '|' || yammer_license || "
                                         "coalesce(yammer_last_activity, '-') || '|' || teams_license || "
                                         "teams_last_activity FROM m365_usage WHERE upn = 'gone@contoso.example'"))
                     .toString(),
            QStringLiteral("getOffice365ActiveUserDetail|2026-11-19|Gone|D30|20|02026-09-30|0-|0-|0-|0-|12026-10-01"));
    }

    /// A backfill of many days does not keep the activity pass waiting to its end: what the pass
    /// read is written between two days.
    void activityPassIsWrittenBetweenSignInDays()
    {
        Fixture f;
        MiniGraph graph(f.server);
        graph.activityDelayMs = 1200;
        graph.signInDelayMs = 300;
        sync::SyncRequest request {{QStringLiteral("users"), QStringLiteral("signins")}};
        request.signInDays = 10;
        const auto report = f.run(request);
        QVERIFY2(!report.firstError, qPrintable(report.firstError ? report.firstError->detail : QString()));
        QCOMPARE(entityOrder(report), QStringLiteral("users,activity,signins"));
        QCOMPARE(graph.signInRequests, 10);
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT count(*) FROM users WHERE sign_in_activity_available = 1")).toInt(), 5);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signin_days")).toInt(), 10);
    }

    void fullSyncStoresEveryEntity()
    {
        Fixture f;
        MiniGraph graph(f.server);
        const auto report
            = f.run({{QStringLiteral("organization"), QStringLiteral("licenses"), QStringLiteral("users")}});
        QVERIFY2(!report.firstError, qPrintable(report.firstError ? report.firstError->detail : QString()));
        QCOMPARE(report.entities.size(), 4);  // organization, licenses, users, activity
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 5);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM user_licenses WHERE sku_id = "
                                         "'05e9a617-0261-4cee-bb44-138d3ef5d965'"))
                     .toInt(),
            5);
        // The licence column, written with the listing while the triggers that keep it were
        // dropped (they are back): each SKU once, by part number or id, in byte order.
        QCOMPARE(f.scalar(QStringLiteral("SELECT licenses FROM users WHERE upn = 'p4@contoso.example'")).toString(),
            QStringLiteral("1a2b3c4d-0000-4000-8000-000000000001;SPE_E3;f30db892-07e9-47e9-837c-80727f46fd3d"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT licenses FROM users WHERE upn = 'p2@contoso.example'")).toString(),
            QStringLiteral("SPE_E3"));
        QCOMPARE(f.scalar(QLatin1StringView(kLicencesOffTheirTriggers)).toInt(), 0);
        QCOMPARE(
            f.scalar(QStringLiteral(
                         "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'user_licenses'"))
                .toInt(),
            3);
        QCOMPARE(f.scalar(QStringLiteral("SELECT prepaid_enabled FROM subscribed_skus")).toInt(), 10);
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT display_name FROM organization")).toString(), QStringLiteral("Contoso"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT display_name FROM users WHERE upn = 'p2@contoso.example'")).toString(),
            QStringLiteral("Person 2 Ærø"));
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT account_enabled FROM users WHERE upn = 'p5@contoso.example'")).toInt(), 0);
        // The activity pass: known for everyone, a date for four, none for the one who never signed in.
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT count(*) FROM users WHERE sign_in_activity_available = 1")).toInt(), 5);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users WHERE last_sign_in IS NOT NULL")).toInt(), 4);
        QCOMPARE(f.scalar(QStringLiteral("SELECT delta_link FROM sync_state WHERE entity = 'users'")).toString(),
            f.server.origin() + QStringLiteral("/v1.0/users/delta?$deltatoken=T1"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT outcome FROM sync_runs")).toString(), QStringLiteral("ok"));
        // Every first request asked only for the fields Stocktake keeps (F1); the links Graph
        // hands back carry the query inside their tokens.
        for (const auto &request : f.server.requests()) {
            if (request.path.startsWith("/v1.0/") && !request.query.contains("token="))
                QVERIFY2(request.query.contains("$select="), request.target.constData());
        }
    }

    void deltaRoundAppliesChangesAndRemovals()
    {
        Fixture f;
        MiniGraph graph(f.server);
        const sync::SyncRequest users {{QStringLiteral("users")}};
        QVERIFY(!f.run(users).firstError);
        QJsonObject renamed = user(2);
        renamed.insert(QStringLiteral("displayName"), QStringLiteral("Renamed Person"));
        graph.deltaChanges = QJsonArray {renamed,
            QJsonObject {{QStringLiteral("id"), userId(3)},
                {QStringLiteral("@removed"), QJsonObject {{QStringLiteral("reason"), QStringLiteral("deleted")}}}}};
        f.server.clearLog();
        const auto report = f.run(users);
        QVERIFY(!report.firstError);
        QVERIFY(entity(report, QStringLiteral("users"))->incremental);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 4);
        QCOMPARE(f.scalar(QStringLiteral("SELECT display_name FROM users WHERE upn = 'p2@contoso.example'")).toString(),
            QStringLiteral("Renamed Person"));
        QCOMPARE(f.scalar(QLatin1StringView(kLicencesOffTheirTriggers)).toInt(), 0);
        // The activity columns survive a delta upsert.
        QVERIFY(!f.scalar(QStringLiteral("SELECT last_sign_in FROM users WHERE upn = 'p2@contoso.example'")).isNull());
        QCOMPARE(f.server.requestsTo("/v1.0/users/delta").size(), 1);
        QCOMPARE(f.scalar(QStringLiteral("SELECT delta_link FROM sync_state WHERE entity = 'users'")).toString(),
            f.server.origin() + QStringLiteral("/v1.0/users/delta?$deltatoken=T2"));
    }

    void aFailedEntityKeepsTheLastGoodSnapshot()
    {
        Fixture f;
        MiniGraph graph(f.server);
        // A full listing drops the users' indexes and licence triggers and makes them again
        // before it commits.
        const QString indexes
            = QStringLiteral("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type IN "
                             "('index', 'trigger') AND tbl_name IN ('users', 'user_licenses') ORDER BY name)");
        const QString indexesBefore = f.scalar(indexes).toString();
        QVERIFY(indexesBefore.contains(QStringLiteral("users_sort_name_asc")));
        QVERIFY(indexesBefore.contains(QStringLiteral("user_licenses_summary_insert")));
        QVERIFY(!f.run({{QStringLiteral("users")}}).firstError);
        QCOMPARE(f.scalar(indexes).toString(), indexesBefore);
        QCOMPARE(f.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        const QString deltaBefore
            = f.scalar(QStringLiteral("SELECT delta_link FROM sync_state WHERE entity = 'users'")).toString();
        graph.failUsersPage2 = true;
        sync::SyncRequest full {{QStringLiteral("users")}};
        full.full = true;
        const auto report = f.run(full);
        QVERIFY(report.firstError);
        QCOMPARE(report.firstError->code, QStringLiteral("graph.malformed_json"));
        QCOMPARE(entity(report, QStringLiteral("users"))->outcome, sync::EntitySummary::Outcome::Failed);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 5);
        // ...and a listing that failed half-way leaves them as they were.
        QCOMPARE(f.scalar(indexes).toString(), indexesBefore);
        QCOMPARE(f.scalar(QStringLiteral("SELECT delta_link FROM sync_state WHERE entity = 'users'")).toString(),
            deltaBefore);
        QCOMPARE(f.scalar(QStringLiteral("SELECT last_error_code FROM sync_state WHERE entity = 'users'")).toString(),
            QStringLiteral("graph.malformed_json"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT outcome FROM sync_runs ORDER BY id DESC")).toString(),
            QStringLiteral("failed"));
    }

    void withoutEntraP1ActivityIsUnknownNotInactive()
    {
        Fixture f;
        MiniGraph graph(f.server);
        graph.noPremium = true;
        const auto report = f.run({{QStringLiteral("users")}});
        QVERIFY(!report.firstError);  // the rest syncs
        const auto *activity = entity(report, QStringLiteral("activity"));
        QVERIFY(activity);
        QCOMPARE(activity->outcome, sync::EntitySummary::Outcome::Unavailable);
        QVERIFY(!activity->message.isEmpty());
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 5);
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT count(*) FROM users WHERE sign_in_activity_available = 1")).toInt(), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT available FROM sync_state WHERE entity = 'activity'")).toInt(), 0);
    }

    /// A long write (the users' index builds, the activity pass's updates) runs in turns of
    /// about EntityStep::kTurnMs, and the event loop runs between two: answers are read and the
    /// next requests sent meanwhile. A cancel between two turns rolls the whole write back.
    void aLongWriteGivesTheEventLoopTurnsAndACancelRollsItBack()
    {
        Fixture f;
        StepRig rig(f);
        auto &db = rig.db;
        sync::StepContext &context = rig.context;
        const auto rowsWritten = [&db] {
            QSqlQuery q((*db)->sql());
            return q.exec(QStringLiteral("SELECT count(*) FROM sync_runs WHERE entities = 'turns'")) && q.next()
                ? q.value(0).toInt()
                : -1;
        };

        // 40 rows of 5 ms: about seven turns, and the timer's ticks between them.
        {
            TurnsStep step(context, 40);
            const int ticks = step.runTicking();
            QVERIFY2(ticks >= 4, qPrintable(QString::number(ticks)));
            QCOMPARE(step.done->outcome, sync::EntitySummary::Outcome::Ok);
            QCOMPARE(step.written, std::size_t(40));
            QCOMPARE(rowsWritten(), 40);
        }
        QVERIFY((*db)->exec(QStringLiteral("DELETE FROM sync_runs")));

        // Cancelled after its first turn: nothing of it stays, and the rest is not written.
        {
            TurnsStep step(context, 400);
            step.start();
            QVERIFY(!step.done);  // the first turn returned with rows still to write
            step.cancel();
            QTRY_VERIFY_WITH_TIMEOUT(step.done.has_value(), 1000);
            QCOMPARE(step.done->outcome, sync::EntitySummary::Outcome::Cancelled);
            QVERIFY2(step.written < 400, qPrintable(QString::number(step.written)));
            QVERIFY(!(*db)->inTransaction());
            QCOMPARE(rowsWritten(), 0);
        }

        // Aside (an index build): each write runs on another thread, the event loop meanwhile.
        QThread asideThread;
        QObject aside;
        aside.moveToThread(&asideThread);
        asideThread.start();
        context.runAside = [&aside](std::function<core::Status()> work, QObject *receiver,
                               std::function<void(const core::Status &)> then) {
            QMetaObject::invokeMethod(
                &aside, [work = std::move(work), receiver = QPointer<QObject>(receiver), then = std::move(then)] {
                    const core::Status outcome = work();
                    QMetaObject::invokeMethod(
                        receiver.data(), [then, outcome] { then(outcome); }, Qt::QueuedConnection);
                });
        };
        {
            TurnsStep step(context, 10, true);
            const int ticks = step.runTicking();
            QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));  // 50 ms of writes, none on this thread
            QCOMPARE(step.done->outcome, sync::EntitySummary::Outcome::Ok);
            QCOMPARE(step.writtenAside.load(), std::size_t(10));
            QCOMPARE(rowsWritten(), 10);
        }
        asideThread.quit();
        asideThread.wait();
    }

    /// While another step holds the store, the sign-ins keep the pages they read and wait: their
    /// writes are queued again when the store is theirs (holdStore's acquire), not asked for on
    /// every turn of the event loop. A first version did, and spent a core on it meanwhile.
    void signInsWaitingForTheStoreDoNotSpin()
    {
        Fixture f;
        MiniGraph graph(f.server);
        StepRig rig(f);
        sync::StepContext &context = rig.context;
        context.request = sync::SyncRequest {{QStringLiteral("signins")}};
        context.request.signInDays = 3;
        bool storeHeldElsewhere = true;
        std::vector<std::function<void()>> waiting;
        context.whenStoreFree = [&](std::function<void()> write) {
            if (storeHeldElsewhere)
                waiting.push_back(std::move(write));
            else
                QTimer::singleShot(0, std::move(write));
        };
        context.whenStoreFreeFirst = context.whenStoreFree;

        sync::SignInsStep step(context);
        std::optional<sync::EntitySummary> done;
        QObject::connect(
            &step, &sync::EntityStep::finished, &step, [&done](const sync::EntitySummary &s) { done = s; });
        MetaCallCounter turns;
        step.installEventFilter(&turns);
        step.start();
        QTRY_VERIFY_WITH_TIMEOUT(graph.signInRequests == 3 && !waiting.empty(), 5000);
        QTest::qWait(50);  // the last answer read
        turns.count = 0;
        QTest::qWait(300);
        QVERIFY2(turns.count < 10, qPrintable(QString::number(turns.count)));
        QVERIFY(!done);

        storeHeldElsewhere = false;
        for (auto &write : std::exchange(waiting, {}))
            write();
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 5000);
        QCOMPARE(done->outcome, sync::EntitySummary::Outcome::Ok);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signins_raw")).toInt(), 9);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signin_days")).toInt(), 3);
    }

    void cancelStopsWithinASecondAndKeepsTheData()
    {
        Fixture f;
        MiniGraph graph(f.server);
        QVERIFY(!f.run({{QStringLiteral("users")}}).firstError);
        graph.usersPage2DelayMs = 10000;
        sync::SyncRequest full {{QStringLiteral("users")}};
        full.full = true;
        QElapsedTimer timer;
        const auto report = f.run(full, [&timer](sync::SyncEngine &engine) {
            QTest::qWait(300);
            timer.start();
            engine.cancel();
        });
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(report.cancelled);
        QCOMPARE(entity(report, QStringLiteral("users"))->outcome, sync::EntitySummary::Outcome::Cancelled);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM users")).toInt(), 5);
    }

    void signInsAreFoldedPerDayAndResumeWithoutDuplicates()
    {
        Fixture f;
        MiniGraph graph(f.server);
        // A day past the 365 days kept: the first day's transaction purges it and the keys only
        // it held.
        QVERIFY(
            f.exec(testing::insertUsageAsText(QStringLiteral("('2025-01-01', 'old-person', 'old-app', 1, 0, NULL)"))));
        sync::SyncRequest request {{QStringLiteral("signins")}};
        request.signInDays = 3;  // 18, 19 and 20 November; the 20th up to 15:30
        auto report = f.run(request);
        QVERIFY(!report.firstError);
        // One request a day: a small day is not split into time windows.
        QCOMPARE(graph.signInRequests, 3);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signins_raw")).toInt(), 9);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signin_days")).toInt(), 3);
        // Per day: user 1 at 11:00 (success), user 2 at 10:00 (success) and 12:00 (failure).
        QCOMPARE(f.scalar(QStringLiteral("SELECT sum(sign_ins) FROM usage_daily")).toInt(), 6);
        QCOMPARE(f.scalar(QStringLiteral("SELECT sum(failures) FROM usage_daily")).toInt(), 3);
        // Every usage row keeps its keys: the purge ran before the first day's rows, written
        // between the next day's pages, were keyed, or it would have taken their new keys too.
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM usage_keys WHERE object_id IN ('old-person', "
                                         "'old-app')"))
                     .toInt(),
            0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM usage_daily WHERE person NOT IN (SELECT key FROM "
                                         "usage_keys) OR app NOT IN (SELECT key FROM usage_keys)"))
                     .toInt(),
            0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT app_id FROM ") + testing::usageAsText() + QStringLiteral(" LIMIT 1"))
                     .toString(),
            QStringLiteral("00000003-0000-0ff1-ce00-000000000000"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT high_water_mark FROM sync_state WHERE entity = 'signins'")).toString(),
            QStringLiteral("2026-11-20T15:30:00Z"));

        // An hour later: the whole past days are not fetched again; today resumes at 15:30.
        f.clock.advanceSeconds(3600);
        report = f.run(request);
        QVERIFY(!report.firstError);
        QCOMPARE(graph.signInRequests, 4);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signins_raw")).toInt(), 9);
        QCOMPARE(f.scalar(QStringLiteral("SELECT sum(sign_ins) FROM usage_daily")).toInt(), 6);
        QCOMPARE(f.scalar(QStringLiteral("SELECT complete_until FROM signin_days WHERE day = '2026-11-20'")).toString(),
            QStringLiteral("2026-11-20T16:30:00Z"));
    }

    /// A first sync knows no day's size: the first day is sized by the people stored (a guess of
    /// one sign-in a person a day), so a large tenant's first day is not one window of pages one
    /// after another.
    void aFirstSyncSizesItsFirstDayByThePeopleStored()
    {
        Fixture f;
        MiniGraph graph(f.server);
        {
            auto db = store::Database::open(f.dbPath, *f.key);
            QVERIFY(db);
            // 3,200 people: today up to 15:30 is 15.5/24 of a day, about 2,070 sign-ins, two windows.
            QVERIFY((*db)->exec(QStringLiteral(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3200) "
                "INSERT INTO users (id, upn, fetched_at) SELECT 'u' || i, 'u' || i || '@contoso.example', "
                "'2026-11-20T00:00:00Z' FROM n")));
        }
        sync::SyncRequest request {{QStringLiteral("signins")}};
        request.signInDays = 1;
        const auto report = f.run(request);
        QVERIFY2(!report.firstError, qPrintable(report.firstError ? report.firstError->detail : QString()));
        QCOMPARE(graph.signInRequests, 2);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signins_raw")).toInt(), 3);
    }

    /// A day's usage rows and checkpoint are written between the next day's pages, in the next
    /// day's transaction: when that day fails, the day before has its raw events but no
    /// checkpoint and no figures, and the next sync fetches and folds it again from its start.
    void aDayWaitingForTheNextDayIsFetchedAgainWhenThatDayFails()
    {
        Fixture f;
        MiniGraph graph(f.server);
        graph.failSignInsOf = QDate(2026, 11, 18);
        sync::SyncRequest request {{QStringLiteral("signins")}};
        request.signInDays = 3;  // 20 (today, up to 15:30), 19 and 18 November, newest first
        auto report = f.run(request);
        QVERIFY(report.firstError);
        QCOMPARE(report.firstError->code, QStringLiteral("graph.malformed_json"));
        // The 20th is whole: its rows and checkpoint went out between the 19th's pages and were
        // committed with them, and with the high-water mark.
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(day) FROM signin_days")).toString(),
            QStringLiteral("2026-11-20"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT sum(sign_ins) FROM ") + testing::usageAsText()
                      + QStringLiteral(" WHERE day = '2026-11-20'"))
                     .toInt(),
            2);
        QCOMPARE(f.scalar(QStringLiteral("SELECT high_water_mark FROM sync_state WHERE entity = 'signins'")).toString(),
            QStringLiteral("2026-11-20T15:30:00Z"));
        // The 19th waited for the 18th, which failed: its raw events are in, its figures are not.
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM ") + testing::signInsAsText()
                      + QStringLiteral(" WHERE created LIKE '2026-11-19%'"))
                     .toInt(),
            3);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM ") + testing::usageAsText()
                      + QStringLiteral(" WHERE day = '2026-11-19'"))
                     .toInt(),
            0);

        graph.failSignInsOf = QDate();
        const int requestsBefore = graph.signInRequests;
        report = f.run(request);
        QVERIFY(!report.firstError);
        // Today is not fetched again (nothing new); the 19th and the 18th are, each from its start.
        QCOMPARE(graph.signInRequests - requestsBefore, 2);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signins_raw")).toInt(), 9);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM signin_days")).toInt(), 3);
        QCOMPARE(f.scalar(QStringLiteral("SELECT sum(sign_ins) FROM usage_daily")).toInt(), 6);
        QCOMPARE(f.scalar(QStringLiteral("SELECT sum(failures) FROM usage_daily")).toInt(), 3);
        QCOMPARE(f.scalar(QStringLiteral("SELECT events FROM signin_days WHERE day = '2026-11-19'")).toInt(), 3);
    }

    void signInsKeepRawEventsForTheRetentionWindowOnly()
    {
        Fixture f;
        MiniGraph graph(f.server);
        // The clock reads 2026-11-20: raw events are kept from 2026-10-22 (30 days, today
        // included), the daily aggregates and day checkpoints from 2025-11-21 (365 days).
        QVERIFY(
            f.exec(testing::insertSignInsAsText(QStringLiteral(
                       "('old', '2026-10-21T23:59:59Z', 'u', 'a', 0), ('kept', '2026-10-22T00:00:00Z', 'u', 'a', 0), "
                       "('raw only', '2026-11-01T08:00:00Z', 'raw-person', NULL, 0), "
                       "('gone too', '2026-10-21T08:00:00Z', 'gone-raw', NULL, 0)"))
                + testing::insertUsageAsText(QStringLiteral(
                    "('2025-11-20', 'u', 'a', 1, 0, NULL), ('2025-11-21', 'u', 'a', 2, 0, NULL), "
                    "('2026-10-21', 'u', 'a', 4, 0, NULL), ('2025-11-20', 'gone', 'gone-app', 1, 0, NULL)"))
                + QStringLiteral(
                    "INSERT INTO signin_days (day, complete_until, events, fetched_at) VALUES "
                    "('2025-11-20', '2025-11-21T00:00:00Z', 1, 'f'), ('2025-11-21', '2025-11-22T00:00:00Z', 2, 'f')")));
        sync::SyncRequest request {{QStringLiteral("signins")}};
        request.signInDays = 1;
        QVERIFY(!f.run(request).firstError);
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(id) FROM (SELECT id FROM ") + testing::signInsAsText()
                      + QStringLiteral(" WHERE created < '2026-11-20' ORDER BY created)"))
                     .toString(),
            QStringLiteral("kept,raw only"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(sign_ins) FROM (SELECT sign_ins FROM ")
                      + testing::usageAsText() + QStringLiteral(" WHERE day < '2026-11-20' ORDER BY day)"))
                     .toString(),
            QStringLiteral("2,4"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT min(day) FROM signin_days")).toString(), QStringLiteral("2025-11-21"));
        // A person and an app with no usage and no raw sign-in left keep no key; those still used,
        // by either, keep theirs.
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(object_id) FROM (SELECT object_id FROM usage_keys "
                                         "WHERE object_id IN ('u', 'a', 'gone', 'gone-app', 'raw-person', "
                                         "'gone-raw') ORDER BY 1)"))
                     .toString(),
            QStringLiteral("a,raw-person,u"));
    }

    /// Each event id counts once in a day's fold, as the raw table keeps it once. Graph's ids (lower-case
    /// GUIDs) are kept as their 16 bytes and anything else as text; the table keys on the text, so an
    /// upper-case spelling is another event. People and apps keep their numbers from day to day.
    void dayFoldCountsEachEventIdOnce()
    {
        std::vector<std::string> ids;
        for (int i = 0; i < 3000; ++i)  // past the first table sizes, so it grows twice
            ids.push_back(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        const std::string upper = QString::fromStdString(ids.at(1)).toUpper().toStdString();
        const std::vector<std::string> more {ids.at(0), upper, "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000g",
            "00000000-0000-0000-0000-00000000000g", "e1", "e1", ids.at(2999)};
        ids.insert(ids.end(), more.begin(), more.end());
        const std::string created = "2026-11-19T09:00:00Z";
        const std::string person = "3f1d0c4e-0000-4000-8000-000000000001";
        const std::string app = "de8bc8b5-d9f9-48b1-a8ad-b748da725064";
        const auto add = [&](sync::DayUsageFold &fold, const std::string &id) {
            graph::SignInView s;
            s.id = id;
            s.created = created;
            s.userId = std::string_view(person);
            s.appId = std::string_view(app);
            fold.add(s);
        };
        sync::DayUsageFold fold;
        for (const std::string &id : ids)
            add(fold, id);
        // + the upper-case spelling, the zero GUID, the one with a "g" and "e1"
        QCOMPARE(fold.events(), 3000 + 4);
        const auto rows = fold.rows();
        QCOMPARE(rows.size(), std::size_t {1});
        QCOMPARE(rows.front()->signIns, 3004);
        QCOMPARE(fold.personId(*rows.front()), std::string_view(person));
        QCOMPARE(fold.appId(*rows.front()), std::string_view(app));
        // The next day: nothing counted yet, the same numbers for the same people and apps.
        sync::DayUsageFold next = fold.sharingIds();
        fold.clear();
        QCOMPARE(fold.events(), 0);
        add(fold, ids.at(0));
        add(next, ids.at(0));
        add(next, "00000000-0000-0000-0000-000000000000");
        QCOMPARE(fold.events(), 1);
        QCOMPARE(next.events(), 2);
        QCOMPARE(next.rows().front()->person, fold.rows().front()->person);
        QCOMPARE(next.rows().front()->app, fold.rows().front()->app);
    }

    /// A day fetched from its start is folded in memory as its pages come; that fold must give
    /// exactly the rows the table's fold (a day resumed part-way) gives.
    void dayFoldInMemoryEqualsTheFoldFromTheTable()
    {
        Fixture f;
        auto db = store::Database::open(f.dbPath, *f.key);
        QVERIFY(db);
        sync::StoreWriter writer(**db);
        const QDate day(2026, 11, 19);
        const auto at = [&day](int h, int m) {
            return QDateTime(day, QTime(h, m), QTimeZone::utc());
        };
        // Each event's texts, kept alive for the views the store and the fold take.
        struct Event {
            std::string id, created, user, app, name;
            qint64 ms = 0;
            bool hasUser = false, hasApp = false;
            qint64 error = 0;
            graph::SignInView view() const
            {
                graph::SignInView s;
                s.id = id;
                s.created = created;
                s.createdMs = ms;
                s.userId = hasUser ? std::optional<std::string_view>(user) : std::nullopt;
                s.appId = hasApp ? std::optional<std::string_view>(app) : std::nullopt;
                s.appDisplayName = name;  // each event names its app its own way
                s.errorCode = error;
                return s;
            }
        };
        const auto event = [](const QString &id, const QDateTime &when, const std::optional<QString> &user,
                               const std::optional<QString> &app, qint64 error) {
            // The page reader lower-cases app ids (SignInView::appId).
            return Event {id.toStdString(), sync::isoUtc(when).toStdString(), user.value_or(QString()).toStdString(),
                app.value_or(QString()).toLower().toStdString(), QString(QStringLiteral("App of ") + id).toStdString(),
                when.toMSecsSinceEpoch(), user.has_value(), app.has_value(), error};
        };
        const QString u1 = QStringLiteral("11111111-1111-1111-1111-111111111111");
        const QString u2 = QStringLiteral("22222222-2222-2222-2222-222222222222");
        const QString appUpper = QStringLiteral("00000003-0000-0FF1-CE00-000000000000");
        const QString appOther = QStringLiteral("de8bc8b5-d9f9-48b1-a8ad-b748da725064");
        const QList<Event> events {
            event(QStringLiteral("e1"), at(9, 0), u1, appUpper, 0),
            event(QStringLiteral("e2"), at(11, 30), u1, appUpper.toLower(), 0),  // the same app
            event(QStringLiteral("e3"), at(12, 0), u1, appUpper, 50126),         // a later failure
            event(QStringLiteral("e2"), at(11, 30), u1, appUpper, 0),            // a repeat of e2
            event(QStringLiteral("e4"), at(8, 0), u2, appOther, 50053),          // failures only
            event(QStringLiteral("e5"), at(8, 5), u2, appOther, 50053),
            event(QStringLiteral("e6"), at(10, 0), std::nullopt, appOther, 0),  // no person
            event(QStringLiteral("e7"), at(10, 0), u2, std::nullopt, 0),        // no app
            event(QStringLiteral("e8"), at(23, 59), u2, appUpper, 0),
        };
        sync::DayUsageFold fold;
        sync::StoreWriter::UsageKeys people;
        sync::StoreWriter::UsageKeys apps;
        QVERIFY((*db)->exec(QStringLiteral("BEGIN")));
        for (const Event &e : events) {
            const graph::SignInView v = e.view();
            const auto person = v.userId ? std::optional<qint64>(writer.usageKey(*v.userId).value()) : std::nullopt;
            const auto app = v.appId ? std::optional<qint64>(writer.usageKey(*v.appId).value()) : std::nullopt;
            QVERIFY(writer.writeSignIn(v, person, app));
            fold.add(v);
        }
        QCOMPARE(fold.events(), 8);
        const QString rows = QStringLiteral(
            "SELECT group_concat(r, ' | ') FROM (SELECT user_id || ',' || app_id || ',' || sign_ins || ',' || "
            "failures || ',' || coalesce(last_sign_in, '-') AS r FROM %1 WHERE day = '2026-11-19' "
            "ORDER BY user_id, app_id)")
                                 .arg(testing::usageAsText());
        QVERIFY(writer.foldDay(day));
        QVERIFY(writer.writeAppNames(fold));
        QSqlQuery q((*db)->sql());
        QVERIFY(q.exec(rows) && q.next());
        const QString fromTable = q.value(0).toString();
        QCOMPARE(fromTable,
            u1 + QStringLiteral(",") + appUpper.toLower() + QStringLiteral(",2,1,2026-11-19T11:30:00Z | ") + u2
                + QStringLiteral(",") + appUpper.toLower() + QStringLiteral(",1,0,2026-11-19T23:59:00Z | ") + u2
                + QStringLiteral(",") + appOther + QStringLiteral(",0,2,-"));
        // Each app's name from its newest event that named it, with or without a person.
        const QString names
            = QStringLiteral("SELECT group_concat(app_id || ',' || display_name || ',' || seen, ' | ') FROM "
                             "(SELECT * FROM signin_app_names ORDER BY app_id)");
        QVERIFY(q.exec(names) && q.next());
        const QString namesFromTable = q.value(0).toString();
        QCOMPARE(namesFromTable,
            appUpper.toLower() + QStringLiteral(",App of e8,2026-11-19T23:59:00Z | ") + appOther
                + QStringLiteral(",App of e6,2026-11-19T10:00:00Z"));
        QVERIFY((*db)->exec(QStringLiteral("DELETE FROM signin_app_names")));
        const auto replaceDayUsage = [&] {
            const auto all = writer.startDayUsage(day, fold, people, apps);
            return all && writer.writeDayUsage(day, *all, 0, all->size());
        };
        QVERIFY(replaceDayUsage());
        QVERIFY(q.exec(rows) && q.next());
        QCOMPARE(q.value(0).toString(), fromTable);
        QVERIFY(q.exec(names) && q.next());
        QCOMPARE(q.value(0).toString(), namesFromTable);
        // A name already taken from a newer sign-in (a later day) stays.
        QVERIFY((*db)->exec(QStringLiteral("UPDATE signin_app_names SET display_name = 'Newer', "
                                           "seen = '2026-11-20T08:00:00Z' WHERE app_id = '%1'")
                                .arg(appOther)));
        QVERIFY(replaceDayUsage());
        QVERIFY(writer.foldDay(day));
        QVERIFY(q.exec(QStringLiteral("SELECT display_name FROM signin_app_names WHERE app_id = '%1'").arg(appOther))
            && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Newer"));
        // In slices, as a day's rows go out between the next day's pages: the same rows.
        const auto slices = writer.startDayUsage(day, fold, people, apps);
        QVERIFY(slices);
        QCOMPARE(slices->size(), std::size_t {3});
        QVERIFY(writer.writeDayUsage(day, *slices, 0, 2));
        QVERIFY(writer.writeDayUsage(day, *slices, 2, 99));
        QVERIFY(q.exec(rows) && q.next());
        QCOMPARE(q.value(0).toString(), fromTable);
        QVERIFY((*db)->exec(QStringLiteral("COMMIT")));
        fold.clear();
        QCOMPARE(fold.rows().size(), std::size_t {0});
    }

    /// usage_keys through the writer's cache: a key taken back by a rollback is not handed out
    /// again for its id, and a key stored past the cache (a day folded from the table) is found.
    void usageKeysFollowRollbacksAndKeysStoredPastTheCache()
    {
        Fixture f;
        auto db = store::Database::open(f.dbPath, *f.key);
        QVERIFY(db);
        sync::StoreWriter writer(**db);
        const auto stored = [&db](qint64 key) {
            QSqlQuery q((*db)->sql());
            q.prepare(QStringLiteral("SELECT object_id FROM usage_keys WHERE key = ?"));
            q.addBindValue(key);
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        };
        QVERIFY((*db)->exec(QStringLiteral("BEGIN")));
        const auto lost = writer.usageKey("x");
        QVERIFY(lost);
        QCOMPARE(writer.usageKey("x").value(), *lost);  // cached
        (*db)->rollback();
        QVERIFY((*db)->exec(QStringLiteral("BEGIN")));
        const auto y = writer.usageKey("y");  // takes the rolled-back key's number again
        const auto x = writer.usageKey("x");
        QVERIFY(y && x);
        QCOMPARE(stored(*y), QStringLiteral("y"));
        QCOMPARE(stored(*x), QStringLiteral("x"));
        QVERIFY(*x != *y);
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO usage_keys (object_id) VALUES ('z')")));
        const auto z = writer.usageKey("z");
        QVERIFY(z);
        QCOMPARE(stored(*z), QStringLiteral("z"));
        QVERIFY((*db)->exec(QStringLiteral("COMMIT")));
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM usage_keys")).toInt(), 3);

        // Through a fold's numbers: each looked up once, and again after a rollback.
        sync::StoreWriter::UsageKeys byNumber;
        QVERIFY((*db)->exec(QStringLiteral("BEGIN")));
        const auto w = writer.usageKey(byNumber, 5, "w");
        QVERIFY(w);
        QCOMPARE(stored(*w), QStringLiteral("w"));
        QCOMPARE(writer.usageKey(byNumber, 5, "not looked up").value(), *w);  // by its number alone
        (*db)->rollback();
        QVERIFY((*db)->exec(QStringLiteral("BEGIN")));
        const auto v = writer.usageKey(byNumber, 0, "v");  // takes the rolled-back key's number again
        const auto w2 = writer.usageKey(byNumber, 5, "w");
        QVERIFY(v && w2);
        QCOMPARE(stored(*v), QStringLiteral("v"));
        QCOMPARE(stored(*w2), QStringLiteral("w"));
        QVERIFY(*v != *w2);
        QVERIFY((*db)->exec(QStringLiteral("COMMIT")));
    }

    /// Schema 13: a raw sign-in is its time in whole seconds, its id as 16 bytes when it is a GUID
    /// in Graph's form (text otherwise, so an upper-case spelling is another event), and its
    /// person and app by their usage_keys keys; a re-fetched event replaces itself.
    void rawSignInsAreKeyedInSecondsAndSixteenByteIds()
    {
        Fixture f;
        auto db = store::Database::open(f.dbPath, *f.key);
        QVERIFY(db);
        sync::StoreWriter writer(**db);
        const std::string guid = "3f1d0c4e-12ab-4cde-8f00-0123456789ab";
        const std::string upper = "3F1D0C4E-12AB-4CDE-8F00-0123456789AB";
        const std::string person = "11111111-1111-1111-1111-111111111111";
        const std::string app = "de8bc8b5-d9f9-48b1-a8ad-b748da725064";
        const std::string other = "e1";
        const auto view = [](const std::string &id, qint64 ms, qint64 error) {
            graph::SignInView s;
            s.id = id;
            s.createdMs = ms;
            s.errorCode = error;
            return s;
        };
        const qint64 ms = QDateTime(QDate(2026, 11, 19), QTime(9, 0, 0, 750), QTimeZone::utc()).toMSecsSinceEpoch();
        QVERIFY((*db)->exec(QStringLiteral("BEGIN")));
        const qint64 p = writer.usageKey(person).value();
        const qint64 a = writer.usageKey(app).value();
        QVERIFY(writer.writeSignIn(view(guid, ms, 0), p, a));
        QVERIFY(writer.writeSignIn(view(upper, ms, 0), p, std::nullopt));
        QVERIFY(writer.writeSignIn(view(other, -1500, 0), std::nullopt, std::nullopt));  // seconds round down
        QVERIFY(writer.writeSignIn(view(guid, ms + 200, 50126), p, a));                  // the same second again
        QVERIFY((*db)->exec(QStringLiteral("COMMIT")));
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(typeof(id) || ':' || length(id), ' ') FROM "
                                         "(SELECT id FROM signins_raw ORDER BY created DESC, id)"))
                     .toString(),
            QStringLiteral("text:36 blob:16 text:2"));
        QCOMPARE(f.scalar(QStringLiteral("SELECT group_concat(id || '|' || created || '|' || coalesce(user_id, '-') || "
                                         "'|' || coalesce(app_id, '-') || '|' || status_error_code, ';') FROM ")
                      + testing::signInsAsText())
                     .toString(),
            QString::fromStdString(upper + "|2026-11-19T09:00:00Z|" + person + "|-|0;" + guid + "|2026-11-19T09:00:00Z|"
                + person + "|" + app + "|50126;e1|1969-12-31T23:59:58Z|-|-|0"));
    }

    void isoUtcWritesSecondsWithAZ_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc())
                               << QStringLiteral("1970-01-01T00:00:00Z");
        QTest::newRow("before the epoch")
            << QDateTime::fromMSecsSinceEpoch(-1, QTimeZone::utc()) << QStringLiteral("1969-12-31T23:59:59Z");
        QTest::newRow("leap day, milliseconds dropped") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999),
            QTimeZone::utc()) << QStringLiteral("2024-02-29T23:59:59Z");
        QTest::newRow("an offset is turned into UTC") << QDateTime(QDate(2026, 11, 20), QTime(1, 30),
            QTimeZone(2 * 3600)) << QStringLiteral("2026-11-19T23:30:00Z");
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), QTimeZone::utc())
                                   << QStringLiteral("9999-12-31T23:59:59Z");
    }

    void isoUtcWritesSecondsWithAZ()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, text);
        QCOMPARE(sync::isoUtc(when), text);
        QCOMPARE(sync::isoUtc(when), when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"

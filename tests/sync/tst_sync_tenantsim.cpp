// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue 5's acceptance against tenant-sim over real loopback HTTP: `stocktake-cli sync` as a child
// process, as an admin runs it (profile add, login with the device code, sync), its store compared
// with the sim's truth. Full and incremental syncs under --graph-limits with zero violations,
// throttling and 503s, malformed and truncated pages, a SIGKILL in the middle of the sign-ins, a
// tenant without Entra ID P1; and SyncEngine::cancel() on a sync in flight.
#include "core/clock.h"
#include "graph/tokensource.h"
#include "secretservice.h"
#include "simtoken.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "temphome.h"
#include "tenantsim.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <csignal>

using namespace stocktake;

using testing::FixedTokenSource;

namespace {

constexpr int kSyncTimeoutMs = 400000;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/// What the sim's request log says about the Graph requests (not the identity ones).
struct LogFigures {
    int graphRequests = 0;
    int throttled = 0;  ///< 429s
    int violations = 0;
    int signInRequests = 0;
    int signIn429 = 0;
};

QString canonical(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        return QStringLiteral("null");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 2);
    return v.toVariant().toString();
}

/// One admin's machine: a home folder, a sim on one port (restartable with other switches), a
/// profile pointing at it and a signed-in session in the real Secret Service.
class Tenant {
public:
    explicit Tenant(QStringList simArguments)
        : m_arguments(std::move(simArguments))
    { }

    /// Starts the sim, adds the profile and signs in; an empty string when all went well.
    QString start()
    {
        m_sim = std::make_unique<testing::TenantSim>(m_arguments);
        if (!m_sim->isRunning())
            return m_sim->error();
        m_port = m_sim->port();
        const QString url = m_sim->baseUrl().toString();
        const Run added = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("sim"),
            QStringLiteral("--tenant"), testing::kSimTenant, QStringLiteral("--client-id"), testing::kSimClient,
            QStringLiteral("--authority"), url, QStringLiteral("--graph"), url});
        if (added.exitCode != 0)
            return QStringLiteral("profile add: ") + added.err;
        return login();
    }

    /// The same tenant (seed, size, present) served again on the same port with other switches;
    /// the new sim knows no earlier token, so the profile signs in again.
    QString restart(const QStringList &extra)
    {
        m_sim.reset();
        QStringList arguments = m_arguments + extra;
        arguments << QStringLiteral("--port") << QString::number(m_port);  // the last --port wins
        m_sim = std::make_unique<testing::TenantSim>(arguments);
        if (!m_sim->isRunning())
            return m_sim->error();
        return login();
    }

    QString login()
    {
        const Run login = cli({QStringLiteral("login"), QStringLiteral("--device-code")});
        return login.exitCode == 0 ? QString() : QStringLiteral("login: ") + login.err;
    }

    Run cli(const QStringList &arguments, int timeoutMs = 120000) const
    {
        QProcess process;
        prepare(process);
        process.start(QStringLiteral(STOCKTAKE_CLI_PATH), arguments);
        Run run;
        if (!process.waitForStarted(10000))
            return run;
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("timed out");
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    Run sync(const QStringList &extra = {}) const
    {
        // The sims here keep at most 6 days of sign-ins: backfill 7 UTC days, not Entra's 30,
        // so the paced sign-in pass (5 requests per 10 s) does not dominate the suite.
        return cli(QStringList {QStringLiteral("sync"), QStringLiteral("--signin-days"), QStringLiteral("7")} + extra,
            kSyncTimeoutMs);
    }

    void prepare(QProcess &process) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STOCKTAKE_HOME"), m_home.path());
        process.setProcessEnvironment(env);
    }

    QJsonObject truth() const { return QJsonDocument::fromJson(simRequest("/_sim/truth", "GET")).object(); }
    QJsonObject counts() const { return truth().value(QStringLiteral("counts")).toObject(); }

    QJsonArray violations() const
    {
        return QJsonDocument::fromJson(simRequest("/_sim/violations", "GET"))
            .object()
            .value(QStringLiteral("violations"))
            .toArray();
    }

    QJsonObject mutate(const QJsonObject &what) const
    {
        return QJsonDocument::fromJson(
            simRequest("/_sim/mutate", "POST", QJsonDocument(what).toJson(), "application/json"))
            .object();
    }

    /// Row counts per table, from `status --format json`.
    QJsonObject tables() const
    {
        const Run status = cli({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")});
        return QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("tables")).toObject();
    }

    /// What a person reads: the users and apps reports as CSV, hashed, with the row counts of the
    /// directory tables. Equal fingerprints mean the data did not change.
    QByteArray fingerprint(const QString &asOf) const
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString &report : {QStringLiteral("users"), QStringLiteral("apps"), QStringLiteral("licenses")}) {
            const Run r = cli({QStringLiteral("report"), report, QStringLiteral("--format"), QStringLiteral("csv"),
                QStringLiteral("--as-of"), asOf});
            hash.addData(r.out.toUtf8());
            hash.addData(QByteArray::number(r.exitCode));
        }
        const QJsonObject t = tables();
        for (const QString &table : {QStringLiteral("users"), QStringLiteral("user_licenses"), QStringLiteral("groups"),
                 QStringLiteral("group_members"), QStringLiteral("service_principals"), QStringLiteral("oauth2_grants"),
                 QStringLiteral("signins_raw"), QStringLiteral("usage_daily"), QStringLiteral("m365_usage")})
            hash.addData(QByteArray(table.toUtf8() + '=' + QByteArray::number(t.value(table).toInteger()) + ';'));
        return hash.result().toHex();
    }

    LogFigures logFigures() const
    {
        LogFigures f;
        QFile log(m_sim->requestLogPath());
        if (!log.open(QIODevice::ReadOnly))
            return f;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            const QString path = r.value(QStringLiteral("path")).toString();
            if (!path.startsWith(QStringLiteral("/v1.0/")))
                continue;
            ++f.graphRequests;
            const bool throttled = r.value(QStringLiteral("status")).toInt() == 429;
            f.throttled += throttled ? 1 : 0;
            f.violations += r.value(QStringLiteral("violation")).toString().isEmpty() ? 0 : 1;
            if (path.contains(QStringLiteral("auditLogs/signIns"))) {
                ++f.signInRequests;
                f.signIn429 += throttled ? 1 : 0;
            }
        }
        return f;
    }

    /// Graph requests in the log so far (to tell one sync's requests from the next).
    int graphRequests() const { return logFigures().graphRequests; }

    [[nodiscard]] const testing::TenantSim &sim() const { return *m_sim; }
    [[nodiscard]] QString homePath() const { return m_home.path(); }

private:
    QByteArray simRequest(const char *path, const QByteArray &method, const QByteArray &body = {},
        const QByteArray &type = "application/x-www-form-urlencoded") const
    {
        return testing::simRequest(m_sim->baseUrl().resolved(QUrl(QLatin1StringView(path))), method, body, type);
    }

    testing::TempHome m_home;
    QStringList m_arguments;
    std::unique_ptr<testing::TenantSim> m_sim;
    quint16 m_port = 0;
};

/// The sim's present, to the second, shared by every sim of a test so restarts serve one tenant.
QString simNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QStringList simArguments(int users, int days, const QStringList &extra = {})
{
    return QStringList {QStringLiteral("--users"), QString::number(users), QStringLiteral("--seed"),
               QStringLiteral("5"), QStringLiteral("--days"), QString::number(days), QStringLiteral("--now"), simNow(),
               QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1")}
    + extra;
}

/// The items column of one entity in the summary `sync` prints on stdout (-1 when absent).
qint64 summaryItems(const QString &out, const QString &entity)
{
    for (const QString &line : out.split(u'\n')) {
        const QStringList cells = line.split(u' ', Qt::SkipEmptyParts);
        if (cells.size() >= 3 && cells.at(0) == entity)
            return cells.at(2).toLongLong();
    }
    return -1;
}

/// Each entity's rows against the truth; `sign-ins` too when the tenant has them.
void compareWithTruth(const Tenant &tenant, bool withSignIns)
{
    const QJsonObject counts = tenant.counts();
    const QJsonObject rows = tenant.tables();
    const QList<QPair<QString, QString>> pairs {{QStringLiteral("users"), QStringLiteral("users")},
        {QStringLiteral("groups"), QStringLiteral("groups")},
        {QStringLiteral("group_members"), QStringLiteral("group_members")},
        {QStringLiteral("subscribed_skus"), QStringLiteral("subscribed_skus")},
        {QStringLiteral("service_principals"), QStringLiteral("service_principals")},
        {QStringLiteral("oauth2_grants"), QStringLiteral("oauth2_permission_grants")}};
    for (const auto &[table, figure] : pairs) {
        qInfo().noquote() << table << rows.value(table).toInteger() << "truth" << counts.value(figure).toInteger();
        QVERIFY2(rows.value(table).toInteger() == counts.value(figure).toInteger(),
            qPrintable(QStringLiteral("%1: %2 rows, truth %3")
                           .arg(table)
                           .arg(rows.value(table).toInteger())
                           .arg(counts.value(figure).toInteger())));
    }
    QCOMPARE(rows.value(QStringLiteral("organization")).toInteger(), 1);
    if (withSignIns) {
        qInfo().noquote() << "signins_raw" << rows.value(QStringLiteral("signins_raw")).toInteger() << "truth"
                          << counts.value(QStringLiteral("sign_ins")).toInteger();
        QVERIFY(counts.value(QStringLiteral("sign_ins")).toInteger() > 0);
        QCOMPARE(rows.value(QStringLiteral("signins_raw")).toInteger(),
            counts.value(QStringLiteral("sign_ins")).toInteger());
    }
}

/// The apps report's per-app sign-in figures equal the truth's: the daily fold counted each
/// event once.
void compareAppSignIns(const Tenant &tenant)
{
    const QJsonObject truth = tenant.truth();
    const Run report = tenant.cli({QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--format"),
        QStringLiteral("json"), QStringLiteral("--as-of"), truth.value(QStringLiteral("as_of")).toString()});
    QCOMPARE(report.exitCode, 0);
    QJsonDocument doc = QJsonDocument::fromJson(report.out.toUtf8());
    const QJsonArray ours = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("rows")).toArray();
    QHash<QString, QString> mine;
    for (const QJsonValue &row : ours)
        mine.insert(row.toObject().value(QStringLiteral("app_key")).toString(),
            canonical(row.toObject().value(QStringLiteral("sign_ins_30d"))));
    int compared = 0;
    for (const QJsonValue &row : truth.value(QStringLiteral("apps")).toArray()) {
        const QString key = row.toObject().value(QStringLiteral("app_key")).toString();
        const QString expected = canonical(row.toObject().value(QStringLiteral("sign_ins_30d")));
        QVERIFY2(mine.value(key) == expected,
            qPrintable(QStringLiteral("%1 sign_ins_30d: %2, truth %3").arg(key, mine.value(key), expected)));
        ++compared;
    }
    QVERIFY(compared > 0);
}

const QStringList kDirectory {
    QStringLiteral("--only"), QStringLiteral("organization,licenses,users,groups,apps,grants,usage")};

}  // namespace

class TestSyncTenantSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }

    // (a) + (c): a full sync under Graph's published limits lands every entity exactly, with no
    // violation and almost no 429; (b) a mutation then arrives by delta; (e) malformed and
    // truncated pages fail their entity and leave its data as it was.
    void fullIncrementalAndBrokenPagesUnderGraphLimits()
    {
        Tenant tenant(simArguments(2000, 3, {QStringLiteral("--graph-limits")}));
        const QString started = tenant.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));

        QElapsedTimer timer;
        timer.start();
        const Run first = tenant.sync();
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        const double firstSeconds = double(timer.elapsed()) / 1000.0;
        qInfo().noquote() << "first sync" << firstSeconds << "s\n" << first.out;
        compareWithTruth(tenant, true);
        compareAppSignIns(tenant);
        {
            // The users and groups were written with their indexes dropped and built again.
            const Run check = tenant.cli({QStringLiteral("db"), QStringLiteral("check")});
            QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        }
        // The usage report lands one row per person; its records are the report's rows.
        QCOMPARE(summaryItems(first.out, QStringLiteral("usage")),
            tenant.counts().value(QStringLiteral("usage_report_rows")).toInteger());
        const LogFigures firstLog = tenant.logFigures();
        qInfo("first sync: %d Graph requests, %d answered 429 (%d of %d sign-in requests)", firstLog.graphRequests,
            firstLog.throttled, firstLog.signIn429, firstLog.signInRequests);
        QCOMPARE(tenant.violations().size(), 0);
        QCOMPARE(firstLog.violations, 0);
        {
            // The groups were fetched beside the users (nothing refers to them), not after them.
            // What runs beside the directory, and the sign-in backfill, goes as
            // x-ms-throttle-priority: Low; the directory the admin waits for does not (P4).
            QFile log(tenant.sim().requestLogPath());
            QVERIFY(log.open(QIODevice::ReadOnly));
            qsizetype firstGroups = -1;
            qsizetype lastUsersPage = -1;
            qsizetype index = 0;
            QMap<QString, QPair<int, int>> lowOfAll;  // by kind of request: (Low, all)
            for (const QByteArray &line : log.readAll().split('\n')) {
                const QJsonObject r = QJsonDocument::fromJson(line).object();
                const QString path = r.value(QStringLiteral("path")).toString();
                const QString query = r.value(QStringLiteral("query")).toString();
                if (path.startsWith(QStringLiteral("/v1.0/"))) {
                    QString kind = path.section(u'/', 2, 2);
                    if (kind == QStringLiteral("users") && query.contains(QStringLiteral("signInActivity")))
                        kind = QStringLiteral("activity");
                    QPair<int, int> &counts = lowOfAll[kind];
                    counts.first += r.value(QStringLiteral("priority")).toString() == QStringLiteral("Low") ? 1 : 0;
                    ++counts.second;
                }
                if (path == QStringLiteral("/v1.0/groups") && firstGroups < 0)
                    firstGroups = index;
                // The users' listing, not the activity pass (users?$select=id,signInActivity).
                if (path == QStringLiteral("/v1.0/users")
                    && r.value(QStringLiteral("query")).toString().contains(QStringLiteral("$expand=manager")))
                    lastUsersPage = index;
                ++index;
            }
            QVERIFY(firstGroups >= 0 && lastUsersPage >= 0);
            QVERIFY2(firstGroups < lastUsersPage, "the groups waited for the users");
            QStringList kinds;
            for (auto it = lowOfAll.cbegin(); it != lowOfAll.cend(); ++it)
                kinds.append(QStringLiteral("%1 %2/%3").arg(it.key()).arg(it->first).arg(it->second));
            const auto low = [&lowOfAll](const char *kind) {
                const QPair<int, int> counts = lowOfAll.value(QLatin1StringView(kind));
                return counts.second > 0 && counts.first == counts.second;
            };
            const auto normal = [&lowOfAll](const char *kind) {
                const QPair<int, int> counts = lowOfAll.value(QLatin1StringView(kind));
                return counts.second > 0 && counts.first == 0;
            };
            QVERIFY2(low("auditLogs") && low("activity") && low("groups") && low("$batch") && low("servicePrincipals")
                    && low("oauth2PermissionGrants") && low("reports"),
                qPrintable(kinds.join(QStringLiteral(", "))));
            QVERIFY2(normal("users") && normal("organization") && normal("subscribedSkus"),
                qPrintable(kinds.join(QStringLiteral(", "))));
        }
        // Paced, not bounced: at most 1 % of the requests see a 429 (perf-anchors P4).
        QVERIFY2(firstLog.throttled * 100 <= firstLog.graphRequests,
            qPrintable(
                QStringLiteral("%1 of %2 requests answered 429").arg(firstLog.throttled).arg(firstLog.graphRequests)));

        // (b) Changes in the tenant, then an incremental sync.
        const QJsonObject changed
            = tenant.mutate(QJsonObject {{QStringLiteral("add"), 5}, {QStringLiteral("update"), 7},
                {QStringLiteral("disable"), 3}, {QStringLiteral("remove"), 4}, {QStringLiteral("softDelete"), 2}});
        QCOMPARE(changed.value(QStringLiteral("removed")).toArray().size(), 4);
        const int before = tenant.graphRequests();
        const Run second = tenant.sync();
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        qInfo().noquote() << "incremental sync\n" << second.out;
        compareWithTruth(tenant, true);
        const LogFigures afterSecond = tenant.logFigures();
        const int secondRequests = afterSecond.graphRequests - before;
        qInfo("incremental sync: %d Graph requests (first: %d)", secondRequests, firstLog.graphRequests);
        // The snapshot entities (organization, SKUs, groups, apps, grants, usage, the activity pass)
        // are listed again by design; the incremental ones are users (delta, checked below) and
        // sign-ins (from the high-water mark: today's window, not the whole backfill).
        const int secondSignInRequests = afterSecond.signInRequests - firstLog.signInRequests;
        qInfo("sign-in requests: first sync %d, incremental sync %d", firstLog.signInRequests, secondSignInRequests);
        QVERIFY2(secondSignInRequests * 2 < firstLog.signInRequests, "the second sync fetched sign-ins again");
        QCOMPARE(tenant.violations().size(), 0);
        {
            // The delta link was followed (not a new full listing), and the removed people are gone.
            QFile log(tenant.sim().requestLogPath());
            QVERIFY(log.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = log.readAll().split('\n');
            int deltaRounds = 0, listings = 0;
            int index = 0;
            for (const QByteArray &line : lines) {
                const QJsonObject r = QJsonDocument::fromJson(line).object();
                const QString path = r.value(QStringLiteral("path")).toString();
                if (!path.startsWith(QStringLiteral("/v1.0/")))
                    continue;
                if (index++ < before)
                    continue;
                const QString query = r.value(QStringLiteral("query")).toString();
                if (path == QStringLiteral("/v1.0/users/delta") && query.contains(QStringLiteral("deltatoken"))
                    && !query.contains(QStringLiteral("latest")))
                    ++deltaRounds;
                if (path == QStringLiteral("/v1.0/users") && !query.contains(QStringLiteral("signInActivity")))
                    ++listings;
            }
            QVERIFY(deltaRounds >= 1);
            QCOMPARE(listings, 0);
        }
        const QString asOf = tenant.truth().value(QStringLiteral("as_of")).toString();
        const Run users = tenant.cli({QStringLiteral("report"), QStringLiteral("users"), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("--as-of"), asOf});
        QCOMPARE(users.exitCode, 0);
        for (const QJsonValue &id : changed.value(QStringLiteral("removed")).toArray())
            QVERIFY2(!users.out.contains(id.toString()), qPrintable(id.toString()));
        for (const QJsonValue &id : changed.value(QStringLiteral("added")).toArray())
            QVERIFY2(users.out.contains(id.toString()), qPrintable(id.toString()));

        // (e) Broken pages on the next sync: the entities fail with exit 4, their data stays.
        const QByteArray kept = tenant.fingerprint(asOf);
        // A malformed body is the server's word and is not retried: the entity fails. (A body cut
        // short by a closed connection is a network failure and is retried: below.)
        {
            // Every answer malformed, so no entity of this sync can succeed (the restarted sim
            // serves the tenant before the mutation: a success would show in the fingerprint).
            const QString restarted = tenant.restart({QStringLiteral("--malformed-every"), QStringLiteral("1")});
            QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
            // (Only users: with every answer garbled, the batch retries of groups take minutes.)
            const Run broken
                = tenant.sync({QStringLiteral("--full"), QStringLiteral("--only"), QStringLiteral("users")});
            qInfo().noquote() << "--malformed-every 1\n" << broken.out << broken.err;
            QCOMPARE(broken.exitCode, 4);
            for (const QString &entity : {QStringLiteral("users"), QStringLiteral("activity")})
                QVERIFY(broken.out.contains(QRegularExpression(entity + QStringLiteral("\\s+failed"))));
            QCOMPARE(tenant.fingerprint(asOf), kept);
            const Run check = tenant.cli({QStringLiteral("db"), QStringLiteral("check")});
            QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        }
        // Every other answer cut short: each cut page is fetched again and the sync completes.
        const QString restarted = tenant.restart({QStringLiteral("--truncate-every"), QStringLiteral("2")});
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        const Run retried = tenant.sync({QStringLiteral("--full"), QStringLiteral("--only"),
            QStringLiteral("organization,licenses,users,groups,apps,grants")});
        QVERIFY2(retried.exitCode == 0, qPrintable(retried.out + retried.err));
        compareWithTruth(tenant, false);
    }

    // (d) Every 7th Graph request throttled and every 11th a 503: the sync completes with the
    // same data, and nothing is retried before its Retry-After.
    void throttledAndFailingRequestsAreRetriedPolitely()
    {
        Tenant tenant(simArguments(1500, 2,
            {QStringLiteral("--throttle-every"), QStringLiteral("7"), QStringLiteral("--fail-every"),
                QStringLiteral("11")}));
        const QString started = tenant.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const Run sync = tenant.sync();
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.out + sync.err));
        qInfo().noquote() << sync.out;
        compareWithTruth(tenant, true);
        const LogFigures log = tenant.logFigures();
        qInfo("%d Graph requests, %d answered 429", log.graphRequests, log.throttled);
        QVERIFY(log.throttled > 0);
        QCOMPARE(tenant.violations().size(), 0);
    }

    // (f) SIGKILL of `stocktake-cli sync` in the middle of the sign-ins: the store checks out,
    // the directory is whole, and the next sync resumes with nothing lost or counted twice.
    void killedDuringSignInsResumesWithoutGapsOrDuplicates()
    {
        Tenant tenant(simArguments(400, 6, {QStringLiteral("--latency"), QStringLiteral("1500")}));
        const QString started = tenant.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const Run directory = tenant.sync(kDirectory);
        QVERIFY2(directory.exitCode == 0, qPrintable(directory.out + directory.err));
        const QJsonObject directoryRows = tenant.tables();

        QProcess sync;
        tenant.prepare(sync);
        sync.start(QStringLiteral(STOCKTAKE_CLI_PATH),
            {QStringLiteral("sync"), QStringLiteral("--only"), QStringLiteral("signins"),
                QStringLiteral("--signin-days"), QStringLiteral("7")});
        QVERIFY(sync.waitForStarted());
        // Wait until the first sign-in page arrived (one a day here, newest day first, each day
        // committed on its own), then kill the process while the next day is on its way (1.5 s).
        const QRegularExpression pagesLine(QStringLiteral("signins[^:]*: \\d+ items, (\\d+) pages"));
        QString err;
        QElapsedTimer timer;
        timer.start();
        int pages = 0;
        while (pages < 1 && timer.elapsed() < 120000 && sync.state() == QProcess::Running) {
            sync.waitForReadyRead(200);
            err += QString::fromUtf8(sync.readAllStandardError());
            for (auto it = pagesLine.globalMatch(err); it.hasNext();)
                pages = std::max(pages, it.next().captured(1).toInt());
        }
        QVERIFY2(pages >= 1, qPrintable(err));
        QTest::qWait(500);
        QCOMPARE(sync.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(sync.processId()), SIGKILL);
        QVERIFY(sync.waitForFinished(10000));
        QCOMPARE(sync.exitStatus(), QProcess::CrashExit);

        const Run check = tenant.cli({QStringLiteral("db"), QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        const qint64 partial = tenant.tables().value(QStringLiteral("signins_raw")).toInteger();
        const qint64 total = tenant.counts().value(QStringLiteral("sign_ins")).toInteger();
        qInfo("killed after %lld of %lld sign-ins", partial, total);
        QVERIFY(partial > 0);
        QVERIFY(partial < total);

        const Run resumed = tenant.sync({QStringLiteral("--only"), QStringLiteral("signins")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        compareWithTruth(tenant, true);
        compareAppSignIns(tenant);
        // The directory was not touched by any of it.
        const QJsonObject rows = tenant.tables();
        for (const QString &table : {QStringLiteral("users"), QStringLiteral("user_licenses"), QStringLiteral("groups"),
                 QStringLiteral("group_members"), QStringLiteral("service_principals"), QStringLiteral("oauth2_grants"),
                 QStringLiteral("m365_usage")})
            QCOMPARE(rows.value(table).toInteger(), directoryRows.value(table).toInteger());
        QCOMPARE(tenant.violations().size(), 0);
    }

    // (h) No Entra ID P1: activity and sign-ins are unavailable with a plain line saying why;
    // everything else syncs, and the sync is not a failure (CLI.md exit 0).
    void withoutPremiumTheRestSyncs()
    {
        Tenant tenant(simArguments(800, 2, {QStringLiteral("--no-premium")}));
        const QString started = tenant.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const Run sync = tenant.sync();
        qInfo().noquote() << sync.out << sync.err;
        QCOMPARE(sync.exitCode, 0);
        compareWithTruth(tenant, false);
        QCOMPARE(tenant.tables().value(QStringLiteral("signins_raw")).toInteger(), 0);
        for (const QString &entity : {QStringLiteral("activity"), QStringLiteral("signins")}) {
            const QStringList lines = sync.err.split(u'\n');
            const auto line = std::find_if(lines.cbegin(), lines.cend(),
                [&](const QString &l) { return l.startsWith(entity + QStringLiteral(": ")); });
            QVERIFY2(line != lines.cend(), qPrintable(entity + QStringLiteral(" has no line: ") + sync.err));
            QVERIFY2(line->contains(QStringLiteral("P1")), qPrintable(*line));
            QVERIFY(sync.out.contains(QRegularExpression(entity + QStringLiteral("\\s+unavailable"))));
        }
    }

    // (g) SyncEngine::cancel() on a sync waiting on a slow Graph: finished() within a second, and
    // the store keeps nothing half-written.
    void cancelFinishesWithinASecond()
    {
        testing::TenantSim sim(simArguments(3000, 1, {QStringLiteral("--latency"), QStringLiteral("400")}));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const QByteArray token = testing::simAccessToken(sim.baseUrl());
        QVERIFY(!token.isEmpty());
        testing::TempHome home;
        const QString dbPath = home.filePath(QStringLiteral("sync.db"));
        auto key = std::make_shared<secrets::SecretBytes>(secrets::SecretBytes::random(32));
        {
            store::Database::Options options;
            options.mode = store::Database::Mode::Create;
            QVERIFY(store::Database::open(dbPath, *key, options).ok());
        }
        core::SystemClock clock;
        sync::SyncSetup setup;
        setup.databasePath = dbPath;
        setup.databaseKey = key;
        setup.graph.graphRoot = sim.baseUrl();
        setup.makeTokenSource = [token] {
            return std::make_unique<FixedTokenSource>(token);
        };
        setup.clock = &clock;
        sync::SyncEngine engine(setup);
        QSignalSpy progress(&engine, &sync::SyncEngine::progress);
        QSignalSpy done(&engine, &sync::SyncEngine::finished);
        engine.start(sync::SyncRequest {{QStringLiteral("users"), QStringLiteral("groups")}, false, 30});
        // Inside the users listing, with a page in flight (the activity pass beside it reports
        // its own progress in between).
        const auto usersProgressed = [&progress] {
            return std::any_of(progress.cbegin(), progress.cend(), [](const QList<QVariant> &signal) {
                return signal.first().value<sync::SyncProgress>().entity == QStringLiteral("users");
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(usersProgressed(), 60000);
        QTest::qWait(100);
        QElapsedTimer timer;
        timer.start();
        engine.cancel();
        QVERIFY(done.wait(5000));
        const qint64 ms = timer.elapsed();
        qInfo("finished %lld ms after cancel()", ms);
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        const auto report = done.first().first().value<sync::SyncReport>();
        QVERIFY(report.cancelled);
        auto db = store::Database::open(dbPath, *key);
        QVERIFY(db.ok());
        QSqlQuery q((*db)->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM users")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_MAIN(TestSyncTenantSim)
#include "tst_sync_tenantsim.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sync against tenant-sim on loopback, with its floors: prints figures, asserts nothing.
//
//   stocktake-bench-sync [--users 10000,100000] [--days 1] [--skip-limits] [--latency MS]
//                        [--rounds N] [--sync-only]
//
// --rounds N: N rounds of the client and the full sync in turn, each round's ratio and their
// median. --sync-only: only the full sync, N times (no curl loop, no client, no limits), for
// comparing two builds; --entities E,E: only those entities (sync::allEntities() names them). Each Stocktake line gives
// the child's own CPU time and the sim's CPU time while it ran; the client's and the curl loop's lines give the sim's.
// --latency MS starts the sims with `--latency MS`: each Graph answer leaves MS after it is ready
// (perf-anchors P5 asks for 200 ms per page), which a client hides only by keeping several
// requests in flight.
// For each tenant size, unthrottled (perf-anchors P5), three columns, first over the same users
// pages (graph::Endpoint::users(): its $select, $expand=manager and $top 999), then over the pages
// of a full sync: every collection the sync pages with GET, each from its first page (the
// organisation, SKUs, users, the signInActivity pass, groups, service principals, grants, and the
// sign-ins one UTC day at a time, newest first, as the sync plans them). Left out of the floors:
// the group members, which the sync fetches with JSON $batch POSTs, and the usage report's CSV;
// at 100,000 people they are about 140 of the sync's 2,300 requests.
//   1. the floor: `curl` in a shell loop following @odata.nextLink;
//   2. Microsoft's JavaScript Graph client (@microsoft/microsoft-graph-client, PageIterator;
//      tests/peers/graph-js-pages.mjs under Node): fetch and JSON parse only, nothing stored. The
//      client takes only https:// links, so it pages a second sim of the same seed and size
//      started with `--link-scheme https` (links say https, the sim serves http) and maps each
//      request back to http in its own final middleware; skipped, with the reason, when node or
//      the npm package (scripts/setup: npm ci in tests/peers) is missing;
//   3. Stocktake's SyncEngine (fetch, strict parse, encrypted store) in a child process of its own
//      (its peak RSS is its own VmHWM), pacer off: the users alone (SyncRequest::activityPass
//      off, so the same pages as the other two columns), then the full sync.
// Then against `--graph-limits` with the pacer on, as the CLI runs (P1, P2, P4): the users and the
// rest of the directory without the signInActivity pass (its own budget, 10 per minute), at
// 10,000 people a first sync of the directory with the pass beside it (P3: its wall time is the
// longer of the two), and the sign-ins of today and yesterday (P2, with --days 2 or more).
#include "../sync/simtoken.h"
#include "core/clock.h"
#include "graph/endpoint.h"
#include "graph/graphclient.h"
#include "graph/tokensource.h"
#include "secrets/secretbytes.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "tenantsim.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>

using namespace stocktake;

using testing::FixedTokenSource;

namespace {

QTextStream out(stdout);

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// This process's CPU time so far (user and system, all threads), in seconds.
double ownCpuSeconds()
{
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Another process's CPU time so far (user and system, from /proc), in seconds; -1 if unknown.
double cpuSecondsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/// Child mode: one SyncEngine run; prints a JSON line with its entities, wall time and VmHWM.
int runEngineChild(const QStringList &args)
{
    // ROOT TOKEN ENTITIES PACING(0|1) ACTIVITY(0|1) [SIGNIN_DAYS]: whether the signInActivity pass
    // runs beside the users (SyncRequest::activityPass); how many days of sign-ins (default 1)
    // The sync's debug lines (one per request) are work the figures should not include.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("stocktake.*.debug=false"));
    const QUrl root(args.at(0));
    const QByteArray token = args.at(1).toLatin1();
    const QStringList entities = args.at(2).split(u',');
    const bool pacing = args.at(3) == QStringLiteral("1");
    const bool activityPass = args.at(4) == QStringLiteral("1");
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("bench.db"));
    auto key = std::make_shared<secrets::SecretBytes>(secrets::SecretBytes::random(32));
    {
        store::Database::Options options;
        options.mode = store::Database::Mode::Create;
        if (!store::Database::open(dbPath, *key, options))
            return 5;
    }
    core::SystemClock clock;
    sync::SyncSetup setup;
    setup.databasePath = dbPath;
    setup.databaseKey = key;
    setup.graph.graphRoot = root;
    setup.graph.pacing = pacing;
    setup.makeTokenSource = [token] {
        return std::make_unique<FixedTokenSource>(token);
    };
    setup.clock = &clock;
    sync::SyncEngine engine(setup);
    QJsonArray done;
    QObject::connect(&engine, &sync::SyncEngine::entityFinished, &engine, [&](const sync::EntitySummary &s) {
        done.append(QJsonObject {{QStringLiteral("entity"), s.entity},
            {QStringLiteral("outcome"), sync::outcomeName(s.outcome)}, {QStringLiteral("items"), s.items},
            {QStringLiteral("requests"), s.requests}, {QStringLiteral("seconds"), s.seconds}});
    });
    QElapsedTimer timer;
    QObject::connect(&engine, &sync::SyncEngine::finished, &engine, [&](const sync::SyncReport &report) {
        const QJsonObject result {{QStringLiteral("entities"), done},
            {QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0},
            {QStringLiteral("error"), report.firstError ? report.firstError->code : QString()},
            {QStringLiteral("maxRssKb"), peakRssKb()}, {QStringLiteral("cpuSeconds"), ownCpuSeconds()},
            {QStringLiteral("dbBytes"), QFileInfo(dbPath).size()}};
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
        QCoreApplication::quit();
    });
    timer.start();
    sync::SyncRequest request;
    request.entities = entities;
    request.signInDays = args.size() > 5 ? std::max(1, args.at(5).toInt()) : 1;
    request.activityPass = activityPass;
    engine.start(request);
    return QCoreApplication::exec();
}

QJsonObject runChild(const QStringList &args)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), QStringList {QStringLiteral("--engine-child")} + args);
    child.waitForFinished(-1);
    const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

/// The first page of every collection a full sync pages with GET, under `apiRoot`
/// (…/v1.0), sign-in days planned as sync::SignInsStep does.
QList<QUrl> fullSyncWalks(const QUrl &apiRoot, int days)
{
    QList<QUrl> walks;
    for (const graph::Endpoint &e : {graph::Endpoint::organization(), graph::Endpoint::subscribedSkus(),
             graph::Endpoint::users(), graph::Endpoint::signInActivity(), graph::Endpoint::groups(),
             graph::Endpoint::servicePrincipals(), graph::Endpoint::oauth2PermissionGrants()})
        walks.append(e.url(apiRoot));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < std::max(1, days); ++i) {
        const QDate day = now.date().addDays(-i);
        const QDateTime from(day, QTime(0, 0), QTimeZone::utc());
        walks.append(graph::Endpoint::signIns(from, std::min(from.addDays(1), now)).url(apiRoot));
    }
    return walks;
}

QStringList encoded(const QList<QUrl> &urls)
{
    QStringList list;
    for (const QUrl &url : urls)
        list.append(url.toString(QUrl::FullyEncoded));
    return list;
}

/// The floor: curl in a shell loop, one request per page into a file, following @odata.nextLink
/// from each first page in turn (the shell never holds a page: bash is slow with large strings).
QJsonObject curlFloor(const QList<QUrl> &firsts, const QByteArray &token)
{
    const QString script
        = QStringLiteral("token=\"$1\"; shift; pages=0; bytes=0; body=$(mktemp) || exit 1\n"
                         "trap 'rm -f \"$body\"' EXIT\n"
                         "for url in \"$@\"; do\n"
                         "  while [ -n \"$url\" ]; do\n"
                         "    curl -sS --fail -o \"$body\" -H \"Authorization: Bearer $token\" \"$url\" || exit 1\n"
                         "    pages=$((pages+1)); bytes=$((bytes+$(stat -c %s \"$body\")))\n"
                         "    url=$(grep -o '\"@odata.nextLink\":\"[^\"]*\"' \"$body\" | cut -d'\"' -f4)\n"
                         "  done\n"
                         "done\n"
                         "echo \"$pages $bytes\"\n");
    QProcess sh;
    QElapsedTimer timer;
    timer.start();
    sh.start(QStringLiteral("bash"),
        QStringList {QStringLiteral("-c"), script, QStringLiteral("floor"), QString::fromLatin1(token)}
            + encoded(firsts));
    sh.waitForFinished(-1);
    const double seconds = double(timer.elapsed()) / 1000.0;
    const QStringList parts = QString::fromUtf8(sh.readAllStandardOutput()).trimmed().split(u' ');
    return {{QStringLiteral("seconds"), seconds}, {QStringLiteral("pages"), parts.value(0).toInt()},
        {QStringLiteral("bytes"), parts.value(1).toLongLong()}, {QStringLiteral("ok"), sh.exitCode() == 0}};
}

/// Microsoft's JavaScript Graph client paging from each of `firsts` in turn (a sim started with
/// --link-scheme https): {"seconds", "pages", "items", "bytes", "maxRssKb", "ok"}, or
/// {"skipped": why}.
QJsonObject graphJsPages(const QList<QUrl> &firsts, const QByteArray &token, const QStringList &options = {})
{
    const QDir peers(QStringLiteral(STOCKTAKE_PEERS_DIR));
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        return {{QStringLiteral("skipped"), QStringLiteral("node is not installed (scripts/setup)")}};
    if (!peers.exists(QStringLiteral("node_modules/@microsoft/microsoft-graph-client/package.json")))
        return {{QStringLiteral("skipped"),
            QStringLiteral("@microsoft/microsoft-graph-client is not installed in %1 (scripts/setup: npm ci)")
                .arg(peers.path())}};
    QProcess js;
    js.setWorkingDirectory(peers.path());
    js.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args = QStringList {peers.filePath(QStringLiteral("graph-js-pages.mjs"))} + options
        + QStringList {encoded(firsts).value(0), QString::fromLatin1(token)};
    js.start(node, args + encoded(firsts).mid(1));
    if (!js.waitForFinished(-1) || js.exitStatus() != QProcess::NormalExit)
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), js.errorString()}};
    const QList<QByteArray> lines = js.readAllStandardOutput().trimmed().split('\n');
    QJsonObject result = QJsonDocument::fromJson(lines.last()).object();
    if (result.isEmpty())
        result = {{QStringLiteral("ok"), false}, {QStringLiteral("error"), QString::fromUtf8(lines.last())}};
    return result;
}

void printEngine(const QString &label, const QJsonObject &r)
{
    out << "  " << label << ": " << QString::number(r.value(QStringLiteral("seconds")).toDouble(), 'f', 2)
        << " s wall, " << QString::number(r.value(QStringLiteral("cpuSeconds")).toDouble(), 'f', 2)
        << " s CPU, peak RSS " << r.value(QStringLiteral("maxRssKb")).toInteger() / 1024 << " MB, database "
        << r.value(QStringLiteral("dbBytes")).toInteger() / (1024 * 1024) << " MB"
        << (r.contains(QStringLiteral("simCpuSeconds"))
                   ? QStringLiteral(", sim CPU %1 s")
                         .arg(r.value(QStringLiteral("simCpuSeconds")).toDouble(), 0, 'f', 2)
                   : QString())
        << (r.value(QStringLiteral("error")).toString().isEmpty()
                   ? QString()
                   : QStringLiteral(", error ") + r.value(QStringLiteral("error")).toString())
        << '\n';
    for (const QJsonValue &v : r.value(QStringLiteral("entities")).toArray()) {
        const QJsonObject e = v.toObject();
        const double s = e.value(QStringLiteral("seconds")).toDouble();
        const qint64 items = e.value(QStringLiteral("items")).toInteger();
        out << "    " << e.value(QStringLiteral("entity")).toString().leftJustified(13)
            << e.value(QStringLiteral("outcome")).toString().leftJustified(10)
            << QString::number(items).rightJustified(9) << " items "
            << QString::number(e.value(QStringLiteral("requests")).toInteger()).rightJustified(6) << " requests "
            << QString::number(s, 'f', 2).rightJustified(8) << " s "
            << QString::number(s > 0 ? double(items) / s : 0, 'f', 0).rightJustified(8) << " items/s\n";
    }
    out.flush();
}

int violationsOf(const testing::TenantSim &sim, int *throttled, int *requests)
{
    QFile log(sim.requestLogPath());
    *throttled = 0;
    *requests = 0;
    if (log.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            if (!r.value(QStringLiteral("path")).toString().startsWith(QStringLiteral("/v1.0/")))
                continue;
            ++*requests;
            *throttled += r.value(QStringLiteral("status")).toInt() == 429 ? 1 : 0;
        }
    }
    return int(QJsonDocument::fromJson(
        testing::simRequest(sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/violations"))), "GET"))
                   .object()
                   .value(QStringLiteral("violations"))
                   .toArray()
                   .size());
}

/// What a benchTenant() run measures.
struct BenchOptions {
    int days = 1;
    bool limits = true;
    int latencyMs = 0;
    int rounds = 1;
    bool syncOnly = false;  ///< only the full sync, `rounds` times: no curl loop, no client
    QStringList entities;   ///< with syncOnly: these instead of every entity
};

void benchTenant(int users, bool limits, const BenchOptions &options)
{
    const int days = options.days;
    const int latencyMs = options.latencyMs;
    const int rounds = options.rounds;
    QStringList simArgs {QStringLiteral("--users"), QString::number(users), QStringLiteral("--days"),
        QString::number(days), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--auto-approve"),
        QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--truth-user-rows"), QStringLiteral("0")};
    if (limits)
        simArgs << QStringLiteral("--graph-limits");
    if (latencyMs > 0)
        simArgs << QStringLiteral("--latency") << QString::number(latencyMs);
    testing::TenantSim sim(simArgs);
    if (!sim.isRunning()) {
        out << "tenant-sim did not start: " << sim.error() << '\n';
        return;
    }
    const QByteArray token = testing::simAccessToken(sim.baseUrl());
    const QJsonObject counts = QJsonDocument::fromJson(
        testing::simRequest(sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/truth"))), "GET"))
                                   .object()
                                   .value(QStringLiteral("counts"))
                                   .toObject();
    out << "\n== " << users << " users" << (limits ? " with --graph-limits (pacer on)" : " unthrottled (pacer off)")
        << (latencyMs > 0 ? QStringLiteral(", %1 ms per Graph answer").arg(latencyMs) : QString()) << ": groups "
        << counts.value(QStringLiteral("groups")).toInteger() << ", memberships "
        << counts.value(QStringLiteral("group_members")).toInteger() << ", service principals "
        << counts.value(QStringLiteral("service_principals")).toInteger() << ", sign-ins (" << days << " day) "
        << counts.value(QStringLiteral("sign_ins")).toInteger() << '\n';
    const QString root = sim.baseUrl().toString();
    // One SyncEngine child, with the sim's CPU time while it ran: the sim serves one request at a
    // time, so its CPU is the floor for any client.
    const auto engine = [&](const QStringList &args) {
        const double before = cpuSecondsOf(sim.pid());
        QJsonObject r = runChild(args);
        const double after = cpuSecondsOf(sim.pid());
        if (before >= 0 && after >= 0)
            r.insert(QStringLiteral("simCpuSeconds"), after - before);
        return r;
    };
    const auto fullSyncChild = [&] {
        const QStringList entities = options.entities.isEmpty() ? sync::allEntities() : options.entities;
        const QJsonObject r = engine({root, QString::fromLatin1(token), entities.join(u','), QStringLiteral("0"),
            QStringLiteral("1"), QString::number(days)});
        printEngine(QStringLiteral("Stocktake full sync, %1 day(s) of sign-ins").arg(days), r);
        return r.value(QStringLiteral("seconds")).toDouble(-1);
    };

    if (!limits && options.syncOnly) {
        for (int round = 1; round <= rounds; ++round)
            fullSyncChild();
    } else if (!limits) {
        // The same tenant (seed and size) in a second sim whose links say https, for the
        // JavaScript client.
        testing::TenantSim jsSim(simArgs + QStringList {QStringLiteral("--link-scheme"), QStringLiteral("https")});
        const QByteArray jsToken = jsSim.isRunning() ? testing::simAccessToken(jsSim.baseUrl()) : QByteArray();
        // One walk of the JavaScript client over `walks`, printed; its seconds, or -1.
        const auto jsClient = [&](const QString &what, const QList<QUrl> &walks, qint64 truthItems,
                                  const QStringList &jsOptions = {}) -> double {
            out << "  JavaScript Graph client (" << what << ", PageIterator, fetch only): ";
            out.flush();
            const double simBefore = cpuSecondsOf(jsSim.pid());
            const QJsonObject js = jsSim.isRunning() ? graphJsPages(walks, jsToken, jsOptions)
                                                     : QJsonObject {{QStringLiteral("skipped"), jsSim.error()}};
            const double simCpu = cpuSecondsOf(jsSim.pid()) - simBefore;
            if (js.contains(QStringLiteral("skipped"))) {
                out << "skipped: " << js.value(QStringLiteral("skipped")).toString() << '\n';
                return -1;
            }
            if (!js.value(QStringLiteral("ok")).toBool()) {
                out << "FAILED: " << js.value(QStringLiteral("error")).toString() << '\n';
                return -1;
            }
            out << QString::number(js.value(QStringLiteral("seconds")).toDouble(), 'f', 2) << " s, "
                << js.value(QStringLiteral("pages")).toInt() << " pages, "
                << js.value(QStringLiteral("items")).toInteger() << " items, "
                << js.value(QStringLiteral("bytes")).toInteger() / (1024 * 1024) << " MB, peak RSS "
                << js.value(QStringLiteral("maxRssKb")).toInteger() / 1024 << " MB (node), sim CPU "
                << QString::number(simCpu, 'f', 2) << " s";
            if (truthItems >= 0 && js.value(QStringLiteral("items")).toInteger() != truthItems)
                out << " (INCOMPLETE: the sim has " << truthItems << ")";
            out << '\n';
            out.flush();
            return js.value(QStringLiteral("seconds")).toDouble();
        };
        const QUrl jsApi(jsSim.baseUrl().toString() + QStringLiteral("/v1.0"));
        const auto floors = [&](const QString &what, const std::function<QList<QUrl>(const QUrl &)> &walks,
                                qint64 truthItems, const QStringList &jsOptions = {}) {
            const double simBefore = cpuSecondsOf(sim.pid());
            const QJsonObject curl = curlFloor(walks(QUrl(root + QStringLiteral("/v1.0"))), token);
            const double simCpu = cpuSecondsOf(sim.pid()) - simBefore;
            out << "  curl floor (" << what
                << "): " << QString::number(curl.value(QStringLiteral("seconds")).toDouble(), 'f', 2) << " s, "
                << curl.value(QStringLiteral("pages")).toInt() << " pages, "
                << curl.value(QStringLiteral("bytes")).toInteger() / (1024 * 1024) << " MB, sim CPU "
                << QString::number(simCpu, 'f', 2) << " s"
                << (curl.value(QStringLiteral("ok")).toBool() ? "" : " (FAILED)") << '\n';
            return jsClient(what, walks(jsApi), truthItems, jsOptions);
        };
        floors(
            QStringLiteral("users pages"),
            [](const QUrl &api) { return QList<QUrl> {graph::Endpoint::users().url(api)}; },
            counts.value(QStringLiteral("users")).toInteger());
        printEngine(QStringLiteral("Stocktake users only (without the activity pass)"),
            engine(
                {root, QString::fromLatin1(token), QStringLiteral("users"), QStringLiteral("0"), QStringLiteral("0")}));
        const QString fullSync = QStringLiteral("full sync pages");
        // The client also does what the sync does beyond those pages (the curl loop does not):
        // every group's members in $batch envelopes of 20, and the usage report.
        const QStringList fullSyncExtras {QStringLiteral("--members=")
                + graph::Endpoint::groupMembers(QStringLiteral("GROUPID"))
                      .relativeUrl()
                      .replace(QStringLiteral("GROUPID"), QStringLiteral("{id}")),
            QStringLiteral("--report=/v1.0") + graph::Endpoint::office365ActiveUserDetail().relativeUrl()};
        // Round 1 after the curl loop; with --rounds N, N-1 more of the client and Stocktake in
        // turn: the host's speed drifts by more than the difference between the two.
        QList<double> ratios;
        for (int round = 1; round <= rounds; ++round) {
            if (rounds > 1)
                out << "  round " << round << " of " << rounds << '\n';
            const double js = round == 1
                ? floors(
                    fullSync, [days](const QUrl &api) { return fullSyncWalks(api, days); }, -1, fullSyncExtras)
                : jsClient(fullSync, fullSyncWalks(jsApi, days), -1, fullSyncExtras);
            const double ours = fullSyncChild();
            if (js > 0 && ours > 0)
                ratios.append(ours / js);
        }
        if (ratios.size() > 1) {
            QStringList each;
            for (const double r : std::as_const(ratios))
                each.append(QString::number(r, 'f', 2));
            QList<double> sorted = ratios;
            std::sort(sorted.begin(), sorted.end());
            const qsizetype n = sorted.size();
            const double median = n % 2 == 1 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2;
            out << "  Stocktake full sync / JavaScript client, round by round: " << each.join(QStringLiteral(", "))
                << "; median " << QString::number(median, 'f', 2) << '\n';
            out.flush();
        }
    } else {
        // The directory (P1), without the separately budgeted signInActivity pass (P3), then the
        // sign-ins (P2).
        printEngine(QStringLiteral("Stocktake users (without the activity pass)"),
            engine(
                {root, QString::fromLatin1(token), QStringLiteral("users"), QStringLiteral("1"), QStringLiteral("0")}));
        printEngine(QStringLiteral("Stocktake rest of the directory"),
            engine({root, QString::fromLatin1(token), QStringLiteral("organization,licenses,groups,apps,grants"),
                QStringLiteral("1"), QStringLiteral("0")}));
        // P3: a first sync of the directory, the paced activity pass beside it; its wall time is
        // the longer of the two (about a minute per 5,000 people for the activity pass).
        if (users <= 10000)
            printEngine(QStringLiteral("Stocktake first sync: directory with the activity pass beside it"),
                engine(
                    {root, QString::fromLatin1(token), QStringLiteral("organization,licenses,users,groups,apps,grants"),
                        QStringLiteral("1"), QStringLiteral("1")}));
        // P2: the sign-ins under the reports budget (5 requests per 10 s): today and, when the sim
        // keeps it (--days 2 or more), yesterday whole; events/s is the ingestion rate.
        const int signInDays = std::min(days, 2);
        printEngine(QStringLiteral("Stocktake sign-ins, %1 day(s)").arg(signInDays),
            engine({root, QString::fromLatin1(token), QStringLiteral("signins"), QStringLiteral("1"),
                QStringLiteral("0"), QString::number(signInDays)}));
    }
    int throttled = 0, requests = 0;
    const int violations = violationsOf(sim, &throttled, &requests);
    out << "  sim: " << requests << " Graph requests, " << throttled << " answered 429, " << violations
        << " violations\n";
    out.flush();
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QStringLiteral("--engine-child"))
        return runEngineChild(args.mid(1));
    QList<int> sizes {10000, 100000};
    BenchOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QStringLiteral("--users") && i + 1 < args.size()) {
            sizes.clear();
            for (const QString &n : args.at(++i).split(u','))
                sizes.append(n.toInt());
        } else if (args.at(i) == QStringLiteral("--days") && i + 1 < args.size()) {
            options.days = args.at(++i).toInt();
        } else if (args.at(i) == QStringLiteral("--skip-limits")) {
            options.limits = false;
        } else if (args.at(i) == QStringLiteral("--latency") && i + 1 < args.size()) {
            options.latencyMs = args.at(++i).toInt();
        } else if (args.at(i) == QStringLiteral("--rounds") && i + 1 < args.size()) {
            options.rounds = std::max(1, args.at(++i).toInt());
        } else if (args.at(i) == QStringLiteral("--sync-only")) {
            options.syncOnly = true;
            options.limits = false;
        } else if (args.at(i) == QStringLiteral("--entities") && i + 1 < args.size()) {
            options.entities = args.at(++i).split(u',');
        } else {
            std::fputs("usage: stocktake-bench-sync [--users N,N] [--days D] [--skip-limits] [--latency MS] "
                       "[--rounds N] [--sync-only [--entities E,E]]\n",
                stderr);
            return 2;
        }
    }
    for (int users : sizes) {
        benchTenant(users, false, options);
        if (options.limits)
            benchTenant(users, true, options);
    }
    return 0;
}

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-tenant-sim: a synthetic Microsoft 365 tenant on loopback (see README.md for what
// is served today and what is not yet).
#include "graphapi.h"
#include "graphoptions.h"
#include "httpserver.h"
#include "identity.h"
#include "router.h"
#include "tenant.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QHashFunctions>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalFds[2] = {-1, -1};

void onSigterm(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &byte, 1);
}
}  // namespace

int main(int argc, char **argv)
{
    // QPdfWriter (the invoice PDFs) needs a QGuiApplication; the sim runs headless everywhere.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // QPdfWriter lays out its font objects in QHash order: a fixed seed keeps the PDFs' bytes
    // reproducible for a seed (nothing in the sim needs hash-flooding protection).
    QHashSeed::setDeterministicGlobalSeed();
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption port(
        QStringLiteral("port"), QStringLiteral("Port (0 picks one)."), QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption users(
        QStringLiteral("users"), QStringLiteral("Users (up to 300,000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption log(
        QStringLiteral("request-log"), QStringLiteral("JSON line per request."), QStringLiteral("FILE"));
    const QCommandLineOption truth(
        QStringLiteral("truth"), QStringLiteral("Write the ground truth."), QStringLiteral("FILE"));
    const QCommandLineOption throttle(QStringLiteral("throttle-every"), QStringLiteral("429 every N requests."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption fail(QStringLiteral("fail-every"), QStringLiteral("503 every N requests."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption tenantName(QStringLiteral("tenant"), QStringLiteral("Tenant path segment."),
        QStringLiteral("NAME"), QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("The registered public client."),
        QStringLiteral("GUID"), QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70"));
    const QCommandLineOption tokenTtl(QStringLiteral("token-ttl"), QStringLiteral("Access token lifetime."),
        QStringLiteral("S"), QStringLiteral("3600"));
    const QCommandLineOption interval(QStringLiteral("interval"), QStringLiteral("Device code poll interval."),
        QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption autoApprove(
        QStringLiteral("auto-approve"), QStringLiteral("Approve device codes after the first poll."));
    const QCommandLineOption deny(QStringLiteral("deny"), QStringLiteral("Decline instead of approving."));
    const QCommandLineOption truncate(QStringLiteral("truncate-every"), QStringLiteral("Cut every Nth body and close."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption malformed(QStringLiteral("malformed-every"), QStringLiteral("Malformed JSON every N."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption latency(
        QStringLiteral("latency"), QStringLiteral("Delay per Graph page."), QStringLiteral("MS"), QStringLiteral("0"));
    parser.addOptions({truncate, malformed, latency});
    parser.addOptions(
        {port, users, seed, log, truth, throttle, fail, tenantName, clientId, tokenTtl, interval, autoApprove, deny});
    stocktake::tenantsim::Identity::addOptions(parser);
    stocktake::tenantsim::addGraphOptions(parser);
    parser.process(app);

    QString problem;
    const auto setup = stocktake::tenantsim::readGraphOptions(parser, &problem);
    if (!setup) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    stocktake::tenantsim::Tenant tenant(setup->tenant);
    stocktake::tenantsim::GraphApi graph(tenant, setup->graph);
    graph.setGenerationMs(timer.elapsed());
    if (!graph.writeTruth()) {
        std::fprintf(stderr, "cannot write the truth file\n");
        return 2;
    }

    stocktake::tenantsim::Identity identity({parser.value(tenantName), parser.value(clientId),
        parser.value(tokenTtl).toInt(), parser.value(interval).toInt(), parser.isSet(autoApprove), parser.isSet(deny)});
    identity.applyOptions(parser);
    stocktake::tenantsim::Router router(graph, identity);
    router.setThrottleEvery(parser.value(throttle).toInt());
    router.setFailEvery(parser.value(fail).toInt());
    router.setTruncateEvery(parser.value(truncate).toInt());
    router.setMalformedEvery(parser.value(malformed).toInt());
    router.setLatencyMs(parser.value(latency).toInt());
    stocktake::tenantsim::HttpServer server([&router](const auto &r) { return router.handle(r); }, parser.value(log));
    if (!server.listen(static_cast<quint16>(parser.value(port).toUInt()))) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    router.setOrigin(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    // A second origin plays the usage report's download host, so a client that keeps its
    // bearer token on a redirect to another origin is caught.
    stocktake::tenantsim::HttpServer downloads(
        [&router](const auto &r) { return router.handleDownload(r); }, parser.value(log));
    if (!downloads.listen(0)) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    graph.setOrigins(QStringLiteral("http://127.0.0.1:%1").arg(server.port()),
        QStringLiteral("http://127.0.0.1:%1").arg(downloads.port()));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        return 1;
    }
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action { };
    action.sa_handler = onSigterm;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(server.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

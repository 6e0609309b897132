// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphoptions.h"

#include "simhash.h"

#include <QCommandLineParser>
#include <QTimeZone>
#include <QUuid>

namespace stocktake::tenantsim {

namespace {

constexpr int kMaxUsers = 300000;
constexpr int kMaxDays = 365;

}  // namespace

void addGraphOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("now"), QStringLiteral("The tenant's present (ISO 8601, UTC); default: now, to the second."),
            QStringLiteral("ISO")},
        {QStringLiteral("days"), QStringLiteral("Days of sign-in history (today counts as one)."), QStringLiteral("D"),
            QStringLiteral("30")},
        {QStringLiteral("graph-limits"), QStringLiteral("Enforce Graph's published budgets with 429 and Retry-After.")},
        {QStringLiteral("no-premium"), QStringLiteral("No Entra ID P1/P2: signInActivity and auditLogs answer 403.")},
        {QStringLiteral("concealed-names"), QStringLiteral("The usage report hides names behind hashes.")},
        {QStringLiteral("truth-user-rows"), QStringLiteral("Per-person truth rows only up to this many people."),
            QStringLiteral("N"), QStringLiteral("10000")},
        {QStringLiteral("resources"),
            QStringLiteral("The project's resources folder (product names, list prices, high-privilege scopes)."),
            QStringLiteral("DIR"), QStringLiteral(STOCKTAKE_RESOURCES_DIR)},
        {QStringLiteral("link-scheme"),
            QStringLiteral("Scheme of the Graph links written into answers (http or https); the sim listens on http."),
            QStringLiteral("SCHEME"), QStringLiteral("http")},
    });
}

std::optional<GraphSetup> readGraphOptions(const QCommandLineParser &parser, QString *problem)
{
    GraphSetup setup;
    bool ok = false;
    setup.tenant.users = parser.value(QStringLiteral("users")).toInt(&ok);
    if (!ok || setup.tenant.users < 0 || setup.tenant.users > kMaxUsers) {
        *problem = QStringLiteral("--users must be between 0 and 300000");
        return std::nullopt;
    }
    setup.tenant.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        *problem = QStringLiteral("--seed must be a whole number");
        return std::nullopt;
    }
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("now"))) {
        now = QDateTime::fromString(parser.value(QStringLiteral("now")), Qt::ISODateWithMs);
        if (!now.isValid()) {
            *problem = QStringLiteral("--now must be an ISO 8601 date and time, e.g. 2026-11-20T15:30:00Z");
            return std::nullopt;
        }
    }
    // Whole seconds in UTC: every date the sim serves is exact and comparable as text.
    now = now.toUTC();
    setup.tenant.now
        = QDateTime(now.date(), QTime(now.time().hour(), now.time().minute(), now.time().second()), QTimeZone::utc());
    setup.tenant.historyDays = parser.value(QStringLiteral("days")).toInt(&ok);
    if (!ok || setup.tenant.historyDays < 1 || setup.tenant.historyDays > kMaxDays) {
        *problem = QStringLiteral("--days must be between 1 and 365");
        return std::nullopt;
    }
    // The organisation id is the tenant path segment when that is a GUID.
    const QString tenant = parser.value(QStringLiteral("tenant"));
    setup.tenant.tenantId
        = QUuid::fromString(tenant).isNull() ? SimHash::guid(setup.tenant.seed, 0x7E, 0) : tenant.toLower();
    setup.graph.premium = !parser.isSet(QStringLiteral("no-premium"));
    setup.graph.concealedNames = parser.isSet(QStringLiteral("concealed-names"));
    setup.graph.enforceLimits = parser.isSet(QStringLiteral("graph-limits"));
    setup.graph.truthPath = parser.value(QStringLiteral("truth"));
    setup.graph.truthUserRows = parser.value(QStringLiteral("truth-user-rows")).toInt(&ok);
    if (!ok || setup.graph.truthUserRows < 0) {
        *problem = QStringLiteral("--truth-user-rows must be 0 or more");
        return std::nullopt;
    }
    setup.graph.resourcesDir = parser.value(QStringLiteral("resources"));
    setup.graph.clientId = parser.value(QStringLiteral("client-id"));
    setup.graph.linkScheme = parser.value(QStringLiteral("link-scheme"));
    if (setup.graph.linkScheme != QLatin1StringView("http") && setup.graph.linkScheme != QLatin1StringView("https")) {
        *problem = QStringLiteral("--link-scheme must be http or https");
        return std::nullopt;
    }
    return setup;
}

}  // namespace stocktake::tenantsim

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// tenant-sim --graph-limits over real loopback HTTP: Graph's published budgets (graph-facts
// §C.4) answered with 429 and Retry-After — 8,000 ResourceUnits per 10 s with the cost table,
// auditLogs 5 requests per 10 s, signInActivity 10 per minute — inner 429s inside $batch, and
// a retry before Retry-After logged as a violation while an obedient one is not.
#include "simclient.h"
#include "tenantsim.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using stocktake::testing::simArguments;
using stocktake::testing::SimClient;
using stocktake::testing::TenantSim;

namespace {

QStringList limited(int users)
{
    return simArguments(users, {QStringLiteral("--graph-limits")});
}

}  // namespace

class TenantSimLimitsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resourceUnitsFollowTheCostTable()
    {
        TenantSim sim(simArguments(100));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        const QString group = client.get(QStringLiteral("/v1.0/groups?$top=1&$select=id"))
                                  .value()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
        const QList<std::pair<QString, QByteArray>> costs {
            {QStringLiteral("/v1.0/users"), "2"},
            {QStringLiteral("/v1.0/users?$select=id"), "1"},
            {QStringLiteral("/v1.0/users?$select=id&$expand=manager($select=id)&$top=999"), "2"},
            {QStringLiteral("/v1.0/users?$top=5"), "1"},
            {QStringLiteral("/v1.0/groups/%1/members").arg(group), "3"},
            {QStringLiteral("/v1.0/groups/%1/members?$select=id").arg(group), "2"},
            {QStringLiteral("/v1.0/subscribedSkus"), "3"},
            {QStringLiteral("/v1.0/oauth2PermissionGrants"), "2"},
            {QStringLiteral("/v1.0/servicePrincipals?$select=id"), "1"},
        };
        for (const auto &[path, cost] : costs) {
            const auto r = client.get(path);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("x-ms-resource-unit"), cost);
        }
        // graph-facts §B.2: pages of users with signInActivity hold at most 500.
        QCOMPARE(client.get(QStringLiteral("/v1.0/users?$select=id,signInActivity&$top=999")).status, 400);
    }

    void directoryBudgetIs8000ResourceUnitsPer10Seconds()
    {
        TenantSim sim(limited(100));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        QString empty;
        for (const QJsonValue &g : client.walk(QStringLiteral("/v1.0/groups?$select=id,displayName&$top=999")).items) {
            if (g.toObject().value(QStringLiteral("displayName")).toString().startsWith(QStringLiteral("Projekt"))) {
                empty = g.toObject().value(QStringLiteral("id")).toString();
            }
        }
        QVERIFY(!empty.isEmpty());
        // 20 member lists of 3 RU each per envelope: the 134th envelope crosses 8,000.
        QJsonArray requests;
        for (int i = 0; i < 20; ++i) {
            requests.append(QJsonObject {{QStringLiteral("id"), QString::number(i)},
                {QStringLiteral("method"), QStringLiteral("GET")},
                // Distinct URLs ($top >= 20 costs nothing extra): no request repeats a throttled one.
                {QStringLiteral("url"), QStringLiteral("/groups/%1/members?$top=%2").arg(empty).arg(100 + i)}});
        }
        QElapsedTimer timer;
        timer.start();
        int admitted = 0;
        int throttled = 0;
        bool warned = false;
        QJsonObject inner429;
        for (int envelope = 0; envelope < 140 && throttled == 0; ++envelope) {
            const auto r
                = client.postJson(QStringLiteral("/v1.0/$batch"), QJsonObject {{QStringLiteral("requests"), requests}});
            QCOMPARE(r.status, 200);  // throttling happens inside the envelope
            for (const QJsonValue &v : r.json().value(QStringLiteral("responses")).toArray()) {
                const QJsonObject answer = v.toObject();
                const int status = answer.value(QStringLiteral("status")).toInt();
                warned = warned
                    || answer.value(QStringLiteral("headers"))
                           .toObject()
                           .contains(QStringLiteral("x-ms-throttle-limit-percentage"));
                if (status == 429) {
                    ++throttled;
                    inner429 = answer;
                } else {
                    QCOMPARE(status, 200);
                    ++admitted;
                }
            }
        }
        QVERIFY2(timer.elapsed() < 9000, "the envelopes took longer than the window; the budget refilled");
        QCOMPARE(admitted, 8000 / 3);
        QVERIFY(throttled > 0);
        QVERIFY(warned);  // above 80 % of the budget Graph says so
        const QJsonObject headers = inner429.value(QStringLiteral("headers")).toObject();
        const int retryAfter = headers.value(QStringLiteral("Retry-After")).toString().toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 10);
        // A direct request to the directory (users: 2 RU; 1 is left) is throttled too, with
        // Graph's throttle headers.
        const auto direct = client.get(QStringLiteral("/v1.0/users"));
        QCOMPARE(direct.status, 429);
        QCOMPARE(direct.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("TooManyRequests"));
        QCOMPARE(direct.headers.value("x-ms-throttle-information"), QByteArray("ResourceUnitLimitExceeded"));
        QVERIFY(direct.headers.value("x-ms-throttle-scope").startsWith("Tenant_Application/ReadWrite/"));
        const int wait = direct.headers.value("retry-after").toInt();
        QVERIFY(wait >= 1 && wait <= 10);
        // Other budgets are not affected.
        QCOMPARE(client.get(QStringLiteral("/v1.0/me/messages?$top=1&$select=id")).status, 200);
        // Obeying Retry-After works and is no violation.
        QTest::qWait(wait * 1000 + 100);
        QCOMPARE(client.get(QStringLiteral("/v1.0/users")).status, 200);
        QVERIFY(client.violations().isEmpty());
    }

    void auditLogsAllowFiveRequestsPer10Seconds()
    {
        TenantSim sim(limited(100));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        const QString day = QStringLiteral("/v1.0/auditLogs/signIns?$top=10&$filter=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("createdDateTime ge 2026-11-19T00:00:00Z")));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(client.get(day).status, 200);
        }
        const auto sixth = client.get(day);
        QCOMPARE(sixth.status, 429);
        const int wait = sixth.headers.value("retry-after").toInt();
        QVERIFY(wait >= 1 && wait <= 10);
        // Directory reads have their own budget.
        QCOMPARE(client.get(QStringLiteral("/v1.0/users?$top=1&$select=id")).status, 200);
        QTest::qWait(wait * 1000 + 100);
        QCOMPARE(client.get(day).status, 200);
        QVERIFY(client.violations().isEmpty());
    }

    void signInActivityAllowsTenRequestsPerMinuteAndAnEarlyRetryIsAViolation()
    {
        TenantSim sim(limited(100));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        const QString activity = QStringLiteral("/v1.0/users?$select=id,signInActivity&$top=500");
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(client.get(activity).status, 200);
        }
        const auto eleventh = client.get(activity);
        QCOMPARE(eleventh.status, 429);
        const int wait = eleventh.headers.value("retry-after").toInt();
        QVERIFY(wait >= 1 && wait <= 60);
        QCOMPARE(eleventh.headers.value("x-ms-throttle-information"), QByteArray("SignInActivityLimitExceeded"));
        // The rest of the directory is still open.
        QCOMPARE(client.get(QStringLiteral("/v1.0/users?$top=1&$select=id")).status, 200);
        QVERIFY(client.violations().isEmpty());
        // The same request again at once: still throttled, and logged as a violation.
        QCOMPARE(client.get(activity).status, 429);
        const QStringList violations = client.violations();
        QCOMPARE(violations.size(), 1);
        QVERIFY(violations.at(0).contains(QStringLiteral("Retry-After")));
        QVERIFY(violations.at(0).contains(QStringLiteral("signInActivity")));
    }
};

QTEST_GUILESS_MAIN(TenantSimLimitsTest)
#include "tst_tenantsim_limits.moc"

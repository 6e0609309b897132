// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// tenant-sim over real loopback HTTP through the TenantSim fixture: users paging, $select, 401
// without a token, the request log, throttling/fault rates, early-retry violations, and the
// memory and generation time of a 100,000-user tenant.
#include "simclient.h"
#include "tenantsim.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

using stocktake::testing::TenantSim;

using stocktake::testing::peakRssKiB;

namespace {

struct Reply {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QByteArray g_token;  // the access token of the current test's sim

Reply send(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &form, bool withToken)
{
    QNetworkRequest request(url);
    if (withToken && !g_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + g_token);
    }
    QNetworkReply *reply = nullptr;
    if (form.isNull()) {
        reply = nam.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        reply = nam.post(request, form);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
        reply->rawHeader("Retry-After")};
    reply->deleteLater();
    return r;
}

Reply get(QNetworkAccessManager &nam, const QUrl &url, bool withToken = true)
{
    return send(nam, url, QByteArray(), withToken);
}

/// Signs in through the device code flow of an --auto-approve sim; keeps the access token for get().
QString signIn(QNetworkAccessManager &nam, const TenantSim &sim)
{
    const QString base
        = sim.baseUrl().toString() + QStringLiteral("/7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04/oauth2/v2.0/");
    const QByteArray client = "client_id=5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70";
    const Reply code = send(nam, QUrl(base + QStringLiteral("devicecode")), client + "&scope=User.Read.All", false);
    const QByteArray poll = client + "&grant_type=urn:ietf:params:oauth:grant-type:device_code&device_code="
        + code.json().value(QStringLiteral("device_code")).toString().toLatin1();
    if (send(nam, QUrl(base + QStringLiteral("token")), poll, false).json().value(QStringLiteral("error")).toString()
        != QLatin1StringView("authorization_pending")) {
        return {};
    }
    const QJsonObject tokens = send(nam, QUrl(base + QStringLiteral("token")), poll, false).json();
    g_token = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
    return tokens.value(QStringLiteral("refresh_token")).toString();
}

QUrl usersUrl(const TenantSim &sim, const QString &query)
{
    QUrl url = sim.baseUrl();
    url.setPath(QStringLiteral("/v1.0/users"));
    url.setQuery(query);
    return url;
}

/// Pages through users; returns the distinct ids and counts the pages.
QSet<QString> pageAll(QNetworkAccessManager &nam, QUrl url, int *pages)
{
    QSet<QString> ids;
    *pages = 0;
    while (url.isValid() && !url.isEmpty()) {
        const Reply r = get(nam, url);
        if (r.status != 200) {
            return {};
        }
        ++*pages;
        const QJsonObject page = r.json();
        for (const QJsonValue &v : page.value(QStringLiteral("value")).toArray()) {
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        }
        url = QUrl(page.value(QStringLiteral("@odata.nextLink")).toString());
    }
    return ids;
}

QList<QJsonObject> logLines(const QString &path)
{
    QFile file(path);
    QList<QJsonObject> lines;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty()) {
                lines.append(QJsonDocument::fromJson(line).object());
            }
        }
    }
    return lines;
}

}  // namespace

class TenantSimUsersTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pagingAtTop999ReturnsEveryUserOnceAndLogsEveryRequest()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("2500"),
            QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        int pages = 0;
        const QSet<QString> ids = pageAll(nam, usersUrl(sim, QStringLiteral("$top=999")), &pages);
        QCOMPARE(ids.size(), 2500);
        QCOMPARE(pages, 3);
        const QList<QJsonObject> log = logLines(sim.requestLogPath()).mid(3);  // after the sign-in's three
        QCOMPARE(log.size(), 3);
        for (const QJsonObject &line : log) {
            QCOMPARE(line.value(QStringLiteral("path")).toString(), QStringLiteral("/v1.0/users"));
            QCOMPARE(line.value(QStringLiteral("status")).toInt(), 200);
            QVERIFY(line.value(QStringLiteral("authorization")).toBool());
        }
        QFile truth(sim.truthPath());
        QVERIFY(truth.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(truth.readAll())
                     .object()
                     .value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("users"))
                     .toInt(),
            2500);
        QCOMPARE(sim.stop(), 0);
    }

    void topAbove999IsRefused()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("10")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        QCOMPARE(get(nam, usersUrl(sim, QStringLiteral("$top=1000"))).status, 400);
    }

    void selectReturnsOnlySelectedFieldsAndId()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("5")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        const Reply r = get(nam, usersUrl(sim, QStringLiteral("$select=displayName")));
        QCOMPARE(r.status, 200);
        const QJsonArray users = r.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(users.size(), 5);
        for (const QJsonValue &u : users) {
            QCOMPARE(u.toObject().keys(), (QStringList {QStringLiteral("displayName"), QStringLiteral("id")}));
        }
    }

    void missingTokenGets401InvalidAuthenticationToken()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("5")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        const Reply r = get(nam, usersUrl(sim, QString()), false);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("InvalidAuthenticationToken"));
        QVERIFY(!logLines(sim.requestLogPath()).constLast().value(QStringLiteral("authorization")).toBool());
    }

    void faultsAppearAtTheAskedRates()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("5"),
            QStringLiteral("--throttle-every"), QStringLiteral("4"), QStringLiteral("--fail-every"),
            QStringLiteral("5")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        QList<int> statuses;
        for (int i = 0; i < 20; ++i) {
            const Reply r = get(nam, usersUrl(sim, QString()));
            statuses.append(r.status);
            if (r.status == 429) {
                QCOMPARE(r.retryAfter, QByteArray("1"));
                QTest::qWait(1100);  // honour Retry-After so no violation is logged
            }
        }
        // Requests 4, 8, 12, 16, 20 are throttled; 5, 10, 15 fail (20 is throttled first).
        QCOMPARE(statuses.count(429), 5);
        QCOMPARE(statuses.count(503), 3);
        QCOMPARE(statuses.value(3), 429);
        QCOMPARE(statuses.value(4), 503);
        // After the sign-in's three requests (whose quick device-code polls the identity side
        // flags against --interval): honouring Retry-After leaves no violation.
        for (const QJsonObject &line : logLines(sim.requestLogPath()).mid(3)) {
            QVERIFY(!line.contains(QStringLiteral("violation")));
        }
    }

    void truncatedAndMalformedPagesAppearAtTheAskedRates()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("50"),
            QStringLiteral("--truncate-every"), QStringLiteral("3"), QStringLiteral("--malformed-every"),
            QStringLiteral("4")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        int good = 0;
        int bad = 0;
        for (int i = 1; i <= 12; ++i) {
            const Reply r = get(nam, usersUrl(sim, QString()));
            QJsonParseError error {};
            QJsonDocument::fromJson(r.body, &error);
            const bool expectBad = i % 3 == 0 || i % 4 == 0;
            QCOMPARE(error.error != QJsonParseError::NoError, expectBad);
            (expectBad ? bad : good) += 1;
        }
        QCOMPARE(bad, 6);  // 3, 4, 6, 8, 9, 12
        QCOMPARE(good, 6);
    }

    void retryBeforeRetryAfterIsLoggedAsViolation()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("5"),
            QStringLiteral("--throttle-every"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        QCOMPARE(get(nam, usersUrl(sim, QString())).status, 429);
        QCOMPARE(get(nam, usersUrl(sim, QString())).status, 429);  // at once: too early
        const QList<QJsonObject> log = logLines(sim.requestLogPath()).mid(3);
        QCOMPARE(log.size(), 2);
        QVERIFY(!log.at(0).contains(QStringLiteral("violation")));
        QVERIFY(log.at(1).value(QStringLiteral("violation")).toString().contains(QStringLiteral("Retry-After")));
        QUrl violations = sim.baseUrl();
        violations.setPath(QStringLiteral("/_sim/violations"));
        QCOMPARE(get(nam, violations).json().value(QStringLiteral("violations")).toArray().size(), 1);
    }

    void deviceCodeSignInAndRefreshRotation()
    {
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("3")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        const QString base = sim.baseUrl().toString() + QStringLiteral("/7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04/");
        const QJsonObject discovery
            = get(nam, QUrl(base + QStringLiteral("v2.0/.well-known/openid-configuration")), false).json();
        QCOMPARE(discovery.value(QStringLiteral("device_authorization_endpoint")).toString(),
            base + QStringLiteral("oauth2/v2.0/devicecode"));
        QCOMPARE(
            discovery.value(QStringLiteral("token_endpoint")).toString(), base + QStringLiteral("oauth2/v2.0/token"));
        const QString refresh = signIn(nam, sim);
        QVERIFY(!refresh.isEmpty());
        QCOMPARE(get(nam, usersUrl(sim, QString())).status, 200);

        const QByteArray form = "client_id=5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70&grant_type=refresh_token&refresh_token="
            + refresh.toLatin1();
        const QUrl tokenUrl(base + QStringLiteral("oauth2/v2.0/token"));
        const Reply rotated = send(nam, tokenUrl, form, false);
        QCOMPARE(rotated.status, 200);
        const QString next = rotated.json().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!next.isEmpty() && next != refresh);
        const Reply reused = send(nam, tokenUrl, form, false);
        QCOMPARE(reused.status, 400);
        QCOMPARE(reused.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(reused.json().value(QStringLiteral("error_codes")).toArray().at(0).toInt(), 70008);
        QVERIFY(reused.json()
                    .value(QStringLiteral("error_description"))
                    .toString()
                    .startsWith(QStringLiteral("AADSTS70008:")));

        QUrl revoke = sim.baseUrl();
        revoke.setPath(QStringLiteral("/_sim/revoke-refresh-tokens"));
        QCOMPARE(send(nam, revoke, QByteArray(""), false).status, 200);
        const QByteArray nextForm
            = "client_id=5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70&grant_type=refresh_token&refresh_token="
            + next.toLatin1();
        QCOMPARE(send(nam, tokenUrl, nextForm, false).json().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_grant"));

        const Reply unknown = send(nam, QUrl(base + QStringLiteral("oauth2/v2.0/devicecode")),
            "client_id=00000000-0000-0000-0000-000000000001", false);
        QCOMPARE(unknown.json().value(QStringLiteral("error_codes")).toArray().at(0).toInt(), 700016);
    }

    void deniedSignInIsDeclinedAndExpiredTokenGets401()
    {
        {
            TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--deny")});
            QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
            QNetworkAccessManager nam;
            g_token.clear();
            QVERIFY(signIn(nam, sim).isEmpty());
            QVERIFY(g_token.isEmpty());
        }
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--token-ttl"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        QCOMPARE(get(nam, usersUrl(sim, QString())).status, 200);
        QTest::qWait(1200);
        const Reply expired = get(nam, usersUrl(sim, QString()));
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("InvalidAuthenticationToken"));
    }

    void hundredThousandUsersServeUnderOneGigabyte()
    {
        QElapsedTimer timer;
        timer.start();
        TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--users"), QStringLiteral("100000")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const qint64 startMs = timer.elapsed();
        QNetworkAccessManager nam;
        QVERIFY(!signIn(nam, sim).isEmpty());
        int pages = 0;
        const QSet<QString> ids = pageAll(nam, usersUrl(sim, QStringLiteral("$top=999")), &pages);
        QCOMPARE(ids.size(), 100000);
        const qint64 hwm = peakRssKiB(sim.pid());
        QFile truth(sim.truthPath());
        QVERIFY(truth.open(QIODevice::ReadOnly));
        const qint64 generationMs
            = QJsonDocument::fromJson(truth.readAll()).object().value(QStringLiteral("generation_ms")).toInteger();
        qInfo(
            "100k users: generation %lld ms, start to listening %lld ms, paging %d pages in %lld ms, peak RSS %lld KiB",
            generationMs, startMs, pages, timer.elapsed() - startMs, hwm);
        QVERIFY(hwm > 0);
        QVERIFY(hwm < 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TenantSimUsersTest)
#include "tst_tenantsim_users.moc"

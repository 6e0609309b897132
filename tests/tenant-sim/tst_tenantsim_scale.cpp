// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// tenant-sim at the largest size it supports, 300,000 people: how long generation and the truth
// take, how much memory the sim holds while serving, and that paging the users, their
// signInActivity and a day of sign-ins returns exactly what the truth counts. Prints figures.
#include "simclient.h"
#include "tenantsim.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using stocktake::testing::peakRssKiB;
using stocktake::testing::simArguments;
using stocktake::testing::SimClient;
using stocktake::testing::TenantSim;

class TenantSimScaleTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void threeHundredThousandPeopleServeInModestMemory()
    {
        constexpr int kUsers = 300000;
        QElapsedTimer timer;
        timer.start();
        TenantSim sim(simArguments(kUsers, {QStringLiteral("--truth-user-rows"), QStringLiteral("0")}));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const qint64 startMs = timer.elapsed();
        const qint64 startRss = peakRssKiB(sim.pid());
        SimClient client(sim);
        QVERIFY(client.signIn());
        const QJsonObject truth = client.truth();
        const QJsonObject counts = truth.value(QStringLiteral("counts")).toObject();
        QVERIFY(truth.value(QStringLiteral("users")).toObject().value(QStringLiteral("rows_omitted")).toBool());

        timer.restart();
        QSet<QString> ids;
        int guests = 0;
        const auto users
            = client.walk(QStringLiteral("/v1.0/users?$top=999&$select=id,accountEnabled,userType,assignedLicenses"),
                [&](const QJsonObject &u) {
                    ids.insert(u.value(QStringLiteral("id")).toString());
                    guests += u.value(QStringLiteral("userType")).toString() == QLatin1StringView("Guest") ? 1 : 0;
                });
        const qint64 usersMs = timer.elapsed();
        QCOMPARE(users.failedStatus, 0);
        QCOMPARE(users.pages, (kUsers + 998) / 999);
        QCOMPARE(ids.size(), kUsers);
        QCOMPARE(counts.value(QStringLiteral("users")).toInt(), kUsers);
        QCOMPARE(counts.value(QStringLiteral("guests")).toInt(), guests);

        timer.restart();
        int withActivity = 0;
        const auto activity = client.walk(QStringLiteral("/v1.0/users?$select=id,signInActivity&$top=500"),
            [&withActivity](const QJsonObject &) { ++withActivity; });
        const qint64 activityMs = timer.elapsed();
        QCOMPARE(activity.failedStatus, 0);
        QCOMPARE(withActivity, kUsers);

        const QString day = QStringLiteral("2026-11-19");
        timer.restart();
        int events = 0;
        const auto signIns = client.walk(QStringLiteral("/v1.0/auditLogs/signIns?$top=1000&$filter=")
                + QString::fromLatin1(QUrl::toPercentEncoding(
                    QStringLiteral("createdDateTime ge %1T00:00:00Z and createdDateTime lt 2026-11-20T00:00:00Z")
                        .arg(day))),
            [&events](const QJsonObject &) { ++events; });
        const qint64 signInsMs = timer.elapsed();
        QCOMPARE(signIns.failedStatus, 0);
        QCOMPARE(events, counts.value(QStringLiteral("sign_ins_by_day")).toObject().value(day).toInt());

        timer.restart();
        const auto report = client.get(QStringLiteral("/v1.0/reports/getOffice365ActiveUserDetail(period='D30')"));
        QCOMPARE(report.status, 302);
        const auto csv = client.get(QString::fromUtf8(report.headers.value("location")), false);
        const qint64 csvMs = timer.elapsed();
        QCOMPARE(csv.status, 200);
        QCOMPARE(
            static_cast<int>(csv.body.count("\r\n")) - 1, counts.value(QStringLiteral("usage_report_rows")).toInt());

        const qint64 peak = peakRssKiB(sim.pid());
        qInfo("300k people: generation %lld ms, truth %lld ms, start to listening %lld ms, RSS at start %lld KiB",
            static_cast<long long>(truth.value(QStringLiteral("generation_ms")).toInteger()),
            static_cast<long long>(truth.value(QStringLiteral("truth_ms")).toInteger()), startMs, startRss);
        qInfo("300k people: users %d pages in %lld ms; signInActivity %d pages in %lld ms; one day of sign-ins "
              "(%d events) %d pages in %lld ms; usage report CSV %lld bytes in %lld ms; peak RSS %lld KiB",
            users.pages, usersMs, activity.pages, activityMs, events, signIns.pages, signInsMs,
            static_cast<long long>(csv.body.size()), csvMs, peak);
        QVERIFY(peak > 0);
        QVERIFY2(peak < 1024 * 1024, "the sim held more than 1 GiB");
        QCOMPARE(sim.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TenantSimScaleTest)
#include "tst_tenantsim_scale.moc"

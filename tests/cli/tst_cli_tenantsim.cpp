// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-cli end to end against tenant-sim, as an admin would run it: profile add, login
// with the device code, sync over loopback HTTP into the encrypted store, then the reports —
// compared with the sim's own truth file, which the sim computes from its generated data alone.
// Also: a second sync is incremental (users by delta), and a revoked sign-in ends in exit 3
// with the data of the first sync still readable.
#include "clirunner.h"
#include "secretservice.h"
#include "temphome.h"
#include "tenantsim.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace stocktake;
using testing::runCli;

namespace {

const QString kSimTenant = QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04");
const QString kSimClient = QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70");

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// Rows of a `report … --format json` answer (an object with "rows", or a bare array).
QJsonArray reportRows(const QString &out)
{
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8());
    if (doc.isArray())
        return doc.array();
    return doc.object().value(QStringLiteral("rows")).toArray();
}

QHash<QString, QJsonObject> byKey(const QJsonArray &rows, const QString &key)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : rows)
        out.insert(v.toObject().value(key).toVariant().toString(), v.toObject());
    return out;
}

/// Numbers and decimal strings compare by value. An empty text and null are one thing: the
/// empty cell of METRICS.md (a CSV cannot tell them apart, and JSON mirrors the CSV).
QString canonical(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        return QStringLiteral("null");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 2);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? QString::number(d, 'f', 2) : v.toString();
}

/// Every truth row has our row with the same key, and each listed column holds the same cell;
/// an empty string when all agree, else the first difference.
QString firstDifference(
    const QHash<QString, QJsonObject> &ours, const QHash<QString, QJsonObject> &truth, const QStringList &columns)
{
    if (ours.size() != truth.size())
        return QStringLiteral("%1 rows, truth %2").arg(ours.size()).arg(truth.size());
    for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
        if (!ours.contains(it.key()))
            return QStringLiteral("%1 missing").arg(it.key());
        for (const QString &column : columns) {
            if (!it.value().contains(column) || !ours.value(it.key()).contains(column))
                continue;
            const QString mine = canonical(ours.value(it.key()).value(column));
            const QString expected = canonical(it.value().value(column));
            if (mine != expected)
                return QStringLiteral("%1 %2: %3, truth %4").arg(it.key(), column, mine, expected);
        }
    }
    return {};
}

}  // namespace

class TestCliTenantSim : public QObject {
    Q_OBJECT

    testing::TempHome m_home;
    std::unique_ptr<testing::TenantSim> m_sim;
    QJsonObject m_truth;

    testing::CliRun cli(const QStringList &arguments) { return runCli(m_home.path(), arguments); }

private Q_SLOTS:
    void initTestCase()
    {
        STOCKTAKE_REQUIRE_SECRET_SERVICE();
        m_sim = std::make_unique<testing::TenantSim>(QStringList {QStringLiteral("--users"), QStringLiteral("3000"),
            QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--days"), QStringLiteral("3"),
            QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->error()));
        const QString url = m_sim->baseUrl().toString();
        const auto added = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("sim"),
            QStringLiteral("--tenant"), kSimTenant, QStringLiteral("--client-id"), kSimClient,
            QStringLiteral("--authority"), url, QStringLiteral("--graph"), url});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void loginWithTheDeviceCode()
    {
        const auto login = cli({QStringLiteral("login"), QStringLiteral("--device-code")});
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        // The code and where to enter it go to stderr (CLI.md), never a token.
        QVERIFY2(login.err.contains(QStringLiteral("/devicelogin")), qPrintable(login.err));
        QVERIFY(!login.err.contains(QStringLiteral("sim-at-")));
        QVERIFY(!login.out.contains(QStringLiteral("sim-at-")));
    }

    void firstSyncLandsTheWholeTenant()
    {
        // The sim keeps 3 days of sign-ins: 4 UTC days cover them (Entra's 30 would cost a minute of
        // paced requests for nothing).
        const auto sync = cli({QStringLiteral("sync"), QStringLiteral("--signin-days"), QStringLiteral("4")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.out + sync.err));
        m_truth = readJson(m_sim->truthPath());
        QVERIFY(!m_truth.isEmpty());
        const QJsonObject counts = m_truth.value(QStringLiteral("counts")).toObject();

        const auto status = cli({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QJsonObject rows
            = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("tables")).toObject();
        QCOMPARE(rows.value(QStringLiteral("users")).toInteger(), counts.value(QStringLiteral("users")).toInteger());
        QCOMPARE(rows.value(QStringLiteral("groups")).toInteger(), counts.value(QStringLiteral("groups")).toInteger());
        QCOMPARE(rows.value(QStringLiteral("subscribed_skus")).toInteger(),
            counts.value(QStringLiteral("subscribed_skus")).toInteger());
        QCOMPARE(rows.value(QStringLiteral("service_principals")).toInteger(),
            counts.value(QStringLiteral("service_principals")).toInteger());
        QCOMPARE(rows.value(QStringLiteral("oauth2_grants")).toInteger(),
            counts.value(QStringLiteral("oauth2_permission_grants")).toInteger());
        QCOMPARE(rows.value(QStringLiteral("group_members")).toInteger(),
            counts.value(QStringLiteral("group_members")).toInteger());
    }

    void licenseFiguresMatchTheTruth()
    {
        QVERIFY(!m_truth.isEmpty());
        const auto report = cli({QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--as-of"), m_truth.value(QStringLiteral("as_of")).toString()});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        const auto ours = byKey(reportRows(report.out), QStringLiteral("sku_part_number"));
        const auto truth
            = byKey(m_truth.value(QStringLiteral("licenses")).toArray(), QStringLiteral("sku_part_number"));
        const QStringList figures {QStringLiteral("purchased"), QStringLiteral("assigned"),
            QStringLiteral("unassigned"), QStringLiteral("active"), QStringLiteral("inactive"),
            QStringLiteral("disabled"), QStringLiteral("reclaimable"), QStringLiteral("monthly_waste")};
        const QString difference = firstDifference(ours, truth, figures);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void appInventoryMatchesTheTruth()
    {
        const auto report = cli({QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--as-of"), m_truth.value(QStringLiteral("as_of")).toString()});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        const auto ours = byKey(reportRows(report.out), QStringLiteral("app_key"));
        const auto truth = byKey(m_truth.value(QStringLiteral("apps")).toArray(), QStringLiteral("app_key"));
        const QStringList columns {QStringLiteral("sources"), QStringLiteral("grant_users"),
            QStringLiteral("grant_all"), QStringLiteral("scopes"), QStringLiteral("risky_scopes")};
        const QString difference = firstDifference(ours, truth, columns);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void userRowsMatchTheTruth()
    {
        const QJsonObject users = m_truth.value(QStringLiteral("users")).toObject();
        QVERIFY2(!users.value(QStringLiteral("rows_omitted")).toBool(), "the truth file left out its user rows");
        const auto report = cli({QStringLiteral("report"), QStringLiteral("users"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--as-of"), m_truth.value(QStringLiteral("as_of")).toString()});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        const auto ours = byKey(reportRows(report.out), QStringLiteral("user_id"));
        const auto truth = byKey(users.value(QStringLiteral("rows")).toArray(), QStringLiteral("user_id"));
        const QStringList columns {QStringLiteral("upn"), QStringLiteral("display_name"), QStringLiteral("department"),
            QStringLiteral("job_title"), QStringLiteral("account_enabled"), QStringLiteral("user_type"),
            QStringLiteral("licenses"), QStringLiteral("last_active"), QStringLiteral("apps_30d")};
        const QString difference = firstDifference(ours, truth, columns);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void secondSyncIsIncremental()
    {
        const auto sync = cli({QStringLiteral("sync"), QStringLiteral("--only"), QStringLiteral("users")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.out + sync.err));
        QFile log(m_sim->requestLogPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        int deltaWithToken = 0;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            if (r.value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/users/delta"))
                && !r.value(QStringLiteral("query")).toString().contains(QStringLiteral("latest")))
                ++deltaWithToken;
        }
        QVERIFY2(deltaWithToken >= 1, "the second users sync did not follow its delta link");
        // Each sync with users leaves the snapshot "what changed since the previous sync" reads.
        const auto status = cli({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        const QJsonObject tables
            = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("tables")).toObject();
        QVERIFY(tables.value(QStringLiteral("sync_snapshots")).toInteger() >= 1);
    }

    void aRevokedSignInEndsInExit3AndKeepsTheData()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(m_sim->baseUrl().resolved(QUrl(QStringLiteral("/_sim/revoke-refresh-tokens"))));
        QNetworkReply *reply = network.post(request, QByteArray());
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();

        const auto sync = cli({QStringLiteral("sync"), QStringLiteral("--only"), QStringLiteral("users")});
        QCOMPARE(sync.exitCode, 3);
        QVERIFY2(sync.err.contains(QStringLiteral("login")), qPrintable(sync.err));
        const auto report = cli(
            {QStringLiteral("report"), QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(report.exitCode, 0);
        QCOMPARE(report.out.count(u'\n') - 1,
            m_truth.value(QStringLiteral("counts")).toObject().value(QStringLiteral("users")).toInteger());
    }

    void aTokenThatExpiresMidSyncIsRefreshed()
    {
        // Access tokens live 3 s here and every Graph page takes 200 ms: the sync outlives several.
        testing::TenantSim sim(
            {QStringLiteral("--users"), QStringLiteral("1500"), QStringLiteral("--days"), QStringLiteral("1"),
                QStringLiteral("--token-ttl"), QStringLiteral("3"), QStringLiteral("--latency"), QStringLiteral("200"),
                QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const QString url = sim.baseUrl().toString();
        const auto profile = QStringList {QStringLiteral("--profile"), QStringLiteral("short")};
        const auto added = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("short"),
            QStringLiteral("--tenant"), kSimTenant, QStringLiteral("--client-id"), kSimClient,
            QStringLiteral("--authority"), url, QStringLiteral("--graph"), url});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const auto login = cli(profile + QStringList {QStringLiteral("login"), QStringLiteral("--device-code")});
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        const auto sync
            = cli(profile + QStringList {QStringLiteral("sync"), QStringLiteral("--signin-days"), QStringLiteral("2")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.out + sync.err));

        QFile log(sim.requestLogPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        int tokenPosts = 0;
        int unauthorized = 0;
        for (const QByteArray &line : log.readAll().split('\n')) {
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            if (r.value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/oauth2/v2.0/token")))
                ++tokenPosts;
            if (r.value(QStringLiteral("status")).toInt() == 401)
                ++unauthorized;
        }
        // The device-code polls, then at least one refresh of the expired access token.
        QVERIFY2(tokenPosts >= 3, qPrintable(QString::number(tokenPosts)));
        qInfo("token requests %d, Graph 401 answers %d", tokenPosts, unauthorized);
        QFile truthFile(sim.truthPath());
        QVERIFY(truthFile.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();
        const auto status
            = cli(profile + QStringList {QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject tables
            = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("tables")).toObject();
        QCOMPARE(tables.value(QStringLiteral("users")).toInteger(),
            truth.value(QStringLiteral("counts")).toObject().value(QStringLiteral("users")).toInteger());
    }

    void cleanupTestCase()
    {
        if (m_sim)
            QCOMPARE(m_sim->stop(), 0);
    }
};

QTEST_MAIN(TestCliTenantSim)
#include "tst_cli_tenantsim.moc"

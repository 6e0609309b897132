// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../insights/handmadetenant.h"
#include "clirunner.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"
#include "store/database.h"
#include "temphome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace stocktake;
using testing::runCli;

namespace {

secrets::SecretBytes keychainKey(const QString &entry)
{
    secrets::QtKeychainStore store;
    std::optional<core::Result<secrets::SecretBytes>> key;
    store.read(entry, [&](core::Result<secrets::SecretBytes> r) { key.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return key.has_value(); }, 20000);
    return key && key->ok() ? std::move(key->value()) : secrets::SecretBytes();
}

const QString kLicenseHeader = QStringLiteral("sku_id,sku_part_number,product_name,status,purchased,assigned,"
                                              "assigned_users,unassigned,active,inactive,disabled,reclaimable,"
                                              "unit_price,currency,period,monthly_waste");

}  // namespace

/// `report licenses|apps|users` through stocktake-cli over the hand-made tenant of
/// tests/insights/handmadetenant.h, written into a real keychain profile's database. The CLI
/// has no bundled catalog yet (resources/ has not landed), so product names are part numbers and
/// only `price set` prices are known: ENTERPRISEPACK 100.00 EUR/year and SPE_E5 50.00 EUR/month.
class TestCliReport : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<testing::TempHome> m_home;
    QString home() const { return m_home->path(); }

    void fillDatabase(const QString &extraSql = {})
    {
        const auto add = runCli(home(),
            {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("contoso"), QStringLiteral("--tenant"),
                QStringLiteral("contoso.com")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const QString id = testing::profileId(home(), QStringLiteral("contoso"));
        const QString path = home() + QStringLiteral("/profiles/") + id + QStringLiteral("/stocktake.db");
        auto db = store::Database::open(path, keychainKey(id + QStringLiteral("/database-key")));
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().detail));
        QVERIFY((*db)->exec(testing::handmadeTenantSql()).ok());
        QVERIFY((*db)
                    ->exec(QStringLiteral("INSERT INTO prices (key, amount_minor, currency, period, source, updated) "
                                          "VALUES ('ENTERPRISEPACK', 10000, 'EUR', 'year', 'manual', "
                                          "'2026-11-01T00:00:00Z')"))
                    .ok());
        if (!extraSql.isEmpty())
            QVERIFY((*db)->exec(extraSql).ok());
    }

private Q_SLOTS:
    void initTestCase() { STOCKTAKE_REQUIRE_SECRET_SERVICE(); }
    void init() { m_home = std::make_unique<testing::TempHome>(); }
    void cleanup() { m_home.reset(); }

    void licensesCsvHasTheMetricsColumnsAndHandComputedValues()
    {
        fillDatabase();
        const auto run = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        // Worked out in tst_insights: E3 (4 unassigned + 3 reclaimable) × 100.00/year / 12 = 58.33;
        // E5 over-assigned, all active → 0.00; EMS and POWER_BI_PRO have no price.
        const QString expected = kLicenseHeader + QStringLiteral("\r\n")
            + QStringLiteral(
                "efccb6f7-5641-4e0e-bd10-b4976e1bf68e,EMS,EMS,Enabled,5,2,2,3,0,1,1,2,,,,\r\n"
                "6fd2c87f-b296-42f0-b197-1e91e994b900,ENTERPRISEPACK,ENTERPRISEPACK,Enabled,10,6,5,4,2,2,1,3,"
                "100.00,EUR,year,58.33\r\n"
                "f8a1db68-be16-40ed-86d5-cb42ce701560,POWER_BI_PRO,POWER_BI_PRO,Suspended,0,1,1,0,0,1,0,1,,,,"
                "\r\n"
                "06ebc4ee-1bb5-47dd-8120-11324bc54e06,SPE_E5,SPE_E5,Enabled,2,3,2,0,2,0,0,0,50.00,EUR,month,"
                "0.00\r\n");
        QCOMPARE(run.out, expected);
        // CSV is the default format.
        QCOMPARE(runCli(home(), {QStringLiteral("report"), QStringLiteral("licenses")}).out, expected);
    }

    void licensesJsonHasTheSameKeysInOrderNumbersAndNulls()
    {
        fillDatabase();
        const auto run = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray rows = doc.array();
        QCOMPARE(rows.size(), 4);
        // Keys in the CSV header's order, in every object.
        const QStringList keys = kLicenseHeader.split(u',');
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts).mid(1, 4);
        for (const QString &line : lines) {
            qsizetype at = -1;
            for (const QString &key : keys) {
                const qsizetype next = line.indexOf(u'"' + key + QStringLiteral("\":"));
                QVERIFY2(next > at, qPrintable(key));
                at = next;
            }
        }
        const QJsonObject e3 = rows.at(1).toObject();
        QCOMPARE(e3.keys().size(), keys.size());
        QCOMPARE(e3.value(QStringLiteral("sku_part_number")).toString(), QStringLiteral("ENTERPRISEPACK"));
        QCOMPARE(e3.value(QStringLiteral("purchased")).toInt(), 10);
        QCOMPARE(e3.value(QStringLiteral("assigned_users")).toInt(), 5);
        QCOMPARE(e3.value(QStringLiteral("reclaimable")).toInt(), 3);
        QVERIFY(e3.value(QStringLiteral("monthly_waste")).isDouble());
        QVERIFY(run.out.contains(QStringLiteral("\"monthly_waste\": 58.33}")));
        QCOMPARE(e3.value(QStringLiteral("period")).toString(), QStringLiteral("year"));
        const QJsonObject pbi = rows.at(2).toObject();
        QCOMPARE(pbi.value(QStringLiteral("status")).toString(), QStringLiteral("Suspended"));
        QVERIFY(pbi.value(QStringLiteral("unit_price")).isNull());
        QVERIFY(pbi.value(QStringLiteral("monthly_waste")).isNull());
    }

    void unknownActivityGivesEmptyCellsAndSaysWhy()
    {
        fillDatabase(QStringLiteral("UPDATE sync_state SET available = 0 WHERE entity = 'activity'"));
        const auto run = runCli(home(), {QStringLiteral("report"), QStringLiteral("licenses")});
        QCOMPARE(run.exitCode, 0);
        // active, inactive, reclaimable and monthly_waste empty; disabled 1 still known.
        QVERIFY(run.out.contains(QStringLiteral("6fd2c87f-b296-42f0-b197-1e91e994b900,ENTERPRISEPACK,ENTERPRISEPACK,"
                                                "Enabled,10,6,5,4,,,1,,100.00,EUR,year,\r\n")));
        QVERIFY(run.err.startsWith(QStringLiteral("note: ")));
        QVERIFY(run.err.contains(QStringLiteral("P1")));
        const auto json = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject e3 = QJsonDocument::fromJson(json.out.toUtf8()).array().at(1).toObject();
        QVERIFY(e3.value(QStringLiteral("active")).isNull());
        QVERIFY(e3.value(QStringLiteral("monthly_waste")).isNull());
        QCOMPARE(e3.value(QStringLiteral("disabled")).toInt(), 1);
    }

    void asOfAndInactiveDaysMoveTheWindow()
    {
        fillDatabase();
        // One second after the default as-of, bob falls out: active 1, inactive 3, reclaimable 4,
        // waste (4 + 4) × 10000 / 12 = 6666.67 → 66.67.
        const auto later = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--as-of"),
                QStringLiteral("2026-11-20T12:00:01Z")});
        QCOMPARE(later.exitCode, 0);
        QVERIFY(later.out.contains(
            QStringLiteral(",ENTERPRISEPACK,ENTERPRISEPACK,Enabled,10,6,5,4,1,3,1,4,100.00,EUR,year,66.67\r\n")));
        // 60 days: carol is active again → active 3, inactive 1, reclaimable 2 → (4 + 2) × 10000 / 12 = 50.00.
        const auto wide = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--inactive-days"),
                QStringLiteral("60")});
        QVERIFY(wide.out.contains(
            QStringLiteral(",ENTERPRISEPACK,ENTERPRISEPACK,Enabled,10,6,5,4,3,1,1,2,100.00,EUR,year,50.00\r\n")));
    }

    void usersCsvEscapesFormulasAndQuotes()
    {
        fillDatabase();
        const QString file = home() + QStringLiteral("/users.csv");
        const auto run
            = runCli(home(), {QStringLiteral("report"), QStringLiteral("users"), QStringLiteral("--output"), file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(f.readAll());
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 8);  // header + 7 people (grace is restricted)
        QCOMPARE(lines[0],
            QStringLiteral("user_id,upn,display_name,department,job_title,account_enabled,user_type,"
                           "licenses,last_active,apps_30d"));
        QCOMPARE(lines[3],
            QStringLiteral("u3,carol@contoso.com,Carol Cole,'=SUM(A1),,true,Member,EMS;ENTERPRISEPACK,"
                           "2026-10-21T11:59:59Z,0"));
        QCOMPARE(lines[4],
            QStringLiteral("u4,dave@contoso.com,\"Dave, \"\"the new one\"\"\",,,true,Member,"
                           "ENTERPRISEPACK;POWER_BI_PRO,,0"));
        QVERIFY(!csv.contains(QStringLiteral("grace")));
    }

    void appsReportMergesSources()
    {
        fillDatabase();
        const auto run = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
        // No catalog in the CLI yet, so nothing matches a vendor by app id: 6 service principals,
        // Slack (sign-ins only), Figma (manual, vendor:figma) and the two vendors seen in invoices
        // (vendor:notion, vendor:slack) = 10 rows.
        QStringList keys;
        for (const auto &v : rows)
            keys.append(v.toObject().value(QStringLiteral("app_key")).toString());
        QCOMPARE(keys.size(), 10);
        QVERIFY(keys.contains(QStringLiteral("vendor:slack")));
        QVERIFY(keys.contains(QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001")));
        QVERIFY(keys.contains(QStringLiteral("cccccccc-0000-0000-0000-000000000003")));
        for (const auto &v : rows) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("app_key")).toString()
                == QLatin1StringView("cccccccc-0000-0000-0000-000000000003")) {
                QCOMPARE(
                    o.value(QStringLiteral("sources")).toString(), QStringLiteral("enterprise_app;sso;oauth_grant"));
                QCOMPARE(o.value(QStringLiteral("users_30d")).toInt(), 2);
                QCOMPARE(o.value(QStringLiteral("sign_ins_30d")).toInt(), 5);
                QCOMPARE(o.value(QStringLiteral("grant_users")).toInt(), 2);
                QCOMPARE(o.value(QStringLiteral("last_used")).toString(), QStringLiteral("2026-11-16T15:00:00Z"));
                QVERIFY(o.value(QStringLiteral("first_party")).isBool());
            }
            if (o.value(QStringLiteral("app_key")).toString()
                == QLatin1StringView("bbbbbbbb-0000-0000-0000-000000000002"))
                QCOMPARE(o.value(QStringLiteral("grant_users")).toString(), QStringLiteral("all"));
        }
    }

    void badOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no kind") << QStringList {QStringLiteral("report")};
        QTest::newRow("unknown kind") << QStringList {QStringLiteral("report"), QStringLiteral("groups")};
        QTest::newRow("bad format") << QStringList {
            QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("pdf without the export module") << QStringList {QStringLiteral("report"), QStringLiteral("apps"),
            QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--output"), QStringLiteral("x.pdf")};
        QTest::newRow("bad as-of") << QStringList {QStringLiteral("report"), QStringLiteral("apps"),
            QStringLiteral("--as-of"), QStringLiteral("last tuesday")};
        QTest::newRow("bad inactive days") << QStringList {
            QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--inactive-days"), QStringLiteral("0")};
    }
    void badOptionsAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        const auto run = runCli(home(), arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"

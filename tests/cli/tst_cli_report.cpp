// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../insights/handmadetenant.h"
#include "clirunner.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"
#include "store/database.h"
#include "temphome.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
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

/// Mode 0600: the owner reads and writes, nobody else anything (SECURITY.md C8, E2).
bool isOwnerReadWriteOnly(const QString &file)
{
    const QFileDevice::Permissions p = QFileInfo(file).permissions();
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther | QFileDevice::ExeOwner;
    return p.testFlag(QFileDevice::ReadOwner) && p.testFlag(QFileDevice::WriteOwner) && !(p & others);
}

const QString kLicenseHeader = QStringLiteral("sku_id,sku_part_number,product_name,status,purchased,assigned,"
                                              "assigned_users,unassigned,active,inactive,disabled,reclaimable,"
                                              "unit_price,currency,period,monthly_waste");

}  // namespace

/// `report licenses|apps|users` and `price set` through stocktake-cli over the hand-made tenant of
/// tests/insights/handmadetenant.h, written into a real keychain profile's database. The CLI
/// reads the bundled catalog of resources/: product names from the licensing name table, the
/// list prices (POWER_BI_PRO 14.00 USD/month, …) under the `price set` prices, which win
/// (ENTERPRISEPACK 100.00 EUR/year over 23.00 USD/month, SPE_E5 50.00 EUR/month over 57.00 USD),
/// and the high-privilege scope list.
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
        // Worked out in tst_insights: E3 (4 unassigned + 3 reclaimable) × 100.00/year / 12 = 58.33
        // (the manual price wins over the 23.00 USD list price); E5 over-assigned, all active →
        // 0.00 at the manual 50.00 EUR; POWER_BI_PRO has only its list price: 1 reclaimable ×
        // 14.00 USD = 14.00; EMS has no price at all. Product names from the bundled table.
        const QString expected = kLicenseHeader + QStringLiteral("\r\n")
            + QStringLiteral(
                "efccb6f7-5641-4e0e-bd10-b4976e1bf68e,EMS,Enterprise Mobility + Security E3,Enabled,5,2,2,3,0,1,1,2,"
                ",,,\r\n"
                "6fd2c87f-b296-42f0-b197-1e91e994b900,ENTERPRISEPACK,Office 365 E3,Enabled,10,6,5,4,2,2,1,3,"
                "100.00,EUR,year,58.33\r\n"
                "f8a1db68-be16-40ed-86d5-cb42ce701560,POWER_BI_PRO,Power BI Pro,Suspended,0,1,1,0,0,1,0,1,"
                "14.00,USD,month,14.00\r\n"
                "06ebc4ee-1bb5-47dd-8120-11324bc54e06,SPE_E5,Microsoft 365 E5,Enabled,2,3,2,0,2,0,0,0,50.00,EUR,"
                "month,0.00\r\n");
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
        QVERIFY(run.out.contains(QStringLiteral("\"monthly_waste\":58.33}")));
        QCOMPARE(e3.value(QStringLiteral("product_name")).toString(), QStringLiteral("Office 365 E3"));
        QCOMPARE(e3.value(QStringLiteral("period")).toString(), QStringLiteral("year"));
        const QJsonObject ems = rows.at(0).toObject();
        QVERIFY(ems.value(QStringLiteral("unit_price")).isNull());
        QVERIFY(ems.value(QStringLiteral("monthly_waste")).isNull());
        const QJsonObject pbi = rows.at(2).toObject();
        QCOMPARE(pbi.value(QStringLiteral("status")).toString(), QStringLiteral("Suspended"));
        QCOMPARE(pbi.value(QStringLiteral("product_name")).toString(), QStringLiteral("Power BI Pro"));
        QCOMPARE(pbi.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QVERIFY(run.out.contains(QStringLiteral("\"unit_price\":14.00,")));
    }

    void unknownActivityGivesEmptyCellsAndSaysWhy()
    {
        fillDatabase(QStringLiteral("UPDATE sync_state SET available = 0 WHERE entity = 'activity'"));
        const auto run = runCli(home(), {QStringLiteral("report"), QStringLiteral("licenses")});
        QCOMPARE(run.exitCode, 0);
        // active, inactive, reclaimable and monthly_waste empty; disabled 1 still known.
        QVERIFY(run.out.contains(QStringLiteral("6fd2c87f-b296-42f0-b197-1e91e994b900,ENTERPRISEPACK,Office 365 E3,"
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
            QStringLiteral(",ENTERPRISEPACK,Office 365 E3,Enabled,10,6,5,4,1,3,1,4,100.00,EUR,year,66.67\r\n")));
        // 60 days: carol is active again → active 3, inactive 1, reclaimable 2 → (4 + 2) × 10000 / 12 = 50.00.
        const auto wide = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--inactive-days"),
                QStringLiteral("60")});
        QVERIFY(wide.out.contains(
            QStringLiteral(",ENTERPRISEPACK,Office 365 E3,Enabled,10,6,5,4,3,1,1,2,100.00,EUR,year,50.00\r\n")));
    }

    void theProfilesInactivityWindowIsTheDefault()
    {
        // The window set in the app's Settings (settings.reports.inactive_days) is the default;
        // --inactive-days still wins.
        fillDatabase(QStringLiteral("INSERT INTO settings (key, value) VALUES ('reports.inactive_days', '60')"));
        const auto stored = runCli(home(), {QStringLiteral("report"), QStringLiteral("licenses")});
        QCOMPARE(stored.exitCode, 0);
        QVERIFY(stored.out.contains(
            QStringLiteral(",ENTERPRISEPACK,Office 365 E3,Enabled,10,6,5,4,3,1,1,2,100.00,EUR,year,50.00\r\n")));
        const auto given = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--inactive-days"),
                QStringLiteral("30")});
        QVERIFY(given.out.contains(
            QStringLiteral(",ENTERPRISEPACK,Office 365 E3,Enabled,10,6,5,4,2,2,1,3,100.00,EUR,year,58.33\r\n")));
    }

    void usersCsvEscapesFormulasAndQuotes()
    {
        fillDatabase();
        const QString file = home() + QStringLiteral("/users.csv");
        const auto run
            = runCli(home(), {QStringLiteral("report"), QStringLiteral("users"), QStringLiteral("--output"), file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QVERIFY(isOwnerReadWriteOnly(file));
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
        // The bundled vendors list no app ids yet, so nothing merges by app id: 6 service
        // principals, Slack (sign-ins only), Figma (manual, vendor:figma) and the two vendors seen
        // in invoices (vendor:notion, vendor:slack) = 10 rows. Billing-only rows take the
        // catalog's vendor name and category; granted scopes on the bundled high-privilege list
        // are risky, in the list's spelling.
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
                == QLatin1StringView("cccccccc-0000-0000-0000-000000000003")) {
                // g4's Directory.ReadWrite.All is grace's, who is restricted: left out.
                QCOMPARE(o.value(QStringLiteral("risky_scopes")).toString(), QStringLiteral("Files.ReadWrite.All"));
            }
            if (o.value(QStringLiteral("app_key")).toString()
                == QLatin1StringView("bbbbbbbb-0000-0000-0000-000000000002")) {
                QCOMPARE(o.value(QStringLiteral("grant_users")).toString(), QStringLiteral("all"));
                QCOMPARE(o.value(QStringLiteral("risky_scopes")).toString(), QStringLiteral("Mail.ReadWrite"));
            }
            if (o.value(QStringLiteral("app_key")).toString() == QLatin1StringView("vendor:notion")) {
                QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("Notion"));
                QCOMPARE(o.value(QStringLiteral("vendor")).toString(), QStringLiteral("Notion"));
                QCOMPARE(o.value(QStringLiteral("sources")).toString(), QStringLiteral("billing"));
            }
            if (o.value(QStringLiteral("app_key")).toString()
                == QLatin1StringView("1fec8e78-bce4-4aaf-ab1b-5451cc387264"))
                QCOMPARE(o.value(QStringLiteral("first_party")).toBool(), true);
        }
    }

    void outputFileHoldsJsonWithOwnerOnlyMode()
    {
        fillDatabase();
        const QString file = home() + QStringLiteral("/licenses.json");
        const auto run = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--format=json"),
                QStringLiteral("--output"), file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QVERIFY(isOwnerReadWriteOnly(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        // The same bytes as on standard output.
        QCOMPARE(QString::fromUtf8(bytes),
            runCli(home(),
                {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--format"),
                    QStringLiteral("json")})
                .out);
        QCOMPARE(QJsonDocument::fromJson(bytes).array().size(), 4);
    }

    void failedOutputLeavesNoFileAndSaysWhy()
    {
        fillDatabase();
        const QString file = home() + QStringLiteral("/no-such-folder/users.csv");
        const auto run
            = runCli(home(), {QStringLiteral("report"), QStringLiteral("users"), QStringLiteral("--output"), file});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY(!QFileInfo::exists(file));
    }

    void pdfReportHoldsTheTableAsText()
    {
        fillDatabase();
        const QString file = home() + QStringLiteral("/licenses.pdf");
        const auto run = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("licenses"), QStringLiteral("--format"), QStringLiteral("pdf"),
                QStringLiteral("--output"), file},
            {}, {{QStringLiteral("QT_QPA_PLATFORM"), QString()}});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(isOwnerReadWriteOnly(file));
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
        QVERIFY2(pdftotext.waitForFinished(60000), "pdftotext (poppler-utils) is needed");
        QCOMPARE(pdftotext.exitCode(), 0);
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("License use")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("contoso")));
        QVERIFY(text.contains(QStringLiteral("2026-11-20 12:00 UTC")));  // data as of the users sync
        QVERIFY(text.contains(QStringLiteral("ENTERPRISEPACK")));
        QVERIFY(text.contains(QStringLiteral("Power BI Pro")));
        QVERIFY(text.contains(QStringLiteral("58.33")));
        QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));

        const QString users = home() + QStringLiteral("/users.pdf");
        const auto people = runCli(home(),
            {QStringLiteral("report"), QStringLiteral("users"), QStringLiteral("--format=pdf"),
                QStringLiteral("--output"), users});
        QVERIFY2(people.exitCode == 0, qPrintable(people.err));
        pdftotext.start(QStringLiteral("pdftotext"), {users, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString userText = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY(userText.contains(QStringLiteral("alice@contoso.com")));
        QVERIFY(userText.contains(QStringLiteral("=SUM(A1)")));  // drawn as plain text, as typed
        QVERIFY(!userText.contains(QStringLiteral("grace")));
    }

    void priceSetWinsOverTheListPrice()
    {
        fillDatabase();
        // POWER_BI_PRO: 1 reclaimable seat; the list price is 14.00 USD/month.
        const auto set = runCli(home(),
            {QStringLiteral("price"), QStringLiteral("set"), QStringLiteral("power_bi_pro"), QStringLiteral("9.99"),
                QStringLiteral("eur"), QStringLiteral("--per"), QStringLiteral("year")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QCOMPARE(set.out, QStringLiteral("power_bi_pro: 9.99 EUR per year\n"));
        QVERIFY(set.err.isEmpty());  // a synced SKU: no note
        // 1 × 999 / 12 = 83.25 → 0.83 (one rounding, half up).
        auto report = runCli(home(), {QStringLiteral("report"), QStringLiteral("licenses")});
        QVERIFY(report.out.contains(
            QStringLiteral(",POWER_BI_PRO,Power BI Pro,Suspended,0,1,1,0,0,1,0,1,9.99,EUR,year,0.83\r\n")));
        // Setting it again in another letter case replaces it (keys match case-insensitively).
        const auto again = runCli(home(),
            {QStringLiteral("price"), QStringLiteral("set"), QStringLiteral("POWER_BI_PRO"), QStringLiteral("12")});
        QCOMPARE(again.exitCode, 2);  // no currency
        const auto monthly = runCli(home(),
            {QStringLiteral("price"), QStringLiteral("set"), QStringLiteral("POWER_BI_PRO"), QStringLiteral("12"),
                QStringLiteral("NOK")});
        QCOMPARE(monthly.exitCode, 0);
        QCOMPARE(monthly.out, QStringLiteral("POWER_BI_PRO: 12.00 NOK per month\n"));
        report = runCli(home(), {QStringLiteral("report"), QStringLiteral("licenses")});
        QVERIFY2(report.out.contains(
                     QStringLiteral(",POWER_BI_PRO,Power BI Pro,Suspended,0,1,1,0,0,1,0,1,12.00,NOK,month,12.00\r\n")),
            qPrintable(report.out));

        const QString id = testing::profileId(home(), QStringLiteral("contoso"));
        auto db = store::Database::open(home() + QStringLiteral("/profiles/") + id + QStringLiteral("/stocktake.db"),
            keychainKey(id + QStringLiteral("/database-key")));
        QVERIFY(db.ok());
        QSqlQuery q((*db)->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT key, amount_minor, currency, period, source FROM prices "
                                      "WHERE lower(key) = 'power_bi_pro'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("POWER_BI_PRO"));
        QCOMPARE(q.value(1).toLongLong(), 1200);
        QCOMPARE(q.value(4).toString(), QStringLiteral("manual"));
        QVERIFY(!q.next());

        // A price for something not synced yet is kept, with a note on stderr.
        const auto unknown = runCli(home(),
            {QStringLiteral("price"), QStringLiteral("set"), QStringLiteral("SPE_F1"), QStringLiteral("8"),
                QStringLiteral("USD")});
        QCOMPARE(unknown.exitCode, 0);
        QVERIFY(unknown.err.startsWith(QStringLiteral("note: ")));
    }

    void badOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no kind") << QStringList {QStringLiteral("report")};
        QTest::newRow("unknown kind") << QStringList {QStringLiteral("report"), QStringLiteral("groups")};
        QTest::newRow("bad format") << QStringList {
            QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("pdf without --output") << QStringList {
            QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--format"), QStringLiteral("pdf")};
        QTest::newRow("empty output") << QStringList {
            QStringLiteral("report"), QStringLiteral("apps"), QStringLiteral("--output="), QStringLiteral("x")};
        QTest::newRow("price without set") << QStringList {
            QStringLiteral("price"), QStringLiteral("SPE_E5"), QStringLiteral("10"), QStringLiteral("EUR")};
        QTest::newRow("price bad currency") << QStringList {QStringLiteral("price"), QStringLiteral("set"),
            QStringLiteral("SPE_E5"), QStringLiteral("10"), QStringLiteral("EURO")};
        QTest::newRow("price comma decimal") << QStringList {QStringLiteral("price"), QStringLiteral("set"),
            QStringLiteral("SPE_E5"), QStringLiteral("10,50"), QStringLiteral("EUR")};
        QTest::newRow("price too many decimals") << QStringList {QStringLiteral("price"), QStringLiteral("set"),
            QStringLiteral("SPE_E5"), QStringLiteral("10.505"), QStringLiteral("EUR")};
        QTest::newRow("price negative") << QStringList {QStringLiteral("price"), QStringLiteral("set"),
            QStringLiteral("SPE_E5"), QStringLiteral("-1.00"), QStringLiteral("EUR")};
        QTest::newRow("price bad period")
            << QStringList {QStringLiteral("price"), QStringLiteral("set"), QStringLiteral("SPE_E5"),
                   QStringLiteral("1.00"), QStringLiteral("EUR"), QStringLiteral("--per"), QStringLiteral("week")};
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

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "handmadetenant.h"
#include "insights/appreport.h"
#include "insights/changes.h"
#include "insights/licensereport.h"
#include "insights/reporttable.h"
#include "insights/runrate.h"
#include "insights/userreport.h"
#include "insightstesting.h"
#include "store/database.h"
#include "temphome.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace stocktake;
using testing::cells;
using testing::rowText;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

}  // namespace

/// METRICS.md's figures over the hand-made tenant of handmadetenant.h; every expected number is
/// worked out by hand in the comments.
class TestInsights : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<testing::TempHome> m_home;
    std::unique_ptr<store::Database> m_db;
    insights::InsightsCatalog m_catalog = testing::handmadeCatalog();

    void exec(const QString &sql) { QVERIFY2(m_db->exec(sql).ok(), qPrintable(m_db->exec(sql).error().detail)); }

    QStringList licenseRow(const insights::LicenseReport &report, const QString &part)
    {
        const insights::ReportTable table = insights::toTable(report);
        for (const auto &row : table.rows) {
            if (testing::cellText(row[1]) == part)
                return rowText(row);
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<testing::TempHome>();
        auto db = store::Database::open(m_home->filePath(QStringLiteral("tenant.db")), secrets::SecretBytes::random(32),
            {store::Database::Mode::Create});
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().detail));
        m_db = std::move(*db);
        exec(testing::handmadeTenantSql());
    }
    void cleanup()
    {
        m_db.reset();
        m_home.reset();
    }

    void asOfDefaultsToTheLastUsersSync()
    {
        const auto context = insights::resolveContext(*m_db, {});
        QVERIFY(context.ok());
        QCOMPARE(context->asOf, utc("2026-11-20T12:00:00Z"));
        QCOMPARE(context->inactiveSince(), utc("2026-10-21T12:00:00Z"));
        QVERIFY(context->activityKnown);
        QVERIFY(context->activityReason.isEmpty());
    }

    void noUsersSyncAndNoAsOfIsAPlainError()
    {
        exec(QStringLiteral("DELETE FROM sync_state WHERE entity = 'users'"));
        const auto report = insights::licenseReport(*m_db, m_catalog, {});
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, QStringLiteral("insights.no_sync"));
        QVERIFY(report.error().userMessage.contains(QStringLiteral("sync")));
        // --as-of still works without a sync.
        QVERIFY(insights::licenseReport(*m_db, m_catalog, {utc("2026-11-20T12:00:00Z"), 30}).ok());
    }

    void asOfDateMeansTheEndOfThatUtcDay()
    {
        QCOMPARE(*insights::parseAsOf(QStringLiteral("2026-11-01")), utc("2026-11-01T23:59:59Z"));
        QCOMPARE(*insights::parseAsOf(QStringLiteral("2026-11-01T10:00:00+02:00")), utc("2026-11-01T08:00:00Z"));
        QCOMPARE(*insights::parseAsOf(QStringLiteral("2026-11-01T10:00:00")), utc("2026-11-01T10:00:00Z"));
        QVERIFY(!insights::parseAsOf(QStringLiteral("yesterday")));
        QVERIFY(!insights::parseAsOf(QStringLiteral("2026-13-01")));
    }

    void licenseColumnsAreTheMetricsColumnsInOrder()
    {
        const auto report = insights::licenseReport(*m_db, m_catalog, {});
        QVERIFY(report.ok());
        QCOMPARE(insights::toTable(*report).columns,
            QStringLiteral("sku_id,sku_part_number,product_name,status,purchased,assigned,assigned_users,unassigned,"
                           "active,inactive,disabled,reclaimable,unit_price,currency,period,monthly_waste")
                .split(u','));
        QStringList order;
        for (const auto &row : report->rows)
            order.append(row.skuPartNumber);
        QCOMPARE(order, QStringLiteral("EMS,ENTERPRISEPACK,POWER_BI_PRO,SPE_E5").split(u','));
    }

    void licenseFigures_data()
    {
        QTest::addColumn<QString>("part");
        QTest::addColumn<QStringList>("expected");
        // EMS: purchased 5, consumed 2 → unassigned 3. Holders carol (enabled, last sign-in one
        // second before the window → inactive) and erin (disabled) → active 0, inactive 1,
        // disabled 1, reclaimable 2. List price 8.20 EUR/month → (3 + 2) × 8.20 = 41.00.
        QTest::newRow("monthly list price")
            << QStringLiteral("EMS")
            << cells("efccb6f7-5641-4e0e-bd10-b4976e1bf68e|EMS|Enterprise Mobility + Security E3|Enabled|5|2|2|3|0|1|1|"
                     "2|8.20|EUR|month|41.00");
        // ENTERPRISEPACK: purchased 10, consumed 6 → unassigned 4. Holders alice (active 11-20),
        // bob (last success exactly at as_of − 30 d: inclusive → active), carol (1 s before →
        // inactive), dave (never signed in → inactive), erin (disabled); grace is restricted and
        // left out → assigned_users 5, active 2, inactive 2, disabled 1, reclaimable 3.
        // List price 100.00 EUR/year: (4 + 3) × 10000 = 70000 minor / 12 = 5833.33 → 58.33 (one
        // rounding; rounding the unit first would give 833 × 7 = 58.31).
        QTest::newRow("yearly list price, edge, never signed in, disabled, restricted")
            << QStringLiteral("ENTERPRISEPACK")
            << cells("6fd2c87f-b296-42f0-b197-1e91e994b900|ENTERPRISEPACK|Office 365 E3|Enabled|10|6|5|4|2|2|1|3|"
                     "100.00|EUR|year|58.33");
        // POWER_BI_PRO: suspended, prepaidUnits.enabled 0 (5 suspended), consumed 1 → unassigned
        // max(0 − 1, 0) = 0. Holder dave (never) → inactive 1, reclaimable 1. No name in the table
        // → the part number; no price → unit price and waste empty.
        QTest::newRow("suspended, no price")
            << QStringLiteral("POWER_BI_PRO")
            << cells("f8a1db68-be16-40ed-86d5-cb42ce701560|POWER_BI_PRO|POWER_BI_PRO|Suspended|0|1|1|0|0|1|0|1||||");
        // SPE_E5: purchased 2 < consumed 3 → unassigned 0. Holders alice and frank (a guest,
        // last non-interactive 11-01 → active) → assigned_users 2 (≠ assigned 3), active 2,
        // reclaimable 0. `price set` 50.00 EUR/month overrides the 57.00 USD list price; waste
        // (0 + 0) × 50.00 = 0.00, a known zero.
        QTest::newRow("over-assigned, guest, manual price")
            << QStringLiteral("SPE_E5")
            << cells("06ebc4ee-1bb5-47dd-8120-11324bc54e06|SPE_E5|Microsoft 365 E5|Enabled|2|3|2|0|2|0|0|0|50.00|EUR|"
                     "month|0.00");
    }
    void licenseFigures()
    {
        QFETCH(QString, part);
        QFETCH(QStringList, expected);
        const auto report = insights::licenseReport(*m_db, m_catalog, {});
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().detail));
        QCOMPARE(licenseRow(*report, part), expected);
    }

    void manualPriceIsMarkedManualAndListPriceList()
    {
        const auto report = insights::licenseReport(*m_db, m_catalog, {});
        QVERIFY(report.ok());
        for (const auto &row : report->rows) {
            if (row.skuPartNumber == QLatin1StringView("SPE_E5"))
                QCOMPARE(row.unitPrice->source, insights::UnitPrice::Source::Manual);
            if (row.skuPartNumber == QLatin1StringView("EMS"))
                QCOMPARE(row.unitPrice->source, insights::UnitPrice::Source::List);
        }
    }

    void windowEdgeMovesWithAsOf()
    {
        // One second later, bob's last activity (2026-10-21T12:00:00Z) falls out of the window:
        // ENTERPRISEPACK active 2 → 1, inactive 2 → 3, reclaimable 3 → 4; waste (4 + 4) × 10000
        // / 12 = 6666.67 → 66.67.
        const auto report = insights::licenseReport(*m_db, m_catalog, {utc("2026-11-20T12:00:01Z"), 30});
        QVERIFY(report.ok());
        QCOMPARE(licenseRow(*report, QStringLiteral("ENTERPRISEPACK")).mid(8), cells("1|3|1|4|100.00|EUR|year|66.67"));
        // A 60-day window takes carol (10-21) back in, and erin stays disabled: active 3 (alice,
        // bob, carol), inactive 1 (dave), reclaimable 2.
        const auto wide = insights::licenseReport(*m_db, m_catalog, {std::nullopt, 60});
        QVERIFY(wide.ok());
        QCOMPARE(licenseRow(*wide, QStringLiteral("ENTERPRISEPACK")).mid(8, 4), cells("3|1|1|2"));
    }

    void unknownActivityLeavesActivityFiguresEmptyNeverZero()
    {
        // The activity pass came back unavailable (no Entra ID P1): the users still carry old dates.
        exec(QStringLiteral("UPDATE sync_state SET available = 0 WHERE entity = 'activity'"));
        const auto report = insights::licenseReport(*m_db, m_catalog, {});
        QVERIFY(report.ok());
        QVERIFY(!report->context.activityKnown);
        QVERIFY(report->context.activityReason.contains(QStringLiteral("P1")));
        // EMS: active, inactive, reclaimable and monthly_waste empty; disabled (1) is still known,
        // and so are the counts and the price.
        QCOMPARE(licenseRow(*report, QStringLiteral("EMS")),
            cells("efccb6f7-5641-4e0e-bd10-b4976e1bf68e|EMS|Enterprise Mobility + Security E3|Enabled|5|2|2|3|||1||"
                  "8.20|EUR|month|"));
        for (const auto &row : report->rows) {
            QVERIFY(!row.active && !row.inactive && !row.reclaimable && !row.monthlyWaste);
        }
        QCOMPARE(insights::toTable(*report).note, report->context.activityReason);
        // The users report has no last_active either, and says why.
        const auto users = insights::userReport(*m_db, {});
        QVERIFY(users.ok());
        QVERIFY(!users->context.activityKnown);
        for (const auto &row : users->rows)
            QVERIFY(!row.lastActive.isValid());
        // The reclaim list keeps only the disabled holders (erin), not the "inactive" ones.
        const auto reclaim
            = insights::skuReclaimList(*m_db, report->context, QStringLiteral("6fd2c87f-b296-42f0-b197-1e91e994b900"));
        QVERIFY(reclaim.ok());
        QCOMPARE(reclaim->size(), 1);
        QCOMPARE(reclaim->front().userId, QStringLiteral("u5"));
    }

    void tenantWithoutAnyActivityIsUnknown()
    {
        // No activity pass recorded and nobody carries signInActivity: unknown as well.
        exec(QStringLiteral("DELETE FROM sync_state WHERE entity = 'activity'; "
                            "UPDATE users SET sign_in_activity_available = 0, last_sign_in = NULL, "
                            "last_non_interactive_sign_in = NULL, last_successful_sign_in = NULL"));
        const auto report = insights::licenseReport(*m_db, m_catalog, {});
        QVERIFY(report.ok());
        QVERIFY(!report->context.activityKnown);
        QVERIFY(!report->context.activityReason.isEmpty());
        QCOMPARE(licenseRow(*report, QStringLiteral("ENTERPRISEPACK")).mid(8), cells("||1||100.00|EUR|year|"));
    }

    void monthlyCostRoundsOnceAtTheEnd_data()
    {
        QTest::addColumn<qint64>("units");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<bool>("yearly");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("monthly is exact") << qint64(3) << qint64(820) << false << qint64(2460);
        QTest::newRow("7 × 100.00/year = 58.33, not 58.31") << qint64(7) << qint64(10000) << true << qint64(5833);
        QTest::newRow("half rounds up: 6 × 0.01/year = 0.005 → 0.01") << qint64(6) << qint64(1) << true << qint64(1);
        QTest::newRow("below half rounds down: 5 × 0.01/year") << qint64(5) << qint64(1) << true << qint64(0);
        QTest::newRow("zero units") << qint64(0) << qint64(10000) << true << qint64(0);
        QTest::newRow("12 units of a yearly price are one yearly price")
            << qint64(12) << qint64(12345) << true << qint64(12345);
    }
    void monthlyCostRoundsOnceAtTheEnd()
    {
        QFETCH(qint64, units);
        QFETCH(qint64, amount);
        QFETCH(bool, yearly);
        QFETCH(qint64, expected);
        const insights::UnitPrice price {core::Money(amount, *core::Currency::fromCode(u"EUR")),
            yearly ? insights::UnitPrice::Period::Year : insights::UnitPrice::Period::Month,
            insights::UnitPrice::Source::Manual};
        const auto cost = insights::monthlyCost(units, price);
        QVERIFY(cost);
        QCOMPARE(cost->minorUnits(), expected);
    }

    void reclaimListHoldsInactiveAndDisabledHolders()
    {
        const auto context = insights::resolveContext(*m_db, {});
        QVERIFY(context.ok());
        const auto rows
            = insights::skuReclaimList(*m_db, *context, QStringLiteral("6fd2c87f-b296-42f0-b197-1e91e994b900"));
        QVERIFY(rows.ok());
        // Never signed in first, then the least recently active: dave, erin (09-01, disabled),
        // carol (10-21T11:59:59). alice and bob are active; grace is restricted.
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0).userId, QStringLiteral("u4"));
        QCOMPARE(rows->at(0).reason, insights::ReclaimRow::Reason::Inactive);
        QVERIFY(!rows->at(0).lastActive.isValid());
        QCOMPARE(rows->at(1).userId, QStringLiteral("u5"));
        QCOMPARE(rows->at(1).reason, insights::ReclaimRow::Reason::Disabled);
        QCOMPARE(rows->at(1).lastActive, utc("2026-09-01T00:00:00Z"));
        QCOMPARE(rows->at(2).userId, QStringLiteral("u3"));
        QCOMPARE(rows->at(2).lastActive, utc("2026-10-21T11:59:59Z"));
    }

    void activityEvidenceShowsTheRawValues()
    {
        const auto alice = insights::activityEvidence(*m_db, QStringLiteral("u1"));
        QVERIFY(alice.ok() && alice->has_value());
        const insights::ActivityEvidence &e = **alice;
        QVERIFY(e.available);
        QCOMPARE(e.lastSignIn, utc("2026-11-19T09:00:00Z"));
        QCOMPARE(e.lastNonInteractiveSignIn, utc("2026-11-20T08:00:00Z"));
        QCOMPARE(e.lastSuccessfulSignIn, utc("2026-11-19T09:00:00Z"));
        QCOMPARE(e.lastActive, utc("2026-11-20T08:00:00Z"));  // the latest of the three
        QCOMPARE(e.fetchedAt, utc("2026-11-20T12:00:00Z"));
        const auto dave = insights::activityEvidence(*m_db, QStringLiteral("u4"));
        QVERIFY(dave.ok() && dave->has_value());
        QVERIFY(!(*dave)->lastActive.isValid());
        // Restricted or unknown people have no evidence to show.
        QVERIFY(!insights::activityEvidence(*m_db, QStringLiteral("u7"))->has_value());
        QVERIFY(!insights::activityEvidence(*m_db, QStringLiteral("nobody"))->has_value());
        const auto licenses = insights::licenseReport(*m_db, m_catalog, {});
        QCOMPARE(licenses->rows.front().fetchedAt, utc("2026-11-20T12:00:00Z"));
    }

    /// users.last_active (schema 6, the column the Users page sorts on through its indexes) is
    /// the same figure as lastActiveSql(), for every mix of present and absent datetimes.
    void lastActiveColumnIsTheLastActivityExpression()
    {
        exec(QStringLiteral(
            "INSERT INTO users (id, upn, fetched_at, last_sign_in, last_non_interactive_sign_in, "
            "last_successful_sign_in) VALUES "
            "('la1', 'la1@x', '2026-11-20T12:00:00Z', NULL, NULL, NULL),"
            "('la2', 'la2@x', '2026-11-20T12:00:00Z', '2026-11-01T00:00:00Z', NULL, NULL),"
            "('la3', 'la3@x', '2026-11-20T12:00:00Z', NULL, '2026-11-02T00:00:00Z', '2026-10-01T00:00:00Z'),"
            "('la4', 'la4@x', '2026-11-20T12:00:00Z', '2026-11-03T00:00:00Z', '2026-11-01T00:00:00Z', "
            "'2026-11-05T00:00:00Z')"));
        QSqlQuery q(m_db->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(u.last_active IS NOT %1), sum(u.last_active IS NULL) "
                                      "FROM users u")
                           .arg(insights::lastActiveSql())));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 4);
        QCOMPARE(q.value(1).toInt(), 0);
        QVERIFY(q.value(2).toInt() >= 1);
        QVERIFY(q.exec(QStringLiteral("SELECT last_active FROM users WHERE id = 'la4'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("2026-11-05T00:00:00Z"));
    }

    /// users.licenses (schema 6) follows user_licenses and subscribed_skus through its triggers,
    /// whoever writes them: part numbers in order, the SKU id while the SKU is unknown, '' for none.
    void usersLicensesFollowAssignmentsAndSkus()
    {
        exec(QStringLiteral(
            "INSERT INTO users (id, upn, fetched_at) VALUES ('lic1', 'lic1@x', '2026-11-20T12:00:00Z')"));
        const auto licensesOf = [this]() {
            QSqlQuery q(m_db->sql());
            return q.exec(QStringLiteral("SELECT licenses FROM users WHERE id = 'lic1'")) && q.next()
                ? q.value(0).toString()
                : QStringLiteral("<none>");
        };
        QCOMPARE(licensesOf(), QString());
        exec(QStringLiteral("INSERT INTO user_licenses (user_id, sku_id) VALUES ('lic1', 'zz-unknown-sku')"));
        QCOMPARE(licensesOf(), QStringLiteral("zz-unknown-sku"));
        exec(QStringLiteral("INSERT INTO subscribed_skus (sku_id, id, sku_part_number, capability_status, "
                            "consumed_units, prepaid_enabled, fetched_at) VALUES ('zz-unknown-sku', 't_zz', "
                            "'AAA_FIRST', 'Enabled', 1, 1, '2026-11-20T12:00:00Z')"));
        QCOMPARE(licensesOf(), QStringLiteral("AAA_FIRST"));
        QSqlQuery existing(m_db->sql());
        QVERIFY(existing.exec(QStringLiteral("SELECT sku_id, sku_part_number FROM subscribed_skus "
                                             "WHERE sku_part_number = 'ENTERPRISEPACK'"))
            && existing.next());
        exec(QStringLiteral("INSERT INTO user_licenses (user_id, sku_id) VALUES ('lic1', '%1')")
                 .arg(existing.value(0).toString()));
        QCOMPARE(licensesOf(), QStringLiteral("AAA_FIRST;ENTERPRISEPACK"));
        exec(QStringLiteral("UPDATE subscribed_skus SET sku_part_number = 'ZZZ_LAST' WHERE sku_id = 'zz-unknown-sku'"));
        QCOMPARE(licensesOf(), QStringLiteral("ENTERPRISEPACK;ZZZ_LAST"));
        exec(QStringLiteral("DELETE FROM user_licenses WHERE user_id = 'lic1'"));
        QCOMPARE(licensesOf(), QString());
    }

    void appColumnsAreTheMetricsColumnsInOrder()
    {
        const auto report = insights::appReport(*m_db, m_catalog, {});
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().detail));
        QCOMPARE(insights::toTable(*report).columns,
            QStringLiteral("app_key,name,vendor,category,sources,first_party,users_30d,sign_ins_30d,last_used,"
                           "grant_users,risky_scopes,annual_spend,currency")
                .split(u','));
        QStringList names;
        for (const auto &row : report->rows)
            names.append(row.name);
        // One row per application, by name: the two Adobe app ids are one row.
        QCOMPARE(names,
            QStringLiteral("Adobe,Contoso Mailer,Figma (design team),Microsoft Graph,Microsoft Teams,Notion,"
                           "Slack,Zoom")
                .split(u','));
    }

    void appFigures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("expected");
        // Two app ids of the catalog vendor adobe merged into one row keyed by the smaller id.
        // People in 30 days: alice (both apps, counted once) and heidi → 2; sign-ins 1 + 1 + 1 = 3;
        // last used heidi's 11-12T11:00.
        QTest::newRow("merged by vendor")
            << QStringLiteral("Adobe")
            << cells("dddddddd-0000-0000-0000-000000000004|Adobe|Adobe|Creative|enterprise_app;sso|false|2|3|"
                     "2026-11-12T11:00:00Z|0|||");
        // Seen only through its grant (and the service principal every grant's client has): an
        // admin consented for everyone → `all`; Mail.ReadWrite is high-privilege, User.Read not.
        QTest::newRow("grant only, AllPrincipals")
            << QStringLiteral("Contoso Mailer")
            << cells("bbbbbbbb-0000-0000-0000-000000000002|Contoso Mailer|||enterprise_app;oauth_grant|false|0|0||all|"
                     "Mail.ReadWrite||");
        QTest::newRow("added by hand") << QStringLiteral("Figma (design team)")
                                       << cells("vendor:figma|Figma (design team)|Figma|Design|manual|false|0|0||0|||");
        // Owned by Microsoft's tenant → first-party; the grants' resource, never signed in to.
        QTest::newRow("first-party resource")
            << QStringLiteral("Microsoft Graph")
            << cells("00000003-0000-0000-c000-000000000000|Microsoft Graph|||enterprise_app|true|0|0||0|||");
        QTest::newRow("first-party with sign-ins")
            << QStringLiteral("Microsoft Teams")
            << cells("1fec8e78-bce4-4aaf-ab1b-5451cc387264|Microsoft Teams|||enterprise_app;sso|true|1|2|"
                     "2026-11-20T10:00:00Z|0|||");
        // Found only in billing: yearly invoices 2025-03-01 and 2026-03-01 (gap 365 d → yearly)
        // → run-rate 960.00 × 1.
        QTest::newRow("billing only") << QStringLiteral(
            "Notion") << cells("vendor:notion|Notion|Notion|Productivity|billing|false|0|0||0||960.00|EUR");
        // SSO only (no service principal; name from the sign-in): alice 3 sign-ins on 11-19 and
        // bob 2 on 10-21 at exactly the window's start count; carol's at 11:59:59 that day,
        // heidi's of 09-01 and restricted grace's do not → 2 people, 5 sign-ins. Invoices S-8…S-11
        // a month apart (S-11 twice, once) → monthly; S-12 is after as_of → run-rate 1250.00 × 12.
        QTest::newRow("sso only, billed monthly")
            << QStringLiteral("Slack")
            << cells("aaaaaaaa-0000-0000-0000-000000000001|Slack|Slack|Collaboration|sso;billing|false|2|5|"
                     "2026-11-19T09:00:00Z|0||15000.00|USD");
        // SSO and grants: heidi 1 + frank 4 sign-ins (dave's failures do not count); Principal
        // grants of alice and heidi → 2 (grace's is left out, and with it Directory.ReadWrite.All).
        QTest::newRow("sso and grants, Principal")
            << QStringLiteral("Zoom")
            << cells("cccccccc-0000-0000-0000-000000000003|Zoom|Zoom|Meetings|enterprise_app;sso;oauth_grant|false|2|5|"
                     "2026-11-16T15:00:00Z|2|Files.ReadWrite.All||");
    }
    void appFigures()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, expected);
        const auto report = insights::appReport(*m_db, m_catalog, {});
        QVERIFY(report.ok());
        const insights::ReportTable table = insights::toTable(*report);
        QStringList actual;
        for (const auto &row : table.rows) {
            if (testing::cellText(row[1]) == name)
                actual = rowText(row);
        }
        QCOMPARE(actual, expected);
    }

    void appDrillDowns()
    {
        const auto report = insights::appReport(*m_db, m_catalog, {});
        QVERIFY(report.ok());
        const auto zoom = std::find_if(report->rows.cbegin(), report->rows.cend(),
            [](const insights::AppRow &r) { return r.name == QLatin1StringView("Zoom"); });
        QVERIFY(zoom != report->rows.cend());
        const auto users = insights::appUsers(*m_db, report->context, zoom->appIds);
        QVERIFY(users.ok());
        // frank (11-16, 4 sign-ins) then heidi (11-15, 1); dave only failed.
        QCOMPARE(users->size(), 2);
        QCOMPARE(users->at(0).upn, QStringLiteral("frank_fabrikam.com#EXT#@contoso.com"));
        QCOMPARE(users->at(0).signIns30d, qint64(4));
        QCOMPARE(users->at(1).upn, QStringLiteral("heidi@contoso.com"));
        QCOMPARE(users->at(1).lastUsed, utc("2026-11-15T10:00:00Z"));
        const auto grants = insights::appGrants(*m_db, m_catalog, zoom->appIds);
        QVERIFY(grants.ok());
        QCOMPARE(grants->size(), 2);  // grace's grant is left out
        QCOMPARE(grants->at(0).principalUpn, QStringLiteral("alice@contoso.com"));
        QCOMPARE(grants->at(0).resource, QStringLiteral("Microsoft Graph"));
        QCOMPARE(grants->at(0).riskyScopes, QStringList {QStringLiteral("Files.ReadWrite.All")});
        QCOMPARE(grants->at(1).principalUpn, QStringLiteral("heidi@contoso.com"));
        QVERIFY(grants->at(1).riskyScopes.isEmpty());
        QCOMPARE(zoom->sources, QStringLiteral("enterprise_app,sso,oauth_grant").split(u','));
        // The merged Adobe row drills into both of its app ids: alice and heidi.
        const auto adobe = std::find_if(report->rows.cbegin(), report->rows.cend(),
            [](const insights::AppRow &r) { return r.name == QLatin1StringView("Adobe"); });
        QCOMPARE(adobe->appIds.size(), 2);
        QCOMPARE(insights::appUsers(*m_db, report->context, adobe->appIds)->size(), 2);
        // A table row only carries app_key: appIdsForKey gives back the merged ids.
        for (const auto &row : report->rows)
            QCOMPARE(*insights::appIdsForKey(*m_db, m_catalog, row.appKey), row.appIds);
    }

    void userFigures_data()
    {
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QStringList>("expected");
        // last_active is the latest of the three: the non-interactive 11-20T08:00. apps_30d:
        // Slack, Teams and both Adobe app ids = 4 (Zoom only by grant).
        QTest::newRow("latest of three dates")
            << QStringLiteral("u1")
            << cells("u1|alice@contoso.com|Alice Archer|Sales|Account Manager|true|Member|ENTERPRISEPACK;SPE_E5|"
                     "2026-11-20T08:00:00Z|4");
        QTest::newRow("edge") << QStringLiteral(
            "u2") << cells("u2|bob@contoso.com|Bob Baker|IT||true|Member|ENTERPRISEPACK|2026-10-21T12:00:00Z|1");
        QTest::newRow("sign-in just before the window")
            << QStringLiteral("u3")
            << cells("u3|carol@contoso.com|Carol Cole|=SUM(A1)||true|Member|EMS;ENTERPRISEPACK|2026-10-21T11:59:59Z|0");
        QTest::newRow("never signed in, only failures") << QStringLiteral(
            "u4") << cells("u4|dave@contoso.com|Dave, \"the new one\"|||true|Member|ENTERPRISEPACK;POWER_BI_PRO||0");
        QTest::newRow("disabled") << QStringLiteral(
            "u5") << cells("u5|erin@contoso.com|Erin Ernst|||false|Member|EMS;ENTERPRISEPACK|2026-09-01T00:00:00Z|0");
        QTest::newRow("guest")
            << QStringLiteral("u6")
            << cells("u6|frank_fabrikam.com#EXT#@contoso.com|Frank Guest|||true|Guest|SPE_E5|2026-11-01T00:00:00Z|1");
        // Zoom 11-15 and Adobe CC 11-12; Slack of 09-01 is outside 30 days.
        QTest::newRow("no licenses") << QStringLiteral("u8")
                                     << cells("u8|heidi@contoso.com|Heidi Hall|||true|Member||2026-11-16T09:00:00Z|2");
    }
    void userFigures()
    {
        QFETCH(QString, userId);
        QFETCH(QStringList, expected);
        const auto report = insights::userReport(*m_db, {});
        QVERIFY(report.ok());
        const insights::ReportTable table = insights::toTable(*report);
        QCOMPARE(table.columns,
            QStringLiteral("user_id,upn,display_name,department,job_title,account_enabled,user_type,licenses,"
                           "last_active,apps_30d")
                .split(u','));
        QStringList actual;
        for (const auto &row : table.rows) {
            if (testing::cellText(row[0]) == userId)
                actual = rowText(row);
        }
        QCOMPARE(actual, expected);
    }

    void userDrillDowns()
    {
        const auto context = insights::resolveContext(*m_db, {});
        QVERIFY(context.ok());
        const auto licenses = insights::userLicenses(*m_db, m_catalog, QStringLiteral("u1"));
        QVERIFY(licenses.ok());
        QCOMPARE(licenses->size(), 2);
        QCOMPARE(licenses->at(0).productName, QStringLiteral("Office 365 E3"));
        QCOMPARE(licenses->at(1).skuPartNumber, QStringLiteral("SPE_E5"));
        const auto apps = insights::userApps(*m_db, *context, QStringLiteral("u1"));
        QVERIFY(apps.ok());
        QStringList names;
        for (const auto &a : *apps)
            names.append(a.name);
        // The most recent first; Slack named from its sign-in, the others by service principal.
        QCOMPARE(names, QStringLiteral("Microsoft Teams,Slack,Adobe Acrobat Sign,Adobe Creative Cloud").split(u','));
        QCOMPARE(apps->at(1).signIns30d, qint64(3));
    }

    void restrictedSubjectIsLeftOutOfEveryReport()
    {
        const auto users = insights::userReport(*m_db, {});
        QVERIFY(users.ok());
        QCOMPARE(users->rows.size(), 7);  // 8 people, grace restricted
        for (const auto &row : users->rows)
            QVERIFY(row.userId != QLatin1StringView("u7"));
        QVERIFY(insights::userLicenses(*m_db, m_catalog, QStringLiteral("u7"))->isEmpty());
        const auto context = insights::resolveContext(*m_db, {});
        QVERIFY(insights::userApps(*m_db, *context, QStringLiteral("u7"))->isEmpty());
        // Lifting the restriction brings her back: E3 assigned_users 5 → 6, grace disabled →
        // disabled 1 → 2; Slack users 2 → 3; Zoom grant_users 2 → 3 and Directory.ReadWrite.All.
        exec(QStringLiteral("DELETE FROM subject_restriction"));
        const auto licenses = insights::licenseReport(*m_db, m_catalog, {});
        QCOMPARE(licenseRow(*licenses, QStringLiteral("ENTERPRISEPACK")).mid(6, 6), cells("6|4|2|2|2|4"));
        const auto apps = insights::appReport(*m_db, m_catalog, {});
        for (const auto &row : apps->rows) {
            if (row.name == QLatin1StringView("Slack"))
                QCOMPARE(row.users30d, qint64(3));
            if (row.name == QLatin1StringView("Zoom")) {
                QCOMPARE(row.grantUsers, qint64(3));
                QCOMPARE(row.riskyScopes.join(u';'), QStringLiteral("Directory.ReadWrite.All;Files.ReadWrite.All"));
            }
        }
    }

    void changesSincePreviousSyncListNewAppsGrantsAndLicenseCounts()
    {
        // No snapshot yet: nothing to compare, nothing listed.
        auto none = insights::changesSincePreviousSync(*m_db, m_catalog);
        QVERIFY(none.ok());
        QVERIFY(!none->previousAsOf.isValid());
        QVERIFY(none->newApps.isEmpty() && none->newGrants.isEmpty() && none->skuChanges.isEmpty());
        // The sync of 2026-11-20 keeps its snapshot; compared with itself there is still no
        // older one.
        QVERIFY(insights::recordSyncSnapshot(*m_db, m_catalog).ok());
        QVERIFY(!insights::changesSincePreviousSync(*m_db, m_catalog)->previousAsOf.isValid());
        // The next day's sync: a new app with an admin grant, Zoom's grant for heidi widened to
        // Mail.ReadWrite, a new grant by restricted grace (left out), EMS bought up from 5 to 12.
        exec(
            QStringLiteral("UPDATE sync_state SET last_success = '2026-11-21T12:00:00Z' WHERE entity = 'users';"
                           "INSERT INTO service_principals (id, app_id, display_name, fetched_at) VALUES "
                           "  ('sp-new', 'ffffffff-0000-0000-0000-000000000006', 'New Tool', '2026-11-21T12:00:00Z');"
                           "INSERT INTO oauth2_grants (id, client_id, consent_type, principal_id, resource_id, scope, "
                           "fetched_at) VALUES "
                           "  ('g5', 'sp-new', 'AllPrincipals', NULL, 'sp-graph', 'Mail.Send', '2026-11-21T12:00:00Z'),"
                           "  ('g6', 'sp-zoom', 'Principal', 'u7', 'sp-graph', 'Mail.Send', '2026-11-21T12:00:00Z');"
                           "UPDATE oauth2_grants SET scope = 'User.Read Mail.ReadWrite' WHERE id = 'g3';"
                           "UPDATE subscribed_skus SET prepaid_enabled = 12 WHERE sku_part_number = 'EMS';"));
        const auto changes = insights::changesSincePreviousSync(*m_db, m_catalog);
        QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().detail));
        QCOMPARE(changes->previousAsOf, utc("2026-11-20T12:00:00Z"));
        QCOMPARE(changes->context.asOf, utc("2026-11-21T12:00:00Z"));
        QCOMPARE(changes->newApps.size(), 1);
        QCOMPARE(changes->newApps.front().name, QStringLiteral("New Tool"));
        QCOMPARE(changes->newGrants.size(), 2);
        QCOMPARE(changes->newGrants.at(0).grantId, QStringLiteral("g3"));
        QCOMPARE(changes->newGrants.at(0).appName, QStringLiteral("Zoom"));
        QCOMPARE(changes->newGrants.at(0).riskyScopes, QStringList {QStringLiteral("Mail.ReadWrite")});
        QCOMPARE(changes->newGrants.at(1).grantId, QStringLiteral("g5"));
        QCOMPARE(changes->newGrants.at(1).consentType, QStringLiteral("AllPrincipals"));
        QCOMPARE(changes->newGrants.at(1).riskyScopes, QStringList {QStringLiteral("Mail.Send")});
        QCOMPARE(changes->skuChanges.size(), 1);
        QCOMPARE(changes->skuChanges.front().skuPartNumber, QStringLiteral("EMS"));
        QCOMPARE(*changes->skuChanges.front().purchasedBefore, qint64(5));
        QCOMPARE(changes->skuChanges.front().purchasedNow, qint64(12));
        QCOMPARE(*changes->skuChanges.front().assignedBefore, qint64(2));
        // The snapshot of a person's grant holds the grant id and scope, never the person.
        QSqlQuery q(m_db->sql());
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM sync_snapshots WHERE key LIKE 'u%' OR detail LIKE '%u7%'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void billingCycleFromTheMedianGap_data()
    {
        QTest::addColumn<QList<int>>("offsets");
        QTest::addColumn<int>("cycle");
        QTest::newRow("one invoice") << QList<int> {0} << int(insights::BillingCycle::Unknown);
        QTest::newRow("monthly") << QList<int> {0, 31, 59, 90} << int(insights::BillingCycle::Monthly);
        QTest::newRow("quarterly") << QList<int> {0, 90, 181} << int(insights::BillingCycle::Quarterly);
        QTest::newRow("yearly") << QList<int> {0, 365} << int(insights::BillingCycle::Yearly);
        QTest::newRow("monthly with one odd gap")
            << QList<int> {0, 30, 61, 200, 230} << int(insights::BillingCycle::Monthly);
        QTest::newRow("irregular") << QList<int> {0, 200} << int(insights::BillingCycle::Unknown);
    }
    void billingCycleFromTheMedianGap()
    {
        QFETCH(QList<int>, offsets);
        QFETCH(int, cycle);
        QList<insights::InvoiceFact> invoices;
        for (int d : offsets)
            invoices.append({QDate(2025, 1, 1).addDays(d), 1000, QStringLiteral("EUR")});
        QCOMPARE(int(insights::cycleOf(invoices)), cycle);
    }
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "insights/catalog.h"
#include "usagetext.h"

#include <QString>

/// A small hand-made tenant as SQL over the real schema, and the bundled data it is read with.
/// tst_insights and tst_cli_report work out every figure of it by hand (see the comments there).
///
/// As of 2026-11-20T12:00:00Z (the users sync); 30-day windows start 2026-10-21T12:00:00Z.
///   u1 alice   enabled member, last activity 2026-11-20T08:00 (the latest of the three dates)
///   u2 bob     enabled member, last successful sign-in exactly at the window's start
///   u3 carol   enabled member, last sign-in one second before the window's start
///   u4 dave    enabled member, never signed in
///   u5 erin    disabled member, last sign-in 2026-09-01
///   u6 frank   enabled guest, last non-interactive sign-in 2026-11-01
///   u7 grace   restricted (GDPR Art. 18): holds E3, used Slack, consented to Zoom — left out
///   u8 heidi   enabled member without licenses, last sign-in 2026-11-16
namespace stocktake::testing {

inline QString handmadeTenantSql()
{
    return QStringLiteral(R"sql(
INSERT INTO sync_state (entity, last_success, item_count, available) VALUES
  ('users', '2026-11-20T12:00:00Z', 8, 1),
  ('activity', '2026-11-20T12:00:05Z', 8, 1);
INSERT INTO users (id, upn, display_name, department, job_title, account_enabled, user_type,
    sign_in_activity_available, last_sign_in, last_non_interactive_sign_in, last_successful_sign_in, fetched_at) VALUES
  ('u1', 'alice@contoso.com', 'Alice Archer', 'Sales', 'Account Manager', 1, 'Member', 1,
      '2026-11-19T09:00:00Z', '2026-11-20T08:00:00Z', '2026-11-19T09:00:00Z', '2026-11-20T12:00:00Z'),
  ('u2', 'bob@contoso.com', 'Bob Baker', 'IT', NULL, 1, 'Member', 1,
      '2026-10-20T10:00:00Z', NULL, '2026-10-21T12:00:00Z', '2026-11-20T12:00:00Z'),
  ('u3', 'carol@contoso.com', 'Carol Cole', '=SUM(A1)', NULL, 1, 'Member', 1,
      '2026-10-21T11:59:59Z', NULL, NULL, '2026-11-20T12:00:00Z'),
  ('u4', 'dave@contoso.com', 'Dave, "the new one"', NULL, NULL, 1, 'Member', 1, NULL, NULL, NULL, '2026-11-20T12:00:00Z'),
  ('u5', 'erin@contoso.com', 'Erin Ernst', NULL, NULL, 0, 'Member', 1,
      '2026-09-01T00:00:00Z', NULL, '2026-09-01T00:00:00Z', '2026-11-20T12:00:00Z'),
  ('u6', 'frank_fabrikam.com#EXT#@contoso.com', 'Frank Guest', NULL, NULL, 1, 'Guest', 1,
      NULL, '2026-11-01T00:00:00Z', NULL, '2026-11-20T12:00:00Z'),
  ('u7', 'grace@contoso.com', 'Grace Hidden', 'Legal', NULL, 0, 'Member', 1, NULL, NULL, NULL, '2026-11-20T12:00:00Z'),
  ('u8', 'heidi@contoso.com', 'Heidi Hall', NULL, NULL, 1, 'Member', 1,
      '2026-11-16T09:00:00Z', NULL, '2026-11-16T09:00:00Z', '2026-11-20T12:00:00Z');
INSERT INTO subject_restriction (user_id, created) VALUES ('u7', '2026-11-01T00:00:00Z');
INSERT INTO subscribed_skus (sku_id, sku_part_number, capability_status, consumed_units, prepaid_enabled,
    prepaid_suspended, fetched_at) VALUES
  ('efccb6f7-5641-4e0e-bd10-b4976e1bf68e', 'EMS', 'Enabled', 2, 5, 0, '2026-11-20T12:00:00Z'),
  ('6fd2c87f-b296-42f0-b197-1e91e994b900', 'ENTERPRISEPACK', 'Enabled', 6, 10, 0, '2026-11-20T12:00:00Z'),
  ('f8a1db68-be16-40ed-86d5-cb42ce701560', 'POWER_BI_PRO', 'Suspended', 1, 0, 5, '2026-11-20T12:00:00Z'),
  ('06ebc4ee-1bb5-47dd-8120-11324bc54e06', 'SPE_E5', 'Enabled', 3, 2, 0, '2026-11-20T12:00:00Z');
INSERT INTO user_licenses (user_id, sku_id) VALUES
  ('u3', 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e'), ('u5', 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e'),
  ('u1', '6fd2c87f-b296-42f0-b197-1e91e994b900'), ('u2', '6fd2c87f-b296-42f0-b197-1e91e994b900'),
  ('u3', '6fd2c87f-b296-42f0-b197-1e91e994b900'), ('u4', '6fd2c87f-b296-42f0-b197-1e91e994b900'),
  ('u5', '6fd2c87f-b296-42f0-b197-1e91e994b900'), ('u7', '6fd2c87f-b296-42f0-b197-1e91e994b900'),
  ('u4', 'f8a1db68-be16-40ed-86d5-cb42ce701560'),
  ('u1', '06ebc4ee-1bb5-47dd-8120-11324bc54e06'), ('u6', '06ebc4ee-1bb5-47dd-8120-11324bc54e06');
INSERT INTO prices (key, amount_minor, currency, period, source, updated) VALUES
  ('SPE_E5', 5000, 'EUR', 'month', 'manual', '2026-11-01T00:00:00Z');
INSERT INTO service_principals (id, app_id, display_name, app_owner_organization_id, fetched_at) VALUES
  ('sp-graph', '00000003-0000-0000-c000-000000000000', 'Microsoft Graph',
      'f8cdef31-a31e-4b4a-93e4-5f571e91255a', '2026-11-20T12:00:00Z'),
  ('sp-teams', '1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams',
      'f8cdef31-a31e-4b4a-93e4-5f571e91255a', '2026-11-20T12:00:00Z'),
  ('sp-mailer', 'bbbbbbbb-0000-0000-0000-000000000002', 'Contoso Mailer',
      '11111111-1111-1111-1111-111111111111', '2026-11-20T12:00:00Z'),
  ('sp-zoom', 'cccccccc-0000-0000-0000-000000000003', 'Zoom',
      '22222222-2222-2222-2222-222222222222', '2026-11-20T12:00:00Z'),
  ('sp-adobe-cc', 'dddddddd-0000-0000-0000-000000000004', 'Adobe Creative Cloud', NULL, '2026-11-20T12:00:00Z'),
  ('sp-adobe-sign', 'eeeeeeee-0000-0000-0000-000000000005', 'Adobe Acrobat Sign', NULL, '2026-11-20T12:00:00Z');
INSERT INTO oauth2_grants (id, client_id, consent_type, principal_id, resource_id, scope, fetched_at) VALUES
  ('g1', 'sp-mailer', 'AllPrincipals', NULL, 'sp-graph', 'Mail.ReadWrite User.Read', '2026-11-20T12:00:00Z'),
  ('g2', 'sp-zoom', 'Principal', 'u1', 'sp-graph', 'Files.ReadWrite.All offline_access', '2026-11-20T12:00:00Z'),
  ('g3', 'sp-zoom', 'Principal', 'u8', 'sp-graph', 'User.Read', '2026-11-20T12:00:00Z'),
  ('g4', 'sp-zoom', 'Principal', 'u7', 'sp-graph', 'Directory.ReadWrite.All', '2026-11-20T12:00:00Z');
INSERT INTO signin_app_names (app_id, display_name, seen) VALUES
  ('aaaaaaaa-0000-0000-0000-000000000001', 'Slack', '2026-11-19T09:00:00Z');
)sql") + insertUsageAsText(QStringLiteral(R"sql(
  ('2026-11-19', 'u1', 'aaaaaaaa-0000-0000-0000-000000000001', 3, 0, '2026-11-19T09:00:00Z'),
  ('2026-10-21', 'u2', 'aaaaaaaa-0000-0000-0000-000000000001', 2, 0, '2026-10-21T12:00:00Z'),
  ('2026-10-21', 'u3', 'aaaaaaaa-0000-0000-0000-000000000001', 1, 0, '2026-10-21T11:59:59Z'),
  ('2026-09-01', 'u8', 'aaaaaaaa-0000-0000-0000-000000000001', 4, 0, '2026-09-01T08:00:00Z'),
  ('2026-11-10', 'u7', 'aaaaaaaa-0000-0000-0000-000000000001', 5, 0, '2026-11-10T08:00:00Z'),
  ('2026-11-15', 'u8', 'cccccccc-0000-0000-0000-000000000003', 1, 0, '2026-11-15T10:00:00Z'),
  ('2026-11-16', 'u6', 'cccccccc-0000-0000-0000-000000000003', 4, 1, '2026-11-16T15:00:00Z'),
  ('2026-11-18', 'u4', 'cccccccc-0000-0000-0000-000000000003', 0, 2, NULL),
  ('2026-11-20', 'u1', '1fec8e78-bce4-4aaf-ab1b-5451cc387264', 2, 0, '2026-11-20T10:00:00Z'),
  ('2026-11-10', 'u1', 'dddddddd-0000-0000-0000-000000000004', 1, 0, '2026-11-10T09:00:00Z'),
  ('2026-11-10', 'u1', 'eeeeeeee-0000-0000-0000-000000000005', 1, 0, '2026-11-10T09:30:00Z'),
  ('2026-11-12', 'u8', 'dddddddd-0000-0000-0000-000000000004', 1, 0, '2026-11-12T11:00:00Z')
)sql"))
        + insertSignInsAsText(
            QStringLiteral("('s1', '2026-11-19T09:00:00Z', 'u1', 'aaaaaaaa-0000-0000-0000-000000000001', 0)"))
        + QStringLiteral(R"sql(
INSERT INTO invoices (vendor, vendor_id, invoice_number, invoice_date, total_minor, currency, source, created) VALUES
  ('Slack', 'slack', 'S-8', '2026-08-05', 120000, 'USD', 'mail', '2026-11-20T12:00:00Z'),
  ('Slack', 'slack', 'S-9', '2026-09-05', 120000, 'USD', 'mail', '2026-11-20T12:00:00Z'),
  ('Slack', 'slack', 'S-10', '2026-10-05', 120000, 'USD', 'mail', '2026-11-20T12:00:00Z'),
  ('Slack', 'slack', 'S-11', '2026-11-05', 125000, 'USD', 'mail', '2026-11-20T12:00:00Z'),
  ('Slack', 'slack', 'S-11', '2026-11-05', 125000, 'USD', 'file', '2026-11-20T12:00:00Z'),
  ('Slack', 'slack', 'S-12', '2026-12-05', 999900, 'USD', 'mail', '2026-12-05T12:00:00Z'),
  ('Notion', 'notion', 'N-2025', '2025-03-01', 96000, 'EUR', 'mail', '2026-11-20T12:00:00Z'),
  ('Notion', 'notion', 'N-2026', '2026-03-01', 96000, 'EUR', 'mail', '2026-11-20T12:00:00Z');
INSERT INTO apps_manual (app_key, name, vendor_id, category, created) VALUES
  ('vendor:figma', 'Figma (design team)', 'figma', 'Design', '2026-11-01T00:00:00Z');
)sql");
}

inline insights::InsightsCatalog handmadeCatalog()
{
    insights::InsightsCatalog catalog;
    catalog.productNames.insert(QStringLiteral("ENTERPRISEPACK"), QStringLiteral("Office 365 E3"));
    catalog.productNames.insert(QStringLiteral("SPE_E5"), QStringLiteral("Microsoft 365 E5"));
    catalog.productNames.insert(QStringLiteral("EMS"), QStringLiteral("Enterprise Mobility + Security E3"));
    catalog.listPrices.insert(QStringLiteral("ENTERPRISEPACK"), {10000, QStringLiteral("EUR"), QStringLiteral("year")});
    catalog.listPrices.insert(QStringLiteral("EMS"), {820, QStringLiteral("EUR"), QStringLiteral("month")});
    catalog.listPrices.insert(QStringLiteral("SPE_E5"), {5700, QStringLiteral("USD"), QStringLiteral("month")});
    catalog.highPrivilegeScopes = {QStringLiteral("Mail.ReadWrite"), QStringLiteral("Mail.Send"),
        QStringLiteral("Files.ReadWrite.All"), QStringLiteral("Directory.ReadWrite.All")};
    catalog.vendors = {
        {QStringLiteral("slack"), QStringLiteral("Slack"), QStringLiteral("Collaboration"),
            {QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001")}},
        {QStringLiteral("zoom"), QStringLiteral("Zoom"), QStringLiteral("Meetings"),
            {QStringLiteral("cccccccc-0000-0000-0000-000000000003")}},
        {QStringLiteral("adobe"), QStringLiteral("Adobe"), QStringLiteral("Creative"),
            {QStringLiteral("dddddddd-0000-0000-0000-000000000004"),
                QStringLiteral("eeeeeeee-0000-0000-0000-000000000005")}},
        {QStringLiteral("notion"), QStringLiteral("Notion"), QStringLiteral("Productivity"), {}},
        {QStringLiteral("figma"), QStringLiteral("Figma"), QStringLiteral("Design"), {}},
    };
    return catalog;
}

}  // namespace stocktake::testing

-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 12: the Microsoft 365 usage report holds one row per person, as the report itself does
-- (perf-anchors P5). Schema 1 kept a row per person and product, up to six, each repeating the
-- report, the person's UPN, id and name, the dates and the fetch time: 490,000 rows at 100,000
-- people, rewritten whole by every sync while the sign-ins waited for the store. Now each
-- product is a pair of columns: whether the person has its licence, and the last activity date.
-- The copy keeps what the old rows said; a product without a row has no licence and no activity.

CREATE TABLE m365_usage_by_person (
    report                   TEXT NOT NULL,
    report_refresh_date      TEXT NOT NULL,
    upn                      TEXT NOT NULL,
    user_id                  TEXT,
    display_name             TEXT,
    report_period            TEXT,
    fetched_at               TEXT NOT NULL,
    exchange_license         INTEGER NOT NULL DEFAULT 0,
    exchange_last_activity   TEXT,
    onedrive_license         INTEGER NOT NULL DEFAULT 0,
    onedrive_last_activity   TEXT,
    sharepoint_license       INTEGER NOT NULL DEFAULT 0,
    sharepoint_last_activity TEXT,
    skype_license            INTEGER NOT NULL DEFAULT 0,
    skype_last_activity      TEXT,
    yammer_license           INTEGER NOT NULL DEFAULT 0,
    yammer_last_activity     TEXT,
    teams_license            INTEGER NOT NULL DEFAULT 0,
    teams_last_activity      TEXT,
    PRIMARY KEY (report, upn)
) STRICT, WITHOUT ROWID;

INSERT INTO m365_usage_by_person
SELECT report, max(report_refresh_date), upn, max(user_id), max(display_name), max(report_period), max(fetched_at),
    coalesce(max(CASE product WHEN 'Exchange' THEN has_license END), 0),
    max(CASE product WHEN 'Exchange' THEN last_activity_date END),
    coalesce(max(CASE product WHEN 'OneDrive' THEN has_license END), 0),
    max(CASE product WHEN 'OneDrive' THEN last_activity_date END),
    coalesce(max(CASE product WHEN 'SharePoint' THEN has_license END), 0),
    max(CASE product WHEN 'SharePoint' THEN last_activity_date END),
    coalesce(max(CASE product WHEN 'Skype for Business' THEN has_license END), 0),
    max(CASE product WHEN 'Skype for Business' THEN last_activity_date END),
    coalesce(max(CASE product WHEN 'Yammer' THEN has_license END), 0),
    max(CASE product WHEN 'Yammer' THEN last_activity_date END),
    coalesce(max(CASE product WHEN 'Teams' THEN has_license END), 0),
    max(CASE product WHEN 'Teams' THEN last_activity_date END)
FROM m365_usage GROUP BY report, upn;

DROP TABLE m365_usage;
ALTER TABLE m365_usage_by_person RENAME TO m365_usage;

DELETE FROM personal_columns WHERE table_name = 'm365_usage' AND column_name = 'last_activity_date';
INSERT INTO personal_columns (table_name, column_name, subject_column, kind) VALUES
    ('m365_usage', 'exchange_last_activity', 'user_id', 'activity'),
    ('m365_usage', 'onedrive_last_activity', 'user_id', 'activity'),
    ('m365_usage', 'sharepoint_last_activity', 'user_id', 'activity'),
    ('m365_usage', 'skype_last_activity', 'user_id', 'activity'),
    ('m365_usage', 'yammer_last_activity', 'user_id', 'activity'),
    ('m365_usage', 'teams_last_activity', 'user_id', 'activity');

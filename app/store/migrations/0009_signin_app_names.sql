-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 9: the name each app signs in with, one row per app (perf-anchors P2, P5). The reports
-- name an app that has no service principal in this tenant by the appDisplayName of its newest
-- sign-in, which they read from schema 7's index `signins_raw_app (app_id, created DESC)`. That
-- index was kept for nothing else, yet it was a second B-tree insert for every one of 1.8 million
-- events at 100,000 people and 30 days, and a quarter of the file. The sync now keeps the newest
-- name per app here as it folds each day.
--
-- An app's name is not personal data: it is kept after the raw sign-ins it came from are purged.
-- (IF NOT EXISTS and OR REPLACE: like 7 and 8, this migration can run again over its own result.)

CREATE TABLE IF NOT EXISTS signin_app_names (
    app_id        TEXT PRIMARY KEY,   -- lower case, as signins_raw.app_id
    display_name  TEXT NOT NULL,
    seen          TEXT NOT NULL       -- created of the newest sign-in that gave the name
) STRICT, WITHOUT ROWID;

-- The bare column takes its value from the row that gives max(created) (SQLite's documented
-- min/max rule), so each app keeps the name of its newest sign-in.
INSERT OR REPLACE INTO signin_app_names (app_id, display_name, seen)
    SELECT app_id, app_display_name, max(created) FROM signins_raw
    WHERE app_id IS NOT NULL AND app_display_name IS NOT NULL
    GROUP BY app_id;

DROP INDEX IF EXISTS signins_raw_app;

-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 7: raw sign-ins are stored in the order they are written, a day at a time (perf-anchors
-- P2, P5). Schema 1 kept them in five B-trees: the rowid table, the unique index on the event id
-- (a random GUID), and indexes by time, by person and by app. At 30 days of a 100,000-person
-- tenant (1.8 million events) every day's transaction touched nearly every leaf page of the id
-- and person indexes, so each commit re-encrypted and rewrote most of them.
--
-- Now the table is clustered on (created, id): a day's events land next to each other, the key
-- still makes a re-fetched event replace itself (INSERT OR REPLACE), and the fold, the retention
-- purge and the day checkpoints read a time range straight off it. The index by app stays (the
-- reports read an app's newest display name from it; ~100 insertion points, not one per
-- person). The index by person goes: nothing reads raw events by person except erasing or
-- exporting one person's data, a rare, deliberate scan.
--
-- Data minimisation (SECURITY F1): the sync no longer asks Graph for a sign-in's location, device,
-- client app or interactivity, since no figure uses them; the copy leaves those columns NULL, so
-- what earlier syncs stored of them is gone too.

CREATE TABLE signins_raw_by_time (
    id                  TEXT NOT NULL,
    created             TEXT NOT NULL,
    user_id             TEXT,
    app_id              TEXT,
    app_display_name    TEXT,
    status_error_code   INTEGER NOT NULL DEFAULT 0,
    is_interactive      INTEGER,
    client_app_used     TEXT,
    city                TEXT,
    country             TEXT,
    device_os           TEXT,
    browser             TEXT,
    fetched_at          TEXT NOT NULL,
    PRIMARY KEY (created DESC, id)
) STRICT, WITHOUT ROWID;

INSERT INTO signins_raw_by_time (id, created, user_id, app_id, app_display_name, status_error_code,
        fetched_at)
    SELECT id, created, user_id, app_id, app_display_name, status_error_code, fetched_at
    FROM signins_raw ORDER BY created DESC, id;

DROP TABLE signins_raw;
ALTER TABLE signins_raw_by_time RENAME TO signins_raw;
CREATE INDEX signins_raw_app ON signins_raw (app_id, created DESC);

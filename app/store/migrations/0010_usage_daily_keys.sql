-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 10: usage_daily keys on small integers (perf-anchors P2, P5). Each of its rows named the
-- person and the app by their 36-character object ids, the day as text and the last sign-in as
-- a 20-character time, in the table and again in the index by app: about 110 bytes a row, twice.
-- At 100,000 people and 30 days that is 1.65 million rows, the largest part of the sign-in
-- ingestion's work (SQLite's B-tree inserts, page encryption, the WAL) and a third of the file.
--
-- Now a person or an app is a key of usage_keys, the day is the number of days since
-- 1970-01-01 (UTC) and the last successful sign-in the seconds since 1970-01-01T00:00:00Z: a row
-- is about 20 bytes. Measured with the sqlcipher shell, 30 days of 55,000 rows each: 14.9 s of
-- inserts and a 454 MB file before, 5.6 s and 97 MB after.
--
-- usage_keys holds object ids (a person's id as Graph gives it; an app id in lower case). A key
-- is never reused (AUTOINCREMENT), only usage_daily refers to it, and the retention purge
-- deletes the keys no usage row holds any more. usage_daily's person is a personal column
-- through usage_keys: erasing a person deletes their usage_daily rows by key, then the key's row.

CREATE TABLE usage_keys (
    key        INTEGER PRIMARY KEY AUTOINCREMENT,
    object_id  TEXT NOT NULL UNIQUE
) STRICT;

INSERT INTO usage_keys (object_id)
    SELECT user_id FROM usage_daily UNION SELECT app_id FROM usage_daily;

CREATE TABLE usage_daily_keyed (
    day           INTEGER NOT NULL,   -- days since 1970-01-01, UTC
    person        INTEGER NOT NULL,   -- usage_keys.key of the person's object id
    app           INTEGER NOT NULL,   -- usage_keys.key of the app id
    sign_ins      INTEGER NOT NULL DEFAULT 0,
    failures      INTEGER NOT NULL DEFAULT 0,
    last_sign_in  INTEGER,            -- the day's latest success, seconds since 1970-01-01T00:00:00Z
    PRIMARY KEY (day, person, app)
) STRICT, WITHOUT ROWID;

INSERT INTO usage_daily_keyed (day, person, app, sign_ins, failures, last_sign_in)
    SELECT unixepoch(ud.day) / 86400, p.key, a.key, ud.sign_ins, ud.failures, unixepoch(ud.last_sign_in)
    FROM usage_daily ud
    JOIN usage_keys p ON p.object_id = ud.user_id
    JOIN usage_keys a ON a.object_id = ud.app_id
    ORDER BY 1, 2, 3;

DROP TABLE usage_daily;
ALTER TABLE usage_daily_keyed RENAME TO usage_daily;
-- The per-app figures read this index alone (schema 3's covering index, on the keys).
CREATE INDEX usage_daily_app ON usage_daily (app, day, person, sign_ins, last_sign_in);

DELETE FROM personal_columns WHERE table_name = 'usage_daily';
INSERT INTO personal_columns (table_name, column_name, subject_column, kind) VALUES
    ('usage_keys', 'object_id', 'object_id', 'id'),
    ('usage_daily', 'person', 'person', 'id'),
    ('usage_daily', 'last_sign_in', 'person', 'activity');

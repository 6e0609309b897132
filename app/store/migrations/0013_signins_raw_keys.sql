-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 13: raw sign-ins keyed by small integers, as schema 10 keyed usage_daily (perf-anchors
-- P5). A raw sign-in kept its id, its person's and its app's ids as 36-character text, its time
-- as 20 characters, its app's name and the fetch time: about 180 bytes a row, 1.8 million rows at
-- 100,000 people and 30 days, every one written, encrypted and committed by a full sync. Now a
-- row is its time in seconds, its id as 16 bytes (a GUID in Graph's form; any other id stays
-- text), the person and the app by their usage_keys keys, and its status: about 40 bytes.
--
-- The app's name is in signin_app_names (schema 9), kept by the sync from the pages it reads; the
-- fetch time is the day's, in signin_days. Rows whose time does not read as a time (none that this
-- program wrote) are not carried over.

INSERT OR IGNORE INTO usage_keys (object_id)
    SELECT user_id FROM signins_raw WHERE user_id IS NOT NULL
    UNION SELECT app_id FROM signins_raw WHERE app_id IS NOT NULL;

CREATE TABLE signins_raw_keyed (
    created            INTEGER NOT NULL,   -- seconds since 1970-01-01T00:00:00Z
    id                 ANY NOT NULL,       -- 16 bytes for a GUID in Graph's form, else the id's text
    person             INTEGER,            -- usage_keys.key of the person's object id
    app                INTEGER,            -- usage_keys.key of the app id (lower case)
    status_error_code  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (created DESC, id)
) STRICT, WITHOUT ROWID;

-- Read in the old table's own order, (created DESC, id): the rows go in nearly in the new key's
-- order without a sort of them all.
INSERT OR REPLACE INTO signins_raw_keyed (created, id, person, app, status_error_code)
    SELECT unixepoch(r.created), stocktake_guid_bytes(r.id), p.key, a.key, r.status_error_code
    FROM signins_raw r
    LEFT JOIN usage_keys p ON p.object_id = r.user_id
    LEFT JOIN usage_keys a ON a.object_id = r.app_id
    WHERE unixepoch(r.created) IS NOT NULL;

DROP TABLE signins_raw;
ALTER TABLE signins_raw_keyed RENAME TO signins_raw;

DELETE FROM personal_columns WHERE table_name = 'signins_raw';
INSERT INTO personal_columns (table_name, column_name, subject_column, kind) VALUES
    ('signins_raw', 'person', 'person', 'id'),
    ('signins_raw', 'created', 'person', 'activity');

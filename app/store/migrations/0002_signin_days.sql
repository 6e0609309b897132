-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 2: the sign-in backfill's checkpoint, one row per UTC day. Graph allows 5 sign-in
-- requests per 10 s, so 30 days of a large tenant take hours; days are fetched newest first,
-- each in its own transaction with its row here, so a killed sync resumes where it stopped with
-- nothing lost or counted twice. `complete_until` is the end of the fetched span: the next day's
-- midnight for a whole day, the fetch time for today.

CREATE TABLE signin_days (
    day             TEXT PRIMARY KEY,
    complete_until  TEXT NOT NULL,
    events          INTEGER NOT NULL DEFAULT 0,
    fetched_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;

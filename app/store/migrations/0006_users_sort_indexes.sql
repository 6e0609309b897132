-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 6: the Users page's sorts by name and by last activity read an index instead of sorting
-- 100,000 rows (perf-anchors P9).
--
-- `last_active` is METRICS.md's last activity: the latest of the three signInActivity datetimes,
-- NULL when none is known. max() over text returns NULL if any argument is NULL, so an absent
-- date becomes '' (which sorts before every date) and an all-absent result NULL again. It is a
-- column (computed, never stored) rather than an expression in each query, so that SQLite matches
-- it to the indexes below through the page's subquery (it does not match a repeated expression).
--
-- Each index has exactly the terms of the page's ORDER BY (models::TableSql: unknown values last
-- in both directions, then the key), so a window of 256 rows is read straight off it; one index
-- per direction, as the terms' directions are mixed.

ALTER TABLE users ADD COLUMN last_active TEXT GENERATED ALWAYS AS (
    nullif(max(coalesce(last_sign_in, ''), coalesce(last_non_interactive_sign_in, ''),
        coalesce(last_successful_sign_in, '')), '')) VIRTUAL;

CREATE INDEX users_sort_name_asc ON users (display_name IS NULL, display_name COLLATE NOCASE, id);
CREATE INDEX users_sort_name_desc ON users (display_name IS NULL, display_name COLLATE NOCASE DESC, id);
CREATE INDEX users_sort_last_active_asc ON users (last_active IS NULL, last_active, id);
CREATE INDEX users_sort_last_active_desc ON users (last_active IS NULL, last_active DESC, id);

-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 8: usage_daily keeps no index by person (perf-anchors P2, P5). Schema 3's covering index
-- `usage_daily_user (user_id, day, …)` was person-major, and every day's fold of the sign-ins put
-- an entry next to nearly every person in it, so each day's commit rewrote almost the whole index:
-- 37 % of the sign-in ingestion at 10,000 people with 30 days, and a quarter of the file.
--
-- The per-person figures read the primary key (day, user_id, app_id) instead: `report users`
-- groups the window's days by person in one range scan, and a person's apps seek each stored day
-- (a skip-scan over the days, then (day, user_id)).

DROP INDEX IF EXISTS usage_daily_user;

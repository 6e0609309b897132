-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 3: covering indexes for the figures of app/insights (docs/figures.md). At 100,000
-- people the reports read every license holder's activity and every usage row of the window;
-- with these the queries never leave the index for the table.
--   usage_daily by app and by person, with the columns users_30d, sign_ins_30d, last_used and
--   apps_30d read (they replace the narrower indexes of schema 1, which they cover);
--   users by id with account_enabled and the three signInActivity datetimes (last_active).

DROP INDEX usage_daily_app;
DROP INDEX usage_daily_user;
CREATE INDEX usage_daily_app ON usage_daily (app_id, day, user_id, sign_ins, last_sign_in);
CREATE INDEX usage_daily_user ON usage_daily (user_id, day, app_id, sign_ins, last_sign_in);
CREATE INDEX users_activity ON users (id, account_enabled, last_sign_in, last_non_interactive_sign_in,
    last_successful_sign_in);

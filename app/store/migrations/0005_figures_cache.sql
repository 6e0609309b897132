-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 5: the figures a page computed last (store::FiguresCache), so the Overview shows them at
-- once when the app starts and replaces them when it has computed them again. Aggregates only
-- (counts, seat totals, money per currency, product names): no person's data.

CREATE TABLE figures_cache (
    name     TEXT PRIMARY KEY,
    value    TEXT NOT NULL,  -- JSON, the page's own format
    written  TEXT NOT NULL   -- UTC, ISO 8601
) STRICT, WITHOUT ROWID;

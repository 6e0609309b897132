-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 4: "what changed since the previous sync" (issue 6). After each successful sync the
-- figures' identities are kept, keyed by the sync's as-of: the app rows (app_key, name), the
-- OAuth grants (grant id, scope; never the person) and per SKU the purchased and assigned counts.
-- insights::recordSyncSnapshot writes it, insights::changesSincePreviousSync compares the
-- current state with the newest older snapshot. Only the newest snapshots are kept.

CREATE TABLE sync_snapshots (
    as_of      TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('app', 'grant', 'sku')),
    key        TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    purchased  INTEGER,
    assigned   INTEGER,
    PRIMARY KEY (as_of, kind, key)
) STRICT, WITHOUT ROWID;

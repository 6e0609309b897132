-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 6: the Users page's sorts read an index instead of sorting 100,000 rows
-- (perf-anchors P9): by name, by last activity and by licences, in each direction.
--
-- `last_active` is METRICS.md's last activity: the latest of the three signInActivity datetimes,
-- NULL when none is known. max() over text returns NULL if any argument is NULL, so an absent
-- date becomes '' (which sorts before every date) and an all-absent result NULL again. It is a
-- column (computed, never stored) rather than an expression in each query, so that SQLite matches
-- it to the indexes below through the page's subquery (it does not match a repeated expression).
--
-- `licenses` is the person's licences as the Users page shows them: the SKU part numbers (the
-- SKU id while the SKU is not synced) in order, ';'-joined, '' for none. Triggers keep it equal to
-- user_licenses and subscribed_skus whoever writes them, so it is never stale.
--
-- Each index has exactly the terms of the page's ORDER BY (models::TableSql: unknown values last
-- in both directions, then the key), so a window of 256 rows is read straight off it; one index
-- per direction, as the terms' directions are mixed.

ALTER TABLE users ADD COLUMN last_active TEXT GENERATED ALWAYS AS (
    nullif(max(coalesce(last_sign_in, ''), coalesce(last_non_interactive_sign_in, ''),
        coalesce(last_successful_sign_in, '')), '')) VIRTUAL;

ALTER TABLE users ADD COLUMN licenses TEXT NOT NULL DEFAULT '';
UPDATE users SET licenses = coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM (
        SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l
        LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = users.id)), '');

CREATE TRIGGER user_licenses_summary_insert AFTER INSERT ON user_licenses BEGIN
    UPDATE users SET licenses = coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM (
        SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l
        LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = NEW.user_id)), '')
    WHERE id = NEW.user_id;
END;
CREATE TRIGGER user_licenses_summary_delete AFTER DELETE ON user_licenses BEGIN
    UPDATE users SET licenses = coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM (
        SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l
        LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = OLD.user_id)), '')
    WHERE id = OLD.user_id;
END;
CREATE TRIGGER user_licenses_summary_update AFTER UPDATE OF user_id, sku_id ON user_licenses BEGIN
    UPDATE users SET licenses = coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM (
        SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l
        LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = users.id)), '')
    WHERE id IN (OLD.user_id, NEW.user_id);
END;
CREATE TRIGGER subscribed_skus_summary_insert AFTER INSERT ON subscribed_skus BEGIN
    UPDATE users SET licenses = coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM (
        SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l
        LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = users.id)), '')
    WHERE id IN (SELECT user_id FROM user_licenses WHERE sku_id = NEW.sku_id);
END;
CREATE TRIGGER subscribed_skus_summary_delete AFTER DELETE ON subscribed_skus BEGIN
    UPDATE users SET licenses = coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM (
        SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l
        LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = users.id)), '')
    WHERE id IN (SELECT user_id FROM user_licenses WHERE sku_id = OLD.sku_id);
END;
CREATE TRIGGER subscribed_skus_summary_update AFTER UPDATE OF sku_id, sku_part_number ON subscribed_skus BEGIN
    UPDATE users SET licenses = coalesce((SELECT group_concat(p, ';' ORDER BY p) FROM (
        SELECT coalesce(s.sku_part_number, l.sku_id) AS p FROM user_licenses l
        LEFT JOIN subscribed_skus s ON s.sku_id = l.sku_id WHERE l.user_id = users.id)), '')
    WHERE id IN (SELECT user_id FROM user_licenses WHERE sku_id IN (OLD.sku_id, NEW.sku_id));
END;

CREATE INDEX users_sort_name_asc ON users (display_name IS NULL, display_name COLLATE NOCASE, id);
CREATE INDEX users_sort_name_desc ON users (display_name IS NULL, display_name COLLATE NOCASE DESC, id);
CREATE INDEX users_sort_last_active_asc ON users (last_active IS NULL, last_active, id);
CREATE INDEX users_sort_last_active_desc ON users (last_active IS NULL, last_active DESC, id);
CREATE INDEX users_sort_licenses_asc ON users (licenses COLLATE NOCASE, id);
CREATE INDEX users_sort_licenses_desc ON users (licenses COLLATE NOCASE DESC, id);

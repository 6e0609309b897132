-- SPDX-FileCopyrightText: 2026 The Stocktake authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 11: the Microsoft 365 usage report keeps no index by person (perf-anchors P5). Each
-- sync replaces the whole report, about six rows a person (490,000 at 100,000 people), and the
-- index by user_id, a random GUID, was a second B-tree insert for every one of them. No figure
-- reads the report by person; exporting or erasing one person's data scans it, a rare,
-- deliberate act (as schema 7 decided for the raw sign-ins).

DROP INDEX IF EXISTS m365_usage_user;

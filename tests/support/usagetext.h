// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace stocktake::testing {

/// usage_daily (schema 10: days, keys and seconds) as the tests write their expectations: the
/// day as "yyyy-MM-dd", people and apps by object id, the last sign-in as
/// "yyyy-MM-ddTHH:mm:ssZ". A table expression: `SELECT … FROM ` + usageAsText() + ` WHERE …`.
inline QString usageAsText()
{
    return QStringLiteral(
        "(SELECT date(ud.day * 86400, 'unixepoch') AS day, p.object_id AS user_id, a.object_id AS app_id, "
        "ud.sign_ins AS sign_ins, ud.failures AS failures, "
        "strftime('%Y-%m-%dT%H:%M:%SZ', ud.last_sign_in, 'unixepoch') AS last_sign_in "
        "FROM usage_daily ud JOIN usage_keys p ON p.key = ud.person JOIN usage_keys a ON a.key = ud.app) AS usage");
}

/// Statements that store usage rows given in that text form, each
/// `(day, user_id, app_id, sign_ins, failures, last_sign_in)`, keying new people and apps as the
/// sync does (migration 10 converts the same way).
inline QString insertUsageAsText(const QString &values)
{
    return QStringLiteral(
        "CREATE TEMP TABLE IF NOT EXISTS usage_text (day TEXT, user_id TEXT, app_id TEXT, sign_ins INTEGER, "
        "failures INTEGER, last_sign_in TEXT); "
        "INSERT INTO temp.usage_text VALUES %1; "
        "INSERT OR IGNORE INTO usage_keys (object_id) "
        "SELECT user_id FROM temp.usage_text UNION SELECT app_id FROM temp.usage_text; "
        "INSERT INTO usage_daily (day, person, app, sign_ins, failures, last_sign_in) "
        "SELECT unixepoch(t.day) / 86400, p.key, a.key, t.sign_ins, t.failures, unixepoch(t.last_sign_in) "
        "FROM temp.usage_text t JOIN usage_keys p ON p.object_id = t.user_id "
        "JOIN usage_keys a ON a.object_id = t.app_id; "
        "DELETE FROM temp.usage_text;")
        .arg(values);
}

/// signins_raw (schema 13: seconds, 16-byte ids, keys) as the tests write their expectations:
/// the id as text (a 16-byte id as its lower-case GUID), `created` as "yyyy-MM-ddTHH:mm:ssZ",
/// the person and the app by object id. A table expression, as usageAsText().
inline QString signInsAsText()
{
    return QStringLiteral(
        "(SELECT CASE WHEN typeof(r.id) = 'blob' THEN lower(substr(hex(r.id), 1, 8) || '-' || "
        "substr(hex(r.id), 9, 4) || '-' || substr(hex(r.id), 13, 4) || '-' || substr(hex(r.id), 17, 4) || '-' || "
        "substr(hex(r.id), 21)) ELSE r.id END AS id, "
        "strftime('%Y-%m-%dT%H:%M:%SZ', r.created, 'unixepoch') AS created, p.object_id AS user_id, "
        "a.object_id AS app_id, r.status_error_code AS status_error_code "
        "FROM signins_raw r LEFT JOIN usage_keys p ON p.key = r.person LEFT JOIN usage_keys a ON a.key = r.app) "
        "AS signins");
}

/// Statements that store raw sign-ins given in that text form, each
/// `(id, created, user_id, app_id, status_error_code)`, keyed as the sync keys them (migration 13
/// converts the same way; stocktake_guid_bytes is on every connection that store::Database opened).
inline QString insertSignInsAsText(const QString &values)
{
    return QStringLiteral(
        "CREATE TEMP TABLE IF NOT EXISTS signins_text (id TEXT, created TEXT, user_id TEXT, app_id TEXT, "
        "status_error_code INTEGER); "
        "INSERT INTO temp.signins_text VALUES %1; "
        "INSERT OR IGNORE INTO usage_keys (object_id) SELECT user_id FROM temp.signins_text "
        "WHERE user_id IS NOT NULL UNION SELECT app_id FROM temp.signins_text WHERE app_id IS NOT NULL; "
        "INSERT OR REPLACE INTO signins_raw (created, id, person, app, status_error_code) "
        "SELECT unixepoch(t.created), stocktake_guid_bytes(t.id), p.key, a.key, t.status_error_code "
        "FROM temp.signins_text t LEFT JOIN usage_keys p ON p.object_id = t.user_id "
        "LEFT JOIN usage_keys a ON a.object_id = t.app_id; "
        "DELETE FROM temp.signins_text;")
        .arg(values);
}

}  // namespace stocktake::testing

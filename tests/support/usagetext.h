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

}  // namespace stocktake::testing

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinactivityparser.h"

#include "graph/fieldreader.h"
#include "graph/parsers.h"

namespace stocktake::graph {

core::Result<UserSignInActivity> parseUserSignInActivity(const QJsonObject &item)
{
    FieldReader r(item);
    UserSignInActivity out;
    out.userId = r.id();
    out.activity.present = true;
    if (const std::optional<QJsonObject> a = r.optionalObject(QLatin1StringView("signInActivity"))) {
        FieldReader s(*a, QStringLiteral("signInActivity"));
        out.activity.lastSignInDateTime = s.optionalDateTime(QLatin1StringView("lastSignInDateTime"));
        out.activity.lastNonInteractiveSignInDateTime
            = s.optionalDateTime(QLatin1StringView("lastNonInteractiveSignInDateTime"));
        out.activity.lastSuccessfulSignInDateTime
            = s.optionalDateTime(QLatin1StringView("lastSuccessfulSignInDateTime"));
        r.take(s);
    }
    if (!r.ok())
        return badRecord(r.problem());
    return out;
}

Parsed<UserSignInActivity> parseUserSignInActivities(const QJsonArray &items)
{
    return parsePage<UserSignInActivity>(items, parseUserSignInActivity);
}

}  // namespace stocktake::graph

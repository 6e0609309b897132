// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace stocktake::tenantsim {

class Mailbox;
class SignInModel;
class Tenant;

/// What every Graph route shares: the data and where the sim is reachable.
struct GraphContext {
    Tenant &tenant;
    SignInModel &signIns;
    Mailbox &mailbox;
    QString origin;          ///< http://127.0.0.1:PORT (https://… with --link-scheme https)
    QString downloadOrigin;  ///< the second listener that plays reports.office.com
    bool premium = true;     ///< Entra ID P1/P2: signInActivity and the sign-in log are readable
    bool concealedNames = false;
    [[nodiscard]] QString apiBase() const { return origin + QStringLiteral("/v1.0"); }
    /// "@odata.context" for `suffix` ("users", "groups/$entity").
    [[nodiscard]] QString metadata(const QString &suffix) const
    {
        return apiBase() + QStringLiteral("/$metadata#") + suffix;
    }
};

/// Graph's JSON answers and error bodies (graph-facts §C.4: code, message, innerError).
namespace graphjson {

HttpResponse json(int status, const QJsonObject &body);
HttpResponse error(int status, const QString &code, const QString &message);
/// A route that does not exist: Graph's 400 "Resource not found for the segment …" shape.
HttpResponse notFound(const QString &path);
/// status 0: "not mine", so the dispatcher tries the next route.
HttpResponse none();

/// `$select` as a list; nothing when absent. An unknown property is an error (400).
struct Select {
    QStringList fields;
    QString unknown;  ///< the first property not in `known`
};
Select select(const QUrlQuery &query, const QStringList &known);
/// `id` plus the selected properties present in `full`; `defaults` when nothing is selected
/// (empty defaults: everything).
QJsonObject project(const QJsonObject &full, const QStringList &select, const QStringList &defaults = {});

/// `$top`: `fallback` when absent; nothing when it is not a number in [1, max].
std::optional<int> top(const QUrlQuery &query, int fallback, int max);

/// Opaque paging and delta tokens: base64url of "key=value;…".
QString encodeToken(const QList<QPair<QString, QString>> &fields);
std::optional<QHash<QString, QString>> decodeToken(const QString &token);

/// An absolute link on `base` + `path` with `query`.
QString link(const QString &base, const QString &path, const QUrlQuery &query);

/// A page over a collection of `size` raw positions: `item(i, wanted)` renders position i (or
/// nothing to skip it) with at least the `wanted` properties (empty: all of them, as a $filter
/// needs); $select projects it; the nextLink carries the raw position of the next item.
struct Collection {
    QString context;  ///< the @odata.context suffix, e.g. "users"
    qsizetype size = 0;
    std::function<std::optional<QJsonObject>(qsizetype, const QStringList &)> item;
    QStringList known;
    QStringList defaults;
    QStringList extra;  ///< always kept when present (an $expand's navigation property)
    int defaultTop = 100;
    int maxTop = 999;
    bool filterable = true;
    bool pageable = true;        ///< false: one page holding everything, $top refused
    bool rendersWanted = false;  ///< item() honours `wanted` exactly: no projection needed
};
HttpResponse page(const GraphContext &context, const HttpRequest &request, const Collection &collection);

}  // namespace graphjson
}  // namespace stocktake::tenantsim

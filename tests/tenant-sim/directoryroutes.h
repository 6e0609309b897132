// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphjson.h"

namespace stocktake::tenantsim {

struct User;

/// Directory reads: organization, users (signInActivity, licences, $expand=manager),
/// users/delta, groups and their members, subscribedSkus, servicePrincipals and
/// oauth2PermissionGrants (graph-facts §B.1–B.7).
class DirectoryRoutes {
public:
    explicit DirectoryRoutes(GraphContext &context);
    /// `request.path` is below /v1.0; status 0 when the path is not a directory resource.
    HttpResponse handle(const HttpRequest &request);

    /// Properties a users $select may name.
    static const QStringList &userProperties();

private:
    HttpResponse users(const HttpRequest &request);
    HttpResponse user(const HttpRequest &request, const QString &key);
    HttpResponse usersDelta(const HttpRequest &request);
    HttpResponse groups(const HttpRequest &request);
    HttpResponse group(const HttpRequest &request, int group);
    HttpResponse members(const HttpRequest &request, int group, bool usersOnly);
    HttpResponse subscribedSkus(const HttpRequest &request);
    HttpResponse servicePrincipals(const HttpRequest &request);
    HttpResponse servicePrincipal(const HttpRequest &request, int app);
    HttpResponse grants(const HttpRequest &request);
    HttpResponse organization(const HttpRequest &request);

    /// The manager navigation property as `$expand=manager(…)` renders it.
    [[nodiscard]] QJsonObject managerJson(const User &manager, const QStringList &select) const;
    [[nodiscard]] QJsonObject deltaUser(const User &user, const QStringList &fields) const;

    GraphContext &m_context;
};

}  // namespace stocktake::tenantsim

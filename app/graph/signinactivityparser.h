// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/records.h"

#include <QJsonArray>
#include <QJsonObject>

namespace stocktake::graph {

/// One item of the paced pass `GET /users?$select=id,signInActivity` (Endpoint::signInActivity):
/// only the id is required; a missing or null `signInActivity` means "never signed in".
struct UserSignInActivity {
    QString userId;
    SignInActivity activity;
};

[[nodiscard]] core::Result<UserSignInActivity> parseUserSignInActivity(const QJsonObject &item);
[[nodiscard]] Parsed<UserSignInActivity> parseUserSignInActivities(const QJsonArray &items);

}  // namespace stocktake::graph

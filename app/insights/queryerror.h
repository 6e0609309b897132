// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlQuery>

namespace stocktake::insights {

/// A failed report query as a typed error (exit 5: the local store refused). The detail names
/// the query, never a value.
[[nodiscard]] core::Error queryError(const char *what, const QSqlQuery &query);

/// The SQL fragment that leaves out restricted subjects (GDPR Art. 18): `NOT EXISTS (…)` over `column`.
[[nodiscard]] QString notRestricted(const QString &column);

}  // namespace stocktake::insights

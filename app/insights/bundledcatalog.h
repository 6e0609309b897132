// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"
#include "core/error.h"

namespace stocktake::resources {
class Catalog;
}

namespace stocktake::insights {

/// The figures' view of the bundled tables of resources/: product names, list prices, the
/// high-privilege scopes (in the table's spelling, so risky_scopes reads "Mail.ReadWrite") and
/// the vendors with their app ids.
[[nodiscard]] InsightsCatalog catalogFrom(const resources::Catalog &bundled);

/// Reads and validates the embedded tables (resources::Catalog::load) and converts them; fails
/// with `resources.bad_table` when a table is damaged.
[[nodiscard]] core::Result<InsightsCatalog> loadBundledCatalog();

}  // namespace stocktake::insights

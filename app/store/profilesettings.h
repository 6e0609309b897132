// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

namespace stocktake::store {

class Database;

/// The per-profile settings kept in the encrypted database (table `settings`): the one place
/// that names every key, its type, its range and its default. A missing or malformed value reads
/// as the default, so a hand-edited row can never break a report.
class ProfileSettings {
public:
    /// `reports.inactive_days`: the window of active/inactive in METRICS.md, in days.
    static constexpr auto kInactiveDaysKey = "reports.inactive_days";
    static constexpr int kInactiveDaysDefault = 30;
    static constexpr int kInactiveDaysMin = 1;
    static constexpr int kInactiveDaysMax = 3650;

    [[nodiscard]] static core::Result<int> inactiveDays(const Database &db);
    /// Fails with `store.bad_setting` (exit 2) outside [kInactiveDaysMin, kInactiveDaysMax].
    [[nodiscard]] static core::Status setInactiveDays(const Database &db, int days);
};

}  // namespace stocktake::store

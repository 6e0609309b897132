// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace stocktake::store {

class Database;

/// The figures a page computed last (table `figures_cache`, schema 5), so it can show them at
/// once next time while it computes them again: the Overview of a 100,000-person tenant takes
/// over a second to compute. A cache, never the truth: the page says the figures are being
/// updated until its own computation replaces them.
class FiguresCache {
public:
    struct Entry {
        QByteArray value;   ///< the page's own JSON
        QDateTime written;  ///< UTC
    };

    /// The entry, or empty when there is none.
    [[nodiscard]] static core::Result<std::optional<Entry>> read(const Database &db, const QString &name);
    /// Replaces the entry. It waits at most 250 ms for another writer (a sync holds the write lock
    /// for a whole entity) and then gives up with `store.busy`: the next computation writes it.
    /// The connection's own busy timeout is back in force afterwards.
    [[nodiscard]] static core::Status write(
        const Database &db, const QString &name, const QByteArray &value, const QDateTime &written);
};

}  // namespace stocktake::store

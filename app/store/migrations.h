// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct sqlite3;

namespace stocktake::store {

/// The schema migrations: numbered SQL files (`migrations/NNNN_name.sql`) embedded as Qt
/// resources under `:/stocktake/store/migrations`. Each is applied in its own transaction
/// together with its row in `schema_version`, so a crash leaves the schema at a whole version.
/// An applied migration is never edited; tests/store pins their SHA-256.
class Migrations {
public:
    struct Migration {
        int version = 0;
        QString name;    ///< the file name
        QByteArray sql;  ///< UTF-8
        [[nodiscard]] QString sha256() const;
    };

    /// Every embedded migration, in version order.
    [[nodiscard]] static QList<Migration> all();
    /// The highest version this build knows.
    [[nodiscard]] static int latestVersion();
    /// The version a keyed connection is at: 0 for an empty database.
    [[nodiscard]] static core::Result<int> currentVersion(sqlite3 *db);
    /// Applies every migration above the current version.
    [[nodiscard]] static core::Status migrate(sqlite3 *db, const QString &path);
};

}  // namespace stocktake::store

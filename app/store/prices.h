// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace stocktake::store {

class Database;

/// A unit price the admin set (`price set`, the Settings dialog): table `prices`, source manual.
/// It wins over the bundled list price of the same key (insights::PriceBook).
struct ManualPrice {
    QString key;  ///< a SKU part number, an app id or `vendor:<id>`; matched case-insensitively
    core::Money amount;
    QString period;  ///< "month" or "year"
    QDateTime updated;
};

/// The manual prices of one profile's database.
class Prices {
public:
    /// Sets the price of `price.key`, replacing any price of the same key in another letter case
    /// (keys match case-insensitively, so two rows would make the winner arbitrary). Fails with
    /// `store.bad_price` (exit 2) on an empty key, a negative amount or a period other than
    /// month/year.
    [[nodiscard]] static core::Status set(const Database &db, const ManualPrice &price);
    /// Removes the manual price of `key` (any letter case); the list price applies again.
    [[nodiscard]] static core::Status remove(const Database &db, const QString &key);
    /// Every manual price, by key. Rows with a currency that is not ISO 4217 are left out.
    [[nodiscard]] static core::Result<QList<ManualPrice>> list(const Database &db);
};

}  // namespace stocktake::store

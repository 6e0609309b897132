// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"
#include "core/error.h"
#include "core/money.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace stocktake::store {
class Database;
}

namespace stocktake::insights {

/// A unit price as it was set: the amount per period, and where it came from.
struct UnitPrice {
    enum class Period { Month, Year };
    enum class Source { Manual, List };
    core::Money amount;
    Period period = Period::Month;
    Source source = Source::List;

    [[nodiscard]] QString periodName() const
    {
        return period == Period::Year ? QStringLiteral("year") : QStringLiteral("month");
    }
};

/// The monthly cost of `units` at `price`, exact in minor units. A yearly price is multiplied
/// first and divided by 12 once at the end, rounding half up (half away from zero): 7 units at
/// 100.00/year = 70000 / 12 = 5833.33… → 58.33, never 7 × round(100.00 / 12). Nothing on
/// overflow.
[[nodiscard]] std::optional<core::Money> monthlyCost(qint64 units, const UnitPrice &price);

/// Prices by key: `price set` rows (table `prices`, source manual) over the bundled list prices.
/// Keys (SKU part numbers, app ids, `vendor:<id>`) match case-insensitively.
class PriceBook {
public:
    [[nodiscard]] static core::Result<PriceBook> load(const store::Database &db, const InsightsCatalog &catalog);
    [[nodiscard]] std::optional<UnitPrice> price(const QString &key) const;

private:
    QHash<QString, UnitPrice> m_prices;
};

/// One line of the price list an admin edits (the app's Settings): a subscribed SKU, or any other
/// key that has a manual price, with its bundled list price and the price set over it.
struct PriceListRow {
    QString key;          ///< the SKU part number as synced (or the manual price's key)
    QString productName;  ///< from the licensing name table, else the key
    std::optional<UnitPrice> listPrice;
    std::optional<UnitPrice> manualPrice;
    /// What the figures use: the manual price, else the list price.
    [[nodiscard]] std::optional<UnitPrice> effective() const { return manualPrice ? manualPrice : listPrice; }
};

/// The subscribed SKUs and the other manually priced keys, by product name.
[[nodiscard]] core::Result<QList<PriceListRow>> priceList(const store::Database &db, const InsightsCatalog &catalog);

}  // namespace stocktake::insights

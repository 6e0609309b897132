// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing.h"

#include "queryerror.h"
#include "store/database.h"

#include <QSqlQuery>

#include <limits>

namespace stocktake::insights {

namespace {

std::optional<UnitPrice> makePrice(
    qint64 minor, const QString &currency, const QString &period, UnitPrice::Source source)
{
    const auto c = core::Currency::fromCode(currency);
    if (!c || minor < 0 || (period != QLatin1StringView("month") && period != QLatin1StringView("year")))
        return std::nullopt;
    return UnitPrice {core::Money(minor, *c),
        period == QLatin1StringView("year") ? UnitPrice::Period::Year : UnitPrice::Period::Month, source};
}

}  // namespace

std::optional<core::Money> monthlyCost(qint64 units, const UnitPrice &price)
{
    auto total = price.amount.times(units);
    if (!total)
        return std::nullopt;
    if (price.period == UnitPrice::Period::Month)
        return total;
    const qint64 minor = total->minorUnits();
    if (minor > std::numeric_limits<qint64>::max() - 6 || minor < std::numeric_limits<qint64>::min() + 6)
        return std::nullopt;
    // One rounding: half away from zero.
    const qint64 rounded = minor >= 0 ? (minor + 6) / 12 : -((-minor + 6) / 12);
    return core::Money(rounded, price.amount.currency());
}

core::Result<PriceBook> PriceBook::load(const store::Database &db, const InsightsCatalog &catalog)
{
    PriceBook book;
    for (auto it = catalog.listPrices.cbegin(); it != catalog.listPrices.cend(); ++it) {
        if (auto p = makePrice(it->amountMinor, it->currency, it->period, UnitPrice::Source::List))
            book.m_prices.insert(it.key().toLower(), *p);
    }
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key, amount_minor, currency, period, source FROM prices ORDER BY key")))
        return queryError("prices", query);
    while (query.next()) {
        const auto source = query.value(4).toString() == QLatin1StringView("list") ? UnitPrice::Source::List
                                                                                   : UnitPrice::Source::Manual;
        const QString key = query.value(0).toString().toLower();
        // A manual price always wins; a stored list price only where the bundle has none.
        if (source == UnitPrice::Source::List && book.m_prices.contains(key))
            continue;
        if (auto p
            = makePrice(query.value(1).toLongLong(), query.value(2).toString(), query.value(3).toString(), source))
            book.m_prices.insert(key, *p);
    }
    return book;
}

std::optional<UnitPrice> PriceBook::price(const QString &key) const
{
    const auto it = m_prices.constFind(key.toLower());
    if (it == m_prices.cend())
        return std::nullopt;
    return *it;
}

core::Result<QList<PriceListRow>> priceList(const store::Database &db, const InsightsCatalog &catalog)
{
    QHash<QString, PriceListRow> rows;  // by lower-case key
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT DISTINCT sku_part_number FROM subscribed_skus WHERE sku_part_number "
                                   "IS NOT NULL AND sku_part_number <> ''")))
        return queryError("price list: skus", query);
    while (query.next()) {
        const QString part = query.value(0).toString();
        PriceListRow row;
        row.key = part;
        row.productName = catalog.productNames.value(part, part);
        rows.insert(part.toLower(), row);
    }
    // The bundled list prices, keyed as the catalog spells them (part numbers match exactly there).
    for (auto it = catalog.listPrices.cbegin(); it != catalog.listPrices.cend(); ++it) {
        auto row = rows.find(it.key().toLower());
        if (row != rows.end())
            row->listPrice = makePrice(it->amountMinor, it->currency, it->period, UnitPrice::Source::List);
    }
    if (!query.exec(QStringLiteral("SELECT key, amount_minor, currency, period FROM prices WHERE source = 'manual'")))
        return queryError("price list: prices", query);
    while (query.next()) {
        const QString key = query.value(0).toString();
        auto row = rows.find(key.toLower());
        if (row == rows.end()) {
            PriceListRow fresh;
            fresh.key = key;
            fresh.productName = catalog.productNames.value(key, key);
            const auto listed = catalog.listPrices.constFind(key);
            if (listed != catalog.listPrices.cend())
                fresh.listPrice
                    = makePrice(listed->amountMinor, listed->currency, listed->period, UnitPrice::Source::List);
            row = rows.insert(key.toLower(), fresh);
        }
        row->manualPrice = makePrice(query.value(1).toLongLong(), query.value(2).toString(), query.value(3).toString(),
            UnitPrice::Source::Manual);
    }
    QList<PriceListRow> out = rows.values();
    std::sort(out.begin(), out.end(), [](const PriceListRow &a, const PriceListRow &b) {
        const int byName = a.productName.compare(b.productName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.key < b.key;
    });
    return out;
}

}  // namespace stocktake::insights

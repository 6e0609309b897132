// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundledcatalog.h"

#include "resources/catalog.h"

namespace stocktake::insights {

InsightsCatalog catalogFrom(const resources::Catalog &bundled)
{
    InsightsCatalog catalog;
    catalog.productNames = bundled.productNames;
    for (auto it = bundled.listPrices.cbegin(); it != bundled.listPrices.cend(); ++it)
        catalog.listPrices.insert(it.key(), CatalogPrice {it->amountMinor, it->currency, it->period});
    catalog.highPrivilegeScopes = bundled.highPrivilegeScopeNames;
    for (const resources::Vendor &v : bundled.vendors)
        catalog.vendors.append(CatalogVendor {v.id, v.name, v.category, v.appIds});
    return catalog;
}

core::Result<InsightsCatalog> loadBundledCatalog()
{
    auto bundled = resources::Catalog::load();
    if (!bundled)
        return bundled.error();
    return catalogFrom(*bundled);
}

}  // namespace stocktake::insights

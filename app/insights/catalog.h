// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace stocktake::insights {

/// A price for one unit: exact minor units of an ISO 4217 currency, per month or per year.
struct CatalogPrice {
    qint64 amountMinor = 0;
    QString currency;  ///< ISO 4217 ("EUR")
    QString period;    ///< "month" or "year"
};

/// One SaaS vendor of the bundled catalog and the Entra application ids that are its apps.
struct CatalogVendor {
    QString id;          ///< catalog id ("slack"); app_key `vendor:<id>` for billing-only vendors
    QString name;        ///< "Slack"
    QString category;    ///< "Collaboration"
    QStringList appIds;  ///< lower-case GUIDs
};

/// The bundled reference data the figures read, passed in so insights depends on the store only
/// and tests can hand-make their own: the licensing name table, list prices, the high-privilege
/// scope list and the vendor catalog.
struct InsightsCatalog {
    QHash<QString, QString> productNames;     ///< SKU part number → product name
    QHash<QString, CatalogPrice> listPrices;  ///< SKU part number → list price
    QStringList highPrivilegeScopes;          ///< e.g. Mail.ReadWrite, Files.ReadWrite.All
    QList<CatalogVendor> vendors;

    [[nodiscard]] const CatalogVendor *vendor(const QString &id) const
    {
        for (const CatalogVendor &v : vendors) {
            if (v.id == id)
                return &v;
        }
        return nullptr;
    }
};

}  // namespace stocktake::insights

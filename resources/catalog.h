// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/money.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace stocktake::resources {

struct ListPrice {
    qint64 amountMinor = 0;  ///< exact minor units (cents), parsed with core::Money::parse
    QString currency;        ///< ISO 4217 ("USD")
    QString period;          ///< "month"
    QString source;
    QString date;  ///< ISO date the figure was recorded
};

struct Vendor {
    QString id;
    QString name;
    QString category;
    QStringList appIds;         ///< lower-case GUIDs, only where certain
    QStringList senderDomains;  ///< billing mail sender domains ("slack.com")
};

/// The bundled reference tables (embedded with qt_add_resources), read and validated.
class Catalog {
public:
    /// Reads every table from the embedded resources; fails on any malformed row.
    [[nodiscard]] static core::Result<Catalog> load();

    QHash<QString, QString> productNames;  ///< part number → product display name
    QHash<QString, QString> productGuids;  ///< part number → SKU GUID (only where known)
    QHash<QString, ListPrice> listPrices;  ///< part number → list price
    QSet<QString> highPrivilegeScopes;     ///< lower-cased scope names
    QStringList highPrivilegeScopeNames;   ///< the same scopes as the table spells them, in its order
    QList<Vendor> vendors;
    QStringList categories;
    QStringList invoiceKeywords;

    [[nodiscard]] bool isHighPrivilege(const QString &scope) const;
    /// The vendor whose sender domain is the address's domain or a parent of it; nullptr if none.
    [[nodiscard]] const Vendor *vendorForSender(const QString &address) const;
};

/// Registers the embedded resources (`:/icons/…`, `:/licensing/…`, `:/catalog/…`); idempotent.
void ensureResources();

/// Splits one RFC 4180 record (no embedded newlines) into fields.
[[nodiscard]] QStringList splitCsvLine(const QString &line);

}  // namespace stocktake::resources

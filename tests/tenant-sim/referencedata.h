// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace stocktake::tenantsim {

/// A list price in minor units (cents) per seat and period.
struct ListPrice {
    qint64 minor = 0;
    QString currency;
    QString period;  ///< "month" or "year"
    /// Per month, rounded half up to the cent when a yearly price does not divide by 12.
    [[nodiscard]] qint64 monthlyMinor() const;
};

/// The reference tables METRICS.md builds on, read from the project's resources/ folder (the
/// same files the app bundles): product names, list prices and high-privilege scopes. They are
/// inputs to the truth, not computations; a missing file leaves its fields empty.
class ReferenceData {
public:
    static ReferenceData load(const QString &resourcesDir);

    [[nodiscard]] QString productName(const QString &partNumber) const { return m_names.value(partNumber); }
    [[nodiscard]] std::optional<ListPrice> price(const QString &partNumber) const;
    [[nodiscard]] bool isHighPrivilege(const QString &scope) const { return m_risky.contains(scope.toLower()); }
    [[nodiscard]] bool hasScopes() const { return !m_risky.isEmpty(); }

private:
    QHash<QString, QString> m_names;
    QHash<QString, ListPrice> m_prices;
    QSet<QString> m_risky;
};

}  // namespace stocktake::tenantsim

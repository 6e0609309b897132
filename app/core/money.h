// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QLocale>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace stocktake::core {

/// An ISO 4217 currency: its three-letter code and how many minor-unit digits it has.
class Currency {
public:
    /// The currency for an ISO 4217 alphabetic code ("EUR"), or nothing for an unknown code.
    [[nodiscard]] static std::optional<Currency> fromCode(QStringView code);

    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] int minorDigits() const { return m_minorDigits; }
    friend bool operator==(const Currency &a, const Currency &b) { return a.m_code == b.m_code; }

private:
    Currency(QString code, int minorDigits)
        : m_code(std::move(code))
        , m_minorDigits(minorDigits)
    { }
    QString m_code;
    int m_minorDigits = 2;
};

/// An exact amount of money: a whole number of minor units (cents, øre) in one currency.
/// Never floating point; arithmetic refuses to mix currencies.
class Money {
public:
    Money(qint64 minorUnits, Currency currency)
        : m_minor(minorUnits)
        , m_currency(std::move(currency))
    { }

    /// Parses a plain decimal with '.' as the separator ("1234.5", "-12.50"). More fraction
    /// digits than the currency has is an error, never a rounding.
    [[nodiscard]] static Result<Money> parse(QStringView decimal, const Currency &currency);

    [[nodiscard]] qint64 minorUnits() const { return m_minor; }
    [[nodiscard]] const Currency &currency() const { return m_currency; }

    /// The amount as a plain decimal with exactly the currency's minor digits ("1234.50").
    [[nodiscard]] QString toDecimalString() const;

    /// Sum of two amounts of the same currency; nothing on a currency mismatch or an overflow.
    [[nodiscard]] std::optional<Money> plus(const Money &other) const;
    /// This amount times a whole number; nothing on overflow.
    [[nodiscard]] std::optional<Money> times(qint64 factor) const;

    friend bool operator==(const Money &a, const Money &b)
    {
        return a.m_minor == b.m_minor && a.m_currency == b.m_currency;
    }

private:
    qint64 m_minor = 0;
    Currency m_currency;
};

/// A plain decimal ("-12345.50") for people: the locale's digit grouping and decimal point,
/// digit for digit (no rounding, no floating point). Text that is not a plain decimal comes
/// back as it is.
[[nodiscard]] QString formatDecimal(const QString &decimal, const QLocale &locale = QLocale());

}  // namespace stocktake::core

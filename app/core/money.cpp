// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "money.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <algorithm>
#include <array>
#include <limits>

namespace stocktake::core {

namespace {

struct CurrencyEntry {
    const char *code;
    int minorDigits;
};

// ISO 4217 active codes (list one, 2024 edition) with their minor units. Funds codes and
// precious metals (X..) are left out on purpose: no invoice is billed in them.
constexpr std::array kCurrencies {
    CurrencyEntry {"AED", 2},
    CurrencyEntry {"AFN", 2},
    CurrencyEntry {"ALL", 2},
    CurrencyEntry {"AMD", 2},
    CurrencyEntry {"ANG", 2},
    CurrencyEntry {"AOA", 2},
    CurrencyEntry {"ARS", 2},
    CurrencyEntry {"AUD", 2},
    CurrencyEntry {"AWG", 2},
    CurrencyEntry {"AZN", 2},
    CurrencyEntry {"BAM", 2},
    CurrencyEntry {"BBD", 2},
    CurrencyEntry {"BDT", 2},
    CurrencyEntry {"BGN", 2},
    CurrencyEntry {"BHD", 3},
    CurrencyEntry {"BIF", 0},
    CurrencyEntry {"BMD", 2},
    CurrencyEntry {"BND", 2},
    CurrencyEntry {"BOB", 2},
    CurrencyEntry {"BRL", 2},
    CurrencyEntry {"BSD", 2},
    CurrencyEntry {"BTN", 2},
    CurrencyEntry {"BWP", 2},
    CurrencyEntry {"BYN", 2},
    CurrencyEntry {"BZD", 2},
    CurrencyEntry {"CAD", 2},
    CurrencyEntry {"CDF", 2},
    CurrencyEntry {"CHF", 2},
    CurrencyEntry {"CLP", 0},
    CurrencyEntry {"CNY", 2},
    CurrencyEntry {"COP", 2},
    CurrencyEntry {"CRC", 2},
    CurrencyEntry {"CUP", 2},
    CurrencyEntry {"CVE", 2},
    CurrencyEntry {"CZK", 2},
    CurrencyEntry {"DJF", 0},
    CurrencyEntry {"DKK", 2},
    CurrencyEntry {"DOP", 2},
    CurrencyEntry {"DZD", 2},
    CurrencyEntry {"EGP", 2},
    CurrencyEntry {"ERN", 2},
    CurrencyEntry {"ETB", 2},
    CurrencyEntry {"EUR", 2},
    CurrencyEntry {"FJD", 2},
    CurrencyEntry {"FKP", 2},
    CurrencyEntry {"GBP", 2},
    CurrencyEntry {"GEL", 2},
    CurrencyEntry {"GHS", 2},
    CurrencyEntry {"GIP", 2},
    CurrencyEntry {"GMD", 2},
    CurrencyEntry {"GNF", 0},
    CurrencyEntry {"GTQ", 2},
    CurrencyEntry {"GYD", 2},
    CurrencyEntry {"HKD", 2},
    CurrencyEntry {"HNL", 2},
    CurrencyEntry {"HTG", 2},
    CurrencyEntry {"HUF", 2},
    CurrencyEntry {"IDR", 2},
    CurrencyEntry {"ILS", 2},
    CurrencyEntry {"INR", 2},
    CurrencyEntry {"IQD", 3},
    CurrencyEntry {"IRR", 2},
    CurrencyEntry {"ISK", 0},
    CurrencyEntry {"JMD", 2},
    CurrencyEntry {"JOD", 3},
    CurrencyEntry {"JPY", 0},
    CurrencyEntry {"KES", 2},
    CurrencyEntry {"KGS", 2},
    CurrencyEntry {"KHR", 2},
    CurrencyEntry {"KMF", 0},
    CurrencyEntry {"KPW", 2},
    CurrencyEntry {"KRW", 0},
    CurrencyEntry {"KWD", 3},
    CurrencyEntry {"KYD", 2},
    CurrencyEntry {"KZT", 2},
    CurrencyEntry {"LAK", 2},
    CurrencyEntry {"LBP", 2},
    CurrencyEntry {"LKR", 2},
    CurrencyEntry {"LRD", 2},
    CurrencyEntry {"LSL", 2},
    CurrencyEntry {"LYD", 3},
    CurrencyEntry {"MAD", 2},
    CurrencyEntry {"MDL", 2},
    CurrencyEntry {"MGA", 2},
    CurrencyEntry {"MKD", 2},
    CurrencyEntry {"MMK", 2},
    CurrencyEntry {"MNT", 2},
    CurrencyEntry {"MOP", 2},
    CurrencyEntry {"MRU", 2},
    CurrencyEntry {"MUR", 2},
    CurrencyEntry {"MVR", 2},
    CurrencyEntry {"MWK", 2},
    CurrencyEntry {"MXN", 2},
    CurrencyEntry {"MYR", 2},
    CurrencyEntry {"MZN", 2},
    CurrencyEntry {"NAD", 2},
    CurrencyEntry {"NGN", 2},
    CurrencyEntry {"NIO", 2},
    CurrencyEntry {"NOK", 2},
    CurrencyEntry {"NPR", 2},
    CurrencyEntry {"NZD", 2},
    CurrencyEntry {"OMR", 3},
    CurrencyEntry {"PAB", 2},
    CurrencyEntry {"PEN", 2},
    CurrencyEntry {"PGK", 2},
    CurrencyEntry {"PHP", 2},
    CurrencyEntry {"PKR", 2},
    CurrencyEntry {"PLN", 2},
    CurrencyEntry {"PYG", 0},
    CurrencyEntry {"QAR", 2},
    CurrencyEntry {"RON", 2},
    CurrencyEntry {"RSD", 2},
    CurrencyEntry {"RUB", 2},
    CurrencyEntry {"RWF", 0},
    CurrencyEntry {"SAR", 2},
    CurrencyEntry {"SBD", 2},
    CurrencyEntry {"SCR", 2},
    CurrencyEntry {"SDG", 2},
    CurrencyEntry {"SEK", 2},
    CurrencyEntry {"SGD", 2},
    CurrencyEntry {"SHP", 2},
    CurrencyEntry {"SLE", 2},
    CurrencyEntry {"SOS", 2},
    CurrencyEntry {"SRD", 2},
    CurrencyEntry {"SSP", 2},
    CurrencyEntry {"STN", 2},
    CurrencyEntry {"SVC", 2},
    CurrencyEntry {"SYP", 2},
    CurrencyEntry {"SZL", 2},
    CurrencyEntry {"THB", 2},
    CurrencyEntry {"TJS", 2},
    CurrencyEntry {"TMT", 2},
    CurrencyEntry {"TND", 3},
    CurrencyEntry {"TOP", 2},
    CurrencyEntry {"TRY", 2},
    CurrencyEntry {"TTD", 2},
    CurrencyEntry {"TWD", 2},
    CurrencyEntry {"TZS", 2},
    CurrencyEntry {"UAH", 2},
    CurrencyEntry {"UGX", 0},
    CurrencyEntry {"USD", 2},
    CurrencyEntry {"UYU", 2},
    CurrencyEntry {"UZS", 2},
    CurrencyEntry {"VES", 2},
    CurrencyEntry {"VND", 0},
    CurrencyEntry {"VUV", 0},
    CurrencyEntry {"WST", 2},
    CurrencyEntry {"XAF", 0},
    CurrencyEntry {"XCD", 2},
    CurrencyEntry {"XOF", 0},
    CurrencyEntry {"XPF", 0},
    CurrencyEntry {"YER", 2},
    CurrencyEntry {"ZAR", 2},
    CurrencyEntry {"ZMW", 2},
    CurrencyEntry {"ZWL", 2},
};

constexpr qint64 kPow10[] = {1, 10, 100, 1000};

Error badAmount(const QString &detail)
{
    return Error {QStringLiteral("money.bad_amount"),
        QCoreApplication::translate("stocktake::core::Money",
            "The amount is not a valid number for its currency. "
            "Write it with '.' as the decimal point, for example 1234.50."),
        detail, ExitCode::BadInput};
}

}  // namespace

std::optional<Currency> Currency::fromCode(QStringView code)
{
    if (code.size() != 3)
        return std::nullopt;
    const QString upper = code.toString().toUpper();
    for (const auto &entry : kCurrencies) {
        if (upper == QLatin1StringView(entry.code))
            return Currency(upper, entry.minorDigits);
    }
    return std::nullopt;
}

Result<Money> Money::parse(QStringView decimal, const Currency &currency)
{
    QStringView s = decimal.trimmed();
    bool negative = false;
    if (!s.isEmpty() && (s.front() == u'-' || s.front() == u'+')) {
        negative = s.front() == u'-';
        s = s.mid(1);
    }
    if (s.isEmpty())
        return badAmount(QStringLiteral("empty amount"));

    const qsizetype dot = s.indexOf(u'.');
    const QStringView whole = dot < 0 ? s : s.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : s.mid(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && fraction.isEmpty()))
        return badAmount(QStringLiteral("missing digits around the decimal point"));
    if (fraction.size() > currency.minorDigits())
        return badAmount(QStringLiteral("more fraction digits than %1 has").arg(currency.code()));

    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    qint64 minor = 0;
    auto appendDigits = [&minor](QStringView digits) {
        for (const QChar c : digits) {
            if (c < u'0' || c > u'9')
                return false;
            const int d = c.unicode() - u'0';
            if (minor > (kMax - d) / 10)
                return false;
            minor = minor * 10 + d;
        }
        return true;
    };
    if (!appendDigits(whole) || !appendDigits(fraction))
        return badAmount(QStringLiteral("not a plain decimal, or too large"));
    const qint64 scale = kPow10[currency.minorDigits() - fraction.size()];
    if (minor > kMax / scale)
        return badAmount(QStringLiteral("too large"));
    minor *= scale;
    return Money(negative ? -minor : minor, currency);
}

QString Money::toDecimalString() const
{
    const int digits = m_currency.minorDigits();
    const bool negative = m_minor < 0;
    // Work in unsigned so that the most negative value has a magnitude too.
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(m_minor) : static_cast<quint64>(m_minor);
    const auto scale = static_cast<quint64>(kPow10[digits]);
    QString out = negative ? QStringLiteral("-") : QString();
    out += QString::number(magnitude / scale);
    if (digits > 0)
        out += u'.' + QString::number(magnitude % scale).rightJustified(digits, u'0');
    return out;
}

std::optional<Money> Money::plus(const Money &other) const
{
    if (!(m_currency == other.m_currency))
        return std::nullopt;
    qint64 sum = 0;
    if (qAddOverflow(m_minor, other.m_minor, &sum))
        return std::nullopt;
    return Money(sum, m_currency);
}

std::optional<Money> Money::times(qint64 factor) const
{
    qint64 product = 0;
    if (qMulOverflow(m_minor, factor, &product))
        return std::nullopt;
    return Money(product, m_currency);
}

QString formatDecimal(const QString &decimal, const QLocale &locale)
{
    const bool negative = decimal.startsWith(u'-');
    const QString digits = negative ? decimal.mid(1) : decimal;
    const qsizetype point = digits.indexOf(u'.');
    const QString whole = point < 0 ? digits : digits.left(point);
    const QString fraction = point < 0 ? QString() : digits.mid(point + 1);
    const auto allDigits = [](const QString &text) {
        return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (whole.isEmpty() || !allDigits(whole) || !allDigits(fraction) || (point >= 0 && fraction.isEmpty()))
        return decimal;
    QString grouped;
    const QString separator = locale.groupSeparator();
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += separator;
        grouped += whole.at(i);
    }
    QString out = negative ? locale.negativeSign() + grouped : grouped;
    if (!fraction.isEmpty())
        out += locale.decimalPoint() + fraction;
    return out;
}

}  // namespace stocktake::core

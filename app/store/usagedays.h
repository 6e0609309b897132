// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>

namespace stocktake::store {

/// usage_daily's day (schema 10): the days since 1970-01-01, a UTC date.
[[nodiscard]] inline qint64 usageDay(const QDate &day)
{
    constexpr qint64 julianDayOfEpoch = 2440588;
    return day.toJulianDay() - julianDayOfEpoch;
}

}  // namespace stocktake::store

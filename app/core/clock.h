// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace stocktake::core {

/// Where "now" comes from. Time is UTC inside Stocktake; tests pass a fixed clock.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
};

/// The wall clock, in UTC.
class SystemClock final : public Clock {
public:
    [[nodiscard]] QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

}  // namespace stocktake::core

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock.h"

namespace stocktake::testing {

/// A clock that says what the test tells it to, and moves only when told.
class FixedClock final : public core::Clock {
public:
    explicit FixedClock(QDateTime now)
        : m_now(std::move(now))
    {
        m_now = m_now.toUTC();
    }
    [[nodiscard]] QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now.toUTC(); }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

}  // namespace stocktake::testing

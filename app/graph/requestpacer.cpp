// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/requestpacer.h"

#include <algorithm>
#include <cmath>

namespace stocktake::graph {

using namespace std::chrono_literals;

RequestPacer::RequestPacer(qint64 budget, Ms window)
    : m_budget(std::max<qint64>(1, budget))
    , m_window(std::max(window, Ms(1)))
{ }

RequestPacer RequestPacer::forBudget(Budget budget, double headroom)
{
    const double h = std::clamp(headroom, 0.01, 1.0);
    const auto scaled = [h](qint64 n) {
        return std::max<qint64>(1, static_cast<qint64>(std::floor(static_cast<double>(n) * h)));
    };
    switch (budget) {
    case Budget::Directory:
        // 8,000 RU per 10 s for a tenant over 500 users; smaller tenants get 5,000 / 3,500.
        return {scaled(8000), 10s};
    case Budget::Reports:
        // 5 per 10 s is small enough that a count headroom would cost a fifth; keep the count
        // and pad the window instead. The server counts arrivals, not sends: a page that leaves
        // on time but arrives late (a busy listener, a slow previous answer) would otherwise
        // land inside the server's window and earn a 429 (measured against tenant-sim
        // --graph-limits: 1 of 32 sign-in requests). 5 % of the rate buys that margin.
        return {5, 10500ms};
    case Budget::SignInActivity:
        return {10, 61500ms};  // exact count, padded window: as for Reports
    case Budget::UsageReports:
        return {14, 600s};
    case Budget::Mail:
        return {scaled(10000), 600s};
    case Budget::None:
        break;
    }
    return {1000000, 1s};
}

void RequestPacer::prune(Clock::time_point now)
{
    while (!m_sent.empty() && m_sent.front().at <= now - m_window) {
        m_sum -= m_sent.front().cost;
        m_sent.pop_front();
    }
}

qint64 RequestPacer::inWindow(Clock::time_point now)
{
    prune(now);
    return m_sum;
}

RequestPacer::Ms RequestPacer::tryAcquire(qint64 cost, Clock::time_point now)
{
    cost = std::clamp<qint64>(cost, 1, m_budget);
    if (now < m_blockedUntil) {
        return std::chrono::ceil<Ms>(m_blockedUntil - now);
    }
    prune(now);
    if (m_sum + cost <= m_budget) {
        m_sent.push_back({now, cost});
        m_sum += cost;
        return Ms(0);
    }
    // Walk the oldest sends until enough leaves the window; that is when this one fits.
    qint64 freed = 0;
    for (const Sent &s : m_sent) {
        freed += s.cost;
        if (m_sum - freed + cost <= m_budget) {
            return std::max(Ms(1), std::chrono::ceil<Ms>(s.at + m_window - now) + Ms(1));
        }
    }
    return m_window;
}

void RequestPacer::blockUntil(Clock::time_point until)
{
    m_blockedUntil = std::max(m_blockedUntil, until);
}

}  // namespace stocktake::graph

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <chrono>
#include <deque>

namespace stocktake::graph {

/// Graph's throttling buckets that a client can pace against (graph-facts §C.4).
enum class Budget {
    None,            ///< not paced (downloads, loopback tools)
    Directory,       ///< identity and access: ResourceUnits per 10 s per app + tenant
    Reports,         ///< identity and access reports: auditLogs/signIns, 5 requests per 10 s
    SignInActivity,  ///< GET users?$select=signInActivity: 10 requests per minute
    UsageReports,    ///< /reports CSV: 14 requests per 10 min
    Mail,            ///< Outlook: 10,000 requests per 10 min per mailbox
};

/// Paces one budget class so the client stays inside Graph's published limit instead of
/// bouncing off 429s. A sliding-window log: a send of cost c is allowed at time t only when the
/// costs sent in (t - window, t] plus c stay within the budget, which keeps both a fixed-window
/// and a sliding-window server satisfied. A 429's Retry-After blocks the whole class.
class RequestPacer {
public:
    using Clock = std::chrono::steady_clock;
    using Ms = std::chrono::milliseconds;

    RequestPacer(qint64 budget, Ms window);

    /// Graph's documented limits, with `headroom` (0 < h ≤ 1) of each kept for the client.
    [[nodiscard]] static RequestPacer forBudget(Budget budget, double headroom = 0.9);

    /// Records a send of `cost` now and returns 0, or returns how long to wait before asking
    /// again (nothing recorded). A cost above the budget is treated as the whole budget.
    [[nodiscard]] Ms tryAcquire(qint64 cost, Clock::time_point now = Clock::now());

    /// After a 429 or 503 with Retry-After: nothing of this class goes before `until`.
    void blockUntil(Clock::time_point until);

    [[nodiscard]] qint64 budget() const { return m_budget; }
    [[nodiscard]] Ms window() const { return m_window; }
    /// What the window holds now (for tests and progress).
    [[nodiscard]] qint64 inWindow(Clock::time_point now = Clock::now());

private:
    struct Sent {
        Clock::time_point at;
        qint64 cost;
    };
    void prune(Clock::time_point now);

    qint64 m_budget;
    Ms m_window;
    std::deque<Sent> m_sent;
    qint64 m_sum = 0;
    Clock::time_point m_blockedUntil {};
};

}  // namespace stocktake::graph

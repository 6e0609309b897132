// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <deque>
#include <optional>

namespace stocktake::tenantsim {

/// The throttling buckets Graph publishes (graph-facts §C.4, perf-anchors §1.1).
enum class Budget { None, Directory, Reports, SignInActivity, UsageReports, Mail };

/// What one request costs and where.
struct Charge {
    Budget budget = Budget::None;
    int resourceUnits = 0;        ///< Directory only: ResourceUnits after the $select/$expand/$top modifiers
    bool signInActivity = false;  ///< also counts against the 10-per-minute signInActivity limit
    QString scope;                ///< a key inside the budget (usage reports count per report API)
};

/// Graph's published budgets as sliding windows, for `--graph-limits`: directory reads 8,000
/// ResourceUnits per 10 s; identity reports (auditLogs) 5 requests per 10 s; signInActivity
/// 10 requests per minute; usage reports 14 per 10 minutes per report; Outlook 10,000 requests
/// per 10 minutes per mailbox. A refused request does not count.
class GraphLimits {
public:
    using Clock = std::chrono::steady_clock;

    /// The charge of a GET below /v1.0 (`path` without the /v1.0 prefix).
    static Charge charge(const QString &path, const QUrlQuery &query);

    /// Seconds to wait (Retry-After) when the request does not fit; nothing when admitted.
    std::optional<int> admit(const Charge &charge, Clock::time_point now = Clock::now());
    /// Share (0..1+) of the directory budget used in the current window.
    [[nodiscard]] double directoryUsage(Clock::time_point now = Clock::now());

private:
    struct Window {
        qint64 limit = 0;
        std::chrono::milliseconds length {0};
        std::deque<std::pair<Clock::time_point, qint64>> sent;
        qint64 sum = 0;
        void prune(Clock::time_point now);
        /// Zero when `cost` fits now; else how long until it does.
        [[nodiscard]] std::chrono::milliseconds wait(qint64 cost, Clock::time_point now);
    };
    Window &window(Budget budget, const QString &scope);

    QHash<QString, Window> m_windows;
};

/// Remembers what was throttled and until when, to catch a client that retries the same
/// request before its Retry-After elapsed (a logged violation).
class RetryWatch {
public:
    using Clock = std::chrono::steady_clock;
    void throttled(const QString &key, int retryAfterSeconds, Clock::time_point now = Clock::now());
    /// The violation text when `key` is retried too early; empty otherwise.
    QString check(const QString &key, Clock::time_point now = Clock::now());

private:
    QHash<QString, Clock::time_point> m_notBefore;
};

}  // namespace stocktake::tenantsim

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <optional>

class QRandomGenerator;

namespace stocktake::graph {

/// When to retry a throttled or failed request (SECURITY.md D5): Retry-After when Graph sends
/// it, capped; otherwise bounded exponential backoff with jitter; and a budget of retries per
/// operation, after which the caller gets a typed error (exit 4).
struct RetryPolicy {
    using Ms = std::chrono::milliseconds;

    int budget = 8;                                ///< retries per operation
    Ms retryAfterCap = std::chrono::seconds(300);  ///< a longer Retry-After is cut to this
    Ms backoffBase = std::chrono::seconds(1);
    Ms backoffMax = std::chrono::seconds(64);

    /// Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), relative to `nowUtc`;
    /// nullopt when absent or unreadable. A date in the past is 0.
    [[nodiscard]] static std::optional<Ms> parseRetryAfter(QByteArrayView value, const QDateTime &nowUtc);

    /// The wait before retry number `attempt` (1-based) when the server gave no Retry-After:
    /// d = min(max, base·2^(attempt-1)), then a uniform pick in [d/2, d] ("equal jitter"), so
    /// clients spread out and the wait never collapses to zero.
    [[nodiscard]] Ms backoff(int attempt, QRandomGenerator &random) const;

    /// The wait for a response that carried `retryAfter` (capped), or the backoff.
    [[nodiscard]] Ms delayFor(std::optional<Ms> retryAfter, int attempt, QRandomGenerator &random) const;
};

}  // namespace stocktake::graph

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace stocktake::auth {

/// The polling rhythm of the device authorization grant (RFC 8628 §3.4-3.5, SECURITY.md
/// A10-A12): `interval` seconds (5 when the server gave none), +5 s for every slow_down and kept
/// for all later polls, doubled after a network failure, and no poll at or after `expires_in`.
class PollSchedule {
public:
    static constexpr int kDefaultIntervalS = 5;
    static constexpr int kSlowDownStepS = 5;
    static constexpr int kMaxIntervalS = 300;

    /// `intervalS` <= 0 means the server sent none.
    PollSchedule(int intervalS, int expiresInS);

    [[nodiscard]] int intervalS() const { return m_intervalS; }
    void onSlowDown();
    void onNetworkFailure();
    /// Seconds until the next poll, given `elapsedS` since the code was issued; -1 when the
    /// code will have expired by then (stop with expired_token).
    [[nodiscard]] int nextDelayS(int elapsedS) const;

private:
    int m_intervalS;
    int m_expiresInS;
};

}  // namespace stocktake::auth

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pollschedule.h"

#include <algorithm>

namespace stocktake::auth {

PollSchedule::PollSchedule(int intervalS, int expiresInS)
    : m_intervalS(intervalS > 0 ? std::min(intervalS, kMaxIntervalS) : kDefaultIntervalS)
    , m_expiresInS(std::max(expiresInS, 0))
{ }

void PollSchedule::onSlowDown()
{
    m_intervalS = std::min(m_intervalS + kSlowDownStepS, kMaxIntervalS);
}

void PollSchedule::onNetworkFailure()
{
    m_intervalS = std::min(m_intervalS * 2, kMaxIntervalS);
}

int PollSchedule::nextDelayS(int elapsedS) const
{
    if (elapsedS + m_intervalS >= m_expiresInS)
        return -1;
    return m_intervalS;
}

}  // namespace stocktake::auth

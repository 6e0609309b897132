// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/entitystep.h"

#include <QDate>
#include <QList>

namespace stocktake::sync {

/// Sign-in logs, one UTC day at a time, newest day first, each day in its own transaction with
/// its checkpoint (signin_days) and its fold into usage_daily. Graph's 5 requests per 10 s make
/// this the long part of a first sync; the client paces to that budget instead of meeting 429s.
class SignInsStep : public EntityStep {
    Q_OBJECT

public:
    SignInsStep(StepContext &context, QObject *parent = nullptr);
    void start() override;

    /// Each day is fetched as this many time windows at once: pages of one window are written
    /// while the next page of another is on its way, so neither Graph nor the store waits on the
    /// other. The pacer keeps them within the sign-ins budget together.
    static constexpr int kWindowsPerDay = 2;

private:
    struct DayPlan {
        QDate day;
        QDateTime from;
        QDateTime to;
        qint64 eventsBefore = 0;
    };
    void planDays();
    /// Sends the first requests of day `index`; its pages land in the open transaction.
    void startDay(int index);
    void windowDone(int index);
    /// Folds and commits day `index` (the next day's requests are already out), then opens the
    /// next day's transaction.
    void finishDay(int index);

    QList<DayPlan> m_plan;
    int m_done = 0;          ///< days committed
    int m_windowsLeft = 0;   ///< windows of day m_done still paging
    qint64 m_dayEvents = 0;  ///< events of day m_done written so far
    qint64 m_msPerDay = 0;
    QElapsedTimer m_dayTimer;
};

/// The Microsoft 365 active-user report (getOffice365ActiveUserDetail, 30 days): a 302 to a
/// CSV that is fetched without the bearer token, then swapped in whole.
class UsageStep : public EntityStep {
    Q_OBJECT

public:
    UsageStep(StepContext &context, QObject *parent = nullptr);
    void start() override;
    void cancel() override;

private:
    quint64 m_request = 0;
};

}  // namespace stocktake::sync

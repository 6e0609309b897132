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

private:
    struct DayPlan {
        QDate day;
        QDateTime from;
        QDateTime to;
        qint64 eventsBefore = 0;
    };
    void planDays();
    void nextDay();
    void finishDay(const DayPlan &plan, qint64 events);

    QList<DayPlan> m_plan;
    int m_done = 0;
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

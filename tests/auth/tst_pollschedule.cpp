// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pollschedule.h"

#include <QTest>

using stocktake::auth::PollSchedule;

class TestPollSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void usesFiveSecondsWhenServerSendsNoInterval()
    {
        QCOMPARE(PollSchedule(0, 900).intervalS(), 5);
        QCOMPARE(PollSchedule(-1, 900).intervalS(), 5);
        QCOMPARE(PollSchedule(7, 900).intervalS(), 7);
    }

    void slowDownAddsFiveSecondsCumulatively()
    {
        PollSchedule s(5, 900);
        s.onSlowDown();
        QCOMPARE(s.nextDelayS(0), 10);
        s.onSlowDown();
        QCOMPARE(s.nextDelayS(10), 15);
        QCOMPARE(s.nextDelayS(100), 15);  // kept for all later polls
    }

    void networkFailureDoublesTheInterval()
    {
        PollSchedule s(5, 900);
        s.onNetworkFailure();
        QCOMPARE(s.intervalS(), 10);
        s.onNetworkFailure();
        QCOMPARE(s.intervalS(), 20);
        for (int i = 0; i < 10; ++i)
            s.onNetworkFailure();
        QCOMPARE(s.intervalS(), PollSchedule::kMaxIntervalS);
    }

    void stopsAtExpiry()
    {
        PollSchedule s(5, 20);
        QCOMPARE(s.nextDelayS(0), 5);
        QCOMPARE(s.nextDelayS(14), 5);
        QCOMPARE(s.nextDelayS(15), -1);
        QCOMPARE(s.nextDelayS(30), -1);
    }
};

QTEST_GUILESS_MAIN(TestPollSchedule)
#include "tst_pollschedule.moc"

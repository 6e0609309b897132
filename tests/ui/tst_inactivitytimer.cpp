// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/inactivitytimer.h"

#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using stocktake::ui::InactivityTimer;

class TestInactivityTimer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firesAfterTheTimeoutWithoutInput()
    {
        InactivityTimer timer;
        QSignalSpy spy(&timer, &InactivityTimer::inactive);
        timer.activate(300);
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 1);
        // Single-shot: no second lock without new activity.
        QTest::qWait(500);
        QCOMPARE(spy.count(), 1);
    }

    void mouseMovesKeepItAwake()
    {
        QWidget window;
        window.resize(200, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InactivityTimer timer;
        QSignalSpy spy(&timer, &InactivityTimer::inactive);
        timer.activate(300);
        for (int i = 0; i < 10; ++i) {
            QTest::mouseMove(&window, QPoint(10 + i * 5, 10 + (i % 2) * 5));
            QTest::qWait(100);
        }
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(2000));  // and locks once the moves stop
    }

    void keyPressesKeepItAwake()
    {
        QWidget window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InactivityTimer timer;
        QSignalSpy spy(&timer, &InactivityTimer::inactive);
        timer.activate(300);
        for (int i = 0; i < 6; ++i) {
            QTest::keyClick(&window, Qt::Key_A);
            QTest::qWait(100);
        }
        QCOMPARE(spy.count(), 0);
    }

    void zeroTurnsLockingOff()
    {
        InactivityTimer timer;
        QSignalSpy spy(&timer, &InactivityTimer::inactive);
        timer.activate(0);
        QVERIFY(!timer.isActive());
        QTest::qWait(400);
        QCOMPARE(spy.count(), 0);
    }
};

QTEST_MAIN(TestInactivityTimer)
#include "tst_inactivitytimer.moc"

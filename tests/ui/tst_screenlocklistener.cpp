// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/screenlocklistener.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

using stocktake::ui::ScreenLockListener;

class TestScreenLockListener : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // scripts/test runs the suite on a private session bus (dbus-run-session).
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "needs a D-Bus session bus");
    }

    void locksWhenTheScreenSaverActivates()
    {
        // This test plays the screen saver: it owns the name on the private bus and emits.
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.ScreenSaver")));
        ScreenLockListener listener(bus, QDBusConnection(QStringLiteral("none")));
        QSignalSpy spy(&listener, &ScreenLockListener::screenLocked);

        auto message = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/ScreenSaver"),
            QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"));
        message << false;
        QVERIFY(bus.send(message));
        QTest::qWait(200);
        QCOMPARE(spy.count(), 0);  // unlocking is not a lock

        auto locked = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/ScreenSaver"),
            QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"));
        locked << true;
        QVERIFY(bus.send(locked));
        QVERIFY(spy.wait(1000));
        QCOMPARE(spy.count(), 1);
        bus.unregisterService(QStringLiteral("org.freedesktop.ScreenSaver"));
    }

    void locksOnGnomeScreenSaverToo()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        ScreenLockListener listener(bus, QDBusConnection(QStringLiteral("none")));
        QSignalSpy spy(&listener, &ScreenLockListener::screenLocked);
        auto locked = QDBusMessage::createSignal(QStringLiteral("/org/gnome/ScreenSaver"),
            QStringLiteral("org.gnome.ScreenSaver"), QStringLiteral("ActiveChanged"));
        locked << true;
        QVERIFY(bus.send(locked));
        QVERIFY(spy.wait(1000));
    }

    void locksBeforeSleepAndOnSessionLock()
    {
        // logind lives on the system bus, which tests do not own; its slots are the seam.
        ScreenLockListener listener(QDBusConnection(QStringLiteral("none")), QDBusConnection(QStringLiteral("none")));
        QSignalSpy spy(&listener, &ScreenLockListener::screenLocked);
        listener.onPrepareForSleep(false);
        QCOMPARE(spy.count(), 0);
        listener.onPrepareForSleep(true);
        listener.onSessionLock();
        QCOMPARE(spy.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestScreenLockListener)
#include "tst_screenlocklistener.moc"

// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>

namespace stocktake::ui {

/// Tells when the desktop locks, the machine goes to sleep or the session is locked or switched
/// away, so the app can lock itself too (SECURITY.md B5, after KeePassXC's ScreenLockListenerDBus).
/// Linux: `ActiveChanged(true)` of org.freedesktop.ScreenSaver and org.gnome.ScreenSaver on the
/// session bus, and logind's `PrepareForSleep(true)` and the session's `Lock` on the system bus.
class ScreenLockListener : public QObject {
    Q_OBJECT

public:
    /// Listens on the given buses; pass disconnected ones to listen on none of them.
    ScreenLockListener(QDBusConnection sessionBus, QDBusConnection systemBus, QObject *parent = nullptr);
    /// Listens on the process's own session and system buses.
    explicit ScreenLockListener(QObject *parent = nullptr);

Q_SIGNALS:
    /// The screen locked, the machine is about to sleep, or the session was locked.
    void screenLocked();

public Q_SLOTS:
    void onScreenSaverActiveChanged(bool active);
    void onPrepareForSleep(bool sleeping);
    void onSessionLock();

private:
    void listen(QDBusConnection sessionBus, QDBusConnection systemBus);
};

}  // namespace stocktake::ui

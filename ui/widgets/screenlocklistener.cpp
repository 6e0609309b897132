// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenlocklistener.h"

namespace stocktake::ui {

ScreenLockListener::ScreenLockListener(QDBusConnection sessionBus, QDBusConnection systemBus, QObject *parent)
    : QObject(parent)
{
    listen(std::move(sessionBus), std::move(systemBus));
}

ScreenLockListener::ScreenLockListener(QObject *parent)
    : QObject(parent)
{
    listen(QDBusConnection::sessionBus(), QDBusConnection::systemBus());
}

void ScreenLockListener::listen(QDBusConnection sessionBus, QDBusConnection systemBus)
{
    if (sessionBus.isConnected()) {
        // An empty service name matches the signal from whoever owns the name now or later.
        sessionBus.connect(QString(), QStringLiteral("/org/freedesktop/ScreenSaver"),
            QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"), this,
            SLOT(onScreenSaverActiveChanged(bool)));
        sessionBus.connect(QString(), QStringLiteral("/org/gnome/ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver"),
            QStringLiteral("ActiveChanged"), this, SLOT(onScreenSaverActiveChanged(bool)));
    }
    if (systemBus.isConnected()) {
        systemBus.connect(QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"), this,
            SLOT(onPrepareForSleep(bool)));
        // Our own session's object; logind resolves "auto" to the caller's session.
        systemBus.connect(QStringLiteral("org.freedesktop.login1"),
            QStringLiteral("/org/freedesktop/login1/session/auto"), QStringLiteral("org.freedesktop.login1.Session"),
            QStringLiteral("Lock"), this, SLOT(onSessionLock()));
    }
}

void ScreenLockListener::onScreenSaverActiveChanged(bool active)
{
    if (active)
        Q_EMIT screenLocked();
}

void ScreenLockListener::onPrepareForSleep(bool sleeping)
{
    if (sleeping)
        Q_EMIT screenLocked();
}

void ScreenLockListener::onSessionLock()
{
    Q_EMIT screenLocked();
}

}  // namespace stocktake::ui

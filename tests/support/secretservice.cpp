// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretservice.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>

namespace stocktake::testing {

bool insideRealSecretService(QString *why)
{
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return fail(QStringLiteral("DBUS_SESSION_BUS_ADDRESS is not set (run under dbus-run-session)"));
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return fail(QStringLiteral("cannot connect to the session bus"));
    const QString service = QStringLiteral("org.freedesktop.secrets");
    if (!bus.interface()->isServiceRegistered(service).value())
        return fail(QStringLiteral("nothing owns org.freedesktop.secrets (start gnome-keyring-daemon --unlock)"));
    // The default collection must exist and be unlocked, or every write would need a prompt.
    QDBusInterface secrets(
        service, QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service"), bus);
    const QDBusReply<QDBusObjectPath> alias = secrets.call(QStringLiteral("ReadAlias"), QStringLiteral("default"));
    if (!alias.isValid() || alias.value().path() == QStringLiteral("/"))
        return fail(QStringLiteral("the Secret Service has no default collection"));
    QDBusInterface collection(service, alias.value().path(), QStringLiteral("org.freedesktop.DBus.Properties"), bus);
    const QDBusReply<QDBusVariant> locked = collection.call(
        QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked"));
    if (!locked.isValid())
        return fail(QStringLiteral("cannot read the default collection's lock state"));
    if (locked.value().variant().toBool())
        return fail(QStringLiteral("the default collection is locked"));
    return true;
}

}  // namespace stocktake::testing

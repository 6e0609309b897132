// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/signinsettings.h"

#include "auth/scopes.h"

namespace stocktake::auth {

SignInSettings SignInSettings::forTenant(
    const QUrl &authority, const QString &tenant, const QString &clientId, LoopbackListener::HostName redirectHost)
{
    SignInSettings settings;
    settings.authority = authority;
    settings.tenant = tenant;
    settings.clientId = clientId;
    settings.scopes = Scopes::forCapabilities(
        Scopes::Directory | Scopes::Licenses | Scopes::Apps | Scopes::AuditLogs | Scopes::Reports);
    settings.redirectHost = redirectHost;
    return settings;
}

}  // namespace stocktake::auth
